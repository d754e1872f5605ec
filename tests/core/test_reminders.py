from __future__ import annotations

from datetime import datetime, timedelta

from outreach_app.core.model import Role, Session, SessionKind, SessionStatus, User
from outreach_app.core.reminders import due_reminders, takes_part

NOW = datetime(2026, 11, 23, 14, 0)
LEAD = timedelta(minutes=15)
OFFICIAL = User("王建国", Role.OFFICIAL)


def session(
    sid: int,
    minutes_ahead: int,
    *,
    official: str = "王建国",
    status: SessionStatus = SessionStatus.SCHEDULED,
) -> Session:
    return Session(
        "连线",
        SessionKind.POLICY_BRIEFING,
        official,
        NOW + timedelta(minutes=minutes_ahead),
        60,
        status=status,
        id=sid,
    )


def test_only_sessions_starting_within_the_lead_time() -> None:
    sessions = [session(1, 10), session(2, 15), session(3, 16), session(4, -1), session(5, 0)]
    assert [s.id for s in due_reminders(sessions, OFFICIAL, NOW, LEAD, set())] == [5, 1, 2]


def test_each_session_is_reminded_once() -> None:
    assert due_reminders([session(1, 10)], OFFICIAL, NOW, LEAD, {1}) == []


def test_live_cancelled_and_ended_sessions_are_not_reminded() -> None:
    sessions = [
        session(1, 5, status=s)
        for s in (SessionStatus.LIVE, SessionStatus.CANCELLED, SessionStatus.ENDED)
    ]
    assert due_reminders(sessions, OFFICIAL, NOW, LEAD, set()) == []


def test_who_takes_part() -> None:
    other = session(1, 5, official="赵文华")
    assert not takes_part(OFFICIAL, other)
    assert takes_part(User("李敏", Role.STAFF), other)
    assert not takes_part(User("陈静", Role.REVIEWER), other)
    assert takes_part(User(" 赵文华 ", Role.OFFICIAL), other)
