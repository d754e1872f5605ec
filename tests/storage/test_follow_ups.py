"""The follow-up workflow and board on real SQLite files, and migration 0005 on an older file."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.core.follow_ups import is_overdue
from outreach_app.core.model import (
    FollowUpFilters,
    FollowUpStatus,
    Role,
    Satisfaction,
    Session,
    SessionKind,
    SessionSite,
    Site,
    User,
)
from outreach_app.storage.demo import build_demo
from outreach_app.storage.repository import NotFoundError, Repository, StoreError
from outreach_app.storage.schema import migrations, register_functions
from tests.follow_up_data import FollowUps, seed_follow_ups

OPEN, CLAIMED, RESPONDED, SOLVED = (
    FollowUpStatus.OPEN,
    FollowUpStatus.CLAIMED,
    FollowUpStatus.RESPONDED,
    FollowUpStatus.SOLVED,
)
START = datetime(2026, 10, 9, 9, 30)
TODAY = date(2026, 11, 23)
STAFF = User("李敏", Role.STAFF)
REVIEWER = User("陈静", Role.REVIEWER)


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def repo(tmp_path: Path, clock: Clock) -> Repository:
    repository = Repository.open(tmp_path / "outreach.db", clock=clock)
    repository.actor = STAFF
    return repository


@pytest.fixture
def seeded(repo: Repository) -> FollowUps:
    """Made on 10-09 (pump due 10-30, lockers due 11-08) and on 10-29 (heating, no due date)."""
    return seed_follow_ups(
        repo,
        visits_at=START,
        survey_at=START + timedelta(days=20),
        pump_due=date(2026, 10, 30),
        lockers_due=date(2026, 11, 8),
    )


def test_a_commitment_goes_from_open_to_solved_with_every_step_kept(
    repo: Repository, clock: Clock, seeded: FollowUps
) -> None:
    pump = seeded.pump
    assert [(s.status, s.actor) for s in repo.follow_ups.follow_up_steps(pump)] == [(OPEN, "李敏")]

    clock.at = START + timedelta(days=1)
    claimed = repo.follow_ups.claim_follow_up(pump, " 赵志刚 ")
    assert (claimed.status, claimed.claimed_by, claimed.owner) == (
        CLAIMED,
        "赵志刚",
        "安定区水务局",
    )
    assert claimed.claimed_at == START + timedelta(days=1)

    clock.at = START + timedelta(days=5)
    responded = repo.follow_ups.respond_to_follow_up(pump, "已采购新泵，等待安装。")
    assert (responded.status, responded.response) == (RESPONDED, "已采购新泵，等待安装。")
    assert responded.responded_at == clock.at

    clock.at = START + timedelta(days=12)
    solved = repo.follow_ups.solve_follow_up(pump, "新泵已投用，水压恢复。", Satisfaction.SATISFIED)
    assert solved.status is SOLVED
    assert (solved.resolution, solved.satisfaction) == (
        "新泵已投用，水压恢复。",
        Satisfaction.SATISFIED,
    )
    assert solved.solved_at == clock.at
    # The claim and the response stay on the item once it is solved.
    assert (solved.claimed_by, solved.claimed_at) == ("赵志刚", START + timedelta(days=1))

    steps = repo.follow_ups.follow_up_steps(pump)
    assert [(s.status, s.at, s.actor, s.note) for s in steps] == [
        (OPEN, START, "李敏", ""),
        (CLAIMED, START + timedelta(days=1), "李敏", "赵志刚"),
        (RESPONDED, START + timedelta(days=5), "李敏", "已采购新泵，等待安装。"),
        (SOLVED, START + timedelta(days=12), "李敏", "新泵已投用，水压恢复。"),
    ]
    trail = [
        (e.action, e.detail)
        for e in reversed(repo.review.audit_trail(seeded.visits))
        if e.entity == "follow_up" and e.entity_id == pump
    ]
    assert trail == [
        ("create", "更换三组增压泵"),
        ("claim", "赵志刚 (安定区水务局)"),
        ("respond", "已采购新泵，等待安装。"),
        ("solve", "新泵已投用，水压恢复。"),
    ]
    # The minutes of the session show the solved state.
    question = next(
        q
        for q in repo.review.minutes(seeded.visits).questions
        if q.follow_up and q.follow_up.id == pump
    )
    assert question.follow_up is not None and question.follow_up.status is SOLVED


def test_reopening_clears_the_step_times_and_keeps_the_history(
    repo: Repository, clock: Clock, seeded: FollowUps
) -> None:
    lockers = seeded.lockers
    repo.follow_ups.claim_follow_up(lockers, "孙浩", "望京街道办事处")
    clock.at += timedelta(days=3)
    repo.follow_ups.solve_follow_up(lockers, "增设快递柜 4 组。", Satisfaction.UNSATISFIED)
    clock.at += timedelta(days=2)
    repo.actor = REVIEWER
    reopened = repo.follow_ups.reopen_follow_up(lockers, "夜间停车位还没有落实。")
    assert reopened.status is OPEN
    assert (reopened.claimed_at, reopened.responded_at, reopened.solved_at) == (None, None, None)
    assert (reopened.claimed_by, reopened.resolution, reopened.satisfaction) == ("", "", None)
    # The unit taken over at the claim stays.
    assert reopened.owner == "望京街道办事处"
    steps = repo.follow_ups.follow_up_steps(lockers)
    assert [s.status for s in steps] == [OPEN, CLAIMED, SOLVED, OPEN]
    assert (steps[-1].actor, steps[-1].note) == ("陈静", "夜间停车位还没有落实。")
    assert steps[1].note == "孙浩" and steps[2].note == "增设快递柜 4 组。"
    repo.actor = STAFF
    again = repo.follow_ups.claim_follow_up(lockers, "刘洋")
    assert (again.status, again.claimed_by, again.claimed_at) == (CLAIMED, "刘洋", clock.at)


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (lambda r, i: r.follow_ups.respond_to_follow_up(i, "已派人"), "only a claimed follow-up"),
        (lambda r, i: r.follow_ups.solve_follow_up(i, "已修好"), "only a claimed or responded"),
        (lambda r, i: r.follow_ups.reopen_follow_up(i, "再看看"), "already open"),
        (lambda r, i: r.follow_ups.claim_follow_up(i, "  "), "who takes this follow-up"),
    ],
)
def test_a_refused_step_writes_nothing(
    repo: Repository,
    seeded: FollowUps,
    step: Callable[[Repository, int], object],
    message: str,
) -> None:
    before = repo.follow_ups.get_follow_up(seeded.pump)
    audit_rows = len(repo.review.audit_trail())
    with pytest.raises(StoreError, match=message):
        step(repo, seeded.pump)
    assert repo.follow_ups.get_follow_up(seeded.pump) == before
    assert len(repo.follow_ups.follow_up_steps(seeded.pump)) == 1
    assert len(repo.review.audit_trail()) == audit_rows


def test_each_step_needs_what_it_records(repo: Repository, seeded: FollowUps) -> None:
    heating = seeded.heating
    elevator = repo.notes.add_question(seeded.survey, seeded.centre, "电梯？")
    no_unit = repo.notes.set_commitment(elevator.id or 0, "加装电梯", "", None)
    with pytest.raises(StoreError, match="which unit"):
        repo.follow_ups.claim_follow_up(no_unit.id or 0, "杨帆")
    assert (
        repo.follow_ups.claim_follow_up(no_unit.id or 0, "杨帆", "望京街道办事处").owner
        == "望京街道办事处"
    )
    repo.follow_ups.claim_follow_up(heating, "沙马拉则")
    with pytest.raises(StoreError, match="what has been done"):
        repo.follow_ups.respond_to_follow_up(heating, " ")
    with pytest.raises(StoreError, match="describe the outcome"):
        repo.follow_ups.solve_follow_up(heating, "", Satisfaction.SATISFIED)
    with pytest.raises(StoreError, match="why the follow-up is reopened"):
        repo.follow_ups.reopen_follow_up(heating, "")
    with pytest.raises(NotFoundError):
        repo.follow_ups.claim_follow_up(9999, "某人")
    # Two people claiming at once: the second is told it is taken.
    with pytest.raises(StoreError, match="only an open follow-up can be claimed"):
        repo.follow_ups.claim_follow_up(heating, "另一人")
    assert repo.follow_ups.get_follow_up(heating).claimed_by == "沙马拉则"


def test_due_dates_per_step_and_their_order(
    repo: Repository, clock: Clock, seeded: FollowUps
) -> None:
    updated = repo.follow_ups.set_follow_up_due_dates(
        seeded.pump,
        claim_due=date(2026, 10, 12),
        respond_due=date(2026, 10, 20),
        due=date(2026, 11, 1),
    )
    assert (updated.claim_due, updated.respond_due, updated.due) == (
        date(2026, 10, 12),
        date(2026, 10, 20),
        date(2026, 11, 1),
    )
    with pytest.raises(StoreError, match="respond by must not be after the date to solve by"):
        repo.follow_ups.set_follow_up_due_dates(
            seeded.pump, claim_due=None, respond_due=date(2026, 12, 1), due=date(2026, 11, 1)
        )
    assert repo.follow_ups.get_follow_up(seeded.pump).respond_due == date(2026, 10, 20)
    cleared = repo.follow_ups.set_follow_up_due_dates(
        seeded.pump, claim_due=None, respond_due=None, due=None
    )
    assert (cleared.claim_due, cleared.respond_due, cleared.due) == (None, None, None)
    trail = [e for e in repo.review.audit_trail(seeded.visits) if e.action == "due"]
    assert [e.detail for e in trail] == ["— / — / —", "2026-10-12 / 2026-10-20 / 2026-11-01"]


def test_the_board_filters(repo: Repository, clock: Clock, seeded: FollowUps) -> None:
    def ids(**filters: object) -> set[int]:
        found = repo.follow_ups.list_follow_ups(FollowUpFilters(**filters), today=TODAY)  # type: ignore[arg-type]
        return {entry.follow_up.id for entry in found if entry.follow_up.id is not None}

    everything = {seeded.pump, seeded.lockers, seeded.heating}
    assert ids() == everything
    assert ids(site_id=seeded.village) == {seeded.pump, seeded.heating}
    assert ids(kind=SessionKind.INVESTIGATION) == {seeded.heating}
    assert ids(category="基础设施") == {seeded.pump, seeded.lockers}
    assert ids(owner="朝阳区城管委") == {seeded.lockers}
    assert ids(owner="") == set()
    assert ids(period_start=date(2026, 10, 20), period_end=date(2026, 11, 30)) == {seeded.heating}
    assert ids(period_start=date(2026, 10, 9), period_end=date(2026, 10, 9)) == {
        seeded.pump,
        seeded.lockers,
    }
    assert ids(text="增压泵") == {seeded.pump}
    assert ids(text="红旗村 电费") == {seeded.heating}  # every word, site names included
    assert ids(text="水务局 快递柜") == set()

    repo.follow_ups.claim_follow_up(seeded.lockers, "孙浩")
    assert ids(status=CLAIMED) == {seeded.lockers}
    assert ids(status=OPEN) == {seeded.pump, seeded.heating}
    assert ids(text="孙浩") == {seeded.lockers}
    # Overdue: pump's solve date (10-30) and lockers' (11-08) have passed; heating has none.
    assert ids(overdue_only=True) == {seeded.pump, seeded.lockers}
    assert ids(overdue_only=True, site_id=seeded.centre, status=CLAIMED) == {seeded.lockers}
    entry = repo.follow_ups.get_follow_up_entry(seeded.lockers)
    assert (entry.site_name, entry.session_title, entry.category) == (
        "望京街道社区服务中心",
        "来信来访接待连线",
        "基础设施",
    )
    assert entry.session_kind is SessionKind.LETTERS_AND_VISITS
    assert entry.question_text == "增设快递柜？" and entry.answer_text == "会尽快落实。"
    assert repo.follow_ups.follow_up_owner_units() == ["发展改革委", "安定区水务局", "朝阳区城管委"]


def test_overdue_on_the_board_is_the_rule_of_the_core(repo: Repository, clock: Clock) -> None:
    """Every combination of status and step dates: the SQL filter agrees with is_overdue."""
    site = repo.sites.save_site(Site("甲"))
    session_id = repo.sessions.save_session(
        Session("连线", SessionKind.ON_SITE_WORK, "王建国", START, 30, sites=[])
    )
    past, future = TODAY - timedelta(days=2), TODAY + timedelta(days=2)
    number = 0
    for status in FollowUpStatus:
        for claim_due in (None, past, TODAY):
            for respond_due in (None, past, future):
                for due in (None, past, future):
                    number += 1
                    question = repo.notes.add_question(session_id, site, f"问题{number}")
                    follow_up = repo.notes.set_commitment(
                        question.id or 0, f"承诺{number}", "局", None
                    )
                    assert follow_up.id is not None
                    repo.db.execute(
                        "UPDATE follow_ups SET status = ?, claim_due = ?, respond_due = ?,"
                        " due = ? WHERE id = ?",
                        [
                            status.value,
                            *(d.isoformat() if d else None for d in (claim_due, respond_due, due)),
                            follow_up.id,
                        ],
                    )
    everything = repo.follow_ups.list_follow_ups(today=TODAY)
    assert len(everything) == number
    expected = {e.follow_up.id for e in everything if is_overdue(e.follow_up, TODAY)}
    found = {
        e.follow_up.id
        for e in repo.follow_ups.list_follow_ups(FollowUpFilters(overdue_only=True), today=TODAY)
    }
    assert found == expected
    assert 0 < len(found) < number


def test_briefing_lists_every_unsolved_step(repo: Repository, seeded: FollowUps) -> None:
    later = repo.sessions.save_session(
        Session(
            "下次连线",
            SessionKind.POLICY_BRIEFING,
            "王建国",
            START + timedelta(days=40),
            30,
            sites=[SessionSite(seeded.village, 0, 20)],
        )
    )
    repo.follow_ups.claim_follow_up(seeded.pump, "赵志刚")
    repo.follow_ups.respond_to_follow_up(seeded.pump, "已采购")
    briefing = repo.follow_ups.open_follow_ups_for_site(seeded.village, excluding_session=later)
    assert [(f.commitment, f.status, f.claimed_by) for f in briefing] == [
        ("更换三组增压泵", RESPONDED, "赵志刚"),
        ("研究取暖电费补贴", OPEN, ""),
    ]
    repo.follow_ups.solve_follow_up(seeded.pump, "已投用")
    assert [f.commitment for f in repo.follow_ups.open_follow_ups_for_site(seeded.village)] == [
        "研究取暖电费补贴"
    ]


def test_removing_a_commitment_removes_its_history(repo: Repository, seeded: FollowUps) -> None:
    repo.follow_ups.claim_follow_up(seeded.pump, "赵志刚")
    question_id = repo.follow_ups.get_follow_up(seeded.pump).question_id
    assert question_id is not None
    repo.notes.remove_commitment(question_id)
    rows = repo.db.execute(
        "SELECT count(*) FROM follow_up_steps WHERE follow_up_id = ?", [seeded.pump]
    ).fetchone()[0]
    assert rows == 0


def test_an_item_written_without_history_shows_when_it_was_opened(
    repo: Repository, seeded: FollowUps
) -> None:
    # An import that writes the follow-up row alone.
    repo.db.execute("DELETE FROM follow_up_steps WHERE follow_up_id = ?", [seeded.heating])
    steps = repo.follow_ups.follow_up_steps(seeded.heating)
    assert [(s.status, s.at, s.id) for s in steps] == [(OPEN, START + timedelta(days=20), None)]


def test_an_empty_database_has_an_empty_board(repo: Repository) -> None:
    assert repo.follow_ups.list_follow_ups(today=TODAY) == []
    assert (
        repo.follow_ups.list_follow_ups(FollowUpFilters(overdue_only=True, text="水"), today=TODAY)
        == []
    )
    assert repo.follow_ups.follow_up_owner_units() == []
    with pytest.raises(NotFoundError):
        repo.follow_ups.get_follow_up_entry(1)


def test_the_demo_has_realistic_histories(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "demo.db")
    build_demo(repo, TODAY)
    # The commitments made in the demo's sessions (imported demands come on top of them).
    entries = [
        e
        for e in repo.follow_ups.list_follow_ups(today=TODAY)
        if e.follow_up.session_id is not None
    ]
    assert len(entries) == 11
    statuses = {e.follow_up.status for e in entries}
    assert statuses == {OPEN, CLAIMED, RESPONDED, SOLVED}
    claimed = [e.follow_up for e in entries if e.follow_up.status is not OPEN]
    assert all(f.claimed_by and f.owner and f.claimed_at for f in claimed)
    solved = [e.follow_up for e in entries if e.follow_up.status is SOLVED]
    assert {f.satisfaction for f in solved} >= {
        Satisfaction.SATISFIED,
        Satisfaction.BASICALLY_SATISFIED,
    }
    late = [e.follow_up for e in entries if is_overdue(e.follow_up, TODAY)]
    assert {f.status for f in late} == {OPEN, CLAIMED, RESPONDED}
    on_time = [e.follow_up for e in entries if e.follow_up.status is not SOLVED]
    assert any(not is_overdue(f, TODAY) for f in on_time)
    assert all(f.claim_due and f.respond_due for f in (e.follow_up for e in entries))
    reopened = [
        e
        for e in entries
        if OPEN in [s.status for s in repo.follow_ups.follow_up_steps(e.follow_up.id or 0)[1:]]
    ]
    assert len(reopened) == 1
    history = repo.follow_ups.follow_up_steps(reopened[0].follow_up.id or 0)
    assert [s.status for s in history] == [
        OPEN,
        CLAIMED,
        RESPONDED,
        SOLVED,
        OPEN,
        CLAIMED,
        RESPONDED,
    ]
    assert history[4].actor == "陈静" and history[4].note
    assert all(a.at <= b.at for a, b in itertools.pairwise(history))
    assert all(
        s.at.date() <= TODAY
        for e in entries
        for s in repo.follow_ups.follow_up_steps(e.follow_up.id or 0)
    )
    assert repo.integrity_check() == "ok"


def old_database(path: Path) -> None:
    """A database as the app left it before migration 0005, with follow-ups at every status."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    db = Database(conn)
    register_functions(db)
    migrations.apply(db, stop_before="0005_follow_up_workflow")
    db.execute(
        "INSERT INTO sites (id, name, created_at, updated_at)"
        " VALUES (1, '红旗村村委会', '2026-01-01 08:00:00', '2026-01-01 08:00:00')"
    )
    db.execute(
        "INSERT INTO sessions (id, title, kind, start, duration_minutes, created_at, updated_at)"
        " VALUES (1, '连线', 'investigation', '2026-03-01 09:00:00', 60,"
        " '2026-02-20 08:00:00', '2026-02-20 08:00:00')"
    )
    rows = [
        (1, "open", "", "2026-03-01 09:10:00", "2026-03-01 09:10:00"),
        (2, "claimed", "", "2026-03-01 09:20:00", "2026-03-05 10:00:00"),
        (3, "responded", "", "2026-03-01 09:30:00", "2026-03-08 11:00:00"),
        (4, "solved", "已修好", "2026-03-01 09:40:00", "2026-03-20 15:00:00"),
    ]
    for follow_up_id, status, resolution, created, updated in rows:
        db.execute(
            "INSERT INTO questions (id, session_id, site_id, text, category, created_at,"
            " updated_at) VALUES (?, 1, 1, ?, '基础设施', ?, ?)",
            [follow_up_id, f"问题{follow_up_id}", created, created],
        )
        db.execute(
            "INSERT INTO follow_ups (id, question_id, session_id, site_id, commitment, owner,"
            " due, status, resolution, created_at, updated_at)"
            " VALUES (?, ?, 1, 1, ?, '水务局', '2026-03-31', ?, ?, ?, ?)",
            [
                follow_up_id,
                follow_up_id,
                f"承诺{follow_up_id}",
                status,
                resolution,
                created,
                updated,
            ],
        )
        db.execute(
            "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, session_id,"
            " detail) VALUES (?, '王建国', 'official', 'create', 'follow_up', ?, 1, '')",
            [created, follow_up_id],
        )
        if status != "open":
            db.execute(
                "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, session_id,"
                " detail) VALUES (?, '李敏', 'staff', 'status', 'follow_up', ?, 1, ?)",
                [updated, follow_up_id, status],
            )
    conn.close()


