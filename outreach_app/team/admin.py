"""What an administrator does to an office's record from the server's own command line: make
the data folder, keep accounts, import a computer's database, back up and restore.

Each function opens the record itself and closes it again; a running server notices account
changes within a second (it re-reads sign-ins), while restoring needs the server stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from outreach_app.core.model import Role, User
from outreach_app.storage.backup import backup_now, list_backups, restore
from outreach_app.storage.repository import Repository
from outreach_app.team.accounts import Account, Accounts
from outreach_app.team.importer import ImportSummary, import_database
from outreach_app.team.passwords import DEFAULT_COST, ScryptCost
from outreach_app.team.record import RecordFolder, init_folder, open_folder, open_record

COMMAND_LINE = User("administrator (server command line)", Role.ADMIN)


@contextmanager
def _record(folder: Path) -> Iterator[tuple[RecordFolder, Repository]]:
    record_folder = open_folder(folder)
    repo = open_record(record_folder)
    try:
        yield record_folder, repo
    finally:
        repo.close()


def initialise(folder: Path, office: str) -> RecordFolder:
    return init_folder(folder, office)


def add_account(
    folder: Path,
    name: str,
    role: Role,
    password: str,
    display_name: str = "",
    *,
    cost: ScryptCost = DEFAULT_COST,
) -> Account:
    with _record(folder) as (_folder, repo):
        return Accounts(repo.db, cost=cost).add(name, role, password, display_name=display_name)


def list_accounts(folder: Path) -> list[Account]:
    with _record(folder) as (_folder, repo):
        return Accounts(repo.db).all()


def set_disabled(folder: Path, name: str, disabled: bool) -> Account:
    with _record(folder) as (_folder, repo):
        return Accounts(repo.db).set_disabled(name, disabled, time.time())


def reset_password(
    folder: Path, name: str, password: str, *, cost: ScryptCost = DEFAULT_COST
) -> None:
    with _record(folder) as (_folder, repo):
        Accounts(repo.db, cost=cost).set_password(name, password, time.time())


def import_computer_database(
    folder: Path,
    source: Path,
    *,
    key: str | None = None,
    progress: Callable[[str, int], None] = lambda table, rows: None,
) -> ImportSummary:
    with _record(folder) as (_folder, repo):
        return import_database(repo, source, COMMAND_LINE, key=key, progress=progress)


def back_up(folder: Path) -> Path:
    record_folder = open_folder(folder)
    return backup_now(record_folder.database, record_folder.backups)


def backups(folder: Path) -> list[Path]:
    record_folder = open_folder(folder)
    return list_backups(record_folder.backups, record_folder.database)


def restore_backup(folder: Path, backup: Path) -> Path | None:
    """Put `backup` in place of the record (the server must be stopped). Apps that have seen
    later changes take a fresh copy when they next connect."""
    record_folder = open_folder(folder)
    return restore(backup, record_folder.database)
