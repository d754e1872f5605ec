"""Invitations as iCalendar (RFC 5545) text: one event per site, from its turn to speak.

The icalendar package writes the text (CRLF line ends, lines folded at 75 octets without
splitting a UTF-8 character, TEXT values escaped); times are in UTC so that no VTIMEZONE is
needed. The same words make one site's invitation as a message to paste into a chat or an
e-mail (`invitation_message`). Pure: the caller passes the join links, the time stamp and the
words, and writes the text where it wants.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

import icalendar

from outreach_app.core.invitations import JOIN_PATH
from outreach_app.core.minutes_document import file_name_stem, fill
from outreach_app.core.model import Session, SessionSite
from outreach_app.core.scheduling import segment_starts

PRODID: Final = "-//Outreach//Outreach invitations 1.0//EN"
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


def to_utc(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """`moment` in UTC; a naive time is taken as local time in `zone` (the system's if None)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return moment.astimezone(UTC)


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
    calendar = icalendar.Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    if calendar_name:
        # An X- property is written verbatim unless it is marked as TEXT.
        calendar.add("X-WR-CALNAME", icalendar.vText(calendar_name))
    dtstamp = to_utc(stamp, zone)
    for event in events:
        calendar.add_component(_event_component(event, dtstamp, zone))
    return bytes(calendar.to_ical(sorted=False)).decode("utf-8")


def _event_component(
    event: CalendarEvent, dtstamp: datetime, zone: tzinfo | None
) -> icalendar.Event:
    component = icalendar.Event()
    component.add("UID", event.uid)
    component.add("DTSTAMP", dtstamp)
    component.add("DTSTART", to_utc(event.start, zone))
    component.add("DTEND", to_utc(event.end, zone))
    component.add("SEQUENCE", event.sequence)
    component.add("SUMMARY", event.summary)
    if event.description:
        component.add("DESCRIPTION", event.description)
    if event.location:
        component.add("LOCATION", event.location)
    if event.url:
        component.add("URL", _uri(event.url))
    if event.organizer_email:
        organizer = icalendar.vCalAddress(f"mailto:{_uri(event.organizer_email)}")
        if event.organizer_name:
            organizer.params["CN"] = _parameter_text(event.organizer_name)
        component.add("ORGANIZER", organizer)
    component.add("STATUS", "CONFIRMED")
    component.add("TRANSP", "OPAQUE")
    if event.reminder_minutes is not None:
        alarm = icalendar.Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", event.reminder_text or event.summary)
        alarm.add("TRIGGER", -timedelta(minutes=max(0, event.reminder_minutes)))
        component.add_component(alarm)
    return component


def _parameter_text(value: str) -> str:
    """A parameter value (such as CN=) without double quotes and control characters: icalendar
    would keep them with RFC 6868 escapes, which many calendars show as they are."""
    return "".join(c for c in value if c != '"' and (c == "\t" or ord(c) >= 0x20))


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


@dataclass(frozen=True)
class _Turn:
    """A site's place in the session: its slot, its number in the speaking order, its time."""

    slot: SessionSite
    number: int
    count: int
    start: datetime

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.slot.time_box_minutes)


def _turns(session: Session) -> list[_Turn]:
    slots = sorted(session.sites, key=lambda s: s.position)
    starts = segment_starts(session)
    return [
        _Turn(slot, number, len(slots), start)
        for number, (slot, start) in enumerate(zip(slots, starts, strict=True), start=1)
    ]


def _description(session: Session, turn: _Turn, link: str, words: InvitationWords) -> str:
    """What the site is told: its turn, the session, its links, and how to join."""
    return "\n".join(
        [
            fill(
                words.turn,
                words.format_time(turn.start),
                words.format_time(turn.end),
                turn.slot.time_box_minutes,
                turn.number,
                turn.count,
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
    wanted = None if site_ids is None else set(site_ids)
    events = []
    for turn in _turns(session):
        site_id = turn.slot.site_id
        if wanted is not None and site_id not in wanted:
            continue
        link = links.get(site_id)
        if not link:
            raise ValueError(f"no join link for site {site_id}")
        name = names.get(site_id) or str(site_id)
        events.append(
            CalendarEvent(
                uid=event_uid(uid_namespace, session.id, site_id),
                start=turn.start,
                end=turn.end,
                summary=fill(words.summary, session.title, name),
                description=_description(session, turn, link, words),
                url=link,
                location=link,
                sequence=sequence,
                reminder_text=fill(words.reminder, session.title),
            )
        )
    return events


def invitation_message(
    session: Session, site_id: int, link: str, *, words: InvitationWords | None = None
) -> str:
    """Site `site_id`'s invitation as a message for a chat group or an e-mail: the calendar
    entry's title over its text, so that both say the same.

    Raises ValueError when the site is not in the session.
    """
    words = words or InvitationWords()
    for turn in _turns(session):
        if turn.slot.site_id == site_id:
            name = turn.slot.site_name or str(site_id)
            title = fill(words.summary, session.title, name)
            return f"{title}\n\n{_description(session, turn, link, words)}"
    raise ValueError(f"site {site_id} is not in the session")


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
