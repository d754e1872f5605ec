"""Messages as frozen dataclasses, and their JSON objects on the wire.

A message class names its wire type in `TYPE`; its dataclass fields are its wire fields, in
the same order. `wire(...)` in a field's metadata gives the field's name on the wire where that
differs from the attribute (``from``, ``sdpMid``) and the limits of its values. Decoding reads
the fields' annotations, so the class is the one description of its message: what one side
builds is what the other side reads.

Annotations a field may have: ``str`` (non-empty and at most `max_chars` unless the field says
otherwise), ``int`` (an integer a browser holds exactly, not negative unless `signed`),
``float`` (finite), ``bool``, ``Literal`` strings, ``tuple[X, ...]``, and unions of these with
each other and with ``None``. A field with a default may be left out (or null); one without a
default must be present, and may be null only when its annotation admits None. Anything else
travels through a `ValueCodec` named in the field's metadata.

Pure: no I/O. The decoder is safe on untrusted input: any JSON value gives a message of the
family or a `MessageError`, nothing else.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import math
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Generic, Literal, Protocol, TypeAlias, TypeVar

JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None
WireObject: TypeAlias = dict[str, JSONValue]

# The largest integer a JavaScript number holds exactly.
MAX_SAFE_INTEGER: Final = 2**53 - 1
DEFAULT_MAX_CHARS: Final = 256
_METADATA_KEY: Final = "wire"


class Problem(enum.StrEnum):
    """What is wrong with a value that is not a message (the server's error codes use these)."""

    MALFORMED_JSON = "malformed_json"
    UNKNOWN_TYPE = "unknown_type"
    INVALID_MESSAGE = "invalid_message"


class MessageError(ValueError):
    """Not a message of the family; `type_name` is the offending message's type when it had one."""

    def __init__(self, problem: Problem, message: str, type_name: str | None = None) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.type_name = type_name


class ValueCodec(Protocol):
    """The wire form of a field whose values are not plain JSON scalars or lists of them."""

    description: str

    def encode(self, value: object) -> JSONValue: ...

    def decode(self, value: JSONValue) -> object:
        """The field's value; ValueError when `value` cannot be one."""


@dataclass(frozen=True)
class WireRules:
    name: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    may_be_empty: bool = False
    signed: bool = False
    codec: ValueCodec | None = None


def wire(
    name: str | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    may_be_empty: bool = False,
    signed: bool = False,
    codec: ValueCodec | None = None,
) -> dict[str, WireRules]:
    """Field metadata: ``field(metadata=wire("sdpMid"))``."""
    return {_METADATA_KEY: WireRules(name, max_chars, may_be_empty, signed, codec)}


class WireMessage(Protocol):
    """A frozen dataclass with the wire type it travels as."""

    TYPE: ClassVar[str]
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]


# Covariant: a family only produces its messages, so a family of some messages is a family of
# wire messages.
M = TypeVar("M", bound=WireMessage, covariant=True)


class _Rejected(Exception):
    """A value that one reader (or one alternative of a union) does not accept."""


_Reader: TypeAlias = Callable[[JSONValue], object]


@dataclass(frozen=True)
class _Field:
    attribute: str
    wire_name: str
    has_default: bool
    default: object
    admits_none: bool
    read: _Reader
    description: str
    codec: ValueCodec | None


def encode(message: WireMessage) -> WireObject:
    """The wire object of `message`: its type, then every field (None as null)."""
    wire_object: WireObject = {"type": message.TYPE}
    for field in _fields(type(message)):
        value = getattr(message, field.attribute)
        wire_object[field.wire_name] = (
            field.codec.encode(value) if field.codec is not None else _plain(value)
        )
    return wire_object


def to_json(message: WireMessage) -> str:
    # ASCII output: a lone surrogate (a client's "\ud800" escape) stays an escape instead of
    # failing to encode as UTF-8 on the way out.
    return json.dumps(encode(message), separators=(",", ":"))


def parse_json(text: str) -> JSONValue:
    """A JSON value; MessageError for anything that is not JSON (NaN and Infinity included)."""
    try:
        value: JSONValue = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        raise MessageError(Problem.MALFORMED_JSON, "the message is not valid JSON") from error
    return value


def wire_field_names(message_class: type[WireMessage]) -> list[str]:
    """The names of `message_class`'s fields on the wire, in order."""
    return [field.wire_name for field in _fields(message_class)]


