"""The browser join page, in headless Chromium with fake devices, against the official's hub.

Chromium never gathers ICE candidates on 127.0.0.1, and tests must not use the machine's own
address, so Chromium runs inside a network namespace (tests/netns.py) and reaches the server on
the root side of a veth pair; the hub gathers only on that address (tests/server/conftest.py).
One browser serves the session; each test gets its own context (profile), server and hub.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize

from outreach_app.call.events import HandRequested
from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.ice import host_addresses
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.official_engine import REDUCED_QUALITY
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.control_protocol import Notice, Standing
from outreach_app.core.invitations import (
    generate_secret,
    issue_host_token,
    issue_site_token,
    join_url,
)
from outreach_app.server.embedded import EmbeddedServer
from tests.netns import NetworkNamespace
from tests.server.conftest import crash, eventually

pytestmark = [pytest.mark.asyncio(loop_scope="session"), pytest.mark.timeout(60)]

SESSION, ENDED_SESSION = 41, 42
SITE, OTHER_SITE = 7, 8
FAST = LinkTimings(first_retry_delay=0.2, max_retry_delay=1.0, attempt_timeout=5.0)
SMALL = VideoQuality(320, 240, 15)
SCREENSHOT = Path("/tmp/join_page.png")
PHONE_SCREENSHOTS = Path("/tmp/phone_shots")
PORTRAIT: ViewportSize = {"width": 390, "height": 844}
LANDSCAPE: ViewportSize = {"width": 844, "height": 390}
STANDING_SCREENSHOT = Path("/tmp/join_page_standing.png")


def in_an_hour() -> int:
    return int(time.time()) + 3600


# ----- One browser context (profile) per test -----


@pytest_asyncio.fixture(loop_scope="session")
async def english(browser: Browser) -> AsyncIterator[BrowserContext]:
    context = await browser.new_context(locale="en-US", viewport={"width": 1100, "height": 760})
    yield context
    await context.close()


# ----- Server and hub, per test -----


@pytest.fixture
def secret() -> bytes:
    return generate_secret()


@pytest.fixture
def ended_sessions() -> set[int]:
    return {ENDED_SESSION}


@pytest_asyncio.fixture(loop_scope="session")
async def server(
    secret: bytes,
    network_namespace: NetworkNamespace,
    browser_server_port: int,
    ended_sessions: set[int],
) -> AsyncIterator[EmbeddedServer]:
    embedded = EmbeddedServer(
        secret,
        host=network_namespace.root_address,
        port=browser_server_port,
        ended_sessions=ended_sessions,
    )
    await embedded.start()
    yield embedded
    await embedded.stop()


@pytest.fixture
def hub_ice(network_namespace: NetworkNamespace) -> Iterator[None]:
    with host_addresses([network_namespace.root_address]):
        yield


def site_link(server: EmbeddedServer, secret: bytes, site_id: int = SITE) -> str:
    return join_url(server.url, issue_site_token(secret, SESSION, site_id, in_an_hour()))


@asynccontextmanager
async def running_hub(server: EmbeddedServer, secret: bytes) -> AsyncIterator[HubEngine]:
    """The official's hub joined over the server, with a test pattern and a tone."""
    signaling = WebSocketSignaling(
        server.url, issue_host_token(secret, SESSION, in_an_hour()), first_retry_delay=0.2
    )
    await signaling.connect()
    official = SyntheticVideoTrack("OFFICIAL")
    tone = ToneAudioTrack()
    hub = HubEngine(
        signaling,
        invited_sites=[SITE, OTHER_SITE],
        timings=FAST,
        official_video=official,
        official_audio=tone,
    )
    await hub.start()
    try:
        yield hub
    finally:
        await hub.close()
        official.stop()
        tone.stop()


async def join_state(page: Page) -> Any:
    return await page.evaluate("window.outreachJoin.state")


async def page_video(page: Page, name: str) -> dict[str, float]:
    video: dict[str, float] = await page.evaluate(f"window.outreachJoin.video.{name}")
    return video


async def wait_for_state(page: Page, wanted: str, timeout: float = 10.0) -> None:
    try:
        await eventually(
            lambda: page.evaluate(
                f"window.outreachJoin && window.outreachJoin.state === {wanted!r}"
            ),
            f"page state {wanted!r}",
            timeout,
        )
    except pytest.fail.Exception:
        pytest.fail(f"page state not {wanted!r} within {timeout} s: {await join_state(page)!r}")


