"""The words of the statistics page and its exports, in the user's language.

Exports are written on a worker thread: `report_texts` gathers every word they need on the GUI
thread first, so that the writers (exports/statistics_xlsx.py, ui/exports/statistics_pdf.py)
never call into Qt's translator.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from outreach_app.core.model import SessionKind
from outreach_app.core.statistics import (
    CLAIM_MEASURES,
    MEASURES,
    RATE_MEASURES,
    Counts,
    Dimension,
    Group,
    Kpi,
    Month,
    Period,
    PeriodFigures,
    Revision,
    StatisticsReport,
)
from outreach_app.exports.statistics import ReportTexts
from outreach_app.ui.formatting import (
    format_count,
    format_date,
    format_datetime,
    format_number,
    format_rate,
)
from outreach_app.ui.labels import kind_label

UP, DOWN, LEVEL = "▲", "▼", "■"


def measure_label(measure: str) -> str:
    return {
        "received": QCoreApplication.translate("statistics", "Received"),
        "claimed": QCoreApplication.translate("statistics", "Claimed"),
        "responded": QCoreApplication.translate("statistics", "Responded"),
        "solved": QCoreApplication.translate("statistics", "Solved"),
        "responded_or_solved": QCoreApplication.translate("statistics", "Responded or solved"),
        "claim_rate": QCoreApplication.translate("statistics", "Claim rate"),
        "on_time_rate": QCoreApplication.translate("statistics", "On-time rate"),
        "solve_rate": QCoreApplication.translate("statistics", "Solve rate"),
    }[measure]


def measure_help(measure: str) -> str:
    return {
        "received": QCoreApplication.translate(
            "statistics", "Demands received in the period: imported or committed in a session"
        ),
        "claimed": QCoreApplication.translate(
            "statistics", "Demands a person of the responsible unit claimed in the period"
        ),
        "responded": QCoreApplication.translate(
            "statistics", "Demands the unit responded to in the period"
        ),
        "solved": QCoreApplication.translate("statistics", "Demands solved in the period"),
        "responded_or_solved": QCoreApplication.translate(
            "statistics",
            "Demands responded to or solved in the period, each counted once (the measure"
            " message boards publish)",
        ),
        "claim_rate": QCoreApplication.translate(
            "statistics", "Of the demands received in the period, the share claimed by its end"
        ),
        "on_time_rate": QCoreApplication.translate(
            "statistics",
            "Of the demands solved in the period, the share solved by their due date"
            " (no due date counts as on time)",
        ),
        "solve_rate": QCoreApplication.translate(
            "statistics", "Of the demands received in the period, the share solved by its end"
        ),
    }[measure]


def coinciding_label(measure: str, same_as: str) -> str:
    """A chart's legend entry for a line that lies exactly on another one."""
    return (
        QCoreApplication.translate("statistics", "%1 (same as %2)")
        .replace("%1", measure_label(measure))
        .replace("%2", measure_label(same_as))
    )


def claim_label(measure: str) -> str:
    """The claims by leaders (core.statistics.CLAIM_MEASURES)."""
    return {
        "claimants": QCoreApplication.translate("statistics", "People who claimed"),
        "units_claiming": QCoreApplication.translate("statistics", "Units with a claim"),
        "unit_share": QCoreApplication.translate("statistics", "Share of units with a claim"),
    }[measure]


def claim_help(measure: str) -> str:
    return {
        "claimants": QCoreApplication.translate(
            "statistics", "Different people (leaders) who claimed demands in the period"
        ),
        "units_claiming": QCoreApplication.translate(
            "statistics",
            "Units (the regions of the office's sites; a site without one is its own) where at"
            " least one demand was claimed in the period",
        ),
        "unit_share": QCoreApplication.translate(
            "statistics",
            "Of the office's units (the regions of its sites in use), the share where at least"
            " one demand was claimed in the period",
        ),
    }[measure]


