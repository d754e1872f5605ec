"""The team service's HTTP routes and its WebSocket, on the server's own port.

POST /team/sign-in    {"name", "password", "device"} -> {"token", "expires_at", account...}
POST /team/sign-out   (Authorization: Bearer TOKEN) revokes that sign-in
GET  /team/snapshot   (Authorization: Bearer TOKEN) a whole copy of the record, one database file
GET  /team/sync       the sync WebSocket (core/team_protocol.py)

A failed sign-in says only that the name or password is wrong, whichever it was; repeated
failures are answered 429 with Retry-After.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Final

from aiohttp import WSMsgType, web

from outreach_app.core import tokens
from outreach_app.core.message_codec import MessageError, parse_json
from outreach_app.core.signaling_protocol import CloseCode
from outreach_app.core.team_protocol import (
    MAX_PULL,
    PROTOCOL_VERSION,
    SNAPSHOT_BASELINE_HEADER,
    SNAPSHOT_HEAD_HEADER,
    TEAM_CLIENT_MESSAGES,
    Accounts,
    AccountsResult,
    Changes,
    Fetch,
    Hello,
    Invitations,
    Invite,
    Live,
    LiveNow,
    Nudge,
    Pull,
    Push,
    Pushed,
    Rows,
    TeamClientMessage,
    TeamError,
    TeamErrorCode,
    TeamPing,
    TeamPong,
    Welcome,
)
from outreach_app.server.app import ADMISSION
from outreach_app.server.connection import MessageSocket
from outreach_app.server.frames import TokenBucket
from outreach_app.storage.schema import schema_fingerprint
from outreach_app.storage.shared_rows import MissingRowError
from outreach_app.team.accounts import AccountError, SignIn
from outreach_app.team.service import (
    NotAllowed,
    SignInRefused,
    SignInThrottled,
    TeamService,
    watch_sign_ins,
)
from outreach_app.team.snapshot import make_snapshot_file

log = logging.getLogger(__name__)

HELLO_SECONDS: Final = 10.0
MAX_FRAME_BYTES: Final = 16 * 1024 * 1024
MAX_SIGN_IN_BYTES: Final = 4096
OUTBOX_MESSAGES: Final = 256
# A new replica's copy of the record travels in pieces this large.
SNAPSHOT_CHUNK: Final = 1024 * 1024
MESSAGES_PER_SECOND: Final = 50.0
MESSAGES_BURST: Final = 200
# How long a live call stays shown after the official's app lost its connection.
LIVE_GRACE_SECONDS: Final = 120.0


class TeamConnection(MessageSocket):
    def __init__(self, ws: web.WebSocketResponse, transport: asyncio.Transport | None) -> None:
        super().__init__(ws, OUTBOX_MESSAGES, transport)
        self.sign_in: SignIn | None = None
        self.device = ""
        self.messages = TokenBucket(MESSAGES_BURST, MESSAGES_PER_SECOND)
        self.nudged = -1

    def nudge(self, head: int) -> None:
        if self.sign_in is not None and head > self.nudged:
            self.nudged = head
            self.send(Nudge(head))


class TeamHub:
    """The connected apps: whom to nudge when the record moves, whom to cut when a sign-in
    ends."""

    def __init__(self, service: TeamService) -> None:
        self.service = service
        self.connections: set[TeamConnection] = set()
        self._watcher: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._watcher = asyncio.ensure_future(
            watch_sign_ins(self.service, self.signed_in_tokens, self.cut)
        )

    async def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        for connection in list(self.connections):
            connection.close(CloseCode.GOING_AWAY, "server shutting down")
        await asyncio.gather(*(c.finish() for c in list(self.connections)), return_exceptions=True)
        await asyncio.to_thread(self.service.close)

    def signed_in_tokens(self) -> set[str]:
        return {c.sign_in.token_id for c in self.connections if c.sign_in is not None}

    def cut(self, token_ids: set[str], reason: str) -> None:
        for connection in list(self.connections):
            if connection.sign_in is not None and connection.sign_in.token_id in token_ids:
                connection.send(TeamError(TeamErrorCode.REVOKED, reason))
                connection.close(CloseCode.UNAUTHORIZED, TeamErrorCode.REVOKED.value)

    def forget_live_later(self, token_id: str) -> None:
        """A connection that reported live calls is gone: unless the same sign-in comes back
        within a while (a network hiccup), its calls stop showing as live."""

        def forget() -> None:
            if token_id not in self.signed_in_tokens() and self.service.forget_live_of(token_id):
                self.announce_live()

        asyncio.get_running_loop().call_later(LIVE_GRACE_SECONDS, forget)

    def nudge_all(self, head: int) -> None:
        for connection in list(self.connections):
            connection.nudge(head)

    def announce_live(self) -> None:
        message = LiveNow(tuple(self.service.live.values()))
        for connection in list(self.connections):
            if connection.sign_in is not None:
                connection.send(message)


TEAM_HUB: Final = web.AppKey("team_hub", TeamHub)


def add_team_routes(app: web.Application, service: TeamService) -> None:
    hub = TeamHub(service)
    app[TEAM_HUB] = hub
    app.router.add_post("/team/sign-in", _sign_in)
    app.router.add_post("/team/sign-out", _sign_out)
    app.router.add_get("/team/snapshot", _snapshot)
    app.router.add_get("/team/sync", _sync_socket)

    async def lifetime(_app: web.Application) -> AsyncIterator[None]:
        hub.start()
        yield
        await hub.stop()

    app.cleanup_ctx.append(lifetime)


def _address(request: web.Request) -> str:
    return request.remote or "unknown"


async def _sign_in(request: web.Request) -> web.Response:
    hub = request.app[TEAM_HUB]
    body = await request.content.read(MAX_SIGN_IN_BYTES + 1)
    if len(body) > MAX_SIGN_IN_BYTES:
        return _json_error(413, "the request is too large")
    try:
        fields = parse_json(body.decode("utf-8"))
    except (MessageError, UnicodeDecodeError):
        return _json_error(400, "the request is not JSON")
    if not isinstance(fields, dict):
        return _json_error(400, "the request is not a JSON object")
    name, password, device = (fields.get(key) for key in ("name", "password", "device"))
    if not (isinstance(name, str) and isinstance(password, str) and isinstance(device, str)):
        return _json_error(400, "name, password and device are needed, as text")
    if not (0 < len(name) <= 64 and 0 < len(password) <= 1024 and len(device) <= 100):
        return _json_error(400, "name, password or device is too long or empty")
    try:
        signed = await hub.service.sign_in(name, password, device, _address(request))
    except SignInThrottled as throttled:
        seconds = max(1, round(throttled.retry_after))
        return web.json_response(
            {"error": "too many failed sign-ins", "retry_after": seconds},
            status=429,
            headers={"Retry-After": str(seconds)},
        )
    except SignInRefused:
        return _json_error(401, "wrong name or password")
    account = signed.sign_in.account
    return web.json_response(
        {
            "token": signed.token,
            "expires_at": signed.sign_in.expires_at,
            "account": account.name,
            "display_name": account.display_name,
            "role": account.role.value,
            "record": hub.service.identity.record_id,
            "office": hub.service.identity.office,
        }
    )


async def _sign_out(request: web.Request) -> web.Response:
    hub = request.app[TEAM_HUB]
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ").strip()
    try:
        sign_in = await hub.service.authenticate(token)
    except (tokens.InvalidToken, SignInRefused):
        return _json_error(401, "not signed in")
    await hub.service.sign_out(sign_in)
    hub.cut({sign_in.token_id}, "signed out")
    return web.Response(status=204)


async def _snapshot(request: web.Request) -> web.StreamResponse:
    """A copy of the record for a new replica: made for this request, sent, then removed."""
    hub = request.app[TEAM_HUB]
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    try:
        await hub.service.authenticate(token)
    except (tokens.InvalidToken, SignInRefused):
        return _json_error(401, "not signed in")
    snapshot = await asyncio.to_thread(make_snapshot_file, hub.service.folder)
    try:
        size = snapshot.path.stat().st_size
        response = web.StreamResponse(
            headers={
                "Content-Type": "application/vnd.sqlite3",
                "Content-Length": str(size),
                SNAPSHOT_HEAD_HEADER: str(snapshot.head),
                SNAPSHOT_BASELINE_HEADER: str(snapshot.baseline),
                "Cache-Control": "no-store",
            }
        )
        await response.prepare(request)
        with snapshot.path.open("rb") as file:
            while chunk := await asyncio.to_thread(file.read, SNAPSHOT_CHUNK):
                await response.write(chunk)
        await response.write_eof()
        return response
    finally:
        await asyncio.to_thread(snapshot.remove)


def _json_error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def _sync_socket(request: web.Request) -> web.StreamResponse:
    hub = request.app[TEAM_HUB]
    ws = web.WebSocketResponse(max_msg_size=MAX_FRAME_BYTES, heartbeat=20.0)
    await ws.prepare(request)
    transport = request.transport
    connection = TeamConnection(ws, transport if isinstance(transport, asyncio.Transport) else None)
    hub.connections.add(connection)

    def trust() -> None:
        # Signed in: no longer a stranger the server may push out under a flood.
        admission = request.app.get(ADMISSION)
        if admission is not None and isinstance(transport, asyncio.Transport):
            admission.trust(transport)

    try:
        await _serve(hub, connection, str(request.url.origin()), trust)
    finally:
        hub.connections.discard(connection)
        await connection.finish()
        if connection.sign_in is not None:
            hub.forget_live_later(connection.sign_in.token_id)
    return ws


async def _next_message(connection: TeamConnection) -> TeamClientMessage | None:
    """The next message; None when the app went away. Bad messages are answered here."""
    while True:
        frame = await connection.ws.receive()
        if frame.type != WSMsgType.TEXT:
            return None
        if not connection.messages.try_take():
            connection.send(TeamError(TeamErrorCode.RATE_LIMITED, "too many messages"))
            connection.close(CloseCode.ABUSE, TeamErrorCode.RATE_LIMITED.value)
            return None
        try:
            return TEAM_CLIENT_MESSAGES.from_json(str(frame.data))
        except MessageError as error:
            connection.send(TeamError(TeamErrorCode.INVALID_MESSAGE, error.message))


async def _serve(
    hub: TeamHub, connection: TeamConnection, base_url: str, trust: Callable[[], None]
) -> None:
    try:
        first = await asyncio.wait_for(_next_message(connection), HELLO_SECONDS)
    except TimeoutError:
        connection.send(TeamError(TeamErrorCode.NOT_SIGNED_IN, "no hello in time"))
        connection.close(CloseCode.JOIN_TIMEOUT, TeamErrorCode.NOT_SIGNED_IN.value)
        return
    if not isinstance(first, Hello):
        if first is not None:
            connection.send(TeamError(TeamErrorCode.NOT_SIGNED_IN, "say hello first"))
            connection.close(CloseCode.UNAUTHORIZED, TeamErrorCode.NOT_SIGNED_IN.value)
        return
    if first.protocol != PROTOCOL_VERSION or first.schema != schema_fingerprint():
        connection.send(
            TeamError(
                TeamErrorCode.PROTOCOL,
                "this app and the team server are different versions: install the same "
                "version of Outreach on both",
            )
        )
        connection.close(CloseCode.UNAUTHORIZED, TeamErrorCode.PROTOCOL.value)
        return
    try:
        sign_in = await hub.service.authenticate(first.token)
    except tokens.InvalidToken as invalid:
        code = (
            TeamErrorCode.TOKEN_EXPIRED
            if invalid.reason is tokens.InvalidReason.EXPIRED
            else TeamErrorCode.TOKEN_INVALID
        )
        connection.send(TeamError(code, "sign in again"))
        connection.close(CloseCode.UNAUTHORIZED, code.value)
        return
    except SignInRefused:
        connection.send(TeamError(TeamErrorCode.REVOKED, "sign in again"))
        connection.close(CloseCode.UNAUTHORIZED, TeamErrorCode.REVOKED.value)
        return
    connection.sign_in = sign_in
    connection.device = first.device
    trust()
    account = sign_in.account
    head = await hub.service.head()
    connection.send(
        Welcome(
            account=account.name,
            display_name=account.display_name,
            role=account.role.value,
            record=hub.service.identity.record_id,
            office=hub.service.identity.office,
            head=head,
            protocol=PROTOCOL_VERSION,
            baseline=await hub.service.baseline(),
        )
    )
    connection.nudged = head
    connection.send(LiveNow(tuple(hub.service.live.values())))
    while not connection.closing:
        message = await _next_message(connection)
        if message is None:
            return
        try:
            await _handle(hub, connection, sign_in, message, base_url)
        except NotAllowed as refused:
            connection.send(TeamError(TeamErrorCode.FORBIDDEN, str(refused)))
        except MissingRowError:
            connection.send(TeamError(TeamErrorCode.NOT_FOUND, "the record has no such thing"))
        except Exception:
            log.exception("team request failed")
            connection.send(TeamError(TeamErrorCode.INTERNAL, "the server could not do that"))


async def _handle(
    hub: TeamHub,
    connection: TeamConnection,
    sign_in: SignIn,
    message: TeamClientMessage,
    base_url: str,
) -> None:
    service = hub.service
    match message:
        case Push():
            outcomes = await service.push(sign_in, connection.device, message.operations)
            connection.send(Pushed(tuple(outcomes)))
            hub.nudge_all(await service.head())
        case Pull():
            limit = max(1, min(message.limit, MAX_PULL))
            entries, head = await service.changes(message.cursor, limit)
            more = bool(entries) and entries[-1].seq < head
            connection.send(Changes(tuple(entries), head, more))
        case Fetch():
            connection.send(Rows(tuple(await service.fetch(message.rows))))
        case Live():
            service.set_live(sign_in, message.session, message.floor, message.on)
            hub.announce_live()
        case Invite():
            links, host, number = await service.invitations(sign_in, message.session, base_url)
            connection.send(Invitations(message.session, tuple(links), host, number))
        case Accounts():
            await _keep_accounts(hub, connection, sign_in, message)
        case TeamPing():
            connection.send(TeamPong(message.id))
        case Hello():
            connection.send(TeamError(TeamErrorCode.INVALID_MESSAGE, "already signed in"))


async def _keep_accounts(
    hub: TeamHub, connection: TeamConnection, sign_in: SignIn, message: Accounts
) -> None:
    try:
        accounts, revoked = await hub.service.keep_accounts(
            sign_in,
            message.action,
            message.name,
            message.role,
            message.password,
            message.display_name,
        )
    except AccountError as exc:
        connection.send(AccountsResult(False, str(exc)))
        return
    if revoked:
        hub.cut(revoked, "the account was changed by an administrator")
    connection.send(AccountsResult(True, "", tuple(accounts)))
