"""The statistics charts people read: ticks at round values, and lines that lie on one another
still seen (narrower lines inside wider ones, and the legend says which coincide)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCharts import QLineSeries, QValueAxis
from PySide6.QtCore import QLocale, Qt

from outreach_app.core.statistics import (
    Counts,
    Month,
    Period,
    PeriodFigures,
    StatisticsReport,
    TrendPoint,
    trend_period,
)
from outreach_app.ui.statistics.charts import round_ticks, trend_chart


@pytest.fixture
def english(use_language: Callable[[str], QLocale]) -> None:
    use_language("en")


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (0, (2, 1)),
        (4, (5, 1)),
        (6, (8, 2)),
        (12, (15, 5)),
        (37, (40, 10)),
        (5073, (6000, 2000)),  # not 1691 / 3382 / 5073
        (99_999, (100_000, 20_000)),
    ],
)
def test_ticks_fall_on_round_values(top: int, expected: tuple[int, int]) -> None:
    maximum, step = round_ticks(top)
    assert (maximum, step) == expected
    assert maximum > top and maximum % step == 0
    assert int(str(step).rstrip("0") or "0") in (1, 2, 5)


def _report(received: list[int], claimed: list[int], solved: list[int]) -> StatisticsReport:
    period = Period.month(Month(2026, 11))
    months = list(trend_period(period).each_month())
    trend = [
        TrendPoint(m, Counts(received=r, claimed=c, solved=s))
        for m, r, c, s in zip(months, received, claimed, solved, strict=True)
    ]
    empty = PeriodFigures(period)
    return StatisticsReport(empty, empty, empty, trend)


def test_lines_that_coincide_are_all_visible_and_the_legend_says_so(
    qapp: object, english: None
) -> None:
    received = [1691, 3382, 5073, 2000, 1500, 1800, 2200, 2500, 3000, 3100, 2900, 2800, 2700]
    solved = [900] * 13
    chart = trend_chart("", _report(received, list(received), solved))
    lines = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert [line.name() for line in lines] == ["Received", "Claimed (same as Received)", "Solved"]
    widths = [line.pen().widthF() for line in lines]
    markers = [line.markerSize() for line in lines]
    assert widths == sorted(widths, reverse=True) and len(set(widths)) == 3
    assert markers == sorted(markers, reverse=True) and len(set(markers)) == 3
    assert lines[1].pen().style() == Qt.PenStyle.DashLine
    (axis,) = [a for a in chart.axes(Qt.Orientation.Vertical) if isinstance(a, QValueAxis)]
    assert (axis.max(), axis.tickInterval()) == (6000, 2000)
