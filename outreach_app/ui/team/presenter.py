"""The signed-in person's team session as the windows see it: the sync client's callbacks as Qt
signals, the record's changes as topics on the bus, and what the dialogs ask of the session.

Loads the sync client (aiohttp): imported only in team mode.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from outreach_app.core.model import User
from outreach_app.core.team_protocol import LiveSession
from outreach_app.core.topics import topics_for_tables
from outreach_app.sync.client import Link, SyncStatus
from outreach_app.sync.connection import Credentials, TeamAddress
from outreach_app.sync.team_session import ProblemView, TeamSession, remove_replica
from outreach_app.ui.presenter import ChangeBus, Presenter


class TeamPresenter(Presenter):
    """Owns the `TeamSession`; its `store` is the replica every page works on."""

    statusChanged = Signal(object)  # SyncStatus
    liveChanged = Signal()  # see `live`
    signedOut = Signal()  # the server no longer takes this sign-in: sign in again
    problemsResolved = Signal()  # a conflict or refusal was settled by the person

    def __init__(
        self,
        bus: ChangeBus,
        data_folder: Path,
        address: TeamAddress,
        credentials: Credentials,
        device: str,
        parent: QObject | None = None,
    ) -> None:
        # The session calls back on the event loop's thread, which is Qt's.
        session = TeamSession(
            data_folder,
            address,
            credentials,
            device,
            asyncio.get_event_loop(),
            on_status=lambda status: self._heard_status(status),
            on_changed=lambda tables: self._heard_changes(tables),
            on_live=lambda sessions: self._heard_live(sessions),
        )
        super().__init__(session.store, bus, parent)
        self.session = session
        self.status = SyncStatus()
        # This computer's session ids live now, with the site that has the floor (or None).
        self.live: dict[int, int | None] = {}

    @property
    def user(self) -> User:
        return self.session.user

    @property
    def address(self) -> TeamAddress:
        return self.session.address

    @property
    def replica_path(self) -> Path:
        return self.session.path

    def start(self) -> None:
        self.session.start()

    async def stop(self) -> None:
        await self.session.stop()

    # ------------------------------------------------------------------ what the client says
    def _heard_status(self, status: SyncStatus) -> None:
        was_signed_out = self.status.link is Link.SIGNED_OUT
        self.status = status
        self.statusChanged.emit(status)
        if status.link is Link.SIGNED_OUT and not was_signed_out:
            self.signedOut.emit()

    def _heard_changes(self, tables: set[str]) -> None:
        for topic in sorted(topics_for_tables(tables)):
            self.announce(topic)

    def _heard_live(self, _sessions: tuple[LiveSession, ...]) -> None:
        self.refresh_live()

    def refresh_live(self) -> None:
        self.spawn_latest("live", self.session.live_sessions(), self._live_loaded)

    def _live_loaded(self, live: dict[int, int | None]) -> None:
        if live != self.live:
            self.live = live
            self.liveChanged.emit()

    # ------------------------------------------------------------------ problems
    async def problems(self) -> list[ProblemView]:
        return await self.session.problems()

    def keep_mine(self, op_id: str) -> asyncio.Task[None]:
        return self.spawn(self.session.keep_mine(op_id), on_done=self._resolved)

    def keep_theirs(self, op_id: str) -> asyncio.Task[None]:
        """Also how a refused change is discarded: the record's rows replace this computer's."""
        return self.spawn(self.session.keep_theirs(op_id), on_done=self._resolved)

    def _resolved(self, _: None) -> None:
        self.problemsResolved.emit()

    # ------------------------------------------------------------------ signing in and out
    def signed_in_again(self, credentials: Credentials) -> asyncio.Task[None]:
        """The same account signed in anew: sync goes on with the new sign-in, and nothing of
        this computer's copy changes."""

        async def go_on() -> None:
            # The refused run may still be winding down: it ends before the new one starts.
            await self.session.stop()
            self.session.renew(credentials)
            self.session.start()

        return self.spawn(go_on())

    async def unsent_changes(self) -> int:
        return await self.session.unsent_changes()

    async def sign_out(self, *, remove_copy: bool) -> None:
        """Revoke the sign-in, stop, close the copy; with `remove_copy` delete it."""
        await self.session.sign_out(remove_copy=remove_copy)

    async def cancel_first_copy(self) -> None:
        """Stop taking the first copy of the record and leave nothing of it behind."""
        self.session.client.cancel_first_copy()
        await self.session.sign_out(remove_copy=True)
        remove_replica(self.session.path)
