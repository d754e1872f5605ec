"""An operation's arguments as they travel: JSON, with every local id turned into a record id.

The arguments are read through the operation's own type hints, so a date arrives as a date and
a Site as a Site. Which integers are ids, and of which table, follows one naming rule: a
parameter or field called `<thing>_id` (or a dataclass's own `id`) names a row of the table in
`ID_TABLES` / `DATACLASS_TABLES`; lists of ids are named in `ID_LIST_TABLES`. Every other
integer is a plain number and must be listed in `PLAIN_INTEGERS`, so that a new id parameter
cannot slip through as a number (a test walks every shared operation).
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final, Protocol, TypeVar

from outreach_app.core import model

T = TypeVar("T")
JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]

ID_TABLES: Final = {
    "site_id": "sites",
    "session_id": "sessions",
    "question_id": "questions",
    "follow_up_id": "follow_ups",
    "agenda_item_id": "agenda_items",
    "item_id": "agenda_items",
}
ID_LIST_TABLES: Final = {"ordered_ids": "agenda_items"}
DATACLASS_TABLES: Final[Mapping[type, str]] = {
    model.Site: "sites",
    model.Session: "sessions",
    model.AgendaItem: "agenda_items",
    model.Question: "questions",
    model.Answer: "answers",
    model.FollowUp: "follow_ups",
    model.FollowUpStep: "follow_up_steps",
    model.Review: "reviews",
}
PLAIN_INTEGERS: Final = frozenset(
    {
        "position",
        "time_box_minutes",
        "duration_minutes",
        "offset_seconds",
        "line",
        "duplicate_of",
        "limit",
        "year",
        "month",
    }
)


class CodecError(ValueError):
    """Arguments that do not fit the operation: a client's mistake or a forgery."""


class IdMap(Protocol):
    def to_uid(self, table: str, local_id: int) -> str: ...

    def to_local(self, table: str, uid: str) -> int: ...


def id_table(name: str, owner: type | None) -> str | None:
    """The table whose ids a parameter or field called `name` holds, if it holds ids."""
    if name == "id" and owner is not None:
        return DATACLASS_TABLES.get(owner)
    return ID_TABLES.get(name)


def encode_arguments(
    function: Callable[..., object], arguments: Mapping[str, object], ids: IdMap
) -> dict[str, JsonValue]:
    hints = typing.get_type_hints(function)
    return {
        name: _encode(value, hints.get(name, Any), name, None, ids)
        for name, value in arguments.items()
    }


def decode_arguments(
    function: Callable[..., object], arguments: object, ids: IdMap
) -> dict[str, object]:
    if not isinstance(arguments, dict):
        raise CodecError("the arguments are not an object")
    hints = typing.get_type_hints(function)
    parameters = [
        name for name in typing.get_type_hints(function) if name not in ("return", "self")
    ]
    unknown = set(arguments) - set(parameters)
    if unknown:
        raise CodecError(f"unknown arguments: {', '.join(sorted(unknown))}")
    return {name: _decode(value, hints[name], name, None, ids) for name, value in arguments.items()}


def _encode(value: object, hint: object, name: str, owner: type | None, ids: IdMap) -> JsonValue:
    if value is None:
        return None
    table = id_table(name, owner)
    if table is not None and isinstance(value, int) and not isinstance(value, bool):
        return ids.to_uid(table, value)
    if name in ID_LIST_TABLES and isinstance(value, Sequence) and not isinstance(value, str):
        return [ids.to_uid(ID_LIST_TABLES[name], _local_id(item, name)) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        hints = typing.get_type_hints(cls)
        return {
            field.name: _encode(getattr(value, field.name), hints[field.name], field.name, cls, ids)
            for field in dataclasses.fields(cls)
        }
    if isinstance(value, enum.Enum):
        return _encode(value.value, Any, name, owner, ids)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Mapping):
        item_hint = _item_hint(hint, 1)
        return {str(k): _encode(v, item_hint, "", None, ids) for k, v in value.items()}
    if isinstance(value, Sequence | set | frozenset):
        item_hint = _item_hint(hint, 0)
        return [_encode(item, item_hint, "", None, ids) for item in value]
    raise CodecError(f"cannot send a {type(value).__name__} as {name}")


def _local_id(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CodecError(f"{name} holds something other than ids")
    return value


def _item_hint(hint: object, position: int) -> object:
    for candidate in _alternatives(hint):
        args = typing.get_args(candidate)
        if args:
            return args[min(position, len(args) - 1)]
    return Any


def _alternatives(hint: object) -> tuple[object, ...]:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return typing.get_args(hint)
    return (hint,)


def _decode(value: object, hint: object, name: str, owner: type | None, ids: IdMap) -> object:
    alternatives = _alternatives(hint)
    if value is None:
        if type(None) in alternatives or hint is Any:
            return None
        raise CodecError(f"{name or 'a value'} may not be empty")
    concrete = [a for a in alternatives if a is not type(None)]
    if len(concrete) != 1:
        raise CodecError(f"cannot read {name}: ambiguous type {hint}")
    (target,) = concrete
    table = id_table(name, owner)
    if table is not None and target is int:
        return ids.to_local(table, _expect(value, str, name))
    if name in ID_LIST_TABLES:
        items = _expect(value, list, name)
        return [ids.to_local(ID_LIST_TABLES[name], _expect(i, str, name)) for i in items]
    origin = typing.get_origin(target) or target
    if isinstance(origin, type) and dataclasses.is_dataclass(origin):
        return _decode_dataclass(value, origin, ids)
    if isinstance(origin, type) and issubclass(origin, enum.Enum):
        try:
            return origin(value)
        except ValueError as exc:
            raise CodecError(f"{value!r} is not a valid {name}") from exc
    if origin is datetime or origin is date:
        try:
            return origin.fromisoformat(_expect(value, str, name))
        except ValueError as exc:
            raise CodecError(f"{value!r} is not a valid {name}") from exc
    if origin is bool:
        return _expect(value, bool, name)
    if origin is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise CodecError(f"{name} must be a whole number")
        return value
    if origin is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CodecError(f"{name} must be a number")
        return float(value)
    if origin is str:
        return _expect(value, str, name)
    if origin in (list, tuple, Sequence, set, frozenset):
        items = [
            _decode(i, _item_hint(target, 0), "", None, ids) for i in _expect(value, list, name)
        ]
        return tuple(items) if origin is tuple else items
    if origin in (dict, Mapping):
        entries = _expect(value, dict, name)
        return {
            str(k): _decode(v, _item_hint(target, 1), "", None, ids) for k, v in entries.items()
        }
    if target is Any or target is object:
        return value
    raise CodecError(f"cannot read {name} as {target}")


def _decode_dataclass(value: object, cls: type, ids: IdMap) -> object:
    fields = _expect(value, dict, cls.__name__)
    hints = typing.get_type_hints(cls)
    names = {field.name for field in dataclasses.fields(cls)}
    unknown = set(fields) - names
    if unknown:
        raise CodecError(f"{cls.__name__} has no {', '.join(sorted(unknown))}")
    decoded = {
        field_name: _decode(field_value, hints[field_name], field_name, cls, ids)
        for field_name, field_value in fields.items()
    }
    try:
        return cls(**decoded)
    except TypeError as exc:
        raise CodecError(f"an incomplete {cls.__name__}: {exc}") from exc
    except ValueError as exc:  # a value the dataclass itself refuses, such as month 13
        raise CodecError(f"not a valid {cls.__name__}: {exc}") from exc


def _expect(value: object, kind: type[T], name: str) -> T:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise CodecError(f"{name or 'a value'} must be a {kind.__name__}")
    return value
