"""Sessions left live by an app that stopped mid-call, as the store reports and ends them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.storage.repository import Repository

START = datetime(2026, 1, 20, 9, 0)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def repo(tmp_path: Path, clock: Clock) -> Iterator[Repository]:
    repository = Repository.open(tmp_path / "outreach.db", clock=clock)
    yield repository
    repository.close()


def session(repo: Repository, title: str, status: SessionStatus, sites: list[int]) -> int:
    return repo.sessions.save_session(
        Session(
            title,
            SessionKind.POLICY_BRIEFING,
            "王建国",
            START,
            60,
            status=status,
            sites=[SessionSite(site, n, 20) for n, site in enumerate(sites)],
        )
    )


def test_live_sessions_are_reported_with_their_last_note(repo: Repository, clock: Clock) -> None:
    gas = repo.sites.save_site(Site("克拉2气田中控室"))
    live = session(repo, "节前连线", SessionStatus.SCHEDULED, [gas])
    session(repo, "已排期", SessionStatus.SCHEDULED, [gas])
    ended = session(repo, "已结束", SessionStatus.SCHEDULED, [gas])
    clock.now = START + timedelta(minutes=2)
    repo.sessions.set_session_status(live, SessionStatus.LIVE)
    repo.sessions.set_session_status(ended, SessionStatus.LIVE)
    repo.sessions.set_session_status(ended, SessionStatus.ENDED)
    [found] = repo.calls.interrupted_sessions()
    assert (found.session_id, found.title) == (live, "节前连线")
    assert found.started_at == START + timedelta(minutes=2)
    assert found.last_note_at is None
    assert found.interrupted_at == START + timedelta(minutes=2)

    clock.now = START + timedelta(minutes=10)
    question = repo.notes.add_question(live, gas, "供气怎么样？")
    assert question.id is not None
    clock.now = START + timedelta(minutes=14)
    repo.notes.save_answer(question.id, "压力稳定", "张德明")
    # A note of another session does not count.
    repo.notes.add_question(ended, gas, "别的会议")
    [found] = repo.calls.interrupted_sessions()
    assert found.last_note_at == START + timedelta(minutes=14)
    assert found.interrupted_at == START + timedelta(minutes=14)

    clock.now = START + timedelta(minutes=20)
    repo.notes.update_question(question.id, text="供气情况怎么样？")
    assert repo.calls.interrupted_sessions()[0].last_note_at == START + timedelta(minutes=20)


def test_ending_an_interrupted_session_closes_its_record(repo: Repository, clock: Clock) -> None:
    gas = repo.sites.save_site(Site("克拉2气田中控室"))
    village = repo.sites.save_site(Site("红旗村村委会"))
    live = session(repo, "节前连线", SessionStatus.SCHEDULED, [gas, village])
    repo.sessions.set_session_status(live, SessionStatus.LIVE)
    repo.sessions.record_site_joined(live, gas)
    question = repo.notes.add_question(live, gas, "供气怎么样？")
    assert question.id is not None
    repo.notes.save_answer(question.id, "压力稳定", "张德明")

    clock.now = START + timedelta(hours=1)
    repo.calls.end_interrupted_session(live)
    stored = repo.sessions.get_session(live)
    assert stored.status is SessionStatus.ENDED
    assert stored.ended_at == START + timedelta(hours=1)
    slots = {slot.site_id: slot for slot in stored.sites}
    assert slots[gas].left_at == START + timedelta(hours=1)
    assert slots[village].joined_at is None and slots[village].left_at is None
    assert repo.calls.interrupted_sessions() == []
    # The notes are kept.
    [kept] = repo.notes.list_questions(live)
    assert kept.answer is not None and kept.answer.text == "压力稳定"


def test_a_session_no_longer_live_is_not_ended_again(repo: Repository, clock: Clock) -> None:
    gas = repo.sites.save_site(Site("克拉2气田中控室"))
    scheduled = session(repo, "已排期", SessionStatus.SCHEDULED, [gas])
    repo.calls.end_interrupted_session(scheduled)
    assert repo.sessions.get_session(scheduled).status is SessionStatus.SCHEDULED
    repo.sessions.set_session_status(scheduled, SessionStatus.LIVE)
    repo.sessions.set_session_status(scheduled, SessionStatus.ENDED)
    ended_at = repo.sessions.get_session(scheduled).ended_at
    clock.now = START + timedelta(hours=2)
    repo.calls.end_interrupted_session(scheduled)
    assert repo.sessions.get_session(scheduled).ended_at == ended_at
