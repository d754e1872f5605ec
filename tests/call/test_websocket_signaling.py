"""The engine over the real signaling server on 127.0.0.1: joins, refusals, rejoining alone."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import (
    SignalingRefused,
    WebSocketSignaling,
    websocket_url,
)
from outreach_app.core.invitations import generate_secret, issue_host_token, issue_site_token
from outreach_app.core.signaling_protocol import Joined, PeerJoined, PeerLeft
from outreach_app.server.embedded import EmbeddedServer
from tests.call.conftest import wait_until

SESSION, OTHER_SESSION, SITE = 7, 8, 3
SMALL = VideoQuality(160, 120, 5)
FAST = LinkTimings(first_retry_delay=0.2, max_retry_delay=1.0, attempt_timeout=3.0)


@pytest.fixture
def secret() -> bytes:
    return generate_secret()


@pytest.fixture
async def server(secret: bytes) -> AsyncIterator[EmbeddedServer]:
    embedded = EmbeddedServer(secret)
    await embedded.start()
    yield embedded
    await embedded.stop()


def in_an_hour() -> int:
    return int(time.time()) + 3600


def test_websocket_url_accepts_server_addresses_and_join_links() -> None:
    assert websocket_url("http://127.0.0.1:8443") == "ws://127.0.0.1:8443/ws"
    assert websocket_url("https://outreach.example.org/join/o1.x.y") == (
        "wss://outreach.example.org/ws"
    )
    for bad in ("", "127.0.0.1:80", "ftp://host/", "http://"):
        with pytest.raises(ValueError):
            websocket_url(bad)


@pytest.mark.parametrize(
    ("make_token", "code"),
    [
        (lambda s: "o1.not.a-token", "token_invalid"),
        (lambda s: issue_site_token(s, SESSION, SITE, int(time.time()) - 5), "token_expired"),
        (
            lambda s: issue_site_token(generate_secret(), SESSION, SITE, in_an_hour()),
            "token_invalid",
        ),
    ],
    ids=["malformed", "expired", "foreign-secret"],
)
async def test_a_token_the_server_refuses_is_reported_with_its_reason(
    server: EmbeddedServer, secret: bytes, make_token: object, code: str
) -> None:
    assert callable(make_token)
    signaling = WebSocketSignaling(server.url, make_token(secret))
    with pytest.raises(SignalingRefused) as refused:
        await signaling.connect()
    assert refused.value.code == code
    await signaling.close()


async def test_an_unreachable_server_is_an_error_not_a_hang(secret: bytes) -> None:
    stopped = EmbeddedServer(secret)
    url = await stopped.start()
    await stopped.stop()
    signaling = WebSocketSignaling(url, issue_site_token(secret, SESSION, SITE, in_an_hour()))
    async with asyncio.timeout(5):
        with pytest.raises(OSError):
            await signaling.connect()
    await signaling.close()


async def test_hub_and_site_connect_through_the_server_and_rejoin_after_a_restart(
    server: EmbeddedServer, secret: bytes
) -> None:
    host_signaling = WebSocketSignaling(
        server.url, issue_host_token(secret, SESSION, in_an_hour()), first_retry_delay=0.1
    )
    site_signaling = WebSocketSignaling(
        server.url, issue_site_token(secret, SESSION, SITE, in_an_hour()), first_retry_delay=0.1
    )
    await host_signaling.connect()
    await site_signaling.connect()
    official = SyntheticVideoTrack("OFFICIAL", SMALL)
    camera = SyntheticVideoTrack("SITE", SMALL)
    hub = HubEngine(host_signaling, invited_sites=[SITE], timings=FAST, official_video=official)
    site = SiteEngine(site_signaling, SITE, video=camera, timings=FAST)
    try:
        await hub.start()
        await site.start()
        await wait_until(lambda: hub.state(SITE) is PeerState.CONNECTED, 10, "site connected")
        await wait_until(
            lambda: (hub.video_statistics(SITE) or None) is not None, 5, "site video at the hub"
        )

        # The server goes away and comes back on the same port: both sides join again by
        # themselves, and the media link, which never needed the server, carries on.
        port = int(server.url.rsplit(":", 1)[1])
        await server.stop()
        restarted = EmbeddedServer(secret, port=port)
        await restarted.start()
        try:
            await wait_until(
                lambda: host_signaling.joins == 2 and site_signaling.joins == 2,
                10,
                "both rejoined the restarted server",
            )
            assert hub.state(SITE) is PeerState.CONNECTED
            room = restarted.signaling.rooms[SESSION]
            assert set(room.members) == {"host", SITE}
        finally:
            await site.close()
            await hub.close()
            await restarted.stop()
    finally:
        official.stop()
        camera.stop()


async def test_a_session_ended_by_the_server_is_final(
    server: EmbeddedServer, secret: bytes
) -> None:
    signaling = WebSocketSignaling(
        server.url, issue_site_token(secret, SESSION, SITE, in_an_hour()), first_retry_delay=0.1
    )
    joined = await signaling.connect()
    assert isinstance(joined, Joined)
    assert await signaling.receive() == joined
    server.signaling.end_session(SESSION)
    async with asyncio.timeout(5):
        with pytest.raises(SignalingRefused) as refused:
            while True:
                await signaling.receive()
    assert refused.value.code == "session_ended"
    await signaling.close()


async def test_a_site_token_for_another_session_does_not_see_this_one(
    server: EmbeddedServer, secret: bytes
) -> None:
    host = WebSocketSignaling(server.url, issue_host_token(secret, SESSION, in_an_hour()))
    other = WebSocketSignaling(
        server.url, issue_site_token(secret, OTHER_SESSION, SITE, in_an_hour())
    )
    await host.connect()
    joined = await other.connect()
    assert joined.peers == ()
    assert SITE not in server.signaling.rooms[SESSION].members
    await other.close()
    await host.close()


async def test_a_suspect_link_drops_the_socket_and_joins_again_at_once(
    server: EmbeddedServer, secret: bytes
) -> None:
    host = WebSocketSignaling(server.url, issue_host_token(secret, SESSION, in_an_hour()))
    site = WebSocketSignaling(server.url, issue_site_token(secret, SESSION, SITE, in_an_hour()))
    await host.connect()
    assert isinstance(await host.receive(), Joined)
    await site.connect()
    assert isinstance(await site.receive(), Joined)
    assert isinstance(await host.receive(), PeerJoined)
    started = time.monotonic()
    site.link_suspect()
    # The site's next read rejoins on a new socket; the host hears it join again (whether the
    # server saw the old socket close first or replaced it by the new one depends on timing).
    assert isinstance(await asyncio.wait_for(site.receive(), 5), Joined)
    heard: list[type] = []
    while PeerJoined not in heard:
        heard.append(type(await asyncio.wait_for(host.receive(), 5)))
    assert set(heard) <= {PeerLeft, PeerJoined}
    assert time.monotonic() - started < 3.5
    assert site.joins == 2
    await site.close()
    await host.close()
