from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from outreach_app.core.statistics import (
    MEASURES,
    Counts,
    Dimension,
    FigureRow,
    Month,
    Period,
    StatisticsReport,
    TrendPoint,
    change_percent,
    change_points,
    day_counted_to,
    figures_from_rows,
    percent,
    trend_period,
)


def test_months_parse_shift_and_know_their_days() -> None:
    assert Month.parse("2026-11") == Month(2026, 11)
    assert Month.parse(" 2026-1 ") == Month(2026, 1)
    assert Month(2026, 1).shifted(-1) == Month(2025, 12)
    assert Month(2026, 11).shifted(14) == Month(2028, 1)
    assert Month(2024, 2).last_day == date(2024, 2, 29)
    assert Month(2026, 12).last_day == date(2026, 12, 31)
    assert str(Month(987, 3)) == "0987-03"


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-11", "2026/11", "november", ""])
def test_bad_months_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Month.parse(text)


def test_a_month_compares_with_the_previous_month_and_a_year_earlier() -> None:
    march = Period.month(Month(2026, 3))
    assert march.previous() == Period.month(Month(2026, 2))
    assert march.year_earlier() == Period.month(Month(2025, 3))
    assert (march.start, march.end) == (date(2026, 3, 1), date(2026, 3, 31))


def test_a_range_compares_with_the_months_just_before_it() -> None:
    autumn = Period(Month(2026, 9), Month(2026, 11))
    assert autumn.months == 3
    assert autumn.previous() == Period(Month(2026, 6), Month(2026, 8))
    assert autumn.year_earlier() == Period(Month(2025, 9), Month(2025, 11))
    assert [str(m) for m in autumn.each_month()] == ["2026-09", "2026-10", "2026-11"]
    assert str(autumn) == "2026-09 – 2026-11"
    with pytest.raises(ValueError):
        Period(Month(2026, 11), Month(2026, 10))


def test_the_trend_is_thirteen_months_up_to_the_end() -> None:
    trend = trend_period(Period(Month(2026, 9), Month(2026, 11)))
    assert trend == Period(Month(2025, 11), Month(2026, 11))
    assert trend.months == 13


@pytest.mark.parametrize(
    ("current", "base", "expected"),
    [
        (4, 2, 100.00),
        (1, 3, -66.67),
        (2, 3, -33.33),
        (3, 3, 0.00),
        (5, 0, None),
        (0, 4, -100.00),
        # Half up, not to even: 1/8 of a percent more is 12.5 -> 12.50; 1/32 -> 3.125 -> 3.13.
        (33, 32, 3.13),
        (31, 32, -3.13),
    ],
)
def test_change_percent_two_decimals_half_up(
    current: int, base: int, expected: float | None
) -> None:
    assert change_percent(current, base) == expected


def test_percent_and_points() -> None:
    assert percent(2, 3) == 66.67
    assert percent(1, 32) == 3.13
    assert percent(0, 0) is None
    assert change_points((3, 4), (1, 3)) == 41.67  # 75 - 33.333...
    assert change_points((1, 2), (1, 2)) == 0.00
    assert change_points((1, 2), (0, 0)) is None


def test_counts_add_and_know_their_rates_and_states() -> None:
    one = Counts(received=3, claimed=2, received_claimed=2, received_responded=1)
    two = Counts(received=1, solved=2, received_claimed=1, received_responded=1, solved_on_time=1)
    both = one + two
    assert (both.received, both.claimed, both.solved) == (4, 2, 2)
    assert (both.claim_rate, both.solve_rate, both.on_time_rate) == (75.00, 0.00, 50.00)
    state = both.state_at_end
    assert (state.open, state.claimed, state.responded, state.solved) == (1, 1, 2, 0)
    assert Counts().claim_rate is None


def _row(channel: str, category: str, site: int, kind: str, received: int) -> FigureRow:
    return FigureRow(channel, category, site, f"站点{site}", kind, Counts(received=received))