def figure_label(measure: str) -> str:
    """Any figure a revision can name: a count, a rate or a claim measure."""
    return claim_label(measure) if measure in CLAIM_MEASURES else measure_label(measure)


def format_figure(measure: str, value: int | float | None) -> str:
    if measure in RATE_MEASURES or measure == "unit_share":
        return format_rate(value)
    return format_count(value)


def counting_note() -> str:
    """How every figure is counted: shown under the page and in the exports."""
    return QCoreApplication.translate(
        "statistics",
        "Every figure is counted from each demand's history: a reopen, a correction or an import"
        " later never changes an earlier month. A closed month shows the figures it was"
        " published with; what the record counts for it later, if different, is listed as a"
        " dated revision beside them.",
    )


def cumulative_help() -> str:
    return QCoreApplication.translate(
        "statistics",
        "From January to the last month shown, each demand counted once, against the same"
        " months a year earlier",
    )


def rate_basis(measure: str, counts: Counts) -> str:
    """What a rate is a share of, shown under it: "0 of 5 received"."""
    part, whole = counts.rate_parts(measure)
    if measure == "on_time_rate":
        text = QCoreApplication.translate("statistics", "%1 of %2 solved")
    else:
        text = QCoreApplication.translate("statistics", "%1 of %2 received")
    return text.replace("%1", format_count(part)).replace("%2", format_count(whole))


def earlier_demands_note(counts: Counts) -> str:
    """Why Claimed 2 can stand beside a claim rate of 0.00%: the counts take in demands
    received before the period, the rates only those received in it. "" when no count does."""
    wider = [
        measure_label(count)
        for count, rate in (("claimed", "claim_rate"), ("solved", "solve_rate"))
        if int(getattr(counts, count)) > counts.rate_parts(rate)[0]
    ]
    if not wider:
        return ""
    return (
        QCoreApplication.translate(
            "statistics",
            "%1 also count demands received before the period; the claim and solve rates count"
            " only the %2 received in it.",
        )
        .replace("%1", QCoreApplication.translate("statistics", " and ").join(wider))
        .replace("%2", format_count(counts.received))
    )


def claims_sentence(figures: PeriodFigures) -> str:
    claims = figures.claims
    return (
        QCoreApplication.translate(
            "statistics",
            "Claims by leaders: claimants %1 · units with a claim %2 of %3 (%4) · claim rate %5",
        )
        .replace("%1", format_count(claims.claimants))
        .replace("%2", format_count(claims.units_claiming))
        .replace("%3", format_count(claims.units))
        .replace("%4", format_rate(claims.unit_share))
        .replace("%5", format_rate(figures.totals.claim_rate))
    )


def publication_sentence(report: StatisticsReport) -> str:
    """Whether the month shown is closed, and since when; empty for a range."""
    if not report.period.is_single_month:
        return ""
    publication = report.publication
    if publication is not None:
        return (
            QCoreApplication.translate(
                "statistics", "Closed: published on %1 by %2. These are the figures as published."
            )
            .replace("%1", format_datetime(publication.closed_at))
            .replace("%2", publication.closed_by)
        )
    return QCoreApplication.translate(
        "statistics", "Not closed: the figures are counted from the record and may still change."
    )


def publication_history(report: StatisticsReport) -> list[str]:
    """Every publication of the month, and every reopening with its reason, oldest first."""
    lines: list[str] = []
    for publication in report.publications:
        lines.append(
            QCoreApplication.translate("statistics", "Published on %1 by %2.")
            .replace("%1", format_datetime(publication.closed_at))
            .replace("%2", publication.closed_by)
        )
        if publication.reopened_at is not None:
            lines.append(
                QCoreApplication.translate("statistics", "Reopened on %1 by %2: %3")
                .replace("%1", format_datetime(publication.reopened_at))
                .replace("%2", publication.reopened_by)
                .replace("%3", publication.reopen_reason)
            )
    return lines


