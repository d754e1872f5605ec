"""Calls through a real coturn with relay-only ICE and credentials made by the signaling server.

coturn runs on 127.0.0.1 with ``use-auth-secret`` (tests/turn.py); the signaling server knows
the same secret and hands the hub and the site credentials of their own in ``joined``. With
relay-only ICE the peers offer nothing but relay candidates, so media can only flow through
coturn, whose log then shows both allocations and the bytes relayed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aioice import stun, turn

from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.ice import is_relay_only, relay_only
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.invitations import generate_secret, issue_host_token, issue_site_token
from outreach_app.core.signaling_protocol import (
    Answer,
    Candidate,
    ClientMessage,
    Offer,
    ServerMessage,
)
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.turn import TurnRest, turn_credential
from tests.call.conftest import wait_until
from tests.turn import Coturn

pytestmark = pytest.mark.slow

SESSION, SITE = 41, 5
SMALL = VideoQuality(160, 120, 10)
FAST = LinkTimings(first_retry_delay=0.2, max_retry_delay=1.0, attempt_timeout=5.0)


class RecordingSignaling:
    """A participant's signaling channel that keeps a copy of every message it sends."""

    def __init__(self, inner: WebSocketSignaling) -> None:
        self.inner = inner
        self.sent: list[ClientMessage] = []

    async def send(self, message: ClientMessage) -> None:
        self.sent.append(message)
        await self.inner.send(message)

    async def receive(self) -> ServerMessage:
        return await self.inner.receive()

    async def close(self) -> None:
        await self.inner.close()

    def link_suspect(self) -> None:
        self.inner.link_suspect()

    def candidate_lines(self) -> list[str]:
        lines: list[str] = []
        for message in self.sent:
            if isinstance(message, Offer | Answer):
                sdp = message.sdp
                lines += [line for line in sdp.splitlines() if line.startswith("a=candidate:")]
            elif isinstance(message, Candidate) and message.candidate:
                lines.append(message.candidate)
        return lines


@pytest.fixture
async def server(coturn: Coturn) -> AsyncIterator[tuple[EmbeddedServer, bytes]]:
    secret = generate_secret()
    embedded = EmbeddedServer(secret, turn=TurnRest((coturn.url,), coturn.secret))
    await embedded.start()
    yield embedded, secret
    await embedded.stop()


async def test_media_flows_through_coturn_with_relay_only_ice_and_server_made_credentials(
    coturn: Coturn, server: tuple[EmbeddedServer, bytes]
) -> None:
    embedded, secret = server
    expires = int(time.time()) + 3600
    host_channel = WebSocketSignaling(embedded.url, issue_host_token(secret, SESSION, expires))
    site_channel = WebSocketSignaling(
        embedded.url, issue_site_token(secret, SESSION, SITE, expires)
    )
    host_joined = await host_channel.connect()
    site_joined = await site_channel.connect()
    host_servers = host_joined.ice_servers
    site_servers = site_joined.ice_servers
    # Each side got credentials of its own for the one TURN server.
    assert [server.url for server in host_servers] == [coturn.url]
    assert [server.url for server in site_servers] == [coturn.url]
    assert host_servers[0].username.endswith(f":s{SESSION}-host")
    assert site_servers[0].username.endswith(f":s{SESSION}-site{SITE}")

    host = RecordingSignaling(host_channel)
    site = RecordingSignaling(site_channel)
    official = SyntheticVideoTrack("OFFICIAL", SMALL)
    camera = SyntheticVideoTrack("SITE", SMALL)
    with relay_only():
        hub = HubEngine(
            host,
            invited_sites=[SITE],
            timings=FAST,
            ice_servers=host_servers,
            official_video=official,
        )
        site_engine = SiteEngine(site, SITE, video=camera, timings=FAST, ice_servers=site_servers)
        try:
            await hub.start()
            await site_engine.start()
            await wait_until(lambda: hub.state(SITE) is PeerState.CONNECTED, 15, "connected")
            await wait_until(
                lambda: (
                    (stats := hub.video_statistics(SITE)) is not None
                    and stats.frames_received >= 20
                ),
                10,
                "20 frames of the site's video at the hub",
            )
            await wait_until(
                lambda: (
                    (stats := site_engine.received_video_statistics()) is not None
                    and stats.frames_received >= 20
                ),
                10,
                "20 frames of the official's video at the site",
            )
        finally:
            await site_engine.close()
            await hub.close()
            official.stop()
            camera.stop()
    assert not is_relay_only()

    # Only relay candidates were ever offered, and they hide the machine's own address.
    for side in (host, site):
        lines = side.candidate_lines()
        assert lines, "no candidate was offered"
        assert all(" typ relay " in line for line in lines), lines
        assert all("raddr 0.0.0.0" in line for line in lines), lines
    # coturn allocated a relay for each, bound channels to the other, and relayed the media.
    for user in (f"s{SESSION}-host", f"s{SESSION}-site{SITE}"):
        assert coturn.successes("ALLOCATE", user) >= 1, user
        assert coturn.successes("CHANNEL_BIND", user) >= 1, user
    await wait_until(
        lambda: all(
            (coturn.relayed_bytes(user) or 0) > 20_000
            for user in (f"s{SESSION}-host", f"s{SESSION}-site{SITE}")
        ),
        10,
        "coturn reports the video it relayed for both",
    )


async def allocate(coturn: Coturn, username: str, password: str) -> tuple[str, int]:
    """A TURN allocation on `coturn` with these credentials; its relayed address."""
    transport, _ = await turn.create_turn_endpoint(
        asyncio.DatagramProtocol,
        server_addr=("127.0.0.1", coturn.port),
        username=username,
        password=password,
    )
    try:
        address: tuple[str, int] = transport.get_extra_info("sockname")
        return address
    finally:
        transport.close()


async def test_coturn_accepts_fresh_credentials_and_refuses_expired_or_forged_ones(
    coturn: Coturn,
) -> None:
    now = time.time()
    fresh = turn_credential(coturn.secret, "s1-site1", now, 600)
    relayed = await allocate(coturn, fresh.username, fresh.credential)
    assert relayed[0] == "127.0.0.1"

    expired = turn_credential(coturn.secret, "s1-site1", now, -60)
    forged = turn_credential("another secret of many chars", "s1-site1", now, 600)
    # The expiry moved later without the secret: the password no longer matches.
    stretched_name = f"{fresh.expires_at + 86400}:s1-site1"
    for username, password in (
        (expired.username, expired.credential),
        (forged.username, forged.credential),
        (stretched_name, fresh.credential),
    ):
        with pytest.raises(stun.TransactionFailed) as refused:
            await allocate(coturn, username, password)
        assert refused.value.response.attributes["ERROR-CODE"][0] == 401, username
    assert coturn.successes("ALLOCATE", "s1-site1") == 1
