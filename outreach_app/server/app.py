"""The signaling server: WebSocket rooms per session, the join page, a health endpoint.

A room holds the connections of one session: at most one host (the official's hub) and at most
one connection per site. A site talks only to the host of its own session; the host addresses any
site of its session by id. Nothing a client sends can reach another session, and nothing it sends
can stop the server: every handler turns failures into an error reply.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import functools
import html
import logging
import os
import re
import stat
import time
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypeAlias

from aiohttp import WSMsgType, web

from outreach_app.core.invitations import (
    MIN_SECRET_BYTES,
    Claims,
    InvalidReason,
    InvalidToken,
    generate_secret,
    verify,
)
from outreach_app.core.settings_rules import IceServer
from outreach_app.server.checks import CHECK_PAGE, CheckListener, add_check_routes
from outreach_app.server.protocol import (
    BENIGN_ERRORS,
    HOST,
    Answer,
    Bye,
    Candidate,
    ClientMessage,
    CloseCode,
    End,
    ErrorCode,
    Floor,
    Join,
    JSONValue,
    Limits,
    Offer,
    PeerAddress,
    Ping,
    ProtocolError,
    RelayedMessage,
    ServerMessage,
    TokenBucket,
    encode,
    error_message,
    floor_message,
    joined_message,
    parse_message,
    peer_joined_message,
    peer_left_message,
    pong_message,
    relayed_message,
)
from outreach_app.server.turn import TurnRest, turn_user

log = logging.getLogger(__name__)

EndedSessions: TypeAlias = Callable[[int], bool] | Set[int] | None

# Errors after which the connection is closed at once: it has no business here.
_AUTH_ERRORS: Final = {
    ErrorCode.TOKEN_INVALID: CloseCode.UNAUTHORIZED,
    ErrorCode.TOKEN_EXPIRED: CloseCode.UNAUTHORIZED,
    ErrorCode.WRONG_SESSION: CloseCode.UNAUTHORIZED,
    ErrorCode.SESSION_ENDED: CloseCode.SESSION_ENDED,
    ErrorCode.JOIN_TIMEOUT: CloseCode.JOIN_TIMEOUT,
}
# aiohttp drops frames beyond this without a word (close code 1009); below it, an oversized
# message is read whole and answered with a `too_large` error like any other bad message.
_HARD_LIMIT_FACTOR: Final = 4
_HEARTBEAT_SECONDS: Final = 20.0
_WRITER_FINISH_SECONDS: Final = 5.0

# The browser pages (the join page first): plain files, no build step, shipped as package data.
STATIC_DIR: Final = Path(__file__).with_name("static")
JOIN_PAGE: Final = "join.html"
_CONTENT_TYPES: Final = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}
# A Host header fit to be written into a policy: a name or address and a port, nothing else.
_POLICY_HOST = re.compile(r"(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?")
# The token is in the address: keep it out of caches and Referer headers.
_PRIVATE_HEADERS: Final = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@dataclass(frozen=True)
class _CloseRequest:
    code: int
    reason: str


class Connection:
    """One WebSocket client. Outgoing messages go through an outbox with its own writer task,
    so a client that reads slowly delays only itself."""

    def __init__(
        self,
        ws: web.WebSocketResponse,
        limits: Limits,
        transport: asyncio.Transport | None = None,
    ) -> None:
        self.ws = ws
        self._transport = transport
        self.claims: Claims | None = None
        # How others in the room address this connection, once it has joined.
        self.address: PeerAddress | None = None
        self.room: Room | None = None
        self.closing = False
        self.messages = TokenBucket(limits.messages_burst, limits.messages_per_second)
        self.error_budget = TokenBucket(limits.errors_burst, limits.errors_recovered_per_second)
        self._outbox_limit = limits.outbox_messages
        self._outbox: asyncio.Queue[str | _CloseRequest] = asyncio.Queue()
        self._writer = asyncio.create_task(self._write_loop())

    @property
    def is_host(self) -> bool:
        return self.claims is not None and self.claims.is_host

    def send(self, message: ServerMessage) -> None:
        if self.closing:
            return
        if self._outbox.qsize() >= self._outbox_limit:
            log.warning("dropping a connection that does not read its messages")
            self.closing = True
            if self._transport is not None:
                # The writer is stuck waiting for the client to read, so a close frame would
                # never leave: cut the connection. Its handler then ends and leaves the room.
                self._transport.abort()
            else:
                self._outbox.put_nowait(
                    _CloseRequest(CloseCode.ABUSE, ErrorCode.SLOW_CONSUMER.value)
                )
            return
        self._outbox.put_nowait(encode(message))

    def close(self, code: int, reason: str) -> None:
        """Close after the messages already queued (typically the error that explains why)."""
        if not self.closing:
            self.closing = True
            self._outbox.put_nowait(_CloseRequest(code, reason))

    async def finish(self) -> None:
        self.close(CloseCode.GOING_AWAY, "")
        try:
            await asyncio.wait_for(self._writer, _WRITER_FINISH_SECONDS)
        except TimeoutError:
            # A client that never reads; wait_for has cancelled the writer, and the transport
            # goes with the request.
            log.warning("gave up sending the last messages to an unresponsive client")

    async def _write_loop(self) -> None:
        while True:
            item = await self._outbox.get()
            try:
                if isinstance(item, _CloseRequest):
                    await self.ws.close(code=item.code, message=item.reason.encode()[:120])
                    return
                await self.ws.send_str(item)
            except (ConnectionError, RuntimeError):
                # The client went away; its handler notices and cleans up.
                return


@dataclass
class Room:
    session_id: int
    members: dict[PeerAddress, Connection] = field(default_factory=dict)
    floor_site_id: int | None = None

    @property
    def host(self) -> Connection | None:
        return self.members.get(HOST)

    def sites(self) -> dict[int, Connection]:
        return {
            address: connection
            for address, connection in self.members.items()
            if isinstance(address, int)
        }


class Signaling:
    """The server's state: rooms, live connections, and the rules for joining and relaying."""

    def __init__(
        self,
        secret: bytes,
        *,
        ended_sessions: EndedSessions = None,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.time,
        ice_servers: Sequence[IceServer] = (),
        turn: TurnRest | None = None,
        on_session_ended: Callable[[int], None] | None = None,
    ) -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the signing secret must be at least {MIN_SECRET_BYTES} bytes")
        self._secret = secret
        self._ended_sessions = ended_sessions
        self._ended_here: set[int] = set()
        self.limits = limits or Limits()
        self._clock = clock
        self.ice_servers: list[JSONValue] = [_ice_server_json(server) for server in ice_servers]
        self.turn = turn
        self._on_session_ended = on_session_ended
        self.rooms: dict[int, Room] = {}
        self.connections: set[Connection] = set()
        self._handlers: set[asyncio.Task[object]] = set()

    def ice_servers_for(self, claims: Claims) -> list[JSONValue]:
        """The ICE servers handed to one participant: the fixed ones, then TURN servers with
        credentials made for it now (see `outreach_app.server.turn`)."""
        servers = list(self.ice_servers)
        if self.turn is not None:
            user = turn_user(claims.session_id, claims.site_id)
            servers += [_ice_server_json(s) for s in self.turn.ice_servers(user, self._clock())]
        return servers

    def is_ended(self, session_id: int) -> bool:
        if session_id in self._ended_here:
            return True
        if self._ended_sessions is None:
            return False
        if callable(self._ended_sessions):
            return self._ended_sessions(session_id)
        return session_id in self._ended_sessions

    def end_session(self, session_id: int) -> None:
        """Refuse the session's tokens from now on and close the connections in its room."""
        if session_id not in self._ended_here and self._on_session_ended is not None:
            try:
                self._on_session_ended(session_id)
            except Exception:
                # Still ended while this server runs; only a restart could forget it.
                log.exception("could not record that session %s ended", session_id)
        self._ended_here.add(session_id)
        room = self.rooms.get(session_id)
        if room is None:
            return
        for connection in list(room.members.values()):
            connection.send(error_message(ErrorCode.SESSION_ENDED, "The session has ended."))
            connection.close(CloseCode.SESSION_ENDED, ErrorCode.SESSION_ENDED.value)

    def verify_site_invitation(self, token: str) -> Claims:
        """Claims of a site's invitation for the join page; InvalidToken or SessionEnded if not."""
        claims = verify(self._secret, token, self._clock())
        if claims.is_host:
            raise InvalidToken(InvalidReason.MALFORMED, "a host credential is not an invitation")
        if self.is_ended(claims.session_id):
            raise SessionEnded(claims.session_id)
        return claims

    async def serve(
        self, ws: web.WebSocketResponse, transport: asyncio.Transport | None = None
    ) -> None:
        """Run one client's connection until it ends; `transport` (the request's) lets the
        server cut a client that stopped reading."""
        connection = Connection(ws, self.limits, transport)
        self.connections.add(connection)
        current = asyncio.current_task()
        if current is not None:
            self._handlers.add(current)
        try:
            await self._receive_loop(connection)
        finally:
            self.connections.discard(connection)
            self._leave(connection)
            if current is not None:
                self._handlers.discard(current)
            await connection.finish()

    async def close_all(self) -> None:
        """Close every connection (the server is stopping) and wait for their handlers."""
        for connection in list(self.connections):
            connection.send(error_message(ErrorCode.SHUTTING_DOWN, "The server is stopping."))
            connection.close(CloseCode.GOING_AWAY, "server shutting down")
        if self._handlers:
            await asyncio.wait(list(self._handlers), timeout=_WRITER_FINISH_SECONDS + 1)

    async def _receive_loop(self, connection: Connection) -> None:
        loop = asyncio.get_running_loop()
        join_deadline = loop.time() + self.limits.join_timeout_seconds
        while not connection.closing and not connection.ws.closed:
            timeout = None
            if connection.claims is None:
                # receive() treats a timeout of 0 as "none": keep it positive.
                timeout = max(0.001, join_deadline - loop.time())
            try:
                frame = await connection.ws.receive(timeout=timeout)
            except TimeoutError:
                self._reject(
                    connection,
                    ProtocolError(ErrorCode.JOIN_TIMEOUT, "No join message arrived in time."),
                )
                return
            if frame.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                return
            try:
                self._handle_frame(connection, frame.data)
            except ProtocolError as error:
                self._reject(connection, error)
            except Exception:
                # A bug in a handler must cost one reply, not the server or the other rooms.
                log.exception("signaling handler failed")
                connection.send(error_message(ErrorCode.INTERNAL, "The server could not do that."))

    def _reject(self, connection: Connection, error: ProtocolError) -> None:
        connection.send(error_message(error.code, error.message, error.in_reply_to))
        close_code = _AUTH_ERRORS.get(error.code)
        if close_code is not None:
            connection.close(close_code, error.code.value)
        elif error.code not in BENIGN_ERRORS and not connection.error_budget.try_take():
            connection.send(
                error_message(ErrorCode.TOO_MANY_ERRORS, "Too many bad messages; disconnecting.")
            )
            connection.close(CloseCode.ABUSE, ErrorCode.TOO_MANY_ERRORS.value)

    def _handle_frame(self, connection: Connection, data: str | bytes) -> None:
        if not connection.messages.try_take():
            raise ProtocolError(ErrorCode.RATE_LIMITED, "Too many messages; slow down.")
        message = parse_message(data, self.limits.max_message_bytes)
        if isinstance(message, Join):
            self._join(connection, message)
            return
        if isinstance(message, Ping):
            # Also before joining: the pre-call check measures the round trip without entering
            # the room (which would make the hub call it).
            connection.send(pong_message(message))
            return
        room = connection.room
        if connection.claims is None or room is None:
            raise ProtocolError(
                ErrorCode.NOT_JOINED, "Send join with your invitation token first.", "join"
            )
        self._dispatch(connection, room, message)

    def _dispatch(self, connection: Connection, room: Room, message: ClientMessage) -> None:
        match message:
            case Floor():
                if not connection.is_host:
                    raise ProtocolError(
                        ErrorCode.FORBIDDEN, "Only the host passes the floor.", "floor"
                    )
                room.floor_site_id = message.site_id
                for site in room.sites().values():
                    site.send(floor_message(message))
            case Offer() | Answer() | Candidate() | Bye():
                self._relay(connection, room, message)
            case End():
                if not connection.is_host:
                    raise ProtocolError(
                        ErrorCode.FORBIDDEN, "Only the host ends the session.", "end"
                    )
                log.info("session %s: ended by its host", room.session_id)
                self.end_session(room.session_id)
            case Join():
                raise AssertionError("join is handled before dispatch")

    def _relay(self, connection: Connection, room: Room, message: RelayedMessage) -> None:
        assert connection.address is not None
        kind = type(message).__name__.lower()
        if connection.is_host and message.to == HOST:
            raise ProtocolError(ErrorCode.FORBIDDEN, "The host cannot address itself.", kind)
        if not connection.is_host and message.to != HOST:
            raise ProtocolError(
                ErrorCode.FORBIDDEN, "A site can address only the host of its session.", kind
            )
        target = room.members.get(message.to)
        if target is None:
            who = "The host" if message.to == HOST else f"Site {message.to}"
            raise ProtocolError(ErrorCode.PEER_UNAVAILABLE, f"{who} is not connected.", kind)
        target.send(relayed_message(message, connection.address))
        if isinstance(message, Bye):
            log.info("session %s: %s said bye", room.session_id, connection.address)

    def _join(self, connection: Connection, message: Join) -> None:
        if connection.claims is not None:
            raise ProtocolError(ErrorCode.ALREADY_JOINED, "This connection has joined.", "join")
        try:
            claims = verify(self._secret, message.token, self._clock())
        except InvalidToken as invalid:
            if invalid.reason is InvalidReason.EXPIRED:
                raise ProtocolError(
                    ErrorCode.TOKEN_EXPIRED, "This invitation has expired.", "join"
                ) from invalid
            raise ProtocolError(
                ErrorCode.TOKEN_INVALID, "This invitation is not valid.", "join"
            ) from invalid
        if message.session_id is not None and message.session_id != claims.session_id:
            raise ProtocolError(
                ErrorCode.WRONG_SESSION, "This invitation is for another session.", "join"
            )
        if self.is_ended(claims.session_id):
            raise ProtocolError(ErrorCode.SESSION_ENDED, "The session has ended.", "join")

        room = self.rooms.setdefault(claims.session_id, Room(claims.session_id))
        address: PeerAddress = HOST if claims.site_id is None else claims.site_id
        connection.claims = claims
        connection.address = address
        connection.room = room
        previous = room.members.get(address)
        room.members[address] = connection
        if previous is not None:
            # The same invitation from a new connection: a reload or a rejoin after a lost link.
            previous.room = None
            previous.send(
                error_message(ErrorCode.REPLACED, "You joined again from another connection.")
            )
            previous.close(CloseCode.REPLACED, ErrorCode.REPLACED.value)
        log.info(
            "session %s: %s %s",
            claims.session_id,
            "host" if claims.is_host else f"site {claims.site_id}",
            "rejoined" if previous else "joined",
        )

        if connection.is_host:
            present: list[PeerAddress] = sorted(room.sites())
            joined = joined_message(claims.session_id, None, present, room.floor_site_id)
            joined["ice_servers"] = self.ice_servers_for(claims)
            connection.send(joined)
            for site in room.sites().values():
                site.send(peer_joined_message(HOST, rejoined=previous is not None))
        else:
            present = [HOST] if room.host is not None else []
            joined = joined_message(claims.session_id, claims.site_id, present, room.floor_site_id)
            joined["ice_servers"] = self.ice_servers_for(claims)
            connection.send(joined)
            if room.host is not None:
                room.host.send(peer_joined_message(address, rejoined=previous is not None))

    def _leave(self, connection: Connection) -> None:
        room = connection.room
        address = connection.address
        connection.room = None
        if room is None or address is None:
            return
        if room.members.get(address) is not connection:
            return
        del room.members[address]
        if address == HOST:
            for site in room.sites().values():
                site.send(peer_left_message(HOST))
        elif room.host is not None:
            room.host.send(peer_left_message(address))
        if not room.members:
            del self.rooms[room.session_id]


