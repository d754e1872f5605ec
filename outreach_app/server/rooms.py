"""The signaling rooms: who may join which session, and what is relayed to whom.

A room holds the connections of one session: at most one host (the official's hub) and at most
one connection per site. A site talks only to the host of its own session; the host addresses any
site of its session by id. Nothing a client sends can reach another session, and nothing it sends
can stop the server: every handler turns failures into an error reply. A session that runs on
the media server (Janus) has its requests for it handled by `outreach_app.server.media_rooms`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from typing import Final, TypeAlias

from aiohttp import WSMsgType, web

from outreach_app.core.invitations import (
    MIN_SECRET_BYTES,
    Claims,
    InvalidReason,
    InvalidToken,
    verify,
)
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import (
    HOST,
    HUB,
    Answer,
    Bye,
    Candidate,
    ChooseEngine,
    ClientMessage,
    CloseCode,
    Control,
    End,
    EngineName,
    Error,
    ErrorCode,
    Floor,
    Join,
    Joined,
    Offer,
    PeerAddress,
    PeerJoined,
    PeerLeft,
    Ping,
    Pong,
    Publish,
    RelayedMessage,
    Subscribe,
    SubscriptionAnswer,
    Unsubscribe,
    relayed,
    relayed_floor,
)
from outreach_app.server.admission import Admission
from outreach_app.server.connection import WRITER_FINISH_SECONDS, Connection
from outreach_app.server.frames import (
    BENIGN_ERRORS,
    Limits,
    ProtocolError,
    TokenBucket,
    parse_message,
)
from outreach_app.server.media_rooms import MediaRooms
from outreach_app.server.turn import TurnRest, turn_user

log = logging.getLogger(__name__)

EndedSessions: TypeAlias = Callable[[int], bool] | Set[int] | None
# A host speaks for its whole session (on the media server: a subscription per site): its
# messages may come this many times faster than a site's.
HOST_RATE_FACTOR: Final = 4

# Errors after which the connection is closed at once: it has no business here.
_AUTH_ERRORS: Final = {
    ErrorCode.TOKEN_INVALID: CloseCode.UNAUTHORIZED,
    ErrorCode.TOKEN_EXPIRED: CloseCode.UNAUTHORIZED,
    ErrorCode.WRONG_SESSION: CloseCode.UNAUTHORIZED,
    ErrorCode.SESSION_ENDED: CloseCode.SESSION_ENDED,
    ErrorCode.JOIN_TIMEOUT: CloseCode.JOIN_TIMEOUT,
}


class SessionEnded(Exception):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"session {session_id} has ended")
        self.session_id = session_id


@dataclass
class Room:
    session_id: int
    members: dict[PeerAddress, Connection] = field(default_factory=dict)
    floor_site_id: int | None = None
    engine: EngineName = HUB

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
        admission: Admission | None = None,
        media: Callable[[Callable[[int], Room | None]], MediaRooms] | None = None,
        record: str | None = None,
    ) -> None:
        """`media` makes the rooms on the media server from a way to find a session's room;
        without it sessions run on the hub only. `record`: the record (an office's, or one
        database's) whose invitations this server admits; tokens made for another are refused
        even when signed with the same secret."""
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the signing secret must be at least {MIN_SECRET_BYTES} bytes")
        self._secret = secret
        self._ended_sessions = ended_sessions
        self._ended_here: set[int] = set()
        self.limits = limits or Limits()
        self._clock = clock
        self.ice_servers = tuple(ice_servers)
        self.turn = turn
        self._on_session_ended = on_session_ended
        self._admission = admission
        self.record = record
        self.rooms: dict[int, Room] = {}
        self.connections: set[Connection] = set()
        self._handlers: set[asyncio.Task[object]] = set()
        self.media = None if media is None else media(self.rooms.get)

    def ice_servers_for(self, claims: Claims) -> tuple[IceServer, ...]:
        """The ICE servers handed to one participant: the fixed ones, then TURN servers with
        credentials made for it now (see `outreach_app.server.turn`), which expire with its
        invitation at the latest."""
        if self.turn is None:
            return self.ice_servers
        user = turn_user(claims.session_id, claims.site_id)
        relays = self.turn.ice_servers(user, self._clock(), not_after=claims.expires_at)
        return self.ice_servers + tuple(relays)

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
        if self.media is not None:
            self.media.session_ended(session_id)
        room = self.rooms.get(session_id)
        if room is None:
            return
        for connection in list(room.members.values()):
            connection.send(Error(ErrorCode.SESSION_ENDED, "The session has ended."))
            connection.close(CloseCode.SESSION_ENDED, ErrorCode.SESSION_ENDED.value)

    def verify_site_invitation(self, token: str) -> Claims:
        """Claims of a site's invitation for the join page; InvalidToken or SessionEnded if not."""
        claims = verify(self._secret, token, self._clock(), record=self.record)
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
            if await self._until_joined(connection):
                if self._admission is not None:
                    # Someone with a valid invitation: never pushed out to make room.
                    self._admission.trust(transport)
                while await self._receive_one(connection):
                    pass
        finally:
            self.connections.discard(connection)
            self._leave(connection)
            if current is not None:
                self._handlers.discard(current)
            await connection.finish()

    async def close_all(self) -> None:
        """Close every connection (the server is stopping) and wait for their handlers."""
        for connection in list(self.connections):
            connection.send(Error(ErrorCode.SHUTTING_DOWN, "The server is stopping."))
            connection.close(CloseCode.GOING_AWAY, "server shutting down")
        if self._handlers:
            await asyncio.wait(list(self._handlers), timeout=WRITER_FINISH_SECONDS + 1)

    async def _until_joined(self, connection: Connection) -> bool:
        """Handle the connection's frames until it has joined; False if it closed first or
        did not join within the join timeout.

        The deadline counts from the moment the WebSocket opened and nothing extends it: not
        the messages allowed before joining (ping), and not WebSocket ping frames, which
        aiohttp answers inside `receive()` (its own timeout would restart with each one).
        """
        try:
            async with asyncio.timeout(self.limits.join_timeout_seconds) as deadline:
                while connection.claims is None:
                    if not await self._receive_one(connection):
                        return False
        except TimeoutError:
            if not deadline.expired():
                raise
            self._reject(
                connection,
                ProtocolError(ErrorCode.JOIN_TIMEOUT, "No join message arrived in time."),
            )
            return False
        return True

    async def _receive_one(self, connection: Connection) -> bool:
        """Handle the next frame; False once the connection is closing or closed."""
        if connection.closing or connection.ws.closed:
            return False
        frame = await connection.ws.receive()
        if frame.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
            return False
        try:
            self._handle_frame(connection, frame.data)
        except ProtocolError as error:
            self._reject(connection, error)
        except Exception:
            # A bug in a handler must cost one reply, not the server or the other rooms.
            log.exception("signaling handler failed")
            connection.send(Error(ErrorCode.INTERNAL, "The server could not do that."))
        return True

    def _reject(self, connection: Connection, error: ProtocolError) -> None:
        connection.send(error.reply())
        close_code = _AUTH_ERRORS.get(error.code)
        if close_code is not None:
            connection.close(close_code, error.code.value)
        elif error.code not in BENIGN_ERRORS and not connection.error_budget.try_take():
            connection.send(
                Error(ErrorCode.TOO_MANY_ERRORS, "Too many bad messages; disconnecting.")
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
            connection.send(Pong(message.id))
            return
        room = connection.room
        if connection.claims is None or room is None:
            raise ProtocolError(
                ErrorCode.NOT_JOINED, "Send join with your invitation token first.", Join.TYPE
            )
        self._dispatch(connection, room, message)

    def _dispatch(self, connection: Connection, room: Room, message: ClientMessage) -> None:
        match message:
            case Floor():
                if not connection.is_host:
                    raise ProtocolError(
                        ErrorCode.FORBIDDEN, "Only the host passes the floor.", Floor.TYPE
                    )
                previous, room.floor_site_id = room.floor_site_id, message.site_id
                for site in room.sites().values():
                    site.send(relayed_floor(message))
                if self.media is not None and previous != message.site_id:
                    self.media.floor_changed(room, previous)
            case Offer() | Answer() | Candidate() | Bye() | Control():
                self._relay(connection, room, message)
            case ChooseEngine() | Publish() | Subscribe() | SubscriptionAnswer() | Unsubscribe():
                if self.media is None:
                    raise ProtocolError(
                        ErrorCode.MEDIA_SERVER_UNAVAILABLE,
                        "This server has no media server.",
                        message.TYPE,
                    )
                assert connection.address is not None
                self.media.handle(room, connection.address, message)
            case End():
                if not connection.is_host:
                    raise ProtocolError(
                        ErrorCode.FORBIDDEN, "Only the host ends the session.", End.TYPE
                    )
                log.info("session %s: ended by its host", room.session_id)
                self.end_session(room.session_id)
            case Join() | Ping():
                raise AssertionError("join and ping are handled before dispatch")

    def _relay(self, connection: Connection, room: Room, message: RelayedMessage) -> None:
        assert connection.address is not None
        kind = message.TYPE
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
        target.send(relayed(message, connection.address))
        if isinstance(message, Bye):
            log.info("session %s: %s said bye", room.session_id, connection.address)
            if not connection.is_host:
                connection.said_bye = True

    def _join(self, connection: Connection, message: Join) -> None:
        if connection.claims is not None:
            raise ProtocolError(ErrorCode.ALREADY_JOINED, "This connection has joined.", Join.TYPE)
        try:
            claims = verify(self._secret, message.token, self._clock(), record=self.record)
        except InvalidToken as invalid:
            if invalid.reason is InvalidReason.EXPIRED:
                raise ProtocolError(
                    ErrorCode.TOKEN_EXPIRED, "This invitation has expired.", Join.TYPE
                ) from invalid
            if invalid.reason is InvalidReason.NOT_YET_VALID:
                raise ProtocolError(
                    ErrorCode.TOKEN_INVALID, "This invitation is not valid yet.", Join.TYPE
                ) from invalid
            raise ProtocolError(
                ErrorCode.TOKEN_INVALID, "This invitation is not valid.", Join.TYPE
            ) from invalid
        if message.session_id is not None and message.session_id != claims.session_id:
            raise ProtocolError(
                ErrorCode.WRONG_SESSION, "This invitation is for another session.", Join.TYPE
            )
        if self.is_ended(claims.session_id):
            raise ProtocolError(ErrorCode.SESSION_ENDED, "The session has ended.", Join.TYPE)

        room = self.rooms.setdefault(claims.session_id, Room(claims.session_id))
        address: PeerAddress = HOST if claims.site_id is None else claims.site_id
        connection.claims = claims
        connection.address = address
        connection.room = room
        if claims.is_host:
            limits = self.limits
            connection.messages = TokenBucket(
                limits.messages_burst * HOST_RATE_FACTOR,
                limits.messages_per_second * HOST_RATE_FACTOR,
            )
        previous = room.members.get(address)
        room.members[address] = connection
        if previous is not None:
            # The same invitation from a new connection: a reload or a rejoin after a lost link.
            previous.room = None
            previous.send(Error(ErrorCode.REPLACED, "You joined again from another connection."))
            previous.close(CloseCode.REPLACED, ErrorCode.REPLACED.value)
        log.info(
            "session %s: %s %s",
            claims.session_id,
            "host" if claims.is_host else f"site {claims.site_id}",
            "rejoined" if previous else "joined",
        )

        # A host learns the sites present; a site learns only whether the host is.
        present: tuple[PeerAddress, ...]
        if connection.is_host:
            present = tuple(sorted(room.sites()))
        else:
            present = (HOST,) if room.host is not None else ()
        connection.send(
            Joined(
                role="host" if claims.is_host else "site",
                session_id=claims.session_id,
                site_id=claims.site_id,
                peers=present,
                floor=room.floor_site_id,
                ice_servers=self.ice_servers_for(claims),
                engine=room.engine,
                media_server=self.media is not None,
            )
        )
        if self.media is not None:
            self.media.member_joined(room, address)
        joined_again = PeerJoined(address, rejoined=previous is not None)
        if connection.is_host:
            for site in room.sites().values():
                site.send(joined_again)
        elif room.host is not None:
            room.host.send(joined_again)

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
                site.send(PeerLeft(HOST))
        elif room.host is not None:
            room.host.send(PeerLeft(address))
        if not room.members:
            del self.rooms[room.session_id]
            if self.media is not None:
                self.media.session_ended(room.session_id)
        elif self.media is not None:
            self.media.member_left(room, address, for_good=connection.said_bye)
