"""Bringing a database kept on one computer into an office's record.

Every shared row comes over under its own uid (so importing the same file again changes
nothing twice), with new local ids in the record and every reference translated; the audit
trail comes along as it was, followed by one entry saying who imported what. The file itself
is read from a copy and never changed. Apps already in step with the record take a fresh copy
afterwards (the record's baseline moves past the import), rather than the import's millions of
rows one change at a time.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sqlite_utils import Database

from outreach_app.core.model import User
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import AUDIT_ENTITY_TABLES, SHARED_TABLES
from outreach_app.storage.sqlite_driver import file_state

BASELINE_KEY: Final = "baseline"
_BATCH: Final = 5000


class ImportRefusedError(Exception):
    """A file that is not an Outreach database, or cannot be read; the message says why."""


@dataclass
class ImportSummary:
    rows: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def import_database(
    record: Repository,
    source: Path,
    actor: User,
    *,
    key: str | None = None,
    progress: Callable[[str, int], None] = lambda table, rows: None,
) -> ImportSummary:
    """Copy `source` (an Outreach database of one computer) into `record`, in one transaction."""
    if file_state(source) == "missing":
        raise ImportRefusedError(f"{source} does not exist or is empty")
    with tempfile.TemporaryDirectory(prefix="outreach-import-") as folder:
        copy = Path(folder) / "source.db"
        for suffix in ("", "-wal"):
            if Path(f"{source}{suffix}").exists():
                shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
        try:
            # Brings an older file's schema up to date, on the copy only.
            source_repo = Repository.open(copy, key=key)
        except Exception as exc:
            raise ImportRefusedError(f"{source} is not an Outreach database: {exc}") from exc
        try:
            summary = _copy_rows(source_repo.db, record, progress)
        finally:
            source_repo.close()
    with record.db.conn:
        record.db.execute(
            "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, detail)"
            " VALUES (?, ?, ?, 'import', 'record', NULL, ?)",
            (
                record.clock().isoformat(sep=" "),
                actor.name,
                actor.role.value,
                f"{source.name}: {summary.total} rows",
            ),
        )
        # Apps whose copy is older than the next change take a new one.
        head = record.db.execute("SELECT coalesce(max(seq), 0) FROM team_changes").fetchone()[0]
        record.db.execute(
            "INSERT INTO team_settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (BASELINE_KEY, str(int(head) + 1)),
        )
    return summary


def _copy_rows(
    source: Database, record: Repository, progress: Callable[[str, int], None]
) -> ImportSummary:
    summary = ImportSummary()
    # For each table: the source's local id -> the record's local id.
    translated: dict[str, dict[int, int]] = {}
    db = record.db
    with db.conn:
        for table in SHARED_TABLES:
            ids: dict[int, int] = {}
            translated[table.name] = ids
            columns = [
                str(row[1]) for row in source.execute(f"PRAGMA table_info({table.name})").fetchall()
            ]
            record_columns = {
                str(row[1]) for row in db.execute(f"PRAGMA table_info({table.name})").fetchall()
            }
            kept = [c for c in columns if c in record_columns and c != table.local_id]
            cursor = source.execute(f"SELECT rowid, {', '.join(columns)} FROM {table.name}")
            copied = existing = 0
            while batch := cursor.fetchmany(_BATCH):
                for values in batch:
                    source_id, row = int(values[0]), dict(zip(columns, values[1:], strict=True))
                    _translate(table.name, row, table.references, translated)
                    found = db.execute(
                        f"SELECT rowid FROM {table.name} WHERE uid = ?", (row["uid"],)
                    ).fetchone()
                    if found is not None:
                        ids[source_id] = int(found[0])
                        existing += 1
                        continue
                    if table.local_id is None:
                        _drop_natural_key_holder(db, table.name, row)
                    names = ", ".join(kept)
                    marks = ", ".join("?" for _ in kept)
                    inserted = db.execute(
                        f"INSERT INTO {table.name} ({names}) VALUES ({marks})",
                        [row[c] for c in kept],
                    )
                    ids[source_id] = int(inserted.lastrowid or 0)
                    copied += 1
                progress(table.name, copied + existing)
            summary.rows[table.name] = copied
            summary.already_there[table.name] = existing
    return summary


def _translate(
    table: str,
    row: dict[str, object],
    references: Mapping[str, str],
    translated: dict[str, dict[int, int]],
) -> None:
    for column, parent in references.items():
        value = row.get(column)
        if isinstance(value, int):
            row[column] = translated[parent].get(value)
    if table == "audit_log":
        entity_table = AUDIT_ENTITY_TABLES.get(str(row.get("entity")))
        value = row.get("entity_id")
        row["entity_id"] = (
            translated[entity_table].get(value)
            if entity_table is not None and isinstance(value, int)
            else None
        )


def _drop_natural_key_holder(db: Database, table: str, row: dict[str, object]) -> None:
    """A record row with the same natural key (the default category of the same name) gives way
    to the imported one."""
    if table == "categories":
        db.execute("DELETE FROM categories WHERE name = ?", (row["name"],))
