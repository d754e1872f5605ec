"""What every part of the store is built on: the shared connection, and declared operations.

The store is split by aggregate (sites, sessions, notes, ...). Each is an `Aggregate` whose
public methods are its operations, each declared with `@read` or `@write` and registered under
"<aggregate>.<method>": the list a store on a team server will have to offer. All aggregates
share one `StoreConnection`: the database, the clock, the person acting and an optional observer.

A `@write` runs in one transaction; a write called from inside another joins it. For the
outermost write only, the observer hears `operation_started` before its body and
`operation_finished` after it, both inside its transaction, so that what the observer keeps
(an outbox of operations to replay elsewhere) is written atomically with the change.
"""

from __future__ import annotations

import enum
import functools
import inspect
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ClassVar, Concatenate, ParamSpec, Protocol, TypeVar

from sqlite_utils import Database

from outreach_app.core.model import Role, User
from outreach_app.core.rules import RuleError
from outreach_app.storage.errors import StoreError

Clock = Callable[[], datetime]
Params = Sequence[Any] | dict[str, Any]
Row = dict[str, Any]
SYSTEM_USER = User("system", Role.STAFF)
# Saving as the user types must not write one audit row per keystroke: edits to the same record
# by the same person within this window extend the previous entry.
AUDIT_COALESCE_WINDOW = timedelta(minutes=5)


def timestamp(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ", timespec="seconds") if value else None


def parse_timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def local_now() -> datetime:
    return datetime.now().replace(microsecond=0)


class OperationKind(enum.StrEnum):
    READ = "read"
    WRITE = "write"


@dataclass(frozen=True)
class OperationSpec:
    name: str  # "<aggregate>.<method>"
    kind: OperationKind


class OperationObserver(Protocol):
    """Hears every outermost write, inside its transaction. `arguments` are the operation's
    arguments by parameter name, defaults applied."""

    def operation_started(self, name: str, arguments: Mapping[str, object]) -> None: ...

    def operation_finished(
        self, name: str, arguments: Mapping[str, object], result: object
    ) -> None: ...


_REGISTRY: dict[str, OperationSpec] = {}
_KIND = "__store_operation_kind__"


def registered_operations() -> dict[str, OperationSpec]:
    """The operations of every aggregate defined so far, by name."""
    return dict(sorted(_REGISTRY.items()))


class StoreConnection:
    """The database the aggregates share, with the clock, who acts and who observes writes."""

    def __init__(self, db: Database, *, clock: Clock) -> None:
        self.db = db
        # Replaceable so that imported or demo history carries its own timestamps.
        self.clock = clock
        self.actor: User = SYSTEM_USER
        self.observer: OperationObserver | None = None
        self.writes_open = 0

    def now(self) -> datetime:
        return self.clock()

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        cursor: sqlite3.Cursor = self.db.execute(sql, params)
        return cursor


class Aggregate:
    """The operations on one aggregate. Every public method must be declared with @read or
    @write; helpers stay private."""

    aggregate: ClassVar[str]

    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared: list[OperationSpec] = []
        for attribute, value in vars(cls).items():
            if attribute.startswith("_") or not callable(value):
                continue
            kind = getattr(value, _KIND, None)
            if kind is None:
                raise TypeError(
                    f"{cls.__name__}.{attribute} is public but not a declared operation"
                )
            declared.append(OperationSpec(f"{cls.aggregate}.{attribute}", kind))
        _REGISTRY.update((spec.name, spec) for spec in declared)

    @property
    def _actor(self) -> User:
        return self._connection.actor

    def _now(self) -> datetime:
        return self._connection.now()

    def _rows(self, sql: str, params: Params = ()) -> list[Row]:
        return self._connection.rows(sql, params)

    def _one(self, sql: str, params: Params = ()) -> Row | None:
        return self._connection.one(sql, params)

    def _execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self._connection.execute(sql, params)

    def _audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        *,
        session_id: int | None = None,
        detail: str = "",
        coalesce: bool = False,
    ) -> None:
        """One entry of the audit trail, written with the change it describes."""
        now = self._now()
        if coalesce:
            last = self._one(
                "SELECT id, at, actor, action FROM audit_log WHERE entity = ? AND entity_id = ?"
                " ORDER BY id DESC LIMIT 1",
                (entity, entity_id),
            )
            if (
                last is not None
                and last["actor"] == self._actor.name
                and last["action"] == action
                and now - datetime.fromisoformat(last["at"]) <= AUDIT_COALESCE_WINDOW
            ):
                self._execute(
                    "UPDATE audit_log SET at = ?, detail = ? WHERE id = ?",
                    (timestamp(now), detail[:200], last["id"]),
                )
                return
        self._execute(
            "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, session_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                timestamp(now),
                self._actor.name,
                self._actor.role.value,
                action,
                entity,
                entity_id,
                session_id,
                detail[:200],
            ),
        )


A = TypeVar("A", bound=Aggregate)
P = ParamSpec("P")
T = TypeVar("T")


def read(method: Callable[Concatenate[A, P], T]) -> Callable[Concatenate[A, P], T]:
    """Declare an operation that only reads."""
    setattr(method, _KIND, OperationKind.READ)
    return method


def write(method: Callable[Concatenate[A, P], T]) -> Callable[Concatenate[A, P], T]:
    """Declare an operation that changes data: it runs in one transaction (joining the one of
    the write that called it, if any), and a rule of core/ it breaks is refused as StoreError."""
    signature = inspect.signature(method)

    def operation(self: A, /, *args: P.args, **kwargs: P.kwargs) -> T:
        connection = self._connection
        try:
            if connection.writes_open:
                return method(self, *args, **kwargs)
            with connection.db.atomic():
                connection.writes_open += 1
                try:
                    observer = connection.observer
                    if observer is None:
                        return method(self, *args, **kwargs)
                    name = f"{self.aggregate}.{method.__name__}"
                    arguments = _bound_arguments(signature, self, args, kwargs)
                    observer.operation_started(name, arguments)
                    result = method(self, *args, **kwargs)
                    observer.operation_finished(name, arguments, result)
                    return result
                finally:
                    connection.writes_open -= 1
        except RuleError as exc:
            raise StoreError(exc.template, **exc.params) from exc

    functools.update_wrapper(operation, method)
    setattr(operation, _KIND, OperationKind.WRITE)
    return operation


def _bound_arguments(
    signature: inspect.Signature, self: object, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> dict[str, object]:
    bound = signature.bind(self, *args, **kwargs)
    bound.apply_defaults()
    _self, *rest = bound.arguments.items()
    return dict(rest)
