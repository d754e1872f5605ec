"""The Review page: reviewers read, search, approve and send back minutes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.pages import Page

if TYPE_CHECKING:
    from outreach_app.ui.review.view import ReviewView

PAGE_KEY = "review"


def build_page(context: UiContext) -> Page[ReviewView]:
    def build() -> ReviewView:
        # Imported when the page is first shown, for a fast start.
        from outreach_app.ui.review.view import ReviewView

        return ReviewView(context)

    page = Page(
        PAGE_KEY,
        QCoreApplication.translate("pages", "Review"),
        QStyle.StandardPixmap.SP_FileDialogContentsView,
        build,
    )
    page.add_action(
        QCoreApplication.translate("pages", "&Search notes"),
        QKeySequence.StandardKey.Find,
        lambda view: view.focus_search(),
        tooltip=QCoreApplication.translate("pages", "Search the notes of every session (Ctrl+F)"),
    )
    page.add_action(
        QCoreApplication.translate("pages", "&Export minutes…"),
        QKeySequence("Ctrl+E"),
        lambda view: view.export_minutes(),
        tooltip=QCoreApplication.translate(
            "pages", "Save the open minutes as PDF or Word (Ctrl+E)"
        ),
    )
    return page