async def status_text(page: Page) -> str:
    return await page.inner_text("#status-text")


# ----- Tests -----


async def test_a_site_joins_from_the_browser_and_both_sides_see_each_other(
    server: EmbeddedServer, secret: bytes, english: BrowserContext, hub_ice: None
) -> None:
    page = await english.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    async with running_hub(server, secret) as hub:
        started = time.monotonic()
        await page.goto(site_link(server, secret))
        await wait_for_state(page, "connected")
        await eventually(lambda: hub.state(SITE) is PeerState.CONNECTED, "the hub connected")
        connected_after = time.monotonic() - started

        # The hub receives the browser's camera; the page receives the official.
        await eventually(
            lambda: (stats := hub.video_statistics(SITE)) and stats.frames_received > 10,
            "browser video at the hub",
        )
        await eventually(
            lambda: _frames_at_least(page, "official", 10), "official video on the page"
        )

        # Without the floor a site sends reduced video, and says how it applied the request.
        quality = await eventually(
            lambda: page.evaluate("window.outreachJoin.quality"), "a quality request applied"
        )
        assert quality == {
            "width": 320,
            "height": 240,
            "fps": REDUCED_QUALITY.fps,
            "floor": False,
            "via": "setParameters",
            "scale": 2,
        }
        # Frame rates are measured over two seconds: wait for the window to hold only new frames.
        await eventually(
            lambda: (
                (s := hub.video_statistics(SITE))
                and (s.width or 0) <= 320
                and s.fps <= REDUCED_QUALITY.fps + 3
            ),
            "the hub receives at most the waiting quality from a waiting site",
        )
        stats = hub.video_statistics(SITE)
        assert stats is not None and stats.fps >= 5 and (stats.height or 0) <= 240, stats
        official = await eventually(
            lambda: _video_if(page, "official", lambda v: v["fps"] >= 5),
            "the official at a steady rate on the page",
        )
        assert isinstance(official, dict)
        assert official["width"] <= 320 and official["fps"] <= 18, official
        assert await page.is_hidden("#floor-tile")
        # One camera: nothing to switch to.
        assert await page.is_hidden("#switch-camera")

        # The floor: full quality, and the page says so.
        await hub.give_floor(SITE)
        await eventually(
            lambda: page.evaluate(
                "window.outreachJoin.quality.fps === 30 && window.outreachJoin.hasFloor"
            ),
            "full quality with the floor",
        )
        assert (await page.evaluate("window.outreachJoin.quality"))["width"] == 640
        assert "you have the floor" in await status_text(page)
        assert await page.is_visible("#floor-banner")

        # The encoder ramps up with its bandwidth estimate and, on a busy machine, trades size
        # or rate for CPU; either way the floor site soon sends more than a waiting site may.
        def above_waiting_quality() -> bool:
            stats = hub.video_statistics(SITE)
            return stats is not None and ((stats.width or 0) > 320 or stats.fps > 18)

        try:
            await eventually(above_waiting_quality, "more than a waiting site", timeout=15)
        except pytest.fail.Exception:
            sending = await page.evaluate("window.outreachJoin.sending")
            pytest.fail(
                f"the floor site still sends waiting quality: the hub receives "
                f"{hub.video_statistics(SITE)}, the page sends {sending}"
            )

        # Another site gets the floor: the page shows that site next to the official.
        camera = SyntheticVideoTrack("SITE 8", SMALL)
        other_signaling = WebSocketSignaling(
            server.url, issue_site_token(secret, SESSION, OTHER_SITE, in_an_hour())
        )
        await other_signaling.connect()
        other = SiteEngine(other_signaling, OTHER_SITE, video=camera, timings=FAST)
        try:
            await other.start()
            await eventually(
                lambda: hub.state(OTHER_SITE) is PeerState.CONNECTED, "the other site connects"
            )
            await hub.give_floor(OTHER_SITE)
            await eventually(
                lambda: _frames_at_least(page, "floor", 10), "the floor site's video on the page"
            )
            assert await page.is_visible("#floor-tile")
            assert not await page.evaluate("window.outreachJoin.hasFloor")
            assert (await page.evaluate("window.outreachJoin.quality"))[
                "fps"
            ] == REDUCED_QUALITY.fps
            assert await status_text(page) == "Connected"
            await asyncio.sleep(0.5)
            await page.screenshot(path=str(SCREENSHOT))
        finally:
            await other.close()
            camera.stop()
    assert connected_after < 8, connected_after
    assert errors == []


