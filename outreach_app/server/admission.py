"""Who may hold a connection to the server: caps per address and in total, with room kept for
people who have shown who they are.

Every TCP connection starts as a stranger. It becomes a member when the server learns who it
is (a participant joins with a valid invitation, a team member signs in) and calls `trust`.
Strangers are capped per address and together; members count only towards the total. When the
strangers' share is full, a new connection pushes out the oldest stranger rather than being
turned away, so a crowd of idle sockets can delay a newcomer by one round trip at most, never
lock it out; members are never pushed out. Connections over the cap of their address are
refused at once.

An IPv6 address counts by its /64 network: one subscriber usually gets a whole /64, so
counting single addresses would give one machine billions of allowances.

No I/O here: `outreach_app.server.listener` accepts the sockets and closes what this module
turns away or pushes out.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

log = logging.getLogger(__name__)

# Descriptors kept free for everything that is not a client: the listening socket, log and
# state files, the event loop's own, databases, modules imported on first use.
SPARE_DESCRIPTORS: Final = 64
# Past this a single process would spend its memory before its descriptors.
MAX_DEFAULT_CONNECTIONS: Final = 4096
# Without a descriptor limit to go by (Windows): what select()-based loops can watch there.
FALLBACK_MAX_CONNECTIONS: Final = 500
DEFAULT_MAX_PER_ADDRESS: Final = 64
# Strangers may take this share of the total; the rest is kept for members.
STRANGERS_SHARE: Final = 0.75
_IPV6_PREFIX: Final = 64


def descriptor_limit() -> int | None:
    """This process's soft limit of open files, or None where there is none to read."""
    try:
        import resource
    except ImportError:
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return None
    return soft


def connections_allowed_by(descriptors: int | None) -> int:
    """The most client connections a process with `descriptors` open files can hold safely."""
    if descriptors is None:
        return FALLBACK_MAX_CONNECTIONS
    return max(1, min(MAX_DEFAULT_CONNECTIONS, descriptors - SPARE_DESCRIPTORS))


def default_max_connections() -> int:
    return connections_allowed_by(descriptor_limit())


@dataclass(frozen=True)
class ConnectionLimits:
    """How many connections the server holds and how long it waits for strangers.

    Tests shrink them; the defaults suit a server that faces the internet.
    """

    max_connections: int = field(default_factory=default_max_connections)
    # Strangers from one address (an IPv6 /64) at once: a browser opens about six, an office
    # behind one address a few dozen while its people load pages.
    max_per_address: int = DEFAULT_MAX_PER_ADDRESS
    # An HTTP connection that sends nothing, or has not sent a whole request head, is closed
    # after this long (also between requests on a kept-alive connection).
    idle_seconds: float = 5.0
    # A request body must have arrived whole this long after its head.
    request_body_seconds: float = 10.0
    # A TLS client must finish its handshake within this.
    tls_handshake_seconds: float = 10.0

    def __post_init__(self) -> None:
        if self.max_connections < 1 or self.max_per_address < 1:
            raise ValueError("connection limits must be at least 1")
        for name in ("idle_seconds", "request_body_seconds", "tls_handshake_seconds"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive")

    @property
    def max_strangers(self) -> int:
        return max(1, int(self.max_connections * STRANGERS_SHARE))


def address_key(address: str) -> str:
    """What a client's address counts as: IPv4 as it is (also when mapped into IPv6), IPv6 by
    its /64 network, anything else (a Unix socket) as it is."""
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, _IPV6_PREFIX), strict=False))
    return str(parsed)


class Ticket:
    """One admitted connection, from accept until it closes."""

    __slots__ = ("_closer", "address", "released", "transport", "trusted")

    def __init__(self, address: str) -> None:
        self.address = address
        self.trusted = False
        self.released = False
        self.transport: asyncio.BaseTransport | None = None
        self._closer: Callable[[], object] | None = None

    def close_with(self, closer: Callable[[], object]) -> None:
        """How to close the connection before it has a transport (cancel its TLS handshake)."""
        self._closer = closer

    def close(self) -> None:
        if isinstance(self.transport, asyncio.WriteTransport):
            self.transport.abort()
        elif self.transport is not None:
            self.transport.close()
        elif self._closer is not None:
            self._closer()


class Admission:
    """The connections held and the decision on each new one."""

    def __init__(self, limits: ConnectionLimits | None = None) -> None:
        self.limits = limits or ConnectionLimits()
        # Oldest first: a dict keeps insertion order.
        self._strangers: dict[Ticket, None] = {}
        self._strangers_by_address: Counter[str] = Counter()
        self._members: set[Ticket] = set()
        self._by_transport: dict[asyncio.BaseTransport, Ticket] = {}
        self.refused = 0
        self.pushed_out = 0

    @property
    def strangers(self) -> int:
        return len(self._strangers)

    @property
    def members(self) -> int:
        return len(self._members)

    @property
    def total(self) -> int:
        return len(self._strangers) + len(self._members)

    def admit(self, address: str) -> Ticket | None:
        """A ticket for a new connection from `address`, or None: refuse it.

        May push out the oldest stranger (closing it) to make room.
        """
        key = address_key(address)
        if self._strangers_by_address[key] >= self.limits.max_per_address:
            self._refuse(f"{key} holds {self.limits.max_per_address} connections")
            return None
        full = (
            len(self._strangers) >= self.limits.max_strangers
            or self.total >= self.limits.max_connections
        )
        if full and not self._push_out_oldest_stranger():
            self._refuse(f"{self.total} connections of people who have signed in")
            return None
        ticket = Ticket(key)
        self._strangers[ticket] = None
        self._strangers_by_address[key] += 1
        return ticket

    def attach(self, ticket: Ticket, transport: asyncio.BaseTransport) -> None:
        """The connection of `ticket` is open (its TLS handshake done) on `transport`."""
        if ticket.released:
            transport.close()
            return
        ticket.transport = transport
        self._by_transport[transport] = ticket

    def trust(self, transport: asyncio.BaseTransport | None) -> bool:
        """Make the connection on `transport` a member: it is never pushed out and no longer
        counts against its address. False if the connection is not (or no longer) held here."""
        ticket = None if transport is None else self._by_transport.get(transport)
        if ticket is None or ticket.released:
            return False
        if not ticket.trusted:
            self._forget_stranger(ticket)
            ticket.trusted = True
            self._members.add(ticket)
        return True

    def release(self, ticket: Ticket) -> None:
        """The connection has closed (or never opened); idempotent."""
        if ticket.released:
            return
        ticket.released = True
        if ticket.transport is not None:
            self._by_transport.pop(ticket.transport, None)
        if ticket.trusted:
            self._members.discard(ticket)
        else:
            self._forget_stranger(ticket)

    def _forget_stranger(self, ticket: Ticket) -> None:
        if self._strangers.pop(ticket, False) is None:
            self._strangers_by_address[ticket.address] -= 1
            if self._strangers_by_address[ticket.address] <= 0:
                del self._strangers_by_address[ticket.address]

    def _push_out_oldest_stranger(self) -> bool:
        oldest = next(iter(self._strangers), None)
        if oldest is None:
            return False
        self.pushed_out += 1
        if self.pushed_out % 1000 == 1:
            log.warning(
                "connections are full (%s); pushing out the oldest that has not signed in "
                "(%s so far)",
                self.total,
                self.pushed_out,
            )
        self.release(oldest)
        oldest.close()
        return True

    def _refuse(self, why: str) -> None:
        self.refused += 1
        if self.refused % 1000 == 1:
            log.warning("refusing connections: %s (%s refused so far)", why, self.refused)
