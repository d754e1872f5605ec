"""The listening socket: every connection passes `Admission` the moment it is accepted.

asyncio's own servers accept up to a hundred sockets in one go and build a transport (and, with
TLS, a handshake) for each before a protocol can see who connected; a crowd of connections
then costs descriptors and memory before anything can turn it away. This loop accepts one
socket at a time, asks `Admission` about it with nothing built yet, and answers a refused one
with a reset: one accept and one close. An admitted socket gets its TLS handshake (within
`ConnectionLimits.tls_handshake_seconds`) and then the aiohttp protocol, wrapped so that the
admission hears when the connection closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
import ssl
import struct
from collections.abc import Callable
from typing import Final

from outreach_app.server.admission import Admission, Ticket

log = logging.getLogger(__name__)

# accept() errors that mean "not now": out of descriptors or memory. The pending connections
# wait in the kernel's queue meanwhile.
_RESOURCE_ERRORS: Final = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
_RESOURCE_PAUSE_SECONDS: Final = 0.1
# SO_LINGER on, zero seconds: close() sends a reset and keeps nothing for the closed socket.
_RESET_ON_CLOSE: Final = struct.pack("ii", 1, 0)


class _AdmittedProtocol(asyncio.Protocol):
    """The aiohttp protocol of one admitted connection, and its admission ticket."""

    def __init__(self, inner: asyncio.Protocol, ticket: Ticket, admission: Admission) -> None:
        self._inner = inner
        self._ticket = ticket
        self._admission = admission

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._admission.attach(self._ticket, transport)
        self._inner.connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        self._admission.release(self._ticket)
        self._inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received()

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()


class Listener:
    """Accepts connections on `sock` for `protocol_factory` (aiohttp's server), each admitted
    by `admission` first; with `ssl_context`, over TLS."""

    def __init__(
        self,
        sock: socket.socket,
        protocol_factory: Callable[[], asyncio.Protocol],
        admission: Admission,
        *,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._sock = sock
        self._protocol_factory = protocol_factory
        self._admission = admission
        self._ssl_context = ssl_context
        self._accepting: asyncio.Task[None] | None = None
        self._opening: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        self._sock.setblocking(False)
        self._accepting = asyncio.get_running_loop().create_task(self._accept_loop())

    async def close(self) -> None:
        """Stop accepting and cancel handshakes under way; open connections stay (aiohttp's
        runner closes them)."""
        accepting, self._accepting = self._accepting, None
        if accepting is not None:
            accepting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await accepting
        self._sock.close()
        opening = list(self._opening)
        for task in opening:
            task.cancel()
        if opening:
            await asyncio.wait(opening)

    async def _accept_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                conn, peer = await loop.sock_accept(self._sock)
            except ConnectionError:
                # That client gave up before it was accepted; the next one may be waiting.
                continue
            except OSError as error:
                if error.errno in _RESOURCE_ERRORS:
                    log.warning("cannot accept connections: %s", error.strerror)
                else:
                    log.warning("accepting a connection failed: %s", error)
                await asyncio.sleep(_RESOURCE_PAUSE_SECONDS)
                continue
            self._admit(conn, peer)
            # A connection may be waiting at once; let the open ones take their turn first.
            await asyncio.sleep(0)

    def _admit(self, conn: socket.socket, peer: object) -> None:
        address = str(peer[0]) if isinstance(peer, tuple) and peer else str(peer)
        ticket = self._admission.admit(address)
        if ticket is None:
            with contextlib.suppress(OSError):
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RESET_ON_CLOSE)
            conn.close()
            return
        task = asyncio.get_running_loop().create_task(self._open(conn, ticket))
        ticket.close_with(task.cancel)
        self._opening.add(task)
        task.add_done_callback(self._opening.discard)

    async def _open(self, conn: socket.socket, ticket: Ticket) -> None:
        loop = asyncio.get_running_loop()
        protocol = _AdmittedProtocol(self._protocol_factory(), ticket, self._admission)
        handshake = None
        if self._ssl_context is not None:
            handshake = self._admission.limits.tls_handshake_seconds
        try:
            # On failure or cancellation this closes the transport it made, and the socket.
            await loop.connect_accepted_socket(
                lambda: protocol, conn, ssl=self._ssl_context, ssl_handshake_timeout=handshake
            )
        except (OSError, ssl.SSLError, asyncio.CancelledError) as error:
            self._admission.release(ticket)
            if not isinstance(error, asyncio.CancelledError):
                log.debug("a connection closed before it opened: %s", error)
