"""ICE settings: which local addresses aioice gathers host candidates on, and the ICE servers.

aioice (under aiortc) discovers host addresses itself and skips loopback, so on a machine whose
only network is 127.0.0.1 two peers gather no candidate and never connect. The same setting that
fixes that (gather only on chosen addresses) also keeps a machine with several networks or a VPN
from offering addresses the other side cannot reach.

aiortc offers no option for this: the one hook is `aioice.ice.get_host_addresses`, a module
global that `Connection.gather_candidates` looks up at every call. `use_host_addresses` replaces
it there and nowhere else. The setting is process-wide, like aioice's own discovery.

`use_relay_only` (also process-wide) makes every new peer connection offer TURN relay
candidates only: neither side learns the other's addresses and all media goes through the TURN
server (which must then be reachable: without one, nothing connects).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Final

import aioice.ice
from aiortc import RTCBundlePolicy, RTCConfiguration, RTCIceServer, RTCIceTransportPolicy

from outreach_app.core.settings_rules import IceServer

if not callable(getattr(aioice.ice, "get_host_addresses", None)):
    # A newer aioice moved the hook: fail at import rather than silently gather on every network.
    raise ImportError(
        "aioice.ice.get_host_addresses is gone; outreach_app.call.ice needs a new hook"
    )

_AIOICE_DISCOVERY = aioice.ice.get_host_addresses

# aioice drops a connection after 6 consent checks in a row go unanswered within 0.5 s each
# (about 30 s). On a machine whose CPU is full (a hub with six sites on two cores) answers come
# later than that while media still flows, and links dropped every minute. Our heartbeat on the
# data channel already finds dead links within 3 s, so consent only needs to catch a peer that
# is gone for good: allow about two minutes.
TOLERATED_CONSENT_FAILURES: Final = 24
if isinstance(getattr(aioice.ice, "CONSENT_FAILURES", None), int):
    aioice.ice.CONSENT_FAILURES = max(aioice.ice.CONSENT_FAILURES, TOLERATED_CONSENT_FAILURES)
_chosen_addresses: tuple[str, ...] | None = None
_relay_only = False


def use_host_addresses(addresses: Sequence[str] | None) -> None:
    """Gather ICE host candidates only on `addresses` (IPv4 or IPv6 literals, loopback allowed).

    None gives the choice back to aioice (every non-loopback address of every interface).
    Raises ValueError for anything that is not an IP address, before changing anything.
    """
    global _chosen_addresses
    if addresses is None:
        _chosen_addresses = None
        aioice.ice.get_host_addresses = _AIOICE_DISCOVERY
        return
    if isinstance(addresses, str):
        raise TypeError("pass a list of addresses, not one string")
    _chosen_addresses = tuple(str(ipaddress.ip_address(address)) for address in addresses)
    aioice.ice.get_host_addresses = _chosen_host_addresses


def chosen_host_addresses() -> tuple[str, ...] | None:
    """The addresses set by `use_host_addresses`, or None when aioice discovers them itself."""
    return _chosen_addresses


@contextmanager
def host_addresses(addresses: Sequence[str] | None) -> Iterator[None]:
    """`use_host_addresses` for the duration of a block, then the previous setting again."""
    previous = _chosen_addresses
    use_host_addresses(addresses)
    try:
        yield
    finally:
        use_host_addresses(previous)


def use_relay_only(enabled: bool) -> None:
    """From now on, peer connections use TURN relay candidates only (or all kinds again)."""
    global _relay_only
    _relay_only = bool(enabled)


def is_relay_only() -> bool:
    return _relay_only


@contextmanager
def relay_only(enabled: bool = True) -> Iterator[None]:
    """`use_relay_only` for the duration of a block, then the previous setting again."""
    previous = _relay_only
    use_relay_only(enabled)
    try:
        yield
    finally:
        use_relay_only(previous)


def _chosen_host_addresses(use_ipv4: bool, use_ipv6: bool) -> list[str]:
    # Same signature and filtering by family as aioice's own discovery, which it replaces.
    chosen = _chosen_addresses or ()
    return [
        address
        for address in chosen
        if (use_ipv4 and ipaddress.ip_address(address).version == 4)
        or (use_ipv6 and ipaddress.ip_address(address).version == 6)
    ]


def rtc_configuration(ice_servers: Sequence[IceServer] = ()) -> RTCConfiguration:
    """An RTCConfiguration that always names its ICE servers.

    aiortc given no list falls back to a public STUN server, which is unreachable offline and
    then holds up every `setLocalDescription` for 5 s; an empty list (the default, right for a
    LAN or loopback) means host candidates only.
    """
    servers = [
        RTCIceServer(
            urls=[server.url],
            username=server.username or None,
            credential=server.credential or None,
        )
        for server in ice_servers
    ]
    # One transport for everything. With aiortc's default ("balanced") a second video m-line is
    # tied to the first video's transport, which BUNDLE then stops: its sender never starts.
    # (With max-bundle the offerer must add its tracks before its data channel, see engine.)
    return RTCConfiguration(
        iceServers=servers,
        bundlePolicy=RTCBundlePolicy.MAX_BUNDLE,
        iceTransportPolicy=RTCIceTransportPolicy.RELAY
        if _relay_only
        else RTCIceTransportPolicy.ALL,
    )
