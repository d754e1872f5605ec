"""Telling the person something on a page, and asking before edits are dropped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QToolButton, QWidget

from outreach_app.ui.presenter import Presenter

FLOAT_MARGIN = 12


class MessageBar(QFrame):
    """A dismissible line for errors and confirmations: in a layout, where it takes room only
    while it shows, or floating over the foot of a page (`float_over`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._page: QWidget | None = None
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
        self.hide()

    def float_over(self, page: QWidget) -> None:
        """Show messages over the foot of `page` instead of in its layout: a message then never
        moves the page under the pointer, and no empty strip waits for one."""
        self.setParent(page)
        self._page = page
        page.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        page = self._page
        if page is None:
            return
        width = max(0, page.width() - 2 * FLOAT_MARGIN)
        # The style sheet just set (its border) counts in the height the text needs.
        self.ensurePolished()
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        height = max(height, self.minimumSizeHint().height())
        self.setGeometry(FLOAT_MARGIN, page.height() - height - FLOAT_MARGIN, width, height)
        self.raise_()

    def show_error(self, text: str) -> None:
        self._show(text, "#fdecea", "#8a1c12")

    def show_info(self, text: str, *, timeout_ms: int = 4000) -> None:
        self._show(text, "#e8f4ea", "#1d5a2a")
        self._hide_timer.start(timeout_ms)

    def _show(self, text: str, background: str, foreground: str) -> None:
        self._hide_timer.stop()
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border-radius: 4px;"
            f" border: 1px solid {foreground}; }}"
            f"#messageBar QLabel {{ color: {foreground}; border: none; }}"
        )
        self.label.setText(text)
        self._place()
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
