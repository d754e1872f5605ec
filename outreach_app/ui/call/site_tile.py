"""A waiting site in the call window's thumbnail strip: its picture, name, link state, link
quality, and the offer of sound only when its link is poor."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from outreach_app.call.link_state import PeerState
from outreach_app.call.official_engine import LinkStatistics
from outreach_app.ui.call.run_sheet import state_colour, state_text, warning_colour
from outreach_app.ui.widgets.video import VideoView

THUMBNAIL_FPS: Final = 5
THUMBNAIL_SIZE: Final = QSize(160, 120)


class SiteTile(QFrame):
    """A waiting site: its picture, name, link state and link quality."""

    floorRequested = Signal(int)
    audioOnlyRequested = Signal(int, bool)  # site id, sound only wanted
    lowerHandRequested = Signal(int)

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
        # A raised hand: its place in line, and what the official can do about it.
        self.hand_label = QLabel()
        self.hand_label.setObjectName("tileHand")
        self.hand_label.setWordWrap(True)
        self.hand_label.setVisible(False)
        self.give_floor_button = QToolButton()
        self.give_floor_button.setObjectName("tileGiveFloor")
        self.give_floor_button.setText(self.tr("Give the floor"))
        self.give_floor_button.setVisible(False)
        self.give_floor_button.clicked.connect(lambda: self.floorRequested.emit(self.site_id))
        self.lower_hand_button = QToolButton()
        self.lower_hand_button.setObjectName("tileLowerHand")
        self.lower_hand_button.setText(self.tr("Lower the hand"))
        self.lower_hand_button.setVisible(False)
        self.lower_hand_button.clicked.connect(lambda: self.lowerHandRequested.emit(self.site_id))
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
        layout.addWidget(self.hand_label)
        layout.addWidget(self.give_floor_button)
        layout.addWidget(self.lower_hand_button)
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

    def set_hand(self, place: int | None) -> None:
        """The site's place among the raised hands (1: raised first), or None: not raised."""
        raised = place is not None
        self.hand_label.setText(
            self.tr("⚑ Asks for the floor (%1 in line)").replace("%1", str(place)) if raised else ""
        )
        for widget in (self.hand_label, self.give_floor_button, self.lower_hand_button):
            widget.setVisible(raised)

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
