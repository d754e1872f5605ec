"""The statistics page's view-model: the report of the chosen month or months, kept current as
demands come in and move on, and its exports with progress and a way to stop them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from outreach_app.core.statistics import (
    Month,
    Period,
    Publication,
    StatisticsReport,
    day_counted_to,
)
from outreach_app.core.topics import Topic
from outreach_app.exports.files import ExportCancelled, Progress, write_problem
from outreach_app.exports.statistics import ExportFormat
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.exports.statistics import write_export
from outreach_app.ui.presenter import ChangeBus, ChangeFollower, Presenter
from outreach_app.ui.statistics.export import prepare_export

# Saving a note announces Topic.NOTES every few hundred milliseconds; coalesce those.
REFRESH_DELAY_MS = 400
REPORT_TOPICS = frozenset(
    {Topic.FOLLOW_UPS, Topic.NOTES, Topic.SESSIONS, Topic.SITES, Topic.STATISTICS}
)


class StatisticsPresenter(Presenter):
    reportLoaded = Signal(object)  # StatisticsReport
    exportProgress = Signal(int, int)  # done, total (from the export's thread: queued)
    exportFinished = Signal(str)  # the path written
    exportCancelled = Signal()
    exportFailed = Signal(str)  # a sentence for the user

    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, bus, parent)
        self.clock = clock
        self.period: Period | None = None
        self.report: StatisticsReport | None = None
        self._progress: Progress | None = None
        self._changes = ChangeFollower(
            self, REPORT_TOPICS, lambda _topics: self.refresh(), REFRESH_DELAY_MS
        )

    def load(self, period: Period) -> None:
        self.period = period
        self.refresh()

    def refresh(self) -> None:
        if self.period is None:
            return
        period = self.period

        def loaded(report: StatisticsReport) -> None:
            # A period not over is shown so far, on the page and in its exports alike.
            today = self.clock().date()
            report = replace(report, counted_to=day_counted_to(report.period, today))
            self.report = report
            self.reportLoaded.emit(report)

        # Only the newest answer counts when months are picked faster than the store answers.
        self.spawn_latest(
            "report", self.query(lambda r: r.statistics.statistics_report(period)), loaded
        )

    # ---------------------------------------------------------------------- publishing
    def close_month(self, month: Month) -> None:
        """Publish the month: its figures are kept as they are counted now."""
        self._publishing(lambda r: r.statistics.close_month(month))

    def reopen_month(self, month: Month, reason: str) -> None:
        self._publishing(lambda r: r.statistics.reopen_month(month, reason))

    def _publishing(self, operation: Callable[[Repository], Publication]) -> None:
        def done(_: Publication) -> None:
            self.announce(Topic.STATISTICS)
            self.refresh()

        self.spawn(self.query(operation), on_done=done)

    # -------------------------------------------------------------------------- export
    @property
    def exporting(self) -> bool:
        return self._progress is not None

    def export(self, path: Path, fmt: ExportFormat) -> None:
        """Write the report shown to `path`; progress and the outcome arrive as signals."""
        report = self.report
        if report is None or self._progress is not None:
            return
        prepared = prepare_export(report, fmt, generated_at=self.clock())
        progress = Progress(lambda done, total: self.exportProgress.emit(done, total))
        self._progress = progress

        async def run() -> str:
            try:
                await asyncio.to_thread(write_export, prepared, path, progress)
            except ExportCancelled:
                return "cancelled"
            except OSError as exc:
                return self._problem_text(exc, path)
            return ""

        def done(outcome: str) -> None:
            self._progress = None
            if outcome == "cancelled":
                self.exportCancelled.emit()
            elif outcome:
                self.exportFailed.emit(outcome)
            else:
                self.exportFinished.emit(str(path))

        task = self.spawn(run(), on_done=done)
        # A failure the export did not expect must not leave the page thinking it still runs.
        task.add_done_callback(lambda _: setattr(self, "_progress", None))

    def cancel_export(self) -> None:
        if self._progress is not None:
            self._progress.cancel()

    def _problem_text(self, error: OSError, path: Path) -> str:
        reasons = {
            "disk_full": self.tr("the disk is full"),
            "not_allowed": self.tr("you may not write there"),
            "read_only": self.tr("that place is read-only"),
            "no_folder": self.tr("the folder does not exist"),
            "name_invalid": self.tr("the file name is not valid"),
            "in_use": self.tr("another program has the file open"),
        }
        reason = reasons.get(write_problem(error).value, error.strerror or str(error))
        return self.tr("Cannot save %1: %2").replace("%1", path.name).replace("%2", reason)
