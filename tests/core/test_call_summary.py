from __future__ import annotations

from datetime import datetime, timedelta

from outreach_app.core.call_summary import CallSummary, summarize_call
from outreach_app.core.model import (
    FollowUp,
    Question,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
)

START = datetime(2026, 12, 7, 9, 0)


def session(*, started: bool = True) -> Session:
    return Session(
        "连线",
        SessionKind.POLICY_BRIEFING,
        "王建国",
        START,
        60,
        status=SessionStatus.ENDED,
        sites=[SessionSite(1, 0, 10), SessionSite(2, 1, 10), SessionSite(3, 2, 10)],
        started_at=START + timedelta(minutes=2) if started else None,
        ended_at=START + timedelta(minutes=44, seconds=30),
    )


def test_a_call_is_summed_up_by_its_length_the_sites_heard_and_what_it_left() -> None:
    questions = [
        Question(1, 1, "供暖？"),
        Question(1, 2, "道路？", follow_up=FollowUp("年底前修好", "交通局", None, 2)),
        Question(1, 2, "饮水？"),
    ]
    # A site that is not in the session any more does not count as heard.
    summary = summarize_call(session(), heard=[1, 2, 9], questions=questions)
    assert summary == CallSummary(
        duration_seconds=42 * 60 + 30, sites_heard=2, sites=3, notes=3, follow_ups=1
    )


def test_a_call_that_never_went_live_has_no_duration() -> None:
    summary = summarize_call(session(started=False), heard=[], questions=[])
    assert summary == CallSummary(None, 0, 3, 0, 0)
