"""The Statistics page: demands received, claimed, responded to and solved, month by month."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.pages import Page

if TYPE_CHECKING:
    from outreach_app.ui.statistics.view import StatisticsView

PAGE_KEY = "statistics"


def build_page(context: UiContext) -> Page[StatisticsView]:
    def build() -> StatisticsView:
        # Imported when the page is first shown, for a fast start (charts load Qt Charts).
        from outreach_app.ui.statistics.view import StatisticsView

        return StatisticsView(context)

    page = Page(
        PAGE_KEY,
        QCoreApplication.translate("pages", "Statistics"),
        QStyle.StandardPixmap.SP_FileDialogInfoView,
        build,
    )
    page.add_action(
        QCoreApplication.translate("pages", "Import &demands…"),
        QKeySequence("Ctrl+Shift+I"),
        lambda view: view.open_import(),
        needs="follow_ups.import_demands",
        tooltip=QCoreApplication.translate(
            "pages", "Add demands residents posted on a message board (CSV or JSON)"
        ),
    )
    page.add_action(
        QCoreApplication.translate("pages", "&Export statistics…"),
        QKeySequence(),
        lambda view: view.choose_export(),
    )
    return page
