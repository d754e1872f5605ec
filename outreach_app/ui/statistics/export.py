"""Preparing a statistics report for export, from the page and from the command line.

`prepare_export` runs on the GUI thread: the words, and for a PDF the chart images and the
font. ui/exports/statistics.py then builds and writes the file on any thread.
"""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from outreach_app.core.statistics import Dimension, StatisticsReport
from outreach_app.exports.statistics import ExportFormat
from outreach_app.ui.exports.statistics import PreparedExport
from outreach_app.ui.statistics.labels import group_label, measure_label, report_texts


def report_json(report: StatisticsReport, *, generated_at: datetime) -> str:
    """Every figure of the page, with the names of groups and figures in the user's language."""
    data = report.as_dict(
        label=group_label,
        measure_label=measure_label,
        generated_at=generated_at.isoformat(timespec="seconds"),
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
        # Imported for a PDF only, for a fast start of the other formats (also from the
        # command line): the charts load Qt Charts.
        from outreach_app.ui.exports.statistics_pdf import CHART_RATIO, chart_size
        from outreach_app.ui.fonts import document_cjk_family
        from outreach_app.ui.statistics.charts import chart_image, state_chart, trend_chart

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
