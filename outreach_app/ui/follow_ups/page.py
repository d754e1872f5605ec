"""The Follow-ups page: every commitment from open to solved, for reviewers and staff."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.follow_ups.board import FollowUpBoardView
from outreach_app.ui.main_window import MainWindow, PageSpec, page_action

PAGE_KEY = "follow_ups"


def build_page(context: UiContext, *, review: PageSpec | None = None) -> PageSpec:
    """`review`: the review page, whose minutes link each commitment to this board."""
    view = FollowUpBoardView(context)
    find = page_action(
        view,
        PAGE_KEY,
        QCoreApplication.translate("pages", "&Find follow-ups"),
        QKeySequence("Ctrl+Shift+F"),
        view.focus_search,
    )
    find.setToolTip(
        QCoreApplication.translate("pages", "Filter the follow-up board by words (Ctrl+Shift+F)")
    )
    if review is not None:
        requested = getattr(review.widget, "followUpRequested", None)
        if requested is not None:
            requested.connect(lambda follow_up_id: show_follow_up(view, follow_up_id))
    return PageSpec(
        key=PAGE_KEY,
        title=QCoreApplication.translate("pages", "Follow-ups"),
        widget=view,
        icon=QStyle.StandardPixmap.SP_DialogApplyButton,
        actions=[find],
    )


def show_follow_up(view: FollowUpBoardView, follow_up_id: int) -> None:
    """Bring the board to the front with one follow-up chosen."""
    window = view.window()
    if isinstance(window, MainWindow):
        window.show_page(PAGE_KEY)
    view.reveal(follow_up_id)
