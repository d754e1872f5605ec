"""The Follow-ups page: every commitment from open to solved, for reviewers and staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.pages import Page

if TYPE_CHECKING:
    from outreach_app.ui.follow_ups.view import FollowUpBoardView

PAGE_KEY = "follow_ups"


def build_page(context: UiContext) -> Page[FollowUpBoardView]:
    def build() -> FollowUpBoardView:
        # Imported when the page is first shown, for a fast start.
        from outreach_app.ui.follow_ups.view import FollowUpBoardView

        return FollowUpBoardView(context)

    page = Page(
        PAGE_KEY,
        QCoreApplication.translate("pages", "Follow-ups"),
        QStyle.StandardPixmap.SP_DialogApplyButton,
        build,
    )
    page.add_action(
        QCoreApplication.translate("pages", "&Find follow-ups"),
        QKeySequence("Ctrl+Shift+F"),
        lambda view: view.focus_search(),
        tooltip=QCoreApplication.translate(
            "pages", "Filter the follow-up board by words (Ctrl+Shift+F)"
        ),
    )
    return page


def show_follow_up(page: Page[FollowUpBoardView], follow_up_id: int) -> None:
    """Bring the board to the front with one follow-up chosen."""
    page.show().reveal(follow_up_id)
