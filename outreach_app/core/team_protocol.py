"""The team protocol: what an app and the team server say over the WebSocket at /team/sync.

JSON text frames, each an object with a ``type`` (see `message_codec`). The app sends
`TEAM_CLIENT_MESSAGES`::

    hello      token, device, cursor, protocol       first, within a few seconds
    push       operations                            this computer's changes, in order
    pull       cursor, limit                         the record's changes after `cursor`
    fetch      rows                                  the record's current state of some rows
    live       session, floor, on                    the official's call: live, who speaks
    invite     session                               the session's invitation links
    accounts   action, name, role, password          keep accounts (administrators only)
    ping       id

and receives `TEAM_SERVER_MESSAGES`: ``welcome`` (who it is signed in as, the record's head),
``pushed`` (one outcome per operation, in order), ``changes``, ``rows``, ``nudge`` (the head
moved: pull), ``live`` (every session that is live now), ``invitations``, ``accounts-result``,
``pong`` and ``error``. A connection whose sign-in is revoked or expires is closed with
`CloseCode.UNAUTHORIZED`. A new replica's first copy is a database file, fetched over HTTP
(GET /team/snapshot, see team/snapshot.py).

Record ids travel as 32 hexadecimal characters; an operation's arguments are checked against
the operation itself on the server (storage/operation_codec.py), not here.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Final, Literal, TypeAlias

from outreach_app.core.message_codec import JSONValue, MessageFamily, wire
from outreach_app.core.model import Role
from outreach_app.core.sync_model import (
    JSON,
    AccountView,
    ChangeEntry,
    Expectation,
    OperationOutcome,
    Outcome,
    PushedOperation,
    RowKey,
)

PROTOCOL_VERSION: Final = 1
# What the record's copy (GET /team/snapshot) holds up to, in the answer's headers.
SNAPSHOT_HEAD_HEADER: Final = "X-Outreach-Head"
SNAPSHOT_BASELINE_HEADER: Final = "X-Outreach-Baseline"
MAX_TOKEN_CHARS: Final = 1024
MAX_BATCH: Final = 200
MAX_PULL: Final = 2000
MAX_FETCH: Final = 500
MAX_NAME_CHARS: Final = 64
_UID = re.compile(r"[0-9a-f]{32}")
_TABLE = re.compile(r"[a-z_]{1,40}")
_OP_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
_OPERATION = re.compile(r"[a-z_]{1,40}\.[a-z_]{1,60}")


class TeamErrorCode(enum.StrEnum):
    INVALID_MESSAGE = "invalid_message"
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"
    NOT_SIGNED_IN = "not_signed_in"
    TOKEN_INVALID = "token_invalid"
    TOKEN_EXPIRED = "token_expired"
    REVOKED = "revoked"
    FORBIDDEN = "forbidden"
    PROTOCOL = "protocol"
    NOT_FOUND = "not_found"
    INTERNAL = "internal"


class _Codec:
    """A ValueCodec made of two functions; `decode` raises ValueError on anything else."""

    def __init__(self, description: str) -> None:
        self.description = description


def _uid(value: object) -> str:
    if not isinstance(value, str) or not _UID.fullmatch(value):
        raise ValueError("not a record id")
    return value


def _table(value: object) -> str:
    if not isinstance(value, str) or not _TABLE.fullmatch(value):
        raise ValueError("not a table name")
    return value


def _text(value: object, limit: int = 256, *, empty: bool = True) -> str:
    if not isinstance(value, str) or len(value) > limit or (not empty and not value):
        raise ValueError("not a string")
    return value


def _list(value: object, limit: int) -> list[JSONValue]:
    if not isinstance(value, list) or len(value) > limit:
        raise ValueError("not a list")
    return value


def _object(value: object) -> dict[str, JSONValue]:
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


def _row(value: object) -> dict[str, JSON] | None:
    """A row: column names to scalars (null: the row is gone)."""
    if value is None:
        return None
    row = _object(value)
    for name, cell in row.items():
        if not _TABLE.fullmatch(name) or isinstance(cell, list | dict):
            raise ValueError("not a row")
    return dict(row)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("not a non-negative integer")
    return value


class _Operations(_Codec):
    def encode(self, value: object) -> JSONValue:
        operations = value if isinstance(value, tuple) else ()
        return [
            {
                "op": op.op_id,
                "name": op.name,
                "arguments": op.arguments,
                "at": op.at.isoformat(),
                "expect": [[e.table, e.uid, e.version] for e in op.expectations],
                "seed": op.uid_seed,
            }
            for op in operations
            if isinstance(op, PushedOperation)
        ]

    def decode(self, value: JSONValue) -> object:
        operations = []
        for item in _list(value, MAX_BATCH):
            entry = _object(item)
            op_id, name = _text(entry.get("op"), 64), _text(entry.get("name"), 110)
            if not _OP_ID.fullmatch(op_id) or not _OPERATION.fullmatch(name):
                raise ValueError("not an operation")
            expectations = tuple(
                Expectation(_table(t), _uid(u), _text(v, 80))
                for t, u, v in (_triple(e) for e in _list(entry.get("expect", []), 10_000))
            )
            seed = _text(entry.get("seed", ""), 64)
            operations.append(
                PushedOperation(
                    op_id=op_id,
                    name=name,
                    arguments=dict(_object(entry.get("arguments"))),
                    at=datetime.fromisoformat(_text(entry.get("at"), 40)),
                    expectations=expectations,
                    uid_seed=seed,
                )
            )
        return tuple(operations)


def _triple(value: object) -> tuple[object, object, object]:
    items = _list(value, 3)
    if len(items) != 3:
        raise ValueError("not a triple")
    return items[0], items[1], items[2]


def _pair(value: object) -> tuple[object, object]:
    items = _list(value, 2)
    if len(items) != 2:
        raise ValueError("not a pair")
    return items[0], items[1]


class _Outcomes(_Codec):
    def encode(self, value: object) -> JSONValue:
        outcomes = value if isinstance(value, tuple) else ()
        return [
            {
                "op": o.op_id,
                "outcome": o.outcome.value,
                "message": o.message,
                "params": dict(o.params),
                "rows": [list(key) for key in o.rows],
            }
            for o in outcomes
            if isinstance(o, OperationOutcome)
        ]

    def decode(self, value: JSONValue) -> object:
        outcomes = []
        for item in _list(value, MAX_BATCH):
            entry = _object(item)
            params = _object(entry.get("params", {}))
            outcomes.append(
                OperationOutcome(
                    op_id=_text(entry.get("op"), 64, empty=False),
                    outcome=Outcome(_text(entry.get("outcome"), 20)),
                    message=_text(entry.get("message", ""), 1000),
                    params={str(k): _text(v, 1000) for k, v in params.items()},
                    rows=tuple(
                        (_table(t), _text(u, 64))
                        for t, u in (_pair(r) for r in _list(entry.get("rows", []), 100_000))
                    ),
                )
            )
        return tuple(outcomes)


class _Entries(_Codec):
    def encode(self, value: object) -> JSONValue:
        entries = value if isinstance(value, tuple) else ()
        return [
            [e.seq, e.op_id, e.table, e.uid, e.row] for e in entries if isinstance(e, ChangeEntry)
        ]

    def decode(self, value: JSONValue) -> object:
        entries = []
        for item in _list(value, MAX_PULL):
            fields = _list(item, 5)
            if len(fields) != 5:
                raise ValueError("not a change")
            seq, op_id, table, uid, row = fields
            entries.append(
                ChangeEntry(_int(seq), _text(op_id, 80), _table(table), _uid(uid), _row(row))
            )
        return tuple(entries)


class _RowKeys(_Codec):
    def encode(self, value: object) -> JSONValue:
        keys = value if isinstance(value, tuple) else ()
        return [[table, uid] for table, uid in keys]

    def decode(self, value: JSONValue) -> object:
        return tuple(
            (_table(t), _uid(u)) for t, u in (_pair(item) for item in _list(value, MAX_FETCH))
        )


FetchedRow: TypeAlias = tuple[str, str, dict[str, JSON] | None, str]


class _FetchedRows(_Codec):
    def encode(self, value: object) -> JSONValue:
        rows = value if isinstance(value, tuple) else ()
        return [list(row) for row in rows]

    def decode(self, value: JSONValue) -> object:
        rows = []
        for item in _list(value, MAX_FETCH):
            fields = _list(item, 4)
            if len(fields) != 4:
                raise ValueError("not a row")
            table, uid, row, version = fields
            rows.append((_table(table), _uid(uid), _row(row), _text(version, 80)))
        return tuple(rows)


@dataclass(frozen=True)
class LiveSession:
    """A call going on now, as the official's computer reports it."""

    session: str  # the session's record id
    floor: str | None  # the record id of the site that has the floor
    official: str  # the account running it


