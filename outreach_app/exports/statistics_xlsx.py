"""The statistics as an Excel workbook: a sheet of key figures, one per breakdown, and the trend.

Numbers are stored as numbers: counts as integers, rates and count changes as fractions shown
as percentages, rate changes as percentage points. Runs on a worker thread: every word comes
from ReportTexts, made on the GUI thread.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from outreach_app.core.statistics import (
    COUNT_MEASURES,
    MEASURES,
    RATE_MEASURES,
    Counts,
    Dimension,
    Kpi,
    StatisticsReport,
)
from outreach_app.exports.files import Progress
from outreach_app.exports.statistics import ReportTexts

RED = "A4161A"
HEADER_FILL = PatternFill("solid", fgColor="F1F3F4")
THIN = Side(style="thin", color="BDC1C6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PERCENT = "0.00%"
SIGNED_PERCENT = "+0.00%;-0.00%;0.00%"
STATES = ("open", "claimed", "responded", "solved")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_name(text: str, taken: Sequence[str] = ()) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    name = _SHEET_NAME_BAD.sub(" ", text).strip()[:31] or "Sheet"
    base, number = name, 2
    while name in taken:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    return name


def _points_format(suffix: str) -> str:
    quoted = suffix.replace('"', "")
    return f'+0.00" {quoted}";-0.00" {quoted}";0.00" {quoted}"'


def _rate(value: float | None) -> float | None:
    """A percentage (66.67) as the fraction a spreadsheet formats as one (0.6667)."""
    return None if value is None else round(value / 100, 6)


def _header(sheet: Worksheet, row: int, titles: Sequence[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=column, value=title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _title_block(sheet: Worksheet, texts: ReportTexts, heading: str) -> int:
    """Title, period and comparison on top of every sheet; returns the next free row."""
    sheet.cell(row=1, column=1, value=f"{texts.title} — {heading}").font = Font(
        bold=True, size=14, color=RED
    )
    sheet.cell(row=2, column=1, value=texts.period).font = Font(bold=True, size=12)
    sheet.cell(row=3, column=1, value=texts.comparison)
    sheet.cell(row=4, column=1, value=texts.generated).font = Font(italic=True, color="5F6368")
    return 6


def _kpi_cells(kpi: Kpi, points: str, *, with_previous: bool) -> tuple[list[Any], list[Any]]:
    """A key figure's numbers and their formats: the value, then (if asked) the previous
    period's and its change, then the year earlier's and its change."""
    if kpi.is_rate:
        now, before, year = (_rate(v) for v in (kpi.value, kpi.previous, kpi.year_earlier))
        change_previous, change_year, value_format, change_format = (
            kpi.change_previous,
            kpi.change_year,
            PERCENT,
            points,
        )
    else:
        now, before, year = kpi.value, kpi.previous, kpi.year_earlier
        change_previous, change_year = _rate(kpi.change_previous), _rate(kpi.change_year)
        value_format, change_format = "0", SIGNED_PERCENT
    values: list[Any] = [now]
    formats: list[Any] = [value_format]
    if with_previous:
        values += [before, change_previous]
        formats += [value_format, change_format]
    return [*values, year, change_year], [*formats, value_format, change_format]


def _kpi_rows(
    sheet: Worksheet, row: int, kpis: Sequence[Kpi], texts: ReportTexts, *, with_previous: bool
) -> int:
    """One row per key figure below `row`; returns the last row written."""
    points = _points_format(texts.points_suffix)
    for kpi in kpis:
        row += 1
        numbers, number_formats = _kpi_cells(kpi, points, with_previous=with_previous)
        values = [texts.measures[kpi.measure], *numbers]
        formats = [None, *number_formats]
        for column, (value, number_format) in enumerate(zip(values, formats, strict=True), 1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = BORDER
            if number_format:
                cell.number_format = number_format
            if column == 1:
                cell.font = Font(bold=True)
    return row


def _lines(sheet: Worksheet, row: int, title: str, lines: Sequence[str]) -> int:
    """A bold title and its lines from `row` on; returns the last row written."""
    sheet.cell(row=row, column=1, value=title).font = Font(bold=True)
    for line in lines:
        row += 1
        sheet.cell(row=row, column=1, value=line)
    return row


def _key_figures(sheet: Worksheet, report: StatisticsReport, texts: ReportTexts) -> None:
    row = _title_block(sheet, texts, texts.key_figures)
    _header(
        sheet,
        row,
        [
            texts.figure_heading,
            texts.this_period_heading,
            texts.previous_heading,
            texts.change_heading,
            texts.year_heading,
            texts.year_change_heading,
        ],
    )
    row = _kpi_rows(sheet, row, report.kpis, texts, with_previous=True)
    row += 2
    sheet.cell(row=row, column=1, value=texts.claims_title).font = Font(bold=True)
    claims = report.current.claims
    for label, value, number_format, shown in (
        (texts.claim_labels["claimants"], claims.claimants, "0", ""),
        (
            texts.claim_labels["units_claiming"],
            claims.units_claiming,
            "0",
            texts.claim_values["units_claiming"],
        ),
        (texts.claim_labels["unit_share"], _rate(claims.unit_share), PERCENT, ""),
        (texts.measures["claim_rate"], _rate(report.current.totals.claim_rate), PERCENT, ""),
    ):
        row += 1
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        sheet.cell(row=row, column=2, value=value).number_format = number_format
        if shown:
            sheet.cell(row=row, column=3, value=shown)
    if texts.status:
        row = _lines(sheet, row + 2, texts.status, texts.history)
    if texts.revision:
        row = _lines(sheet, row + 2, texts.revision_title, texts.revision)
    row = _lines(sheet, row + 2, texts.definitions_title, texts.definitions)
    _widths(sheet, [22, 18, 18, 22, 18, 22])
    sheet.freeze_panes = "B7"


def _cumulative(sheet: Worksheet, report: StatisticsReport, texts: ReportTexts) -> None:
    row = _title_block(sheet, texts, texts.cumulative_title)
    _header(
        sheet,
        row,
        [
            texts.figure_heading,
            texts.cumulative_heading,
            texts.cumulative_year_heading,
            texts.year_change_heading,
        ],
    )
    _kpi_rows(sheet, row, report.cumulative_kpis, texts, with_previous=False)
    _widths(sheet, [22, 24, 24, 22])
    sheet.freeze_panes = "B7"


def _counts_cells(counts: Counts) -> tuple[list[Any], list[str]]:
    state = counts.state_at_end
    values: list[Any] = [getattr(counts, m) for m in COUNT_MEASURES]
    values += [_rate(getattr(counts, m)) for m in RATE_MEASURES]
    values += [getattr(state, s) for s in STATES]
    formats = ["0"] * len(COUNT_MEASURES) + [PERCENT] * len(RATE_MEASURES) + ["0"] * len(STATES)
    return values, formats


def _breakdown(
    sheet: Worksheet, report: StatisticsReport, texts: ReportTexts, dimension: Dimension
) -> None:
    row = _title_block(sheet, texts, texts.dimension_titles[dimension])
    state_titles = [texts.at_end.replace("%1", texts.states[s]) for s in STATES]
    _header(
        sheet,
        row,
        [
            texts.dimension_columns[dimension],
            *(texts.measures[m] for m in MEASURES),
            *state_titles,
        ],
    )
    first = row + 1
    groups = report.current.breakdown(dimension)
    for group in groups:
        row += 1
        values, formats = _counts_cells(group.counts)
        name = sheet.cell(row=row, column=1, value=texts.group(dimension, group))
        name.border = BORDER
        for column, (value, number_format) in enumerate(zip(values, formats, strict=True), 2):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.number_format = number_format
            cell.border = BORDER
    if groups:
        last_column = get_column_letter(1 + len(MEASURES) + len(STATES))
        sheet.auto_filter.ref = f"A{first - 1}:{last_column}{row}"
    row += 1
    values, formats = _counts_cells(report.current.totals)
    total = sheet.cell(row=row, column=1, value=texts.figure_total)
    total.font = Font(bold=True)
    total.border = BORDER
    for column, (value, number_format) in enumerate(zip(values, formats, strict=True), 2):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format = number_format
        cell.font = Font(bold=True)
        cell.border = BORDER
    _widths(sheet, [28, *([12] * len(MEASURES)), *([16] * len(STATES))])
    sheet.row_dimensions[first - 1].height = 48
    sheet.freeze_panes = f"B{first}"


def _trend(sheet: Worksheet, report: StatisticsReport, texts: ReportTexts) -> None:
    row = _title_block(sheet, texts, texts.trend_title)
    _header(sheet, row, [texts.month_heading, *(texts.measures[m] for m in MEASURES)])
    first = row + 1
    for point in report.trend:
        row += 1
        sheet.cell(row=row, column=1, value=texts.months.get(str(point.month), str(point.month)))
        for column, measure in enumerate(COUNT_MEASURES, start=2):
            sheet.cell(row=row, column=column, value=getattr(point.counts, measure))
        for column, measure in enumerate(RATE_MEASURES, start=2 + len(COUNT_MEASURES)):
            cell = sheet.cell(row=row, column=column, value=_rate(getattr(point.counts, measure)))
            cell.number_format = PERCENT
    _widths(sheet, [14, *([12] * len(MEASURES))])
    sheet.freeze_panes = f"B{first}"
    if report.trend:
        chart = LineChart()
        chart.title = texts.trend_title
        chart.height, chart.width = 8, 18
        chart.y_axis.majorGridlines = None
        data = Reference(sheet, min_col=2, max_col=3, min_row=first - 1, max_row=row)
        chart.add_data(data, titles_from_data=True)
        solved = Reference(sheet, min_col=5, max_col=5, min_row=first - 1, max_row=row)
        chart.add_data(solved, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=row))
        sheet.add_chart(chart, f"A{row + 3}")


def statistics_xlsx_bytes(
    report: StatisticsReport, texts: ReportTexts, progress: Progress | None = None
) -> bytes:
    """The workbook's bytes; raises ExportCancelled when `progress` is cancelled."""
    workbook = Workbook()
    sheets = [dimension for dimension in Dimension]
    total = len(sheets) + 3
    key_sheet = workbook.active
    assert key_sheet is not None
    key_sheet.title = sheet_name(texts.sheet_key_figures)
    _key_figures(key_sheet, report, texts)
    if progress is not None:
        progress.step(1, total)
    for index, dimension in enumerate(sheets, start=2):
        sheet = workbook.create_sheet(
            sheet_name(texts.dimension_titles[dimension], workbook.sheetnames)
        )
        _breakdown(sheet, report, texts, dimension)
        if progress is not None:
            progress.step(index, total)
    trend = workbook.create_sheet(sheet_name(texts.sheet_trend, workbook.sheetnames))
    _trend(trend, report, texts)
    if report.cumulative_kpis:
        year_to_date = workbook.create_sheet(
            sheet_name(texts.sheet_cumulative, workbook.sheetnames)
        )
        _cumulative(year_to_date, report, texts)
    workbook.properties.title = f"{texts.title} {texts.period}"
    workbook.properties.creator = "Outreach"
    buffer = io.BytesIO()
    workbook.save(buffer)
    if progress is not None:
        progress.step(total, total)
    return buffer.getvalue()
