"""The statistics page: demands received, claimed, responded to and solved, month by month."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import PageSpec, page_action
from outreach_app.ui.statistics.view import StatisticsView


def build_page(context: UiContext) -> PageSpec:
    view = StatisticsView(context)
    import_demands = page_action(
        view,
        "statistics",
        QCoreApplication.translate("pages", "Import &demands…"),
        QKeySequence("Ctrl+Shift+I"),
        view.open_import,
    )
    import_demands.setToolTip(
        QCoreApplication.translate(
            "pages", "Add demands residents posted on a message board (CSV or JSON)"
        )
    )
    export = page_action(
        view,
        "statistics",
        QCoreApplication.translate("pages", "&Export statistics…"),
        QKeySequence(),
        view.choose_export,
    )
    return PageSpec(
        key="statistics",
        title=QCoreApplication.translate("pages", "Statistics"),
        widget=view,
        icon=QStyle.StandardPixmap.SP_FileDialogInfoView,
        actions=[import_demands, export],
    )
