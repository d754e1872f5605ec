"""Monthly figures of follow-ups and demands, and the months reviewers closed.

The figures of a period are counted from the history of the items it concerns
(core/history_counts.py says what each figure means): the store reads the items made in the
period or with a step in it, with their steps up to its end. A closed month keeps the figures it
was published with (core/published_figures.py); its report shows them, and what the record
counts for it now, where different, as a dated revision.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from outreach_app.core.history_counts import (
    HistoryIndex,
    HistoryStep,
    ItemHistory,
    figures_from_histories,
    period_bounds,
)
from outreach_app.core.model import FollowUpStatus
from outreach_app.core.published_figures import figures_from_json, figures_json
from outreach_app.core.rules import RuleError
from outreach_app.core.statistics import (
    Month,
    Period,
    PeriodFigures,
    Publication,
    StatisticsReport,
    TrendPoint,
    revision_of,
    trend_period,
)
from outreach_app.storage.base import Aggregate, Row, parse_timestamp, read, timestamp, write

# The items a span of time concerns: made in it, or with a step in it.
_ITEMS_IN_SPAN = (
    "SELECT f.id FROM follow_ups f WHERE (f.created_at >= :start AND f.created_at < :after)"
    " OR f.id IN (SELECT follow_up_id FROM follow_up_steps WHERE at >= :start AND at < :after)"
)
_UNIT = "coalesce(nullif(trim(st.region), ''), st.name)"


def cumulative_period(period: Period) -> Period:
    """January of the period's last year to its last month."""
    return Period(Month(period.last.year, 1), period.last)


def _publication(row: Row) -> Publication:
    closed_at = parse_timestamp(row["closed_at"])
    assert closed_at is not None
    return Publication(
        month=Month.parse(row["month"]),
        closed_at=closed_at,
        closed_by=row["closed_by"],
        figures=figures_from_json(row["figures"]),
        cumulative=figures_from_json(row["cumulative"]),
        reopened_at=parse_timestamp(row["reopened_at"]),
        reopened_by=row["reopened_by"],
        reopen_reason=row["reopen_reason"],
    )


