"""Opening a computer's replica of an office's record: the app's store with an outbox, and the
client that keeps it in step with the team server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from outreach_app.core.model import User
from outreach_app.core.team_protocol import LiveSession
from outreach_app.storage.change_tracking import ChangeTracker
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.sync.client import SyncClient, SyncStatus
from outreach_app.sync.connection import TeamAddress
from outreach_app.sync.outbox import OutboxKeeper
from outreach_app.sync.schema import migrate_sync


def open_replica(
    path: Path,
    user: User,
    *,
    in_flight: Callable[[], set[str]],
    changed: Callable[[], None],
    key: str | None = None,
) -> Repository:
    """The replica at `path` (made if missing), on the calling thread. Every operation of
    `user` on it is recorded in its outbox; `changed` hears each new entry (on this thread)."""
    repo = Repository.open(path, key=key)
    migrate_sync(repo.db)
    repo.actor = user
    keeper = OutboxKeeper(repo, ChangeTracker(), in_flight=in_flight, changed=changed)
    keeper.install()
    repo.connection.observer = keeper
    return repo


def open_synced_replica(
    path: Path,
    user: User,
    address: TeamAddress,
    token: str,
    device: str,
    loop: asyncio.AbstractEventLoop,
    *,
    key: str | None = None,
    on_status: Callable[[SyncStatus], None] = lambda status: None,
    on_changed: Callable[[set[str]], None] = lambda tables: None,
    on_live: Callable[[tuple[LiveSession, ...]], None] = lambda sessions: None,
) -> tuple[StoreWorker, SyncClient]:
    """The replica on its store thread, and the client that keeps it in step (not yet running:
    `await client.run()` on `loop`)."""
    clients: list[SyncClient] = []

    def in_flight() -> set[str]:
        return set(clients[0].in_flight) if clients else set()

    def changed() -> None:
        if clients:
            loop.call_soon_threadsafe(clients[0].outbox_changed)

    store = StoreWorker(
        lambda: open_replica(path, user, in_flight=in_flight, changed=changed, key=key)
    )
    client = SyncClient(
        store,
        address,
        token,
        device,
        on_status=on_status,
        on_changed=on_changed,
        on_live=on_live,
    )
    clients.append(client)
    return store, client
