"""Sessions: the week, what is coming up, and the session being prepared with its agenda."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import Session, SessionKind, SessionStatus, Site
from outreach_app.core.scheduling import Conflict
from outreach_app.ui.context import UiContext
from outreach_app.ui.labels import status_label
from outreach_app.ui.main_window import PageSpec
from outreach_app.ui.schedule.agenda_editor import AgendaEditor
from outreach_app.ui.schedule.presenter import SchedulePresenter
from outreach_app.ui.schedule.session_editor import (
    DEFAULT_DURATION,
    SessionEditor,
    next_half_hour,
)
from outreach_app.ui.schedule.week_view import WeekView
from outreach_app.ui.widgets import MessageBar, heading

ID_ROLE = Qt.ItemDataRole.UserRole


class ScheduleView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = SchedulePresenter(context.store, context.bus, parent=self)
        self.messages = MessageBar()
        self.messages.follow(self.presenter)

        self.previous_button = QPushButton("◀")
        self.previous_button.setAccessibleName(self.tr("Previous week"))
        self.previous_button.setToolTip(self.tr("Previous week (Alt+Left)"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.today_button = QPushButton(self.tr("This week"))
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
        self.upcoming = QListWidget()
        self.upcoming.setObjectName("upcomingList")
        self.upcoming.setAccessibleName(self.tr("Upcoming sessions"))
        left_split = QSplitter(Qt.Orientation.Vertical)
        left_split.addWidget(self.week)
        upcoming_panel = QWidget()
        upcoming_layout = QVBoxLayout(upcoming_panel)
        upcoming_layout.setContentsMargins(0, 0, 0, 0)
        upcoming_layout.addWidget(QLabel(self.tr("Upcoming sessions")))
        upcoming_layout.addWidget(self.upcoming)
        left_split.addWidget(upcoming_panel)
        left_split.setSizes([520, 180])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(navigation)
        left_layout.addWidget(left_split, 1)

        self.editor_title = heading(self.tr("New session"))
        self.editor = SessionEditor()
        self.agenda = AgendaEditor(self.presenter)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, self.tr("Details"))
        self.tabs.addTab(self.agenda, self.tr("Agenda"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor_title)
        right_layout.addWidget(self.tabs, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("scheduleSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.splitter, 1)

        self.previous_button.clicked.connect(lambda: self._shift_week(-7))
        self.next_button.clicked.connect(lambda: self._shift_week(+7))
        self.today_button.clicked.connect(lambda: self.presenter.load_week(self._today()))
        self.new_button.clicked.connect(lambda: self.new_session())
        self.week.sessionClicked.connect(self.open_session)
        self.week.sessionActivated.connect(self.open_session)
        self.week.emptySlotActivated.connect(self.new_session)
        self.upcoming.itemActivated.connect(self._upcoming_chosen)
        self.upcoming.itemClicked.connect(self._upcoming_chosen)
        self.editor.changed.connect(self._editor_changed)
        self.editor.save_button.clicked.connect(self.save)
        self.editor.revert_button.clicked.connect(self._revert)
        self.editor.cancel_session_button.clicked.connect(self._cancel_session)
        self.presenter.weekLoaded.connect(self._show_week)
        self.presenter.upcomingLoaded.connect(self._show_upcoming)
        self.presenter.sitesLoaded.connect(self._sites_loaded)
        self.presenter.sessionOpened.connect(self._show_session)
        self.presenter.sessionSaved.connect(self._saved)
        self.presenter.conflictsFound.connect(self._show_conflicts)
        self._sites: list[Site] = []
        self.new_session()
        self.presenter.refresh()

    def _today(self) -> date:
        return self.context.clock().date()

    # -------------------------------------------------------------- week and lists
    def _shift_week(self, days: int) -> None:
        self.presenter.load_week(self.presenter.monday + timedelta(days=days))

    def _show_week(self, monday: date, sessions: list[Session]) -> None:
        sunday = monday + timedelta(days=6)
        self.week_label.setText(f"{monday:%Y-%m-%d} – {sunday:%Y-%m-%d}")
        self.week.set_week(monday, sessions, self._today())

    def _show_upcoming(self, sessions: list[Session]) -> None:
        with QSignalBlocker(self.upcoming):
            self.upcoming.clear()
            for session in sessions:
                sites = len(session.sites)
                text = (
                    f"{session.start:%m-%d %H:%M}  {session.title}  ·  "
                    f"{status_label(session.status)}  ·  "
                )
                text += self.tr("%n site(s)", "", sites)
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, session.id)
                self.upcoming.addItem(item)
            if not sessions:
                item = QListWidgetItem(self.tr("Nothing scheduled — press New session (Ctrl+N)"))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.upcoming.addItem(item)

    def _sites_loaded(self, sites: list[Site]) -> None:
        self._sites = sites
        self.editor.set_offered_sites(sites)

    def _upcoming_chosen(self, item: QListWidgetItem) -> None:
        session_id = item.data(ID_ROLE)
        if session_id is not None:
            self.open_session(int(session_id))

    # ---------------------------------------------------------------- editing
    def _confirm_leaving(self) -> bool:
        if not self.editor.is_modified():
            return True
        choice = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this session first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if choice == QMessageBox.StandardButton.Save:
            return self.save()
        return choice == QMessageBox.StandardButton.Discard

    def open_session(self, session_id: int) -> None:
        current = self.editor.session.id if self.editor.session else None
        if session_id == current or not self._confirm_leaving():
            return
        self.presenter.open_session(session_id)

    def new_session(self, start: datetime | None = None) -> None:
        if not self._confirm_leaving():
            return
        start = start or next_half_hour(self.context.clock())
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

    def _show_session(self, session: Session) -> None:
        self.editor.show_session(session)
        self.editor_title.setText(session.title or self.tr("New session"))
        self.agenda.set_session(session)
        self.tabs.setTabEnabled(1, session.id is not None)
        self.week.select(session.id)
        if session.id is not None:
            self.presenter.check_conflicts(session)

    def _editor_changed(self) -> None:
        self.presenter.check_conflicts(self.editor.current_session())

    def _show_conflicts(self, conflicts: list[Conflict]) -> None:
        self.editor.show_conflicts(conflicts)

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
        if session is None or session.id is None:
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

    def flush(self) -> None:
        self.presenter.flush()


def build_page(context: UiContext) -> PageSpec:
    view = ScheduleView(context)
    new_session = QAction(view.tr("&New session"), view)
    new_session.setShortcut(QKeySequence.StandardKey.New)

    def triggered() -> None:
        show = getattr(view.window(), "show_page", None)
        if callable(show):
            show("schedule")
        view.new_session()

    new_session.triggered.connect(triggered)
    return PageSpec(
        key="schedule",
        title=view.tr("Sessions"),
        widget=view,
        icon=QStyle.StandardPixmap.SP_FileDialogListView,
        flush=view.flush,
        actions=[new_session],
    )
