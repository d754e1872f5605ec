"""Whether a file is an Outreach database this version may open, found without changing it.

Opening a database for writing changes it at once (WAL mode, a schema, default categories), so
the store first looks at the file read-only. SQLite's immutable mode reads the main file and
creates nothing beside it (a plain read-only connection would leave a -wal and a -shm behind).
When a -wal beside the file holds changes not yet in it (a program has it open, or crashed) and
the main file alone does not already show an Outreach database, a copy of the two is read
instead, so that not even the -shm of another program's database changes.

An Outreach database records the migrations of the "outreach" set, none this version does not
know, and holds only tables Outreach knows (shared_rows.py lists them).
"""

from __future__ import annotations

import enum
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from outreach_app.storage.errors import StoreError
from outreach_app.storage.schema import migrations
from outreach_app.storage.shared_rows import TABLES_BY_NAME, is_local_table
from outreach_app.storage.sqlite_driver import DATABASE_ERRORS, connect, connect_immutable

_READ_ERRORS: tuple[type[Exception], ...] = (*DATABASE_ERRORS, OSError)


class DatabaseKind(enum.StrEnum):
    MISSING = "missing"  # no file: a new database may be made there
    EMPTY = "empty"  # a file of 0 bytes
    OURS = "ours"  # an Outreach database this version opens (an older one is brought up to date)
    FOREIGN = "foreign"  # SQLite, but another program's, or one without any table
    NEWER = "newer"  # made by a newer version of Outreach


@dataclass(frozen=True)
class DatabaseIdentity:
    kind: DatabaseKind
    # Tables that are neither Outreach's nor SQLite's own (a foreign file's, for the message).
    unknown_tables: tuple[str, ...] = ()


class DatabaseRefusedError(StoreError):
    """A file the store will not open, left as it was; `kind` says why."""

    def __init__(self, kind: DatabaseKind, template: str, **params: object) -> None:
        super().__init__(template, **params)
        self.kind = kind


def known_migrations() -> set[str]:
    """The names of the migrations this version knows (reading an empty database runs none)."""
    return {m.name for m in migrations.pending(Database(memory=True))}


def _wal_has_changes(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def _classify(conn: Any) -> DatabaseIdentity:
    tables = {
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    own = {t for t in tables if not t.startswith("sqlite_")}
    table = migrations.migrations_table
    applied: set[str] = set()
    if table in own:
        applied = {
            str(row[0])
            for row in conn.execute(
                f"SELECT name FROM {table} WHERE migration_set = ?", (migrations.name,)
            ).fetchall()
        }
    unknown = tuple(sorted(t for t in own if t not in TABLES_BY_NAME and not is_local_table(t)))
    if not applied:
        return DatabaseIdentity(DatabaseKind.FOREIGN, unknown)
    if applied - known_migrations():
        return DatabaseIdentity(DatabaseKind.NEWER, unknown)
    if unknown:
        return DatabaseIdentity(DatabaseKind.FOREIGN, unknown)
    return DatabaseIdentity(DatabaseKind.OURS)


def _read(conn: Any) -> DatabaseIdentity:
    try:
        return _classify(conn)
    finally:
        conn.close()


def _from_copy(path: Path, key: str | None) -> DatabaseIdentity:
    with tempfile.TemporaryDirectory(prefix="outreach-inspect-") as folder:
        copy = Path(folder) / "inspected.db"
        shutil.copyfile(path, copy)
        shutil.copyfile(path.with_name(path.name + "-wal"), Path(f"{copy}-wal"))
        return _read(connect(copy, key))


def inspect_database(path: Path, key: str | None = None) -> DatabaseIdentity:
    """What the file at `path` is; StoreError when it cannot be read as a database at all
    (not SQLite, damaged, encrypted without its key, or a wrong key)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return DatabaseIdentity(DatabaseKind.MISSING)
    except OSError as exc:
        raise StoreError(
            "{path} is not a usable Outreach database: {error}", path=path, error=exc
        ) from exc
    if size == 0:
        return DatabaseIdentity(DatabaseKind.EMPTY)
    try:
        try:
            found = _read(connect_immutable(path, key))
        except DATABASE_ERRORS:
            # The main file may be mid-checkpoint; its -wal, if any, tells the rest.
            if not _wal_has_changes(path):
                raise
            return _from_copy(path, key)
        if found.kind is DatabaseKind.OURS or not _wal_has_changes(path):
            return found
        return _from_copy(path, key)
    except _READ_ERRORS as exc:
        raise StoreError(
            "{path} is not a usable Outreach database: {error}", path=path, error=exc
        ) from exc


def refusal(path: Path, identity: DatabaseIdentity) -> DatabaseRefusedError | None:
    """Why the store will not open `path`, or None when it may (an absent file is the
    caller's to refuse or to create)."""
    if identity.kind is DatabaseKind.EMPTY:
        return DatabaseRefusedError(
            identity.kind,
            "{path} is an empty file, not an Outreach database; it was left as it is",
            path=path,
        )
    if identity.kind is DatabaseKind.NEWER:
        return DatabaseRefusedError(
            identity.kind,
            "{path} was made by a newer version of Outreach; update the app to open it (the"
            " file was left as it is)",
            path=path,
        )
    if identity.kind is DatabaseKind.FOREIGN:
        if identity.unknown_tables:
            return DatabaseRefusedError(
                identity.kind,
                "{path} is another program's database (it holds {tables}), not an Outreach"
                " database; it was left as it is",
                path=path,
                tables=", ".join(identity.unknown_tables[:5]),
            )
        return DatabaseRefusedError(
            identity.kind,
            "{path} is an SQLite database but not an Outreach database; it was left as it is",
            path=path,
        )
    return None


def check_existing_database(path: Path, key: str | None = None) -> None:
    """Raise unless `path` is an Outreach database this version opens: DatabaseRefusedError
    (kind MISSING for no file at all), or StoreError for a file that is no database."""
    identity = inspect_database(path, key)
    if identity.kind is DatabaseKind.MISSING:
        raise DatabaseRefusedError(identity.kind, "there is no database at {path}", path=path)
    problem = refusal(path, identity)
    if problem is not None:
        raise problem
