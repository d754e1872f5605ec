"""Sessions: the week, what is coming up, and the session being prepared with its agenda."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPoint, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.ics import invitation_files, uid_namespace_for
from outreach_app.core.model import Session, SessionKind, SessionStatus, Site, SiteCheck
from outreach_app.core.scheduling import Conflict, first_free_start, next_half_hour
from outreach_app.core.topics import Topic
from outreach_app.exports.files import Progress, write_files
from outreach_app.ui.call.launcher import call_available, call_windows
from outreach_app.ui.context import UiContext
from outreach_app.ui.exports.file_dialogs import ask_export_folder
from outreach_app.ui.exports.runner import (
    ExportOutcome,
    ExportTask,
)
from outreach_app.ui.exports.vocabulary import invitation_words
from outreach_app.ui.formatting import format_date, format_time
from outreach_app.ui.labels import call_status_label, live_now_text
from outreach_app.ui.schedule.agenda_editor import AgendaEditor
from outreach_app.ui.schedule.invitation_sharing import InvitationBar
from outreach_app.ui.schedule.presenter import SchedulePresenter
from outreach_app.ui.schedule.session_editor import DEFAULT_DURATION, SessionEditor
from outreach_app.ui.schedule.week_view import WeekView
from outreach_app.ui.widgets.heading import heading
from outreach_app.ui.widgets.messages import MessageBar, ask_to_save_changes

if TYPE_CHECKING:
    from outreach_app.call.live import CallService

ID_ROLE = Qt.ItemDataRole.UserRole
UPCOMING_TITLE_COLUMN = 2


def weekday_name(day: date) -> str:
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


class ScheduleView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = SchedulePresenter(
            context.store, context.bus, parent=self, clock=context.clock
        )
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self.messages.float_over(self)
        self.invitations_task: ExportTask | None = None

        left = self._build_calendar()
        right = self._build_session_tabs()

        self.splitter = QSplitter()
        self.splitter.setObjectName("scheduleSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)

        self._connect_signals()
        context.bus.changed.connect(self._on_bus_changed)
        self._upcoming_sessions: list[Session] = []
        # A call started or closed: "Interrupted" becomes "Live" again, or the other way.
        call_windows(context).callsChanged.connect(self._calls_changed)
        if context.team is not None:
            # Calls run on officials' computers: this desk sees them live and who has the floor.
            context.team.liveChanged.connect(self._live_changed)
        self._sites: list[Site] = []
        self.new_session()
        self.presenter.refresh()

    def _build_calendar(self) -> QWidget:
        """The left side: the week with its navigation, and the upcoming sessions."""
        self.previous_button = QPushButton("◀")
        self.previous_button.setAccessibleName(self.tr("Previous week"))
        self.previous_button.setToolTip(self.tr("Previous week (Alt+Left)"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.today_button = QPushButton(self.tr("This week"))
        self.today_button.setToolTip(self.tr("Go to this week (Alt+Home)"))
        self.today_button.setShortcut(QKeySequence("Alt+Home"))
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName(self.tr("Next week"))
        self.next_button.setToolTip(self.tr("Next week (Alt+Right)"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        self.new_button = QPushButton(self.tr("New session"))
        self.new_button.setToolTip(self.tr("Schedule a new session (Ctrl+N)"))
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.today_button)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.week_label, 1)
        navigation.addWidget(self.new_button)
        self.week = WeekView()
        left_split = QSplitter(Qt.Orientation.Vertical)
        left_split.setObjectName("scheduleWeekSplitter")
        left_split.addWidget(self.week)
        left_split.addWidget(self._build_upcoming())
        left_split.setSizes([520, 180])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(navigation)
        left_layout.addWidget(left_split, 1)
        return left

    def _build_upcoming(self) -> QWidget:
        """The list of upcoming sessions under its label."""
        self.upcoming = QTreeWidget()
        self.upcoming.setObjectName("upcomingList")
        self.upcoming.setAccessibleName(self.tr("Upcoming sessions"))
        self.upcoming.setToolTip(self.tr("Double-click or press Enter to open a session"))
        self.upcoming.setRootIsDecorated(False)
        self.upcoming.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Title"),
                self.tr("Status"),
                self.tr("Sites"),
            ]
        )
        upcoming_header = self.upcoming.header()
        upcoming_header.setStretchLastSection(False)
        for column in range(5):
            upcoming_header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == UPCOMING_TITLE_COLUMN
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        upcoming_panel = QWidget()
        upcoming_layout = QVBoxLayout(upcoming_panel)
        upcoming_layout.setContentsMargins(0, 0, 0, 0)
        upcoming_label = QLabel(self.tr("&Upcoming sessions"))
        upcoming_label.setBuddy(self.upcoming)
        upcoming_layout.addWidget(upcoming_label)
        upcoming_layout.addWidget(self.upcoming)
        return upcoming_panel

    def _build_session_tabs(self) -> QWidget:
        """The right side: the open session's details and agenda."""
        self.editor_title = heading(self.tr("New session"))
        self.live_label = QLabel()
        self.live_label.setObjectName("sessionLiveLabel")
        self.live_label.setStyleSheet("#sessionLiveLabel { color: #b3261e; font-weight: bold; }")
        self.live_label.hide()
        self.editor = SessionEditor()
        self.agenda = AgendaEditor(self.presenter, self.context.clock)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, self.tr("Details"))
        self.tabs.addTab(self.agenda, self.tr("Agenda"))
        # Beside the tabs rather than in the editor: officials hand out invitations from a
        # session they may not edit, whose fields are read-only for them.
        self.invitation_bar = InvitationBar(self.presenter, self.context.settings, self._site_links)
        self.editor.order.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor_title)
        right_layout.addWidget(self.live_label)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.invitation_bar)
        return right

    def _connect_signals(self) -> None:
        self.previous_button.clicked.connect(lambda: self._shift_week(-7))
        self.next_button.clicked.connect(lambda: self._shift_week(+7))
        self.today_button.clicked.connect(lambda: self.presenter.load_week(self._today()))
        self.new_button.clicked.connect(lambda: self.new_session())
        self.week.sessionSelected.connect(self._session_picked)
        self.week.sessionActivated.connect(self.open_session)
        self.week.emptySlotActivated.connect(self.new_session)
        self.upcoming.itemActivated.connect(self._upcoming_chosen)
        self.upcoming.currentItemChanged.connect(self._upcoming_selected)
        self.editor.changed.connect(self._editor_changed)
        self.editor.save_button.clicked.connect(self.save)
        self.editor.revert_button.clicked.connect(self._revert)
        self.editor.cancel_session_button.clicked.connect(self._cancel_session)
        self.editor.call_button.clicked.connect(self.start_call)
        self.editor.invitations_button.clicked.connect(self.save_invitations)
        self.editor.order.currentItemChanged.connect(self._order_row_chosen)
        self.editor.order.customContextMenuRequested.connect(self._show_order_menu)
        self.invitation_bar.siteChosen.connect(self._select_order_row)
        self.invitation_bar.confirmed.connect(self._confirm)
        self.invitation_bar.refused.connect(self.messages.show_error)
        self.presenter.weekLoaded.connect(self._show_week)
        self.presenter.upcomingLoaded.connect(self._show_upcoming)
        self.presenter.sitesLoaded.connect(self._sites_loaded)
        self.presenter.sessionOpened.connect(self._show_session)
        self.presenter.checksLoaded.connect(self._show_checks)
        self.presenter.sessionSaved.connect(self._saved)
        self.presenter.conflictsFound.connect(self._show_conflicts)

    def _today(self) -> date:
        return self.context.clock().date()

    # -------------------------------------------------------------- week and lists
    def _shift_week(self, days: int) -> None:
        self.presenter.load_week(self.presenter.monday + timedelta(days=days))

    def _show_week(self, monday: date, sessions: list[Session]) -> None:
        sunday = monday + timedelta(days=6)
        self.week_label.setText(f"{format_date(monday)} – {format_date(sunday)}")
        self.week.set_week(monday, sessions, self._today())

    def _show_upcoming(self, sessions: list[Session]) -> None:
        self._upcoming_sessions = sessions
        # A live session without a call running for it (here, or on an official's computer in
        # team mode) shows as interrupted.
        running = call_windows(self.context).running_session_ids()
        live = self.context.live_elsewhere()
        with QSignalBlocker(self.upcoming):
            self.upcoming.clear()
            for session in sessions:
                item = QTreeWidgetItem(
                    [
                        f"{format_date(session.start.date())} {weekday_name(session.start.date())}",
                        f"{format_time(session.start)}–{format_time(session.end)}",
                        session.title,
                        self._live_text(session, live)
                        or call_status_label(session.status, session.id in running),
                        str(len(session.sites)),
                    ]
                )
                if session.id in live:
                    item.setForeground(3, QColor("#b3261e"))
                item.setData(0, ID_ROLE, session.id)
                item.setToolTip(UPCOMING_TITLE_COLUMN, self.week.tooltip_for(session))
                if session.status is SessionStatus.DRAFT:
                    item.setForeground(3, self.palette().placeholderText())
                self.upcoming.addTopLevelItem(item)
            if not sessions:
                item = QTreeWidgetItem([self.tr("Nothing scheduled — press New session (Ctrl+N)")])
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.upcoming.addTopLevelItem(item)
                item.setFirstColumnSpanned(True)
            self._select_in_upcoming(self.week.selected_id)
        self._keep_new_session_free()

    def _calls_changed(self) -> None:
        self._show_upcoming(self._upcoming_sessions)

    def _live_changed(self) -> None:
        self._show_upcoming(self._upcoming_sessions)
        if self.editor.session is not None:
            self._show_live(self.editor.session)

    @staticmethod
    def _live_text(session: Session, live: dict[int, int | None]) -> str:
        """ "Live now — the gas field has the floor" for a call going on elsewhere; else ""."""
        if session.id not in live:
            return ""
        floor = live[session.id]
        names = {slot.site_id: slot.site_name for slot in session.sites}
        return live_now_text(names.get(floor, "") if floor is not None else "")

    def _show_live(self, session: Session) -> None:
        text = self._live_text(session, self.context.live_elsewhere())
        self.live_label.setText("● " + text if text else "")
        self.live_label.setVisible(bool(text))

    def upcoming_session_ids(self) -> list[int]:
        """The sessions in the upcoming list, soonest first."""
        rows = (self.upcoming.topLevelItem(r) for r in range(self.upcoming.topLevelItemCount()))
        ids = (row.data(0, ID_ROLE) for row in rows if row is not None)
        return [int(session_id) for session_id in ids if session_id is not None]

    def _select_in_upcoming(self, session_id: int | None) -> None:
        with QSignalBlocker(self.upcoming):
            self.upcoming.clearSelection()
            for row in range(self.upcoming.topLevelItemCount()):
                item = self.upcoming.topLevelItem(row)
                if item is not None and item.data(0, ID_ROLE) == session_id:
                    self.upcoming.setCurrentItem(item)

    def _upcoming_selected(self, item: QTreeWidgetItem | None) -> None:
        session_id = item.data(0, ID_ROLE) if item is not None else None
        if session_id is not None:
            self._session_picked(int(session_id))

    def _session_picked(self, session_id: int) -> None:
        """A highlighted session is the one in the editor; kept edits keep their session marked."""
        self.week.select(session_id)
        self._select_in_upcoming(session_id)
        self.open_session(session_id)
        shown = self.editor.session
        if shown is not None and shown.id != session_id and self.editor.is_modified():
            self.week.select(shown.id)
            self._select_in_upcoming(shown.id)

    def _sites_loaded(self, sites: list[Site]) -> None:
        self._sites = sites
        self.editor.set_offered_sites(sites)

    def _upcoming_chosen(self, item: QTreeWidgetItem) -> None:
        session_id = item.data(0, ID_ROLE)
        if session_id is not None:
            self.open_session(int(session_id))

    # ---------------------------------------------------------------- editing
    def _confirm_leaving(self) -> bool:
        if not self.editor.is_modified():
            return True
        return ask_to_save_changes(
            self, self.tr("Save the changes to this session first?"), self.save
        )

    def open_session(self, session_id: int) -> None:
        current = self.editor.session.id if self.editor.session else None
        if session_id == current or not self._confirm_leaving():
            return
        self.presenter.open_session(session_id)

    def new_session(self, start: datetime | None = None) -> None:
        if not self._confirm_leaving():
            return
        start = start or self._free_start()
        official = self.context.user.name if self.context.user.role.value == "official" else ""
        self._show_session(
            Session(
                "",
                SessionKind.POLICY_BRIEFING,
                official,
                start,
                DEFAULT_DURATION,
                status=SessionStatus.SCHEDULED,
            )
        )
        self.tabs.setCurrentWidget(self.editor)
        self.editor.title_edit.setFocus()

    def _free_start(self) -> datetime:
        return first_free_start(
            next_half_hour(self.context.clock()),
            DEFAULT_DURATION,
            [*self._upcoming_sessions, *self.week.sessions],
        )

    def _keep_new_session_free(self) -> None:
        """An untouched new session moves off a slot that the sessions just loaded now take."""
        shown = self.editor.session
        if shown is None or shown.id is not None or self.editor.is_modified():
            return
        start = self._free_start()
        if start != shown.start:
            self._show_session(dataclasses.replace(shown, start=start))

    def _show_session(self, session: Session) -> None:
        self.editor.show_session(session)
        self._show_call_button(session)
        self._show_invitations_button(session)
        self.invitation_bar.show_session(
            session if session.id is not None else None, self._saved_invitation_problem()
        )
        self.editor_title.setText(session.title or self.tr("New session"))
        self._show_live(session)
        self.agenda.set_session(session)
        self.tabs.setTabEnabled(1, session.id is not None)
        self.week.select(session.id)
        self._select_in_upcoming(session.id)
        if session.id is not None:
            self.presenter.check_conflicts(session)
            self.presenter.load_checks(session.id)

    def _show_call_button(self, session: Session) -> None:
        available = call_available(session, self._today())
        self.editor.call_button.setEnabled(available)
        self.editor.call_button.setText(
            self.tr("Join call") if session.status is SessionStatus.LIVE else self.tr("Start call")
        )
        self.editor.call_button.setToolTip(
            self.tr("Open the call window; sites join by their invitation links")
            if available
            else self.tr("Calls are started on the day of a scheduled session")
        )

    def _show_checks(self, session_id: int, checks: dict[int, SiteCheck]) -> None:
        shown = self.editor.session
        if shown is not None and shown.id == session_id:
            self.editor.order.show_checks(checks)

    def _on_bus_changed(self, topic: Topic) -> None:
        shown = self.editor.session
        if topic is not Topic.SESSIONS or shown is None or shown.id is None:
            return
        session_id = shown.id
        # A site may have run its pre-call check.
        self.presenter.load_checks(session_id)
        self.presenter.spawn(
            self.presenter.query(lambda r: r.sessions.get_session(session_id)),
            on_done=self._status_may_have_changed,
        )

    def _status_may_have_changed(self, stored: Session) -> None:
        shown = self.editor.session
        if shown is None or shown.id != stored.id or shown.status is stored.status:
            return
        # A call started or ended; the rest of what is being edited stays as it is.
        self.editor.show_status(stored.status)
        self._show_call_button(stored)
        self._show_invitations_button(stored)
        self.invitation_bar.set_problem(self._saved_invitation_problem())

    def _editor_changed(self) -> None:
        self.presenter.check_conflicts(self.editor.current_session())
        self.invitation_bar.set_problem(self._saved_invitation_problem())

    def _show_conflicts(self, conflicts: list[Conflict], starts: dict[int, datetime]) -> None:
        self.editor.show_conflicts(conflicts, starts)

    def save(self) -> bool:
        session = self.editor.current_session()
        if not session.title:
            self.messages.show_error(self.tr("Give the session a title."))
            self.editor.title_edit.setFocus()
            return False
        self.presenter.save_session(session)
        return True

    def _saved(self, session: Session) -> None:
        current = self.editor.session
        # Saved on the way to another session: leave the one now shown alone.
        if current is None or current.id in (None, session.id):
            self._show_session(session)
        self.messages.show_info(self.tr("Session saved."))

    def _revert(self) -> None:
        session = self.editor.session
        if session is not None and session.id is not None:
            self.presenter.open_session(session.id)
        elif session is not None:
            self._show_session(session)

    def _cancel_session(self) -> None:
        session = self.editor.session
        if session is None or session.id is None or not self._confirm_leaving():
            return
        choice = QMessageBox.question(
            self,
            self.tr("Cancel session"),
            self.tr("Cancel “%1”? It stays on record as cancelled; sites should be told.").replace(
                "%1", session.title
            ),
        )
        if choice == QMessageBox.StandardButton.Yes:
            self.presenter.set_status(session.id, SessionStatus.CANCELLED)

    def start_call(self) -> None:
        session = self.editor.session
        if session is None or session.id is None or not self._confirm_leaving():
            return
        call_windows(self.context).open_call(session.id)

    # ------------------------------------------------------------------ invitations
    def _invitation_problem(self, session: Session | None) -> str:
        """Why invitations cannot be issued for `session` now; "" when they can."""
        if session is None or session.id is None:
            return self.tr("Save the session first: invitations need its time and sites.")
        if session.status in (SessionStatus.CANCELLED, SessionStatus.ENDED):
            return self.tr("The session is over or cancelled: there is nothing to invite to.")
        if not session.sites:
            return self.tr("Add the sites first: each gets its own invitation.")
        return ""

    def _show_invitations_button(self, session: Session) -> None:
        problem = self._invitation_problem(session)
        self.editor.invitations_button.setEnabled(not problem)
        self.editor.invitations_button.setToolTip(
            problem
            or self.tr(
                "Save a calendar invitation (.ics) for each site, with its turn and its join"
                " link, and one with every site (Ctrl+Shift+J)"
            )
        )

    def save_invitations(self) -> None:
        """Ask for a folder, then save one .ics per site and one for the whole session there."""
        problem = self._saved_invitation_problem()
        if problem:
            self.messages.show_error(problem)
            return
        if self.invitations_task is not None:
            return
        folder = ask_export_folder(
            self, self.context.settings, self.tr("Folder for the invitations")
        )
        if folder is not None:
            self.save_invitations_to(folder)

    def save_invitations_to(self, folder: Path) -> ExportTask | None:
        session = self.editor.session
        if session is None or self._invitation_problem(session) or self.invitations_task:
            return None
        words = invitation_words()
        stamp = self.context.clock()
        whole = self.tr("all sites")
        task = ExportTask(
            self,
            self.tr("Save invitations"),
            self.tr("Saving the invitations to “%1”…").replace("%1", str(folder)),
        )
        self.invitations_task = task

        async def run() -> ExportOutcome:
            try:
                service = await self._call_service()
                links = await self._site_links(session)
                namespace = uid_namespace_for(service.link_namespace)
            except OSError as exc:
                task.finish()
                return ExportOutcome(
                    error=self.tr(
                        "The invitations need the call server, which could not start: %1"
                    ).replace("%1", exc.strerror or str(exc))
                )

            def job(progress: Progress) -> list[Path]:
                progress.check()
                files = invitation_files(
                    session,
                    links,
                    uid_namespace=namespace,
                    stamp=stamp,
                    whole_session_label=whole,
                    words=words,
                )
                return write_files(
                    [(folder / name, text.encode("utf-8")) for name, text in files], progress
                )

            return await task.run(job, folder)

        self.presenter.spawn(run(), on_done=self._invitations_saved)
        return task

    async def _call_service(self) -> CallService:
        # The call service (aiortc, the signaling server) loads off the GUI thread.
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, importlib.import_module, "outreach_app.call.live")
        return call_windows(self.context).service()

    async def _site_links(self, session: Session) -> dict[int, str]:
        """Each site's join link for the saved `session`, as calls and .ics files give them:
        from the office's team server, or signed with this computer's secret."""
        assert session.id is not None
        service = await self._call_service()
        return await service.invitation_links(
            session.id, [slot.site_id for slot in session.sites], session.end.timestamp()
        )

    def _saved_invitation_problem(self) -> str:
        """Why the open session's invitations cannot be handed out now, edits included; ""
        when they can."""
        problem = self._invitation_problem(self.editor.session)
        if not problem and self.editor.is_modified():
            problem = self.tr("Save the changes first: the invitations carry the saved times.")
        return problem

    def _order_row_chosen(self, item: QTreeWidgetItem | None) -> None:
        site_id = item.data(0, ID_ROLE) if item is not None else None
        if site_id is not None:
            self.invitation_bar.select_site(int(site_id))

    def _select_order_row(self, site_id: int) -> None:
        order = self.editor.order
        for row in range(order.topLevelItemCount()):
            item = order.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == site_id:
                with QSignalBlocker(order):
                    order.setCurrentItem(item)

    def _show_order_menu(self, position: QPoint) -> None:
        order = self.editor.order
        item = order.itemAt(position) or order.currentItem()
        if item is None:
            return
        order.setCurrentItem(item)
        menu = self.invitation_bar.site_menu(int(item.data(0, ID_ROLE)), self)
        if menu is not None:
            menu.exec(order.viewport().mapToGlobal(position))
            menu.deleteLater()

    def _confirm(self, text: str) -> None:
        """A short confirmation: in the window's status bar, where the page has one."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 5000)
        else:
            self.messages.show_info(text)

    def _invitations_saved(self, outcome: ExportOutcome) -> None:
        self.invitations_task = None
        if outcome.cancelled:
            self.messages.show_info(self.tr("Cancelled; no invitation was written."))
        elif outcome.error:
            self.messages.show_error(outcome.error)
        elif outcome.paths:
            self.messages.show_info(
                self.tr("Saved %1 invitations in “%2”: one for each site and one with all sites.")
                .replace("%1", str(len(outcome.paths)))
                .replace("%2", str(outcome.paths[0].parent)),
                timeout_ms=8000,
            )

    def flush(self) -> None:
        self.presenter.flush()
