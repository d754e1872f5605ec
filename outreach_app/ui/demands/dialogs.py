"""Import demands from a message board export: preview them, or list every line to fix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from outreach_app.core.demand_import import DEMAND_COLUMNS, DemandRow
from outreach_app.storage.repository import DemandImportSummary
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.demands.presenter import DemandImportPresenter, DemandPreview
from outreach_app.ui.formatting import format_date
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.widgets.import_preview import ImportPreviewDialog, ImportTexts

TEMPLATE_ROWS = (
    ("2026-11-03", "红旗村村委会", "问政", "三组水压不足，早晚用水高峰供不上", "基础设施"),
    ("2026-11-05", "北京市朝阳区", "百姓呼声", "小区夜间停车位不够", ""),
)
SKIPPED_COLOUR = QColor("#80868b")


class DemandImportDialog(ImportPreviewDialog):
    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        texts = ImportTexts(
            title=self.tr("Import demands"),
            intro=self.tr(
                "Demands residents posted on a message board, as CSV or JSON. Columns: date,"
                " site (a site's name or its area), channel (such as People's Voices, Ask"
                " Politics, Consumer Rights), text, and optionally category. UTF-8 or GB18030."
                " If any line is wrong, nothing is imported and every wrong line is listed."
                " Demands imported before are skipped."
            ),
            template_hint=self.tr(
                "Save template… writes a CSV file with the header and two example rows. You"
                " can also drop a file here."
            ),
            table_name=self.tr("Demands to import, or the lines to fix"),
            choose_caption=self.tr("Choose a message board export"),
            choose_filter=self.tr("CSV or JSON files (*.csv *.json);;All files (*)"),
            template_name="demands.csv",
        )
        super().__init__(texts, DEMAND_COLUMNS, TEMPLATE_ROWS, parent)
        self.presenter = DemandImportPresenter(store, bus, clock, parent=self)
        self.preview: DemandPreview | None = None
        self.resize(960, 560)

        self.presenter.parsed.connect(self._show_preview)
        self.presenter.failed.connect(self._show_failure)
        self.presenter.imported.connect(self._imported)
        self.presenter.error.connect(self._show_store_error)

    def _read(self, path: Path) -> None:
        self.preview = None
        self.presenter.parse(path)

    def _show_preview(self, preview: DemandPreview) -> None:
        self.preview = preview
        self._clear_table()
        if preview.result.errors:
            self._show_errors(preview.result.errors)
            return
        headers = [
            self.tr("Line"),
            self.tr("Received on"),
            self.tr("Site"),
            self.tr("Channel"),
            self.tr("Category"),
            self.tr("Demand"),
            self.tr("Import"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(preview.result.demands))
        for row, demand in enumerate(preview.result.demands):
            self._fill_preview_row(row, demand, self._import_state(preview, demand))
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        new = len(preview.to_import)
        text = self.tr("%n demand(s) ready to import.", "", new)
        if preview.skipped:
            text += " " + self.tr(
                "%n demand(s) already imported or repeated in the file will be skipped.",
                "",
                preview.skipped,
            )
        if not new:
            text = self.tr("Every demand in this file has been imported already.")
        self._set_summary(text)
        self.import_button.setEnabled(new > 0)

    def _import_state(self, preview: DemandPreview, demand: DemandRow) -> str:
        if demand.duplicate_of is not None:
            return self.tr("skip: same as line %1").replace("%1", str(demand.duplicate_of))
        if preview.already_imported(demand):
            return self.tr("skip: imported before")
        return self.tr("new")

    def _fill_preview_row(self, row: int, demand: DemandRow, state: str) -> None:
        site = demand.site_name
        if demand.area.casefold() != demand.site_name.casefold():
            site = f"{demand.site_name} ({demand.area})"
        values = (
            str(demand.line),
            format_date(demand.received_on),
            site,
            demand.channel,
            demand.category,
            demand.text,
            state,
        )
        skipped = state != self.tr("new")
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if column == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if skipped:
                item.setForeground(QBrush(SKIPPED_COLOUR))
            self.table.setItem(row, column, item)

    # ------------------------------------------------------------------------ import
    def _can_import(self) -> bool:
        preview = self.preview
        return preview is not None and preview.result.ok and bool(preview.to_import)

    def _send_import(self) -> None:
        assert self.preview is not None
        self.presenter.import_demands(self.preview)

    def _imported(self, summary: DemandImportSummary) -> None:
        text = self.tr("%n demand(s) imported.", "", summary.imported)
        if summary.skipped_lines:
            text += " " + self.tr(
                "%n skipped: imported before or repeated in the file.",
                "",
                len(summary.skipped_lines),
            )
        self._finish_import(text)
