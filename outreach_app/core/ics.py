"""Invitations as iCalendar (RFC 5545) text: one event per site, from its turn to speak.

Written by hand, since the format is small: CRLF line ends, lines folded at 75 octets without
splitting a UTF-8 character, TEXT values escaped (backslash, semicolon, comma, newline), times in
UTC so that no VTIMEZONE is needed. Pure: the caller passes the join links, the time stamp and
the words, and writes the text where it wants.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

from outreach_app.core.invitations import JOIN_PATH
from outreach_app.core.minutes_document import file_name_stem, fill
from outreach_app.core.model import Session
from outreach_app.core.scheduling import segment_starts

PRODID: Final = "-//Outreach//Outreach invitations 1.0//EN"
CRLF: Final = "\r\n"
MAX_OCTETS: Final = 75
CHECK_PATH: Final = "/check/"
# SEQUENCE counts minutes from here: every export supersedes the ones before it.
_SEQUENCE_EPOCH: Final = datetime(2024, 1, 1, tzinfo=UTC)


def _iso_time(moment: datetime | time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime  # aware, or naive local time
    end: datetime
    summary: str
    description: str = ""
    url: str = ""
    location: str = ""
    organizer_email: str = ""  # ORGANIZER needs an address; left out without one
    organizer_name: str = ""
    sequence: int = 0
    reminder_minutes: int | None = 15
    reminder_text: str = ""


@dataclass(frozen=True)
class InvitationWords:
    """The text of an invitation; English by default, translated by the UI."""

    summary: str = "%1 — %2"  # the session's title, the site
    turn: str = "Your turn: %1–%2 (%3 min), %4 of %5 in the speaking order."
    session: str = "Session: %1, %2 %3–%4, with %5."
    join: str = "Join link: %1"
    check: str = "Test your camera and microphone beforehand: %1"
    advice: str = (
        "Open the join link a few minutes before your turn, in Chrome, Edge or Firefox or in"
        " the Outreach app. The link is for your site only: do not pass it on."
    )
    reminder: str = "Your turn in “%1” starts soon"
    format_date: Callable[[date], str] = field(default=date.isoformat)
    format_time: Callable[[datetime | time], str] = field(default=_iso_time)


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _parameter(value: str) -> str:
    """A parameter value (such as CN=): quoted, and without the characters it cannot hold."""
    cleaned = "".join(c for c in value if c not in '"\r\n' and (c == "\t" or ord(c) >= 0x20))
    return f'"{cleaned}"'


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, each continuation led by a space.

    Breaks fall between characters, never inside a UTF-8 sequence.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
            limit = MAX_OCTETS - 1  # the leading space counts
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def to_utc(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """`moment` in UTC; a naive time is taken as local time in `zone` (the system's if None)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return moment.astimezone(UTC)


def format_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def sequence_for(stamp: datetime) -> int:
    """A SEQUENCE that grows with every export, so calendars take the newest as the update."""
    return max(0, int((to_utc(stamp) - _SEQUENCE_EPOCH).total_seconds() // 60))


def calendar_text(
    events: Sequence[CalendarEvent],
    *,
    stamp: datetime,
    calendar_name: str = "",
    zone: tzinfo | None = None,
) -> str:
    """A whole VCALENDAR (METHOD:PUBLISH) holding `events`, stamped at `stamp`."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if calendar_name:
        lines.append(f"X-WR-CALNAME:{escape_text(calendar_name)}")
    dtstamp = format_utc(to_utc(stamp, zone))
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(event.uid)}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART:{format_utc(to_utc(event.start, zone))}",
            f"DTEND:{format_utc(to_utc(event.end, zone))}",
            f"SEQUENCE:{event.sequence}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        if event.url:
            lines.append(f"URL;VALUE=URI:{_uri(event.url)}")
        if event.organizer_email:
            name = f";CN={_parameter(event.organizer_name)}" if event.organizer_name else ""
            lines.append(f"ORGANIZER{name}:mailto:{_uri(event.organizer_email)}")
        lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE"]
        if event.reminder_minutes is not None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(event.reminder_text or event.summary)}",
                f"TRIGGER:-PT{max(0, event.reminder_minutes)}M",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def _uri(value: str) -> str:
    if any(c in value for c in '\r\n"') or any(ord(c) < 0x20 for c in value):
        raise ValueError(f"not a URI: {value!r}")
    return value


def check_link(join_link: str) -> str:
    """The pre-call check page of the invitation behind `join_link` (same token)."""
    head, marker, token = join_link.rpartition(JOIN_PATH)
    if not marker:
        raise ValueError("not an invitation link")
    return f"{head}{CHECK_PATH}{token}"


def event_uid(namespace: str, session_id: int, site_id: int) -> str:
    """Stable per session and site, so that a new export updates the event it sent before."""
    return f"{namespace}-session-{session_id}-site-{site_id}@outreach"


def invitation_events(
    session: Session,
    links: Mapping[int, str],
    *,
    uid_namespace: str,
    sequence: int = 0,
    words: InvitationWords | None = None,
    site_names: Mapping[int, str] | None = None,
    site_ids: Iterable[int] | None = None,
) -> list[CalendarEvent]:
    """One event per site (all, or those in `site_ids`) spanning that site's time box.

    Raises ValueError when the session is not saved or a site has no join link.
    """
    if session.id is None:
        raise ValueError("save the session before issuing invitations")
    words = words or InvitationWords()
    names = {slot.site_id: slot.site_name for slot in session.sites}
    names.update(site_names or {})
    slots = sorted(session.sites, key=lambda s: s.position)
    starts = segment_starts(session)
    wanted = None if site_ids is None else set(site_ids)
    events = []
    for number, (slot, start) in enumerate(zip(slots, starts, strict=True), start=1):
        if wanted is not None and slot.site_id not in wanted:
            continue
        link = links.get(slot.site_id)
        if not link:
            raise ValueError(f"no join link for site {slot.site_id}")
        end = start + timedelta(minutes=slot.time_box_minutes)
        name = names.get(slot.site_id) or str(slot.site_id)
        description = "\n".join(
            [
                fill(
                    words.turn,
                    words.format_time(start),
                    words.format_time(end),
                    slot.time_box_minutes,
                    number,
                    len(slots),
                ),
                fill(
                    words.session,
                    session.title,
                    words.format_date(session.start.date()),
                    words.format_time(session.start),
                    words.format_time(session.end),
                    session.official or "—",
                ),
                "",
                fill(words.join, link),
                fill(words.check, check_link(link)),
                "",
                words.advice,
            ]
        )
        events.append(
            CalendarEvent(
                uid=event_uid(uid_namespace, session.id, slot.site_id),
                start=start,
                end=end,
                summary=fill(words.summary, session.title, name),
                description=description,
                url=link,
                location=link,
                sequence=sequence,
                reminder_text=fill(words.reminder, session.title),
            )
        )
    return events


def uid_namespace_for(secret: bytes) -> str:
    """A per-installation UID prefix derived from the signing secret (which it does not reveal),
    so two offices' session 7 never update each other's events."""
    return hashlib.sha256(b"outreach-ics-uid:" + secret).hexdigest()[:16]


def invitation_files(
    session: Session,
    links: Mapping[int, str],
    *,
    uid_namespace: str,
    stamp: datetime,
    whole_session_label: str,
    words: InvitationWords | None = None,
    site_names: Mapping[int, str] | None = None,
    zone: tzinfo | None = None,
) -> list[tuple[str, str]]:
    """(file name, calendar text): one file per site, to send to that site, then one file with
    every site's event for the organisers."""
    words = words or InvitationWords()
    names = {slot.site_id: slot.site_name for slot in session.sites}
    names.update(site_names or {})
    sequence = sequence_for(to_utc(stamp, zone))
    events = invitation_events(
        session,
        links,
        uid_namespace=uid_namespace,
        sequence=sequence,
        words=words,
        site_names=names,
    )
    day = session.start.date()
    slots = sorted(session.sites, key=lambda s: s.position)
    files: list[tuple[str, str]] = []
    used: set[str] = set()
    for slot, event in zip(slots, events, strict=True):
        name = names.get(slot.site_id) or str(slot.site_id)
        file_name = file_name_stem(day, session.title, name) + ".ics"
        if file_name.casefold() in used:
            file_name = file_name_stem(day, session.title, f"{name} {slot.site_id}") + ".ics"
        used.add(file_name.casefold())
        calendar = fill(words.summary, session.title, name)
        files.append(
            (file_name, calendar_text([event], stamp=stamp, calendar_name=calendar, zone=zone))
        )
    whole = file_name_stem(day, session.title, whole_session_label) + ".ics"
    files.append(
        (whole, calendar_text(events, stamp=stamp, calendar_name=session.title, zone=zone))
    )
    return files