class _LiveSessions(_Codec):
    def encode(self, value: object) -> JSONValue:
        sessions = value if isinstance(value, tuple) else ()
        return [
            {"session": s.session, "floor": s.floor, "official": s.official}
            for s in sessions
            if isinstance(s, LiveSession)
        ]

    def decode(self, value: JSONValue) -> object:
        sessions = []
        for item in _list(value, 1000):
            entry = _object(item)
            floor = entry.get("floor")
            sessions.append(
                LiveSession(
                    _uid(entry.get("session")),
                    None if floor is None else _uid(floor),
                    _text(entry.get("official"), MAX_NAME_CHARS),
                )
            )
        return tuple(sessions)


@dataclass(frozen=True)
class SiteLinks:
    site: str  # the site's record id
    number: int  # what the signaling server calls the site (its id on the server)
    join: str
    check: str


class _Links(_Codec):
    def encode(self, value: object) -> JSONValue:
        links = value if isinstance(value, tuple) else ()
        return [
            {"site": link.site, "number": link.number, "join": link.join, "check": link.check}
            for link in links
            if isinstance(link, SiteLinks)
        ]

    def decode(self, value: JSONValue) -> object:
        return tuple(
            SiteLinks(
                _uid(entry.get("site")),
                _int(entry.get("number")),
                _text(entry.get("join"), 2048, empty=False),
                _text(entry.get("check"), 2048, empty=False),
            )
            for entry in (_object(item) for item in _list(value, 1000))
        )


