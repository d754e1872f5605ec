"""The outbox: every change this computer makes to the shared record, kept until the server has
answered it.

Installed as the observer of the replica's store, it hears each operation inside its
transaction, so the change and its outbox entry are committed together: a crash keeps both or
neither. An entry holds the operation's name and arguments (local ids as record ids), the time it
was made, the rows it touched, and the version of each row it changed as this computer knew it
(the server refuses the operation as a conflict if any of them has moved on). Saves made while
someone types (the same answer, again and again) are folded into the entry still waiting to go.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlite_utils import Database

from outreach_app.core.permissions import LOCAL_OPERATIONS, MERGING_OPERATIONS
from outreach_app.core.sync_model import JSON, UNVERSIONED, Expectation, PushedOperation, RowKey
from outreach_app.storage.change_tracking import ChangeTracker, Touch
from outreach_app.storage.errors import StoreError
from outreach_app.storage.operation_codec import ID_LIST_TABLES, ID_TABLES, encode_arguments
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_operations import RecordIds, shared_write
from outreach_app.storage.shared_rows import SHARED_TABLES, MissingRowError

# Saves of one thing repeated as the person types: only the last one needs to travel.
COALESCING_OPERATIONS: Final = frozenset(
    {
        "notes.update_question",
        "notes.save_answer",
        "notes.set_commitment",
        "sessions.save_briefing",
    }
)
# The server writes its own audit trail; this computer's entries are never a conflict.
UNCHECKED_TABLES: Final = frozenset({"audit_log"})


class EntryState:
    PENDING = "pending"
    CONFLICT = "conflict"
    REFUSED = "refused"


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    operation: PushedOperation
    touched: tuple[RowKey, ...]
    state: str
    outcome: dict[str, JSON] | None


@dataclass
class _Recording:
    name: str
    op_id: str
    uid_seed: str
    arguments: dict[str, JSON]
    folded_into: int | None  # the seq of the waiting entry this save replaces


class OutboxKeeper:
    def __init__(
        self,
        repo: Repository,
        tracker: ChangeTracker,
        *,
        in_flight: Callable[[], set[str]],
        changed: Callable[[], None],
    ) -> None:
        self._repo = repo
        self._tracker = tracker
        self._in_flight = in_flight
        self._changed = changed
        self._recording: _Recording | None = None

    @property
    def _db(self) -> Database:
        return self._repo.db

    def install(self) -> None:
        self._tracker.install(self._db, [table.name for table in SHARED_TABLES])

    def operation_started(self, name: str, arguments: Mapping[str, object]) -> None:
        self._recording = None
        function = shared_write(self._repo, name)
        if function is None or name in LOCAL_OPERATIONS:
            return
        try:
            encoded = encode_arguments(function, arguments, RecordIds(self._repo))
        except MissingRowError as exc:
            raise StoreError(
                "this change refers to something that is gone: {error}", error=exc
            ) from exc
        waiting = self._waiting_entry_to_fold(name, encoded)
        if waiting is None:
            op_id = uuid.uuid4().hex
            self._recording = _Recording(name, op_id, op_id, encoded, None)
            self._tracker.begin(op_id)
        else:
            seq, op_id, uid_seed = waiting
            self._recording = _Recording(name, op_id, uid_seed, encoded, seq)
            # Rows this save makes anew get ids of their own; if the server's single replay
            # makes none, they are dropped when its answer comes (see sync/client.py).
            self._tracker.begin(op_id, uid_seed=uuid.uuid4().hex)

    def operation_finished(
        self, name: str, arguments: Mapping[str, object], result: object
    ) -> None:
        recording, self._recording = self._recording, None
        if recording is None:
            return
        effect = self._tracker.end()
        touched = [(t.table, t.uid) for t in effect.touched]
        expectations: list[Expectation] = []
        if name not in MERGING_OPERATIONS:
            for row in effect.touched:
                if row.touch is Touch.INSERT or row.table in UNCHECKED_TABLES:
                    continue
                base = self.version((row.table, row.uid))
                if base != recording.op_id:
                    expectations.append(Expectation(row.table, row.uid, base))
        for key in touched:
            self._set_version(key, recording.op_id)
        at = self._repo.clock().isoformat(sep=" ")
        if recording.folded_into is not None:
            self._fold(recording, expectations, touched, at)
        else:
            self._db.execute(
                "INSERT INTO sync_outbox (op_id, uid_seed, name, arguments, expectations,"
                " touched, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    recording.op_id,
                    recording.uid_seed,
                    name,
                    _dumps(recording.arguments),
                    _dumps([[e.table, e.uid, e.version] for e in expectations]),
                    _dumps([list(key) for key in touched]),
                    at,
                ),
            )
        self._changed()

    def _waiting_entry_to_fold(
        self, name: str, arguments: dict[str, JSON]
    ) -> tuple[int, str, str] | None:
        if name not in COALESCING_OPERATIONS:
            return None
        last = self._db.execute(
            "SELECT seq, op_id, uid_seed, name, arguments, state FROM sync_outbox"
            " ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if last is None or last[3] != name or last[5] != EntryState.PENDING:
            return None
        if str(last[1]) in self._in_flight():
            return None
        if _target(json.loads(last[4])) != _target(arguments):
            return None
        return int(last[0]), str(last[1]), str(last[2])

    def _fold(
        self,
        recording: _Recording,
        expectations: list[Expectation],
        touched: list[RowKey],
        at: str,
    ) -> None:
        row = self._db.execute(
            "SELECT expectations, touched FROM sync_outbox WHERE seq = ?", (recording.folded_into,)
        ).fetchone()
        earlier = [Expectation(*item) for item in json.loads(row[0])]
        known = {(e.table, e.uid) for e in earlier}
        merged = earlier + [e for e in expectations if (e.table, e.uid) not in known]
        rows = [tuple(item) for item in json.loads(row[1])]
        rows += [key for key in touched if key not in rows]
        self._db.execute(
            "UPDATE sync_outbox SET arguments = ?, expectations = ?, touched = ?, at = ?"
            " WHERE seq = ?",
            (
                _dumps(recording.arguments),
                _dumps([[e.table, e.uid, e.version] for e in merged]),
                _dumps([list(key) for key in rows]),
                at,
                recording.folded_into,
            ),
        )

    def version(self, key: RowKey) -> str:
        row = self._db.execute(
            "SELECT version FROM sync_versions WHERE tbl = ? AND uid = ?", key
        ).fetchone()
        return UNVERSIONED if row is None else str(row[0])

    def _set_version(self, key: RowKey, version: str) -> None:
        self._db.execute(
            "INSERT INTO sync_versions (tbl, uid, version) VALUES (?, ?, ?)"
            " ON CONFLICT(tbl, uid) DO UPDATE SET version = excluded.version",
            (*key, version),
        )


def read_entries(db: Database, *, state: str | None = None, limit: int = 1000) -> list[OutboxEntry]:
    where, params = ("WHERE state = ?", [state]) if state else ("", [])
    rows = db.execute(
        "SELECT seq, op_id, uid_seed, name, arguments, expectations, touched, at, state,"
        f" outcome FROM sync_outbox {where} ORDER BY seq LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        OutboxEntry(
            seq=int(seq),
            operation=PushedOperation(
                op_id=str(op_id),
                name=str(name),
                arguments=json.loads(arguments),
                at=datetime.fromisoformat(at),
                expectations=tuple(Expectation(*item) for item in json.loads(expectations)),
                uid_seed=str(uid_seed),
            ),
            touched=tuple((str(t), str(u)) for t, u in json.loads(touched)),
            state=str(state_value),
            outcome=None if outcome is None else json.loads(outcome),
        )
        for (
            seq,
            op_id,
            uid_seed,
            name,
            arguments,
            expectations,
            touched,
            at,
            state_value,
            outcome,
        ) in rows
    ]


def dirty_rows(db: Database) -> set[RowKey]:
    """Rows that operations still waiting for the server (or for the person) have changed:
    changes pulled from the record must not overwrite them yet."""
    rows: set[RowKey] = set()
    for (touched,) in db.execute("SELECT touched FROM sync_outbox").fetchall():
        rows.update((str(t), str(u)) for t, u in json.loads(touched))
    return rows


def _target(arguments: Mapping[str, JSON]) -> dict[str, JSON]:
    """The arguments that say which thing a save is about (its ids)."""
    return {
        name: value
        for name, value in arguments.items()
        if name in ID_TABLES or name in ID_LIST_TABLES
    }


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
