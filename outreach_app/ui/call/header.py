"""The bar across the top of the call window: the session's title and phase, the clocks, who
has the floor and how long is left, and buttons for the window's main actions."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from outreach_app.call.link_state import PeerState
from outreach_app.core.segments import format_countdown
from outreach_app.ui.call.presenter import CallPhase
from outreach_app.ui.call.run_sheet import overrun_colour, state_colour, warning_colour
from outreach_app.ui.formatting import format_offset


def button_text(menu_text: str) -> str:
    """A menu entry's text for a button: no mnemonic ("&Next", "下一站点(&N)"), no "…"."""
    return re.sub(r"\(&\w\)", "", menu_text).replace("&", "").removesuffix("…")


class CallHeader(QWidget):
    """Shows what it is told; its buttons trigger the window's actions."""

    def __init__(
        self,
        *,
        previous_action: QAction,
        next_action: QAction,
        end_action: QAction,
        mute_action: QAction,
        camera_action: QAction,
        record_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setObjectName("callTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        # Long titles and engine lines wrap, so that the window fits a 1280-pixel screen.
        self.title_label.setWordWrap(True)
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
        self.previous_button = self._action_button(previous_action, "◀ ")
        self.next_button = self._action_button(next_action, "", " ▶")
        self.next_button.setObjectName("nextButton")
        self.end_button = self._action_button(end_action, "")
        self.end_button.setObjectName("endCallButton")
        self.mute_button = self._action_button(mute_action, "")
        self.camera_button = self._action_button(camera_action, "")
        self.record_button = self._action_button(record_action, "")
        self.recording_label = QLabel(self.tr("● REC"))
        self.recording_label.setObjectName("recordingLabel")
        self.recording_label.setToolTip(self.tr("This session is being recorded"))
        self.recording_label.setStyleSheet(
            "#recordingLabel { color: #ffffff; background: #c62828; font-weight: bold;"
            " padding: 2px 6px; border-radius: 3px; }"
        )
        self.recording_label.hide()
        self.engine_label = QLabel()
        self.engine_label.setObjectName("engineLabel")
        self.engine_label.setWordWrap(True)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        status_row = QHBoxLayout()
        status_row.setSpacing(12)
        status_row.addWidget(self.phase_label)
        status_row.addWidget(self.recording_label)
        status_row.addWidget(self.session_clock)
        status_row.addWidget(self.engine_label)
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

    def show_phase(self, phase: CallPhase) -> None:
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

    def show_engine(self, text: str, why: str, trouble: bool) -> None:
        """What carries the call and why; in the warning colour while it is in trouble."""
        self.engine_label.setText(f"{text} — {why}" if text and why else text)
        self.engine_label.setToolTip(why)
        colour = warning_colour(self.palette()).name() if trouble else ""
        self.engine_label.setStyleSheet(
            f"#engineLabel {{ color: {colour}; font-weight: bold; }}" if colour else ""
        )

    def show_floor(self, site_name: str | None) -> None:
        """`site_name`: the site that has the floor, or None when nobody has it."""
        self.floor_label.setText(
            "" if site_name is None else self.tr("On the floor:\n%1").replace("%1", site_name)
        )

    def show_session_time(self, seconds: int | None) -> None:
        """`seconds`: since the session started, or None before it has."""
        self.session_clock.setText(
            ""
            if seconds is None
            else self.tr("%1 in session").replace("%1", format_offset(seconds))
        )

    def show_countdown(self, remaining: float | None) -> None:
        """`remaining`: seconds left of the floor site's time box, or None when nobody speaks."""
        if remaining is None:
            self.countdown_label.setText("")
            return
        self.countdown_label.setText(format_countdown(remaining))
        colour = overrun_colour(self.palette()).name() if remaining <= 0 else ""
        self.countdown_label.setStyleSheet(
            f"#countdownLabel {{ color: {colour}; }}" if colour else ""
        )
