from __future__ import annotations

from datetime import date, datetime

from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus
from outreach_app.core.scheduling import (
    ConflictKind,
    find_conflicts,
    first_free_start,
    next_half_hour,
    overlaps,
    segment_starts,
    week_days,
    week_start,
)

NINE = datetime(2026, 11, 23, 9, 0)


def session(
    start: datetime,
    minutes: int = 60,
    *,
    official: str = "王建国",
    sites: tuple[int, ...] = (1,),
    status: SessionStatus = SessionStatus.SCHEDULED,
    session_id: int | None = None,
    boxes: int = 10,
) -> Session:
    return Session(
        "连线",
        SessionKind.POLICY_BRIEFING,
        official,
        start,
        minutes,
        status=status,
        sites=[SessionSite(s, i, boxes) for i, s in enumerate(sites)],
        id=session_id,
    )


def kinds(new: Session, *others: Session) -> list[ConflictKind]:
    return [c.kind for c in find_conflicts(new, others)]


def test_touching_sessions_do_not_clash() -> None:
    assert not overlaps(
        NINE, datetime(2026, 11, 23, 10), datetime(2026, 11, 23, 10), datetime(2026, 11, 23, 11)
    )
    assert kinds(session(datetime(2026, 11, 23, 10)), session(NINE, session_id=1)) == []


def test_same_official_and_same_site_overlapping() -> None:
    other = session(NINE, sites=(1, 2), session_id=1)
    found = find_conflicts(session(datetime(2026, 11, 23, 9, 30), sites=(2, 3)), [other])
    assert [c.kind for c in found] == [
        ConflictKind.OFFICIAL_DOUBLE_BOOKED,
        ConflictKind.SITE_DOUBLE_BOOKED,
    ]
    assert found[1].site_id == 2 and found[1].other_session_id == 1


def test_official_names_compare_after_trimming_and_blank_is_no_one() -> None:
    assert kinds(
        session(NINE, official=" 王建国 ", sites=()), session(NINE, sites=(), session_id=1)
    ) == [ConflictKind.OFFICIAL_DOUBLE_BOOKED]
    assert (
        kinds(
            session(NINE, official="", sites=()), session(NINE, official="", sites=(), session_id=1)
        )
        == []
    )


def test_cancelled_sessions_and_the_session_itself_are_ignored() -> None:
    cancelled = session(NINE, status=SessionStatus.CANCELLED, session_id=1)
    assert kinds(session(NINE), cancelled) == []
    assert kinds(session(NINE, session_id=7), session(NINE, session_id=7)) == []
    assert kinds(session(NINE, status=SessionStatus.CANCELLED), session(NINE, session_id=1)) == []


def test_time_boxes_over_the_duration_and_a_site_listed_twice() -> None:
    found = find_conflicts(session(NINE, 25, sites=(1, 1, 2), boxes=10), [])
    assert [c.kind for c in found] == [
        ConflictKind.TIME_BOXES_EXCEED_DURATION,
        ConflictKind.SITE_LISTED_TWICE,
    ]
    assert found[0].minutes_over == 5
    assert kinds(session(NINE, 30, sites=(1, 2, 3), boxes=10)) == []


def test_week_starts_on_monday() -> None:
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)  # Sunday
    assert week_start(date(2026, 11, 23)) == date(2026, 11, 23)
    assert week_days(date(2026, 12, 31))[0] == date(2026, 12, 28)
    assert len(week_days(date(2026, 12, 31))) == 7


def test_segment_starts_follow_positions_not_list_order() -> None:
    s = session(NINE)
    s.sites = [SessionSite(5, 1, 20), SessionSite(6, 0, 15)]
    assert segment_starts(s) == [NINE, datetime(2026, 11, 23, 9, 15)]


def test_a_session_ending_as_this_one_starts_does_not_clash_but_one_running_over_does() -> None:
    earlier = session(datetime(2026, 11, 23, 8, 0), 60, session_id=1)
    running_over = session(datetime(2026, 11, 23, 8, 30), 31, session_id=2)
    found = find_conflicts(session(NINE), [earlier, running_over])
    assert [(c.kind, c.other_session_id) for c in found] == [
        (ConflictKind.OFFICIAL_DOUBLE_BOOKED, 2),
        (ConflictKind.SITE_DOUBLE_BOOKED, 2),
    ]


def test_every_shared_site_of_every_overlapping_session_is_reported() -> None:
    first = session(NINE, official="李华", sites=(3, 1), session_id=1)
    second = session(NINE, official="赵文", sites=(2,), session_id=2)
    found = find_conflicts(session(NINE, sites=(1, 2, 3)), [first, second])
    assert [(c.other_session_id, c.site_id) for c in found] == [(1, 1), (1, 3), (2, 2)]
    assert {c.kind for c in found} == {ConflictKind.SITE_DOUBLE_BOOKED}


def test_next_half_hour_is_strictly_after() -> None:
    assert next_half_hour(datetime(2026, 11, 23, 8, 10)) == datetime(2026, 11, 23, 8, 30)
    assert next_half_hour(datetime(2026, 11, 23, 8, 30)) == datetime(2026, 11, 23, 9, 0)


def test_first_free_start_keeps_a_free_slot() -> None:
    assert first_free_start(NINE, 60, [session(datetime(2026, 11, 23, 10, 0))]) == NINE


def test_first_free_start_follows_the_sessions_in_the_way() -> None:
    live = session(datetime(2026, 11, 23, 8, 30), 90, status=SessionStatus.LIVE)
    next_one = session(datetime(2026, 11, 23, 10, 30), 45)
    cancelled = session(datetime(2026, 11, 23, 11, 30), 60, status=SessionStatus.CANCELLED)
    # 10:00–11:00 would clash with 10:30; 11:15 is rounded up to the half hour.
    assert first_free_start(NINE, 60, [next_one, cancelled, live]) == datetime(2026, 11, 23, 11, 30)


def test_first_free_start_fits_into_a_gap_long_enough() -> None:
    early = session(datetime(2026, 11, 23, 9, 0), 30)
    late = session(datetime(2026, 11, 23, 10, 30), 60)
    assert first_free_start(NINE, 60, [late, early]) == datetime(2026, 11, 23, 9, 30)
    assert first_free_start(NINE, 90, [late, early]) == datetime(2026, 11, 23, 11, 30)