async def _frames_at_least(page: Page, name: str, count: int) -> bool:
    return (await page_video(page, name))["frames"] >= count


async def _video_if(
    page: Page, name: str, condition: Callable[[dict[str, float]], bool]
) -> dict[str, float] | None:
    video = await page_video(page, name)
    return video if condition(video) else None


async def test_the_page_reconnects_by_itself_after_a_dead_link_and_a_new_hub(
    server: EmbeddedServer,
    secret: bytes,
    english: BrowserContext,
    hub_ice: None,
    network_namespace: NetworkNamespace,
) -> None:
    page = await english.new_page()
    async with running_hub(server, secret) as first_hub:
        await page.goto(site_link(server, secret))
        await wait_for_state(page, "connected")
        await eventually(lambda: _frames_at_least(page, "official", 5), "first official video")
        await eventually(lambda: first_hub.state(SITE) is PeerState.CONNECTED, "hub connected")

        # The network drops out: both sides notice by the heartbeat; once it is back, the
        # hub's new offer reaches the page, which answers it on a new peer connection.
        with network_namespace.link_cut():
            await wait_for_state(page, "reconnecting", timeout=8)
            assert "reconnecting" in await status_text(page)
            # Each side judges the link by its own clock and by the last media it heard, so
            # the hub may notice a moment after the page does.
            await eventually(
                lambda: first_hub.state(SITE) is PeerState.RECONNECTING,
                "the hub shows the site reconnecting",
                timeout=5,
            )
        await wait_for_state(page, "connected", timeout=15)
        assert await page.evaluate("window.outreachJoin.connections") == 2
        frames_before = (await page_video(page, "official"))["frames"]
        await eventually(
            lambda: _frames_at_least(page, "official", int(frames_before) + 5),
            "official video again on the rebuilt link",
        )

    # The official's app closed (it says bye and leaves): the page waits, then takes a new
    # hub's offer on its own.
    await wait_for_state(page, "waiting")
    assert "waiting for the official" in await status_text(page)
    frames_before = (await page_video(page, "official"))["frames"]
    async with running_hub(server, secret) as second_hub:
        await wait_for_state(page, "connected")
        assert await page.evaluate("window.outreachJoin.connections") == 3
        await eventually(
            lambda: _frames_at_least(page, "official", int(frames_before) + 5),
            "official video again from the new hub",
        )
        await eventually(
            lambda: (s := second_hub.video_statistics(SITE)) and s.frames_received > 5,
            "browser video at the new hub",
        )


async def test_a_browser_that_dies_shows_as_gone_at_the_official_within_seconds(
    server: EmbeddedServer, secret: bytes, english: BrowserContext, hub_ice: None
) -> None:
    page = await english.new_page()
    async with running_hub(server, secret) as hub:
        await page.goto(site_link(server, secret))
        await wait_for_state(page, "connected")
        await eventually(lambda: hub.state(SITE) is PeerState.CONNECTED, "the hub connected")

        crashed = time.monotonic()
        await crash(english, page)
        await eventually(
            lambda: hub.state(SITE) is PeerState.LEFT, "the official sees the site gone", 10
        )
        assert time.monotonic() - crashed < 10

        # The same site opening its link again is simply back.
        again = await english.new_page()
        await again.goto(site_link(server, secret))
        await wait_for_state(again, "connected")
        await eventually(lambda: hub.state(SITE) is PeerState.CONNECTED, "the site is back")


async def test_the_page_waits_for_the_official_in_the_browsers_language(
    server: EmbeddedServer, secret: bytes, browser: Browser
) -> None:
    link = site_link(server, secret)
    seen: dict[str, tuple[str, str]] = {}
    for locale in ("zh-CN", "en-GB"):
        context = await browser.new_context(locale=locale)
        try:
            page = await context.new_page()
            await page.goto(link)
            await wait_for_state(page, "waiting")
            seen[locale] = (await status_text(page), await page.inner_text("#leave"))
        finally:
            await context.close()
    assert seen["zh-CN"] == ("连线尚未开始，正在等待领导进入", "离开")
    assert seen["en-GB"] == ("The session has not started yet — waiting for the official", "Leave")


