"""Import sites from a CSV file: preview what will be added, or list every bad line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
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
from outreach_app.ui.labels import translate_message
from outreach_app.ui.sites.presenter import SitesPresenter

TEMPLATE_ROW = (
    "红旗村村委会",
    "甘肃省定西市安定区",
    "凤翔镇红旗村一组",
    "张德明:13909321234; 马秀兰:13893245678",
    "村委会二楼会议室，4G 路由器",
    "乡村振兴、马铃薯产业",
)


def write_template(path: Path) -> None:
    rows = [",".join(KNOWN_COLUMNS), ",".join(f'"{v}"' for v in TEMPLATE_ROW)]
    # With a BOM, Excel on Chinese Windows opens the UTF-8 file without garbling it.
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")


class SiteImportDialog(QDialog):
    def __init__(self, presenter: SitesPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setWindowTitle(self.tr("Import sites from CSV"))
        self.parsed: SiteImportResult | None = None

        intro = QLabel(
            self.tr(
                "Columns: name, region, address, contacts (张德明:13909321234; …), "
                "connection_notes, tags. UTF-8 or GB18030. If any line is wrong, nothing is "
                "imported and every wrong line is listed."
            )
        )
        intro.setWordWrap(True)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("fileLabel")
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._choose_file)
        template = QPushButton(self.tr("Save template…"))
        template.setToolTip(self.tr("Write an example CSV file to fill in"))
        template.clicked.connect(self._save_template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        file_row.addWidget(template)

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("importTable")
        self.table.setAccessibleName(self.tr("Sites to import, or the lines to fix"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._import)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 520)

        presenter.importParsed.connect(self._show_result)
        presenter.importFailed.connect(self._show_failure)
        presenter.imported.connect(self._imported)
        presenter.error.connect(self._show_store_error)

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
            try:
                write_template(Path(path))
            except OSError as exc:
                self.summary.setText(
                    self.tr("Cannot write the template: %1").replace("%1", exc.strerror or str(exc))
                )

    def load_file(self, path: Path) -> None:
        self.file_label.setText(str(path))
        self.summary.setText(self.tr("Reading…"))
        self.import_button.setEnabled(False)
        self.presenter.parse_import(path)

    def _show_failure(self, template: str, params: dict[str, object]) -> None:
        self.parsed = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self._set_summary(translate_message(template, params), error=True)

    def _show_result(self, result: SiteImportResult) -> None:
        self.parsed = result
        self.table.clear()
        if result.errors:
            self.table.setColumnCount(2)
            self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Problem")])
            self.table.setRowCount(len(result.errors))
            for row, error in enumerate(result.errors):
                self.table.setItem(row, 0, QTableWidgetItem(str(error.line)))
                self.table.setItem(
                    row, 1, QTableWidgetItem(translate_message(error.template, error.params))
                )
            self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            self._set_summary(
                self.tr(
                    "%n line(s) must be fixed before anything can be imported.",
                    "",
                    len(result.errors),
                ),
                error=True,
            )
            self.import_button.setEnabled(False)
            return
        headers = [
            self.tr("Name"),
            self.tr("Region"),
            self.tr("Address"),
            self.tr("Contacts"),
            self.tr("Tags"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(result.sites))
        for row, site in enumerate(result.sites):
            self._fill_preview_row(row, site)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._set_summary(self.tr("%n site(s) ready to import.", "", len(result.sites)))
        self.import_button.setEnabled(bool(result.sites))

    def _fill_preview_row(self, row: int, site: Site) -> None:
        contacts = "; ".join(f"{c.name} {c.phone}".strip() for c in site.contacts)
        for column, value in enumerate(
            (site.name, site.region, site.address, contacts, "、".join(site.tags))
        ):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def _set_summary(self, text: str, *, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #8a1c12; font-weight: bold;" if error else "")

    def _import(self) -> None:
        if self.parsed is None or not self.parsed.ok:
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        self.presenter.import_sites(self.parsed.sites)

    def _imported(self, count: int) -> None:
        self.summary.setText(self.tr("%n site(s) imported.", "", count))
        self.accept()

    def _show_store_error(self, message: str) -> None:
        if self.isVisible():
            self._set_summary(message, error=True)
            self.import_button.setEnabled(self.parsed is not None and self.parsed.ok)
