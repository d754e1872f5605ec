"""The call engine's connection to the signaling server (`outreach_app.server`) over WebSocket.

`WebSocketSignaling` joins a session with a token and then behaves as a `SignalingChannel`.
When the socket drops (the server restarted, the network blinked) it joins again by itself with
growing pauses and hands the engine the server's fresh ``joined`` message, so the engine sees
a rejoin exactly as it sees the first join. It gives up only when the server says the token can
never be accepted (invalid, expired, wrong or ended session) or when another connection took
its place; then `receive()` raises `SignalingRefused` with the server's reason.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Final
from urllib.parse import urlsplit, urlunsplit

import aiohttp

from outreach_app.call.signaling import SignalingClosed
from outreach_app.core.message_codec import MessageError, to_json
from outreach_app.core.signaling_protocol import (
    FINAL_ERROR_CODES,
    SERVER_MESSAGES,
    ClientMessage,
    Error,
    Join,
    Joined,
    ServerMessage,
)

log = logging.getLogger(__name__)

_JOIN_TIMEOUT_SECONDS: Final = 10.0
# Opening the socket: aiohttp would wait 30 s for a TCP connection; over a dropped link a fresh
# attempt with a fresh SYN gets through sooner than the retransmissions of an old one.
_CONNECT_TIMEOUT_SECONDS: Final = 3.0
# After the media link went silent the network may come back any moment: try at least this often.
_SUSPECT_RETRY_SECONDS: Final = 1.0
_HEARTBEAT_SECONDS: Final = 10.0


class SignalingRefused(SignalingClosed):
    """The server will not admit this token again; `code` is its error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def websocket_url(server_url: str) -> str:
    """The signaling endpoint of a server: http://h:p (or a join link on it) -> ws://h:p/ws."""
    parts = urlsplit(server_url.strip())
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.netloc:
        raise ValueError(f"not a server address: {server_url!r}")
    scheme = "wss" if parts.scheme in ("https", "wss") else "ws"
    return urlunsplit((scheme, parts.netloc, "/ws", "", ""))


class WebSocketSignaling:
    """A participant's signaling connection that keeps itself joined."""

    def __init__(
        self,
        server_url: str,
        token: str,
        *,
        first_retry_delay: float = 0.5,
        max_retry_delay: float = 8.0,
    ) -> None:
        self._url = websocket_url(server_url)
        self._token = token
        self._first_retry_delay = first_retry_delay
        self._max_retry_delay = max_retry_delay
        self._http: aiohttp.ClientSession | None = None
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self._pending_joined: Joined | None = None
        self._closed = False
        self._refusal: SignalingRefused | None = None
        self._suspect = False
        self._dropping: asyncio.Task[bool] | None = None
        self.joins = 0

    async def connect(self) -> Joined:
        """Join once; returns the server's ``joined`` message (it is also the first received).

        Raises SignalingRefused if the server refuses the token and OSError-like
        `aiohttp.ClientError` if it cannot be reached.
        """
        joined = await self._join()
        self._pending_joined = joined
        return joined

    async def send(self, message: ClientMessage) -> None:
        socket = self._socket
        if self._closed or socket is None or socket.closed:
            raise SignalingClosed("not connected to the signaling server")
        try:
            await socket.send_str(to_json(message))
        except (ConnectionError, aiohttp.ClientError, RuntimeError) as error:
            # The receive side notices the drop and rejoins; this message is lost like any
            # message sent into a dropped link, and the engine's own retries cover it.
            raise SignalingClosed(str(error)) from error

    async def receive(self) -> ServerMessage:
        while True:
            if self._refusal is not None:
                raise self._refusal
            if self._closed:
                raise SignalingClosed("the signaling connection is closed")
            if self._pending_joined is not None:
                joined, self._pending_joined = self._pending_joined, None
                return joined
            socket = self._socket
            if socket is None or socket.closed:
                await self._rejoin()
                continue
            incoming = await socket.receive()
            if incoming.type == aiohttp.WSMsgType.TEXT:
                message = _decode(incoming.data)
                if message is None:
                    continue
                if isinstance(message, Error) and message.code in FINAL_ERROR_CODES:
                    self._refusal = SignalingRefused(message.code, message.message)
                    await socket.close()
                    continue
                return message
            if incoming.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING):
                await socket.close()
            elif incoming.type == aiohttp.WSMsgType.ERROR:
                log.info("signaling socket error: %s", socket.exception())

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._socket is not None:
            await self._socket.close()
        if self._http is not None:
            await self._http.close()

    def link_suspect(self) -> None:
        """Drop the socket and join again now, retrying often until joined.

        TCP backs off its retransmissions while a link is down (by 15 s, the next try can be
        6 s away), so a socket that lived through a cut may take long to carry anything again;
        a new connection does not wait for it. Rejoining also tells the hub to call again."""
        if self._closed or self._suspect:
            return
        self._suspect = True
        socket = self._socket
        if socket is not None and not socket.closed:
            # Closing waits (briefly) for the server's goodbye; receive() returns meanwhile.
            self._dropping = asyncio.ensure_future(socket.close())

    async def _rejoin(self) -> None:
        attempt = 0
        while not self._closed:
            delay = min(self._max_retry_delay, self._first_retry_delay * 2.0**attempt)
            if self._suspect:
                delay = min(delay, _SUSPECT_RETRY_SECONDS)
            await asyncio.sleep(delay)
            try:
                self._pending_joined = await self._join()
                self._suspect = False
                return
            except SignalingRefused as refused:
                self._refusal = refused
                return
            except (aiohttp.ClientError, OSError, TimeoutError) as error:
                attempt += 1
                log.info("signaling server unreachable (%s); trying again", error)

    async def _join(self) -> Joined:
        if self._http is None:
            self._http = aiohttp.ClientSession()
        async with asyncio.timeout(_CONNECT_TIMEOUT_SECONDS):
            socket = await self._http.ws_connect(
                self._url,
                heartbeat=_HEARTBEAT_SECONDS,
                timeout=aiohttp.ClientWSTimeout(ws_close=2),
            )
        try:
            await socket.send_str(to_json(Join(self._token)))
            async with asyncio.timeout(_JOIN_TIMEOUT_SECONDS):
                while True:
                    incoming = await socket.receive()
                    if incoming.type != aiohttp.WSMsgType.TEXT:
                        raise aiohttp.ClientError("the server closed the connection while joining")
                    message = _decode(incoming.data)
                    if message is None:
                        continue
                    if isinstance(message, Joined):
                        joined = message
                        break
                    if isinstance(message, Error):
                        if message.code in FINAL_ERROR_CODES:
                            raise SignalingRefused(message.code, message.message)
                        # Busy or rate limited: worth another try later.
                        raise aiohttp.ClientError(f"{message.code}: {message.message}")
        except BaseException:
            await socket.close()
            raise
        self._socket = socket
        self.joins += 1
        return joined


def _decode(data: str) -> ServerMessage | None:
    try:
        return SERVER_MESSAGES.from_json(data)
    except MessageError as error:
        log.warning("ignoring a signaling frame that is not a message: %s", error.message)
        return None
