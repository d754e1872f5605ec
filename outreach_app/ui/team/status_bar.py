"""Where this computer stands with the office's server, always in sight at the bottom of the
main window: synced, sending, offline since when with how many changes waiting, signed out;
and the conflicts to resolve, one click (or Ctrl+Shift+K) away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from outreach_app.sync.client import Link, SyncStatus
from outreach_app.ui.formatting import format_datetime, format_time

PROBLEMS_SHORTCUT = "Ctrl+Shift+K"
_COLOURS = {
    Link.ONLINE: "#1d5a2a",
    Link.CONNECTING: "#555555",
    Link.OFFLINE: "#7a4500",
    Link.SIGNED_OUT: "#8a1c12",
}


class SyncStatusBar(QWidget):
    problemsRequested = Signal()
    signInRequested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self._clock = clock
        self.status = SyncStatus()
        self.state_button = QToolButton()
        self.state_button.setObjectName("syncState")
        self.state_button.setAutoRaise(True)
        self.state_button.clicked.connect(self._state_clicked)
        self.problems_button = QToolButton()
        self.problems_button.setObjectName("syncProblems")
        self.problems_button.setAutoRaise(True)
        self.problems_button.setStyleSheet(
            "#syncProblems { background: #b35c00; color: white; padding: 1px 8px;"
            " border-radius: 3px; font-weight: bold; }"
        )
        self.problems_button.setToolTip(
            self.tr("Open the changes the office's server did not take (%1)").replace(
                "%1", PROBLEMS_SHORTCUT
            )
        )
        self.problems_button.clicked.connect(self.problemsRequested.emit)
        self.problems_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.problems_button)
        layout.addWidget(self.state_button)
        self.show_status(self.status)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.state_button.setText("● " + self.status_text(status))
        self.state_button.setStyleSheet(
            f"#syncState {{ color: {_COLOURS[status.link]}; }}" if status.first_copy is None else ""
        )
        signed_out = status.link is Link.SIGNED_OUT
        self.state_button.setToolTip(
            self.tr("Click to sign in again")
            if signed_out
            else self.tr("Changes are kept on this computer until the office's server has them")
        )
        self.problems_button.setText(self.tr("%n conflict(s) to resolve", "", status.problems))
        self.problems_button.setVisible(status.problems > 0)

    def status_text(self, status: SyncStatus) -> str:
        """Where this computer stands with the office's server, in a few words."""
        if status.first_copy is not None:
            done, total = status.first_copy
            return (
                self.tr("Copying the office's record: %1 of %2")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )
        if status.link is Link.SIGNED_OUT:
            return self.tr("Signed out — sign in again")
        if status.link is Link.OFFLINE:
            now = self._clock()
            since = status.offline_since or now
            when = format_time(since) if since.date() == now.date() else format_datetime(since)
            if status.waiting:
                return self.tr(
                    "Offline since %1 — %n change(s) waiting", "", status.waiting
                ).replace("%1", when)
            return self.tr("Offline since %1").replace("%1", when)
        if status.link is Link.CONNECTING:
            return self.tr("Connecting to the office's server…")
        if status.waiting:
            return self.tr("Sending %n change(s)…", "", status.waiting)
        return self.tr("Synced")

    def state_text(self) -> str:
        return self.state_button.text().removeprefix("● ")

    def _state_clicked(self) -> None:
        if self.status.link is Link.SIGNED_OUT:
            self.signInRequested.emit()
        elif self.status.problems:
            self.problemsRequested.emit()
