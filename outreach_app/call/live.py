"""The official's side of live sessions: the signaling server, invitation links and the hub.

`CallService` lives as long as the app. It runs a signaling server of its own when the server
address is on this machine (the default, 127.0.0.1) and otherwise uses a standalone
`outreach-server` that shares the signing secret. The server it runs and the secret come from
the caller (the app runs `outreach_app.server.embedded.EmbeddedServer`), so that calls never
depend on the server's code. In team mode (`team` given) the office's team server signs the
invitations and the host's credential and carries the signaling; the hub still runs here.
`LiveCall` is one session in progress: the host's signaling connection and the engine the call
window watches: the `HubEngine`, or the `JanusEngine` when the session runs on the media server
(`outreach_app.core.call_engines` decides, from the session's choice, its size and whether the
server has one).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import time
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from typing import Final, Protocol
from urllib.parse import urlsplit

from aiortc.mediastreams import MediaStreamTrack

from outreach_app.call.events import EngineEvent, FloorChanged
from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.ice import use_host_addresses
from outreach_app.call.janus_engine import JanusEngine
from outreach_app.call.link_state import LinkTimings
from outreach_app.call.official_engine import OfficialEngine, QualityPolicy
from outreach_app.call.renumbered_signaling import RenumberedSignaling
from outreach_app.call.signaling import SignalingChannel, SignalingClosed
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.call_engines import EngineChoice, EngineDecision, decide_engine
from outreach_app.core.invitations import (
    MAX_HOST_TOKEN_SECONDS,
    issue_host_token,
    issue_site_token,
    join_url,
)
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import End
from outreach_app.core.sync_model import CallLinks

log = logging.getLogger(__name__)

# Invitations stay valid this long after the session's planned end (overruns, late rejoins).
INVITATION_GRACE_SECONDS: Final = 2 * 3600
_LOCAL_NAMES: Final = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", "::"})


@dataclass(frozen=True)
class CallSettings:
    server_address: str
    ice_servers: tuple[IceServer, ...] = ()
    # None: aioice finds this machine's addresses; a list restricts ICE to those.
    host_addresses: tuple[str, ...] | None = None


def is_local_server(address: str) -> bool:
    """Whether the app itself should run the signaling server at `address`."""
    host = (urlsplit(address).hostname or "").lower()
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class LocalSignalingServer(Protocol):
    """A signaling server that runs in this process and stops with it."""

    async def start(self) -> str:
        """Listen; returns the base URL clients use. OSError when it cannot listen."""

    async def stop(self) -> None: ...

    def end_session(self, session_id: int) -> None:
        """Tell everyone in the session's room that it ended; refuse its tokens from now on."""


class LocalServerFactory(Protocol):
    """Makes the signaling server a `CallService` runs itself (`EmbeddedServer` is one)."""

    def __call__(
        self,
        secret: bytes,
        *,
        host: str,
        port: int,
        ice_servers: Sequence[IceServer],
        ended_sessions: Set[int],
        on_session_ended: Callable[[int], None],
    ) -> LocalSignalingServer: ...


class TeamCalls(Protocol):
    """An office's team server as calls need it (`sync.team_session.TeamSession` is one)."""

    @property
    def server_url(self) -> str: ...

    @property
    def record_id(self) -> str: ...

    async def call_links(self, session_id: int) -> CallLinks: ...

    async def report_live(self, session_id: int, floor_site_id: int | None, on: bool) -> None: ...


class CallRefused(Exception):
    """The team server does not let this person run the session's call."""


