"""Imported demands are follow-ups without a session: stored once, searched, briefed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from outreach_app.core.demand_import import DemandRow, parse_demands
from outreach_app.core.demand_update import ImportAction
from outreach_app.core.model import FollowUpStatus, Role, SearchFilters, Site, User
from outreach_app.storage.repository import NotFoundError, Repository

TODAY = date(2026, 11, 23)
CSV = (
    "date,site,channel,text,category\n"
    "2026-11-03,红旗村村委会,Ask Politics,三组水压不足，早晚用水困难,基础设施\n"
    "2026-11-05,朝阳区,People's Voices,夜间停车位不够,\n"
    "2026-11-05,朝阳区,People's Voices,夜间停车位不够,\n"
).encode()


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "outreach.db")
    repository.actor = User("李敏", Role.STAFF)
    repository.clock = lambda: datetime(2026, 11, 23, 10, 0)
    repository.sites.save_site(Site("红旗村村委会", region="甘肃省定西市安定区"))
    repository.sites.save_site(Site("望京街道社区服务中心", region="北京市朝阳区"))
    return repository


def parsed(repo: Repository, data: bytes = CSV) -> list[DemandRow]:
    result = parse_demands(
        data, file_name="board.csv", sites=repo.sites.list_sites(include_archived=True), today=TODAY
    )
    assert result.ok, result.errors
    return result.demands


def test_import_stores_follow_ups_without_a_session(repo: Repository) -> None:
    summary = repo.follow_ups.import_demands(parsed(repo), "board.csv")
    assert summary.imported == 2
    assert summary.skipped_lines == [4]  # the file repeats line 3
    first = repo.follow_ups.get_follow_up(summary.follow_up_ids[0])
    assert first.session_id is None and first.question_id is None
    assert first.commitment == "三组水压不足，早晚用水困难"
    assert first.status is FollowUpStatus.OPEN and first.owner == ""
    assert first.created_at == datetime(2026, 11, 3, 0, 0)
    steps = repo.follow_ups.follow_up_steps(summary.follow_up_ids[0])
    assert [(s.status, s.at) for s in steps] == [(FollowUpStatus.OPEN, datetime(2026, 11, 3))]
    sources = repo.follow_ups.demand_sources([*summary.follow_up_ids, 999])
    assert set(sources) == set(summary.follow_up_ids)
    water = sources[summary.follow_up_ids[0]]
    assert (water.channel, water.category, water.source, water.line) == (
        "Ask Politics",
        "基础设施",
        "board.csv",
        2,
    )
    assert water.received_on == date(2026, 11, 3) and water.area == "红旗村村委会"
    audit = repo.review.audit_trail()
    assert audit[0].action == "import" and "2 demands from board.csv" in audit[0].detail


def test_importing_again_adds_nothing_and_says_what_was_skipped(repo: Repository) -> None:
    repo.follow_ups.import_demands(parsed(repo), "board.csv")
    before = repo.connection.one("SELECT count(*) AS n FROM follow_ups")
    again = repo.follow_ups.import_demands(parsed(repo), "board (copy).csv")
    assert again.imported == 0 and again.skipped_lines == [2, 3, 4]
    assert repo.connection.one("SELECT count(*) AS n FROM follow_ups") == before
    plans = repo.follow_ups.plan_demand_import(parsed(repo))
    assert [p.action for p in plans] == [
        ImportAction.UNCHANGED,
        ImportAction.UNCHANGED,
        ImportAction.REPEATED,
    ]


def test_a_failing_demand_rolls_the_whole_import_back(repo: Repository) -> None:
    demands = parsed(repo)
    broken = DemandRow(9, date(2026, 11, 6), "x", 999, "x", "Ask Politics", "不存在的站点")
    with pytest.raises(NotFoundError):
        repo.follow_ups.import_demands([*demands, broken], "board.csv")
    assert repo.connection.one("SELECT count(*) AS n FROM follow_ups") == {"n": 0}
    assert repo.connection.one("SELECT count(*) AS n FROM demands") == {"n": 0}


def test_imported_demands_are_searched_and_briefed(repo: Repository) -> None:
    summary = repo.follow_ups.import_demands(parsed(repo), "board.csv")
    hits = repo.search.search("水压")
    assert [(h.doc_kind, h.ref_id, h.session_id) for h in hits] == [
        ("follow_up", summary.follow_up_ids[0], None)
    ]
    assert repo.search.search("水压", SearchFilters(category="基础设施"))
    assert repo.search.search("停车", SearchFilters(category="基础设施")) == []
    site_id = next(s.id for s in repo.sites.list_sites() if s.name == "红旗村村委会")
    assert site_id is not None
    open_items = repo.follow_ups.open_follow_ups_for_site(site_id, excluding_session=1)
    assert [f.commitment for f in open_items] == ["三组水压不足，早晚用水困难"]


def test_a_deleted_follow_up_takes_its_demand_row_along(repo: Repository) -> None:
    summary = repo.follow_ups.import_demands(parsed(repo), "board.csv")
    with repo.db.atomic():
        repo.db.execute("DELETE FROM follow_ups WHERE id = ?", (summary.follow_up_ids[0],))
    assert repo.connection.one("SELECT count(*) AS n FROM demands") == {"n": 1}
