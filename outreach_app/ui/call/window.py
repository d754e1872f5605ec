"""The call window: the run sheet, the floor site large with the others as thumbnails, and the
notes panel beside them."""

from __future__ import annotations

import asyncio
import enum
import functools
import logging
import re
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.call.hub_engine import FULL_QUALITY, LinkStatistics
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService
from outreach_app.core.model import Session
from outreach_app.core.segments import format_countdown
from outreach_app.ui.call.presenter import CallPhase, CallPresenter, OfficialMedia
from outreach_app.ui.call.run_sheet import (
    RunSheet,
    overrun_colour,
    state_colour,
    state_text,
    warning_colour,
)
from outreach_app.ui.context import UiContext
from outreach_app.ui.formatting import format_offset
from outreach_app.ui.media import LocalMedia
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.widgets.messages import MessageBar
from outreach_app.ui.widgets.video import VideoView

_log = logging.getLogger(__name__)

FLOOR_FPS: Final = 50
THUMBNAIL_FPS: Final = 5
SELF_VIEW_FPS: Final = 10
TICK_MS: Final = 250
THUMBNAIL_SIZE: Final = QSize(160, 120)
SELF_VIEW_SIZE: Final = QSize(160, 120)
NEXT_SHORTCUT: Final = "F8"
PREVIOUS_SHORTCUT: Final = "Shift+F8"
END_SHORTCUT: Final = "Ctrl+Shift+E"
COPY_LINK_SHORTCUT: Final = "Ctrl+Shift+C"
MUTE_SHORTCUT: Final = "Ctrl+D"
CAMERA_SHORTCUT: Final = "Ctrl+E"
RECORD_SHORTCUT: Final = "Ctrl+R"


class CloseChoice(enum.Enum):
    END = "end"
    KEEP_RUNNING = "keep"
    CANCEL = "cancel"


