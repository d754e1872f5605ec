"""Running an export off the GUI thread, with a progress dialog that can cancel it.

`ExportTask` is made on the GUI thread (its dialog and a cancel that works at once), then `run`
hands the job to a worker thread. The job reports through `Progress`; the reports reach the
dialog as queued signals. Failures come back as sentences for the page's message bar.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from outreach_app.exports.files import (
    ExportCancelled,
    Progress,
    WriteProblem,
    final_path,
    write_problem,
)
from outreach_app.ui.settings import AppSettings

_log = logging.getLogger(__name__)

# A quick export finishes without a dialog flashing up; a slow one shows it after this long.
SHOW_AFTER_MS = 400

Job = Callable[[Progress], list[Path]]


@dataclass(frozen=True)
class ExportOutcome:
    paths: list[Path] = field(default_factory=list)
    error: str = ""
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.error and not self.cancelled


def describe_write_error(error: OSError, path: Path) -> str:
    """What went wrong writing `path`, and what to do about it."""
    name = str(path)
    problem = write_problem(error)
    if problem is WriteProblem.DISK_FULL:
        text = QCoreApplication.translate(
            "Exports",
            "There is not enough space on the disk for “%1”. Free some space or choose"
            " another place.",
        )
    elif problem is WriteProblem.NOT_ALLOWED:
        text = QCoreApplication.translate(
            "Exports",
            "You may not write “%1” there. Choose a folder you can write to, such as Documents.",
        )
    elif problem is WriteProblem.READ_ONLY:
        text = QCoreApplication.translate(
            "Exports", "“%1” is on a disk that cannot be written to. Choose another place."
        )
    elif problem is WriteProblem.NO_FOLDER:
        text = QCoreApplication.translate(
            "Exports", "The folder for “%1” does not exist. Choose another place."
        )
    elif problem is WriteProblem.NAME_INVALID:
        text = QCoreApplication.translate(
            "Exports", "“%1” cannot be used as a file name. Choose another name."
        )
    elif problem is WriteProblem.IN_USE:
        text = QCoreApplication.translate(
            "Exports", "“%1” is open in another program. Close it there and try again."
        )
    else:
        text = QCoreApplication.translate("Exports", "“%1” could not be written: %2").replace(
            "%2", error.strerror or str(error)
        )
    return text.replace("%1", name)


def export_folder(settings: AppSettings) -> Path:
    """Where the last export went; Documents (or home) the first time."""
    stored = settings.export_folder()
    if stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_export_folder(settings: AppSettings, folder: Path) -> None:
    settings.set_export_folder(str(folder))


class ExportTask(QObject):
    """One export: its progress dialog, its cancel, and the job on a worker thread."""

    progressed = Signal(int, int)  # emitted on the worker thread; shown on the GUI thread

    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        super().__init__(parent)
        self.progress = Progress(self._report)
        self.dialog = QProgressDialog(
            label, QCoreApplication.translate("Exports", "Cancel"), 0, 0, parent
        )
        self.dialog.setObjectName("exportProgress")
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)
        self.finished = False

    def _report(self, done: int, total: int) -> None:
        # On the worker thread; the page (and this task with it) may have closed meanwhile.
        if shiboken6.isValid(self):
            self.progressed.emit(done, total)

    @Slot()
    def cancel(self) -> None:
        self.progress.cancel()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.finished:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    async def run(self, job: Job, target: Path) -> ExportOutcome:
        """Run `job` on a worker thread; `target` names the file in error messages."""
        loop = asyncio.get_running_loop()
        try:
            paths = await loop.run_in_executor(None, job, self.progress)
        except ExportCancelled:
            return ExportOutcome(cancelled=True)
        except OSError as exc:
            _log.info("export to %s failed", target, exc_info=True)
            # A temporary file's name means nothing to the user: name the file it was for.
            where = final_path(Path(exc.filename)) if isinstance(exc.filename, str) else target
            return ExportOutcome(error=describe_write_error(exc, where))
        except Exception as exc:
            _log.error("export to %s failed", target, exc_info=True)
            return ExportOutcome(
                error=QCoreApplication.translate("Exports", "The export failed: %1").replace(
                    "%1", str(exc)
                )
            )
        finally:
            self.finish()
        return ExportOutcome(paths=paths)

    def finish(self) -> None:
        """Close the dialog; the task is done (also when it never reached its job)."""
        if self.finished:
            return
        self.finished = True
        if shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
        if shiboken6.isValid(self):
            self.deleteLater()
