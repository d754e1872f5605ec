"""Keeps the record's history on the team server: every operation's changes, and conflicts.

Installed as the observer of the record's store, it hears every operation inside its
transaction. When the operation came from a client, it first checks that every row the
operation changed is still at the version the client based it on (and that the operation did
not change a row the client did not know it was changing); a mismatch raises `ConflictError`,
which rolls the whole operation back. Otherwise each changed row is appended to the change log
as it now is, with the operation's id as the row's new version, and the operation's outcome is
kept under its id so that sending it again returns the same answer: all in the operation's own
transaction, so that a crash keeps either all of it or nothing.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from outreach_app.core.permissions import MERGING_OPERATIONS
from outreach_app.core.sync_model import (
    UNVERSIONED,
    ChangeEntry,
    Expectation,
    OperationOutcome,
    Outcome,
    PushedOperation,
    RowKey,
)
from outreach_app.storage.change_tracking import ChangeTracker, OperationEffect, Touch
from outreach_app.storage.shared_rows import SHARED_TABLES, ordered, read_row

# The server writes its own audit trail for every operation, under the signed-in account.
UNCHECKED_TABLES = frozenset({"audit_log"})


class ConflictError(Exception):
    def __init__(self, rows: list[RowKey]) -> None:
        super().__init__(f"{len(rows)} rows changed meanwhile")
        self.rows = rows


@dataclass(frozen=True)
class Push:
    """The client operation being replayed, and who sent it."""

    operation: PushedOperation
    account_id: int
    device: str


class RecordKeeper:
    def __init__(self, db: Database, tracker: ChangeTracker) -> None:
        self._db = db
        self._tracker = tracker
        self.push: Push | None = None

    def install(self) -> None:
        self._tracker.install(self._db, [table.name for table in SHARED_TABLES])

    def operation_started(self, name: str, arguments: Mapping[str, object]) -> None:
        if self.push is None:
            self._tracker.begin(f"server-{uuid.uuid4().hex}")
            return
        operation = self.push.operation
        self._tracker.begin(operation.op_id, uid_seed=operation.uid_seed or operation.op_id)

    def operation_finished(
        self, name: str, arguments: Mapping[str, object], result: object
    ) -> None:
        effect = self._tracker.end()
        if self.push is not None and name not in MERGING_OPERATIONS:
            conflicts = self._conflicting_rows(effect, self.push.operation.expectations)
            if conflicts:
                raise ConflictError(conflicts)
        rows = self._log(effect)
        if self.push is not None:
            self.remember(
                self.push,
                OperationOutcome(self.push.operation.op_id, Outcome.APPLIED, rows=tuple(rows)),
            )

    def _conflicting_rows(
        self, effect: OperationEffect, expectations: tuple[Expectation, ...]
    ) -> list[RowKey]:
        expected = {(e.table, e.uid): e.version for e in expectations}
        conflicts: list[RowKey] = []
        for touched in effect.touched:
            if touched.touch is Touch.INSERT or touched.table in UNCHECKED_TABLES:
                continue
            key = (touched.table, touched.uid)
            if expected.get(key) != self.version(key):
                conflicts.append(key)
        return conflicts

    def version(self, key: RowKey) -> str:
        row = self._db.execute(
            "SELECT op_id FROM team_row_versions WHERE tbl = ? AND uid = ?", key
        ).fetchone()
        return UNVERSIONED if row is None else str(row[0])

    def _log(self, effect: OperationEffect) -> list[RowKey]:
        kept = [(t.table, t.uid) for t in effect.touched if t.touch is not Touch.DELETE]
        gone = [(t.table, t.uid) for t in effect.touched if t.touch is Touch.DELETE]
        keys = ordered(kept) + list(reversed(ordered(gone)))
        for table, uid in keys:
            row = read_row(self._db, table, uid)
            self._db.execute(
                "INSERT INTO team_changes (op_id, tbl, uid, deleted, row) VALUES (?, ?, ?, ?, ?)",
                (
                    effect.op_id,
                    table,
                    uid,
                    int(row is None),
                    None if row is None else json.dumps(row, ensure_ascii=False),
                ),
            )
            self._db.execute(
                "INSERT INTO team_row_versions (tbl, uid, op_id) VALUES (?, ?, ?)"
                " ON CONFLICT(tbl, uid) DO UPDATE SET op_id = excluded.op_id",
                (table, uid, effect.op_id),
            )
        return keys

    def remember(self, push: Push, outcome: OperationOutcome) -> None:
        self._db.execute(
            "INSERT INTO team_operations (op_id, account_id, device, name, outcome, result,"
            " received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(op_id) DO NOTHING",
            (
                push.operation.op_id,
                push.account_id,
                push.device,
                push.operation.name,
                outcome.outcome.value,
                json.dumps(
                    {
                        "message": outcome.message,
                        "params": outcome.params,
                        "rows": [list(key) for key in outcome.rows],
                        # What the operation was based on: the record's history can be checked
                        # afterwards for any change made without seeing the one before it.
                        "expect": [
                            [e.table, e.uid, e.version] for e in push.operation.expectations
                        ],
                    },
                    ensure_ascii=False,
                ),
                time.time(),
            ),
        )

    def remembered(self, op_id: str, account_id: int) -> OperationOutcome | None:
        """The outcome of an operation received before; INVALID if another account sent it."""
        row = self._db.execute(
            "SELECT account_id, outcome, result FROM team_operations WHERE op_id = ?", (op_id,)
        ).fetchone()
        if row is None:
            return None
        if int(row[0]) != account_id:
            return OperationOutcome(op_id, Outcome.INVALID, "this operation id is taken")
        result = json.loads(row[2])
        return OperationOutcome(
            op_id,
            Outcome(str(row[1])),
            str(result["message"]),
            {str(k): str(v) for k, v in result["params"].items()},
            tuple((str(t), str(u)) for t, u in result["rows"]),
        )

    def head(self) -> int:
        row = self._db.execute("SELECT max(seq) FROM team_changes").fetchone()
        return int(row[0] or 0)

    def changes_since(self, cursor: int, limit: int) -> list[ChangeEntry]:
        rows = self._db.execute(
            "SELECT seq, op_id, tbl, uid, row FROM team_changes WHERE seq > ? ORDER BY seq LIMIT ?",
            (cursor, limit),
        ).fetchall()
        return [
            ChangeEntry(
                int(seq), str(op_id), str(table), str(uid), None if row is None else json.loads(row)
            )
            for seq, op_id, table, uid, row in rows
        ]
