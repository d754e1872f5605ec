"""One client's WebSocket on the server, with an outbox of its own.

Outgoing messages go through the outbox and its writer task, so a client that reads slowly
delays only itself; one that stops reading altogether is cut off. `MessageSocket` is that
outbox for any message family (the team service uses it too); `Connection` is a participant of
the signaling server.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from aiohttp import web

from outreach_app.core.invitations import Claims
from outreach_app.core.message_codec import WireMessage, to_json
from outreach_app.core.signaling_protocol import CloseCode, ErrorCode, PeerAddress
from outreach_app.server.frames import Limits, TokenBucket

if TYPE_CHECKING:
    from outreach_app.server.rooms import Room

log = logging.getLogger(__name__)

# How long the last messages to a departing client may take before the connection is dropped.
WRITER_FINISH_SECONDS: Final = 5.0


@dataclass(frozen=True)
class _CloseRequest:
    code: int
    reason: str


class MessageSocket:
    """A WebSocket's outbox and writer task: `send` never waits for the client."""

    def __init__(
        self, ws: web.WebSocketResponse, outbox_limit: int, transport: asyncio.Transport | None
    ) -> None:
        self.ws = ws
        self._transport = transport
        self.closing = False
        self._outbox_limit = outbox_limit
        self._outbox: asyncio.Queue[str | _CloseRequest] = asyncio.Queue()
        self._writer = asyncio.create_task(self._write_loop())

    def send(self, message: WireMessage) -> None:
        if self.closing:
            return
        if self._outbox.qsize() >= self._outbox_limit:
            log.warning("dropping a connection that does not read its messages")
            self.closing = True
            if self._transport is not None:
                # The writer is stuck waiting for the client to read, so a close frame would
                # never leave: cut the connection. Its handler then ends.
                self._transport.abort()
            else:
                self._outbox.put_nowait(
                    _CloseRequest(CloseCode.ABUSE, ErrorCode.SLOW_CONSUMER.value)
                )
            return
        self._outbox.put_nowait(to_json(message))

    @property
    def waiting(self) -> int:
        """Messages queued and not yet handed to the network."""
        return self._outbox.qsize()

    def close(self, code: int, reason: str) -> None:
        """Close after the messages already queued (typically the error that explains why)."""
        if not self.closing:
            self.closing = True
            self._outbox.put_nowait(_CloseRequest(code, reason))

    async def finish(self) -> None:
        self.close(CloseCode.GOING_AWAY, "")
        try:
            await asyncio.wait_for(self._writer, WRITER_FINISH_SECONDS)
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


class Connection(MessageSocket):
    """A participant of the signaling server: who it is once it has joined, and its limits."""

    def __init__(
        self,
        ws: web.WebSocketResponse,
        limits: Limits,
        transport: asyncio.Transport | None = None,
    ) -> None:
        super().__init__(ws, limits.outbox_messages, transport)
        self.claims: Claims | None = None
        # How others in the room address this connection, once it has joined.
        self.address: PeerAddress | None = None
        self.room: Room | None = None
        # The participant said bye before its socket closed: it is not coming back.
        self.said_bye = False
        self.messages = TokenBucket(limits.messages_burst, limits.messages_per_second)
        self.error_budget = TokenBucket(limits.errors_burst, limits.errors_recovered_per_second)

    @property
    def is_host(self) -> bool:
        return self.claims is not None and self.claims.is_host
