"""Import demands from a message board export: preview them, or list every line to fix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from outreach_app.core.demand_import import ALL_DEMAND_COLUMNS, DemandRow
from outreach_app.core.demand_update import DemandPlan
from outreach_app.storage.repository import DemandImportSummary
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.demands.labels import disagreement_text, plan_state
from outreach_app.ui.demands.presenter import DemandImportPresenter, DemandPreview
from outreach_app.ui.formatting import format_date
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.widgets.import_preview import ImportPreviewDialog, ImportTexts

TEMPLATE_ROWS = (
    (
        "2026-11-03",
        "红旗村村委会",
        "问政",
        "三组水压不足，早晚用水高峰供不上",
        "基础设施",
        "B-20261103-01",
        "已办结",
        "2026-11-04 09:30",
        "张书记",
        "2026-11-06 15:00",
        "已派人检修，下周更换水泵",
        "2026-11-10 17:45",
        "安定区水务局",
    ),
    ("2026-11-05", "北京市朝阳区", "百姓呼声", "小区夜间停车位不够", "", "B-20261105-07", "待认领")
    + ("",) * 6,
)
SKIPPED_COLOUR = QColor("#80868b")
DISAGREEMENT_COLOUR = QColor("#8a1c12")


class DemandImportDialog(ImportPreviewDialog):
    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        clock: Callable[[], datetime],
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        texts = ImportTexts(
            title=self.tr("Import demands"),
            intro=self.tr(
                "Demands residents posted on a message board, as CSV or JSON. Columns: date,"
                " site (a site's name or its area), channel (such as People's Voices, Ask"
                " Politics, Consumer Rights), text, and optionally category; from a board's"
                " export also its message id, status, claimed at and by, responded at and the"
                " response, solved at, and the responsible unit. UTF-8 or GB18030. If any line"
                " is wrong, nothing is imported and every wrong line is listed. A message"
                " imported before is brought up to date by its id: the board's new steps are"
                " added, nothing done here is lost, and where the board and the work here"
                " disagree it is listed."
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
        super().__init__(texts, ALL_DEMAND_COLUMNS, TEMPLATE_ROWS, settings, parent)
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
            self.tr("Board and here disagree"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(preview.result.demands))
        for row, (demand, plan) in enumerate(
            zip(preview.result.demands, preview.plans, strict=True)
        ):
            self._fill_preview_row(row, demand, plan)
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self._set_summary(self._preview_summary(preview))
        self.import_button.setEnabled(bool(preview.to_import or preview.to_update))

    def _preview_summary(self, preview: DemandPreview) -> str:
        new, updated = len(preview.to_import), len(preview.to_update)
        parts = []
        if new:
            parts.append(self.tr("%n demand(s) ready to import.", "", new))
        if updated:
            parts.append(self.tr("%n demand(s) to update with the board's progress.", "", updated))
        if preview.skipped and (new or updated):
            parts.append(
                self.tr(
                    "%n demand(s) already imported or repeated in the file will be skipped.",
                    "",
                    preview.skipped,
                )
            )
        if not new and not updated:
            parts.append(self.tr("Every demand in this file has been imported already."))
        if preview.disagreements:
            parts.append(
                self.tr(
                    "%n disagreement(s) between the board and the work done here are listed;"
                    " nothing done here is overwritten.",
                    "",
                    preview.disagreements,
                )
            )
        return " ".join(parts)

    def _fill_preview_row(self, row: int, demand: DemandRow, plan: DemandPlan) -> None:
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
            plan_state(plan, demand.duplicate_of),
            "; ".join(disagreement_text(d) for d in plan.disagreements),
        )
        skipped = not plan.changes
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if column == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if skipped:
                item.setForeground(QBrush(SKIPPED_COLOUR))
            if column == 7 and value:
                item.setForeground(QBrush(DISAGREEMENT_COLOUR))
            self.table.setItem(row, column, item)

    # ------------------------------------------------------------------------ import
    def _can_import(self) -> bool:
        preview = self.preview
        return (
            preview is not None
            and preview.result.ok
            and bool(preview.to_import or preview.to_update)
        )

    def _send_import(self) -> None:
        assert self.preview is not None
        self.presenter.import_demands(self.preview)

    def _imported(self, summary: DemandImportSummary) -> None:
        text = self.tr("%n demand(s) imported.", "", summary.imported)
        if summary.updated:
            text += " " + self.tr("%n updated with the board's progress.", "", summary.updated)
        if summary.skipped_lines:
            text += " " + self.tr(
                "%n skipped: imported before or repeated in the file.",
                "",
                len(summary.skipped_lines),
            )
        if summary.disagreements:
            text += " " + self.tr(
                "%n disagreement(s) between the board and the work done here are listed"
                " below; nothing done here was overwritten.",
                "",
                len(summary.disagreements),
            )
        # Where the board and the work here disagree, the list stays open to be read.
        self._finish_import(text, keep_open=bool(summary.disagreements))
