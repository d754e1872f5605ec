"""The local replica's side of keeping in step: applying what the record sends, and the server's
answers to this computer's operations.

Runs on the thread that owns the replica's database. Changes pulled from the record never
overwrite a row that an operation still waiting in the outbox has changed (that operation's
own answer decides), and a change that refers to a row this computer has deleted meanwhile is
held until the deletion is answered.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

from sqlite_utils import Database

from outreach_app.core.sync_model import JSON, ChangeEntry, OperationOutcome, Outcome, RowKey
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import (
    SHARED_TABLES,
    MissingRowError,
    WireRow,
    apply_row,
    delete_row,
)
from outreach_app.sync.outbox import EntryState, dirty_rows
from outreach_app.sync.schema import migrate_sync

OUTBOX_COLUMNS: Final = (
    "op_id, uid_seed, name, arguments, expectations, touched, at, state, outcome"
)
CURSOR_KEY: Final = "cursor"
BASELINE_KEY: Final = "baseline"
SNAPSHOT_KEY: Final = "snapshot"


class Replica:
    def __init__(self, repo: Repository) -> None:
        self._repo = repo

    @property
    def _db(self) -> Database:
        return self._repo.db

    # ------------------------------------------------------------------ where it stands
    def state(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_state(self, key: str, value: str) -> None:
        with self._db.conn:
            self._set_state(key, value)

    def _set_state(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def cursor(self) -> int:
        return int(self.state(CURSOR_KEY) or 0)

    def waiting_count(self) -> int:
        return int(
            self._db.execute(
                "SELECT count(*) FROM sync_outbox WHERE state = ?", (EntryState.PENDING,)
            ).fetchone()[0]
        )

    def problem_count(self) -> int:
        return int(
            self._db.execute(
                "SELECT count(*) FROM sync_outbox WHERE state != ?", (EntryState.PENDING,)
            ).fetchone()[0]
        )

    # ------------------------------------------------------------ the record's changes
    def apply_changes(self, entries: Sequence[ChangeEntry]) -> set[str]:
        """Apply pulled changes in order; the tables that changed."""
        if not entries:
            return set()
        changed: set[str] = set()
        with self._db.conn:
            dirty = dirty_rows(self._db)
            for entry in entries:
                if (entry.table, entry.uid) in dirty:
                    continue
                if self._apply(entry):
                    changed.add(entry.table)
                else:
                    self._hold(entry)
            self._set_state(CURSOR_KEY, str(max(entry.seq for entry in entries)))
            changed |= self._retry_held(dirty)
        return changed

    def _apply(self, entry: ChangeEntry) -> bool:
        try:
            if entry.row is None:
                delete_row(self._db, entry.table, entry.uid)
            else:
                apply_row(self._db, entry.table, _wire(entry.row))
        except MissingRowError:
            return False
        self._set_version((entry.table, entry.uid), entry.op_id)
        return True

    def _hold(self, entry: ChangeEntry) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO sync_held (seq, entry) VALUES (?, ?)",
            (
                entry.seq,
                json.dumps(
                    [entry.seq, entry.op_id, entry.table, entry.uid, entry.row],
                    ensure_ascii=False,
                ),
            ),
        )

    def _retry_held(self, dirty: set[RowKey]) -> set[str]:
        changed: set[str] = set()
        held = self._db.execute("SELECT seq, entry FROM sync_held ORDER BY seq").fetchall()
        for seq, text in held:
            entry = ChangeEntry(*json.loads(text))
            if (entry.table, entry.uid) in dirty:
                continue
            if self._apply(entry):
                self._db.execute("DELETE FROM sync_held WHERE seq = ?", (seq,))
                changed.add(entry.table)
        return changed

    def held_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM sync_held").fetchone()[0])

    def overwrite(
        self, rows: Iterable[tuple[str, str, Mapping[str, JSON] | None, str]]
    ) -> set[str]:
        """Make rows equal to the record's, whatever this computer did to them (the person chose
        the record's version, or the server refused this computer's change)."""
        changed: set[str] = set()
        with self._db.conn:
            pending = sorted(rows, key=lambda item: _rank(item[0]))
            for table, uid, row, version in pending:
                if row is None:
                    delete_row(self._db, table, uid)
                else:
                    apply_row(self._db, table, _wire(row))
                self._set_version((table, uid), version)
                changed.add(table)
            changed |= self._retry_held(dirty_rows(self._db))
        return changed

    # ------------------------------------------------------------------ first copy
    def needs_copy(self, baseline: int, head: int) -> bool:
        """Whether this replica must take a whole copy: it never finished one, the record was
        imported into after its copy (see team/importer.py), or the record went back to an
        earlier state than this copy has seen (restored from a backup)."""
        copied_after = int(self.state(BASELINE_KEY) or 0)
        return (
            self.state(SNAPSHOT_KEY) != "complete"
            or copied_after < baseline
            or self.cursor() > head
        )

    def outbox_rows(self) -> list[tuple[object, ...]]:
        """The outbox as it is, to carry into a new copy of the record."""
        return [
            tuple(row)
            for row in self._db.execute(f"SELECT {OUTBOX_COLUMNS} FROM sync_outbox ORDER BY seq")
        ]

    # ------------------------------------------------------------ the server's answers
    def record_outcome(self, outcome: OperationOutcome) -> None:
        with self._db.conn:
            if outcome.outcome is Outcome.APPLIED:
                self._db.execute("DELETE FROM sync_outbox WHERE op_id = ?", (outcome.op_id,))
                return
            state = (
                EntryState.CONFLICT if outcome.outcome is Outcome.CONFLICT else EntryState.REFUSED
            )
            self._db.execute(
                "UPDATE sync_outbox SET state = ?, outcome = ? WHERE op_id = ?",
                (
                    state,
                    json.dumps(
                        {
                            "outcome": outcome.outcome.value,
                            "message": outcome.message,
                            "params": outcome.params,
                            "rows": [list(key) for key in outcome.rows],
                        },
                        ensure_ascii=False,
                    ),
                    outcome.op_id,
                ),
            )

    def forget_operation(self, op_id: str) -> None:
        with self._db.conn:
            self._db.execute("DELETE FROM sync_outbox WHERE op_id = ?", (op_id,))

    def resend_operation(
        self, op_id: str, new_op_id: str, versions: Sequence[tuple[str, str, str]]
    ) -> None:
        """Keep this computer's version: the same operation again, based on the record's
        current versions of the rows it touches."""
        with self._db.conn:
            row = self._db.execute(
                "SELECT touched FROM sync_outbox WHERE op_id = ?", (op_id,)
            ).fetchone()
            if row is None:
                return
            touched = {(str(t), str(u)) for t, u in json.loads(row[0])}
            expectations = [[t, u, v] for t, u, v in versions if (t, u) in touched]
            self._db.execute(
                "UPDATE sync_outbox SET op_id = ?, expectations = ?, state = ?, outcome = NULL"
                " WHERE op_id = ?",
                (new_op_id, json.dumps(expectations), EntryState.PENDING, op_id),
            )
            for table, uid in touched:
                self._set_version((table, uid), new_op_id)

    def _set_version(self, key: RowKey, version: str) -> None:
        self._db.execute(
            "INSERT INTO sync_versions (tbl, uid, version) VALUES (?, ?, ?)"
            " ON CONFLICT(tbl, uid) DO UPDATE SET version = excluded.version",
            (*key, version),
        )


def _rank(table: str) -> int:
    return next(i for i, spec in enumerate(SHARED_TABLES) if spec.name == table)


def _wire(row: Mapping[str, JSON]) -> WireRow:
    return {key: value for key, value in row.items() if not isinstance(value, list | dict)}


def install_copy(
    incoming: Path, replica: Path, head: int, baseline: int, outbox: list[tuple[object, ...]]
) -> None:
    """Make `incoming`, a copy of the record (team/snapshot.py), this computer's replica at
    `replica`, keeping `outbox` (what this computer has not had answered yet). The replica's
    database must be closed; the copy takes its place in one rename."""
    db = Database(sqlite3.connect(incoming, isolation_level=None))
    try:
        migrate_sync(db)
        marks = ", ".join("?" for _ in OUTBOX_COLUMNS.split(","))
        with db.conn:
            db.execute(
                "INSERT INTO sync_versions (tbl, uid, version)"
                " SELECT tbl, uid, op_id FROM team_row_versions"
            )
            db.execute("DROP TABLE team_row_versions")
            db.conn.executemany(
                f"INSERT INTO sync_outbox ({OUTBOX_COLUMNS}) VALUES ({marks})", outbox
            )
            for key, value in (
                (CURSOR_KEY, str(head)),
                (BASELINE_KEY, str(baseline)),
                (SNAPSHOT_KEY, "complete"),
            ):
                db.execute(
                    "INSERT INTO sync_state (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
    finally:
        db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{replica}{suffix}").unlink(missing_ok=True)
    os.replace(incoming, replica)
