"""Invitations as .ics, read back with the icalendar package (a parser we did not write)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.core.ics import (
    CalendarEvent,
    calendar_text,
    check_link,
    event_uid,
    invitation_events,
    invitation_files,
    invitation_message,
    sequence_for,
    uid_namespace_for,
)
from outreach_app.core.model import Session, SessionKind, SessionSite

BEIJING = timezone(timedelta(hours=8))
STAMP = datetime(2026, 11, 20, 8, 0)
LINKS = {
    11: "http://192.168.1.20:8765/join/o1.eyJzIjo3LCJ0IjoxMX0.c2lnbmF0dXJlMTE",
    12: "http://192.168.1.20:8765/join/o1.eyJzIjo3LCJ0IjoxMn0.c2lnbmF0dXJlMTI",
    13: "http://192.168.1.20:8765/join/o1.eyJzIjo3LCJ0IjoxM30.c2lnbmF0dXJlMTM",
}


def session(title: str = "安全生产调度") -> Session:
    return Session(
        title,
        SessionKind.ON_SITE_WORK,
        "王建国",
        datetime(2026, 11, 23, 9, 30),
        60,
        sites=[
            SessionSite(12, 1, 20, "红旗村村委会"),
            SessionSite(11, 0, 30, "克拉2气田中控室"),
            SessionSite(13, 2, 10, "余杭区良渚街道便民服务中心"),
        ],
        id=7,
    )


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events_of(text: str) -> list[icalendar.Component]:
    return list(parse(text).walk("VEVENT"))


def whole_calendar(title: str = "安全生产调度") -> str:
    events = invitation_events(session(title), LINKS, uid_namespace="office1", sequence=3)
    return calendar_text(events, stamp=STAMP, calendar_name=title, zone=BEIJING)


def test_one_event_per_site_spanning_its_turn_in_utc() -> None:
    calendar = parse(whole_calendar())
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "安全生产调度"
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == [
        "安全生产调度 — 克拉2气田中控室",
        "安全生产调度 — 红旗村村委会",
        "安全生产调度 — 余杭区良渚街道便民服务中心",
    ]
    # 09:30 in Beijing is 01:30 UTC; the turns follow the speaking order and time boxes.
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        (datetime(2026, 11, 23, 1, 30, tzinfo=UTC), datetime(2026, 11, 23, 2, 0, tzinfo=UTC)),
        (datetime(2026, 11, 23, 2, 0, tzinfo=UTC), datetime(2026, 11, 23, 2, 20, tzinfo=UTC)),
        (datetime(2026, 11, 23, 2, 20, tzinfo=UTC), datetime(2026, 11, 23, 2, 30, tzinfo=UTC)),
    ]
    assert all(e.decoded("DTSTAMP") == datetime(2026, 11, 20, 0, 0, tzinfo=UTC) for e in events)
    assert [e.decoded("SEQUENCE") for e in events] == [3, 3, 3]


def test_each_event_carries_its_own_join_link_and_check_page() -> None:
    events = events_of(whole_calendar())
    for event, site_id in zip(events, (11, 12, 13), strict=True):
        link = LINKS[site_id]
        assert str(event["URL"]) == link
        assert str(event["LOCATION"]) == link
        description = str(event["DESCRIPTION"])
        assert f"Join link: {link}" in description
        assert f"/check/{link.rsplit('/', 1)[1]}" in description
        others = [LINKS[s] for s in LINKS if s != site_id]
        assert not any(other in description for other in others)
    assert "Your turn: 10:00–10:20 (20 min), 2 of 3 in the speaking order." in str(
        events[1]["DESCRIPTION"]
    )
    assert "Session: 安全生产调度, 2026-11-23 09:30–10:30, with 王建国." in str(
        events[1]["DESCRIPTION"]
    )
    alarm = next(iter(events[0].walk("VALARM")))
    assert alarm["ACTION"] == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=15)


def test_a_sites_message_says_what_its_calendar_entry_says() -> None:
    message = invitation_message(session(), 12, LINKS[12])
    title, blank, *rest = message.splitlines()
    assert (title, blank) == ("安全生产调度 — 红旗村村委会", "")
    (event,) = invitation_events(session(), LINKS, uid_namespace="office1", site_ids=[12])
    assert "\n".join(rest) == event.description
    assert "Your turn: 10:00–10:20 (20 min), 2 of 3 in the speaking order." in message
    assert f"Join link: {LINKS[12]}" in message
    assert f"beforehand: {check_link(LINKS[12])}" in message
    assert LINKS[11] not in message and LINKS[13] not in message
    with pytest.raises(ValueError, match="not in the session"):
        invitation_message(session(), 99, LINKS[12])


def test_uids_are_stable_per_session_and_site_and_differ_between_installations() -> None:
    first = [str(e["UID"]) for e in events_of(whole_calendar())]
    again = [str(e["UID"]) for e in events_of(whole_calendar("改了名字"))]
    assert first == again == [event_uid("office1", 7, s) for s in (11, 12, 13)]
    assert len(set(first)) == 3
    assert uid_namespace_for(b"a" * 32) == uid_namespace_for(b"a" * 32)
    assert uid_namespace_for(b"a" * 32) != uid_namespace_for(b"b" * 32)
    assert b"a" * 4 not in uid_namespace_for(b"a" * 32).encode()


def test_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_characters() -> None:
    title = "冬季天然气保供暨节前安全生产视频调度会议（第三场），请各站点提前十分钟接入" * 2
    text = whole_calendar(title)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    physical = text.encode("utf-8").split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    # A fold never falls inside a multi-byte character: every line decodes by itself.
    for line in physical:
        line.decode("utf-8")
    assert any(line.startswith(b" ") for line in physical)
    summaries = [str(e["SUMMARY"]) for e in events_of(text)]
    assert summaries[0] == f"{title} — 克拉2气田中控室"


def test_text_values_escape_backslash_semicolon_comma_and_newlines() -> None:
    title = "调度会; 第二场, 含\\反斜杠\n下一行"
    text = whole_calendar(title)
    assert "SUMMARY:调度会\\; 第二场\\, 含\\\\反斜杠\\n下一行" in text.replace("\r\n ", "")
    event = events_of(text)[0]
    assert str(event["SUMMARY"]) == f"{title} — 克拉2气田中控室"
    assert "X-WR-CALNAME:调度会\\; 第二场\\, 含\\\\反斜杠\\n下一行\r\n" in text.replace("\r\n ", "")


def test_long_text_with_every_escape_is_folded_and_read_back_exactly() -> None:
    summary = "第一场，第二场; 第三场, 第四场\\备注" * 6
    description = "\n".join(
        [
            "议程：安全生产; 防汛, 保供" * 5,
            "链接 http://192.168.1.20:8765/join/abc,def;ghi",
            "",
            "😀 表情与「引号」\\n 不是换行" * 4,
        ]
    )
    event = CalendarEvent(
        uid="长-uid,1;2@outreach",
        start=datetime(2026, 1, 1, 9, tzinfo=UTC),
        end=datetime(2026, 1, 1, 10, tzinfo=UTC),
        summary=summary,
        description=description,
        location="红旗村村委会, 二楼; 会议室",
        reminder_text=summary,
    )
    text = calendar_text([event], stamp=datetime(2026, 1, 1, tzinfo=UTC), calendar_name=summary)

    physical = text.encode("utf-8").split(b"\r\n")
    assert physical[-1] == b""
    assert max(len(line) for line in physical) <= 75
    for line in physical:
        line.decode("utf-8")  # a fold never falls inside a character
    assert sum(line.startswith(b" ") for line in physical) > 10
    parsed = events_of(text)[0]
    assert str(parsed["UID"]) == "长-uid,1;2@outreach"
    assert str(parsed["SUMMARY"]) == summary
    assert str(parsed["DESCRIPTION"]) == description
    assert str(parsed["LOCATION"]) == "红旗村村委会, 二楼; 会议室"
    assert str(next(iter(parsed.walk("VALARM")))["DESCRIPTION"]) == summary
    # icalendar reads X- properties verbatim: the calendar's name is written as SUMMARY is.
    lines = text.replace("\r\n ", "").split("\r\n")
    written = {line.split(":", 1)[0]: line.split(":", 1)[1] for line in lines if ":" in line}
    assert written["X-WR-CALNAME"] == written["SUMMARY"]


def test_a_backslash_before_a_capital_n_is_written_as_a_line_break() -> None:
    # icalendar takes a backslash and a capital N in the text for a line break (the way RFC 5545
    # writes one on the wire), so such text does not come back as it was.
    start = datetime(2026, 1, 1, tzinfo=UTC)
    event = CalendarEvent("u@x", start, start + timedelta(hours=1), "C:\\New")

    parsed = events_of(calendar_text([event], stamp=start))[0]
    assert str(parsed["SUMMARY"]) == "C:\new"


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r").map(
            str
        )
        | st.sampled_from(["\n", ",", ";", "\\", ":", '"', "中", "😀"]),
        min_size=1,
        max_size=200,
    ).filter(lambda t: t.strip() == t and t.strip() and "\\N" not in t)
)
def test_any_summary_and_description_survive_the_round_trip(text: str) -> None:
    event = CalendarEvent(
        uid="x@outreach",
        start=datetime(2026, 1, 1, 9, tzinfo=UTC),
        end=datetime(2026, 1, 1, 10, tzinfo=UTC),
        summary=text,
        description=text + "\n" + text,
    )
    parsed = events_of(calendar_text([event], stamp=datetime(2026, 1, 1, tzinfo=UTC)))[0]
    assert str(parsed["SUMMARY"]) == text
    assert str(parsed["DESCRIPTION"]) == text + "\n" + text


def test_organizer_is_written_only_with_an_address_and_cannot_break_out_of_its_quotes() -> None:
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    plain = CalendarEvent("u@x", start, start + timedelta(hours=1), "s")
    assert "ORGANIZER" not in calendar_text([plain], stamp=start)
    named = CalendarEvent(
        "u@x",
        start,
        start + timedelta(hours=1),
        "s",
        organizer_email="office@example.org",
        organizer_name='王建国"; ROLE=CHAIR',
    )
    organizer = events_of(calendar_text([named], stamp=start))[0]["ORGANIZER"]
    assert str(organizer) == "mailto:office@example.org"
    assert organizer.params["CN"] == "王建国; ROLE=CHAIR"


def test_only_the_chosen_sites_and_clear_errors_for_missing_links() -> None:
    events = invitation_events(session(), LINKS, uid_namespace="n", site_ids=[13])
    assert [e.summary for e in events] == ["安全生产调度 — 余杭区良渚街道便民服务中心"]
    with pytest.raises(ValueError, match="no join link for site 12"):
        invitation_events(session(), {11: LINKS[11]}, uid_namespace="n")
    unsaved = session()
    unsaved.id = None
    with pytest.raises(ValueError, match="save the session"):
        invitation_events(unsaved, LINKS, uid_namespace="n")
    with pytest.raises(ValueError):
        check_link("http://host/not-a-join-link")


def test_files_one_per_site_and_one_with_every_site() -> None:
    files = invitation_files(
        session(),
        LINKS,
        uid_namespace="office1",
        stamp=STAMP,
        whole_session_label="all sites",
        zone=BEIJING,
    )
    names = [name for name, _text in files]
    assert names == [
        "2026-11-23 安全生产调度 克拉2气田中控室.ics",
        "2026-11-23 安全生产调度 红旗村村委会.ics",
        "2026-11-23 安全生产调度 余杭区良渚街道便民服务中心.ics",
        "2026-11-23 安全生产调度 all sites.ics",
    ]
    per_site = [events_of(text) for _name, text in files[:3]]
    assert [len(events) for events in per_site] == [1, 1, 1]
    assert [str(events[0]["URL"]) for events in per_site] == [LINKS[11], LINKS[12], LINKS[13]]
    whole = events_of(files[3][1])
    # The same events: a site's calendar and the organisers' one update each other.
    assert [str(e["UID"]) for e in whole] == [str(events[0]["UID"]) for events in per_site]
    sequence = sequence_for(STAMP.replace(tzinfo=BEIJING))
    assert [e.decoded("SEQUENCE") for e in whole] == [sequence] * 3


def test_sites_with_the_same_name_get_files_of_their_own() -> None:
    twins = session()
    twins.sites = [SessionSite(11, 0, 30, "村委会"), SessionSite(12, 1, 20, "村委会")]
    files = invitation_files(
        twins, LINKS, uid_namespace="n", stamp=STAMP, whole_session_label="all sites"
    )
    assert len({name for name, _text in files}) == 3


def test_later_exports_have_a_higher_sequence() -> None:
    assert sequence_for(datetime(2026, 1, 1, 10, 1, tzinfo=UTC)) > sequence_for(
        datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
    )
