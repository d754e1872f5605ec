from __future__ import annotations

import dataclasses
import typing
from collections.abc import Sequence
from datetime import date, datetime

import pytest
from sqlite_utils import Database

from outreach_app.core.model import (
    AgendaItemKind,
    Contact,
    Session,
    SessionKind,
    SessionSite,
    Site,
)
from outreach_app.core.statistics import Month
from outreach_app.storage.operation_codec import (
    DATACLASS_TABLES,
    ID_LIST_TABLES,
    ID_TABLES,
    PLAIN_INTEGERS,
    CodecError,
    decode_arguments,
    encode_arguments,
)
from outreach_app.storage.repository import Repository, operations
from outreach_app.storage.shared_operations import shared_write


class TableIds:
    """Two databases' ids for the same rows: here 1, 2, 3; there 101, 102, 103."""

    def __init__(self, offset: int) -> None:
        self.offset = offset

    def to_uid(self, table: str, local_id: int) -> str:
        return f"{table}:{local_id - self.offset}"

    def to_local(self, table: str, uid: str) -> int:
        name, number = uid.split(":")
        if name != table:
            raise LookupError(uid)
        return int(number) + self.offset


HERE, THERE = TableIds(0), TableIds(100)


class Operations:
    def save_session(self, session: Session) -> int:
        return 0

    def save_site(self, site: Site) -> int:
        return 0

    def reorder_agenda(self, session_id: int, site_id: int, ordered_ids: Sequence[int]) -> None:
        pass

    def add_agenda_item(
        self, session_id: int, site_id: int, text: str, kind: AgendaItemKind, due: date | None
    ) -> None:
        pass


OPERATIONS = Operations()


def _travel(function: object, arguments: dict[str, object]) -> dict[str, object]:
    sent = encode_arguments(function, arguments, HERE)  # type: ignore[arg-type]
    return decode_arguments(function, sent, THERE)  # type: ignore[arg-type]


def test_a_session_arrives_whole_with_the_receivers_ids() -> None:
    session = Session(
        title="节前连线",
        kind=SessionKind.INVESTIGATION,
        official="王建国",
        start=datetime(2026, 12, 24, 9, 30),
        duration_minutes=90,
        sites=[SessionSite(site_id=2, position=0, time_box_minutes=15, site_name="红旗村")],
        id=3,
    )
    received = _travel(OPERATIONS.save_session, {"session": session})["session"]
    assert isinstance(received, Session)
    assert received.id == 103
    assert received.sites[0].site_id == 102
    assert received.sites[0].time_box_minutes == 15
    assert (received.start, received.kind, received.title) == (
        session.start,
        session.kind,
        session.title,
    )


def test_a_new_site_has_no_id_and_keeps_its_contacts() -> None:
    site = Site(name="Gas field", contacts=[Contact("Ma", "13909321234")], tags=["energy"])
    received = _travel(OPERATIONS.save_site, {"site": site})["site"]
    assert received == site


def test_lists_of_ids_and_plain_values_arrive() -> None:
    received = _travel(
        OPERATIONS.reorder_agenda, {"session_id": 1, "site_id": 2, "ordered_ids": [3, 1]}
    )
    assert received == {"session_id": 101, "site_id": 102, "ordered_ids": [103, 101]}
    received = _travel(
        OPERATIONS.add_agenda_item,
        {
            "session_id": 1,
            "site_id": 2,
            "text": "Heating",
            "kind": AgendaItemKind.QUESTION,
            "due": date(2026, 12, 31),
        },
    )
    assert received["kind"] is AgendaItemKind.QUESTION
    assert received["due"] == date(2026, 12, 31)


@pytest.mark.parametrize(
    "arguments",
    [
        "not an object",
        {"session_id": "sessions:1", "site_id": "sites:2", "ordered_ids": "agenda_items:1"},
        {"session_id": 1, "site_id": "sites:2", "ordered_ids": []},  # a raw local id
        {"session_id": "sessions:1", "site_id": "sites:2", "ordered_ids": [], "extra": 1},
        {"session_id": True, "site_id": "sites:2", "ordered_ids": []},
    ],
)
def test_forged_arguments_are_refused(arguments: object) -> None:
    with pytest.raises(CodecError):
        decode_arguments(OPERATIONS.reorder_agenda, arguments, THERE)


@pytest.mark.parametrize(
    "session",
    [
        {"title": "t"},  # incomplete
        {
            "title": "t",
            "kind": "no such kind",
            "official": "",
            "start": "2026-01-01T00:00:00",
            "duration_minutes": 60,
        },
        {
            "title": "t",
            "kind": "investigation",
            "official": "",
            "start": "tomorrow",
            "duration_minutes": 60,
        },
        {
            "title": "t",
            "kind": "investigation",
            "official": "",
            "start": "2026-01-01T00:00:00",
            "duration_minutes": 60.5,
        },
        {
            "title": "t",
            "kind": "investigation",
            "official": "",
            "start": "2026-01-01T00:00:00",
            "duration_minutes": 60,
            "password": "x",
        },
    ],
)
def test_a_malformed_dataclass_is_refused(session: object) -> None:
    with pytest.raises(CodecError):
        decode_arguments(OPERATIONS.save_session, {"session": session}, THERE)


def _integer_names(hint: object, name: str, owner: type | None, seen: set[type]) -> set[str]:
    """The names of every integer a value of `hint` holds, as parameter or field names
    (`Class.id` for a dataclass's own id)."""
    found: set[str] = set()
    for alternative in typing.get_args(hint) or (hint,):
        origin = typing.get_origin(alternative) or alternative
        if alternative is int:
            found.add(f"{owner.__name__}.id" if name == "id" and owner else name)
        elif name in ID_LIST_TABLES:
            found.add(name)
        elif isinstance(origin, type) and dataclasses.is_dataclass(origin):
            if origin in seen:
                continue
            seen.add(origin)
            hints = typing.get_type_hints(origin)
            for item in dataclasses.fields(origin):
                found |= _integer_names(hints[item.name], item.name, origin, seen)
        elif typing.get_args(alternative):
            for argument in typing.get_args(alternative):
                found |= _integer_names(argument, name, owner, seen)
    return found


def test_every_integer_an_operation_sends_is_known_as_an_id_or_a_number() -> None:
    repo = Repository(Database(memory=True))
    names: set[str] = set()
    for operation in operations():
        function = shared_write(repo, operation)
        if function is None:
            continue
        for parameter, hint in typing.get_type_hints(function).items():
            if parameter != "return":
                names |= _integer_names(hint, parameter, None, set())
    known = (
        set(ID_TABLES)
        | set(ID_LIST_TABLES)
        | set(PLAIN_INTEGERS)
        | {f"{cls.__name__}.id" for cls in DATACLASS_TABLES}
    )
    assert names - known == set()


def test_a_month_travels_and_a_forged_one_is_refused() -> None:
    close_month = Repository(Database(memory=True)).statistics.close_month
    sent = encode_arguments(close_month, {"month": Month(2026, 8)}, HERE)
    assert sent == {"month": {"year": 2026, "month": 8}}
    assert decode_arguments(close_month, sent, THERE) == {"month": Month(2026, 8)}
    with pytest.raises(CodecError, match="not a valid Month"):
        decode_arguments(close_month, {"month": {"year": 2026, "month": 13}}, THERE)
