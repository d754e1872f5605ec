"""The call window: the header with the floor's clock and buttons, the run sheet, the pictures
(video_area.py) and the notes panel beside them; its menu of actions, and closing mid-call."""

from __future__ import annotations

import asyncio
import enum
import logging
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService
from outreach_app.call.official_engine import FULL_QUALITY
from outreach_app.core.call_summary import summarize_call
from outreach_app.core.model import Session, SiteNotice
from outreach_app.ui.call.header import CallHeader
from outreach_app.ui.call.notes_target import NotesTarget
from outreach_app.ui.call.presenter import CallPhase, CallPresenter, OfficialMedia
from outreach_app.ui.call.run_sheet import RunSheet
from outreach_app.ui.call.video_area import VideoArea
from outreach_app.ui.context import UiContext
from outreach_app.ui.formatting import format_offset
from outreach_app.ui.media import LocalMedia
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.widgets.messages import MessageBar
from outreach_app.ui.widgets.notice_dialog import NoticeDialog
from outreach_app.ui.window_shortcuts import WindowShortcutsFirst

_log = logging.getLogger(__name__)

TICK_MS: Final = 250
NEXT_SHORTCUT: Final = "F8"
PREVIOUS_SHORTCUT: Final = "Shift+F8"
END_SHORTCUT: Final = "Ctrl+Shift+E"
COPY_LINK_SHORTCUT: Final = "Ctrl+Shift+C"
MUTE_SHORTCUT: Final = "Ctrl+D"
CAMERA_SHORTCUT: Final = "Ctrl+E"
RECORD_SHORTCUT: Final = "Ctrl+R"
NOTICE_SHORTCUT: Final = "Ctrl+Shift+P"


class CloseChoice(enum.Enum):
    END = "end"
    KEEP_RUNNING = "keep"
    CANCEL = "cancel"


