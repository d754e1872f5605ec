"""The team server's own tables, beside the office's record in the same database file.

They are evolved through their own recorded migrations, applied after the record's, so that a
record database opens in the app like any other and the server's bookkeeping never leaks into
it through an import or a backup taken for a single computer.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

team_migrations = Migrations("outreach-team")


@team_migrations(name="0001_accounts_and_changes")
def accounts_and_changes(db: Database) -> None:
    db.execute(
        """CREATE TABLE team_accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
)"""
    )
    # Every sign-in: its token id, so that signing out or disabling the account revokes it.
    db.execute(
        """CREATE TABLE team_sign_ins (
    token_id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES team_accounts(id),
    device TEXT NOT NULL,
    address TEXT NOT NULL,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    revoked_at REAL
)"""
    )
    db.execute("CREATE INDEX team_sign_ins_account ON team_sign_ins(account_id)")
    # The record's history as clients pull it: one entry per row an accepted operation left
    # changed, holding the row as it was after that operation (or a tombstone).
    db.execute(
        """CREATE TABLE team_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL,
    tbl TEXT NOT NULL,
    uid TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    row TEXT
)"""
    )
    # Which operation last changed each row: a write based on another version is a conflict.
    db.execute(
        """CREATE TABLE team_row_versions (
    tbl TEXT NOT NULL,
    uid TEXT NOT NULL,
    op_id TEXT NOT NULL,
    PRIMARY KEY (tbl, uid)
) WITHOUT ROWID"""
    )
    # Every operation a client sent, with what came of it: sending it again returns the same.
    db.execute(
        """CREATE TABLE team_operations (
    op_id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES team_accounts(id),
    device TEXT NOT NULL,
    name TEXT NOT NULL,
    outcome TEXT NOT NULL,
    result TEXT NOT NULL,
    received_at REAL NOT NULL
) WITHOUT ROWID"""
    )
    db.execute("CREATE TABLE team_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def migrate_team(db: Database) -> None:
    team_migrations.apply(db)
