"""The replica's own tables: the outbox, the versions this computer knows, where it stands."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

sync_migrations = Migrations("outreach-sync")


@sync_migrations(name="0001_outbox")
def outbox(db: Database) -> None:
    # This computer's operations, in the order they were made, until the server has answered
    # them; a conflict or a refusal stays until the person has chosen what to keep.
    db.execute(
        """CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    uid_seed TEXT NOT NULL,
    name TEXT NOT NULL,
    arguments TEXT NOT NULL,
    expectations TEXT NOT NULL,
    touched TEXT NOT NULL,
    at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    outcome TEXT
)"""
    )
    # The version (last operation) of every shared row as this computer knows it.
    db.execute(
        """CREATE TABLE sync_versions (
    tbl TEXT NOT NULL,
    uid TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (tbl, uid)
) WITHOUT ROWID"""
    )
    # Changes from the record that could not be applied yet (they refer to a row this
    # computer has deleted while its deletion waits for an answer).
    db.execute("CREATE TABLE sync_held (seq INTEGER PRIMARY KEY, entry TEXT NOT NULL)")
    db.execute("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def migrate_sync(db: Database) -> None:
    sync_migrations.apply(db)
