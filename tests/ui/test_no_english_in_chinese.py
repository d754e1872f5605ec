"""Under a Chinese locale no English reaches the screen: every visible string went through tr()."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.core.model import Role, User
from outreach_app.storage.demo import build_demo
from outreach_app.ui.context import UiContext
from outreach_app.ui.first_run import FirstRunDialog
from outreach_app.ui.sites.view import SitesView
from outreach_app.ui.team.dialogs import FirstCopyDialog, SignOutDialog
from outreach_app.ui.team.sign_in import SignInDialog
from tests.ui.conftest import until_loaded

# Words that stay as they are in Chinese interfaces: formats, protocols, product names, keys.
ALLOWED = {
    "CSV",
    "UTF",
    "GB",
    "ICE",
    "STUN",
    "TURN",
    "Ctrl",
    "Shift",
    "Alt",
    "Enter",
    "Esc",
    "Del",
    "Home",
    "Outreach",
    "English",
    "db",
    "min",
}
WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


# File formats, named as everyone names them.
ALLOWED |= {"ics", "PDF", "pdf", "DOCX", "docx", "XLSX", "xlsx", "JSON", "json", "Word", "Excel"}
ALLOWED |= {"pem", "crt", "cer"}  # certificate files
# CSV column names are typed by users as they are.
ALLOWED |= {"name", "region", "address", "contacts", "connection_notes", "tags"}
# Markup, and file names, folders or server addresses shown as examples.
MARKUP = re.compile(
    r"<[^>]*>|&\w+;|\b[\w-]+\.(?:db|csv|qm)\b|\b\w+:[\w.]+(?::\d+)?"
    r"|https?://\S*"  # a server's address, or how one starts
    r"|(?:/[\w.-]+){2,}"  # a folder shown as it is, such as the default backup folder
)


def english_words(text: str) -> set[str]:
    return {w for w in WORD.findall(MARKUP.sub(" ", text)) if w not in ALLOWED}


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        name = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
            yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            yield f"{name} placeholder", widget.placeholderText()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield name, widget.tabText(index)
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                yield f"{name} header", header.text() if header else ""
        if isinstance(widget, QTreeWidget):
            tree_header = widget.headerItem()
            for column in range(widget.columnCount()):
                yield f"{name} header", tree_header.text(column)
        if isinstance(widget, QComboBox) and not widget.isEditable():
            yield name, widget.currentText()


async def test_every_page_of_the_demo_shows_no_english(
    use_language: Callable[[str], QLocale], context: UiContext, qtbot: QtBot, db_path: Path
) -> None:
    use_language("zh_CN")
    context.store.call(lambda r: build_demo(r))
    context.user = User("王建国", Role.OFFICIAL)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1360, 840)
    window.show()
    english: list[str] = []
    for key in window.pages:
        window.show_page(key)
        await until_loaded(window.pages[key].widget)
        for kind, text in visible_texts(window):
            if english_words(text):
                english.append(f"{key}: {kind}: {text!r}")
    sites = window.pages["sites"].widget
    assert isinstance(sites, SitesView)
    connecting = FirstRunDialog(window, server="https://team.example.org", team_first=True)
    dialogs = [
        window.open_settings(),
        sites.open_import(),
        FirstRunDialog(window),
        connecting,
        SignInDialog(window, server="https://team.example.org", account="wang", again=True),
        SignOutDialog("县委办公室", "https://team.example.org", 3, window),
        FirstCopyDialog(window),
    ]
    for dialog in dialogs:
        dialog.show()
        for kind, text in visible_texts(dialog):
            if english_words(text):
                english.append(f"{type(dialog).__name__}: {kind}: {text!r}")
        dialog.close()
    for action in window.menuBar().actions():
        menu = action.menu()
        for item in [action, *(menu.actions() if isinstance(menu, QMenu) else [])]:
            if english_words(item.text()):
                english.append(f"menu: {item.text()!r}")
    assert english == []
