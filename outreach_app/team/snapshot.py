"""A whole copy of the record for a computer that has none yet.

Read in one read transaction on a connection of its own, so the copy is consistent (the
record as it was at one change number) while operations go on being applied; parents' tables
come before their children's, and rows keep the server's own ids: a new replica takes them as
its local ids. Afterwards the computer pulls the changes made since that change number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from outreach_app.core.sync_model import JSON
from outreach_app.storage.shared_rows import SHARED_TABLES

PAGE_ROWS: Final = 2000


@dataclass(frozen=True)
class SnapshotPage:
    table: str
    columns: tuple[str, ...]
    rows: list[tuple[JSON, ...]]


@dataclass(frozen=True)
class SnapshotPlan:
    head: int
    counts: dict[str, int]

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


class RecordSnapshot:
    """Open it, read `plan`, iterate `pages()` and `versions()`, close it; on one thread."""

    def __init__(self, database: Path) -> None:
        # Read from worker threads one call at a time, never at once.
        self._conn = sqlite3.connect(
            f"file:{database}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("BEGIN")
        head = self._conn.execute("SELECT max(seq) FROM team_changes").fetchone()[0]
        counts = {
            table.name: int(self._conn.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0])
            for table in SHARED_TABLES
        }
        self.plan = SnapshotPlan(int(head or 0), counts)

    def pages(self) -> Iterator[SnapshotPage]:
        for table in SHARED_TABLES:
            cursor = self._conn.execute(f"SELECT * FROM {table.name} ORDER BY rowid")
            columns = tuple(str(d[0]) for d in cursor.description)
            while rows := cursor.fetchmany(PAGE_ROWS):
                yield SnapshotPage(table.name, columns, [tuple(row) for row in rows])

    def versions(self) -> Iterator[list[tuple[str, str, str]]]:
        cursor = self._conn.execute("SELECT tbl, uid, op_id FROM team_row_versions")
        while rows := cursor.fetchmany(PAGE_ROWS * 5):
            yield [(str(t), str(u), str(v)) for t, u, v in rows]

    def close(self) -> None:
        self._conn.execute("COMMIT")
        self._conn.close()