def revision_lines(revision: Revision) -> list[str]:
    """The revision in words: its date, then each figure that differs, published → now."""
    lines = [
        QCoreApplication.translate(
            "statistics",
            "Revision as of %1: the record now counts this month differently from its"
            " publication (the published figures stay as they were):",
        ).replace("%1", format_datetime(revision.as_of))
    ]
    for change in revision.changes:
        text = (
            QCoreApplication.translate("statistics", "%1: %2 → %3")
            if change.scope == "month"
            else QCoreApplication.translate("statistics", "%1, year to date: %2 → %3")
        )
        lines.append(
            text.replace("%1", figure_label(change.measure))
            .replace("%2", format_figure(change.measure, change.published))
            .replace("%3", format_figure(change.measure, change.now))
        )
    if revision.breakdowns_differ:
        lines.append(
            QCoreApplication.translate(
                "statistics",
                "Some demands are now counted under another channel, category, site or kind.",
            )
        )
    return lines


def state_label(state: str) -> str:
    """Where a received demand stood at the period's end (the stacks of the bar charts)."""
    return {
        "open": QCoreApplication.translate("statistics", "Still open"),
        "claimed": QCoreApplication.translate("statistics", "Claimed"),
        "responded": QCoreApplication.translate("statistics", "Responded"),
        "solved": QCoreApplication.translate("statistics", "Solved"),
    }[state]


def dimension_title(dimension: Dimension) -> str:
    return {
        Dimension.CHANNEL: QCoreApplication.translate("statistics", "By channel"),
        Dimension.CATEGORY: QCoreApplication.translate("statistics", "By category"),
        Dimension.SITE: QCoreApplication.translate("statistics", "By site"),
        Dimension.SESSION_KIND: QCoreApplication.translate("statistics", "By session kind"),
    }[dimension]


def dimension_column(dimension: Dimension) -> str:
    return {
        Dimension.CHANNEL: QCoreApplication.translate("statistics", "Channel"),
        Dimension.CATEGORY: QCoreApplication.translate("statistics", "Category"),
        Dimension.SITE: QCoreApplication.translate("statistics", "Site"),
        Dimension.SESSION_KIND: QCoreApplication.translate("statistics", "Session kind"),
    }[dimension]


def group_label(dimension: Dimension, group: Group) -> str:
    if dimension is Dimension.CHANNEL and not group.key:
        return QCoreApplication.translate("statistics", "Sessions")
    if dimension is Dimension.CATEGORY and not group.key:
        return QCoreApplication.translate("statistics", "No category")
    if dimension is Dimension.SESSION_KIND:
        if not group.key:
            return QCoreApplication.translate("statistics", "Imported (no session)")
        try:
            return kind_label(SessionKind(group.key))
        except ValueError:
            return group.key
    return group.name


def _is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def month_label(month: Month) -> str:
    """2026年11月, November 2026; 2026-11 in the plain C locale."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return str(month)
    if _is_chinese():
        return f"{month.year}年{month.month}月"
    return locale.toString(QDate(month.year, month.month, 1), "MMMM yyyy")


def short_month_label(month: Month, *, with_year: bool = True) -> str:
    """For chart axes: 25年11月 or 11月, Nov 25; the year only where it changes, in Chinese."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return str(month)
    if _is_chinese():
        return f"{month.year % 100:02d}年{month.month}月" if with_year else f"{month.month}月"
    return locale.toString(QDate(month.year, month.month, 1), "MMM yy")


def period_label(period: Period) -> str:
    if period.is_single_month:
        return month_label(period.first)
    return (
        QCoreApplication.translate("statistics", "%1 to %2")
        .replace("%1", month_label(period.first))
        .replace("%2", month_label(period.last))
    )


def format_value(kpi: Kpi, value: int | float | None) -> str:
    return format_rate(value) if kpi.is_rate else format_count(value)


