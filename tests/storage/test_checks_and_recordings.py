"""Pre-call checks and recordings in a real SQLite file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.core.model import (
    MAX_NOTICE_CHARS,
    CheckResult,
    Role,
    Session,
    SessionKind,
    SessionSite,
    Site,
    SiteCheck,
    User,
)
from outreach_app.storage.repository import NotFoundError, Repository
from outreach_app.storage.schema import migrate, migrations, register_functions

NOW = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "outreach.db", clock=lambda: NOW)
    repository.actor = User("李敏", Role.STAFF)
    return repository


def session_with_sites(repo: Repository) -> tuple[int, list[int]]:
    sites = [repo.sites.save_site(Site(name)) for name in ("红旗村", "克拉2气田")]
    session_id = repo.sessions.save_session(
        Session(
            "冬季保供",
            SessionKind.ON_SITE_WORK,
            "王建国",
            NOW + timedelta(days=1),
            60,
            sites=[SessionSite(site, i, 20) for i, site in enumerate(sites)],
        )
    )
    return session_id, sites


def check(session_id: int, site_id: int, **parts: CheckResult) -> SiteCheck:
    return SiteCheck(
        session_id,
        site_id,
        NOW,
        camera=parts.get("camera", CheckResult.OK),
        microphone=parts.get("microphone", CheckResult.OK),
        connection=parts.get("connection", CheckResult.OK),
        round_trip_ms=3.5,
    )


def test_the_latest_check_of_each_site_is_kept(repo: Repository) -> None:
    session_id, (village, gas_field) = session_with_sites(repo)
    repo.calls.record_site_check(check(session_id, village, camera=CheckResult.DENIED))
    repo.calls.record_site_check(check(session_id, village))
    repo.calls.record_site_check(check(session_id, gas_field, microphone=CheckResult.MISSING))
    checks = repo.calls.site_checks(session_id)
    assert checks[village].passed and checks[village].round_trip_ms == 3.5
    assert not checks[gas_field].passed
    assert checks[gas_field].microphone is CheckResult.MISSING
    trail = repo.review.audit_trail(session_id)
    details = sorted(entry.detail for entry in trail if entry.action == "check")
    assert details == ["failed", "failed", "passed"]


def test_a_check_for_a_site_not_in_the_session_is_refused(repo: Repository) -> None:
    session_id, _ = session_with_sites(repo)
    stranger = repo.sites.save_site(Site("望京街道"))
    with pytest.raises(NotFoundError):
        repo.calls.record_site_check(check(session_id, stranger))
    assert repo.calls.site_checks(session_id) == {}


def test_recordings_have_a_start_and_an_end(repo: Repository) -> None:
    session_id, _ = session_with_sites(repo)
    recording = repo.calls.start_recording(session_id, "/recordings/session.mp4")
    assert recording.id is not None and recording.started_at == NOW
    assert repo.calls.recordings(session_id)[0].ended_at is None
    repo.calls.finish_recording(recording.id)
    (stored,) = repo.calls.recordings(session_id)
    assert stored.path == "/recordings/session.mp4" and stored.ended_at == NOW


def test_notices_to_sites_are_kept_with_the_session(repo: Repository) -> None:
    session_id, (village, _) = session_with_sites(repo)
    repo.actor = User("王建国", Role.OFFICIAL)
    to_all = repo.calls.record_notice(session_id, None, "  Please prepare\nthe figures  ")
    to_village = repo.calls.record_notice(session_id, village, "供暖的数字请准备好" * 30)
    assert to_all.text == "Please prepare the figures" and to_all.site_id is None
    assert len(to_village.text) == MAX_NOTICE_CHARS
    assert repo.calls.notices(session_id) == [to_all, to_village]
    assert to_all.sent_at == NOW and to_all.sent_by == "王建国"
    with pytest.raises(ValueError):
        repo.calls.record_notice(session_id, None, " \n ")
    other_site = repo.sites.save_site(Site("不在这次连线"))
    with pytest.raises(NotFoundError):
        repo.calls.record_notice(session_id, other_site, "Hello")
    assert len(repo.calls.notices(session_id)) == 2


def test_a_record_from_before_notices_gets_their_table(tmp_path: Path) -> None:
    old = Database(tmp_path / "old.db")
    register_functions(old)
    migrations.apply(old, stop_before="0013_site_notices")
    assert "site_notices" not in old.table_names()
    old.execute(
        "INSERT INTO sessions (title, kind, official, start, duration_minutes, status, notes,"
        " created_at, updated_at) VALUES ('旧', 'policy_briefing', '王', '2026-01-05 09:00:00',"
        " 60, 'scheduled', '', '2026-01-01', '2026-01-01')"
    )
    migrate(old)
    old.execute(
        "INSERT INTO site_notices (session_id, site_id, text, sent_at) VALUES (1, NULL, 'Hi',"
        " '2026-01-05 09:10:00')"
    )
    row = next(old.query("SELECT uid, sent_by FROM site_notices"))
    assert row["uid"] and row["sent_by"] == ""