async def test_the_page_says_where_the_site_stands_and_when_its_turn_comes(
    server: EmbeddedServer, secret: bytes, english: BrowserContext, hub_ice: None
) -> None:
    page = await english.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    async with running_hub(server, secret) as hub:
        # Told before the site is there: it hears it as soon as its link is up.
        hub.tell_standing(
            SITE, Standing("Heating briefing", "Riverside", 2, 3, None, False, False, 600)
        )
        await page.goto(site_link(server, secret))
        await wait_for_state(page, "connected")
        await eventually(lambda: page.is_visible("#standing"), "the standing shown")
        assert await page.inner_text("#standing") == (
            "Heating briefing · You are Riverside\n\n"
            "Speaking order: 2 of 3 · Nobody has the floor yet\n\n"
            "Your turn comes in about 10 minutes"
        )

        # The floor moves: the site is next, in about three minutes.
        hub.tell_standing(
            SITE, Standing("Heating briefing", "Riverside", 2, 3, "Gas field", False, True, 170)
        )
        await eventually(
            lambda: _text_is(page, "#standing-turn", "You are next — in about 3 minutes"),
            "you are next",
        )
        assert await page.inner_text("#standing-floor") == "Speaking now: Gas field"
        standing = await page.evaluate("window.outreachJoin.standing")
        assert standing["next"] and 165 <= standing["waitNow"] <= 170

        # The site asks for the floor with the H key, and takes it back with the button.
        hands: list[HandRequested] = []
        hub.add_listener(lambda e: hands.append(e) if isinstance(e, HandRequested) else None)
        assert await page.inner_text("#hand-label") == "Raise hand"
        await page.keyboard.press("h")
        await eventually(lambda: hands == [HandRequested(SITE, True)], "the hand at the hub")
        raised = Standing(
            "Heating briefing",
            "Riverside",
            2,
            3,
            "Gas field",
            False,
            True,
            170,
            hand_raised=True,
            hands=("Old Town", "Riverside"),
        )
        hub.tell_standing(SITE, raised)
        await eventually(lambda: _text_is(page, "#hand-label", "Lower hand"), "hand shown raised")
        assert await page.inner_text("#standing-hands") == "Hands raised: Old Town, you"
        assert await page.get_attribute("#hand", "aria-pressed") == "true"
        await page.click("#hand")
        await eventually(lambda: len(hands) == 2, "the hand lowered at the hub")
        assert hands[1] == HandRequested(SITE, False)

        # Notices show until dismissed, each once however often it arrives.
        heating = Notice(1, "Please prepare the figures on heating", to_all=True)
        hub.send_notice(SITE, heating)
        hub.send_notice(SITE, Notice(2, "Two more minutes"))
        hub.send_notice(SITE, heating)
        await eventually(
            lambda: page.evaluate("window.outreachJoin.notices.length === 2"), "two notices"
        )
        items = page.locator("#notices li")
        await page.screenshot(path=str(STANDING_SCREENSHOT), full_page=True)
        assert await items.nth(0).inner_text() == (
            "Notice from the official (to every site)\n"
            "Please prepare the figures on heating\nDismiss"
        )
        await items.nth(0).locator("button").click()
        assert await page.evaluate("window.outreachJoin.notices.map((n) => n.text)") == [
            "Two more minutes"
        ]

        await page.click("#language")
        assert (await page.inner_text("#notices li")).startswith("领导的通知")
        assert await page.inner_text("#notices button") == "知道了"
        assert await page.inner_text("#standing-hands") == "举手申请发言：Old Town、本站"
        assert await page.inner_text("#hand-label") == "放下手"
        assert await page.inner_text("#standing-turn") == "下一个轮到你发言，大约 3 分钟后"
        assert await page.inner_text("#standing-place") == "发言顺序：第 2 位，共 3 个站点"
        assert await page.inner_text("#standing-floor") == "正在发言：Gas field"
        await page.click("#language")

        hub.tell_standing(
            SITE, Standing("Heating briefing", "Riverside", 2, 3, "Riverside", True, False, None)
        )
        await eventually(
            lambda: _text_is(page, "#standing-turn", "You have the floor"), "the floor"
        )
        hub.tell_standing(
            SITE, Standing("Heating briefing", "Riverside", 2, 3, "Old Town", False, False, None)
        )
        await eventually(
            lambda: _text_is(page, "#standing-turn", "You have spoken — thank you"), "spoken"
        )
    assert errors == []


