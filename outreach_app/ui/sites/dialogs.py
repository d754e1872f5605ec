"""Import sites from a CSV file: preview what will be added, or list every bad line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from outreach_app.core.model import Site
from outreach_app.core.site_import import KNOWN_COLUMNS, SiteImportResult
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.sites.presenter import SiteImportPresenter
from outreach_app.ui.widgets.import_preview import ImportPreviewDialog, ImportTexts

TEMPLATE_ROW = (
    "红旗村村委会",
    "甘肃省定西市安定区",
    "凤翔镇红旗村一组",
    "张德明:13909321234; 马秀兰:13893245678",
    "村委会二楼会议室，4G 路由器",
    "乡村振兴、马铃薯产业",
)


class SiteImportDialog(ImportPreviewDialog):
    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        texts = ImportTexts(
            title=self.tr("Import sites from CSV"),
            intro=self.tr(
                "Columns: name, region, address, contacts (张德明:13909321234; …), "
                "connection_notes, tags. UTF-8 or GB18030. If any line is wrong, nothing is "
                "imported and every wrong line is listed."
            ),
            template_hint=self.tr(
                "Not sure about the format? Save template… writes a file with the header and "
                "one example row to fill in. You can also drop a CSV file here."
            ),
            table_name=self.tr("Sites to import, or the lines to fix"),
            choose_caption=self.tr("Choose a CSV file"),
            choose_filter=self.tr("CSV files (*.csv);;All files (*)"),
            template_name="sites.csv",
        )
        super().__init__(texts, KNOWN_COLUMNS, [TEMPLATE_ROW], settings, parent)
        self.presenter = SiteImportPresenter(store, bus, parent=self)
        self.parsed: SiteImportResult | None = None
        self.resize(860, 540)

        self.presenter.parsed.connect(self._show_result)
        self.presenter.failed.connect(self._show_failure)
        self.presenter.imported.connect(self._imported)
        self.presenter.error.connect(self._show_store_error)

    def _read(self, path: Path) -> None:
        self.parsed = None
        self.presenter.parse(path)

    def _show_result(self, result: SiteImportResult) -> None:
        self.parsed = result
        self.table.clear()
        if result.errors:
            self._show_errors(result.errors)
            self.table.resizeRowsToContents()
            return
        headers = [
            self.tr("Name"),
            self.tr("Region"),
            self.tr("Address"),
            self.tr("Contacts"),
            self.tr("Connection notes"),
            self.tr("Tags"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(result.sites))
        for row, site in enumerate(result.sites):
            self._fill_preview_row(row, site)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self._set_summary(self.tr("%n site(s) ready to import.", "", len(result.sites)))
        self.import_button.setEnabled(bool(result.sites))

    def _fill_preview_row(self, row: int, site: Site) -> None:
        contacts = "; ".join(f"{c.name} {c.phone}".strip() for c in site.contacts)
        values = (
            site.name,
            site.region,
            site.address,
            contacts,
            site.connection_notes,
            "、".join(site.tags),
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            self.table.setItem(row, column, item)

    # ------------------------------------------------------------------------ import
    def _can_import(self) -> bool:
        return self.parsed is not None and self.parsed.ok and bool(self.parsed.sites)

    def _send_import(self) -> None:
        assert self.parsed is not None
        self.presenter.import_sites(self.parsed.sites)

    def _imported(self, count: int) -> None:
        self._finish_import(self.tr("%n site(s) imported.", "", count))
