"""Twelve headless sites on the media server: the session goes there by itself (more sites than
the hub holds), the floor passes, a site's process is killed and comes back, and Janus restarts
in the middle; the session recovers by itself and says so."""

from __future__ import annotations

import asyncio
import functools
import signal
import time
from pathlib import Path

import pytest

from outreach_app.call.events import EngineEvent, MediaServerChanged, PeerStateChanged
from outreach_app.call.ice import host_addresses
from outreach_app.call.janus_engine import JanusEngine
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.live import CallService, CallSettings
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.core.call_engines import HUB_CAPACITY, EngineReason
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.state_files import load_or_create_secret
from tests.call.conftest import wait_until
from tests.call.site_processes import SiteProcess
from tests.janus import JanusProcess
from tests.netns import NetworkNamespace

SITES = list(range(21, 33))
FLOOR = VideoQuality(160, 120, 15)
WAITING = VideoQuality(96, 72, 5)
TIMINGS = LinkTimings(
    heartbeat_interval=1.0,
    heartbeat_timeout=3.0,
    first_retry_delay=0.3,
    max_retry_delay=1.0,
    attempt_timeout=5.0,
)

pytestmark = pytest.mark.slow


async def test_twelve_sites_on_janus_floor_a_killed_site_and_a_janus_restart(
    janus: JanusProcess, network_namespace: NetworkNamespace, tmp_path: Path
) -> None:
    assert len(SITES) > HUB_CAPACITY
    address = network_namespace.root_address
    service = CallService(
        CallSettings("http://127.0.0.1:0", host_addresses=(address,)),
        secret=functools.partial(load_or_create_secret, tmp_path / "secret"),
        local_server=functools.partial(EmbeddedServer, janus=janus.access),
    )
    official = SyntheticVideoTrack("OFFICIAL", FLOOR)
    voice = ToneAudioTrack(200)
    events: list[EngineEvent] = []
    crowd: SiteProcess | None = None
    loner: SiteProcess | None = None
    with host_addresses([address]):
        call = await service.start_call(
            70,
            SITES,
            ends_at=time.time() + 3600,
            official_video=official,
            official_audio=voice,
            quality=QualityPolicy(floor=FLOOR, waiting=WAITING),
            timings=TIMINGS,
        )
        try:
            assert call.engine is not None
            assert call.engine.reason is EngineReason.TOO_MANY_FOR_THE_HUB
            hub = call.hub
            assert isinstance(hub, JanusEngine)
            hub.add_listener(events.append)
            links = [call.invitation_links[site] for site in SITES]
            crowd = SiteProcess(links[:-1], host_address=address)
            loner = SiteProcess(links[-1:], host_address=address)
            await crowd.start()
            await loner.start()

            def all_on_air() -> bool:
                return all(hub.state(site) is PeerState.CONNECTED for site in SITES)

            await wait_until(all_on_air, 40, "twelve sites on air", lambda: f"{hub.states()}")

            async def floor_to(site: int, watcher: int) -> None:
                await hub.give_floor(site)
                await wait_until(
                    lambda: _width(hub, site) == FLOOR.width,
                    10,
                    f"site {site} in full at the official",
                )
                await wait_until(
                    lambda: (crowd.last_report(watcher) or {}).get("floor", "").startswith("96x72"),
                    10,
                    f"site {watcher} sees site {site} with the floor",
                    lambda: f"{crowd.last_report(watcher)}",
                )

            await floor_to(SITES[0], SITES[1])
            await floor_to(SITES[1], SITES[2])

            # The last site's process dies without a word, then comes back.
            lost = SITES[-1]
            await loner.stop(signal.SIGKILL)
            shown_lost = await wait_until(
                lambda: hub.state(lost) is PeerState.RECONNECTING,
                8,
                "the killed site shown as reconnecting",
            )
            assert shown_lost < 6
            assert all(hub.state(site) is PeerState.CONNECTED for site in SITES[:-1])
            loner = SiteProcess(links[-1:], host_address=address)
            await loner.start()
            await wait_until(
                lambda: hub.state(lost) is PeerState.CONNECTED, 20, "the site back on air"
            )

            # Janus restarts under the session.
            events.clear()
            await asyncio.to_thread(janus.restart)
            await wait_until(
                lambda: any(
                    isinstance(event, MediaServerChanged) and not event.ready for event in events
                ),
                10,
                "the official is told the media server went away",
            )
            recovered = await wait_until(
                lambda: hub.media_server_ready and all_on_air(),
                40,
                "every site back on air after the restart",
                lambda: f"{hub.states()}",
            )
            said = [event for event in events if isinstance(event, MediaServerChanged)]
            assert [event.ready for event in said] == [False, True]
            assert said[0].reason
            assert any(
                isinstance(event, PeerStateChanged) and event.state is PeerState.RECONNECTING
                for event in events
            )
            print(f"back on air {recovered:.1f} s after the restart")
            await floor_to(SITES[2], SITES[0])
        finally:
            await service.end_call(call)
            for process in (crowd, loner):
                if process is not None and process.process is not None:
                    await process.stop()
            await service.close()
            official.stop()
            voice.stop()


def _width(hub: JanusEngine, site: int) -> int | None:
    statistics = hub.video_statistics(site)
    return None if statistics is None else statistics.width
