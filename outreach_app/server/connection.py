"""One client's WebSocket on the signaling server, with an outbox of its own.

Outgoing messages go through the outbox and its writer task, so a client that reads slowly
delays only itself; one that stops reading altogether is cut off.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from aiohttp import web

from outreach_app.core.invitations import Claims
from outreach_app.core.message_codec import to_json
from outreach_app.core.signaling_protocol import CloseCode, ErrorCode, PeerAddress, ServerMessage
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


class Connection:
    """One WebSocket client: who it is once it has joined, its limits, and its outbox."""

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
        self._outbox.put_nowait(to_json(message))

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
