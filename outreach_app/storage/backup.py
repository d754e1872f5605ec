"""Backups with SQLite's online backup API, and restoring one. No Qt: the app and the CLI use it.

A backup is a consistent copy of the database as one self-contained file, made through its own
connection while the app keeps writing (WAL readers do not block the writer). An encrypted
database's backups are encrypted with the same passphrase. Backups and their folder are readable
by their owner only.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from outreach_app.config import data_dir
from outreach_app.storage.encryption import (
    EncryptionError,
    KeyRequiredError,
    WrongKeyError,
    check_key,
)
from outreach_app.storage.identity import (
    DatabaseRefusedError,
    check_existing_database,
    inspect_database,
    refusal,
)
from outreach_app.storage.repository import Repository, StoreError
from outreach_app.storage.schema import migrations as schema_migrations
from outreach_app.storage.sqlite_driver import (
    DATABASE_ERRORS,
    connect,
    create_private,
    file_state,
    fsync_folder,
    fsync_path,
    open_in_another_process,
)

DEFAULT_INTERVAL_HOURS = 4
MAX_INTERVAL_HOURS = 168
DEFAULT_KEEP = 10
MAX_KEEP = 100
STAMP_FORMAT = "%Y%m%d-%H%M%S"
ASIDE_SUFFIX = ".before-restore"
_MIGRATIONS_TABLE = schema_migrations.migrations_table
_WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, *DATABASE_ERRORS)


class BackupError(StoreError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    encrypted: bool
    migrations: int
    sessions: int
    questions: int


def default_backup_folder() -> Path:
    return data_dir() / "backups"


def _pattern(database: Path) -> re.Pattern[str]:
    return re.compile(re.escape(database.stem) + r"-backup-(\d{8}-\d{6})(?:-(\d+))?\.db")


def list_backups(folder: Path, database: Path) -> list[Path]:
    """This database's backups in `folder`, oldest first (other files are never touched)."""
    pattern = _pattern(database)
    found: list[tuple[str, int, Path]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is not None and entry.is_file():
            found.append((match.group(1), int(match.group(2) or 0), entry))
    return [path for *_, path in sorted(found)]


def backup_time(backup: Path) -> datetime | None:
    """When a backup was started, from its name."""
    match = re.search(r"-backup-(\d{8}-\d{6})(?:-\d+)?\.db$", backup.name)
    return datetime.strptime(match.group(1), STAMP_FORMAT) if match else None


def _prepare_folder(folder: Path) -> None:
    """Create the folder owner-only; a folder the person chose that exists keeps its mode (the
    files in it are owner-only anyway)."""
    if folder.exists() and not folder.is_dir():
        raise BackupError("{folder} is a file, not a folder", folder=folder)
    try:
        missing = [folder, *(p for p in folder.parents if not p.exists())]
        for created in reversed([p for p in missing if not p.exists()]):
            created.mkdir(mode=0o700)
            created.chmod(0o700)  # mkdir's mode is filtered by the umask
    except OSError as exc:
        raise BackupError(
            "cannot create the backup folder {folder}: {error}", folder=folder, error=exc.strerror
        ) from exc


def _free_name(folder: Path, database: Path, now: datetime) -> Path:
    base = f"{database.stem}-backup-{now.strftime(STAMP_FORMAT)}"
    candidate = folder / f"{base}.db"
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{base}-{number}.db"
    return candidate


def backup_now(
    database: Path,
    folder: Path,
    *,
    key: str | None = None,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
) -> Path:
    """Copy `database` into `folder` as <name>-backup-<date>-<time>.db; keep the newest `keep`.

    Safe while the app writes to the database: the copy is one consistent snapshot. `key` is the
    passphrase of an encrypted database; its backup is encrypted with it.
    """
    if not database.exists():
        raise BackupError("there is no database at {path} to back up", path=database)
    try:
        check_existing_database(database, key)
    except DatabaseRefusedError:
        raise
    except StoreError as exc:  # not a database, or encrypted and no (right) key
        raise BackupError("cannot read {path}: {error}", path=database, error=exc) from exc
    _prepare_folder(folder)
    when = now or datetime.now()
    target = _free_name(folder, database, when)
    partial = folder / f".{target.name}.partial"
    try:
        source = connect(database, key)
    except DATABASE_ERRORS as exc:
        raise BackupError("cannot read {path}: {error}", path=database, error=exc) from exc
    try:
        partial.unlink(missing_ok=True)
        create_private(partial)
        destination = connect(partial, key)
        try:
            # One step (pages=-1): the whole copy reads one snapshot of the database.
            source.backup(destination, pages=-1)
            # A single file, readable without its -wal beside it (even from read-only media).
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        fsync_path(partial)
        os.replace(partial, target)
        fsync_folder(folder)
    except _WRITE_ERRORS as exc:
        raise BackupError(
            "cannot write the backup to {folder}: {error}", folder=folder, error=exc
        ) from exc
    finally:
        source.close()
        partial.unlink(missing_ok=True)
    prune(folder, database, keep)
    return target


def prune(folder: Path, database: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups of `database` in `folder`; returns those gone."""
    backups = list_backups(folder, database)
    doomed = backups[: max(0, len(backups) - max(1, keep))]
    for old in doomed:
        old.unlink(missing_ok=True)
    return doomed


def backup_due(
    database: Path, folder: Path, interval: timedelta, now: datetime | None = None
) -> bool:
    """Whether a scheduled backup should run: the data changed since the newest backup began,
    and that was at least `interval` ago (or there is none)."""
    if file_state(database) == "missing" or not changed_since_last_backup(database, folder):
        return False
    backups = list_backups(folder, database)
    if not backups:
        return True
    started = backup_time(backups[-1])
    return started is None or (now or datetime.now()) - started >= interval


def changed_since_last_backup(database: Path, folder: Path) -> bool:
    backups = list_backups(folder, database)
    if not backups:
        return True
    started = backup_time(backups[-1])
    if started is None:
        return True
    times = [database.stat().st_mtime]
    wal = database.with_name(database.name + "-wal")
    # Opening the database creates an empty -wal; it counts once something was written to it.
    if wal.exists() and wal.stat().st_size > 0:
        times.append(wal.stat().st_mtime)
    modified = max(times)
    # The name has whole seconds; a write in the same second counts as a change.
    return datetime.fromtimestamp(modified) >= started


def verify_backup(backup: Path, key: str | None = None) -> BackupInfo:
    """Check that `backup` opens (with `key` if encrypted), passes PRAGMA integrity_check and
    holds an Outreach database this version can open; BackupError says what is wrong."""
    if not backup.is_file():
        raise BackupError("{path} does not exist or is not a file", path=backup)
    state = file_state(backup)
    if state == "missing":
        raise BackupError("{path} is empty: not an Outreach backup", path=backup)
    try:
        check_key(backup, key if state == "encrypted" else None)
    except KeyRequiredError as exc:
        raise BackupError(
            "{path} is encrypted (then give its passphrase) or not a database at all", path=backup
        ) from exc
    except WrongKeyError as exc:
        raise BackupError(
            "the passphrase does not open {path}, or it is not an Outreach backup", path=backup
        ) from exc
    try:
        conn = connect(backup, key if state == "encrypted" else None)
    except DATABASE_ERRORS as exc:
        raise BackupError("{path} is not a database: {error}", path=backup, error=exc) from exc
    try:
        return _inspect(conn, backup, encrypted=state == "encrypted")
    except DATABASE_ERRORS as exc:
        raise BackupError(
            "{path} is damaged or not a database: {error}", path=backup, error=exc
        ) from exc
    finally:
        conn.close()


def _inspect(conn: Any, backup: Path, *, encrypted: bool) -> BackupInfo:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"meta", _MIGRATIONS_TABLE, "sessions", "questions"} <= tables:
        raise BackupError("{path} is a database, but not an Outreach database", path=backup)
    applied = {
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {_MIGRATIONS_TABLE} WHERE migration_set = ?",
            (schema_migrations.name,),
        )
    }
    if not applied:
        raise BackupError("{path} is a database, but not an Outreach database", path=backup)
    known = {m.name for m in schema_migrations.pending(Database(memory=True))}
    if applied - known:
        raise BackupError(
            "{path} was made by a newer version of Outreach; update the app to restore it",
            path=backup,
        )
    report = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(3)")]
    if report != ["ok"]:
        lines = [line for text in report for line in text.splitlines() if "***" not in line]
        raise BackupError("{path} is damaged: {problem}", path=backup, problem="; ".join(lines[:3]))
    sessions = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
    questions = conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    return BackupInfo(backup, encrypted, len(applied), int(sessions), int(questions))


def aside_path(database: Path) -> Path:
    return database.with_name(database.name + ASIDE_SUFFIX)


def _companions(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def restore(backup: Path, database: Path, *, key: str | None = None) -> Path | None:
    """Replace `database` with `backup`, which is checked first (see verify_backup).

    The current database (with its -wal and -shm) is kept as <name>.before-restore, replacing an
    older one; returns that path, or None if there was no database. The app must not have the
    database open: another process that has it open makes this refuse. `key`: the backup's
    passphrase if it is encrypted. The restored database is opened once (bringing it up to this
    version's schema); if that fails, the current database is put back.
    """
    if backup.resolve() == database.resolve():
        raise BackupError("{path} is the database itself, not a backup of it", path=backup)
    verify_backup(backup, key)
    if database.exists() and file_state(database) != "encrypted":
        # Put aside, not changed; yet a file that is not an Outreach database is no one's to move.
        problem = refusal(database, inspect_database(database))
        if problem is not None:
            raise problem
    if open_in_another_process(database):
        raise BackupError(
            "{path} is open in another program; quit Outreach, then restore", path=database
        )
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(f".{database.name}.restoring")
    aside = aside_path(database)
    moved = False
    try:
        partial.unlink(missing_ok=True)
        create_private(partial)
        shutil.copyfile(backup, partial)
        fsync_path(partial)
        if database.exists():
            for old in _companions(aside):
                old.unlink(missing_ok=True)
            for current, kept in zip(_companions(database), _companions(aside), strict=True):
                if current.exists():
                    os.replace(current, kept)
            moved = True
        os.replace(partial, database)
        fsync_folder(database.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if moved:
            _put_back(aside, database)
        raise BackupError(
            "cannot restore into {path}: {error}; the database is unchanged",
            path=database,
            error=exc.strerror or exc,
        ) from exc
    try:
        Repository.open(
            database, key=key if file_state(database) == "encrypted" else None, create=False
        ).close()
    except (StoreError, EncryptionError) as exc:
        if moved:
            _put_back(aside, database)
        raise BackupError(
            "the restored database does not open ({error}); the database is unchanged",
            error=exc,
        ) from exc
    return aside if moved else None


def _put_back(aside: Path, database: Path) -> None:
    for current in _companions(database):
        current.unlink(missing_ok=True)
    for kept, current in zip(_companions(aside), _companions(database), strict=True):
        if kept.exists():
            os.replace(kept, current)
