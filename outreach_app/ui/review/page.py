"""The review page: reviewers read, search, approve and send back minutes."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import PageSpec
from outreach_app.ui.review.view import ReviewView


def build_page(context: UiContext) -> PageSpec:
    view = ReviewView(context)
    search = QAction(view.tr("&Search notes"), view)
    search.setShortcut(QKeySequence.StandardKey.Find)
    search.setToolTip(view.tr("Search the notes of every session (Ctrl+F)"))

    def focus_search() -> None:
        show_page = getattr(view.window(), "show_page", None)
        if callable(show_page):
            show_page("review")
        view.focus_search()

    search.triggered.connect(focus_search)
    return PageSpec(
        key="review",
        title=view.tr("Review"),
        widget=view,
        icon=QStyle.StandardPixmap.SP_FileDialogContentsView,
        actions=[search],
    )
