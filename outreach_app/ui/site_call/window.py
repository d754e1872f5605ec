"""The site's window: the official large, the floor site beside, oneself small; mute, camera,
pre-call check and leave, each with a shortcut; the state of the link in plain words."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Final

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.control_protocol import Notice, Standing
from outreach_app.core.model import CheckResult
from outreach_app.ui.labels import check_result_label
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.site_call.presenter import SitePresenter
from outreach_app.ui.widgets.video import VideoView

log = logging.getLogger(__name__)

# How often the estimated wait for this site's turn is counted down between the official's
# updates.
STANDING_TICK_MS: Final = 5000

# (background, text) per tone; text as well as colour says the state.
_TONES = {
    "ok": ("#1a7f37", "#ffffff"),
    "busy": ("#b7791f", "#ffffff"),
    "bad": ("#b3261e", "#ffffff"),
    "wait": ("#3b6fb6", "#ffffff"),
}


class SiteWindow(QMainWindow):
    def __init__(self, link: str, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = SitePresenter(link, settings, self)
        self.setWindowTitle(self.tr("Outreach — joined as a site"))
        self.setObjectName("siteWindow")
        self._left = False
        self._join_task: asyncio.Task[bool] | None = None

        self.banner = QLabel(self.tr("Joining…"))
        self.banner.setObjectName("siteState")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setAccessibleName(self.tr("Connection state"))
        # Where this site stands in the session: its place, who has the floor, when its turn
        # comes. Hidden until the official says.
        self.standing_label = QLabel()
        self.standing_label.setObjectName("siteStanding")
        self.standing_label.setWordWrap(True)
        self.standing_label.setAccessibleName(self.tr("Your place in the session"))
        self.standing_label.hide()
        self._standing: tuple[Standing, float] | None = None
        self._standing_timer = QTimer(self)
        self._standing_timer.setInterval(STANDING_TICK_MS)
        self._standing_timer.timeout.connect(self._show_standing)
        self._build_notices()
        videos = self._build_videos()
        self.message = QLabel()
        self.message.setObjectName("siteMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = self._build_buttons()
        layout = QVBoxLayout()
        layout.addWidget(self.banner)
        layout.addWidget(self.standing_label)
        layout.addWidget(self.notice_bar)
        layout.addLayout(videos, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.resize(1100, 680)
        self._show_state("busy", self.tr("Joining…"))

        self.presenter.stateChanged.connect(self._on_state)
        self.presenter.floorChanged.connect(self._on_floor)
        self.presenter.problem.connect(self._show_message)
        self.presenter.refused.connect(self._on_refused)
        self.presenter.checkFinished.connect(self._on_check)
        self.presenter.standingChanged.connect(self._on_standing)
        self.presenter.noticeReceived.connect(self._on_notice)

    def _build_notices(self) -> None:
        """The official's notices, the oldest not yet dismissed first, until dismissed."""
        self.notices: list[Notice] = []
        self.notice_label = QLabel()
        self.notice_label.setObjectName("siteNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setAccessibleName(self.tr("Notice from the official"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self._dismiss_notice)
        self.notice_bar = QWidget()
        self.notice_bar.setObjectName("siteNoticeBar")
        self.notice_bar.setStyleSheet(
            "#siteNoticeBar { background: #fff4e0; border: 1px solid #f0c36d; }"
            " #siteNotice { color: #6b4700; font-weight: bold; }"
        )
        bar = QHBoxLayout(self.notice_bar)
        bar.addWidget(self.notice_label, 1)
        bar.addWidget(self.dismiss_button)
        self.notice_bar.hide()

    def _on_notice(self, notice: Notice) -> None:
        self.notices.append(notice)
        self._show_notice()

    def _dismiss_notice(self) -> None:
        if self.notices:
            self.notices.pop(0)
        self._show_notice()

    def _show_notice(self) -> None:
        if not self.notices:
            self.notice_bar.hide()
            return
        notice = self.notices[0]
        text = self.tr("Notice from the official: %1").replace("%1", notice.text)
        if len(self.notices) > 1:
            text += " " + self.tr("(%1 more)").replace("%1", str(len(self.notices) - 1))
        self.notice_label.setText(text)
        self.notice_bar.show()

    def _build_videos(self) -> QHBoxLayout:
        """The official large, the site with the floor beside, oneself small."""
        self.official_view = VideoView(fps=30, placeholder=self.tr("The official appears here"))
        self.official_view.setAccessibleName(self.tr("The official"))
        self.official_view.set_source(self.presenter.official_frame)
        self.floor_view = VideoView(fps=15, placeholder=self.tr("The site with the floor"))
        self.floor_view.setAccessibleName(self.tr("The site with the floor"))
        self.floor_view.set_source(self.presenter.floor_frame)
        self.own_view = VideoView(fps=10, minimum=QSize(160, 120))
        self.own_view.setAccessibleName(self.tr("Your camera"))
        self.own_view.set_source(self.presenter.own_frame)
        self.own_view.setMaximumSize(QSize(240, 180))

        videos = QHBoxLayout()
        main = QVBoxLayout()
        main.addWidget(_caption(self.tr("The official")))
        main.addWidget(self.official_view, 1)
        videos.addLayout(main, 3)
        side = QVBoxLayout()
        side.addWidget(_caption(self.tr("The site with the floor")))
        side.addWidget(self.floor_view, 2)
        side.addWidget(_caption(self.tr("Your camera")), 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.own_view, 1, Qt.AlignmentFlag.AlignRight)
        videos.addLayout(side, 2)
        return videos

    def _build_buttons(self) -> QHBoxLayout:
        """Mute, camera off, the pre-call check, and leaving."""
        self.mute_button = self._button(self.tr("Mute"), "Ctrl+D", checkable=True)
        self.mute_button.toggled.connect(self._mute_toggled)
        self.camera_button = self._button(self.tr("Camera off"), "Ctrl+E", checkable=True)
        self.camera_button.toggled.connect(self._camera_toggled)
        self.hand_button = self._button(self.tr("Raise hand"), "Ctrl+H")
        self.hand_button.setEnabled(False)
        self.hand_button.clicked.connect(self._toggle_hand)
        self.check_button = self._button(self.tr("Test my setup"), "Ctrl+T")
        self.check_button.clicked.connect(self._run_check)
        self.leave_button = self._button(self.tr("Leave"), "Ctrl+W")
        self.leave_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.mute_button, self.camera_button, self.hand_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        return buttons

    def _button(self, text: str, shortcut: str, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(checkable)
        button.setShortcut(QKeySequence(shortcut))
        button.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        return button

    async def join(self) -> bool:
        return await self.presenter.join()

    def start(self) -> None:
        """Join in the background (the window shows "Joining…" meanwhile)."""
        self._join_task = asyncio.get_running_loop().create_task(self.join())

    def _show_state(self, tone: str, text: str) -> None:
        background, foreground = _TONES[tone]
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"background: {background}; color: {foreground}; font-weight: bold; padding: 6px;"
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _on_state(self, state: str, reason: str) -> None:
        texts = {
            "waiting": ("wait", self.tr("Waiting for the official to start the session")),
            "connecting": ("busy", self.tr("Connecting…")),
            "connected": ("ok", self.tr("Connected — waiting for your turn")),
            "reconnecting": ("busy", self.tr("Connection lost — reconnecting by itself…")),
            "failed": ("bad", self.tr("Could not connect. Check the network.")),
            "left": ("wait", self.tr("You have left the session.")),
        }
        tone, text = texts.get(state, ("busy", state))
        if state == "connected" and self.presenter.has_floor:
            tone, text = "ok", self.tr("You have the floor")
        if state == "left" and reason and reason != "the site left":
            text = self.tr("The session has ended.")
        self._show_state(tone, text)

    def _on_floor(self, has_floor: bool) -> None:
        if has_floor:
            self._show_state("ok", self.tr("You have the floor"))
        else:
            self._show_state("ok", self.tr("Connected — waiting for your turn"))

    def _on_standing(self, standing: Standing) -> None:
        self._standing = (standing, time.monotonic())
        self._show_standing()
        self._standing_timer.start()
        raised = standing.hand_raised
        self.hand_button.setText(self.tr("Lower hand") if raised else self.tr("Raise hand"))
        self.hand_button.setEnabled(raised or not standing.has_floor)

    def _toggle_hand(self) -> None:
        if self._standing is not None:
            self.presenter.raise_hand(not self._standing[0].hand_raised)

    def _show_standing(self) -> None:
        if self._standing is None:
            return
        standing, received_at = self._standing
        wait = None
        if standing.wait is not None:
            wait = max(0.0, standing.wait - (time.monotonic() - received_at))
        self.standing_label.setText("\n".join(self.standing_lines(standing, wait)))
        self.standing_label.show()

    def standing_lines(self, standing: Standing, wait: float | None) -> list[str]:
        """Who and where this site is, who speaks, and when its turn comes (`wait`: seconds)."""
        who = standing.session
        if standing.site:
            who += " · " + self.tr("You are %1").replace("%1", standing.site)
        order = self.tr("Speaking order: %1 of %2").replace("%1", str(standing.place))
        order = order.replace("%2", str(standing.sites))
        speaking = (
            self.tr("Nobody has the floor yet")
            if standing.floor is None
            else self.tr("Speaking now: %1").replace("%1", standing.floor)
        )
        lines = [who, f"{order} · {speaking}", self._turn_text(standing, wait)]
        if standing.hands:
            # This site's own hand reads "you": its place in the line at a glance.
            hands = [self.tr("you") if name == standing.site else name for name in standing.hands]
            lines.append(self.tr("Hands raised: %1").replace("%1", ", ".join(hands)))
        return lines

    def _turn_text(self, standing: Standing, wait: float | None) -> str:
        if standing.has_floor:
            return self.tr("You have the floor")
        if wait is None:
            return self.tr("You have spoken — thank you")
        # Under half a minute reads "any moment now"; otherwise whole minutes, at least one.
        minutes = 0 if wait < 30 else max(1, round(wait / 60))
        if standing.next and minutes == 0:
            return self.tr("You are next — any moment now")
        minutes = max(1, minutes)
        if standing.next:
            text = (
                self.tr("You are next — in about 1 minute")
                if minutes == 1
                else self.tr("You are next — in about %1 minutes")
            )
        else:
            text = (
                self.tr("Your turn comes in about 1 minute")
                if minutes == 1
                else self.tr("Your turn comes in about %1 minutes")
            )
        return text.replace("%1", str(minutes))

    def _on_refused(self, text: str) -> None:
        self._show_state("bad", text)
        for button in (self.mute_button, self.camera_button, self.hand_button, self.check_button):
            button.setEnabled(False)

    def _mute_toggled(self, muted: bool) -> None:
        self.presenter.set_muted(muted)
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))

    def _camera_toggled(self, off: bool) -> None:
        self.presenter.set_camera_on(not off)
        self.camera_button.setText(self.tr("Camera on") if off else self.tr("Camera off"))

    def _run_check(self) -> None:
        self.check_button.setEnabled(False)
        self._show_message(self.tr("Testing camera, microphone and connection…"))
        task = asyncio.get_running_loop().create_task(self.presenter.run_check())
        task.add_done_callback(lambda _task: self.check_button.setEnabled(True))

    def _on_check(self, result: dict[str, object]) -> None:
        lines = [
            self.tr("Camera: %1").replace("%1", _label(result["camera"])),
            self.tr("Microphone: %1").replace("%1", _label(result["microphone"])),
            self.tr("Connection: %1").replace("%1", _label(result["connection"])),
        ]
        if not result.get("posted"):
            lines.append(self.tr("The result could not be sent to the organiser."))
        self._show_message(" · ".join(lines))

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            # No loop any more (the app is shutting down): release the devices and go.
            self._left = True
            self.presenter.media.close()
        if not self._left:
            self._left = True
            event.ignore()
            # Say goodbye before the window goes, so the official sees "left", not "lost".
            task = asyncio.get_running_loop().create_task(self.presenter.leave())
            task.add_done_callback(lambda _task: self.close())
            return
        super().closeEvent(event)


def _label(value: object) -> str:
    try:
        return check_result_label(CheckResult(str(value)))
    except ValueError:
        return "?"


def _caption(text: str) -> QLabel:
    caption = QLabel(text)
    font = caption.font()
    font.setBold(True)
    caption.setFont(font)
    return caption
