"""Sessions: their sites in speaking order, presence, status and agenda."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.core.call_engines import EngineChoice
from outreach_app.core.model import (
    AgendaItemKind,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
)
from outreach_app.core.scheduling import ConflictKind
from outreach_app.storage.repository import NotFoundError, Repository, StoreError
from outreach_app.storage.schema import migrate, migrations, register_functions
from tests.storage.shared import START, add_session


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


def test_a_session_keeps_what_carries_its_call(repo: Repository) -> None:
    a = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [a])
    assert repo.sessions.get_session(session_id).call_engine is EngineChoice.AUTO
    session = repo.sessions.get_session(session_id)
    session.call_engine = EngineChoice.JANUS
    repo.sessions.save_session(session)
    assert repo.sessions.get_session(session_id).call_engine is EngineChoice.JANUS
    # A value a newer version wrote reads as automatic rather than failing.
    repo.db.execute("UPDATE sessions SET call_engine = 'mesh' WHERE id = ?", (session_id,))
    assert repo.sessions.get_session(session_id).call_engine is EngineChoice.AUTO


def test_sessions_stored_before_the_engine_choice_run_automatically(tmp_path: Path) -> None:
    old = Database(tmp_path / "old.db")
    register_functions(old)
    migrations.apply(old, stop_before="0012_session_call_engine")
    old.execute(
        "INSERT INTO sessions (title, kind, official, start, duration_minutes, status, notes,"
        " created_at, updated_at) VALUES ('旧', 'policy_briefing', '王', '2026-01-05 09:00:00',"
        " 60, 'scheduled', '', '2026-01-01', '2026-01-01')"
    )
    migrate(old)
    row = next(old.query("SELECT call_engine FROM sessions"))
    assert row["call_engine"] == "auto"
