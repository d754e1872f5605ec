"""A real team server on 127.0.0.1 with an event loop of its own on a thread, so that a test's
Qt windows (on the qasync loop, or in `run_gui`'s own loop) reach it as another computer
would. It can be stopped and started again on the same port (the office's server going down)."""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from outreach_app.core.model import Role
from outreach_app.storage.repository import Repository
from outreach_app.sync.client import Link
from outreach_app.sync.connection import TeamAddress
from tests.team.live_server import PASSWORD, LiveTeamServer, free_port, signed_in_replica

T = TypeVar("T")
__all__ = ["PASSWORD", "OtherDesk", "ThreadedTeamServer", "threaded_team_server"]


class ThreadedTeamServer:
    def __init__(self, folder: Path, tls: tuple[Path, Path] | None = None) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="team-server", daemon=True
        )
        self._thread.start()
        self.server = self._call(self._make(folder, tls))

    async def _make(self, folder: Path, tls: tuple[Path, Path] | None) -> LiveTeamServer:
        context = None
        if tls is not None:
            # As an office's own certificate is to a computer that was not told to trust it.
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
        return LiveTeamServer(folder, free_port(), context)

    def _call(self, coroutine: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    @property
    def address(self) -> TeamAddress:
        return self.server.address

    @property
    def url(self) -> str:
        return self.server.address.base

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        """Run `coroutine` on the server's thread (where other computers' clients live)."""
        return self._call(coroutine, timeout)

    def start(self) -> None:
        self._call(self.server.start())

    def stop(self) -> None:
        self._call(self.server.stop())

    def add_account(self, name: str, role: Role) -> None:
        async def add() -> None:
            self.server.add_account(name, role)

        self._call(add())

    def close(self) -> None:
        self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()


@contextmanager
def threaded_team_server(
    folder: Path, *accounts: tuple[str, Role], tls: tuple[Path, Path] | None = None
) -> Iterator[ThreadedTeamServer]:
    """`tls`: certificate and key files: the server speaks https with them."""
    server = ThreadedTeamServer(folder, tls)
    server.start()
    try:
        for name, role in accounts:
            server.add_account(name, role)
        yield server
    finally:
        server.close()


class OtherDesk:
    """Another computer: a replica signed in as `name`, kept in step on the server's thread."""

    def __init__(self, server: ThreadedTeamServer, path: Path, name: str, role: Role) -> None:
        self._server = server
        self.store, self.client = server.run(signed_in_replica(server.server, path, name, role))
        self._task = server.run(self._start())

    async def _start(self) -> asyncio.Task[None]:
        return asyncio.ensure_future(self.client.run())

    def write(self, operation: Callable[[Repository], T]) -> T:
        return self.store.call(operation)

    def settled(self) -> bool:
        """Online with nothing waiting to be sent."""
        waiting = self.store.call(
            lambda r: r.db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
        )
        return self.client.status.link is Link.ONLINE and waiting == 0

    def close(self) -> None:
        async def stop() -> None:
            self.client.stop()
            await asyncio.gather(self._task, return_exceptions=True)

        self._server.run(stop())
        self.store.close()