class _Accounts(_Codec):
    def encode(self, value: object) -> JSONValue:
        accounts = value if isinstance(value, tuple) else ()
        return [
            {
                "name": a.name,
                "display_name": a.display_name,
                "role": a.role.value,
                "disabled": a.disabled,
            }
            for a in accounts
            if isinstance(a, AccountView)
        ]

    def decode(self, value: JSONValue) -> object:
        return tuple(
            AccountView(
                _text(entry.get("name"), MAX_NAME_CHARS, empty=False),
                _text(entry.get("display_name"), 200),
                Role(_text(entry.get("role"), 20)),
                bool(entry.get("disabled")),
            )
            for entry in (_object(item) for item in _list(value, 10_000))
        )


# ----- App to team server -----


@dataclass(frozen=True)
class Hello:
    """`schema`: the app's schema (storage/schema.py); rows travel only between equal ones."""

    TYPE: ClassVar[str] = "hello"
    token: str = field(metadata=wire(max_chars=MAX_TOKEN_CHARS))
    device: str = field(metadata=wire(max_chars=100))
    cursor: int
    protocol: int
    schema: str = field(default="", metadata=wire(max_chars=64, may_be_empty=True))


@dataclass(frozen=True)
class Push:
    TYPE: ClassVar[str] = "push"
    operations: tuple[PushedOperation, ...] = field(
        metadata=wire(codec=_Operations("a list of operations"))
    )


@dataclass(frozen=True)
class Pull:
    TYPE: ClassVar[str] = "pull"
    cursor: int
    limit: int = MAX_PULL


@dataclass(frozen=True)
class Fetch:
    TYPE: ClassVar[str] = "fetch"
    rows: tuple[RowKey, ...] = field(metadata=wire(codec=_RowKeys("a list of [table, uid]")))


@dataclass(frozen=True)
class Live:
    """The official's computer: `session` is live (or, `on` false, no longer), `floor` speaks."""

    TYPE: ClassVar[str] = "live"
    session: str = field(metadata=wire(max_chars=32))
    floor: str | None = field(default=None, metadata=wire(max_chars=32))
    on: bool = True


@dataclass(frozen=True)
class Invite:
    TYPE: ClassVar[str] = "invite"
    session: str = field(metadata=wire(max_chars=32))


AccountAction: TypeAlias = Literal["list", "add", "disable", "enable", "reset"]


