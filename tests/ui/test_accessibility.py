"""Screen readers can name every control a user types into or picks from."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.storage.demo import build_demo
from outreach_app.ui.context import UiContext
from outreach_app.ui.first_run import FirstRunDialog
from outreach_app.ui.sites.view import SitesView
from tests.ui.conftest import until_loaded

CONTROLS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    buddies = {label.buddy() for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        # Editors inside combo boxes and spin boxes, and table headers, are named by their owner.
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)) or isinstance(
            widget, QHeaderView
        ):
            continue
        if widget.accessibleName() or widget in buddies:
            continue
        missing.append(
            f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
        )
    return missing


async def test_every_control_on_every_page_and_dialog_has_a_name(
    context: UiContext, qtbot: QtBot
) -> None:
    context.store.call(lambda r: build_demo(r))
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    missing: list[str] = []
    for key in window.pages:
        window.show_page(key)
        await until_loaded(window.pages[key].widget)
        missing += [f"{key}: {m}" for m in unnamed_controls(window.pages[key].widget)]
    sites = window.pages["sites"].widget
    assert isinstance(sites, SitesView)
    for dialog in (window.open_settings(), sites.open_import(), FirstRunDialog(window)):
        dialog.show()
        missing += [f"{type(dialog).__name__}: {m}" for m in unnamed_controls(dialog)]
        dialog.close()
    assert missing == []
