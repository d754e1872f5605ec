"""Closing a month: its figures are kept as published, a late import shows as a dated revision
beside them, and reopening needs a reason; all of it in the audit trail."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.core.model import Role, Site, User
from outreach_app.core.statistics import Month, Period
from outreach_app.storage.repository import Repository, StoreError
from outreach_app.storage.schema import migrations, register_functions
from tests.statistics_data import Clock, _demand

AUGUST = Month(2026, 8)
REVIEWER = User("陈静", Role.REVIEWER)
STAFF = User("李敏", Role.STAFF)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Repository, Clock, int]:
    clock = Clock(datetime(2026, 8, 1, 9))
    repo = Repository.open(tmp_path / "outreach.db", clock=clock)
    repo.actor = STAFF
    site = repo.sites.save_site(Site("红旗村村委会", region="安定区"))
    item = _demand(repo, clock, site, "Ask Politics", "2026-08-03", "路灯不亮")
    clock.set("2026-08-05")
    repo.follow_ups.claim_follow_up(item, "张三", owner="安定区住建局")
    clock.set("2026-08-06")
    repo.follow_ups.solve_follow_up(item, "换了灯泡")
    return repo, clock, site


def test_a_closed_month_keeps_its_figures_and_shows_a_late_import_as_a_revision(
    setup: tuple[Repository, Clock, int],
) -> None:
    repo, clock, site = setup
    clock.set("2026-09-01", 10)
    repo.actor = REVIEWER
    publication = repo.statistics.close_month(AUGUST)
    assert (publication.closed_by, publication.closed_at) == ("陈静", datetime(2026, 9, 1, 10))
    assert publication.figures.totals.received == 1
    report = repo.statistics.statistics_report(Period.month(AUGUST))
    assert report.publication == publication and report.revision is None
    published = report.current

    # A late import brings a demand the board received in August, claimed in August too.
    repo.actor = STAFF
    late = _demand(repo, clock, site, "People's Voices", "2026-08-20", "垃圾清运不及时")
    clock.set("2026-09-14", 11)
    repo.follow_ups.claim_follow_up(late, "王五", owner="环卫所")  # in September: not August's
    report = repo.statistics.statistics_report(Period.month(AUGUST))
    assert report.current == published  # the published figures never move
    revision = report.revision
    assert revision is not None
    assert revision.as_of == datetime(2026, 11, 20, 9)  # when the import was recorded
    changes = {(c.scope, c.measure): (c.published, c.now) for c in revision.changes}
    assert changes[("month", "received")] == (1, 2)
    assert changes[("month", "claim_rate")] == (100.00, 50.00)
    assert changes[("cumulative", "received")] == (1, 2)
    assert ("month", "claimed") not in changes
    assert revision.breakdowns_differ
    # A later month's report shows August as published, in its trend and as its previous month.
    september = repo.statistics.statistics_report(Period.month(Month(2026, 9)))
    assert september.previous == published
    assert {str(p.month): p.counts for p in september.trend}["2026-08"] == published.totals
    data = report.as_dict()
    assert data["status"]["closed"] and data["status"]["closed_by"] == "陈静"
    assert data["revision"]["as_of"] == "2026-11-20 09:00:00"


def test_closing_and_reopening_follow_the_rules_and_are_audited(
    setup: tuple[Repository, Clock, int],
) -> None:
    repo, clock, site = setup
    repo.actor = REVIEWER
    clock.set("2026-08-31", 23)
    with pytest.raises(StoreError, match="only a month that has ended"):
        repo.statistics.close_month(AUGUST)
    clock.set("2026-09-01")
    with pytest.raises(StoreError, match="is not closed"):
        repo.statistics.reopen_month(AUGUST, "为什么")
    repo.statistics.close_month(AUGUST)
    assert repo.statistics.closed_months() == [AUGUST]
    with pytest.raises(StoreError, match="closed already"):
        repo.statistics.close_month(AUGUST)
    with pytest.raises(StoreError, match="say why"):
        repo.statistics.reopen_month(AUGUST, "  ")

    _demand(repo, clock, site, "People's Voices", "2026-08-20", "垃圾清运不及时")
    clock.set("2026-09-15")
    reopened = repo.statistics.reopen_month(AUGUST, "留言板补报了8月的留言")
    assert (reopened.reopened_by, reopened.reopen_reason) == ("陈静", "留言板补报了8月的留言")
    assert repo.statistics.closed_months() == []
    report = repo.statistics.statistics_report(Period.month(AUGUST))
    assert report.publication is None and report.revision is None
    assert report.current.totals.received == 2  # counted now, no longer the published figure
    clock.set("2026-09-16")
    again = repo.statistics.close_month(AUGUST)
    assert again.figures.totals.received == 2
    history = repo.statistics.month_publications(AUGUST)
    assert [p.in_force for p in history] == [False, True]
    assert history[0].figures.totals.received == 1  # the first publication stays on record
    trail = [(e.action, e.detail) for e in repo.review.audit_trail() if e.entity == "month"]
    assert trail == [
        ("close", "2026-08: received 2, responded or solved 1, solved 1"),
        ("reopen", "2026-08: 留言板补报了8月的留言"),
        ("close", "2026-08: received 1, responded or solved 1, solved 1"),
    ]


def test_migrations_bring_an_older_database_to_history_and_closed_months(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    conn = sqlite3.connect(str(path), isolation_level=None)
    old = Database(conn)
    register_functions(old)
    migrations.apply(old, stop_before="0009_step_history")
    old.execute(
        "INSERT INTO sites (name, created_at, updated_at) VALUES ('红旗村', '2026', '2026')"
    )
    old.execute(
        "INSERT INTO follow_ups (site_id, commitment, owner, due, status, created_at, updated_at,"
        " claimed_by, claimed_at, solved_at) VALUES (1, '修路灯', '住建局', '2026-08-10', 'solved',"
        " '2026-08-01 09:00:00', '2026-08-12 09:00:00', '张三', '2026-08-02 09:00:00',"
        " '2026-08-12 09:00:00')"
    )
    for status, at in (("open", "2026-08-01"), ("claimed", "2026-08-02"), ("solved", "2026-08-12")):
        old.execute(
            "INSERT INTO follow_up_steps (follow_up_id, status, at, actor, note)"
            " VALUES (1, ?, ?, '李敏', '')",
            (status, f"{at} 09:00:00"),
        )
    old.execute(
        "INSERT INTO demands (follow_up_id, channel, received_on, source, line, fingerprint,"
        " imported_at) VALUES (1, '问政', '2026-08-01', 'board.csv', 2, 'f1', '2026-08-01')"
    )
    conn.close()

    repo = Repository.open(path)
    steps = repo.db.execute(
        "SELECT status, recorded_at, due FROM follow_up_steps ORDER BY id"
    ).fetchall()
    assert steps == [
        ("open", "2026-08-01 09:00:00", None),
        ("claimed", "2026-08-02 09:00:00", None),
        ("solved", "2026-08-12 09:00:00", "2026-08-10"),
    ]
    demand = repo.db.execute("SELECT board_id, board_status FROM demands").fetchone()
    assert demand == (None, "")
    totals = repo.statistics.statistics_figures(Period.month(AUGUST)).totals
    # Solved on the 12th, due on the 10th: late, by the due date the step now keeps.
    assert (totals.received, totals.claimed, totals.solved, totals.on_time_rate) == (1, 1, 1, 0.0)
    repo.clock = lambda: datetime(2026, 9, 1)
    repo.actor = REVIEWER
    repo.statistics.close_month(AUGUST)
    uid = repo.db.execute("SELECT uid FROM closed_months").fetchone()[0]
    assert isinstance(uid, str) and len(uid) == 32