@dataclass(frozen=True)
class Accounts:
    TYPE: ClassVar[str] = "accounts"
    action: AccountAction
    name: str = field(default="", metadata=wire(max_chars=MAX_NAME_CHARS, may_be_empty=True))
    role: str = field(default="", metadata=wire(max_chars=20, may_be_empty=True))
    password: str = field(default="", metadata=wire(max_chars=1024, may_be_empty=True))
    display_name: str = field(default="", metadata=wire(max_chars=200, may_be_empty=True))


@dataclass(frozen=True)
class TeamPing:
    TYPE: ClassVar[str] = "ping"
    id: int = 0


TeamClientMessage: TypeAlias = Hello | Push | Pull | Fetch | Live | Invite | Accounts | TeamPing
TEAM_CLIENT_MESSAGES: Final = MessageFamily[TeamClientMessage](
    "team, app to server", (Hello, Push, Pull, Fetch, Live, Invite, Accounts, TeamPing)
)


# ----- Team server to app -----


@dataclass(frozen=True)
class Welcome:
    TYPE: ClassVar[str] = "welcome"
    account: str = field(metadata=wire(max_chars=MAX_NAME_CHARS))
    display_name: str = field(metadata=wire(max_chars=200))
    role: str = field(metadata=wire(max_chars=20))
    record: str = field(metadata=wire(max_chars=64))
    office: str = field(metadata=wire(max_chars=200))
    head: int
    protocol: int
    # A copy that has not pulled up to here is from before an import: it takes a new one.
    baseline: int = 0


@dataclass(frozen=True)
class Pushed:
    TYPE: ClassVar[str] = "pushed"
    outcomes: tuple[OperationOutcome, ...] = field(
        metadata=wire(codec=_Outcomes("a list of outcomes"))
    )


@dataclass(frozen=True)
class Changes:
    TYPE: ClassVar[str] = "changes"
    entries: tuple[ChangeEntry, ...] = field(metadata=wire(codec=_Entries("a list of changes")))
    head: int
    more: bool


@dataclass(frozen=True)
class Rows:
    TYPE: ClassVar[str] = "rows"
    rows: tuple[FetchedRow, ...] = field(metadata=wire(codec=_FetchedRows("a list of rows")))


@dataclass(frozen=True)
class Nudge:
    TYPE: ClassVar[str] = "nudge"
    head: int


@dataclass(frozen=True)
class LiveNow:
    TYPE: ClassVar[str] = "live-now"
    sessions: tuple[LiveSession, ...] = field(
        metadata=wire(codec=_LiveSessions("a list of live sessions"))
    )


@dataclass(frozen=True)
class Invitations:
    """Every site's links; for an official also the host token of the call, and the number the
    signaling server knows the session by."""

    TYPE: ClassVar[str] = "invitations"
    session: str = field(metadata=wire(max_chars=32))
    links: tuple[SiteLinks, ...] = field(metadata=wire(codec=_Links("a list of links")))
    host: str = field(metadata=wire(max_chars=MAX_TOKEN_CHARS, may_be_empty=True))
    number: int


@dataclass(frozen=True)
class AccountsResult:
    TYPE: ClassVar[str] = "accounts-result"
    ok: bool
    message: str = field(default="", metadata=wire(max_chars=1000, may_be_empty=True))
    accounts: tuple[AccountView, ...] = field(
        default=(), metadata=wire(codec=_Accounts("a list of accounts"))
    )


@dataclass(frozen=True)
class TeamPong:
    TYPE: ClassVar[str] = "pong"
    id: int = 0


@dataclass(frozen=True)
class TeamError:
    TYPE: ClassVar[str] = "error"
    code: str = field(metadata=wire(max_chars=40))
    message: str = field(default="", metadata=wire(max_chars=1000, may_be_empty=True))


TeamServerMessage: TypeAlias = (
    Welcome
    | Pushed
    | Changes
    | Rows
    | Nudge
    | LiveNow
    | Invitations
    | AccountsResult
    | TeamPong
    | TeamError
)
TEAM_SERVER_MESSAGES: Final = MessageFamily[TeamServerMessage](
    "team, server to app",
    (
        Welcome,
        Pushed,
        Changes,
        Rows,
        Nudge,
        LiveNow,
        Invitations,
        AccountsResult,
        TeamPong,
        TeamError,
    ),
)
