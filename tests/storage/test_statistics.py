"""Statistics on a real SQLite file, checked against the figures worked out by hand in
tests/statistics_data.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from outreach_app.core.model import Site
from outreach_app.core.statistics import (
    Dimension,
    Month,
    Period,
    PeriodFigures,
    StatisticsReport,
)
from outreach_app.storage.repository import Repository
from tests.statistics_data import Clock, _demand, _steps, build_file


@dataclass
class Built:
    repo: Repository
    ids: dict[str, int]
    site_a: int
    site_b: int


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    path: Path = tmp_path_factory.mktemp("statistics") / "outreach.db"
    seeded = build_file(path)
    # Read back from the file, as the page and the command line do.
    return Built(Repository.open(path), seeded.ids, seeded.site_a, seeded.site_b)


@pytest.fixture(scope="module")
def november(built: Built) -> StatisticsReport:
    return built.repo.statistics.statistics_report(Period.month(Month(2026, 11)))


def test_counts_of_the_month_and_its_comparisons(november: StatisticsReport) -> None:
    def counts(figures: PeriodFigures) -> tuple[int, ...]:
        totals = figures.totals
        return (totals.received, totals.claimed, totals.responded, totals.solved)

    assert counts(november.current) == (4, 3, 2, 3)
    assert counts(november.previous) == (2, 2, 0, 1)
    assert counts(november.year_earlier) == (3, 1, 0, 1)
    assert november.previous.period == Period.month(Month(2026, 10))
    assert november.year_earlier.period == Period.month(Month(2025, 11))


def test_rates_and_their_changes(november: StatisticsReport) -> None:
    kpis = {k.measure: k for k in november.kpis}
    figures = {
        m: (k.value, k.previous, k.year_earlier, k.change_previous, k.change_year)
        for m, k in kpis.items()
    }
    assert figures == {
        "received": (4, 2, 3, 100.00, 33.33),
        "claimed": (3, 2, 1, 50.00, 200.00),
        "responded": (2, 0, 0, None, None),
        "solved": (3, 1, 1, 200.00, 200.00),
        # F1 F2 D5; F7; D8: each once, though F1 and D5 were both responded to and solved.
        "responded_or_solved": (3, 1, 1, 200.00, 200.00),
        # Rates change in percentage points, from the exact rates: 75 - 100/3 = 41.67.
        "claim_rate": (75.00, 100.00, 33.33, -25.00, 41.67),
        "on_time_rate": (66.67, 100.00, 100.00, -33.33, -33.33),
        "solve_rate": (50.00, 50.00, 33.33, 0.00, 16.67),
    }


def _by(report: StatisticsReport, dimension: Dimension) -> dict[str, tuple[int, ...]]:
    return {
        g.key: (g.counts.received, g.counts.claimed, g.counts.responded, g.counts.solved)
        for g in report.current.breakdown(dimension)
    }


def test_breakdowns_by_channel_category_site_and_kind(
    built: Built, november: StatisticsReport
) -> None:
    assert _by(november, Dimension.CHANNEL) == {
        "": (2, 2, 1, 2),  # F1 F2, made in sessions
        "Ask Politics": (1, 1, 1, 1),  # D3 received and claimed, D5 responded and solved
        "People's Voices": (1, 0, 0, 0),
    }
    assert _by(november, Dimension.CATEGORY) == {
        "民生保障": (1, 1, 1, 1),
        "基础设施": (2, 2, 0, 1),
        "": (1, 0, 1, 1),
    }
    assert _by(november, Dimension.SITE) == {
        str(built.site_a): (2, 2, 1, 1),
        str(built.site_b): (2, 1, 1, 2),
    }
    assert _by(november, Dimension.SESSION_KIND) == {
        "policy_briefing": (2, 2, 1, 2),
        "": (2, 1, 1, 1),
    }
    sites = november.current.breakdown(Dimension.SITE)
    assert {g.name for g in sites} == {"红旗村村委会", "望京街道社区服务中心"}
    # The items received at site B stood at: D4 open, F2 solved.
    site_b = next(g for g in sites if g.key == str(built.site_b))
    state = site_b.counts.state_at_end
    assert (state.open, state.claimed, state.responded, state.solved) == (1, 0, 0, 1)
    assert site_b.counts.solve_rate == 50.00 and site_b.counts.on_time_rate == 50.00


def test_thirteen_month_trend(november: StatisticsReport) -> None:
    trend = {str(p.month): p.counts for p in november.trend}
    assert next(iter(trend)) == "2025-11" and list(trend)[-1] == "2026-11" and len(trend) == 13
    assert (trend["2025-11"].received, trend["2025-11"].solved) == (3, 1)
    assert (trend["2025-12"].received, trend["2025-12"].claimed) == (0, 1)
    assert (trend["2026-10"].received, trend["2026-10"].solved) == (2, 1)
    assert trend["2026-11"] == november.current.totals
    assert sum(c.received for c in trend.values()) == 9


def test_a_range_of_months(built: Built) -> None:
    report = built.repo.statistics.statistics_report(Period(Month(2026, 10), Month(2026, 11)))
    totals = report.current.totals
    assert (totals.received, totals.claimed, totals.responded, totals.solved) == (6, 5, 2, 4)
    # Of the 6 received, claimed by the end of November: all but D4; solved F1 F2 D5 F7.
    assert (totals.claim_rate, totals.solve_rate) == (83.33, 66.67)
    assert report.previous.period == Period(Month(2026, 8), Month(2026, 9))
    assert report.previous.totals.received == 0
    assert report.year_earlier.period == Period(Month(2025, 10), Month(2025, 11))
    kpis = {k.measure: k for k in report.kpis}
    assert kpis["received"].change_previous is None
    assert kpis["received"].change_year == 100.00  # 6 against 3
    assert kpis["claim_rate"].change_previous is None


def test_a_reopened_item_keeps_its_steps_but_stands_open_at_the_end(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 11, 2, 9))
    repo = Repository.open(tmp_path / "outreach.db", clock=clock)
    site = repo.sites.save_site(Site("红旗村村委会"))
    follow_up = _demand(repo, clock, site, "Ask Politics", "2026-11-02", "x")
    _steps(repo, clock, follow_up, claimed="2026-11-03", solved="2026-11-04")
    month = Period.month(Month(2026, 11))
    assert repo.statistics.statistics_figures(month).totals.solved == 1
    clock.set("2026-11-05")
    repo.follow_ups.reopen_follow_up(follow_up, "居民不满意")
    totals = repo.statistics.statistics_figures(month).totals
    # The claim and the solution happened in November; at its end the item was open again.
    assert (totals.received, totals.claimed, totals.solved) == (1, 1, 1)
    assert (totals.claim_rate, totals.solve_rate) == (0.00, 0.00)
    assert totals.state_at_end.open == 1


def test_an_empty_database_has_no_figures(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "outreach.db")
    report = repo.statistics.statistics_report(Period.month(Month(2026, 11)))
    assert report.is_empty
    assert all(k.change_previous is None and k.change_year is None for k in report.kpis)
    assert all(k.value in (0, None) for k in report.kpis)
    assert len(report.trend) == 13
