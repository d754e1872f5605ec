from __future__ import annotations

from datetime import datetime

from outreach_app.core.interruptions import InterruptedSession, is_interrupted, still_interrupted
from outreach_app.core.model import SessionStatus

START = datetime(2026, 1, 20, 9, 0)


def left_live(
    session_id: int, started: datetime | None, last_note: datetime | None
) -> InterruptedSession:
    return InterruptedSession(session_id, f"连线{session_id}", START, started, last_note)


def test_only_a_live_session_without_a_running_call_is_interrupted() -> None:
    assert is_interrupted(SessionStatus.LIVE, call_running=False)
    assert not is_interrupted(SessionStatus.LIVE, call_running=True)
    for status in SessionStatus:
        if status is not SessionStatus.LIVE:
            assert not is_interrupted(status, call_running=False)


def test_interrupted_at_is_the_last_sign_of_life() -> None:
    started = datetime(2026, 1, 20, 9, 2)
    noted = datetime(2026, 1, 20, 9, 41)
    assert left_live(1, started, noted).interrupted_at == noted
    assert left_live(1, started, None).interrupted_at == started
    # A note stamped before the start (taken while preparing) does not move it back.
    assert left_live(1, started, datetime(2026, 1, 20, 8, 30)).interrupted_at == started
    assert left_live(1, None, None).interrupted_at == START


def test_sessions_resumed_in_this_app_are_no_longer_interrupted() -> None:
    early = left_live(1, datetime(2026, 1, 20, 9, 2), None)
    late = left_live(2, datetime(2026, 1, 20, 9, 5), datetime(2026, 1, 20, 10, 15))
    resumed = left_live(3, datetime(2026, 1, 20, 9, 1), None)
    assert still_interrupted([early, resumed, late], running_session_ids={3}) == [late, early]
    assert still_interrupted([early], running_session_ids=()) == [early]
    assert still_interrupted([], running_session_ids={1}) == []
