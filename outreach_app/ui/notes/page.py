"""The Notes page: take planned or new questions and record answers and commitments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.pages import Page

if TYPE_CHECKING:
    from outreach_app.ui.notes.view import NotesView

PAGE_KEY = "notes"


def build_page(context: UiContext) -> Page[NotesView]:
    def build() -> NotesView:
        # Imported when the page is first shown, for a fast start.
        from outreach_app.ui.notes.view import NotesView

        return NotesView(context)

    page = Page(
        PAGE_KEY,
        QCoreApplication.translate("pages", "Notes"),
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
        build,
        flush=lambda view: view.flush(),
    )
    page.add_action(
        QCoreApplication.translate("pages", "New &question"),
        QKeySequence("Ctrl+Shift+Q"),
        lambda view: view.focus_new_question(),
        needs="notes.add_question",
    )
    page.add_action(
        QCoreApplication.translate("pages", "Send a &notice to sites…"),
        QKeySequence("Ctrl+Shift+P"),
        lambda view: view.write_notice(),
        needs="calls.record_notice",
    )
    page.add_action(
        QCoreApplication.translate("pages", "Start or join &call"),
        QKeySequence("Ctrl+Shift+L"),
        lambda view: view.open_call(),
        needs="call",
    )
    return page
