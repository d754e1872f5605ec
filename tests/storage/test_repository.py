from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from outreach_app.core.model import (
    AgendaItemKind,
    Contact,
    FollowUpStatus,
    ReviewState,
    Role,
    SearchFilters,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.core.scheduling import ConflictKind
from outreach_app.storage.demo import DEMO_MARKER, DemoRefusedError, ensure_demo_database
from outreach_app.storage.repository import (
    NotFoundError,
    Repository,
    SiteInUseError,
    StoreError,
)
from outreach_app.storage.schema import migrations
from outreach_app.storage.worker import StoreWorker, WorkerClosedError

START = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "outreach.db")
    repository.actor = User("李敏", Role.STAFF)
    return repository


def add_session(
    repo: Repository,
    site_ids: list[int],
    *,
    start: datetime = START,
    official: str = "王建国",
    minutes: int = 60,
) -> int:
    return repo.sessions.save_session(
        Session(
            "连线",
            SessionKind.POLICY_BRIEFING,
            official,
            start,
            minutes,
            sites=[SessionSite(s, i, 20) for i, s in enumerate(site_ids)],
        )
    )


def test_file_database_uses_wal_foreign_keys_and_records_migrations(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "a.db")
    assert repo.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert repo.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = [r[0] for r in repo.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    # Later migrations may follow; these come first, in this order, and none is left pending.
    assert applied[:5] == [
        "0001_initial",
        "0002_session_times",
        "0003_search_filter_indexes",
        "0004_site_checks_and_recordings",
        "0005_follow_up_workflow",
    ]
    assert migrations.pending(repo.db) == []
    repo.close()
    # Opening again applies nothing twice.
    again = Repository.open(tmp_path / "a.db")
    count = again.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert count == len(applied)
    assert again.meta.list_categories()  # default categories seeded once


def test_database_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    Repository.open(tmp_path / "private.db").close()
    mode = stat.S_IMODE((tmp_path / "private.db").stat().st_mode)
    assert mode == 0o600


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("just some text, not SQLite" * 100)
    with pytest.raises(StoreError, match="not a usable Outreach database"):
        Repository.open(bogus)


def test_sites_round_trip_with_contacts_and_tags(repo: Repository) -> None:
    site_id = repo.sites.save_site(
        Site(
            "红旗村村委会",
            region="甘肃",
            contacts=[Contact("张德明", "13909321234", "书记")],
            tags=["乡村振兴"],
        )
    )
    site = repo.sites.get_site(site_id)
    assert site.contacts == [Contact("张德明", "13909321234", "书记")]
    assert site.tags == ["乡村振兴"]
    site.address = "凤翔镇"
    repo.sites.save_site(site)
    assert repo.sites.get_site(site_id).address == "凤翔镇"


def test_site_names_are_unique_ignoring_case(repo: Repository) -> None:
    repo.sites.save_site(Site("Gas Field"))
    with pytest.raises(StoreError, match="already exists"):
        repo.sites.save_site(Site("gas field"))
    with pytest.raises(StoreError, match="needs a name"):
        repo.sites.save_site(Site("   "))


def test_referenced_site_cannot_be_deleted_only_archived(repo: Repository) -> None:
    used = repo.sites.save_site(Site("用过的站点"))
    unused = repo.sites.save_site(Site("没用过的站点"))
    add_session(repo, [used])
    with pytest.raises(SiteInUseError):
        repo.sites.delete_site(used)
    repo.sites.set_site_archived(used, True)
    assert [s.name for s in repo.sites.list_sites()] == ["没用过的站点"]
    assert {s.name for s in repo.sites.list_sites(include_archived=True)} == {
        "用过的站点",
        "没用过的站点",
    }
    repo.sites.delete_site(unused)
    with pytest.raises(NotFoundError):
        repo.sites.get_site(unused)


def test_import_is_all_or_nothing(repo: Repository) -> None:
    repo.sites.save_site(Site("已存在"))
    with pytest.raises(StoreError):
        repo.sites.import_sites([Site("新站点一"), Site("已存在"), Site("新站点二")])
    assert [s.name for s in repo.sites.list_sites()] == ["已存在"]
    repo.sites.import_sites([Site("新站点一"), Site("新站点二")])
    assert len(repo.sites.list_sites()) == 3


def test_session_sites_keep_order_time_boxes_and_join_times_across_edits(repo: Repository) -> None:
    a, b, c = (repo.sites.save_site(Site(n)) for n in ("甲", "乙", "丙"))
    session_id = add_session(repo, [a, b])
    repo.db.execute(
        "UPDATE session_sites SET joined_at = '2026-11-23 09:01:00' WHERE site_id = ?", (a,)
    )
    session = repo.sessions.get_session(session_id)
    session.sites = [SessionSite(c, 0, 15), SessionSite(a, 1, 25)]
    repo.sessions.save_session(session)
    reloaded = repo.sessions.get_session(session_id)
    assert [(s.site_name, s.position, s.time_box_minutes) for s in reloaded.sites] == [
        ("丙", 0, 15),
        ("甲", 1, 25),
    ]
    assert reloaded.sites[1].joined_at == datetime(2026, 11, 23, 9, 1)


def test_join_and_leave_times_keep_the_first_join_and_the_last_leave(repo: Repository) -> None:
    a, b = (repo.sites.save_site(Site(n)) for n in ("甲", "乙"))
    session_id = add_session(repo, [a, b])
    now = [START]
    repo.clock = lambda: now[0]
    repo.sessions.record_site_joined(session_id, a)
    now[0] = START + timedelta(minutes=5)
    repo.sessions.record_site_left(session_id, a)
    # Never joined: leaving (the call ended) leaves no trace.
    repo.sessions.record_site_left(session_id, b)
    slots = {s.site_id: s for s in repo.sessions.get_session(session_id).sites}
    assert (slots[a].joined_at, slots[a].left_at) == (START, START + timedelta(minutes=5))
    assert (slots[b].joined_at, slots[b].left_at) == (None, None)

    now[0] = START + timedelta(minutes=7)
    repo.sessions.record_site_joined(session_id, a)
    assert repo.sessions.get_session(session_id).sites[0].left_at is None
    now[0] = START + timedelta(minutes=30)
    repo.sessions.record_site_left(session_id, a)
    slot = repo.sessions.get_session(session_id).sites[0]
    assert (slot.joined_at, slot.left_at) == (START, START + timedelta(minutes=30))
    with pytest.raises(NotFoundError):
        repo.sessions.record_site_joined(session_id, repo.sites.save_site(Site("丙")))


def test_invalid_sessions_are_refused(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    with pytest.raises(StoreError, match="title"):
        repo.sessions.save_session(Session(" ", SessionKind.INVESTIGATION, "", START, 30))
    with pytest.raises(StoreError, match="one minute"):
        repo.sessions.save_session(Session("t", SessionKind.INVESTIGATION, "", START, 0))
    with pytest.raises(StoreError, match="time box"):
        repo.sessions.save_session(
            Session("t", SessionKind.INVESTIGATION, "", START, 30, sites=[SessionSite(site, 0, 0)])
        )


def test_conflicts_come_from_sessions_on_record(repo: Repository) -> None:
    a, b = repo.sites.save_site(Site("甲")), repo.sites.save_site(Site("乙"))
    add_session(repo, [a], start=START)
    clash = Session(
        "另一场",
        SessionKind.INVESTIGATION,
        "王建国",
        START + timedelta(minutes=30),
        30,
        sites=[SessionSite(a, 0, 20), SessionSite(b, 1, 20)],
    )
    kinds = {c.kind for c in repo.sessions.conflicts_for(clash)}
    assert kinds == {
        ConflictKind.OFFICIAL_DOUBLE_BOOKED,
        ConflictKind.SITE_DOUBLE_BOOKED,
        ConflictKind.TIME_BOXES_EXCEED_DURATION,
    }
    later = Session(
        "下午",
        SessionKind.INVESTIGATION,
        "王建国",
        START + timedelta(hours=1),
        60,
        sites=[SessionSite(a, 0, 20)],
    )
    assert repo.sessions.conflicts_for(later) == []


def test_status_changes_record_when_the_session_went_live_and_ended(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    now = [START]
    repo.clock = lambda: now[0]
    repo.sessions.set_session_status(session_id, SessionStatus.LIVE)
    now[0] = START + timedelta(minutes=5)
    repo.sessions.set_session_status(
        session_id, SessionStatus.LIVE
    )  # a second start keeps the first
    now[0] = START + timedelta(minutes=50)
    repo.sessions.set_session_status(session_id, SessionStatus.ENDED)
    session = repo.sessions.get_session(session_id)
    assert session.started_at == START
    assert session.ended_at == START + timedelta(minutes=50)
    assert session.seconds_into(START + timedelta(minutes=2)) == 120
    still_live = add_session(repo, [site])
    repo.sessions.set_session_status(still_live, SessionStatus.LIVE)
    assert repo.sessions.ended_session_ids() == {session_id}


def test_agenda_reorder_must_name_every_item_once(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    first = repo.sessions.add_agenda_item(session_id, site, AgendaItemKind.TOPIC, "保供")
    second = repo.sessions.add_agenda_item(session_id, site, AgendaItemKind.QUESTION, "能休息吗？")
    assert first.id is not None and second.id is not None
    repo.sessions.reorder_agenda(session_id, site, [second.id, first.id])
    assert [i.text for i in repo.sessions.list_agenda(session_id, site)] == ["能休息吗？", "保供"]
    with pytest.raises(StoreError):
        repo.sessions.reorder_agenda(session_id, site, [second.id])
    with pytest.raises(StoreError):
        repo.sessions.add_agenda_item(session_id, site, AgendaItemKind.TOPIC, "  ")


def test_answers_commitments_and_briefing_follow_ups(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    earlier = add_session(repo, [site], start=START - timedelta(days=30))
    q = repo.notes.add_question(earlier, site, "水压问题？", category="基础设施")
    assert q.id is not None
    repo.notes.save_answer(q.id, "早晚供不上", "张德明")
    repo.notes.save_answer(q.id, "早晚高峰供不上", "张德明")
    follow_up = repo.notes.set_commitment(q.id, "更换增压泵", "水务局", date(2026, 12, 1))
    assert follow_up.status is FollowUpStatus.OPEN
    stored = repo.notes.get_question(q.id)
    assert stored.answer is not None and stored.answer.text == "早晚高峰供不上"
    assert stored.follow_up is not None and stored.follow_up.owner == "水务局"

    later = add_session(repo, [site], start=START + timedelta(days=1))
    assert [
        f.commitment
        for f in repo.follow_ups.open_follow_ups_for_site(site, excluding_session=later)
    ] == ["更换增压泵"]
    assert follow_up.id is not None
    repo.follow_ups.claim_follow_up(follow_up.id, "赵志刚")
    repo.follow_ups.solve_follow_up(follow_up.id, "已更换")
    assert repo.follow_ups.open_follow_ups_for_site(site, excluding_session=later) == []
    with pytest.raises(StoreError, match="committed"):
        repo.notes.set_commitment(q.id, " ", "x", None)


def test_review_send_back_needs_a_comment_and_latest_state_wins(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    repo.actor = User("陈静", Role.REVIEWER)
    with pytest.raises(StoreError, match="what must change"):
        repo.review.set_review(session_id, ReviewState.RETURNED, "  ")
    repo.review.set_review(session_id, ReviewState.RETURNED, "补充发言人职务")
    repo.review.set_review(session_id, ReviewState.APPROVED)
    assert repo.review.minutes(session_id).review_state is ReviewState.APPROVED
    summaries = repo.review.list_review_sessions(SearchFilters(status="minutes_approved"))
    assert [s.session.id for s in summaries] == [session_id]
    assert repo.review.list_review_sessions(SearchFilters(status="minutes_returned")) == []
    trail = repo.review.audit_trail(session_id)
    assert trail[0].actor == "陈静" and trail[0].action == "review"
    assert trail[0].detail == "approved"


def test_review_list_filters_by_note_site_category_and_period(repo: Repository) -> None:
    a, b = repo.sites.save_site(Site("甲")), repo.sites.save_site(Site("乙"))
    old = add_session(repo, [a], start=datetime(2026, 1, 10, 9))
    new = add_session(repo, [a, b], start=datetime(2026, 11, 10, 9))
    repo.notes.add_question(new, b, "问题", category="教育")
    repo.notes.add_question(old, a, "问题", category="医疗卫生")
    ids = lambda f: [s.session.id for s in repo.review.list_review_sessions(f)]  # noqa: E731
    assert ids(SearchFilters(site_id=b)) == [new]
    assert ids(SearchFilters(category="医疗卫生")) == [old]
    assert ids(SearchFilters(period_start=date(2026, 11, 1), period_end=date(2026, 11, 30))) == [
        new
    ]
    assert ids(SearchFilters(kind=SessionKind.ON_SITE_WORK)) == []
    assert ids(SearchFilters()) == [new, old]


def test_audit_coalesces_typing_into_one_entry_per_record(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    q = repo.notes.add_question(session_id, site, "问题")
    assert q.id is not None
    for length in range(1, 30):
        repo.notes.save_answer(q.id, "字" * length, "")
    edits = [e for e in repo.review.audit_trail(session_id) if e.entity == "answer"]
    assert len(edits) == 1
    repo.actor = User("另一人", Role.OFFICIAL)
    repo.notes.save_answer(q.id, "别人改的", "")
    edits = [e for e in repo.review.audit_trail(session_id) if e.entity == "answer"]
    assert [e.actor for e in edits] == ["另一人", "李敏"]


def test_worker_runs_operations_in_order_on_its_own_thread(tmp_path: Path) -> None:
    worker = StoreWorker.open_path(tmp_path / "w.db", User("李敏", Role.STAFF))
    threads: list[str] = []

    def record(repo: Repository) -> int:
        threads.append(threading.current_thread().name)
        return repo.sites.save_site(Site(f"站点{len(threads)}"))

    futures = [worker.submit(record) for _ in range(20)]
    assert [f.result(5) for f in futures] == list(range(1, 21))
    assert set(threads) == {"outreach-store"}
    with pytest.raises(NotFoundError):
        worker.call(lambda r: r.sites.get_site(999))
    worker.close()
    with pytest.raises(WorkerClosedError):
        worker.submit(lambda r: r.sites.list_sites())


def test_worker_close_drains_queued_writes(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    worker = StoreWorker.open_path(path)
    for index in range(50):
        worker.submit(lambda r, i=index: r.sites.save_site(Site(f"站点{i}")))
    worker.close()
    assert len(Repository.open(path).sites.list_sites()) == 50


def test_worker_reports_an_unopenable_database_at_once(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(StoreError):
        StoreWorker.open_path(bogus)


def test_demo_is_built_once_a_day_and_never_over_real_data(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    today = date(2026, 11, 23)
    assert ensure_demo_database(demo, today) is True
    assert ensure_demo_database(demo, today) is False
    repo = Repository.open(demo)
    assert repo.meta.get_meta(DEMO_MARKER) == "2026-11-23"
    assert len(repo.sites.list_sites()) == 6
    summaries = repo.review.list_review_sessions()
    assert any(s.session.start.date() == today for s in summaries)
    assert {s.review_state for s in summaries} >= {
        ReviewState.APPROVED,
        ReviewState.RETURNED,
        ReviewState.PENDING,
    }
    assert repo.search.search("休息") and repo.search.search("English")
    assert repo.integrity_check() == "ok"
    repo.close()
    assert ensure_demo_database(demo, today + timedelta(days=1)) is True

    real = tmp_path / "real.db"
    Repository.open(real).sites.save_site(Site("真实站点"))
    with pytest.raises(DemoRefusedError, match="real data"):
        ensure_demo_database(real, today)
    assert [s.name for s in Repository.open(real).sites.list_sites()] == ["真实站点"]


def test_foreign_keys_reject_a_question_for_a_missing_site(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    with pytest.raises(sqlite3.IntegrityError):
        repo.notes.add_question(session_id, 999, "问题")
