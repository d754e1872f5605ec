"""A label whose wrapped text is never cut: it asks its layout for the height its lines need.

A word-wrapped QLabel reports a small minimum height, so a layout or splitter that is short of
room squeezes it until lines disappear (the briefing beside the call's video lost its first line).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._needed = 0

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._needed))

    def setText(self, text: str) -> None:
        super().setText(text)
        self._follow_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow_width()

    def _follow_width(self) -> None:
        needed = self.heightForWidth(self.width()) if self.width() > 0 else 0
        if needed != self._needed:
            # Only when it changes: the layout then settles instead of asking again.
            self._needed = needed
            self.updateGeometry()