def format_change(change: float | None, *, points: bool) -> str:
    """▲ 12.50%, ▼ 3.00 pp, ■ 0.00%; a dash when there is nothing to compare with."""
    if change is None:
        return "—"
    arrow = UP if change > 0 else DOWN if change < 0 else LEVEL
    magnitude = format_number(abs(change), 2)
    if points:
        return (
            QCoreApplication.translate("statistics", "%1 %2 pp")
            .replace("%1", arrow)
            .replace("%2", magnitude)
        )
    return f"{arrow} {magnitude}%"


def change_sentence(change: float | None, *, points: bool, against: str) -> str:
    """The change in words, for people who do not see the colour or the arrow."""
    if change is None:
        return QCoreApplication.translate("statistics", "no figure to compare with %1").replace(
            "%1", against
        )
    magnitude = format_number(abs(change), 2)
    amount = (
        QCoreApplication.translate("statistics", "%1 percentage points").replace("%1", magnitude)
        if points
        else f"{magnitude}%"
    )
    if change > 0:
        text = QCoreApplication.translate("statistics", "up %1 on %2")
    elif change < 0:
        text = QCoreApplication.translate("statistics", "down %1 on %2")
    else:
        text = QCoreApplication.translate("statistics", "unchanged on %2")
    return text.replace("%1", amount).replace("%2", against)


def trend_label(report: StatisticsReport) -> str:
    """The months of the trend chart: 2025年11月 – 2026年11月."""
    if not report.trend:
        return ""
    return (
        QCoreApplication.translate("statistics", "%1 to %2")
        .replace("%1", month_label(report.trend[0].month))
        .replace("%2", month_label(report.trend[-1].month))
    )