async def _text_is(page: Page, selector: str, wanted: str) -> bool:
    return await page.inner_text(selector) == wanted


@pytest.mark.parametrize(
    ("make_token", "title"),
    [
        (lambda secret: "o1.not.valid", "邀请无效 · Invalid invitation"),
        (
            lambda secret: issue_site_token(secret, SESSION, SITE, int(time.time()) - 5),
            "邀请已过期 · Invitation expired",
        ),
        (
            lambda secret: issue_site_token(secret, ENDED_SESSION, SITE, in_an_hour()),
            "连线已结束 · Session ended",
        ),
    ],
    ids=["invalid", "expired", "ended"],
)
async def test_a_bad_link_opens_the_servers_refusal(
    server: EmbeddedServer,
    secret: bytes,
    english: BrowserContext,
    make_token: Callable[[bytes], str],
    title: str,
) -> None:
    page = await english.new_page()
    response = await page.goto(join_url(server.url, make_token(secret)))
    assert response is not None and response.status == 403
    assert await page.inner_text("h1") == title


@pytest.mark.parametrize(
    ("restarted", "state", "title"),
    [
        ({}, "waiting", None),
        ({"secret": generate_secret()}, "invalid", "Invalid invitation"),
        ({"clock": lambda: time.time() + 2 * 3600}, "expired", "Invitation expired"),
        ({"ended_sessions": {SESSION}}, "ended", "Session ended"),
    ],
    ids=["same-server", "new-secret", "expired-while-waiting", "ended-while-away"],
)
async def test_the_page_joins_again_after_a_restart_or_explains_the_refusal(
    server: EmbeddedServer,
    secret: bytes,
    network_namespace: NetworkNamespace,
    english: BrowserContext,
    restarted: dict[str, Any],
    state: str,
    title: str | None,
) -> None:
    # The page outlives its WebSocket: the server restarts and the page joins again by itself,
    # unless the server now refuses its link (a new secret, the link expired meanwhile, the
    # session ended), which the page then explains instead of trying forever.
    page = await english.new_page()
    await page.goto(site_link(server, secret))
    await wait_for_state(page, "waiting")
    port = int(server.url.rsplit(":", 1)[1])
    await server.stop()
    await wait_for_state(page, "reconnecting")
    options: dict[str, Any] = {"secret": secret, **restarted}
    replacement = EmbeddedServer(host=network_namespace.root_address, port=port, **options)
    await replacement.start()
    try:
        if title is None:
            await eventually(
                lambda: page.evaluate("window.outreachJoin.joins === 2"), "joined again"
            )
            await wait_for_state(page, state)
            return
        await wait_for_state(page, state)
        assert await page.inner_text("#notice-title") == title
        assert await page.is_hidden("#call")
        assert await page.evaluate("window.outreachJoin.joins") == 1
    finally:
        await replacement.stop()


async def test_a_session_ended_during_the_wait_and_a_second_window_are_explained(
    server: EmbeddedServer, secret: bytes, english: BrowserContext
) -> None:
    link = site_link(server, secret)
    first = await english.new_page()
    await first.goto(link)
    await wait_for_state(first, "waiting")
    second = await english.new_page()
    await second.goto(link)
    await wait_for_state(second, "waiting")
    await wait_for_state(first, "replaced")
    assert await first.inner_text("#notice-title") == "Joined in another window"

    server.signaling.end_session(SESSION)
    await wait_for_state(second, "ended")
    assert await second.inner_text("#notice-text") == (
        "This session has ended. Thank you for taking part."
    )
    # Closed for good: no rejoin attempts, no camera left on.
    assert await second.evaluate("window.outreachJoin.localTracks") == []


async def test_a_plain_http_link_still_lets_the_site_watch_and_listen(
    secret: bytes, network_namespace: NetworkNamespace, english: BrowserContext, hub_ice: None
) -> None:
    # The embedded server's default: http on a network address. Browsers refuse the camera
    # there (not a secure context); the page says why and joins to watch and listen.
    insecure = EmbeddedServer(secret, host=network_namespace.root_address, port=0)
    await insecure.start()
    try:
        async with running_hub(insecure, secret) as hub:
            page = await english.new_page()
            await page.goto(site_link(insecure, secret))
            await wait_for_state(page, "connected")
            assert await page.evaluate("window.outreachJoin.warning") == "insecure"
            assert "not a secure (https) connection" in await page.inner_text("#warning")
            await eventually(
                lambda: _frames_at_least(page, "official", 5), "official video without a camera"
            )
            assert await page.evaluate("window.outreachJoin.localTracks") == []
            assert await page.is_disabled("#mic") and await page.is_disabled("#camera")
            stats = hub.video_statistics(SITE)
            assert stats is None or stats.frames_received == 0
    finally:
        await insecure.stop()


