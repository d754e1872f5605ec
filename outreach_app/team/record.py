"""An office's record on disk: the team server's data folder.

    DIR/record.db     the shared record (the app's schema) and the server's own tables
    DIR/secret        signs sign-in tokens and invitations; never leaves the server
    DIR/backups/      consistent copies made while the server runs

Everything in the folder is readable by its owner only. `init_folder` makes a new one;
`open_record` opens an existing one and refuses a folder that is not a record.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from outreach_app.core.tokens import generate_secret
from outreach_app.storage.repository import Repository
from outreach_app.storage.sqlite_driver import create_private
from outreach_app.team.schema import migrate_team

RECORD_FILE: Final = "record.db"
SECRET_FILE: Final = "secret"
BACKUP_FOLDER: Final = "backups"
RECORD_ID_KEY: Final = "record_id"
OFFICE_NAME_KEY: Final = "office_name"


class RecordFolderError(Exception):
    """A data folder that cannot be used; the message says why in plain words."""


@dataclass(frozen=True)
class RecordFolder:
    path: Path

    @property
    def database(self) -> Path:
        return self.path / RECORD_FILE

    @property
    def secret_file(self) -> Path:
        return self.path / SECRET_FILE

    @property
    def backups(self) -> Path:
        return self.path / BACKUP_FOLDER


def init_folder(path: Path, office_name: str) -> RecordFolder:
    folder = RecordFolder(path.expanduser().resolve())
    if folder.database.exists():
        raise RecordFolderError(f"{folder.path} already holds a record")
    folder.path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder.path, 0o700)
    folder.backups.mkdir(exist_ok=True, mode=0o700)
    create_private(folder.secret_file)
    folder.secret_file.write_text(generate_secret().hex() + "\n", encoding="ascii")
    repo = Repository.open(folder.database)
    try:
        migrate_team(repo.db)
        with repo.db.conn:
            for key, value in (
                (RECORD_ID_KEY, uuid.uuid4().hex),
                (OFFICE_NAME_KEY, office_name.strip() or folder.path.name),
            ):
                repo.db.execute(
                    "INSERT INTO team_settings (key, value) VALUES (?, ?)", (key, value)
                )
    finally:
        repo.close()
    return folder


def open_folder(path: Path) -> RecordFolder:
    folder = RecordFolder(path.expanduser().resolve())
    if not folder.database.is_file():
        raise RecordFolderError(
            f"{folder.path} holds no record; make one with: outreach-server init {path}"
        )
    if not folder.secret_file.is_file():
        raise RecordFolderError(f"{folder.secret_file} is missing")
    return folder


def read_secret(folder: RecordFolder) -> bytes:
    try:
        text = folder.secret_file.read_text(encoding="ascii").strip()
        secret = bytes.fromhex(text)
    except (OSError, ValueError) as exc:
        raise RecordFolderError(f"{folder.secret_file} cannot be read: {exc}") from exc
    if len(secret) < 32:
        raise RecordFolderError(f"{folder.secret_file} holds too short a secret")
    return secret


def open_record(folder: RecordFolder) -> Repository:
    """The record's store with the server's own tables, on the calling thread."""
    repo = Repository.open(folder.database, create=False)
    migrate_team(repo.db)
    if setting(repo, RECORD_ID_KEY) is None:
        repo.close()
        raise RecordFolderError(f"{folder.database} is an Outreach database, not a team record")
    return repo


def setting(repo: Repository, key: str) -> str | None:
    row = repo.db.execute("SELECT value FROM team_settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def folder_record_id(folder: RecordFolder) -> str:
    """The record's id, read without opening the record for writing."""
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)) as db:
            row = db.execute(
                "SELECT value FROM team_settings WHERE key = ?", (RECORD_ID_KEY,)
            ).fetchone()
    except sqlite3.Error as exc:
        raise RecordFolderError(f"{folder.database} cannot be read: {exc}") from exc
    if row is None:
        raise RecordFolderError(f"{folder.database} is not a team record")
    return str(row[0])
