"""Building and writing a statistics export prepared on the GUI thread (ui/statistics/export.py):
JSON, XLSX or PDF, on any thread; the file is written whole or not at all (exports.files)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QImage

from outreach_app.core.statistics import Dimension, StatisticsReport
from outreach_app.exports.files import Progress, write_file
from outreach_app.exports.statistics import ExportFormat, ReportTexts


@dataclass
class PreparedExport:
    """What the GUI thread gathers so that the export can be built elsewhere."""

    report: StatisticsReport
    fmt: ExportFormat
    generated_at: datetime
    texts: ReportTexts
    json_text: str = ""
    trend_image: QImage | None = None
    chart_images: dict[Dimension, QImage] = field(default_factory=dict)
    font_family: str | None = None
    page_footer: str = "%1 / %2"


def build_export(prepared: PreparedExport, progress: Progress | None = None) -> bytes:
    """The file's bytes (any thread); raises ExportCancelled when `progress` is cancelled."""
    if prepared.fmt is ExportFormat.JSON:
        if progress is not None:
            progress.step(1, 1)
        return prepared.json_text.encode("utf-8")
    # The writers are imported when used, for a fast start: openpyxl takes a while to load.
    if prepared.fmt is ExportFormat.XLSX:
        from outreach_app.exports.statistics_xlsx import statistics_xlsx_bytes

        return statistics_xlsx_bytes(prepared.report, prepared.texts, progress)
    from outreach_app.ui.exports.statistics_pdf import ChartImages, statistics_pdf_bytes

    return statistics_pdf_bytes(
        prepared.report,
        prepared.texts,
        ChartImages(prepared.trend_image, prepared.chart_images),
        font_family=prepared.font_family,
        page_footer=prepared.page_footer,
        progress=progress,
    )


def write_export(prepared: PreparedExport, path: Path, progress: Progress | None = None) -> None:
    """Build and write the file (any thread): all of it, or nothing on cancel or error."""
    write_file(path, build_export(prepared, progress), progress)
