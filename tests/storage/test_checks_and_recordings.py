"""Pre-call checks and recordings in a real SQLite file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from outreach_app.core.model import (
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
