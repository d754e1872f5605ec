"""Exporting a statistics report as JSON, XLSX or PDF, from the page and from the command line.

`prepare_export` runs on the GUI thread (translations, chart images, the font), `build_export`
on any thread, and the file is written whole or not at all (exports.files).
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from outreach_app.core.statistics import Dimension, Period, StatisticsReport
from outreach_app.exports.files import Progress, write_file
from outreach_app.ui.statistics.labels import (
    ReportTexts,
    group_label,
    measure_label,
    report_texts,
)


class ExportFormat(enum.StrEnum):
    JSON = "json"
    XLSX = "xlsx"
    PDF = "pdf"


def format_for_path(path: Path) -> ExportFormat | None:
    try:
        return ExportFormat(path.suffix.lstrip(".").lower())
    except ValueError:
        return None


def default_file_name(period: Period, fmt: ExportFormat) -> str:
    span = str(period.first) if period.is_single_month else f"{period.first}_{period.last}"
    return f"outreach-statistics-{span}.{fmt.value}"


def report_json(report: StatisticsReport, *, generated_at: datetime) -> str:
    """Every figure of the page, with the names of groups and figures in the user's language."""
    data = report.as_dict(
        label=group_label,
        measure_label=measure_label,
        generated_at=generated_at.isoformat(timespec="seconds"),
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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


def prepare_export(
    report: StatisticsReport, fmt: ExportFormat, *, generated_at: datetime
) -> PreparedExport:
    """GUI thread only: translations, and for a PDF the chart images and the CJK font."""
    prepared = PreparedExport(
        report=report,
        fmt=fmt,
        generated_at=generated_at,
        texts=report_texts(report, generated_at=generated_at),
    )
    if fmt is ExportFormat.JSON:
        prepared.json_text = report_json(report, generated_at=generated_at)
    elif fmt is ExportFormat.PDF:
        from outreach_app.ui.fonts import document_cjk_family
        from outreach_app.ui.statistics.charts import chart_image, state_chart, trend_chart
        from outreach_app.ui.statistics.pdf_export import CHART_RATIO, chart_size

        prepared.font_family = document_cjk_family()
        prepared.page_footer = QCoreApplication.translate("statistics", "Page %1 of %2")
        prepared.trend_image = chart_image(
            trend_chart("", report), chart_size(report, "trend"), CHART_RATIO
        )
        for dimension in (Dimension.CHANNEL, Dimension.CATEGORY, Dimension.SITE):
            groups = report.current.breakdown(dimension)
            if any(g.counts.received for g in groups):
                prepared.chart_images[dimension] = chart_image(
                    state_chart("", dimension, groups),
                    chart_size(report, dimension.value),
                    CHART_RATIO,
                )
    return prepared


def build_export(prepared: PreparedExport, progress: Progress | None = None) -> bytes:
    """The file's bytes (any thread); raises ExportCancelled when `progress` is cancelled."""
    if prepared.fmt is ExportFormat.JSON:
        if progress is not None:
            progress.step(1, 1)
        return prepared.json_text.encode("utf-8")
    if prepared.fmt is ExportFormat.XLSX:
        from outreach_app.ui.statistics.xlsx_export import statistics_xlsx_bytes

        return statistics_xlsx_bytes(prepared.report, prepared.texts, progress)
    from outreach_app.ui.statistics.pdf_export import ChartImages, statistics_pdf_bytes

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