# ----- On a phone -----


async def phone(browser: Browser, locale: str, screen: ViewportSize) -> BrowserContext:
    return await browser.new_context(
        locale=locale, viewport=screen, device_scale_factor=3, is_mobile=True, has_touch=True
    )


# What lies outside the screen's width, or is too small to touch, among what a site must see
# and use: the videos, where it stands, its notices and its own controls.
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide on ${width}`);
  }
  const shown = "#official-tile, #floor-tile, #self-tile, #standing, #notices li, .control";
  for (const element of document.querySelectorAll(shown)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    const name = element.id || element.className;
    if (box.left < 0 || box.right > width + 0.5) problems.push(`${name} leaves the screen`);
    if (element.matches(".control") && (box.height < 44 || box.width < 44)) {
      problems.push(`${name} is ${box.width}x${box.height}, too small to touch`);
    }
  }
  const caption = document.getElementById("self-caption").getBoundingClientRect();
  const placeholder = document.createRange();
  placeholder.selectNodeContents(document.getElementById("self-placeholder"));
  const said = placeholder.getBoundingClientRect();
  if (said.width > 0 && caption.width > 0 && said.bottom > caption.top && said.top < caption.bottom
      && said.right > caption.left && said.left < caption.right) {
    problems.push("the own picture's caption covers its placeholder");
  }
  return problems;
}"""


# Every control whose label takes more than one line, or does not fit inside its button.
BROKEN_LABELS = """() => {
  const problems = [];
  for (const button of document.querySelectorAll(".control")) {
    const box = button.getBoundingClientRect();
    if (box.width === 0) continue;
    for (const label of button.querySelectorAll("span")) {
      if (label.getClientRects().length === 0 || !label.textContent.trim()) continue;
      const text = document.createRange();
      text.selectNodeContents(label);
      // Pieces of text in one line overlap vertically; a piece below the last line starts one.
      const pieces = [...text.getClientRects()].sort((a, b) => a.top - b.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const piece of pieces) {
        if (piece.top >= bottom - 2) lines += 1;
        bottom = Math.max(bottom, piece.bottom);
      }
      if (lines > 1) problems.push(`${button.id}: "${label.textContent}" on ${lines} lines`);
      const drawn = text.getBoundingClientRect();
      if (drawn.left < box.left - 0.5 || drawn.right > box.right + 0.5) {
        problems.push(`${button.id}: "${label.textContent}" wider than its button`);
      }
    }
  }
  return problems;
}"""


async def on_screen(page: Page, selector: str) -> bool:
    """`selector` lies wholly within the screen as it is, without scrolling, and nothing
    covers its middle (such as the controls that stay at the bottom)."""
    inside: bool = await page.eval_on_selector(
        selector,
        """(element) => {
          const box = element.getBoundingClientRect();
          const middle = document.elementFromPoint(
            (box.left + box.right) / 2, (box.top + box.bottom) / 2);
          return box.width > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= window.innerHeight + 0.5 && box.right <= window.innerWidth + 0.5
            && element.contains(middle);
        }""",
    )
    return inside


@pytest.mark.timeout(120)
async def test_the_join_page_fits_a_phone_upright_and_sideways_and_works_by_touch(
    server: EmbeddedServer, secret: bytes, phone_browser: Browser, hub_ice: None
) -> None:
    PHONE_SCREENSHOTS.mkdir(exist_ok=True)
    camera = SyntheticVideoTrack("SITE 8", SMALL)
    other_signaling = WebSocketSignaling(
        server.url, issue_site_token(secret, SESSION, OTHER_SITE, in_an_hour())
    )
    async with running_hub(server, secret) as hub:
        await other_signaling.connect()
        other = SiteEngine(other_signaling, OTHER_SITE, video=camera, timings=FAST)
        await other.start()
        hands: list[HandRequested] = []
        hub.add_listener(lambda e: hands.append(e) if isinstance(e, HandRequested) else None)
        try:
            await eventually(lambda: hub.state(OTHER_SITE) is PeerState.CONNECTED, "other site")
            await hub.give_floor(OTHER_SITE)
            hub.send_notice(SITE, Notice(1, "Please prepare the figures on heating"))
            for locale in ("en-US", "zh-CN"):
                context = await phone(phone_browser, locale, PORTRAIT)
                try:
                    await _look_and_touch(
                        await context.new_page(), site_link(server, secret), locale, hub, hands
                    )
                finally:
                    await context.close()
        finally:
            await other.close()
            camera.stop()


PHONE_STANDING = Standing("Heating briefing", "Riverside", 2, 3, "Old Town", False, True, 170)


async def _look_and_touch(
    page: Page, link: str, locale: str, hub: HubEngine, hands: list[HandRequested]
) -> None:
    hub.tell_standing(SITE, PHONE_STANDING)
    await page.goto(link)
    await wait_for_state(page, "connected")
    await eventually(lambda: _frames_at_least(page, "floor", 5), "the floor site's video")
    await eventually(lambda: page.is_visible("#standing"), "the standing")
    await _fits_upright_and_sideways(page, locale, "")
    # The hand goes up with a tap, and down with another; with the hand up, the microphone
    # muted and the camera off, every label is at its longest.
    hands.clear()
    await page.tap("#hand")
    await eventually(lambda: hands == [HandRequested(SITE, True)], "a hand raised by touch")
    hub.tell_standing(SITE, dataclasses.replace(PHONE_STANDING, hand_raised=True))
    await eventually(lambda: page.is_visible('#hand[aria-pressed="true"]'), "the hand shown up")
    await page.tap("#mic")
    await page.tap("#camera")
    await _fits_upright_and_sideways(page, locale, "-longest-labels")
    await page.tap("#mic")
    await page.tap("#camera")
    await page.tap("#hand")
    await eventually(lambda: len(hands) == 2, "the hand lowered by touch")


async def _fits_upright_and_sideways(page: Page, locale: str, shot_suffix: str) -> None:
    """Upright and sideways: a screenshot, nothing off the screen, too small to touch or
    covered, and every control's label in one line inside its button."""
    for screen in (PORTRAIT, LANDSCAPE):
        await page.set_viewport_size(screen)
        await asyncio.sleep(0.3)
        shape = f"{locale}-{screen['width']}x{screen['height']}"
        await page.screenshot(path=str(PHONE_SCREENSHOTS / f"join-{shape}{shot_suffix}.png"))
        assert await page.evaluate(LAYOUT_PROBLEMS) == [], shape
        assert await page.evaluate(BROKEN_LABELS) == [], shape
        for seen in ("#official-tile", "#floor-tile", "#hand", "#mic", "#leave", ".dismiss"):
            assert await on_screen(page, seen), f"{seen} off screen, {shape}"


async def test_a_phone_switches_between_its_cameras_with_one_button(
    server: EmbeddedServer, secret: bytes, phone_browser: Browser, hub_ice: None
) -> None:
    context = await phone(phone_browser, "en-US", PORTRAIT)
    try:
        page = await context.new_page()
        async with running_hub(server, secret) as hub:
            await page.goto(site_link(server, secret))
            await wait_for_state(page, "connected")
            await eventually(lambda: page.is_visible("#switch-camera"), "the switch button")
            # The short label of a phone's row of buttons.
            assert await page.inner_text("#switch-camera") == "Switch"
            await eventually(
                lambda: (s := hub.video_statistics(SITE)) and s.frames_received > 30,
                "the first camera's video at the hub",
            )

            sending = functools.partial(camera_sending, page)
            # Chromium's fake cameras say nothing about their facing: each tap the next camera
            # in the list, round to the first again (see THREE_CAMERAS).
            labels = [await sending()]
            for _ in range(2):
                await page.tap("#switch-camera")
                await eventually(lambda: _label_is_not(sending, labels[-1]), "the next camera")
                labels.append(await sending())
            assert len(set(labels)) == 3, labels
            await more_video_at_hub(hub, "video from the third camera at the hub")
            await page.tap("#switch-camera")
            await eventually(lambda: _label_is_not(sending, labels[-1]), "the first camera")
            assert await sending() == labels[0]
            assert await page.is_enabled("#switch-camera")
    finally:
        await context.close()


# Chromium's fake cameras say nothing about their facing (getCapabilities().facingMode is
# empty, getSettings() has none): this makes the browser describe them as a phone with two
# back cameras listed before its front one does.
PHONE_CAMERA_FACINGS = """(() => {
  const facings = { fake_device_0: "environment", fake_device_1: "environment",
                    fake_device_2: "user" };
  const capabilities = InputDeviceInfo.prototype.getCapabilities;
  InputDeviceInfo.prototype.getCapabilities = function () {
    const described = capabilities.call(this);
    const facing = facings[this.label];
    return facing ? { ...described, facingMode: [facing] } : described;
  };
})();"""


async def test_a_phone_switches_between_its_front_and_back_camera_and_mirrors_only_the_front(
    server: EmbeddedServer, secret: bytes, phone_browser: Browser, hub_ice: None
) -> None:
    context = await phone(phone_browser, "en-US", PORTRAIT)
    await context.add_init_script(PHONE_CAMERA_FACINGS)
    try:
        page = await context.new_page()
        async with running_hub(server, secret) as hub:
            await page.goto(site_link(server, secret))
            await wait_for_state(page, "connected")
            await eventually(lambda: page.is_visible("#switch-camera"), "the switch button")
            sending = functools.partial(camera_sending, page)
            # The browser's first camera faces away: the room, as it is.
            await eventually(sending, "a camera")
            assert await sending() == "fake_device_0"
            assert not await self_view_mirrored(page)
            await page.tap("#switch-camera")
            await eventually(lambda: _label_is_not(sending, "fake_device_0"), "the front camera")
            assert await sending() == "fake_device_2"
            await eventually(lambda: self_view_mirrored(page), "the front camera mirrored")
            await more_video_at_hub(hub, "video from the front camera at the hub")
            # Back to the first back camera, not on to the other back lens listed before.
            await page.tap("#switch-camera")
            await eventually(lambda: _label_is_not(sending, "fake_device_2"), "a back camera")
            assert await sending() == "fake_device_0"
            await eventually(lambda: not_(self_view_mirrored(page)), "the back camera as it is")
    finally:
        await context.close()


async def more_video_at_hub(hub: HubEngine, what: str) -> None:
    """Wait until the site's video keeps arriving at the hub: ten frames more than now."""
    before = hub.video_statistics(SITE)
    assert before is not None
    await eventually(
        lambda: (
            (s := hub.video_statistics(SITE)) and s.frames_received > before.frames_received + 10
        ),
        what,
    )


async def camera_sending(page: Page) -> str:
    """The label of the camera the page sends now; empty for a moment while the one camera
    is let go before the other opens."""
    tracks = await page.evaluate("window.outreachJoin.localTracks")
    return next((str(t["label"]) for t in tracks if t["kind"] == "video"), "")


async def self_view_mirrored(page: Page) -> bool:
    transform = await page.eval_on_selector(
        "#self-video", "(video) => getComputedStyle(video).transform"
    )
    return bool(transform == "matrix(-1, 0, 0, 1, 0, 0)")


async def not_(condition: Awaitable[bool]) -> bool:
    return not await condition


async def _label_is_not(sending: Callable[[], Any], label: str) -> bool:
    now = await sending()
    return bool(now and now != label)


async def test_the_pre_call_check_fits_a_phone_upright_and_sideways(
    server: EmbeddedServer, secret: bytes, phone_browser: Browser
) -> None:
    PHONE_SCREENSHOTS.mkdir(exist_ok=True)
    check_link = site_link(server, secret).replace("/join/", "/check/")
    for locale in ("en-US", "zh-CN"):
        context = await phone(phone_browser, locale, PORTRAIT)
        try:
            page = await context.new_page()
            await page.goto(check_link)
            done = functools.partial(page.evaluate, "window.outreachCheck.done")
            await eventually(done, "the check finished", 20)
            result = await page.evaluate("window.outreachCheck.result")
            assert (result["camera"], result["microphone"]) == ("ok", "ok")
            for screen in (PORTRAIT, LANDSCAPE):
                await page.set_viewport_size(screen)
                await asyncio.sleep(0.3)
                shape = f"{locale}-{screen['width']}x{screen['height']}"
                await page.screenshot(path=str(PHONE_SCREENSHOTS / f"check-{shape}.png"))
                assert await page.evaluate(
                    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                ), shape
                for seen in (".preview", "#camera", "#connection"):
                    assert await on_screen(page, seen), f"{seen} off screen, {shape}"
        finally:
            await context.close()
