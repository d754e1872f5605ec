"""Scheduling rules: conflicts between sessions, time boxes, week ranges."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from outreach_app.core.model import Session, SessionStatus


class ConflictKind(enum.StrEnum):
    OFFICIAL_DOUBLE_BOOKED = "official_double_booked"
    SITE_DOUBLE_BOOKED = "site_double_booked"
    TIME_BOXES_EXCEED_DURATION = "time_boxes_exceed_duration"
    SITE_LISTED_TWICE = "site_listed_twice"


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    other_session_id: int | None = None
    other_session_title: str = ""
    site_id: int | None = None
    minutes_over: int = 0


_INACTIVE = (SessionStatus.CANCELLED,)


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open intervals: a session ending at 10:00 does not clash with one starting at 10:00."""
    return a_start < b_end and b_start < a_end


def find_conflicts(session: Session, others: Iterable[Session]) -> list[Conflict]:
    """Everything wrong with `session`'s timing, checked against the other sessions on record."""
    conflicts: list[Conflict] = []
    total_boxes = sum(s.time_box_minutes for s in session.sites)
    if total_boxes > session.duration_minutes:
        conflicts.append(
            Conflict(
                ConflictKind.TIME_BOXES_EXCEED_DURATION,
                minutes_over=total_boxes - session.duration_minutes,
            )
        )
    seen_sites: set[int] = set()
    for slot in session.sites:
        if slot.site_id in seen_sites:
            conflicts.append(Conflict(ConflictKind.SITE_LISTED_TWICE, site_id=slot.site_id))
        seen_sites.add(slot.site_id)

    if session.status in _INACTIVE:
        return conflicts
    for other in others:
        if other.id is not None and other.id == session.id:
            continue
        if other.status in _INACTIVE:
            continue
        if not overlaps(session.start, session.end, other.start, other.end):
            continue
        official = session.official.strip()
        if official and official == other.official.strip():
            conflicts.append(Conflict(ConflictKind.OFFICIAL_DOUBLE_BOOKED, other.id, other.title))
        other_sites = {s.site_id for s in other.sites}
        for site_id in sorted(seen_sites & other_sites):
            conflicts.append(
                Conflict(
                    ConflictKind.SITE_DOUBLE_BOOKED,
                    other.id,
                    other.title,
                    site_id=site_id,
                )
            )
    return conflicts


def week_start(day: date) -> date:
    """Monday of the week containing `day` (the working week in China starts on Monday)."""
    return day - timedelta(days=day.weekday())


def week_days(day: date) -> list[date]:
    first = week_start(day)
    return [first + timedelta(days=i) for i in range(7)]


def segment_starts(session: Session) -> list[datetime]:
    """When each site's segment begins if every site uses exactly its time box."""
    starts: list[datetime] = []
    cursor = session.start
    for slot in sorted(session.sites, key=lambda s: s.position):
        starts.append(cursor)
        cursor += timedelta(minutes=slot.time_box_minutes)
    return starts


def next_half_hour(now: datetime) -> datetime:
    """The first whole or half hour strictly after `now`."""
    rounded = now.replace(second=0, microsecond=0)
    return rounded + timedelta(minutes=30 - rounded.minute % 30)


def first_free_start(earliest: datetime, minutes: int, sessions: Iterable[Session]) -> datetime:
    """The first half hour from `earliest` on at which `minutes` clash with no active session.

    A live session that runs late still blocks its slot, so its end is counted as planned.
    """
    busy = sorted(
        ((s.start, s.end) for s in sessions if s.status not in _INACTIVE),
        key=lambda span: span[0],
    )
    start = earliest
    length = timedelta(minutes=minutes)
    for busy_start, busy_end in busy:
        if overlaps(start, start + length, busy_start, busy_end):
            on_the_half_hour = busy_end.minute % 30 == 0 and busy_end.second == 0
            start = busy_end if on_the_half_hour else next_half_hour(busy_end)
    return start