def _ice_server_json(server: IceServer) -> JSONValue:
    if not server.username:
        return {"urls": server.url}
    return {"urls": server.url, "username": server.username, "credential": server.credential}


class SessionEnded(Exception):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"session {session_id} has ended")
        self.session_id = session_id


@dataclass(frozen=True)
class StaticFile:
    name: str
    body: bytes
    content_type: str


def load_static_files(folder: Path = STATIC_DIR) -> dict[str, StaticFile]:
    """The browser pages' files by name, read once: serving them never touches the disk again."""
    files: dict[str, StaticFile] = {}
    for path in sorted(folder.iterdir()):
        content_type = _CONTENT_TYPES.get(path.suffix)
        if content_type is not None and path.is_file():
            files[path.name] = StaticFile(path.name, path.read_bytes(), content_type)
    if JOIN_PAGE not in files:
        raise FileNotFoundError(f"{folder / JOIN_PAGE} is missing: the package is incomplete")
    return files


SIGNALING: Final = web.AppKey("signaling", Signaling)
STATIC_FILES: Final = web.AppKey("static_files", dict[str, StaticFile])


def create_app(
    secret: bytes,
    *,
    ended_sessions: EndedSessions = None,
    limits: Limits | None = None,
    clock: Callable[[], float] = time.time,
    on_check: CheckListener | None = None,
    ice_servers: Sequence[IceServer] = (),
    turn: TurnRest | None = None,
    on_session_ended: Callable[[int], None] | None = None,
) -> web.Application:
    """The signaling server as an aiohttp application.

    `ended_sessions` is a set of session ids (read live, so the caller may add to it) or a
    predicate; tokens of those sessions are refused. `clock` gives UTC epoch seconds.
    `on_check` hears every site's pre-call check; `ice_servers` are handed to every participant
    that joins, so browsers use the same STUN/TURN servers as the official's app, followed by
    the `turn` servers with credentials made for that participant. `on_session_ended` hears
    each session that ends (to remember it across restarts, see `EndedSessionsFile`).
    """
    signaling = Signaling(
        secret,
        ended_sessions=ended_sessions,
        limits=limits,
        clock=clock,
        ice_servers=ice_servers,
        turn=turn,
        on_session_ended=on_session_ended,
    )
    app = web.Application()
    app[SIGNALING] = signaling
    app[STATIC_FILES] = load_static_files()
    app.router.add_get("/health", _health)
    app.router.add_get("/join/{token}", _join_page)
    app.router.add_get("/static/{name}", _static_file)
    app.router.add_get("/ws", _websocket)
    add_check_routes(
        app,
        secret=secret,
        clock=clock,
        verify_invitation=signaling.verify_site_invitation,
        page=functools.partial(serve_page, name=CHECK_PAGE),
        refusal=refusal_page,
        on_check=on_check,
    )

    async def close_connections(_: web.Application) -> None:
        await signaling.close_all()

    app.on_shutdown.append(close_connections)
    return app


