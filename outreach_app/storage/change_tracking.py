"""Which rows of the shared record an operation changed, and the record ids it gave new rows.

Every row of a shared table carries a record id (`uid`): the same on every computer of an office
and on its team server, while each database keeps its own integer ids. A permanent trigger gives
each new row a uid from `outreach_new_uid(table)`; in team mode the uids an operation gives are
derived from the operation's own id, so that the server, replaying the operation, gives its new
rows the same uids as the computer where it was made.

Team mode also installs temporary triggers (this connection only) that report every row an
operation inserts, updates or deletes. Rows changed outside an operation, such as changes pulled
from the server being applied, are not reported.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Final

from sqlite_utils import Database

NEW_UID_FUNCTION: Final = "outreach_new_uid"
TOUCHED_FUNCTION: Final = "outreach_touched"
# Record ids made from an operation's id: the same operation gives the same ids everywhere.
_NAMESPACE: Final = uuid.UUID("6f1b2a4e-9a57-4c1e-8f0e-2d4b6f3a9c10")


def random_uid(_table: str = "") -> str:
    return uuid.uuid4().hex


class Touch(enum.StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(frozen=True)
class TouchedRow:
    table: str
    uid: str
    touch: Touch


@dataclass
class OperationEffect:
    """One operation's changes to shared rows, in the order they first happened. New rows get
    uids derived from `uid_seed`."""

    op_id: str
    uid_seed: str
    _touched: dict[tuple[str, str], Touch] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=dict)

    def new_uid(self, table: str) -> str:
        count = self._counters.get(table, 0) + 1
        self._counters[table] = count
        return uuid.uuid5(_NAMESPACE, f"{self.uid_seed}/{table}/{count}").hex

    def touch(self, table: str, uid: str, touch: Touch) -> None:
        key = (table, uid)
        earlier = self._touched.get(key)
        if earlier is None:
            self._touched[key] = touch
        elif touch is Touch.DELETE:
            self._touched[key] = Touch.DELETE
        elif earlier is Touch.DELETE:
            # Deleted, then made again under the same id: for whoever knew it, a change.
            self._touched[key] = Touch.UPDATE
        # An insert or update followed by an update stays what it was first.

    @property
    def touched(self) -> list[TouchedRow]:
        return [TouchedRow(table, uid, touch) for (table, uid), touch in self._touched.items()]


class ChangeTracker:
    """Reports the shared rows each operation changes on one connection.

    `uid_source` is what the permanent triggers call for a new row's uid; install the tracker
    on the connection with `install` and wrap each operation in `operation(op_id)`.
    """

    def __init__(self) -> None:
        self._current: OperationEffect | None = None

    @property
    def current(self) -> OperationEffect | None:
        return self._current

    def new_uid(self, table: str) -> str:
        if self._current is None:
            return random_uid()
        return self._current.new_uid(table)

    def _touched(self, table: str, uid: str | None, touch: str) -> int:
        if self._current is not None and uid is not None:
            self._current.touch(table, uid, Touch(touch))
        return 0

    def install(self, db: Database, tables: Sequence[str]) -> None:
        db.conn.create_function(NEW_UID_FUNCTION, 1, self.new_uid)
        db.conn.create_function(TOUCHED_FUNCTION, 3, self._touched)
        for table in tables:
            for statement in _tracking_triggers(table):
                db.execute(statement)

    def begin(self, op_id: str, *, uid_seed: str | None = None) -> OperationEffect:
        """Start recording the operation `op_id`. An operation that failed before `end` was
        called (its transaction rolled back) is simply replaced."""
        self._current = OperationEffect(op_id, uid_seed or op_id)
        return self._current

    def end(self) -> OperationEffect:
        if self._current is None:
            raise RuntimeError("no operation is being recorded")
        effect, self._current = self._current, None
        return effect

    @contextmanager
    def operation(self, op_id: str) -> Iterator[OperationEffect]:
        if self._current is not None:
            raise RuntimeError("operations do not nest")
        effect = self.begin(op_id)
        try:
            yield effect
        finally:
            self._current = None


def _tracking_triggers(table: str) -> list[str]:
    touched = f"SELECT {TOUCHED_FUNCTION}('{table}'"
    # A new row gets its uid from the permanent trigger's UPDATE just after the INSERT, unless
    # it was inserted with one: both ways are reported once, as an insert.
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS track_{table}_insert AFTER INSERT ON main.{table}"
        f" WHEN NEW.uid IS NOT NULL BEGIN {touched}, NEW.uid, 'insert'); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS track_{table}_uid AFTER UPDATE OF uid ON main.{table}"
        f" WHEN OLD.uid IS NULL BEGIN {touched}, NEW.uid, 'insert'); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS track_{table}_update AFTER UPDATE ON main.{table}"
        f" WHEN OLD.uid IS NOT NULL BEGIN {touched}, NEW.uid, 'update'); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS track_{table}_delete AFTER DELETE ON main.{table}"
        f" BEGIN {touched}, OLD.uid, 'delete'); END",
    ]
