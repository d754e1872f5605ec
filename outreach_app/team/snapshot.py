"""A whole copy of the record for a computer that has none yet, as one database file.

Made with SQLite's online backup API (one consistent state, while operations go on being
applied), then stripped of everything that is the server's alone: accounts, sign-ins, the
change log and the operations' outcomes, deleted with `secure_delete` so that no password hash
stays in a freed page. What remains is the record (the app's own schema, search indexes
included) and each row's version. A new replica takes the file as it is: its local ids are the
server's, and it pulls the changes made after the copy's change number.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from outreach_app.team.importer import BASELINE_KEY
from outreach_app.team.record import RecordFolder

SNAPSHOT_FOLDER: Final = ".snapshots"
# Dropped from the copy: what only the server keeps.
SERVER_ONLY_TABLES: Final = (
    "team_sign_ins",
    "team_accounts",
    "team_operations",
    "team_changes",
    "team_settings",
)
VERSIONS_TABLE: Final = "team_row_versions"


@dataclass(frozen=True)
class SnapshotFile:
    path: Path
    head: int  # the last change the copy holds
    baseline: int

    def remove(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()


def make_snapshot_file(folder: RecordFolder) -> SnapshotFile:
    """A copy of the record for a new replica, in the data folder (owner-only)."""
    snapshots = folder.path / SNAPSHOT_FOLDER
    snapshots.mkdir(mode=0o700, exist_ok=True)
    target = snapshots / f"{uuid.uuid4().hex}.db"
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    try:
        source = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(target, isolation_level=None)
            try:
                source.backup(copy)
                return _strip(copy, target)
            finally:
                copy.close()
        finally:
            source.close()
    except BaseException:
        SnapshotFile(target, 0, 0).remove()
        raise


def _strip(copy: sqlite3.Connection, target: Path) -> SnapshotFile:
    copy.execute("PRAGMA journal_mode = DELETE")
    head = int(copy.execute("SELECT coalesce(max(seq), 0) FROM team_changes").fetchone()[0])
    baseline_row = copy.execute(
        "SELECT value FROM team_settings WHERE key = ?", (BASELINE_KEY,)
    ).fetchone()
    copy.execute("PRAGMA secure_delete = ON")
    copy.execute("BEGIN")
    for table in SERVER_ONLY_TABLES:
        copy.execute(f"DROP TABLE {table}")
    copy.execute("DELETE FROM _sqlite_migrations WHERE migration_set = 'outreach-team'")
    copy.execute("COMMIT")
    return SnapshotFile(target, head, int(baseline_row[0]) if baseline_row else 0)


def cleanup_snapshots(folder: RecordFolder) -> None:
    """Copies left behind by a server that stopped while sending them."""
    snapshots = folder.path / SNAPSHOT_FOLDER
    if snapshots.is_dir():
        for leftover in snapshots.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()
