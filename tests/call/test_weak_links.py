"""A site behind a weak or broken link (issue: "Nothing lost, nobody let in", point 1).

The site runs in a network namespace of its own (the headless test site in another process),
the official's hub in this process, and every packet between them crosses a shaped link
(tests/shaped_link.py: loss, delay and cuts in both directions; `tc netem` is not available in
these kernels). The hub uses the app's own link timings. Each test prints its figures.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from outreach_app.call.forwarding import VideoBroadcast
from outreach_app.call.ice import host_addresses
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import LiveCall
from outreach_app.call.media import SyntheticVideoTrack
from outreach_app.call.official_engine import FULL_QUALITY
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.state_files import load_or_create_secret
from tests.call.conftest import wait_until
from tests.local_calls import local_call_service
from tests.netns import NamespaceUnavailable
from tests.shaped_link import ShapedLink, shaped_link

pytestmark = pytest.mark.slow

SITE = 21
REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class FrameArrivals:
    """When each of the site's decoded frames reached the hub."""

    times: list[float] = field(default_factory=list)

    async def follow(self, broadcast: VideoBroadcast) -> None:
        after = 0
        while not broadcast.closed:
            arrival = await broadcast.next_frame(after, 0.5)
            if arrival is not None:
                after = arrival[0]
                self.times.append(time.monotonic())

    def between(self, start: float, end: float) -> list[float]:
        return [moment for moment in self.times if start <= moment <= end]

    def longest_gap(self, start: float, end: float) -> float:
        moments = [start, *self.between(start, end), end]
        return max(later - earlier for earlier, later in itertools.pairwise(moments))


@dataclass
class WeakLinkCall:
    link: ShapedLink
    call: LiveCall
    site: asyncio.subprocess.Process
    arrivals: FrameArrivals

    def state(self) -> PeerState:
        return self.call.hub.state(SITE)


@pytest.fixture
def link() -> Iterator[ShapedLink]:
    try:
        with shaped_link() as shaped:
            yield shaped
    except NamespaceUnavailable as missing:
        pytest.fail(f"weak-link tests need a network namespace and a TUN device: {missing}")


@pytest.fixture
async def weak_call(link: ShapedLink, tmp_path: Path) -> AsyncIterator[WeakLinkCall]:
    with host_addresses([link.root_address]):
        # The signaling server listens on the hub's side of the link, as a deployed one would.
        secret_path = tmp_path / "secret"
        server = EmbeddedServer(load_or_create_secret(secret_path), host=link.root_address, port=0)
        service = local_call_service(await server.start(), secret_path)
        official = SyntheticVideoTrack("OFFICIAL", FULL_QUALITY)
        call = await service.start_call(
            70, [SITE], ends_at=time.time() + 3600, official_video=official
        )
        site = await asyncio.create_subprocess_exec(
            *link.command(
                sys.executable,
                "-m",
                "outreach_app.cli.site",
                call.invitation_links[SITE],
                "--synthetic",
                "--host-address",
                link.namespace_address,
            ),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            cwd=REPO_ROOT,
        )
        arrivals = FrameArrivals()
        broadcast = call.hub.site_video(SITE)
        assert broadcast is not None
        following = asyncio.create_task(arrivals.follow(broadcast))
        try:
            await wait_until(lambda: call.hub.state(SITE) is PeerState.CONNECTED, 20, "joined")
            await call.hub.give_floor(SITE)
            await wait_until(
                lambda: len(arrivals.between(time.monotonic() - 1, time.monotonic())) > 15,
                10,
                "the floor site's video at full rate",
            )
            yield WeakLinkCall(link, call, site, arrivals)
        finally:
            following.cancel()
            site.terminate()
            await asyncio.wait_for(site.wait(), 15)
            await call.close()
            await service.close()
            await server.stop()
            official.stop()


async def test_five_percent_loss_and_100_ms_delay_keep_the_floor_flowing(
    weak_call: WeakLinkCall,
) -> None:
    weak_call.link.shape(loss_percent=5, delay_ms=100)
    # Let the connection settle into the shaped link before measuring.
    await asyncio.sleep(3)
    start = time.monotonic()
    await asyncio.sleep(60)
    end = time.monotonic()
    frames = weak_call.arrivals.between(start, end)
    fps = len(frames) / (end - start)
    longest_freeze = weak_call.arrivals.longest_gap(start, end)
    round_trip = weak_call.call.hub.round_trip_seconds(SITE)
    passed, dropped = weak_call.link.statistics()
    print(
        f"\n5% loss, 100 ms delay each way, 60 s: floor video {fps:.1f} fps at the hub,"
        f" longest freeze {longest_freeze * 1000:.0f} ms, heartbeat round trip"
        f" {(round_trip or 0) * 1000:.0f} ms, link dropped {dropped} of {passed + dropped}"
        f" packets, state {weak_call.state().value}"
    )
    assert weak_call.state() is PeerState.CONNECTED
    assert fps >= 20
    assert longest_freeze <= 1.0


async def test_a_link_cut_for_ten_seconds_is_back_within_five_seconds_of_the_restore(
    weak_call: WeakLinkCall,
) -> None:
    weak_call.link.cut()
    cut_at = time.monotonic()
    lost_after = await wait_until(
        lambda: weak_call.state() is not PeerState.CONNECTED, 6, "the cut noticed"
    )
    await asyncio.sleep(max(0.0, 10 - (time.monotonic() - cut_at)))
    weak_call.link.restore()
    restored_at = time.monotonic()
    back_after = await wait_until(
        lambda: (
            weak_call.state() is PeerState.CONNECTED
            and len(weak_call.arrivals.between(restored_at, time.monotonic())) >= 10
        ),
        15,
        "the site back with video after the restore",
    )
    print(
        f"\nlink cut for 10 s: shown lost after {lost_after:.1f} s; after the restore,"
        f" back with video in {back_after:.1f} s (no one clicked anything)"
    )
    assert back_after <= 5.0
    # And it stays: frames keep coming at the floor's rate.
    await asyncio.sleep(2)
    now = time.monotonic()
    assert weak_call.state() is PeerState.CONNECTED
    assert len(weak_call.arrivals.between(now - 1, now)) >= 15