class CallWindow(QMainWindow):
    """One live session. Closing it mid-call asks whether to end the session or keep it on."""

    def __init__(
        self,
        context: UiContext,
        session_id: int,
        service: CallService,
        *,
        presenter: CallPresenter | None = None,
        media: OfficialMedia | None = None,
    ) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("callWindow")
        self.context = context
        self.session_id = session_id
        # The notice being written, while its dialog is open.
        self.notice_dialog: NoticeDialog | None = None
        self.presenter = presenter or CallPresenter(
            context.store,
            context.bus,
            session_id,
            service,
            media=media,
            # The official's own camera, microphone and speakers, unless a source is given.
            local=None
            if media is not None
            else LocalMedia(context.settings, "OFFICIAL", FULL_QUALITY),
        )
        self.presenter.setParent(self)
        self._shutdown_task: asyncio.Task[None] | None = None
        self._may_close = False
        self.setWindowTitle(self.tr("Call"))
        self.messages = MessageBar()
        self.messages.follow(self.presenter)

        self._build_actions()
        self._shortcuts_first = WindowShortcutsFirst(self)
        self.header = CallHeader(
            previous_action=self.previous_action,
            next_action=self.next_action,
            end_action=self.end_action,
            mute_action=self.mute_action,
            camera_action=self.camera_action,
            record_action=self.record_action,
        )
        run_sheet_panel = self._build_run_sheet_panel()

        self.video = VideoArea(self.presenter, NEXT_SHORTCUT)
        self.notes = NotesView(context, session_id=session_id)
        self.notes.setObjectName("callNotes")
        self.notes_target = NotesTarget()
        notes_panel = QWidget()
        notes_layout = QVBoxLayout(notes_panel)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.notes_target)
        notes_layout.addWidget(self.notes, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("callSplitter")
        self.splitter.addWidget(run_sheet_panel)
        self.splitter.addWidget(self.video)
        self.splitter.addWidget(notes_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([330, 560, 470])

        self.summary_label = QLabel()
        self.summary_label.setObjectName("callSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(
            "#callSummary { background: palette(alternate-base); padding: 6px 10px;"
            " border-radius: 4px; }"
        )
        self.summary_label.hide()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.messages)
        layout.addWidget(self.header)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.resize(1360, 840)
        self._restore_layout()

        self._connect_signals()

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._update_clocks)
        self._tick.start()
        self._show_phase(self.presenter.phase)
        self._show_floor(None)
        self.presenter.start()

    # ------------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Call"))
        self.next_action = QAction(self.tr("&Next site"), self)
        self.next_action.setShortcut(QKeySequence(NEXT_SHORTCUT))
        self.next_action.setToolTip(
            self.tr("Pass the floor to the next site in speaking order (%1)").replace(
                "%1", NEXT_SHORTCUT
            )
        )
        self.next_action.triggered.connect(self.presenter.next_site)
        self.previous_action = QAction(self.tr("&Previous site"), self)
        self.previous_action.setShortcut(QKeySequence(PREVIOUS_SHORTCUT))
        self.previous_action.setToolTip(
            self.tr("Give the floor back to the previous site (%1)").replace(
                "%1", PREVIOUS_SHORTCUT
            )
        )
        self.previous_action.triggered.connect(self.presenter.previous_site)
        self.notice_action = QAction(self.tr("Send a &notice to sites…"), self)
        self.notice_action.setShortcut(QKeySequence(NOTICE_SHORTCUT))
        self.notice_action.setToolTip(
            self.tr("A one-line notice on the screen of one site or all (%1)").replace(
                "%1", NOTICE_SHORTCUT
            )
        )
        self.notice_action.triggered.connect(self.write_notice)
        self.copy_link_action = QAction(self.tr("&Copy invitation link"), self)
        self.copy_link_action.setShortcut(QKeySequence(COPY_LINK_SHORTCUT))
        self.copy_link_action.triggered.connect(self.copy_selected_link)
        self.end_action = QAction(self.tr("&End session…"), self)
        self.end_action.setShortcut(QKeySequence(END_SHORTCUT))
        self.end_action.setToolTip(
            self.tr("End the session for every site (%1)").replace("%1", END_SHORTCUT)
        )
        self.end_action.triggered.connect(self.request_end)
        self.mute_action = QAction(self.tr("&Mute my microphone"), self)
        self.mute_action.setCheckable(True)
        self.mute_action.setShortcut(QKeySequence(MUTE_SHORTCUT))
        self.mute_action.toggled.connect(self.presenter.set_muted)
        self.camera_action = QAction(self.tr("Turn my &camera off"), self)
        self.camera_action.setCheckable(True)
        self.camera_action.setShortcut(QKeySequence(CAMERA_SHORTCUT))
        self.camera_action.toggled.connect(lambda off: self.presenter.set_camera_on(not off))
        self.record_action = QAction(self.tr("&Record the session"), self)
        self.record_action.setCheckable(True)
        self.record_action.setShortcut(QKeySequence(RECORD_SHORTCUT))
        self.record_action.setToolTip(
            self.tr("Record the floor's video and sound to the recording folder (%1)").replace(
                "%1", RECORD_SHORTCUT
            )
        )
        self.record_action.triggered.connect(self._record_triggered)
        close_action = QAction(self.tr("C&lose window"), self)
        close_action.setShortcut(QKeySequence("Ctrl+W"))
        close_action.triggered.connect(self.close)
        quit_action = QAction(self.tr("&Quit Outreach"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self._quit_requested)
        for action in (self.next_action, self.previous_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.mute_action, self.camera_action, self.record_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.notice_action)
        menu.addAction(self.copy_link_action)
        menu.addSeparator()
        menu.addAction(self.end_action)
        menu.addAction(close_action)
        menu.addAction(quit_action)

    def _build_run_sheet_panel(self) -> QWidget:
        """The run sheet under its label, with a hint and the invitation link button."""
        self.run_sheet = RunSheet()
        self.copy_link_button = QPushButton(self.tr("Copy invitation link"))
        self.copy_link_button.setObjectName("copyLinkButton")
        self.copy_link_button.setToolTip(
            self.tr("Copy the join link of the selected site (%1)").replace(
                "%1", COPY_LINK_SHORTCUT
            )
        )
        self.copy_link_button.clicked.connect(self.copy_selected_link)
        run_sheet_panel = QWidget()
        run_sheet_layout = QVBoxLayout(run_sheet_panel)
        run_sheet_layout.setContentsMargins(0, 0, 0, 0)
        run_sheet_label = QLabel(self.tr("&Run sheet"))
        run_sheet_label.setBuddy(self.run_sheet)
        run_sheet_layout.addWidget(run_sheet_label)
        run_sheet_layout.addWidget(self.run_sheet, 1)
        hint = QLabel(
            self.tr(
                "Double-click a site or press Enter to give it the floor. Notes follow the site "
                "that has the floor."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("runSheetHint")
        run_sheet_layout.addWidget(hint)
        run_sheet_layout.addWidget(self.copy_link_button)
        return run_sheet_panel

    def _connect_signals(self) -> None:
        self.run_sheet.floorRequested.connect(self.presenter.give_floor)
        self.run_sheet.copyLinkRequested.connect(self.copy_link)
        self.run_sheet.notesRequested.connect(self.take_notes_for)
        self.run_sheet.lowerHandRequested.connect(self.presenter.lower_hand)
        self.notes_target.siteChosen.connect(self.take_notes_for)
        self.notes_target.backToFloorRequested.connect(self._notes_back_to_floor)
        self.notes.siteShown.connect(self._show_notes_target)
        self.notes.presenter.notesLoaded.connect(self._show_summary)
        self.presenter.sessionLoaded.connect(self._show_session)
        self.presenter.phaseChanged.connect(self._show_phase)
        self.presenter.siteStateChanged.connect(self._show_site_state)
        self.presenter.floorChanged.connect(self._show_floor)
        self.presenter.statisticsChanged.connect(self.video.show_statistics)
        self.presenter.recordingChanged.connect(self._show_recording)
        self.presenter.linkPoorChanged.connect(self._show_link)
        self.presenter.audioOnlyChanged.connect(self._show_link)
        self.presenter.handsChanged.connect(self._show_hands)
        self.presenter.noticeSent.connect(self._show_notice_sent)
        self.presenter.engineChanged.connect(self.header.show_engine)

    # ------------------------------------------------------------------------- showing
    def _show_session(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Call — %1").replace("%1", session.title))
        self.header.title_label.setText(session.title)
        if set(self.run_sheet.site_ids()) != {slot.site_id for slot in session.sites}:
            self.run_sheet.set_sites(session.sites)
            self.notes_target.set_sites(session.sites)
            self._show_notes_target()
            self.video.build_tiles(session)
            for site_id in self.run_sheet.site_ids():
                self._show_site_state(site_id, self.presenter.state(site_id))
            self._show_floor(self.presenter.floor_site_id)
        self._update_clocks()

    def _show_phase(self, phase: CallPhase) -> None:
        self.header.show_phase(phase)
        live = phase is CallPhase.LIVE
        running = phase in (CallPhase.STARTING, CallPhase.LIVE)
        self.end_action.setEnabled(running)
        # Own microphone and camera are closed once the call is over.
        self.mute_action.setEnabled(running)
        self.camera_action.setEnabled(running)
        self.record_action.setEnabled(live)
        self.copy_link_button.setEnabled(live)
        self.copy_link_action.setEnabled(live)
        self._update_navigation()
        self._show_floor_caption(self.presenter.floor_site_id)
        if phase is CallPhase.ENDED:
            self._show_floor(None)
            self.video.show_ended()
            self.messages.show_info(self.tr("The session has ended."))
            self._show_summary()

    def _show_summary(self, _loaded: object = None) -> None:
        """Once the call is over: how long it lasted, who was heard, what it left."""
        session, notes = self.presenter.session, self.notes.presenter.notes
        if self.presenter.phase is not CallPhase.ENDED or session is None:
            return
        heard = [s for s in self.presenter.order if self.presenter.segments.has_spoken(s)]
        summary = summarize_call(session, heard, notes.questions if notes else [])
        duration = format_offset(summary.duration_seconds) or "—"
        self.summary_label.setText(
            self.tr(
                "Session over. Duration %1 · sites heard: %2 of %3 · notes taken: %4 · "
                "follow-ups created: %5"
            )
            .replace("%1", duration)
            .replace("%2", str(summary.sites_heard))
            .replace("%3", str(summary.sites))
            .replace("%4", str(summary.notes))
            .replace("%5", str(summary.follow_ups))
        )
        self.summary_label.show()

    def _record_triggered(self, wanted: bool) -> None:
        # The checkbox follows what the presenter reports, not the click: a refused start
        # (no folder) must not leave it looking checked.
        self.record_action.setChecked(self.presenter.recording)
        folder = Path(self.context.settings.recording_folder()).expanduser()
        if wanted:
            self.presenter.spawn(self.presenter.start_recording(folder))
        else:
            self.presenter.spawn(self.presenter.stop_recording())

    def _show_recording(self, recording: bool) -> None:
        self.record_action.setChecked(recording)
        self.header.recording_label.setVisible(recording)

    def _show_site_state(self, site_id: int, state: PeerState) -> None:
        self.run_sheet.set_state(site_id, state)
        self.video.show_site_state(site_id, state)
        if site_id == self.presenter.floor_site_id:
            self._show_floor_caption(site_id)

    def write_notice(self) -> None:
        """Ask for a notice to the site chosen in the run sheet (or any, or all) and send it."""
        if not self.presenter.is_live:
            return
        sites = [(site_id, self.presenter.site_name(site_id)) for site_id in self.presenter.order]
        dialog = self.notice_dialog = NoticeDialog(sites, None, self)
        dialog.accepted.connect(lambda: self.presenter.send_notice(dialog.target(), dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _show_notice_sent(self, notice: SiteNotice) -> None:
        to = (
            self.tr("all sites")
            if notice.site_id is None
            else self.presenter.site_name(notice.site_id)
        )
        self.statusBar().showMessage(
            self.tr("Notice sent to %1: %2").replace("%1", to).replace("%2", notice.text), 10000
        )

    def _show_hands(self, hands: list[int]) -> None:
        self.run_sheet.set_hands(hands)
        self.video.show_hands(hands)

    def _show_link(self, site_id: int, _changed: bool = False) -> None:
        self.video.show_link(site_id)

    def _show_floor(self, site_id: int | None) -> None:
        self.video.show_floor(site_id)
        if site_id is not None:
            self.notes.select_site(site_id)
        self.run_sheet.set_floor(site_id)
        self._show_notes_target()
        self._show_floor_caption(site_id)
        self.video.show_floor_link(site_id)
        self._update_navigation()
        self._update_clocks()

    def _show_floor_caption(self, site_id: int | None) -> None:
        self.video.show_caption(site_id)
        self.header.show_floor(None if site_id is None else self.presenter.site_name(site_id))

    def _update_navigation(self) -> None:
        self.next_action.setEnabled(self.presenter.can_go_next())
        self.previous_action.setEnabled(self.presenter.can_go_previous())

    def _update_clocks(self) -> None:
        self.header.show_session_time(self.presenter.seconds_in_session())
        segments = self.presenter.segments
        self.run_sheet.update_times(segments)
        floor = segments.current
        self.header.show_countdown(None if floor is None else segments.remaining(floor))

    def take_notes_for(self, site_id: int) -> None:
        """Notes for `site_id`, whoever has the floor, until the floor moves."""
        self.notes.select_site(site_id)
        self._show_notes_target()

    def _notes_back_to_floor(self) -> None:
        floor = self.presenter.floor_site_id
        if floor is not None:
            self.take_notes_for(floor)

    def _show_notes_target(self, _site_id: object = None) -> None:
        self.notes_target.show_target(self.notes.selected_site_id, self.presenter.floor_site_id)

    # ------------------------------------------------------------------------- actions
    def copy_link(self, site_id: int) -> None:
        link = self.presenter.invitation_link(site_id)
        if link is None:
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(link)
        self.messages.show_info(
            self.tr("The invitation link of %1 is on the clipboard.").replace(
                "%1", self.presenter.site_name(site_id)
            )
        )

    def copy_selected_link(self) -> None:
        site_id = self.run_sheet.current_site_id()
        if site_id is not None:
            self.copy_link(site_id)

    def request_end(self) -> None:
        if self.presenter.phase not in (CallPhase.STARTING, CallPhase.LIVE):
            return
        if self.confirm_end():
            self.notes.flush()
            self.presenter.end_call()

    def confirm_end(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("End session"),
            self.tr(
                "End the session for every site now? Their links stop working; notes can "
                "still be edited afterwards."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _quit_requested(self) -> None:
        if self.context.calls is not None:
            self.context.calls.quitRequested.emit()

    def confirm_quit(self) -> bool:
        """Before the app quits: a live call is ended for every site, or nothing quits."""
        if self.presenter.phase not in (CallPhase.STARTING, CallPhase.LIVE):
            return True
        self.showNormal()
        self.raise_()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit Outreach"))
        box.setText(
            self.tr("The session is live. Quitting ends it for every site; the notes are saved.")
        )
        end = box.addButton(self.tr("End session and quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is end

    def ask_close_choice(self) -> CloseChoice:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("The session is live"))
        box.setText(
            self.tr("End the session for every site, or keep it running and minimize this window?")
        )
        end = box.addButton(self.tr("End session"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is end:
            return CloseChoice.END
        if clicked is keep:
            return CloseChoice.KEEP_RUNNING
        return CloseChoice.CANCEL

    # -------------------------------------------------------------------------- layout
    def _splitters(self) -> list[QSplitter]:
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.window_state("call/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for splitter in self._splitters():
            state = settings.window_state(f"call/splitter/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)

    def _save_layout(self) -> None:
        settings = self.context.settings
        settings.set_window_state("call/geometry", self.saveGeometry())
        for splitter in self._splitters():
            settings.set_window_state(
                f"call/splitter/{splitter.objectName()}", splitter.saveState()
            )
        settings.sync()

    # ------------------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            self._tick.stop()
            self._save_layout()
            super().closeEvent(event)
            return
        event.ignore()
        if self._shutdown_task is not None:
            return
        end = False
        if self.presenter.phase in (CallPhase.STARTING, CallPhase.LIVE):
            choice = self.ask_close_choice()
            if choice is CloseChoice.CANCEL:
                return
            if choice is CloseChoice.KEEP_RUNNING:
                # Notes typed so far are saved; the call and its window go on.
                self.notes.flush()
                self.showMinimized()
                return
            end = True
        self._shutdown_task = asyncio.ensure_future(self._shut_down(end=end))

    def end_and_close(self) -> asyncio.Task[None]:
        """End the call without asking and close (the app is being terminated)."""
        if self._shutdown_task is None:
            self._shutdown_task = asyncio.ensure_future(self._shut_down(end=True))
        return self._shutdown_task

    async def _shut_down(self, *, end: bool) -> None:
        """Save the notes, end the call if asked, wait for the store, then really close."""
        try:
            self.notes.flush()
            if end:
                await self.presenter.end()
            await self.notes.presenter.wait_idle()
            await self.presenter.wait_idle()
        except Exception:
            _log.exception("closing the call window of session %s", self.session_id)
        finally:
            self._may_close = True
            self.close()

    async def wait_closed(self) -> None:
        """For tests and the app's exit: until a close that was started has finished."""
        if self._shutdown_task is not None:
            await asyncio.shield(self._shutdown_task)
