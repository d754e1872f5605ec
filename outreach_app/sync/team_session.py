"""Team mode for the person signed in on this computer: their replica, the client that keeps it
in step, and what the app asks of both (problems to resolve, invitations, the live call,
signing out). No Qt: `ui/team/` presents it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from outreach_app.core.model import User
from outreach_app.core.sync_model import JSON, CallLinks, RowKey
from outreach_app.core.team_protocol import LiveSession, SiteLinks
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import local_id_of, read_row, uid_of
from outreach_app.sync.client import SignedOutError, SyncStatus
from outreach_app.sync.connection import Credentials, TeamAddress, sign_out
from outreach_app.sync.outbox import EntryState, read_entries
from outreach_app.sync.replica_store import open_synced_replica

log = logging.getLogger(__name__)

_UNSAFE: Final = re.compile(r"[^A-Za-z0-9._-]+")


def replica_path(data_folder: Path, address: TeamAddress, account: str, record: str) -> Path:
    """Where this computer keeps its copy of an office's record for one account. The record's
    id is part of the name: a server set up anew at the same address holds another record, and
    its copy starts afresh instead of mixing with the old one (whose unsent changes stay in
    their own file)."""
    host = _UNSAFE.sub("_", address.base.split("://", 1)[1])
    name = "-".join(_UNSAFE.sub("_", part) for part in (host, account, record))
    return data_folder / "team" / f"{name}.db"


@dataclass(frozen=True)
class RowVersions:
    """One row of a problem: what this computer has, and what the record has (None: none)."""

    table: str
    uid: str
    mine: dict[str, JSON] | None
    theirs: dict[str, JSON] | None


@dataclass(frozen=True)
class ProblemView:
    op_id: str
    operation: str  # "sites.save_site"
    at: datetime
    conflict: bool  # False: refused (the role may not, or a rule of the record)
    message: str
    params: dict[str, str]
    rows: tuple[RowVersions, ...]


class TeamSession:
    def __init__(
        self,
        data_folder: Path,
        address: TeamAddress,
        credentials: Credentials,
        device: str,
        loop: asyncio.AbstractEventLoop,
        *,
        on_status: Callable[[SyncStatus], None] = lambda status: None,
        on_changed: Callable[[set[str]], None] = lambda tables: None,
        on_live: Callable[[tuple[LiveSession, ...]], None] = lambda sessions: None,
        key: str | None = None,
    ) -> None:
        self.address = address
        self.credentials = credentials
        self.user = User(credentials.account, credentials.role)
        self.path = replica_path(data_folder, address, credentials.account, credentials.record)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.store, self.client = open_synced_replica(
            self.path,
            self.user,
            address,
            credentials.token,
            device,
            loop,
            key=key,
            on_status=on_status,
            on_changed=on_changed,
            on_live=on_live,
        )
        self._task: asyncio.Task[None] | None = None
        self.signed_out = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    def renew(self, credentials: Credentials) -> None:
        """A new sign-in of the same account, after the server refused the last one: the
        client goes on with it (`start` again); this computer's copy stays as it is."""
        if credentials.account != self.credentials.account:
            raise ValueError("a new sign-in must be of the same account")
        self.credentials = credentials
        self.client.use_token(credentials.token)
        self.signed_out.clear()

    async def _run(self) -> None:
        try:
            await self.client.run()
        except SignedOutError:
            self.signed_out.set()

    async def stop(self) -> None:
        self.client.stop()
        if self._task is None:
            return
        try:
            await self._task
        except asyncio.CancelledError:
            pass
        except Exception:
            # Stopping must reach the replica's close whatever the last connection attempt hit
            # (an app quitting while it connects); the outbox keeps what was not sent.
            log.warning("the team sync ended with an error as it stopped", exc_info=True)

    def close(self) -> None:
        """Finish the replica's queued writes and close it (after `stop`)."""
        self.store.close()

    # --------------------------------------------------------------- problems
    async def problems(self) -> list[ProblemView]:
        entries = await self.store.run(lambda repo: read_entries(repo.db))
        waiting = [e for e in entries if e.state != EntryState.PENDING]
        keys = sorted({key for entry in waiting for key in entry.touched if key[0] != "audit_log"})
        theirs: dict[RowKey, dict[str, JSON] | None] = {}
        with contextlib.suppress(Exception):  # offline: only this computer's side is shown
            theirs = {(t, u): row for t, u, row, _v in await self.client.fetch(keys)}
        mine = await self.store.run(lambda repo: _rows(repo, keys))
        views = []
        for entry in waiting:
            outcome = entry.outcome or {}
            params = outcome.get("params") if isinstance(outcome.get("params"), dict) else {}
            views.append(
                ProblemView(
                    op_id=entry.operation.op_id,
                    operation=entry.operation.name,
                    at=entry.operation.at,
                    conflict=entry.state == EntryState.CONFLICT,
                    message=str(outcome.get("message", "")),
                    params={str(k): str(v) for k, v in (params or {}).items()},  # type: ignore[union-attr]
                    rows=tuple(
                        RowVersions(t, u, mine.get((t, u)), theirs.get((t, u)))
                        for t, u in entry.touched
                        if t != "audit_log"
                    ),
                )
            )
        return views

    async def keep_mine(self, op_id: str) -> None:
        await self.client.keep_mine(op_id)

    async def keep_theirs(self, op_id: str) -> None:
        await self.client.keep_theirs(op_id)

    # --------------------------------------------------------------- calls
    @property
    def server_url(self) -> str:
        return self.address.base

    @property
    def record_id(self) -> str:
        return self.credentials.record

    async def call_links(self, session_id: int) -> CallLinks:
        session_uid = await self.store.run(lambda repo: uid_of(repo.db, "sessions", session_id))
        if session_uid is None:
            raise LookupError(f"no session {session_id}")
        answer = await self.client.invitations(session_uid)
        local = await self.store.run(lambda repo: _local_sites(repo, answer.links))
        return CallLinks(answer.number, answer.host, local)

    async def report_live(self, session_id: int, floor_site_id: int | None, on: bool) -> None:
        def uids(repo: Repository) -> tuple[str | None, str | None]:
            return uid_of(repo.db, "sessions", session_id), uid_of(repo.db, "sites", floor_site_id)

        session_uid, floor_uid = await self.store.run(uids)
        if session_uid is not None:
            with contextlib.suppress(Exception):  # offline: told again after reconnecting
                await self.client.report_live(session_uid, floor_uid, on)

    async def live_sessions(self) -> dict[int, int | None]:
        """This computer's ids of the sessions live now, with the site that has the floor."""
        live = self.client.live

        def local(repo: Repository) -> dict[int, int | None]:
            found: dict[int, int | None] = {}
            for session in live:
                with contextlib.suppress(LookupError):
                    session_id = local_id_of(repo.db, "sessions", session.session)
                    floor = None
                    with contextlib.suppress(LookupError):
                        floor = local_id_of(repo.db, "sites", session.floor)
                    if session_id is not None:
                        found[session_id] = floor
            return found

        return await self.store.run(local)

    # ------------------------------------------------------------- signing out
    async def sign_out(self, *, remove_copy: bool) -> None:
        """Revoke this sign-in on the server (if it can be reached) and stop; with
        `remove_copy`, delete this computer's replica, so nothing of the record stays here.
        Changes not yet sent are lost with the copy: the caller asks first."""
        await sign_out(self.address, self.credentials.token)
        await self.stop()
        self.close()
        if remove_copy:
            remove_replica(self.path)

    async def unsent_changes(self) -> int:
        return await self.store.run(
            lambda repo: int(repo.db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0])
        )


def remove_replica(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            # Overwritten before it is unlinked, so the record's text does not linger in the
            # freed blocks of an ordinary file system.
            size = candidate.stat().st_size
            with candidate.open("r+b") as file:
                file.write(b"\0" * size)
            candidate.unlink()


def _rows(repo: Repository, keys: list[RowKey]) -> dict[RowKey, dict[str, JSON] | None]:
    rows: dict[RowKey, dict[str, JSON] | None] = {}
    for table, uid in keys:
        row = read_row(repo.db, table, uid)
        rows[(table, uid)] = None if row is None else dict(row.items())
    return rows


def _local_sites(repo: Repository, links: tuple[SiteLinks, ...]) -> dict[int, tuple[int, str, str]]:
    local: dict[int, tuple[int, str, str]] = {}
    for link in links:
        with contextlib.suppress(LookupError):
            site_id = local_id_of(repo.db, "sites", link.site)
            if site_id is not None:
                local[site_id] = (link.number, link.join, link.check)
    return local


def describe_outcome(outcome: dict[str, JSON] | None) -> str:
    return json.dumps(outcome or {}, ensure_ascii=False)
