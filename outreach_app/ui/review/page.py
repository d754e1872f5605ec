"""The review page: reviewers read, search, approve and send back minutes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import PageSpec, page_action
from outreach_app.ui.review.view import ReviewView


def build_page(context: UiContext) -> PageSpec:
    view = ReviewView(context)
    search = page_action(
        view,
        "review",
        QCoreApplication.translate("pages", "&Search notes"),
        QKeySequence.StandardKey.Find,
        view.focus_search,
    )
    search.setToolTip(
        QCoreApplication.translate("pages", "Search the notes of every session (Ctrl+F)")
    )
    export = page_action(
        view,
        "review",
        QCoreApplication.translate("pages", "&Export minutes…"),
        QKeySequence("Ctrl+E"),
        view.export_minutes,
    )
    export.setToolTip(
        QCoreApplication.translate("pages", "Save the open minutes as PDF or Word (Ctrl+E)")
    )
    return PageSpec(
        key="review",
        title=QCoreApplication.translate("pages", "Review"),
        widget=view,
        icon=QStyle.StandardPixmap.SP_FileDialogContentsView,
        actions=[search, export],
    )
