"""The store: one SQLite database and, for each aggregate, the object holding its operations.

    repo = Repository.open(path)
    repo.sites.list_sites()
    repo.notes.save_answer(question_id, text, speaker)

A Repository owns one SQLite connection and must be used on the thread that opened it (see
worker.py). The operations live in one module per aggregate; `operations()` lists them all. The
store's public types are importable from here.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from outreach_app.core.model import DEFAULT_CATEGORIES, Minutes, User
from outreach_app.storage.base import (
    Clock,
    OperationObserver,
    OperationSpec,
    StoreConnection,
    local_now,
    registered_operations,
)
from outreach_app.storage.calls import CallStore
from outreach_app.storage.errors import NotFoundError, SiteInUseError, StoreError
from outreach_app.storage.filters import STATUS_FILTERS
from outreach_app.storage.follow_ups import (
    DemandImportSummary,
    DemandSource,
    FollowUpEntry,
    FollowUpStore,
)
from outreach_app.storage.identity import (
    DatabaseKind,
    DatabaseRefusedError,
    inspect_database,
    known_migrations,
    refusal,
)
from outreach_app.storage.meta import MetaStore
from outreach_app.storage.notes import NoteStore
from outreach_app.storage.review import ReviewStore, SessionSummary
from outreach_app.storage.schema import migrate, migrations
from outreach_app.storage.search import SearchStore
from outreach_app.storage.sessions import SessionStore
from outreach_app.storage.sites import SiteStore
from outreach_app.storage.sqlite_driver import (
    DATABASE_ERRORS,
    connect,
    fsync_folder,
    fsync_path,
)
from outreach_app.storage.statistics import StatisticsStore

__all__ = [
    "STATUS_FILTERS",
    "DatabaseRefusedError",
    "DemandImportSummary",
    "DemandSource",
    "FollowUpEntry",
    "Minutes",
    "NotFoundError",
    "Repository",
    "SessionSummary",
    "SiteInUseError",
    "StoreError",
    "operations",
]


def operations() -> dict[str, OperationSpec]:
    """Every operation of the store, by name ("<aggregate>.<method>")."""
    return registered_operations()


class Repository:
    def __init__(self, db: Database, *, clock: Clock = local_now) -> None:
        self.connection = StoreConnection(db, clock=clock)
        self.meta = MetaStore(self.connection)
        self.sessions = SessionStore(self.connection)
        self.sites = SiteStore(self.connection, self.sessions)
        self.notes = NoteStore(self.connection)
        self.follow_ups = FollowUpStore(self.connection)
        self.review = ReviewStore(self.connection, self.sessions, self.notes)
        self.search = SearchStore(self.connection)
        self.statistics = StatisticsStore(self.connection)
        self.calls = CallStore(self.connection, self.sessions)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock = local_now,
        key: str | None = None,
        create: bool = True,
    ) -> Repository:
        """`key`: the passphrase of an encrypted database (see encryption.py); None for plain.

        `create`: make a new database when there is no file at `path` (a first run, a new path
        chosen on purpose); without it an absent file is refused. An empty file, another
        program's database and one made by a newer version are refused with
        DatabaseRefusedError, and left byte for byte as they were (identity.py)."""
        path = Path(path)
        identity = inspect_database(path, key)
        if identity.kind is DatabaseKind.MISSING:
            if not create:
                raise DatabaseRefusedError(
                    identity.kind, "there is no database at {path}", path=path
                )
            _create(path, key, clock)
        else:
            problem = refusal(path, identity)
            if problem is not None:
                raise problem
        repo = cls(_connect_store(path, key), clock=clock)
        _restrict_permissions(path)
        if not repo.meta.list_categories():
            repo.meta.set_categories(DEFAULT_CATEGORIES)
        return repo

    @property
    def db(self) -> Database:
        return self.connection.db

    @property
    def clock(self) -> Clock:
        return self.connection.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.connection.clock = clock

    @property
    def actor(self) -> User:
        """Who the audit trail names for what is written from now on."""
        return self.connection.actor

    @actor.setter
    def actor(self, user: User) -> None:
        self.connection.actor = user

    @property
    def observer(self) -> OperationObserver | None:
        """Hears every outermost write inside its transaction (see base.py); None: nobody."""
        return self.connection.observer

    @observer.setter
    def observer(self, observer: OperationObserver | None) -> None:
        self.connection.observer = observer

    def now(self) -> datetime:
        return self.connection.now()

    def integrity_check(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self.db.close()


def _connect_store(path: Path, key: str | None) -> Database:
    """The store's connection to an Outreach database, brought up to this version's schema."""
    try:
        conn = connect(path, key)
        db = Database(conn)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit reaches the disk before the user's next keystroke is saved, so a
            # power cut, not only a killed process, loses at most the last second of typing.
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            # Looked at read-only before; a newer version's migration may have been in its -wal.
            if {m.name for m in migrations.applied(db)} - known_migrations():
                raise DatabaseRefusedError(
                    DatabaseKind.NEWER,
                    "{path} was made by a newer version of Outreach; update the app to open it"
                    " (the file was left as it is)",
                    path=path,
                )
            migrate(db)
        except BaseException:
            db.close()
            raise
    except DATABASE_ERRORS as exc:
        raise StoreError(
            "{path} is not a usable Outreach database: {error}", path=path, error=exc
        ) from exc
    return db


def _create(path: Path, key: str | None, clock: Clock) -> None:
    """A new database at `path`, made whole beside it and then moved into place: a crash while
    it is made leaves no half-made database behind (it would be refused as not Outreach's)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.creating")
    for leftover in _companions(partial):
        leftover.unlink(missing_ok=True)
    try:
        repo = Repository(_connect_store(partial, key), clock=clock)
        try:
            repo.meta.set_categories(DEFAULT_CATEGORIES)
        finally:
            repo.close()
        fsync_path(partial)
        os.replace(partial, path)
    except OSError as exc:
        raise StoreError(
            "cannot create a database at {path}: {error}", path=path, error=exc.strerror or exc
        ) from exc
    finally:
        for leftover in _companions(partial):
            leftover.unlink(missing_ok=True)
    fsync_folder(path.parent)


def _companions(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _restrict_permissions(path: Path) -> None:
    """The database holds people's names and phone numbers: readable by its owner only."""
    for candidate in _companions(path):
        try:
            if candidate.exists():
                candidate.chmod(0o600)
        except OSError:
            pass