def test_rows_fold_into_each_breakdown_largest_first() -> None:
    figures = figures_from_rows(
        Period.month(Month(2026, 11)),
        [
            _row("", "教育", 1, "investigation", 2),
            _row("问政", "教育", 2, "", 3),
            _row("问政", "", 1, "", 1),
            _row("百姓呼声", "", 2, "", 4),
        ],
    )
    assert figures.totals.received == 10
    channels = [(g.key, g.counts.received) for g in figures.breakdown(Dimension.CHANNEL)]
    assert channels == [("百姓呼声", 4), ("问政", 4), ("", 2)]  # a tie goes by name
    sites = [(g.key, g.name, g.counts.received) for g in figures.breakdown(Dimension.SITE)]
    assert sites == [("2", "站点2", 7), ("1", "站点1", 3)]
    kinds = {g.key: g.counts.received for g in figures.breakdown(Dimension.SESSION_KIND)}
    assert kinds == {"": 8, "investigation": 2}
    categories = {g.key: g.counts.received for g in figures.breakdown(Dimension.CATEGORY)}
    assert categories == {"教育": 5, "": 5}


def test_the_report_as_json_holds_every_figure() -> None:
    period = Period.month(Month(2026, 11))
    current = figures_from_rows(
        period,
        [FigureRow("问政", "教育", 1, "红旗村", "", Counts(4, 3, 2, 3, 3, 2, 2, 2))],
    )
    report = StatisticsReport(
        current=current,
        previous=figures_from_rows(period.previous(), []),
        year_earlier=figures_from_rows(
            period.year_earlier(), [FigureRow("问政", "", 1, "红旗村", "", Counts(3, 1))]
        ),
        trend=[TrendPoint(m, Counts(received=1)) for m in trend_period(period).each_month()],
    )
    data = json.loads(
        json.dumps(
            report.as_dict(label=lambda d, g: f"{d.value}:{g.name}", generated_at="now"),
            ensure_ascii=False,
        )
    )
    assert data["period"]["label"] == "2026-11"
    assert data["compared_with"]["year_earlier"]["first_month"] == "2025-11"
    assert [k["measure"] for k in data["kpis"]] == list(MEASURES)
    received = data["kpis"][0]
    assert (received["value"], received["year_earlier"], received["change_year_on_year"]) == (
        4,
        3,
        33.33,
    )
    assert received["change_previous"] is None and received["change_unit"] == "percent"
    assert data["kpis"][4]["change_unit"] == "percent"  # responded or solved: a count
    assert data["kpis"][5]["change_unit"] == "points"
    channel = data["breakdowns"]["channel"][0]
    assert channel["label"] == "channel:问政"
    assert channel["claim_rate"] == 75.0 and channel["on_time_rate"] == 66.67
    assert channel["state_at_end"] == {"open": 1, "claimed": 1, "responded": 0, "solved": 2}
    assert set(data["breakdowns"]) == {d.value for d in Dimension}
    assert len(data["trend"]) == 13 and data["trend"][0]["month"] == "2025-11"
    assert data["totals"]["year_earlier"]["received"] == 3
    assert data["generated_at"] == "now"
    assert data["counted_to"] is None


def test_a_period_not_over_is_counted_to_today_and_compared_with_nothing() -> None:
    november = Period.month(Month(2026, 11))
    assert day_counted_to(november, date(2026, 11, 23)) == date(2026, 11, 23)
    assert day_counted_to(november, date(2026, 11, 30)) == date(2026, 11, 30)
    assert day_counted_to(november, date(2026, 12, 1)) is None
    assert day_counted_to(Period(Month(2026, 10), Month(2026, 11)), date(2026, 10, 5)) is not None
    report = StatisticsReport(
        current=figures_from_rows(november, [FigureRow("问政", "", 1, "甲", "", Counts(1))]),
        previous=figures_from_rows(
            november.previous(), [FigureRow("问政", "", 1, "甲", "", Counts(9))]
        ),
        year_earlier=figures_from_rows(november.year_earlier(), []),
    )
    assert report.kpis[0].change_previous == -88.89
    running = replace(report, counted_to=date(2026, 11, 7))
    assert [(k.change_previous, k.change_year) for k in running.kpis] == [(None, None)] * len(
        MEASURES
    )
    assert running.kpis[0].value == 1 and running.kpis[0].previous == 9
    assert running.as_dict()["counted_to"] == "2026-11-07"
    year_to_date = replace(
        running, cumulative=running.current, cumulative_year_earlier=report.previous
    )
    assert [k.change_year for k in year_to_date.cumulative_kpis] == [None] * len(MEASURES)
    whole = replace(year_to_date, counted_to=None)
    assert whole.cumulative_kpis[0].change_year == -88.89