def test_migration_0005_backfills_the_history_of_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_database(path)
    repo = Repository.open(path)
    applied = [r[0] for r in repo.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert "0005_follow_up_workflow" in applied

    def history(follow_up_id: int) -> list[tuple[FollowUpStatus, str, str, str]]:
        return [
            (s.status, s.at.isoformat(sep=" "), s.actor, s.note)
            for s in repo.follow_ups.follow_up_steps(follow_up_id)
        ]

    assert history(1) == [(OPEN, "2026-03-01 09:10:00", "王建国", "")]
    assert history(2) == [
        (OPEN, "2026-03-01 09:20:00", "王建国", ""),
        (CLAIMED, "2026-03-05 10:00:00", "李敏", ""),
    ]
    assert history(4)[-1] == (SOLVED, "2026-03-20 15:00:00", "李敏", "已修好")
    stamps = {
        f.id: (f.claimed_at, f.responded_at, f.solved_at)
        for f in (repo.follow_ups.get_follow_up(i) for i in (1, 2, 3, 4))
    }
    assert stamps == {
        1: (None, None, None),
        2: (datetime(2026, 3, 5, 10), None, None),
        3: (datetime(2026, 3, 8, 11), datetime(2026, 3, 8, 11), None),
        4: (datetime(2026, 3, 20, 15), None, datetime(2026, 3, 20, 15)),
    }
    old = repo.follow_ups.get_follow_up(2)
    assert (old.claimed_by, old.response, old.satisfaction, old.claim_due) == ("", "", None, None)
    # Migrated items carry on through the workflow, and search still finds them.
    repo.actor = STAFF
    repo.follow_ups.respond_to_follow_up(2, "已派人查看")
    assert [s.status for s in repo.follow_ups.follow_up_steps(2)] == [OPEN, CLAIMED, RESPONDED]
    repo.follow_ups.claim_follow_up(1, "赵志刚")
    assert [hit.ref_id for hit in repo.search.search("承诺1") if hit.doc_kind == "follow_up"] == [1]
    assert repo.integrity_check() == "ok"
    repo.close()
    # Opening it again applies nothing twice.
    again = Repository.open(path)
    assert len(again.follow_ups.follow_up_steps(4)) == 2
    again.close()
