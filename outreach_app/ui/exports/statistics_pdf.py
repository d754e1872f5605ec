"""The statistics as a PDF report: title and period, the key figures with both comparisons, the
charts and a table per breakdown, on numbered A4 pages.

HTML laid out by QTextDocument and painted page by page into a QPdfWriter, so that progress is
reported and a cancel is noticed between pages. The charts are drawn into images beforehand on
the GUI thread (charts are graphics widgets); the rest runs on any thread.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from outreach_app.core.statistics import (
    COUNT_MEASURES,
    MEASURES,
    RATE_MEASURES,
    Counts,
    Dimension,
    StatisticsReport,
)
from outreach_app.exports.files import Progress
from outreach_app.exports.statistics import ReportTexts
from outreach_app.ui.exports.pdf_pages import RESOLUTION, PdfPages, break_before
from outreach_app.ui.formatting import format_count, format_rate

MARGINS_MM = QMarginsF(20, 18, 20, 16)
FOOTER_MM = 9.0
BODY_POINTS = 10.0
RED = "#a4161a"
MUTED = "#5f6368"
UP_COLOUR, DOWN_COLOUR = "#1d5a2a", "#8a1c12"
REVISION = "#7a4f00"
# Charts are drawn at this logical width (pixels) and shown across the text width.
CHART_WIDTH = 900
CHART_RATIO = 2.2

STYLE = f"""
p {{ margin-top: 0px; margin-bottom: 4px; }}
p.title {{ font-size: 20pt; font-weight: bold; color: {RED}; margin-bottom: 2px; }}
p.period {{ font-size: 14pt; font-weight: bold; margin-bottom: 2px; }}
p.muted {{ color: {MUTED}; font-size: 9pt; }}
p.heading {{ font-size: 13pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }}
p.empty {{ color: {MUTED}; font-style: italic; margin-top: 6px; }}
p.definition {{ font-size: 8.5pt; color: {MUTED}; margin-bottom: 2px; }}
p.status {{ font-size: 9.5pt; margin-top: 6px; }}
p.revision {{ font-size: 9.5pt; color: {REVISION}; margin-bottom: 2px; }}
th {{ background-color: #f1f3f4; font-weight: bold; font-size: 9pt; }}
td {{ font-size: 9pt; }}
td.total {{ font-weight: bold; }}
"""


@dataclass(frozen=True)
class ChartImages:
    """The charts, drawn on the GUI thread: the trend and one per breakdown that has bars."""

    trend: QImage | None = None
    breakdowns: Mapping[Dimension, QImage] | None = None


def chart_heights(report: StatisticsReport) -> dict[str, int]:
    """Logical heights of the charts: bar charts grow with their bars."""
    heights = {"trend": 330}
    for dimension in (Dimension.CHANNEL, Dimension.CATEGORY, Dimension.SITE):
        bars = sum(1 for g in report.current.breakdown(dimension) if g.counts.received)
        heights[dimension.value] = 110 + 30 * min(bars, 12)
    return heights


def chart_size(report: StatisticsReport, key: str) -> QSize:
    return QSize(CHART_WIDTH, chart_heights(report)[key])


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br/>")


def _change_cell(measure: str, text: str) -> str:
    # As on the page: green for good news, red for bad; a change in demands received is neither.
    colour = ""
    if measure != "received":
        colour = UP_COLOUR if text.startswith("▲") else DOWN_COLOUR if text.startswith("▼") else ""
    style = f' style="color:{colour};"' if colour else ""
    return f"<td align=right{style}>{_text(text)}</td>"


def _key_figures(report: StatisticsReport, texts: ReportTexts) -> str:
    heads = [
        (texts.figure_heading, 22),
        (texts.this_period_heading, 15),
        (texts.previous_heading, 15),
        (texts.change_heading, 16),
        (texts.year_heading, 15),
        (texts.year_change_heading, 17),
    ]
    head = "".join(f'<th width="{w}%">{_text(t)}</th>' for t, w in heads)
    rows = []
    for kpi in report.kpis:
        m = kpi.measure
        rows.append(
            "<tr>"
            f"<td><b>{_text(texts.measures[m])}</b></td>"
            f"<td align=right><b>{_text(texts.values[(m, 'current')])}</b></td>"
            f"<td align=right>{_text(texts.values[(m, 'previous')])}</td>"
            + _change_cell(m, texts.changes[(m, "previous")])
            + f"<td align=right>{_text(texts.values[(m, 'year')])}</td>"
            + _change_cell(m, texts.changes[(m, "year")])
            + "</tr>"
        )
    return _table(head, "".join(rows))


def _table(head: str, rows: str) -> str:
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4"'
        ' style="border-collapse: collapse; border-color: #bdc1c6; border-style: solid;">'
        f"<thead><tr>{head}</tr></thead>{rows}</table>"
    )


def _count_cells(counts: Counts) -> str:
    cells = [format_count(getattr(counts, m)) for m in COUNT_MEASURES]
    cells += [format_rate(getattr(counts, m)) for m in RATE_MEASURES]
    return "".join(f"<td align=right>{_text(c)}</td>" for c in cells)


def _breakdown_table(report: StatisticsReport, texts: ReportTexts, dimension: Dimension) -> str:
    head = f'<th width="26%">{_text(texts.dimension_columns[dimension])}</th>' + "".join(
        f'<th width="9%">{_text(texts.measures[m])}</th>' for m in MEASURES
    )
    rows = "".join(
        f"<tr><td>{_text(texts.group(dimension, g))}</td>{_count_cells(g.counts)}</tr>"
        for g in report.current.breakdown(dimension)
    )
    totals = report.current.totals
    cells = _count_cells(totals).replace("<td align=right>", '<td align=right class="total">')
    rows += f'<tr><td class="total">{_text(texts.figure_total)}</td>{cells}</tr>'
    return _table(head, rows)


def _claims(texts: ReportTexts) -> str:
    rows = [
        (texts.claim_labels[m], texts.claim_values[m])
        for m in ("claimants", "units_claiming", "unit_share")
    ]
    rows.append((texts.measures["claim_rate"], texts.values[("claim_rate", "current")]))
    head = f'<th width="60%">{_text(texts.figure_heading)}</th>'
    head += f'<th width="40%">{_text(texts.this_period_heading)}</th>'
    body = "".join(
        f"<tr><td><b>{_text(name)}</b></td><td align=right>{_text(value)}</td></tr>"
        for name, value in rows
    )
    return _table(head, body)


def _cumulative(texts: ReportTexts) -> str:
    heads = [
        (texts.figure_heading, 28),
        (texts.cumulative_heading, 24),
        (texts.cumulative_year_heading, 24),
        (texts.year_change_heading, 24),
    ]
    head = "".join(f'<th width="{w}%">{_text(t)}</th>' for t, w in heads)
    rows = "".join(
        "<tr>"
        f"<td><b>{_text(texts.measures[m])}</b></td>"
        f"<td align=right><b>{_text(texts.cumulative_values[(m, 'current')])}</b></td>"
        f"<td align=right>{_text(texts.cumulative_values[(m, 'year')])}</td>"
        + _change_cell(m, texts.cumulative_changes[m])
        + "</tr>"
        for m in MEASURES
        if (m, "current") in texts.cumulative_values
    )
    return _table(head, rows)


def _status(texts: ReportTexts) -> list[str]:
    parts = []
    if texts.status:
        lines = [texts.status, *texts.history]
        parts.append(f'<p class="status">{"<br/>".join(_text(line) for line in lines)}</p>')
    if texts.revision:
        first, *changes = texts.revision
        parts.append(f'<p class="heading">{_text(texts.revision_title)}</p>')
        parts.append(f'<p class="revision">{_text(first)}</p>')
        parts.extend(f'<p class="revision">• {_text(line)}</p>' for line in changes)
    return parts


def _image(name: str, image: QImage, width: float) -> str:
    """`width` in the layout's pixels; <img> sizes are in CSS pixels (1/96 inch)."""
    width = width * 96 / RESOLUTION
    height = width * image.height() / max(image.width(), 1)
    return (
        f'<p align="center"><img src="chart:{name}" width="{round(width)}"'
        f' height="{round(height)}"/></p>'
    )


def report_html(
    report: StatisticsReport, texts: ReportTexts, charts: ChartImages, page_width: float
) -> str:
    parts = [
        f'<p class="title">{_text(texts.title)}</p>',
        f'<p class="period">{_text(texts.period)}</p>',
        f'<p class="muted">{_text(texts.comparison)}<br/>{_text(texts.generated)}</p>',
        f'<table width="100%" cellspacing="0" cellpadding="0" bgcolor="{RED}">'
        '<tr><td style="font-size: 1pt;">&nbsp;</td></tr></table>',
        *_status(texts),
        f'<p class="heading">{_text(texts.key_figures)}</p>',
        _key_figures(report, texts),
    ]
    if report.is_empty:
        parts.append(f'<p class="empty">{_text(texts.empty)}</p>')
    parts.append(f'<p class="heading">{_text(texts.claims_title)}</p>')
    parts.append(_claims(texts))
    if texts.cumulative_values:
        parts.append(f'<p class="heading">{_text(texts.cumulative_title)}</p>')
        parts.append(_cumulative(texts))
    if charts.trend is not None:
        parts.append(f'<p class="heading">{_text(texts.trend_title)}</p>')
        parts.append(_image("trend", charts.trend, page_width))
    images = charts.breakdowns or {}
    for dimension in Dimension:
        parts.append(f'<p class="heading">{_text(texts.dimension_titles[dimension])}</p>')
        if dimension in images:
            parts.append(f'<p class="muted">{_text(texts.state_title)}</p>')
            parts.append(_image(dimension.value, images[dimension], page_width))
        parts.append(_breakdown_table(report, texts, dimension))
    parts.append(f'<p class="heading">{_text(texts.definitions_title)}</p>')
    parts.extend(f'<p class="definition">{_text(line)}</p>' for line in texts.definitions)
    return "".join(parts)


def _headings(texts: ReportTexts) -> set[str]:
    return {
        texts.key_figures,
        texts.trend_title,
        texts.definitions_title,
        texts.claims_title,
        texts.cumulative_title,
        texts.revision_title,
        *texts.dimension_titles.values(),
    }


def keep_headings_with_content(
    document: QTextDocument, page_height: float, headings: set[str]
) -> None:
    """A heading must not end a page: it starts a new page when it and the start of what it
    heads (the next two blocks: a chart with its note, or a table's first cells) would not be
    on the same page."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.text() in headings:
            following = block.next().next() if block.next().isValid() else block.next()
            if following.isValid():
                top = layout.blockBoundingRect(block).top()
                bottom = layout.blockBoundingRect(following).bottom()
                if int(top // page_height) != int(bottom // page_height):
                    break_before(block)
        block = block.next()


def statistics_pdf_bytes(
    report: StatisticsReport,
    texts: ReportTexts,
    charts: ChartImages,
    *,
    font_family: str | None = None,
    page_footer: str = "%1 / %2",
    progress: Progress | None = None,
) -> bytes:
    """The report as a PDF file's bytes; raises ExportCancelled when `progress` is cancelled.
    `page_footer` has %1 for the page number and %2 for the number of pages."""
    pdf = PdfPages(
        title=f"{texts.title} {texts.period}",
        margins_mm=MARGINS_MM,
        footer_mm=FOOTER_MM,
        font_family=font_family,
        body_points=BODY_POINTS,
        style_sheet=STYLE,
    )
    document = pdf.document
    if charts.trend is not None:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl("chart:trend"), charts.trend
        )
    for dimension, image in (charts.breakdowns or {}).items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{dimension.value}"), image
        )
    pdf.lay_out(report_html(report, texts, charts, pdf.width))
    keep_headings_with_content(document, pdf.height, _headings(texts))
    return pdf.write(
        footer_points=8,
        footer=lambda page, pages: [
            (Qt.AlignmentFlag.AlignLeft, f"{texts.title} · {texts.period}"),
            (
                Qt.AlignmentFlag.AlignRight,
                page_footer.replace("%1", str(page)).replace("%2", str(pages)),
            ),
        ],
        progress=progress,
    )