class MessageFamily(Generic[M]):
    """The messages one side may receive on one channel, by wire type."""

    def __init__(self, name: str, classes: Iterable[type[M]]) -> None:
        self.name = name
        self._classes: dict[str, type[M]] = {}
        for message_class in classes:
            if message_class.TYPE in self._classes:
                raise ValueError(f"{name}: two messages of type {message_class.TYPE!r}")
            _fields(message_class)  # refuses annotations without a wire form, at import
            self._classes[message_class.TYPE] = message_class

    @property
    def classes(self) -> tuple[type[M], ...]:
        return tuple(self._classes.values())

    def type_names(self) -> frozenset[str]:
        return frozenset(self._classes)

    def declaration(self) -> dict[str, list[str]]:
        """Every message type of the family with its wire field names."""
        return {name: wire_field_names(cls) for name, cls in self._classes.items()}

    def from_json(self, text: str) -> M:
        return self.decode(parse_json(text))

    def decode(self, value: JSONValue) -> M:
        """The message that `value` (decoded JSON) is; MessageError if it is none of the family."""
        if not isinstance(value, dict):
            raise MessageError(Problem.INVALID_MESSAGE, "a message is a JSON object with a type")
        type_name = value.get("type")
        if not isinstance(type_name, str):
            raise MessageError(Problem.INVALID_MESSAGE, "the message has no type")
        message_class = self._classes.get(type_name)
        if message_class is None:
            shown = type_name[:40]
            raise MessageError(Problem.UNKNOWN_TYPE, f"unknown message type {shown!r}", shown)
        values: dict[str, object] = {}
        for field in _fields(message_class):
            raw = value.get(field.wire_name)
            if raw is None and field.has_default:
                values[field.attribute] = field.default
            elif raw is None and not (field.admits_none and field.wire_name in value):
                raise _invalid(type_name, f"{type_name} needs {field.wire_name}")
            else:
                try:
                    values[field.attribute] = field.read(raw)
                except (_Rejected, ValueError):
                    raise _invalid(
                        type_name, f"{type_name}: {field.wire_name} must be {field.description}"
                    ) from None
        return typing.cast(Callable[..., M], message_class)(**values)


def _invalid(type_name: str, message: str) -> MessageError:
    return MessageError(Problem.INVALID_MESSAGE, message, type_name)


@functools.cache
def _fields(message_class: type[WireMessage]) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(message_class)
    planned = []
    for field in dataclasses.fields(message_class):
        rules: WireRules = field.metadata.get(_METADATA_KEY, WireRules())
        annotation = hints[field.name]
        if rules.codec is not None:
            read: _Reader = rules.codec.decode
            description = rules.codec.description
        else:
            read, description = _reader(annotation, rules)
        has_default = field.default is not dataclasses.MISSING
        planned.append(
            _Field(
                attribute=field.name,
                wire_name=rules.name or field.name,
                has_default=has_default,
                default=field.default if has_default else None,
                admits_none=_admits_none(annotation),
                read=read,
                description=description,
                codec=rules.codec,
            )
        )
    return tuple(planned)


def _admits_none(annotation: object) -> bool:
    return annotation is type(None) or (
        _is_union(annotation) and type(None) in typing.get_args(annotation)
    )


def _is_union(annotation: object) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _reader(annotation: object, rules: WireRules) -> tuple[_Reader, str]:
    """A function that checks one JSON value against `annotation`, and what it accepts."""
    if _is_union(annotation):
        alternatives = [_reader(argument, rules) for argument in typing.get_args(annotation)]

        def read_union(value: JSONValue) -> object:
            for read_alternative, _ in alternatives:
                try:
                    return read_alternative(value)
                except _Rejected:
                    continue
            raise _Rejected

        return read_union, " or ".join(description for _, description in alternatives)
    if typing.get_origin(annotation) is Literal:
        allowed = typing.get_args(annotation)

        def read_literal(value: JSONValue) -> object:
            if isinstance(value, str) and value in allowed:
                return value
            raise _Rejected

        return read_literal, " or ".join(json.dumps(choice) for choice in allowed)
    if typing.get_origin(annotation) is tuple:
        item, ellipsis = typing.get_args(annotation)
        if ellipsis is not Ellipsis:
            raise TypeError(f"only tuple[X, ...] has a wire form, not {annotation!r}")
        read_item, item_description = _reader(item, rules)

        def read_list(value: JSONValue) -> object:
            if not isinstance(value, list):
                raise _Rejected
            return tuple(read_item(entry) for entry in value)

        return read_list, f"a list of {item_description}"
    simple = _SIMPLE_READERS.get(annotation)
    if simple is None:
        raise TypeError(f"{annotation!r} has no wire form: give the field a codec")
    return simple(rules)


def _read_none(rules: WireRules) -> tuple[_Reader, str]:
    def read(value: JSONValue) -> object:
        if value is None:
            return None
        raise _Rejected

    return read, "null"


def _read_bool(rules: WireRules) -> tuple[_Reader, str]:
    def read(value: JSONValue) -> object:
        if isinstance(value, bool):
            return value
        raise _Rejected

    return read, "true or false"


def _read_int(rules: WireRules) -> tuple[_Reader, str]:
    def read(value: JSONValue) -> object:
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and abs(value) <= MAX_SAFE_INTEGER
            and (rules.signed or value >= 0)
        ):
            return value
        raise _Rejected

    return read, "an integer" if rules.signed else "a non-negative integer"


def _read_float(rules: WireRules) -> tuple[_Reader, str]:
    def read(value: JSONValue) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
        raise _Rejected

    return read, "a number"


def _read_str(rules: WireRules) -> tuple[_Reader, str]:
    def read(value: JSONValue) -> object:
        if (
            isinstance(value, str)
            and (value or rules.may_be_empty)
            and len(value) <= rules.max_chars
        ):
            return value
        raise _Rejected

    empty = "a" if rules.may_be_empty else "a non-empty"
    return read, f"{empty} string of at most {rules.max_chars} characters"


_SIMPLE_READERS: Final[dict[object, Callable[[WireRules], tuple[_Reader, str]]]] = {
    type(None): _read_none,
    bool: _read_bool,
    int: _read_int,
    float: _read_float,
    str: _read_str,
}


def _plain(value: object) -> JSONValue:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"{value!r} has no plain wire form: give the field a codec")


def _reject_constant(name: str) -> float:
    # NaN and Infinity are Python extensions, not JSON.
    raise ValueError(f"{name} is not JSON")