async def _health(request: web.Request) -> web.Response:
    signaling = request.app[SIGNALING]
    return web.json_response(
        {"status": "ok", "rooms": len(signaling.rooms), "connections": len(signaling.connections)}
    )


async def _websocket(request: web.Request) -> web.WebSocketResponse:
    signaling = request.app[SIGNALING]
    ws = web.WebSocketResponse(
        max_msg_size=signaling.limits.max_message_bytes * _HARD_LIMIT_FACTOR,
        heartbeat=_HEARTBEAT_SECONDS,
        # Signaling messages are small; compression would only add a decompression-bomb risk.
        compress=False,
    )
    await ws.prepare(request)
    await signaling.serve(ws, request.transport)
    return ws


async def _join_page(request: web.Request) -> web.Response:
    signaling = request.app[SIGNALING]
    try:
        signaling.verify_site_invitation(request.match_info["token"])
    except (InvalidToken, SessionEnded) as refused:
        return refusal_page(refused)
    return serve_page(request, JOIN_PAGE)


def refusal_page(refused: Exception) -> web.Response:
    """The page a browser gets for an invitation that admits nobody, saying why."""
    if isinstance(refused, InvalidToken) and refused.reason is InvalidReason.EXPIRED:
        return _page(
            403,
            "邀请已过期 · Invitation expired",
            "这个邀请链接已过期，请向组织方索取新的链接。",
            "This invitation link has expired. Ask the organiser for a new one.",
        )
    if isinstance(refused, SessionEnded):
        return _page(
            403,
            "连线已结束 · Session ended",
            "这次连线已经结束。",
            "This session has ended.",
        )
    return _page(
        403,
        "邀请无效 · Invalid invitation",
        "这个邀请链接无效，请检查链接是否完整。",
        "This invitation link is not valid. Check that you copied all of it.",
    )


