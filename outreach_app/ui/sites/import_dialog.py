"""Import sites from a CSV file: preview what will be added, or list every bad line."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import Site
from outreach_app.core.site_import import KNOWN_COLUMNS, SiteImportResult
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.labels import translate_message
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.sites.presenter import SiteImportPresenter

TEMPLATE_ROW = (
    "红旗村村委会",
    "甘肃省定西市安定区",
    "凤翔镇红旗村一组",
    "张德明:13909321234; 马秀兰:13893245678",
    "村委会二楼会议室，4G 路由器",
    "乡村振兴、马铃薯产业",
)
_ERROR_STYLE = "color: #8a1c12; font-weight: bold;"


def write_template(path: Path) -> None:
    # With a BOM, Excel on Chinese Windows opens the UTF-8 file without garbling it.
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(KNOWN_COLUMNS)
        writer.writerow(TEMPLATE_ROW)


class SiteImportDialog(QDialog):
    imported = Signal(str)  # translated summary, for the page to show

    def __init__(self, store: StoreWorker, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = SiteImportPresenter(store, bus, parent=self)
        self.setWindowTitle(self.tr("Import sites from CSV"))
        self.setAcceptDrops(True)
        self.path: Path | None = None
        self.parsed: SiteImportResult | None = None
        self._importing = False

        intro = QLabel(
            self.tr(
                "Columns: name, region, address, contacts (张德明:13909321234; …), "
                "connection_notes, tags. UTF-8 or GB18030. If any line is wrong, nothing is "
                "imported and every wrong line is listed."
            )
        )
        intro.setWordWrap(True)
        template_hint = QLabel(
            self.tr(
                "Not sure about the format? Save template… writes a file with the header and "
                "one example row to fill in. You can also drop a CSV file here."
            )
        )
        template_hint.setWordWrap(True)
        template_hint.setStyleSheet("color: palette(placeholder-text);")
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self._choose_file)
        self.reload_button = QPushButton(self.tr("Check again"))
        self.reload_button.setToolTip(self.tr("Read the file again after fixing it"))
        self.reload_button.setEnabled(False)
        self.reload_button.clicked.connect(self.reload)
        self.template_button = QPushButton(self.tr("Save template…"))
        self.template_button.setToolTip(self.tr("Write an example CSV file to fill in"))
        self.template_button.clicked.connect(self._save_template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reload_button)
        file_row.addWidget(self.template_button)

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("importTable")
        self.table.setAccessibleName(self.tr("Sites to import, or the lines to fix"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._import)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(template_hint)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 540)

        self.presenter.parsed.connect(self._show_result)
        self.presenter.failed.connect(self._show_failure)
        self.presenter.imported.connect(self._imported)
        self.presenter.error.connect(self._show_store_error)

    # ------------------------------------------------------------------------ files
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CSV file"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.load_file(Path(path))

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save template"), "sites.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> None:
        try:
            write_template(path)
        except OSError as exc:
            self._set_summary(
                self.tr("Cannot write the template: %1").replace("%1", exc.strerror or str(exc)),
                error=True,
            )
            return
        self._set_summary(self.tr("Template saved as %1.").replace("%1", str(path)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and not self._importing:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.load_file(Path(event.mimeData().urls()[0].toLocalFile()))
        event.acceptProposedAction()

    def load_file(self, path: Path) -> None:
        """Read and check `path` in the background; the result replaces what is shown."""
        self.path = path
        self.file_label.setText(str(path))
        self.file_label.setToolTip(str(path))
        self.reload_button.setEnabled(True)
        self.reload()

    def reload(self) -> None:
        if self.path is None:
            return
        self.parsed = None
        self._set_summary(self.tr("Reading…"))
        self.import_button.setEnabled(False)
        self.presenter.parse(self.path)

    # ----------------------------------------------------------------------- results
    def _show_failure(self, template: str, params: dict[str, object]) -> None:
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self._set_summary(translate_message(template, params), error=True)

    def _show_result(self, result: SiteImportResult) -> None:
        self.parsed = result
        self.table.clear()
        if result.errors:
            self._show_errors(result)
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

    def _show_errors(self, result: SiteImportResult) -> None:
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Problem")])
        self.table.setRowCount(len(result.errors))
        for row, error in enumerate(result.errors):
            line = QTableWidgetItem(str(error.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            problem = translate_message(error.template, error.params)
            reason = QTableWidgetItem(problem)
            reason.setToolTip(problem)
            self.table.setItem(row, 0, line)
            self.table.setItem(row, 1, reason)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self._set_summary(
            self.tr(
                "%n line(s) must be fixed before anything can be imported.",
                "",
                len(result.errors),
            ),
            error=True,
        )
        self.import_button.setEnabled(False)

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

    def _set_summary(self, text: str, *, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(_ERROR_STYLE if error else "")

    # ------------------------------------------------------------------------ import
    def _import(self) -> None:
        if self.parsed is None or not self.parsed.ok or not self.parsed.sites:
            return
        self._set_importing(True)
        self._set_summary(self.tr("Importing…"))
        self.presenter.import_sites(self.parsed.sites)

    def _set_importing(self, importing: bool) -> None:
        # Closing half-way would leave the page without news of what was imported.
        self._importing = importing
        for button in (self.import_button, self.choose_button, self.reload_button):
            button.setEnabled(not importing)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not importing)

    def reject(self) -> None:
        if not self._importing:
            super().reject()

    def _imported(self, count: int) -> None:
        self._importing = False
        text = self.tr("%n site(s) imported.", "", count)
        self._set_summary(text)
        self.imported.emit(text)
        self.accept()

    def _show_store_error(self, message: str) -> None:
        self._set_importing(False)
        self.import_button.setEnabled(self.parsed is not None and self.parsed.ok)
        self._set_summary(message, error=True)
