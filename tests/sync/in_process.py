"""A team server's record and apps' replicas in one process, joined by direct calls instead of
a network: the sync rules on real SQLite files, without sockets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from outreach_app.core.model import Role, User
from outreach_app.core.sync_model import OperationOutcome
from outreach_app.storage.change_tracking import ChangeTracker
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import SHARED_TABLES, read_row
from outreach_app.sync.outbox import OutboxEntry, OutboxKeeper, read_entries
from outreach_app.sync.replica import Replica, install_copy
from outreach_app.sync.schema import migrate_sync
from outreach_app.team.accounts import Account, Accounts
from outreach_app.team.executor import execute
from outreach_app.team.passwords import ScryptCost
from outreach_app.team.record import init_folder, open_folder, open_record
from outreach_app.team.record_keeper import RecordKeeper
from outreach_app.team.snapshot import make_snapshot_file

PASSWORD = "a long enough password"
NOW = datetime(2026, 12, 7, 10, 0)


class RecordServer:
    def __init__(self, folder: Path, *, existing: bool = False) -> None:
        self.folder = open_folder(folder) if existing else init_folder(folder, "Test office")
        self.repo = open_record(self.folder)
        self.keeper = RecordKeeper(self.repo.db, ChangeTracker())
        self.keeper.install()
        self.repo.connection.observer = self.keeper
        self.accounts = Accounts(self.repo.db, cost=ScryptCost(log2_n=10))

    @classmethod
    def reopen(cls, folder: Path) -> RecordServer:
        return cls(folder, existing=True)

    def account(self, name: str, role: Role) -> Account:
        return self.accounts.add(name, role, PASSWORD)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """The record's shared content, row by row (local ids left out)."""
        return content_dump(self.repo)


class ReplicaClient:
    def __init__(self, path: Path, account: Account) -> None:
        self.path = path
        self.account = account
        self.in_flight: set[str] = set()
        self._open()

    def _open(self) -> None:
        self.repo = Repository.open(self.path)
        migrate_sync(self.repo.db)
        self.repo.actor = User(self.account.name, self.account.role)
        self.outbox = OutboxKeeper(
            self.repo, ChangeTracker(), in_flight=lambda: self.in_flight, changed=lambda: None
        )
        self.outbox.install()
        self.repo.connection.observer = self.outbox
        self.replica = Replica(self.repo)

    def first_copy(self, server: RecordServer) -> None:
        snapshot = make_snapshot_file(server.folder)
        outbox = self.replica.outbox_rows()
        self.repo.close()
        try:
            install_copy(snapshot.path, self.path, snapshot.head, snapshot.baseline, outbox)
        finally:
            snapshot.remove()
            self._open()

    def push(self, server: RecordServer) -> list[OperationOutcome]:
        outcomes = []
        for entry in read_entries(self.repo.db, state="pending"):
            outcome = execute(
                server.repo, server.keeper, self.account, "test", entry.operation, NOW
            )
            self.replica.record_outcome(outcome)
            outcomes.append(outcome)
        return outcomes

    def pull(self, server: RecordServer) -> set[str]:
        changed: set[str] = set()
        while entries := server.keeper.changes_since(self.replica.cursor(), 100):
            changed |= self.replica.apply_changes(entries)
        return changed

    def outbox_entries(self) -> list[OutboxEntry]:
        return read_entries(self.repo.db)

    def sync(self, server: RecordServer) -> list[OperationOutcome]:
        outcomes = self.push(server)
        self.pull(server)
        return outcomes


def content_dump(repo: Repository) -> dict[str, list[tuple[object, ...]]]:
    """Every shared row as it travels (references as uids), sorted: two databases hold the same
    record exactly when their dumps are equal, whatever their local ids."""
    dump: dict[str, list[tuple[object, ...]]] = {}
    for table in SHARED_TABLES:
        uids = [str(u) for (u,) in repo.db.execute(f"SELECT uid FROM {table.name}").fetchall()]
        rows = []
        for uid in uids:
            row = read_row(repo.db, table.name, uid) or {}
            rows.append(tuple(sorted((k, repr(v)) for k, v in row.items())))
        dump[table.name] = sorted(rows)
    return dump