def report_texts(report: StatisticsReport, *, generated_at: datetime) -> ReportTexts:
    period = report.period
    previous, year = report.previous.period, report.year_earlier.period
    comparison = (
        QCoreApplication.translate("statistics", "Compared with %1 and with %2 a year earlier.")
        .replace("%1", period_label(previous))
        .replace("%2", period_label(year))
    )
    if report.counted_to is not None:
        comparison = QCoreApplication.translate(
            "statistics",
            "Counted to %1: a period not over yet is not compared with whole months.",
        ).replace("%1", format_date(report.counted_to))
    changes: dict[tuple[str, str], str] = {}
    values: dict[tuple[str, str], str] = {}
    for kpi in report.kpis:
        changes[(kpi.measure, "previous")] = format_change(kpi.change_previous, points=kpi.is_rate)
        changes[(kpi.measure, "year")] = format_change(kpi.change_year, points=kpi.is_rate)
        values[(kpi.measure, "current")] = format_value(kpi, kpi.value)
        values[(kpi.measure, "previous")] = format_value(kpi, kpi.previous)
        values[(kpi.measure, "year")] = format_value(kpi, kpi.year_earlier)
    groups = {
        (dimension, group.key): group_label(dimension, group)
        for dimension in Dimension
        for group in report.current.breakdown(dimension)
    }
    cumulative = report.cumulative or report.current
    cumulative_year = report.cumulative_year_earlier or report.year_earlier
    cumulative_values: dict[tuple[str, str], str] = {}
    cumulative_changes: dict[str, str] = {}
    for kpi in report.cumulative_kpis:
        cumulative_values[(kpi.measure, "current")] = format_value(kpi, kpi.value)
        cumulative_values[(kpi.measure, "year")] = format_value(kpi, kpi.year_earlier)
        cumulative_changes[kpi.measure] = format_change(kpi.change_year, points=kpi.is_rate)
    claims = report.current.claims
    history = publication_history(report)
    return ReportTexts(
        title=QCoreApplication.translate("statistics", "Demand statistics"),
        period=period_label(period),
        comparison=comparison,
        generated=QCoreApplication.translate("statistics", "Made on %1 by Outreach").replace(
            "%1", format_datetime(generated_at)
        ),
        previous_heading=period_label(previous),
        year_heading=period_label(year),
        change_heading=QCoreApplication.translate("statistics", "Change on previous period"),
        year_change_heading=QCoreApplication.translate("statistics", "Change year on year"),
        figure_heading=QCoreApplication.translate("statistics", "Figure"),
        figure_total=QCoreApplication.translate("statistics", "Total"),
        at_end=QCoreApplication.translate("statistics", "At period end: %1"),
        this_period_heading=period_label(period),
        key_figures=QCoreApplication.translate("statistics", "Key figures"),
        trend_title=QCoreApplication.translate(
            "statistics", "Received, claimed and solved, month by month: %1"
        ).replace("%1", trend_label(report)),
        month_heading=QCoreApplication.translate("statistics", "Month"),
        state_title=QCoreApplication.translate(
            "statistics", "Where the demands received stood at the end of the period"
        ),
        definitions_title=QCoreApplication.translate("statistics", "How the figures are counted"),
        definitions=[
            *(
                QCoreApplication.translate("statistics", "%1: %2.")
                .replace("%1", measure_label(m))
                .replace("%2", measure_help(m))
                for m in MEASURES
            ),
            *(
                QCoreApplication.translate("statistics", "%1: %2.")
                .replace("%1", claim_label(m))
                .replace("%2", claim_help(m))
                for m in CLAIM_MEASURES
            ),
            QCoreApplication.translate("statistics", "%1: %2.")
            .replace("%1", QCoreApplication.translate("statistics", "Year to date"))
            .replace("%2", cumulative_help()),
            QCoreApplication.translate(
                "statistics",
                "Changes of counts are percentages of the earlier figure; changes of rates are"
                " in percentage points (pp). Both are rounded to two decimals.",
            ),
            counting_note(),
        ],
        empty=QCoreApplication.translate(
            "statistics",
            "No demands were received, claimed, responded to or solved in this period.",
        ),
        sheet_key_figures=QCoreApplication.translate("statistics", "Key figures"),
        sheet_trend=QCoreApplication.translate("statistics", "Trend"),
        points_suffix=QCoreApplication.translate("statistics", "pp"),
        measures={m: measure_label(m) for m in MEASURES},
        states={s: state_label(s) for s in ("open", "claimed", "responded", "solved")},
        dimension_titles={d: dimension_title(d) for d in Dimension},
        dimension_columns={d: dimension_column(d) for d in Dimension},
        groups=groups,
        months={str(p.month): month_label(p.month) for p in report.trend},
        changes=changes,
        values=values,
        status=publication_sentence(report),
        # One publication in force says no more than the status; more are a history.
        history=history if len(history) > 1 else [],
        revision_title=QCoreApplication.translate("statistics", "Revision"),
        revision=revision_lines(report.revision) if report.revision else [],
        claims_title=QCoreApplication.translate("statistics", "Claims by leaders"),
        claim_labels={m: claim_label(m) for m in CLAIM_MEASURES},
        claim_values={
            "claimants": format_count(claims.claimants),
            "units_claiming": QCoreApplication.translate("statistics", "%1 of %2")
            .replace("%1", format_count(claims.units_claiming))
            .replace("%2", format_count(claims.units)),
            "unit_share": format_rate(claims.unit_share),
        },
        cumulative_title=QCoreApplication.translate("statistics", "Year to date: %1, against %2")
        .replace("%1", period_label(cumulative.period))
        .replace("%2", period_label(cumulative_year.period)),
        cumulative_heading=period_label(cumulative.period),
        cumulative_year_heading=period_label(cumulative_year.period),
        cumulative_values=cumulative_values,
        cumulative_changes=cumulative_changes,
        sheet_cumulative=QCoreApplication.translate("statistics", "Year to date"),
        counting_note=counting_note(),
    )
