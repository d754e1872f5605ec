"""Empty states for item views: a hint painted where the rows would be."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView


def paint_placeholder(view: QAbstractItemView, text: str) -> None:
    """Call from the view's paintEvent after the base class has painted."""
    viewport = view.viewport()
    painter = QPainter(viewport)
    painter.setPen(view.palette().placeholderText().color())
    painter.drawText(
        viewport.rect().adjusted(12, 12, -12, -12),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
        text,
    )
    painter.end()
