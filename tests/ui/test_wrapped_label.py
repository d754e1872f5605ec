"""A wrapped label in a layout short of room keeps every line of its text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.ui.widgets.wrapped_label import WrappedLabel

TEXT = "Briefing: " + "克拉2气田日均外输天然气约 2000 万立方米，是西气东输的主力气源之一。" * 2


def squeezed(qtbot: QtBot, label: QLabel) -> QWidget:
    """`label` below a list in a panel too short for both; the panel (it owns the label)."""
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    layout.addWidget(QListWidget(), 3)
    layout.addWidget(label)
    label.setText(TEXT)
    panel.resize(220, 150)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_every_line_shows_where_room_is_short(qtbot: QtBot) -> None:
    label = WrappedLabel()
    panel = squeezed(qtbot, label)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.heightForWidth(label.width()) > label.fontMetrics().height() * 3
    assert panel.isVisible()


def test_a_plain_wrapped_label_loses_lines_there(qtbot: QtBot) -> None:
    # The reason for WrappedLabel: if Qt ever keeps the lines by itself, it can go.
    label = QLabel()
    label.setWordWrap(True)
    panel = squeezed(qtbot, label)
    qtbot.wait(50)
    if label.height() >= label.heightForWidth(label.width()):
        pytest.fail("QLabel keeps its wrapped lines now: WrappedLabel is no longer needed")
    assert panel.isVisible()
