"""A client of Janus's WebSocket API (subprotocol ``janus-protocol``): sessions, plugin handles,
requests matched to their answers by transaction, and the events Janus sends by itself.

Janus answers ``create``, ``attach``, ``detach``, ``destroy`` and synchronous plugin requests
at once (``success`` or ``error``); an asynchronous plugin request (join, publish, start) is
acknowledged first and answered later by an ``event`` with the same transaction. Everything
else that arrives is an event of a handle (``webrtcup``, ``hangup``, ``media``, ``slowlink``,
``detached``, plugin events) and goes to that handle's listener.

When the socket closes (Janus stopped or restarted) every open request fails with `JanusGone`
and `JanusConnection.closed` is set; sessions and handles do not survive a restart of Janus,
so the owner starts again with a new connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, TypeAlias

import aiohttp

log = logging.getLogger(__name__)

JsonObject: TypeAlias = dict[str, object]
REQUEST_SECONDS: Final = 10.0
# Janus ends a session that hears nothing for its session_timeout (60 s in our configuration).
KEEPALIVE_SECONDS: Final = 20.0
VIDEOROOM: Final = "janus.plugin.videoroom"
_MAX_FRAME_BYTES: Final = 1 << 20


class JanusError(Exception):
    """Janus or its plugin refused a request; `code` is Janus's error code."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"Janus error {code}: {reason}")
        self.code = code
        self.reason = reason


class JanusGone(ConnectionError):
    """The connection to Janus is closed: nothing sent on it will be answered."""


@dataclass(frozen=True)
class Jsep:
    type: str
    sdp: str

    def to_json(self, *, trickle: bool = False) -> JsonObject:
        # Our peers gather every candidate before they answer, and put them in the SDP.
        return {"type": self.type, "sdp": self.sdp, "trickle": trickle}


@dataclass(frozen=True)
class PluginReply:
    """What a plugin request brought back: the plugin's data and, for media requests, an SDP."""

    data: JsonObject
    jsep: Jsep | None = None


@dataclass(frozen=True)
class HandleEvent:
    """Something Janus says about a handle by itself: `kind` is Janus's word for it
    (webrtcup, hangup, media, slowlink, detached, event); `data` the plugin's data or the
    event's own fields."""

    kind: str
    data: JsonObject = field(default_factory=dict)
    jsep: Jsep | None = None


HandleListener: TypeAlias = Callable[[HandleEvent], None]


def as_object(value: object) -> JsonObject:
    """`value` if it is a JSON object, else an empty one."""
    if isinstance(value, dict):
        return {str(key): item for key, item in value.items()}
    return {}


