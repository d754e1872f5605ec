"""What the import dialogs share: choose or drop a file, read it in the background, show either
what will be imported or every line to fix, save a template, and import it whole.

Each dialog (sites, demands) says what its file holds, fills the preview and sends the import.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
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

from outreach_app.core.site_import import RowError
from outreach_app.ui.exports.file_dialogs import ask_export_file
from outreach_app.ui.exports.runner import export_folder
from outreach_app.ui.labels import translate_message
from outreach_app.ui.settings import AppSettings

_ERROR_STYLE = "color: #8a1c12; font-weight: bold;"


def write_csv_template(path: Path, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    # With a BOM, Excel on Chinese Windows opens the UTF-8 file without garbling it.
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(columns)
        writer.writerows(rows)


class _ImportCounts(QObject):
    """Texts with a plural. lupdate marks plurals only in `self.tr`, whose context is the class
    of the object at run time: in the dialog that would be each subclass, never this module's."""

    def lines_to_fix(self, count: int) -> str:
        return self.tr("%n line(s) must be fixed before anything can be imported.", "", count)


@dataclass(frozen=True)
class ImportTexts:
    """The words of one import dialog, translated by the dialog."""

    title: str
    intro: str
    template_hint: str
    table_name: str  # the table's accessible name
    choose_caption: str  # the file dialog's title
    choose_filter: str  # its file types
    template_name: str  # the template's suggested file name


class ImportPreviewDialog(QDialog):
    """The dialog's frame; a subclass reads the file (`_read`), fills the preview, tells whether
    there is something to import (`_can_import`) and sends the import (`_send_import`)."""

    imported = Signal(str)  # translated summary, for the page to show

    def __init__(
        self,
        texts: ImportTexts,
        template_columns: Sequence[str],
        template_rows: Sequence[Sequence[str]],
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._texts = texts
        self._template = (template_columns, template_rows)
        self.setWindowTitle(texts.title)
        self.setAcceptDrops(True)
        self.path: Path | None = None
        self._importing = False

        intro = QLabel(texts.intro)
        intro.setWordWrap(True)
        template_hint = QLabel(texts.template_hint)
        template_hint.setWordWrap(True)
        template_hint.setStyleSheet("color: palette(placeholder-text);")
        file_row = self._build_file_row()

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("importTable")
        self.table.setAccessibleName(texts.table_name)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            QCoreApplication.translate("ImportPreviewDialog", "Import"),
            QDialogButtonBox.ButtonRole.AcceptRole,
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

    def _build_file_row(self) -> QHBoxLayout:
        """The file chosen, and choosing, reading again and saving a template."""
        self.file_label = QLabel(
            QCoreApplication.translate("ImportPreviewDialog", "No file chosen")
        )
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(
            QCoreApplication.translate("ImportPreviewDialog", "Choose file…")
        )
        self.choose_button.clicked.connect(self._choose_file)
        self.reload_button = QPushButton(
            QCoreApplication.translate("ImportPreviewDialog", "Check again")
        )
        self.reload_button.setToolTip(
            QCoreApplication.translate("ImportPreviewDialog", "Read the file again after fixing it")
        )
        self.reload_button.setEnabled(False)
        self.reload_button.clicked.connect(self.reload)
        self.template_button = QPushButton(
            QCoreApplication.translate("ImportPreviewDialog", "Save template…")
        )
        self.template_button.setToolTip(
            QCoreApplication.translate(
                "ImportPreviewDialog", "Write an example CSV file to fill in"
            )
        )
        self.template_button.clicked.connect(self._save_template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reload_button)
        file_row.addWidget(self.template_button)
        return file_row

    # ----------------------------------------------------------- for the subclasses
    def _read(self, path: Path) -> None:
        """Forget the preview shown and read `path` in the background."""
        raise NotImplementedError

    def _can_import(self) -> bool:
        """Whether the file read can be imported and has something to import."""
        raise NotImplementedError

    def _send_import(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------------ files
    def _choose_file(self) -> None:
        # A template filled in is usually where it was saved: in the export folder.
        path, _ = QFileDialog.getOpenFileName(
            self,
            self._texts.choose_caption,
            str(export_folder(self._settings)),
            self._texts.choose_filter,
        )
        if path:
            self.load_file(Path(path))

    def _save_template(self) -> None:
        chosen = ask_export_file(
            self,
            self._settings,
            QCoreApplication.translate("ImportPreviewDialog", "Save template"),
            self._texts.template_name,
            [QCoreApplication.translate("ImportPreviewDialog", "CSV files (*.csv)")],
        )
        if chosen is not None:
            self.save_template(chosen[0])

    def save_template(self, path: Path) -> None:
        try:
            write_csv_template(path, *self._template)
        except OSError as exc:
            self._set_summary(
                QCoreApplication.translate(
                    "ImportPreviewDialog", "Cannot write the template: %1"
                ).replace("%1", exc.strerror or str(exc)),
                error=True,
            )
            return
        self._set_summary(
            QCoreApplication.translate("ImportPreviewDialog", "Template saved as %1.").replace(
                "%1", str(path)
            )
        )

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
        self._set_summary(QCoreApplication.translate("ImportPreviewDialog", "Reading…"))
        self.import_button.setEnabled(False)
        self._read(self.path)

    # ----------------------------------------------------------------------- results
    def _clear_table(self) -> None:
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)

    def _show_failure(self, template: str, params: dict[str, object]) -> None:
        self._clear_table()
        self._set_summary(translate_message(template, params), error=True)

    def _show_errors(self, errors: list[RowError]) -> None:
        """Every line to fix, with its problem; nothing can be imported."""
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportPreviewDialog", "Line"),
                QCoreApplication.translate("ImportPreviewDialog", "Problem"),
            ]
        )
        self.table.setRowCount(len(errors))
        for row, error in enumerate(errors):
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
        self._set_summary(_ImportCounts().lines_to_fix(len(errors)), error=True)
        self.import_button.setEnabled(False)

    def _set_summary(self, text: str, *, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(_ERROR_STYLE if error else "")

    # ------------------------------------------------------------------------ import
    def _import(self) -> None:
        if not self._can_import():
            return
        self._set_importing(True)
        self._set_summary(QCoreApplication.translate("ImportPreviewDialog", "Importing…"))
        self._send_import()

    def _set_importing(self, importing: bool) -> None:
        # Closing half-way would leave the page without news of what was imported.
        self._importing = importing
        for button in (self.import_button, self.choose_button, self.reload_button):
            button.setEnabled(not importing)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not importing)

    def reject(self) -> None:
        if not self._importing:
            super().reject()

    def _finish_import(self, summary: str, *, keep_open: bool = False) -> None:
        """The import is stored: say so, tell the page, and close (unless what the preview
        lists must still be read: then only Close is left)."""
        self._importing = False
        self._set_summary(summary)
        self.imported.emit(summary)
        if not keep_open:
            self.accept()
            return
        self._set_importing(False)
        self.import_button.setEnabled(False)
        self.reload_button.setEnabled(False)

    def _show_store_error(self, message: str) -> None:
        self._set_importing(False)
        self.import_button.setEnabled(self._can_import())
        self._set_summary(message, error=True)