def serve_page(request: web.Request, name: str) -> web.Response:
    """One of the static pages (the join page, the check page) with its policy headers."""
    # The page is the same for every invitation: its script reads the token from the address,
    # so no request data is ever written into the HTML.
    page = request.app[STATIC_FILES].get(name)
    if page is None:
        raise web.HTTPNotFound()
    return web.Response(
        body=page.body,
        content_type=page.content_type,
        charset="utf-8",
        headers={
            **_PRIVATE_HEADERS,
            "Content-Security-Policy": join_page_policy(request.host),
            # Only this page may ask for the camera and microphone, and never a frame inside it.
            "Permissions-Policy": "camera=(self), microphone=(self), display-capture=()",
        },
    )


async def _static_file(request: web.Request) -> web.Response:
    static = request.app[STATIC_FILES].get(request.match_info["name"])
    # Pages are served only by their own routes, which check the token and send their policy.
    if static is None or static.content_type == "text/html":
        raise web.HTTPNotFound()
    return web.Response(
        body=static.body,
        content_type=static.content_type,
        charset="utf-8",
        headers={
            # Revalidate every time: a page from a newer app must not run an older script.
            "Cache-Control": "no-cache",
            "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Resource-Policy": "same-origin",
        },
    )


def join_page_policy(host: str | None = None) -> str:
    """The join page's Content-Security-Policy: nothing but its own files and its WebSocket.

    CSP 3 lets 'self' match ws: and wss: on the page's own host, but older WebKit (iPhones
    that are not updated) does not, so the page's host is also named for both schemes. Video
    elements play MediaStreams (srcObject), which no fetch directive governs.
    """
    connect = "'self'"
    if host is not None and _POLICY_HOST.fullmatch(host):
        connect += f" ws://{host} wss://{host}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        f"connect-src {connect}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def _page(status: int, title: str, chinese: str, english: str) -> web.Response:
    body = (
        "<!doctype html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>"
        '<body style="font-family: sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em">'
        f"<h1>{html.escape(title)}</h1>"
        f'<p>{html.escape(chinese)}</p><p lang="en">{html.escape(english)}</p>'
        "</body></html>\n"
    )
    return web.Response(
        status=status,
        text=body,
        content_type="text/html",
        charset="utf-8",
        headers={
            **_PRIVATE_HEADERS,
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        },
    )