class CallService:
    """One per app: the signing secret, the signaling server, and the calls started on it.

    `secret` is called once, when the secret is first needed (it may raise OSError);
    `local_server` makes the server when the address is on this machine. With `team`, the team
    server does both."""

    def __init__(
        self,
        settings: CallSettings,
        *,
        secret: Callable[[], bytes],
        local_server: LocalServerFactory | None = None,
        team: TeamCalls | None = None,
    ) -> None:
        self.settings = settings
        self._load_secret = secret
        self._local_server = local_server
        self.team = team
        self._secret: bytes | None = None
        self._embedded: LocalSignalingServer | None = None
        self._base_url: str | None = None
        # Sessions whose invitations admit nobody: the app fills it from its database (the
        # embedded server would forget them when the app restarts), the server adds to it.
        self.ended_sessions: set[int] = set()
        if settings.host_addresses is not None:
            use_host_addresses(list(settings.host_addresses))

    @property
    def secret(self) -> bytes:
        if self._secret is None:
            self._secret = self._load_secret()
        return self._secret

    @property
    def embedded_server(self) -> LocalSignalingServer | None:
        """The signaling server this service runs, once started."""
        return self._embedded

    async def server_url(self) -> str:
        """The base URL of the signaling server, starting the embedded one on first use.

        Raises OSError when the embedded server cannot listen (the port is taken).
        """
        if self._base_url is not None:
            return self._base_url
        if self.team is not None:
            self._base_url = self.team.server_url
            return self._base_url
        address = self.settings.server_address
        if not is_local_server(address):
            self._base_url = address.rstrip("/")
            return self._base_url
        if self._local_server is None:
            raise RuntimeError(f"{address} is on this machine, but no server was given to run")
        parts = urlsplit(address)
        embedded = self._local_server(
            self.secret,
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 0,
            ice_servers=self.settings.ice_servers,
            ended_sessions=self.ended_sessions,
            on_session_ended=self.ended_sessions.add,
        )
        self._base_url = await embedded.start()
        self._embedded = embedded
        log.info("signaling server listening on %s", self._base_url)
        return self._base_url

    def invitation_link(self, base_url: str, session_id: int, site_id: int, ends_at: float) -> str:
        expires = int(ends_at) + INVITATION_GRACE_SECONDS
        return join_url(base_url, issue_site_token(self.secret, session_id, site_id, expires))

    async def invitation_links(
        self, session_id: int, site_ids: Sequence[int], ends_at: float
    ) -> dict[int, str]:
        """Each site's join link; the check link is the same with /check/ for /join/."""
        if self.team is not None:
            links = await self.team.call_links(session_id)
            return {site: links.sites[site][1] for site in site_ids if site in links.sites}
        base_url = await self.server_url()
        return {
            site: self.invitation_link(base_url, session_id, site, ends_at) for site in site_ids
        }

    @property
    def link_namespace(self) -> bytes:
        """What calendar entries' UIDs are derived from: stable for one office's record."""
        return self.team.record_id.encode() if self.team is not None else self.secret

    async def start_call(
        self,
        session_id: int,
        site_ids: Sequence[int],
        *,
        ends_at: float,
        official_video: MediaStreamTrack | None = None,
        official_audio: MediaStreamTrack | None = None,
        quality: QualityPolicy | None = None,
        timings: LinkTimings | None = None,
        engine: EngineChoice = EngineChoice.AUTO,
    ) -> LiveCall:
        """Join the session's room as its host and start its engine (the hub, or the official's
        part on the media server); sites connect as they join."""
        base_url = await self.server_url()
        team_links: CallLinks | None = None
        if self.team is not None:
            team_links = await self.team.call_links(session_id)
            if not team_links.host_token:
                raise CallRefused("only an official runs a session's call")
            token = team_links.host_token
        else:
            now = int(time.time())
            # Started early for a far-off session, the credential still expires within the
            # time the server honours.
            expires = min(
                int(max(ends_at, now)) + INVITATION_GRACE_SECONDS, now + MAX_HOST_TOKEN_SECONDS
            )
            token = issue_host_token(self.secret, session_id, expires)
        signaling = WebSocketSignaling(base_url, token)
        joined = await signaling.connect()
        channel: SignalingChannel = signaling
        if team_links is not None:
            numbers = {site: number for site, (number, _, _) in team_links.sites.items()}
            channel = RenumberedSignaling(signaling, numbers)
        # The server's list: the ICE servers of Settings (the embedded server hands them on) or
        # of a standalone server's configuration, with TURN credentials made for this host.
        ice_servers = joined.ice_servers or self.settings.ice_servers
        decision = decide_engine(engine, len(site_ids), joined.media_server)
        log.info("session %s runs on %s (%s)", session_id, decision.engine, decision.reason.value)
        engine_class = JanusEngine if decision.on_media_server else HubEngine
        hub: OfficialEngine = engine_class(
            channel,
            invited_sites=site_ids,
            quality=quality,
            timings=timings,
            ice_servers=ice_servers,
            official_video=official_video,
            official_audio=official_audio,
        )
        await hub.start()
        links = await self.invitation_links(session_id, site_ids, ends_at)
        if self.team is not None:
            self._report_to_team(session_id, hub)
        return LiveCall(session_id, hub, links, signaling, decision)

    def _report_to_team(self, session_id: int, hub: OfficialEngine) -> None:
        """Desks elsewhere in the office see the call live and who has the floor."""
        team = self.team
        assert team is not None
        reports: set[asyncio.Task[None]] = set()

        def report(floor: int | None) -> None:
            task = asyncio.ensure_future(team.report_live(session_id, floor, True))
            reports.add(task)
            task.add_done_callback(reports.discard)

        def heard(event: EngineEvent) -> None:
            if isinstance(event, FloorChanged):
                report(event.site_id)

        hub.add_listener(heard)
        report(None)

    async def end_call(self, call: LiveCall) -> None:
        """End the session: every site is told, and its invitations admit nobody any more."""
        if self.team is not None:
            with contextlib.suppress(Exception):  # offline: the record shows it ended anyway
                await self.team.report_live(call.session_id, None, False)
        if self._embedded is not None:
            await call.close()
            self._embedded.end_session(call.session_id)
            return
        # A standalone server learns it from the host: it tells every site, refuses the
        # session's invitations from then on, and remembers that across restarts.
        try:
            if call.signaling is not None:
                await call.signaling.send(End())
        except SignalingClosed:
            log.warning("could not tell the server that session %s ended", call.session_id)
        await call.close()

    async def close(self) -> None:
        embedded, self._embedded = self._embedded, None
        self._base_url = None
        if embedded is not None:
            await embedded.stop()


@dataclass
class LiveCall:
    """One session on air: the official's engine (`hub`: on the media server it plays the
    hub's part), the invitation link of each site, and what the session runs on and why."""

    session_id: int
    hub: OfficialEngine
    invitation_links: dict[int, str]
    signaling: WebSocketSignaling | None = None
    engine: EngineDecision | None = None

    async def close(self) -> None:
        await self.hub.close()
