"""Figures counted from each item's history: what happened later never moves an earlier month;
the boards' own measures (responded or solved once, claims by leaders, the year to date)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from outreach_app.core.model import Role, Site, User
from outreach_app.core.statistics import Counts, Dimension, Month, Period, PeriodFigures
from outreach_app.storage.repository import Repository
from tests.statistics_data import Clock, _demand

AUGUST, SEPTEMBER, OCTOBER = Month(2026, 8), Month(2026, 9), Month(2026, 10)
CHANNEL = Dimension.CHANNEL


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Repository, Clock, int]:
    clock = Clock(datetime(2026, 8, 1, 9))
    repo = Repository.open(tmp_path / "outreach.db", clock=clock)
    repo.actor = User("李敏", Role.STAFF)
    site = repo.sites.save_site(Site("红旗村村委会", region="甘肃省定西市安定区"))
    return repo, clock, site


def _month(repo: Repository, month: Month) -> PeriodFigures:
    return repo.statistics.statistics_report(Period.month(month)).current


def _counts(figures: PeriodFigures) -> tuple[int, ...]:
    t = figures.totals
    return (t.received, t.claimed, t.responded, t.solved, t.responded_or_solved)


def test_claim_response_reopen_and_solve_across_three_months(
    setup: tuple[Repository, Clock, int],
) -> None:
    repo, clock, site = setup
    item = _demand(repo, clock, site, "Ask Politics", "2026-08-03", "路灯不亮")
    clock.set("2026-08-05")
    repo.follow_ups.claim_follow_up(item, "张三", owner="安定区住建局")
    clock.set("2026-08-20")
    repo.follow_ups.respond_to_follow_up(item, "已派人查看")
    clock.set("2026-08-31", 18)
    august = _month(repo, AUGUST)
    assert _counts(august) == (1, 1, 1, 0, 1)
    assert august.totals.state_at_end.responded == 1

    clock.set("2026-09-10")
    repo.follow_ups.reopen_follow_up(item, "居民说灯还是不亮")
    clock.set("2026-09-30", 18)
    september = _month(repo, SEPTEMBER)
    assert _counts(september) == (0, 0, 0, 0, 0)
    assert _month(repo, AUGUST) == august  # the reopen took nothing from August

    clock.set("2026-10-02")
    repo.follow_ups.claim_follow_up(item, "王五")
    clock.set("2026-10-15")
    repo.follow_ups.solve_follow_up(item, "换了灯杆")
    clock.set("2026-10-31", 18)
    october = _month(repo, OCTOBER)
    assert _counts(october) == (0, 1, 0, 1, 1)
    assert october.totals.solved_on_time == 1
    assert _month(repo, AUGUST) == august
    assert _month(repo, SEPTEMBER) == september
    # The three months together count the item once for each measure it reached.
    quarter = repo.statistics.statistics_figures(Period(AUGUST, OCTOBER))
    assert _counts(quarter) == (1, 1, 1, 1, 1)
    assert quarter.claims.claimants == 2  # 张三 and 王五
    assert quarter.totals.state_at_end.solved == 1


def test_a_due_date_changed_later_does_not_change_an_earlier_on_time_rate(
    setup: tuple[Repository, Clock, int],
) -> None:
    repo, clock, site = setup
    item = _demand(repo, clock, site, "Ask Politics", "2026-08-03", "井盖缺失")
    repo.follow_ups.set_follow_up_due_dates(
        item, claim_due=None, respond_due=None, due=date(2026, 8, 10)
    )
    clock.set("2026-08-05")
    repo.follow_ups.claim_follow_up(item, "张三", owner="安定区住建局")
    clock.set("2026-08-09")
    repo.follow_ups.solve_follow_up(item, "已补上")
    assert _month(repo, AUGUST).totals.on_time_rate == 100.00
    clock.set("2026-09-02")
    repo.follow_ups.set_follow_up_due_dates(
        item, claim_due=None, respond_due=None, due=date(2026, 8, 1)
    )
    assert _month(repo, AUGUST).totals.on_time_rate == 100.00


def test_responded_or_solved_counts_each_item_once(
    setup: tuple[Repository, Clock, int],
) -> None:
    repo, clock, site = setup
    both = _demand(repo, clock, site, "Ask Politics", "2026-08-01", "答复后办结")
    solved_only = _demand(repo, clock, site, "Ask Politics", "2026-08-01", "认领后直接办结")
    answered = _demand(repo, clock, site, "People's Voices", "2026-08-01", "只答复")
    for item in (both, solved_only, answered):
        clock.set("2026-08-02")
        repo.follow_ups.claim_follow_up(item, "张三", owner="住建局")
    clock.set("2026-08-03")
    repo.follow_ups.respond_to_follow_up(both, "已查看")
    repo.follow_ups.respond_to_follow_up(answered, "已查看")
    repo.follow_ups.solve_follow_up(both, "修好")
    repo.follow_ups.solve_follow_up(solved_only, "修好")
    totals = _month(repo, AUGUST).totals
    # Adding responded (2) and solved (2) would count `both` twice.
    assert (totals.responded, totals.solved, totals.responded_or_solved) == (2, 2, 3)
    figures = repo.statistics.statistics_figures(Period.month(AUGUST))
    by_channel = {g.key: g.counts.responded_or_solved for g in figures.breakdown(CHANNEL)}
    assert by_channel == {"Ask Politics": 2, "People's Voices": 1}


def test_claims_by_leaders_count_people_and_units(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 8, 1, 9))
    repo = Repository.open(tmp_path / "outreach.db", clock=clock)
    sites = {
        name: repo.sites.save_site(Site(name, region=region))
        for name, region in (
            ("红旗村村委会", "安定区"),
            ("东风村村委会", "安定区"),  # the same unit
            ("望京街道社区服务中心", "朝阳区"),
            ("油田调度室", ""),  # no region: a unit of its own
        )
    }
    archived = repo.sites.save_site(Site("旧站点", region="旧区"))
    repo.sites.set_site_archived(archived, True)
    items = [
        _demand(repo, clock, sites[name], "Ask Politics", "2026-08-01", f"诉求{n}")
        for n, name in enumerate(
            ["红旗村村委会", "东风村村委会", "望京街道社区服务中心", "油田调度室"]
        )
    ]
    clock.set("2026-08-05")
    repo.follow_ups.claim_follow_up(items[0], "张书记", owner="安定区")
    repo.follow_ups.claim_follow_up(items[1], "张书记", owner="安定区")
    repo.follow_ups.claim_follow_up(items[2], "刘主任", owner="朝阳区")
    figures = repo.statistics.statistics_figures(Period.month(AUGUST))
    claims = figures.claims
    # Two people; units 安定区, 朝阳区, 油田调度室 (the archived site's region is not in use).
    assert (claims.claimants, claims.units, claims.units_claiming) == (2, 3, 2)
    assert claims.unit_share == 66.67
    assert figures.totals.claim_rate == 75.00


def test_the_year_to_date_against_the_same_months_a_year_earlier(
    setup: tuple[Repository, Clock, int],
) -> None:
    repo, clock, site = setup
    for received in ("2025-02-10", "2025-09-01", "2026-01-05", "2026-03-05", "2026-08-01"):
        item = _demand(repo, clock, site, "Ask Politics", received, f"诉求{received}")
        clock.set(received, 15)
        repo.follow_ups.claim_follow_up(item, "张三", owner="住建局")
        repo.follow_ups.solve_follow_up(item, "办结")
    clock.set("2026-09-01")
    report = repo.statistics.statistics_report(Period.month(AUGUST))
    assert report.cumulative is not None and report.cumulative_year_earlier is not None
    assert report.cumulative.period == Period(Month(2026, 1), AUGUST)
    assert report.cumulative_year_earlier.period == Period(Month(2025, 1), Month(2025, 8))
    kpis = {k.measure: k for k in report.cumulative_kpis}
    assert (kpis["received"].value, kpis["received"].year_earlier) == (3, 1)
    assert kpis["received"].change_year == 200.00
    assert kpis["responded_or_solved"].value == 3
    assert kpis["solve_rate"].change_year == 0.00  # 100% both years
    assert kpis["received"].previous is None and kpis["received"].change_previous is None
    assert report.cumulative.totals == Counts(
        received=3,
        claimed=3,
        solved=3,
        received_claimed=3,
        received_responded=3,
        received_solved=3,
        solved_on_time=3,
        responded_or_solved=3,
    )
