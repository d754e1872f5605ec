"""A team server on 127.0.0.1 inside the test's own event loop: the real service and routes on
a real socket, without the command line (tests of `outreach-server` itself start the process)."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web

from outreach_app.core.model import Role, User
from outreach_app.storage.worker import StoreWorker
from outreach_app.sync.client import SyncClient
from outreach_app.sync.connection import TeamAddress, sign_in
from outreach_app.sync.replica_store import open_synced_replica
from outreach_app.team.passwords import ScryptCost
from outreach_app.team.record import RecordFolder, init_folder, open_folder
from outreach_app.team.routes import TEAM_HUB, TeamHub, add_team_routes
from outreach_app.team.service import TeamService

PASSWORD = "a long enough password"
CHEAP = ScryptCost(log2_n=10)


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


class LiveTeamServer:
    def __init__(
        self,
        folder: Path,
        port: int,
        tls: ssl.SSLContext | None = None,
        *,
        sign_in_lifetime: float = 3600.0,
    ) -> None:
        """`tls`: serve https with it (else http)."""
        self.folder: RecordFolder = (
            open_folder(folder)
            if (folder / "record.db").exists()
            else init_folder(folder, "Office")
        )
        self.port = port
        self.tls = tls
        self.sign_in_lifetime = sign_in_lifetime
        self.service: TeamService | None = None
        self._runner: web.AppRunner | None = None

    @property
    def address(self) -> TeamAddress:
        scheme = "https" if self.tls is not None else "http"
        return TeamAddress(f"{scheme}://127.0.0.1:{self.port}")

    @property
    def hub(self) -> TeamHub:
        """The server's live connections (to cut a sign-in as signing out elsewhere does)."""
        assert self._runner is not None
        return self._runner.app[TEAM_HUB]

    async def start(self) -> None:
        self.service = TeamService(self.folder, cost=CHEAP, sign_in_lifetime=self.sign_in_lifetime)
        app = web.Application()
        add_team_routes(app, self.service)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port, ssl_context=self.tls).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self.service = None

    def add_account(self, name: str, role: Role) -> None:
        service = self.service
        assert service is not None
        service.worker.call(lambda _repo: service.accounts.add(name, role, PASSWORD))


@asynccontextmanager
async def team_server(
    folder: Path, *, sign_in_lifetime: float = 3600.0
) -> AsyncIterator[LiveTeamServer]:
    server = LiveTeamServer(folder, free_port(), sign_in_lifetime=sign_in_lifetime)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def signed_in_replica(
    server: LiveTeamServer, path: Path, name: str, role: Role
) -> tuple[StoreWorker, SyncClient]:
    credentials = await sign_in(server.address, name, PASSWORD, f"test-{name}")
    return open_synced_replica(
        path,
        User(credentials.account, credentials.role),
        server.address,
        credentials.token,
        f"test-{name}",
        asyncio.get_running_loop(),
    )