def text_of(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def number_of(value: object, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _jsep_of(message: Mapping[str, object]) -> Jsep | None:
    jsep = as_object(message.get("jsep"))
    kind, sdp = text_of(jsep.get("type")), text_of(jsep.get("sdp"))
    return Jsep(kind, sdp) if kind and sdp else None


def _plugin_data(message: Mapping[str, object]) -> JsonObject:
    return as_object(as_object(message.get("plugindata")).get("data"))


class JanusConnection:
    """One WebSocket to Janus's API, with `secret` (Janus's api_secret) in every request."""

    def __init__(
        self, http: aiohttp.ClientSession, socket: aiohttp.ClientWebSocketResponse, secret: str
    ) -> None:
        self._http = http
        self._socket = socket
        self._secret = secret
        self._transactions = itertools.count(1)
        # transaction -> (the answer's future, whether an ack is the answer)
        self._pending: dict[str, tuple[asyncio.Future[JsonObject], bool]] = {}
        self._handles: dict[int, JanusHandle] = {}
        self._sessions: dict[int, JanusSession] = {}
        self.closed = asyncio.Event()
        self._reader = asyncio.get_running_loop().create_task(self._read())

    @classmethod
    async def open(cls, url: str, secret: str, timeout: float = 5.0) -> JanusConnection:
        """Connect to Janus's API at `url` (ws://127.0.0.1:8188). Raises OSError-like
        `aiohttp.ClientError` or TimeoutError when Janus is not there."""
        http = aiohttp.ClientSession()
        try:
            async with asyncio.timeout(timeout):
                socket = await http.ws_connect(
                    url, protocols=("janus-protocol",), max_msg_size=_MAX_FRAME_BYTES
                )
        except BaseException:
            await http.close()
            raise
        return cls(http, socket, secret)

    @property
    def is_open(self) -> bool:
        return not self.closed.is_set()

    async def create_session(self) -> JanusSession:
        answer = await self.request({"janus": "create"})
        session = JanusSession(self, number_of(as_object(answer.get("data")).get("id")))
        self._sessions[session.id] = session
        return session

    async def close(self) -> None:
        for session in list(self._sessions.values()):
            session.stop_keepalive()
        await self._socket.close()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await self._http.close()

    async def request(self, payload: JsonObject, timeout: float = REQUEST_SECONDS) -> JsonObject:
        """Send `payload` with a new transaction; the final answer (``success``, an ``event``
        for asynchronous plugin requests, ``ack`` for keepalives). JanusError on ``error``."""
        if self.closed.is_set():
            raise JanusGone("the connection to Janus is closed")
        transaction = str(next(self._transactions))
        waiter: asyncio.Future[JsonObject] = asyncio.get_running_loop().create_future()
        # Only a keepalive is answered by an ack; for a plugin message it means "wait".
        self._pending[transaction] = (waiter, payload.get("janus") == "keepalive")
        message = {**payload, "transaction": transaction, "apisecret": self._secret}
        try:
            await self._socket.send_str(json.dumps(message))
            async with asyncio.timeout(timeout):
                answer = await waiter
        except (ConnectionError, RuntimeError, aiohttp.ClientError) as error:
            raise JanusGone(str(error)) from error
        finally:
            self._pending.pop(transaction, None)
        if answer.get("janus") == "error":
            error_fields = as_object(answer.get("error"))
            raise JanusError(
                number_of(error_fields.get("code")), text_of(error_fields.get("reason"))
            )
        return answer

    def register(self, handle: JanusHandle) -> None:
        self._handles[handle.id] = handle

    def forget(self, handle: JanusHandle) -> None:
        self._handles.pop(handle.id, None)

    def forget_session(self, session: JanusSession) -> None:
        self._sessions.pop(session.id, None)

    async def _read(self) -> None:
        try:
            async for frame in self._socket:
                if frame.type != aiohttp.WSMsgType.TEXT:
                    continue
                try:
                    message = as_object(json.loads(frame.data))
                except ValueError:
                    log.warning("Janus sent something that is not JSON")
                    continue
                self._deliver(message)
        finally:
            self.closed.set()
            for waiter, _ in self._pending.values():
                if not waiter.done():
                    waiter.set_exception(JanusGone("Janus closed the connection"))
            for session in list(self._sessions.values()):
                session.stop_keepalive()
            log.info("the connection to Janus closed")

    def _deliver(self, message: JsonObject) -> None:
        kind = text_of(message.get("janus"))
        transaction = text_of(message.get("transaction"))
        pending = self._pending.get(transaction) if transaction else None
        if pending is not None:
            waiter, ack_answers = pending
            if kind == "ack" and not ack_answers:
                return
            if not waiter.done():
                waiter.set_result(message)
            return
        handle = self._handles.get(number_of(message.get("sender")))
        if handle is None:
            return
        handle.deliver(
            HandleEvent(
                kind,
                _plugin_data(message) if kind == "event" else message,
                _jsep_of(message),
            )
        )


class JanusSession:
    """A Janus session: a group of handles, kept alive while it is used."""

    def __init__(self, connection: JanusConnection, session_id: int) -> None:
        self.connection = connection
        self.id = session_id
        self._keepalive = asyncio.get_running_loop().create_task(self._keep_alive())

    async def attach(
        self, plugin: str = VIDEOROOM, listener: HandleListener | None = None
    ) -> JanusHandle:
        answer = await self.connection.request(
            {"janus": "attach", "session_id": self.id, "plugin": plugin}
        )
        handle = JanusHandle(self, number_of(as_object(answer.get("data")).get("id")), listener)
        self.connection.register(handle)
        return handle

    async def destroy(self) -> None:
        self.stop_keepalive()
        self.connection.forget_session(self)
        with contextlib.suppress(JanusError, JanusGone, TimeoutError):
            await self.connection.request({"janus": "destroy", "session_id": self.id})

    def stop_keepalive(self) -> None:
        self._keepalive.cancel()

    async def _keep_alive(self) -> None:
        while True:
            await asyncio.sleep(KEEPALIVE_SECONDS)
            try:
                await self.connection.request({"janus": "keepalive", "session_id": self.id})
            except (JanusError, JanusGone, TimeoutError) as error:
                log.info("Janus keepalive failed: %s", error)
                return


class JanusHandle:
    """A handle on a plugin: one participant's role in a room (or the server's own)."""

    def __init__(
        self, session: JanusSession, handle_id: int, listener: HandleListener | None = None
    ) -> None:
        self.session = session
        self.id = handle_id
        self.listener = listener
        self.detached = False

    async def message(
        self, body: JsonObject, jsep: Jsep | None = None, timeout: float = REQUEST_SECONDS
    ) -> PluginReply:
        """Send a plugin request; its reply. A plugin's error (``error_code``) raises
        JanusError like Janus's own."""
        payload: JsonObject = {
            "janus": "message",
            "session_id": self.session.id,
            "handle_id": self.id,
            "body": body,
        }
        if jsep is not None:
            payload["jsep"] = jsep.to_json()
        answer = await self.session.connection.request(payload, timeout)
        data = _plugin_data(answer)
        if "error_code" in data:
            raise JanusError(number_of(data.get("error_code")), text_of(data.get("error")))
        return PluginReply(data, _jsep_of(answer))

    async def detach(self) -> None:
        """Leave the plugin (and any peer connection of the handle); harmless when Janus or
        the handle is already gone."""
        if self.detached:
            return
        self.detached = True
        connection = self.session.connection
        connection.forget(self)
        with contextlib.suppress(JanusError, JanusGone, TimeoutError):
            await connection.request(
                {"janus": "detach", "session_id": self.session.id, "handle_id": self.id}
            )

    def deliver(self, event: HandleEvent) -> None:
        if event.kind == "detached":
            self.detached = True
            self.session.connection.forget(self)
        if self.listener is not None:
            try:
                self.listener(event)
            except Exception:
                log.exception("a Janus event listener failed on %s", event.kind)
