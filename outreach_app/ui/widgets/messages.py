"""Telling the person something at the top of a page, and asking before edits are dropped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QToolButton, QWidget

from outreach_app.ui.presenter import Presenter


class MessageBar(QFrame):
    """A dismissible line at the top of a page for errors and confirmations."""

    def __init__(self, parent: QWidget | None = None, *, keep_room: bool = True) -> None:
        """`keep_room`: the bar's room stays while it is hidden, so that a message never moves
        the page under the pointer; a crowded window (the call's) gives it back instead."""
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAccessibleName(self.tr("Dismiss message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(keep_room)
        self.setSizePolicy(policy)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "#fdecea", "#8a1c12")

    def show_info(self, text: str, *, timeout_ms: int = 4000) -> None:
        self._show(text, "#e8f4ea", "#1d5a2a")
        self._hide_timer.start(timeout_ms)

    def _show(self, text: str, background: str, foreground: str) -> None:
        self._hide_timer.stop()
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border-radius: 4px; }}"
            f"#messageBar QLabel {{ color: {foreground}; }}"
        )
        self.label.setText(text)
        self.show()

    def follow(self, presenter: Presenter) -> None:
        presenter.error.connect(self.show_error)


def ask_to_save_changes(parent: QWidget, question: str, save: Callable[[], bool]) -> bool:
    """Unsaved edits are never dropped silently: save, discard, or stay. True means go on."""
    choice = QMessageBox.question(
        parent,
        parent.tr("Unsaved changes"),
        question,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    if choice == QMessageBox.StandardButton.Save:
        return save()
    return choice == QMessageBox.StandardButton.Discard