class StatisticsStore(Aggregate):
    aggregate = "statistics"

    def _histories(self, periods: Iterable[Period]) -> list[ItemHistory]:
        """The items any of `periods` concerns, each with its steps up to the last one's end."""
        bounds = [period_bounds(p) for p in periods]
        params = {
            "start": timestamp(min(b[0] for b in bounds)),
            "after": timestamp(max(b[1] for b in bounds)),
        }
        steps: dict[int, list[HistoryStep]] = {}
        for r in self._rows(
            "SELECT follow_up_id, status, at, note, due FROM follow_up_steps"
            f" WHERE at < :after AND follow_up_id IN ({_ITEMS_IN_SPAN})"
            " ORDER BY follow_up_id, at, id",
            params,
        ):
            status = FollowUpStatus(r["status"])
            steps.setdefault(r["follow_up_id"], []).append(
                HistoryStep(
                    status,
                    datetime.fromisoformat(r["at"]),
                    claimant=r["note"] if status is FollowUpStatus.CLAIMED else "",
                    due=date.fromisoformat(r["due"]) if r["due"] else None,
                )
            )
        return [
            ItemHistory(
                created_at=datetime.fromisoformat(r["created_at"]),
                site_id=r["site_id"],
                site_name=r["site_name"],
                unit=r["unit"],
                channel=r["channel"],
                category=r["category"],
                session_kind=r["session_kind"],
                steps=tuple(steps.get(r["id"], ())),
            )
            for r in self._rows(
                "SELECT f.id, f.created_at, f.site_id, st.name AS site_name,"
                f" {_UNIT} AS unit, coalesce(d.channel, '') AS channel,"
                " coalesce(nullif(q.category, ''), d.category, '') AS category,"
                " coalesce(s.kind, '') AS session_kind"
                " FROM follow_ups f JOIN sites st ON st.id = f.site_id"
                " LEFT JOIN demands d ON d.follow_up_id = f.id"
                " LEFT JOIN questions q ON q.id = f.question_id"
                " LEFT JOIN sessions s ON s.id = f.session_id"
                f" WHERE f.id IN ({_ITEMS_IN_SPAN})",
                params,
            )
        ]

    def _units(self) -> set[str]:
        """The office's units: the regions of the sites in use (a site without one is its own)."""
        return {
            r["unit"]
            for r in self._rows(f"SELECT DISTINCT {_UNIT} AS unit FROM sites st WHERE archived = 0")
        }

    def _counted(self, periods: Iterable[Period]) -> dict[Period, PeriodFigures]:
        wanted = set(periods)
        index = HistoryIndex(self._histories(wanted))
        units = self._units()
        return {p: figures_from_histories(p, index.items_in(p), units) for p in wanted}

    @read
    def statistics_figures(self, period: Period) -> PeriodFigures:
        """The period's figures as the record counts them now, by channel, category, site and
        session kind (a closed month's published figures are in its report)."""
        return self._counted([period])[period]

    @read
    def month_publications(self, month: Month) -> list[Publication]:
        """Every closing of the month, oldest first; the last is in force unless reopened."""
        return [
            _publication(r)
            for r in self._rows(
                "SELECT * FROM closed_months WHERE month = ? ORDER BY id", (str(month),)
            )
        ]

    def _in_force(self, months: Iterable[Month]) -> dict[Month, Publication]:
        found: dict[Month, Publication] = {}
        for month in set(months):
            publications = self.month_publications(month)
            if publications and publications[-1].in_force:
                found[month] = publications[-1]
        return found

    @read
    def closed_months(self) -> list[Month]:
        """The months closed now, latest first."""
        return [
            Month.parse(r["month"])
            for r in self._rows(
                "SELECT month FROM closed_months c WHERE reopened_at IS NULL"
                " AND id = (SELECT max(id) FROM closed_months WHERE month = c.month)"
                " ORDER BY month DESC"
            )
        ]

    @read
    def statistics_report(self, period: Period) -> StatisticsReport:
        """The period with the one before it, the same period a year earlier, the monthly
        totals of the 13 months up to its end and the year to date. A closed month shows the
        figures it was published with, wherever it appears."""
        cumulative = cumulative_period(period)
        trend_months = [Period.month(m) for m in trend_period(period).each_month()]
        compared = [period, period.previous(), period.year_earlier()]
        counted = self._counted([*compared, cumulative, cumulative.year_earlier(), *trend_months])
        published = self._in_force(
            [p.first for p in [*compared, *trend_months] if p.is_single_month]
            + [cumulative.last, cumulative.year_earlier().last]
        )

        def shown(p: Period) -> PeriodFigures:
            publication = published.get(p.first) if p.is_single_month else None
            return publication.figures if publication else counted[p]

        def shown_cumulative(p: Period) -> PeriodFigures:
            publication = published.get(p.last)
            return publication.cumulative if publication else counted[p]

        publications: tuple[Publication, ...] = ()
        revision = None
        if period.is_single_month:
            publications = tuple(self.month_publications(period.first))
            in_force = published.get(period.first)
            if in_force is not None:
                revision = revision_of(
                    in_force,
                    counted[period],
                    counted[cumulative],
                    self._latest_change(in_force.closed_at, cumulative) or self._now(),
                )
        return StatisticsReport(
            current=shown(period),
            previous=shown(period.previous()),
            year_earlier=shown(period.year_earlier()),
            trend=[TrendPoint(p.first, shown(p).totals) for p in trend_months],
            cumulative=shown_cumulative(cumulative),
            cumulative_year_earlier=shown_cumulative(cumulative.year_earlier()),
            publications=publications,
            revision=revision,
        )

    def _latest_change(self, since: datetime, span: Period) -> datetime | None:
        """When the latest step in `span` that was recorded after `since` was recorded."""
        start, after = period_bounds(span)
        row = self._one(
            "SELECT max(recorded_at) AS latest FROM follow_up_steps"
            " WHERE recorded_at > ? AND at >= ? AND at < ?",
            (timestamp(since), timestamp(start), timestamp(after)),
        )
        return parse_timestamp(row["latest"]) if row else None

    @write
    def close_month(self, month: Month) -> Publication:
        """Publish the month: keep its figures and the year to date as they are counted now,
        with who closed it and when. Only a month that has ended, and is not closed."""
        if month.last_day >= self._now().date():
            raise RuleError("only a month that has ended can be closed ({month})", month=month)
        if self._in_force([month]):
            raise RuleError("{month} is closed already", month=month)
        figures = self._counted([Period.month(month), cumulative_period(Period.month(month))])
        now = timestamp(self._now())
        self._execute(
            "INSERT INTO closed_months (month, closed_at, closed_by, figures, cumulative)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                str(month),
                now,
                self._actor.name,
                figures_json(figures[Period.month(month)]),
                figures_json(figures[cumulative_period(Period.month(month))]),
            ),
        )
        totals = figures[Period.month(month)].totals
        self._audit(
            "close",
            "month",
            None,
            detail=f"{month}: received {totals.received}, responded or solved"
            f" {totals.responded_or_solved}, solved {totals.solved}",
        )
        return self.month_publications(month)[-1]

    @write
    def reopen_month(self, month: Month, reason: str) -> Publication:
        """Take a closed month back, saying why; its publication stays on record."""
        reason = reason.strip()
        if not reason:
            raise RuleError("say why the month is reopened")
        in_force = self._in_force([month]).get(month)
        if in_force is None:
            raise RuleError("{month} is not closed", month=month)
        self._execute(
            "UPDATE closed_months SET reopened_at = ?, reopened_by = ?, reopen_reason = ?"
            " WHERE id = (SELECT max(id) FROM closed_months WHERE month = ?)",
            (timestamp(self._now()), self._actor.name, reason, str(month)),
        )
        self._audit("reopen", "month", None, detail=f"{month}: {reason}")
        return self.month_publications(month)[-1]