class EndedSessionsFile:
    """The ids of ended sessions, one a line, so that a restarted standalone server still
    refuses their invitations. Appended to, never rewritten: a crash loses at most the line
    being written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ids: set[int] = set()
        try:
            text = path.read_text(encoding="ascii", errors="replace")
        except FileNotFoundError:
            text = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip().isdigit():
                self._ids.add(int(line.strip()))
            elif line.strip():
                log.warning("%s line %s is not a session id; ignored", path, number)

    def __contains__(self, session_id: int) -> bool:
        return session_id in self._ids

    def add(self, session_id: int) -> None:
        if session_id in self._ids:
            return
        self._ids.add(session_id)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="ascii") as file:
            file.write(f"{session_id}\n")
            file.flush()
            os.fsync(file.fileno())


def load_or_create_secret(path: Path) -> bytes:
    """The signing secret kept in `path` (urlsafe base64 text), created readable by the owner
    only when missing. The app and a standalone server that share it accept the same tokens."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(base64.urlsafe_b64encode(generate_secret()).decode("ascii") + "\n")
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s can be read by other users; restrict it with chmod 600", path)
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        secret = base64.urlsafe_b64decode(text.encode("ascii", errors="replace"))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"{path} does not hold a secret in URL-safe base64") from exc
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"{path} holds a secret shorter than {MIN_SECRET_BYTES} bytes")
    return secret
