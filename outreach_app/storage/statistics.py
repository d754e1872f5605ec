"""Monthly figures of follow-ups and demands: received, claimed, responded, solved, by channel,
category, site and session kind (core/statistics.py says what each figure means)."""

from __future__ import annotations

from datetime import timedelta

from outreach_app.core.statistics import (
    Counts,
    FigureRow,
    Period,
    PeriodFigures,
    StatisticsReport,
    TrendPoint,
    figures_from_rows,
    trend_period,
)
from outreach_app.storage.base import Aggregate, read

_COUNTED = (
    "received",
    "claimed",
    "responded",
    "solved",
    "received_claimed",
    "received_responded",
    "received_solved",
    "solved_on_time",
)


class StatisticsStore(Aggregate):
    aggregate = "statistics"

    @read
    def statistics_figures(self, period: Period) -> PeriodFigures:
        """Counts of the period by channel, category, site and session kind."""
        params = {
            "a": period.start.isoformat(),
            "b": (period.end + timedelta(days=1)).isoformat(),
        }

        def within(column: str) -> str:
            return f"(f.{column} >= :a AND f.{column} < :b)"

        received = within("created_at")
        rows = self._rows(
            "SELECT coalesce(d.channel, '') AS channel,"
            " coalesce(nullif(q.category, ''), d.category, '') AS category,"
            " f.site_id, st.name AS site_name, coalesce(s.kind, '') AS session_kind,"
            f" sum({received}) AS received,"
            f" sum({within('claimed_at')}) AS claimed,"
            f" sum({within('responded_at')}) AS responded,"
            f" sum({within('solved_at')}) AS solved,"
            f" sum({received} AND (f.claimed_at < :b OR f.responded_at < :b"
            " OR f.solved_at < :b)) AS received_claimed,"
            f" sum({received} AND (f.responded_at < :b OR f.solved_at < :b))"
            " AS received_responded,"
            f" sum({received} AND f.solved_at < :b) AS received_solved,"
            f" sum({within('solved_at')} AND (f.due IS NULL"
            " OR substr(f.solved_at, 1, 10) <= f.due)) AS solved_on_time"
            " FROM follow_ups f JOIN sites st ON st.id = f.site_id"
            " LEFT JOIN demands d ON d.follow_up_id = f.id"
            " LEFT JOIN questions q ON q.id = f.question_id"
            " LEFT JOIN sessions s ON s.id = f.session_id"
            f" WHERE {received} OR {within('claimed_at')} OR {within('responded_at')}"
            f" OR {within('solved_at')}"
            " GROUP BY 1, 2, 3, 5",
            params,
        )
        return figures_from_rows(
            period,
            (
                FigureRow(
                    channel=r["channel"],
                    category=r["category"],
                    site_id=r["site_id"],
                    site_name=r["site_name"],
                    session_kind=r["session_kind"],
                    counts=Counts(**{name: int(r[name] or 0) for name in _COUNTED}),
                )
                for r in rows
            ),
        )

    @read
    def statistics_report(self, period: Period) -> StatisticsReport:
        """The period with the one before it, the same period a year earlier, and the monthly
        totals of the 13 months up to its end."""
        trend = [
            TrendPoint(month, self.statistics_figures(Period.month(month)).totals)
            for month in trend_period(period).each_month()
        ]
        return StatisticsReport(
            current=self.statistics_figures(period),
            previous=self.statistics_figures(period.previous()),
            year_earlier=self.statistics_figures(period.year_earlier()),
            trend=trend,
        )