class SiteTile(QFrame):
    """A waiting site: its picture, name, link state and link quality."""

    floorRequested = Signal(int)
    audioOnlyRequested = Signal(int, bool)  # site id, sound only wanted

    def __init__(self, site_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site_id = site_id
        self.setObjectName("siteTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(self.tr("Double-click to give %1 the floor").replace("%1", name))
        self.video = VideoView(fps=THUMBNAIL_FPS, minimum=THUMBNAIL_SIZE)
        self.video.setFixedSize(THUMBNAIL_SIZE)
        self.name_label = QLabel(name)
        self.name_label.setObjectName("tileName")
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.state_label = QLabel()
        self.state_label.setObjectName("tileState")
        self.stats_label = QLabel()
        self.stats_label.setObjectName("tileStats")
        self.link_label = QLabel()
        self.link_label.setObjectName("tileLink")
        self.link_label.setVisible(False)
        self.audio_only_button = QToolButton()
        self.audio_only_button.setObjectName("tileAudioOnly")
        self.audio_only_button.setVisible(False)
        self._audio_only = False
        self.audio_only_button.clicked.connect(
            lambda: self.audioOnlyRequested.emit(self.site_id, not self._audio_only)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.video)
        layout.addWidget(self.name_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.stats_label)
        layout.addWidget(self.link_label)
        layout.addWidget(self.audio_only_button)
        self.setFixedWidth(THUMBNAIL_SIZE.width() + 10)
        self.set_state(PeerState.INVITED)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # Double-clicks on the picture arrive here too: the video view does not take them.
        self.floorRequested.emit(self.site_id)

    def set_state(self, state: PeerState) -> None:
        self.state_label.setText(state_text(state))
        colour = state_colour(state, self.palette()).name()
        self.state_label.setStyleSheet(f"#tileState {{ color: {colour}; }}")
        self.video.set_placeholder(
            self.tr("Waiting for video…") if state is PeerState.CONNECTED else state_text(state)
        )
        if state not in (PeerState.CONNECTED, PeerState.RECONNECTING):
            self.stats_label.setText("")

    def set_statistics(self, statistics: LinkStatistics | None) -> None:
        self.stats_label.setText(describe_statistics(statistics))

    def set_link(self, poor: bool, audio_only: bool) -> None:
        """Say when the link is poor and offer sound only (and video back once chosen)."""
        self._audio_only = audio_only
        self.link_label.setVisible(poor or audio_only)
        self.link_label.setText(link_text(poor, audio_only))
        colour = warning_colour(self.palette()).name()
        self.link_label.setStyleSheet(f"#tileLink {{ color: {colour}; font-weight: bold; }}")
        self.audio_only_button.setVisible(poor or audio_only)
        self.audio_only_button.setText(audio_only_button_text(audio_only))
        self.video.set_placeholder(
            self.tr("Sound only") if audio_only else self.tr("Waiting for video…")
        )


def link_text(poor: bool, audio_only: bool) -> str:
    if audio_only:
        return QCoreApplication.translate("CallLink", "Sound only")
    return QCoreApplication.translate("CallLink", "⚠ Poor link") if poor else ""


def audio_only_button_text(audio_only: bool) -> str:
    return (
        QCoreApplication.translate("CallLink", "Turn video back on")
        if audio_only
        else QCoreApplication.translate("CallLink", "Switch to sound only")
    )


def button_text(menu_text: str) -> str:
    """A menu entry's text for a button: no mnemonic ("&Next", "下一站点(&N)"), no "…"."""
    return re.sub(r"\(&\w\)", "", menu_text).replace("&", "").removesuffix("…")


def describe_statistics(statistics: LinkStatistics | None) -> str:
    """Two short lines: frame rate and bit rate; round trip and loss ("–" until measured)."""
    if statistics is None:
        return ""

    def number(value: float | None, digits: int = 0) -> str:
        return "–" if value is None else f"{value:.{digits}f}"

    first = (
        QCoreApplication.translate("CallStatistics", "%1 fps").replace("%1", number(statistics.fps))
        + " · "
        + QCoreApplication.translate("CallStatistics", "%1 kbit/s").replace(
            "%1", number(statistics.kilobits_per_second)
        )
    )
    second = (
        QCoreApplication.translate("CallStatistics", "RTT %1 ms").replace(
            "%1", number(statistics.round_trip_ms)
        )
        + " · "
        + QCoreApplication.translate("CallStatistics", "loss %1%").replace(
            "%1", number(statistics.loss_percent, 1)
        )
    )
    return first + "\n" + second


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
        self._tiles: dict[int, SiteTile] = {}
        self._shutdown_task: asyncio.Task[None] | None = None
        self._may_close = False
        self.setWindowTitle(self.tr("Call"))
        self.messages = MessageBar()
        self.messages.follow(self.presenter)

        self._build_actions()
        header = self._build_header()
        run_sheet_panel = self._build_run_sheet_panel()

        video_panel = self._build_video_panel()
        self.notes = NotesView(context, session_id=session_id)
        self.notes.setObjectName("callNotes")

        self.splitter = QSplitter()
        self.splitter.setObjectName("callSplitter")
        self.splitter.addWidget(run_sheet_panel)
        self.splitter.addWidget(video_panel)
        self.splitter.addWidget(self.notes)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([330, 560, 470])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.messages)
        layout.addWidget(header)
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
        for action in (self.next_action, self.previous_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.mute_action, self.camera_action, self.record_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.copy_link_action)
        menu.addSeparator()
        menu.addAction(self.end_action)
        menu.addAction(close_action)

    def _build_header(self) -> QWidget:
        self.title_label = QLabel()
        self.title_label.setObjectName("callTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("phaseLabel")
        self.session_clock = QLabel()
        self.session_clock.setObjectName("sessionClock")
        self.session_clock.setToolTip(self.tr("Time since the session started"))
        self.floor_label = QLabel()
        self.floor_label.setObjectName("floorLabel")
        self.floor_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("countdownLabel")
        self.countdown_label.setToolTip(
            self.tr("Time left of the current site's time box; +: over time")
        )
        self.countdown_label.setMinimumWidth(110)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = self.countdown_label.font()
        big.setPointSizeF(big.pointSizeF() * 2)
        big.setBold(True)
        self.countdown_label.setFont(big)
        self.previous_button = self._action_button(self.previous_action, "◀ ")
        self.next_button = self._action_button(self.next_action, "", " ▶")
        self.next_button.setObjectName("nextButton")
        self.end_button = self._action_button(self.end_action, "")
        self.end_button.setObjectName("endCallButton")
        self.mute_button = self._action_button(self.mute_action, "")
        self.camera_button = self._action_button(self.camera_action, "")
        self.record_button = self._action_button(self.record_action, "")
        self.recording_label = QLabel(self.tr("● REC"))
        self.recording_label.setObjectName("recordingLabel")
        self.recording_label.setToolTip(self.tr("This session is being recorded"))
        self.recording_label.setStyleSheet(
            "#recordingLabel { color: #ffffff; background: #c62828; font-weight: bold;"
            " padding: 2px 6px; border-radius: 3px; }"
        )
        self.recording_label.hide()

        header = QWidget()
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        status_row = QHBoxLayout()
        status_row.setSpacing(12)
        status_row.addWidget(self.phase_label)
        status_row.addWidget(self.recording_label)
        status_row.addWidget(self.session_clock)
        status_row.addStretch()
        titles.addLayout(status_row)
        row.addLayout(titles, 1)
        row.addWidget(self.floor_label)
        row.addWidget(self.countdown_label)
        row.addSpacing(8)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addSpacing(16)
        row.addWidget(self.mute_button)
        row.addWidget(self.camera_button)
        row.addWidget(self.record_button)
        row.addSpacing(16)
        row.addWidget(self.end_button)
        return header

    def _action_button(self, action: QAction, prefix: str, suffix: str = "") -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumHeight(34)

        def label() -> None:
            button.setText(prefix + button_text(action.text()) + suffix)

        label()
        # The action's text comes back whenever the action changes; keep the arrows.
        action.changed.connect(label)
        return button

    def _build_video_panel(self) -> QWidget:
        self.floor_caption = QLabel()
        self.floor_caption.setObjectName("floorCaption")
        caption_font = self.floor_caption.font()
        caption_font.setBold(True)
        self.floor_caption.setFont(caption_font)
        self.floor_view = VideoView(fps=FLOOR_FPS, minimum=QSize(320, 240))
        self.floor_view.setObjectName("floorView")
        self.floor_view.setAccessibleName(self.tr("Video of the site that has the floor"))
        # The official's own picture sits in the corner of the large one, as in any video call.
        self.self_view = VideoView(
            fps=SELF_VIEW_FPS, minimum=SELF_VIEW_SIZE, framed=True, parent=self.floor_view
        )
        self.self_view.setFixedSize(SELF_VIEW_SIZE)
        self.self_view.setObjectName("selfView")
        self.self_view.setAccessibleName(self.tr("Your own camera"))
        self.self_view.setToolTip(self.tr("Your own camera"))
        self.self_view.set_source(self.presenter.self_view_frame)
        self.floor_view.installEventFilter(self)

        self.thumbnails = QWidget()
        self.thumbnails_layout = QHBoxLayout(self.thumbnails)
        self.thumbnails_layout.setContentsMargins(0, 0, 0, 0)
        self.thumbnails_layout.addStretch()
        scroller = QScrollArea()
        scroller.setObjectName("thumbnailStrip")
        scroller.setWidget(self.thumbnails)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Picture, name, state, two lines of quality, and the poor-link line with its button.
        scroller.setFixedHeight(THUMBNAIL_SIZE.height() + 150)

        # Under the large picture: the floor site's link is poor, and what to do about it.
        self.floor_link_bar = QFrame()
        self.floor_link_bar.setObjectName("floorLinkBar")
        self.floor_link_label = QLabel()
        self.floor_link_label.setObjectName("floorLinkLabel")
        self.floor_link_label.setWordWrap(True)
        self.floor_audio_only_button = QPushButton()
        self.floor_audio_only_button.setObjectName("floorAudioOnly")
        self.floor_audio_only_button.clicked.connect(self._toggle_floor_audio_only)
        bar_layout = QHBoxLayout(self.floor_link_bar)
        bar_layout.setContentsMargins(6, 2, 6, 2)
        bar_layout.addWidget(self.floor_link_label, 1)
        bar_layout.addWidget(self.floor_audio_only_button)
        self.floor_link_bar.setVisible(False)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.floor_caption)
        layout.addWidget(self.floor_view, 1)
        layout.addWidget(self.floor_link_bar)
        layout.addWidget(scroller)
        return panel

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
                "Double-click a site or press Enter to give it the floor. Notes are taken for "
                "the selected site."
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
        self.run_sheet.currentItemChanged.connect(self._run_sheet_selection_changed)
        self.presenter.sessionLoaded.connect(self._show_session)
        self.presenter.phaseChanged.connect(self._show_phase)
        self.presenter.siteStateChanged.connect(self._show_site_state)
        self.presenter.floorChanged.connect(self._show_floor)
        self.presenter.statisticsChanged.connect(self._show_statistics)
        self.presenter.recordingChanged.connect(self._show_recording)
        self.presenter.linkPoorChanged.connect(self._show_link)
        self.presenter.audioOnlyChanged.connect(self._show_link)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.floor_view and event.type() == QEvent.Type.Resize:
            margin = 8
            self.self_view.move(
                self.floor_view.width() - self.self_view.width() - margin,
                self.floor_view.height() - self.self_view.height() - margin,
            )
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------------- showing
    def _show_session(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Call — %1").replace("%1", session.title))
        self.title_label.setText(session.title)
        if set(self.run_sheet.site_ids()) != {slot.site_id for slot in session.sites}:
            self.run_sheet.set_sites(session.sites)
            self._build_tiles(session)
            for site_id in self.run_sheet.site_ids():
                self._show_site_state(site_id, self.presenter.state(site_id))
            self._show_floor(self.presenter.floor_site_id)
        self._update_clocks()

    def _build_tiles(self, session: Session) -> None:
        for tile in self._tiles.values():
            tile.deleteLater()
        self._tiles = {}
        for index, slot in enumerate(sorted(session.sites, key=lambda s: s.position)):
            tile = SiteTile(slot.site_id, slot.site_name)
            tile.video.set_source(functools.partial(self.presenter.latest_frame, slot.site_id))
            tile.floorRequested.connect(self.presenter.give_floor)
            tile.audioOnlyRequested.connect(self.presenter.set_audio_only)
            self.thumbnails_layout.insertWidget(index, tile)
            self._tiles[slot.site_id] = tile

    def _show_phase(self, phase: CallPhase) -> None:
        text = {
            CallPhase.STARTING: self.tr("Starting the call…"),
            CallPhase.LIVE: self.tr("● Live"),
            CallPhase.ENDING: self.tr("Ending…"),
            CallPhase.ENDED: self.tr("Session ended"),
            CallPhase.FAILED: self.tr("Not started"),
        }[phase]
        self.phase_label.setText(text)
        live = phase is CallPhase.LIVE
        colour = state_colour(
            PeerState.CONNECTED if live else PeerState.INVITED, self.palette()
        ).name()
        self.phase_label.setStyleSheet(f"#phaseLabel {{ color: {colour}; font-weight: bold; }}")
        self.end_action.setEnabled(phase in (CallPhase.STARTING, CallPhase.LIVE))
        self.record_action.setEnabled(live)
        self.copy_link_button.setEnabled(live)
        self.copy_link_action.setEnabled(live)
        self._update_navigation()
        self._show_floor_caption(self.presenter.floor_site_id)
        if phase is CallPhase.ENDED:
            self._show_floor(None)
            self.floor_caption.setText(self.tr("The session has ended. Notes can still be edited."))
            self.messages.show_info(self.tr("The session has ended."))

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
        self.recording_label.setVisible(recording)

    def _show_site_state(self, site_id: int, state: PeerState) -> None:
        self.run_sheet.set_state(site_id, state)
        tile = self._tiles.get(site_id)
        if tile is not None:
            tile.set_state(state)
        if site_id == self.presenter.floor_site_id:
            self._show_floor_caption(site_id)

    def _show_statistics(self, site_id: int, statistics: LinkStatistics | None) -> None:
        tile = self._tiles.get(site_id)
        if tile is not None:
            tile.set_statistics(statistics)
        if site_id == self.presenter.floor_site_id:
            self.floor_view.setToolTip(describe_statistics(statistics))

    def _show_link(self, site_id: int, _changed: bool = False) -> None:
        poor, audio_only = self.presenter.link_poor(site_id), self.presenter.audio_only(site_id)
        tile = self._tiles.get(site_id)
        if tile is not None:
            tile.set_link(poor, audio_only)
        if site_id == self.presenter.floor_site_id:
            self._show_floor_link(site_id)

    def _show_floor_link(self, site_id: int | None) -> None:
        if site_id is None:
            self.floor_link_bar.setVisible(False)
            return
        poor, audio_only = self.presenter.link_poor(site_id), self.presenter.audio_only(site_id)
        self.floor_link_bar.setVisible(poor or audio_only)
        name = self.presenter.site_name(site_id)
        if audio_only:
            text = self.tr("%1 is on sound only: its link is too poor for video.")
        else:
            text = self.tr(
                "The link to %1 is poor: its video will stutter or freeze. Sound only keeps"
                " the conversation going."
            )
        self.floor_link_label.setText(text.replace("%1", name))
        colour = warning_colour(self.palette()).name()
        self.floor_link_label.setStyleSheet(f"#floorLinkLabel {{ color: {colour}; }}")
        self.floor_audio_only_button.setText(audio_only_button_text(audio_only))

    def _toggle_floor_audio_only(self) -> None:
        site_id = self.presenter.floor_site_id
        if site_id is not None:
            self.presenter.set_audio_only(site_id, not self.presenter.audio_only(site_id))

    def _show_floor(self, site_id: int | None) -> None:
        for tile_site, tile in self._tiles.items():
            tile.setVisible(tile_site != site_id)
        self.self_view.setVisible(site_id is not None)
        if site_id is None:
            self.floor_view.set_source(self.presenter.self_view_frame)
            self.floor_view.set_placeholder(self.tr("Your camera"))
            self.floor_view.setToolTip("")
        else:
            self.floor_view.set_source(functools.partial(self.presenter.latest_frame, site_id))
            self.notes.select_site(site_id)
        self.run_sheet.set_floor(site_id)
        self._show_floor_caption(site_id)
        self._show_floor_link(site_id)
        self._update_navigation()
        self._update_clocks()

    def _show_floor_caption(self, site_id: int | None) -> None:
        if site_id is None:
            self.floor_caption.setText(
                self.tr(
                    "Your camera — nobody has the floor; %1 starts with the first site."
                ).replace("%1", NEXT_SHORTCUT)
                if self.presenter.is_live
                else self.tr("Your camera")
            )
            self.floor_label.setText("")
            return
        name = self.presenter.site_name(site_id)
        state = self.presenter.state(site_id)
        self.floor_caption.setText(f"{name} — {state_text(state)}")
        self.floor_view.set_placeholder(
            self.tr("Waiting for video from %1…").replace("%1", name)
            if state is PeerState.CONNECTED
            else state_text(state)
        )
        self.floor_label.setText(self.tr("On the floor:\n%1").replace("%1", name))

    def _update_navigation(self) -> None:
        self.next_action.setEnabled(self.presenter.can_go_next())
        self.previous_action.setEnabled(self.presenter.can_go_previous())

    def _update_clocks(self) -> None:
        seconds = self.presenter.seconds_in_session()
        self.session_clock.setText(
            ""
            if seconds is None
            else self.tr("%1 in session").replace("%1", format_offset(seconds))
        )
        segments = self.presenter.segments
        self.run_sheet.update_times(segments)
        floor = segments.current
        if floor is None:
            self.countdown_label.setText("")
            return
        remaining = segments.remaining(floor)
        self.countdown_label.setText(format_countdown(remaining))
        colour = overrun_colour(self.palette()).name() if remaining <= 0 else ""
        self.countdown_label.setStyleSheet(
            f"#countdownLabel {{ color: {colour}; }}" if colour else ""
        )

    def _run_sheet_selection_changed(self) -> None:
        site_id = self.run_sheet.current_site_id()
        if site_id is not None:
            # Notes go to the site chosen in the run sheet; the floor moves the choice too.
            self.notes.select_site(site_id)

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
