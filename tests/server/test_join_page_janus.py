"""The browser join page on the media server: headless Chromium (in the test's network
namespace) publishes in simulcast layers to a real Janus and receives the official and the floor
site from it; the waiting quality is chosen at Janus, not asked of the browser."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from playwright.async_api import Browser, BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

from outreach_app.call.events import HandRequested
from outreach_app.call.ice import host_addresses
from outreach_app.call.janus_engine import JanusEngine
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.control_protocol import Standing
from outreach_app.core.invitations import (
    generate_secret,
    issue_host_token,
    issue_site_token,
    join_url,
)
from outreach_app.server.embedded import EmbeddedServer
from tests.janus import JanusProcess
from tests.netns import NetworkNamespace
from tests.server.conftest import crash, eventually

pytestmark = [pytest.mark.asyncio(loop_scope="session"), pytest.mark.timeout(90)]

SESSION = 51
BROWSER_SITE, DESKTOP_SITE = 7, 8
POLICY = QualityPolicy(floor=VideoQuality(320, 240, 15), waiting=VideoQuality(160, 120, 10))
FAST = LinkTimings(first_retry_delay=0.2, max_retry_delay=1.0, attempt_timeout=5.0)


def in_an_hour() -> int:
    return int(time.time()) + 3600


@pytest_asyncio.fixture(loop_scope="session")
async def english(browser: Browser) -> AsyncIterator[BrowserContext]:
    context = await browser.new_context(locale="en-US", viewport={"width": 1100, "height": 760})
    yield context
    await context.close()


async def page_video(page: Page, name: str) -> dict[str, Any]:
    video: dict[str, Any] = await page.evaluate(f"window.outreachJoin.video.{name}")
    return video


async def video_width(page: Page, name: str, width: int) -> bool:
    video = await page_video(page, name)
    return bool(video["frames"] > 0 and video["width"] == width)


async def open_page(page: Page, link: str, console: list[str]) -> None:
    """Open `link` until the page runs; once more if Chromium saw the network change under it
    (a veth link coming or going on this machine aborts the loading of a script)."""
    for attempt in range(2):
        try:
            await page.goto(link)
            await eventually(
                lambda: page.evaluate("window.outreachJoin && window.outreachJoin.state"),
                "the page started",
            )
            return
        except (PlaywrightError, pytest.fail.Exception):
            if attempt or not any("ERR_NETWORK_CHANGED" in line for line in console):
                pytest.fail(f"the page did not start: {console}")


async def official_receives(hub: JanusEngine, page: Page, width: int, what: str) -> None:
    """The official receives the browser's layer of `width`; the browser's encoder may need a
    while to send its top layer (it ramps up with the bandwidth estimate, and backs off when
    the machine is busy)."""
    try:
        await eventually(
            lambda: (s := hub.video_statistics(BROWSER_SITE)) and s.width == width, what, 30
        )
    except pytest.fail.Exception:
        sending = await page.evaluate("window.outreachJoin.sending")
        pytest.fail(
            f"not within 30 s: {what}; the official receives "
            f"{hub.video_statistics(BROWSER_SITE)}, the browser sends {sending}"
        )


async def test_a_browser_site_on_the_media_server(
    browser: Browser,
    english: BrowserContext,
    janus: JanusProcess,
    network_namespace: NetworkNamespace,
    browser_server_port: int,
) -> None:
    secret = generate_secret()
    server = EmbeddedServer(
        secret, host=network_namespace.root_address, port=browser_server_port, janus=janus.access
    )
    await server.start()
    official = SyntheticVideoTrack("OFFICIAL", POLICY.floor)
    voice = ToneAudioTrack(200)
    camera = SyntheticVideoTrack("SITE 8", POLICY.waiting)
    errors: list[str] = []
    page = await english.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    desktop: SiteEngine | None = None
    with host_addresses([network_namespace.root_address]):
        signaling = WebSocketSignaling(
            server.url, issue_host_token(secret, SESSION, in_an_hour()), first_retry_delay=0.2
        )
        await signaling.connect()
        hub = JanusEngine(
            signaling,
            invited_sites=[BROWSER_SITE, DESKTOP_SITE],
            quality=POLICY,
            timings=FAST,
            official_video=official,
            official_audio=voice,
        )
        await hub.start()
        try:
            link = join_url(
                server.url, issue_site_token(secret, SESSION, BROWSER_SITE, in_an_hour())
            )
            await open_page(page, link, console)
            await eventually(
                lambda: page.evaluate("window.outreachJoin.state === 'connected'"),
                "the page on the media server",
                timeout=20,
            )
            assert await page.evaluate("window.outreachJoin.engine") == "janus"
            await eventually(
                lambda: hub.state(BROWSER_SITE) is PeerState.CONNECTED, "the official sees it"
            )
            feed = hub.link.feeds.get(BROWSER_SITE)
            assert feed is not None and feed.simulcast

            # Waiting, the official receives the browser's smaller layer, chosen at Janus; the
            # browser is asked nothing and keeps sending both layers.
            await official_receives(hub, page, 320, "the waiting layer at the official")
            assert await page.evaluate("window.outreachJoin.quality") is None
            # The page sees the official's reduced copy.
            await eventually(
                lambda: video_width(page, "official", POLICY.waiting.width),
                "the official, reduced, on the page",
            )

            # With the floor, the official receives the full layer and the page the official
            # in full.
            await hub.give_floor(BROWSER_SITE)
            await official_receives(hub, page, 640, "the full layer at the official")
            await eventually(
                lambda: video_width(page, "official", POLICY.floor.width),
                "the official in full on the page",
            )
            assert await page.evaluate("window.outreachJoin.hasFloor")

            # A desktop site gets the floor: the page sees its reduced copy and hears it.
            site_signaling = WebSocketSignaling(
                server.url, issue_site_token(secret, SESSION, DESKTOP_SITE, in_an_hour())
            )
            await site_signaling.connect()
            desktop = SiteEngine(site_signaling, DESKTOP_SITE, video=camera, timings=FAST)
            await desktop.start()
            await eventually(
                lambda: hub.state(DESKTOP_SITE) is PeerState.CONNECTED, "the desktop site on air"
            )
            await hub.give_floor(DESKTOP_SITE)
            await eventually(
                lambda: video_width(page, "floor", POLICY.waiting.width),
                "the floor site's reduced copy on the page",
                timeout=15,
            )
            await official_receives(
                hub, page, 320, "the browser back to its waiting layer at the official"
            )
            assert await page.is_visible("#floor-tile")

            # Where the site stands reaches the page through the signaling server here.
            hub.tell_standing(
                BROWSER_SITE, Standing("Heating", "Riverside", 1, 2, "Old Town", False, True, 170)
            )
            await eventually(
                lambda: page.evaluate(
                    "document.getElementById('standing-turn').textContent"
                    " === 'You are next — in about 3 minutes'"
                ),
                "the standing on the page",
            )
            # The hand travels through the signaling server too.
            hands: list[HandRequested] = []
            hub.add_listener(lambda e: hands.append(e) if isinstance(e, HandRequested) else None)
            await page.keyboard.press("h")
            await eventually(
                lambda: hands == [HandRequested(BROWSER_SITE, True)], "the hand at the official"
            )

            # Sound only: no video from the browser any more, the sound goes on.
            hub.set_audio_only(BROWSER_SITE, True)
            await eventually(
                lambda: (s := hub.video_statistics(BROWSER_SITE)) and s.fps == 0,
                "no video from the browser",
                timeout=10,
            )
            await eventually(
                lambda: (s := hub.audio_statistics(BROWSER_SITE)) and s.fps > 20,
                "its sound at the official",
            )
            assert await page.evaluate("window.outreachJoin.state") == "connected"
            assert errors == []

            # The browser dies without a word: the official sees it gone within seconds.
            await crash(english, page)
            await eventually(
                lambda: hub.state(BROWSER_SITE) is PeerState.LEFT, "the site gone", timeout=10
            )
        finally:
            await hub.close()
            if desktop is not None:
                await desktop.close()
            await page.close()
            await server.stop()
            for track in (official, voice, camera):
                track.stop()
