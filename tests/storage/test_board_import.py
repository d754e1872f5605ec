"""A board's export arrives with its real steps and times; a later export of the same board
brings the messages' progress by their id, keeps what was done here and lists what disagrees."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from outreach_app.core.demand_import import DemandRow, parse_demands
from outreach_app.core.demand_update import DisagreementKind, ImportAction
from outreach_app.core.model import FollowUpStatus, Role, Site, User
from outreach_app.core.statistics import Month, Period
from outreach_app.storage.repository import Repository

OPEN, CLAIMED, RESPONDED, SOLVED = (
    FollowUpStatus.OPEN,
    FollowUpStatus.CLAIMED,
    FollowUpStatus.RESPONDED,
    FollowUpStatus.SOLVED,
)
HEADER = (
    "留言编号,留言日期,地区,栏目,留言内容,办理状态,认领时间,认领人,回复时间,回复内容,"
    "办结时间,责任单位\n"
)
OCTOBER_EXPORT = HEADER + (
    "A-1,2026-10-03,红旗村村委会,问政,三组水压不足,已认领,2026-10-04 09:30,张书记,,,,安定区水务局\n"
    "A-2,2026-10-05,红旗村村委会,百姓呼声,村道路灯坏了,待认领,,,,,,\n"
    "A-3,2026-10-06,红旗村村委会,问政,垃圾清运不及时,已办结,2026-10-07 08:00,李主任,"
    "2026-10-08 10:00,已安排,2026-10-09 16:00,环卫所\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "outreach.db")
    repository.actor = User("李敏", Role.STAFF)
    repository.clock = lambda: datetime(2026, 11, 2, 9, 0)
    repository.sites.save_site(Site("红旗村村委会", region="甘肃省定西市安定区"))
    return repository


def rows(repo: Repository, text: str) -> list[DemandRow]:
    result = parse_demands(
        text.encode(),
        file_name="board.csv",
        sites=repo.sites.list_sites(include_archived=True),
        today=date(2026, 12, 1),
    )
    assert result.ok, result.errors
    return result.demands


def history(repo: Repository, follow_up_id: int) -> list[tuple[FollowUpStatus, datetime, str]]:
    return [(s.status, s.at, s.note) for s in repo.follow_ups.follow_up_steps(follow_up_id)]


def by_id(repo: Repository, message_id: str) -> int:
    row = repo.connection.one("SELECT follow_up_id FROM demands WHERE board_id = ?", (message_id,))
    assert row is not None
    return int(row["follow_up_id"])


def test_items_arrive_with_their_real_steps_and_times(repo: Repository) -> None:
    summary = repo.follow_ups.import_demands(rows(repo, OCTOBER_EXPORT), "october.csv")
    assert summary.imported == 3 and summary.disagreements == []
    claimed = repo.follow_ups.get_follow_up(by_id(repo, "A-1"))
    assert (claimed.status, claimed.claimed_by, claimed.owner) == (
        CLAIMED,
        "张书记",
        "安定区水务局",
    )
    assert claimed.claimed_at == datetime(2026, 10, 4, 9, 30)
    assert history(repo, by_id(repo, "A-1")) == [
        (OPEN, datetime(2026, 10, 3), "问政"),
        (CLAIMED, datetime(2026, 10, 4, 9, 30), "张书记"),
    ]
    solved = repo.follow_ups.get_follow_up(by_id(repo, "A-3"))
    assert (solved.status, solved.response, solved.solved_at) == (
        SOLVED,
        "已安排",
        datetime(2026, 10, 9, 16, 0),
    )
    assert repo.follow_ups.get_follow_up(by_id(repo, "A-2")).status is OPEN
    # The statistics count each step in the month it happened, not when it was imported.
    october = repo.statistics.statistics_figures(Period.month(Month(2026, 10))).totals
    assert (october.received, october.claimed, october.responded, october.solved) == (3, 2, 1, 1)
    assert repo.statistics.statistics_figures(Period.month(Month(2026, 11))).totals.claimed == 0
    steps = repo.connection.rows("SELECT DISTINCT recorded_at FROM follow_up_steps")
    assert steps == [{"recorded_at": "2026-11-02 09:00:00"}]


def test_a_later_export_brings_progress_by_id_and_keeps_local_work(repo: Repository) -> None:
    repo.follow_ups.import_demands(rows(repo, OCTOBER_EXPORT), "october.csv")
    a1, a2, a3 = (by_id(repo, i) for i in ("A-1", "A-2", "A-3"))
    # Here: someone claims A-2 for a named person, and reopens A-3.
    repo.clock = lambda: datetime(2026, 11, 3, 10, 0)
    repo.follow_ups.claim_follow_up(a2, "王站长", owner="村委会")
    repo.follow_ups.reopen_follow_up(a3, "居民说还没清运")
    november_export = HEADER + (
        # A-1 answered and solved on the board, its text changed in the export's wording.
        "A-1,2026-10-03,红旗村村委会,问政,三组水压不足,已办结,2026-10-04 09:30,张书记,"
        "2026-11-05 11:00,已换泵,2026-11-20 15:00,安定区水务局\n"
        # A-2 claimed on the board by somebody else, later than here.
        "A-2,2026-10-05,红旗村村委会,百姓呼声,村道路灯坏了,已认领,2026-11-04 08:00,刘书记,,,,"
        "安定区住建局\n"
        # A-3 as before: solved on the board, reopened here.
        "A-3,2026-10-06,红旗村村委会,问政,垃圾清运不及时,已办结,2026-10-07 08:00,李主任,"
        "2026-10-08 10:00,已安排,2026-10-09 16:00,环卫所\n"
        # A-4 new.
        "A-4,2026-11-15,红旗村村委会,问政,井盖缺失,待认领,,,,,,\n"
    )
    repo.clock = lambda: datetime(2026, 11, 25, 9, 0)
    plans = repo.follow_ups.plan_demand_import(rows(repo, november_export))
    assert [p.action for p in plans] == [
        ImportAction.UPDATE,
        ImportAction.UNCHANGED,  # it brings nothing that goes further than the work here
        ImportAction.UNCHANGED,
        ImportAction.NEW,
    ]
    summary = repo.follow_ups.import_demands(rows(repo, november_export), "november.csv")
    assert (summary.imported, summary.updated, summary.skipped_lines) == (1, 1, [3, 4])

    assert history(repo, a1)[-2:] == [
        (RESPONDED, datetime(2026, 11, 5, 11, 0), "已换泵"),
        (SOLVED, datetime(2026, 11, 20, 15, 0), ""),
    ]
    assert repo.follow_ups.get_follow_up(a1).status is SOLVED
    # claimed here first; the board's claim is not added, its claimant and unit are
    # listed, not written over.
    a2_now = repo.follow_ups.get_follow_up(a2)
    assert (a2_now.status, a2_now.claimed_by, a2_now.owner) == (CLAIMED, "王站长", "村委会")
    assert [s.status for s in repo.follow_ups.follow_up_steps(a2)] == [OPEN, CLAIMED]
    # A-3 stays reopened.
    assert repo.follow_ups.get_follow_up(a3).status is OPEN
    listed = {(line, d.kind): d for line, d in summary.disagreements}
    assert set(listed) == {
        (3, DisagreementKind.CLAIMANT),
        (3, DisagreementKind.UNIT),
        (4, DisagreementKind.STATUS),
    }
    assert listed[(3, DisagreementKind.CLAIMANT)].english() == (
        "claimed by: the board says “刘书记”, here “王站长”"
    )
    assert listed[(4, DisagreementKind.STATUS)].english() == (
        "the board says solved since 2026-10-09 16:00; here it is open since 2026-11-03 10:00"
    )
    audit = repo.review.audit_trail()[0]
    assert audit.detail == "1 demands from november.csv, 1 updated, 3 disagreements listed"
    # Importing the same export again changes nothing more.
    again = repo.follow_ups.import_demands(rows(repo, november_export), "november.csv")
    assert (again.imported, again.updated) == (0, 0)
    assert len(history(repo, a1)) == 4


def test_the_unit_follows_the_board_until_it_is_changed_here(repo: Repository) -> None:
    repo.follow_ups.import_demands(rows(repo, OCTOBER_EXPORT), "october.csv")
    moved = OCTOBER_EXPORT.replace(",张书记,,,,安定区水务局", ",张书记,,,,定西市水务局")
    summary = repo.follow_ups.import_demands(rows(repo, moved), "october-2.csv")
    assert summary.updated == 1 and summary.disagreements == []
    assert repo.follow_ups.get_follow_up(by_id(repo, "A-1")).owner == "定西市水务局"
    # Changed here (a claim for another unit): the board's next change is only listed.
    repo.follow_ups.reopen_follow_up(by_id(repo, "A-1"), "转办")
    repo.follow_ups.claim_follow_up(by_id(repo, "A-1"), "张书记", owner="安定区住建局")
    back = OCTOBER_EXPORT.replace(",张书记,,,,安定区水务局", ",张书记,,,,甘肃省水利厅")
    summary = repo.follow_ups.import_demands(rows(repo, back), "october-3.csv")
    kinds = [d.kind for _, d in summary.disagreements]
    assert DisagreementKind.UNIT in kinds
    assert repo.follow_ups.get_follow_up(by_id(repo, "A-1")).owner == "安定区住建局"


def test_an_id_that_belongs_to_another_message_is_listed_and_nothing_changes(
    repo: Repository,
) -> None:
    repo.follow_ups.import_demands(rows(repo, OCTOBER_EXPORT), "october.csv")
    other = HEADER + "A-2,2026-10-20,红旗村村委会,问政,另一条留言,已认领,2026-10-21,赵,,,,\n"
    summary = repo.follow_ups.import_demands(rows(repo, other), "other.csv")
    assert (summary.imported, summary.updated, summary.skipped_lines) == (0, 0, [2])
    ((line, disagreement),) = summary.disagreements
    assert line == 2 and disagreement.kind is DisagreementKind.OTHER_MESSAGE
    assert repo.follow_ups.get_follow_up(by_id(repo, "A-2")).status is OPEN


def test_an_earlier_import_without_ids_takes_the_boards_id_and_progress(
    repo: Repository,
) -> None:
    plain = "date,site,channel,text\n2026-10-05,红旗村村委会,百姓呼声,村道路灯坏了\n"
    first = repo.follow_ups.import_demands(rows(repo, plain), "plain.csv")
    summary = repo.follow_ups.import_demands(rows(repo, OCTOBER_EXPORT), "october.csv")
    assert summary.imported == 2 and summary.skipped_lines == [3]  # nothing new
    assert by_id(repo, "A-2") == first.follow_up_ids[0]
