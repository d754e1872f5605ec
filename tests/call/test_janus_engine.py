"""A session on the media server: the official and the sites as participants of Janus VideoRoom,
through the signaling server, with a real Janus on 127.0.0.1 (tests/janus.py)."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from pathlib import Path

from outreach_app.call.events import HandRequested
from outreach_app.call.ice import host_addresses
from outreach_app.call.janus_engine import JanusEngine
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.live import CallService, CallSettings, LiveCall
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.call.peer_link import FLOOR_VIDEO, OFFICIAL_VIDEO, TrackStatistics
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.call_engines import EngineChoice, EngineReason
from outreach_app.core.control_protocol import Notice, Standing
from outreach_app.core.invitations import token_from_join_url
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.state_files import load_or_create_secret
from tests.call.conftest import wait_until
from tests.janus import JanusProcess
from tests.netns import NetworkNamespace

FLOOR = VideoQuality(160, 120, 15)
WAITING = VideoQuality(96, 72, 5)
POLICY = QualityPolicy(floor=FLOOR, waiting=WAITING)
FAST = LinkTimings(heartbeat_interval=0.5, heartbeat_timeout=2.0, attempt_timeout=5.0)


@dataclass
class Site:
    engine: SiteEngine
    camera: SyntheticVideoTrack
    microphone: ToneAudioTrack

    def sending(self) -> VideoQuality:
        return self.camera.quality

    def fps(self, name: str) -> float:
        statistics = self.engine.received_video_statistics(name)
        return 0.0 if statistics is None else statistics.fps

    def size(self, name: str) -> tuple[int | None, int | None]:
        statistics = self.engine.received_video_statistics(name)
        return (None, None) if statistics is None else (statistics.width, statistics.height)


def janus_service(tmp_path: Path, janus: JanusProcess, address: str) -> CallService:
    return CallService(
        CallSettings("http://127.0.0.1:0", host_addresses=(address,)),
        secret=functools.partial(load_or_create_secret, tmp_path / "secret"),
        local_server=functools.partial(EmbeddedServer, janus=janus.access),
    )


async def join(call: LiveCall, site_id: int) -> Site:
    link = call.invitation_links[site_id]
    signaling = WebSocketSignaling(link, token_from_join_url(link))
    await signaling.connect()
    camera = SyntheticVideoTrack(f"SITE {site_id}", WAITING)
    microphone = ToneAudioTrack(300 + 100 * site_id)
    engine = SiteEngine(signaling, site_id, video=camera, audio=microphone, timings=FAST)
    await engine.start()
    return Site(engine, camera, microphone)


async def test_a_session_on_janus_passes_the_floor_and_ends(
    janus: JanusProcess, network_namespace: NetworkNamespace, tmp_path: Path
) -> None:
    address = network_namespace.root_address
    service = janus_service(tmp_path, janus, address)
    official = SyntheticVideoTrack("OFFICIAL", FLOOR)
    voice = ToneAudioTrack(200)
    sites: dict[int, Site] = {}
    with host_addresses([address]):
        call = await service.start_call(
            7,
            [1, 2, 3],
            ends_at=time.time() + 3600,
            official_video=official,
            official_audio=voice,
            quality=POLICY,
            timings=FAST,
            engine=EngineChoice.JANUS,
        )
        try:
            assert call.engine is not None and call.engine.engine == "janus"
            assert call.engine.reason is EngineReason.CHOSEN
            hub = call.hub
            assert isinstance(hub, JanusEngine)
            told_early = Standing("Heating", "Riverside", 1, 3, None, False, True, 0)
            hub.tell_standing(1, told_early)
            for site_id in (1, 2, 3):
                sites[site_id] = await join(call, site_id)
            await wait_until(
                lambda: all(hub.state(s) is PeerState.CONNECTED for s in sites),
                15,
                "every site on air at the official",
                lambda: f"{hub.states()}; log: {janus.log_tail(5)}",
            )
            await wait_until(
                lambda: all(site.engine.state is PeerState.CONNECTED for site in sites.values()),
                10,
                "every site connected",
            )
            await wait_until(
                lambda: all(site.fps(OFFICIAL_VIDEO) > 0 for site in sites.values()),
                10,
                "the official's video at every site",
            )
            # Waiting sites see the official's reduced copy and send their waiting quality.
            assert all(site.size(OFFICIAL_VIDEO) == (96, 72) for site in sites.values())
            assert all(site.sending() == WAITING for site in sites.values())

            await hub.give_floor(1)
            await wait_until(lambda: sites[1].sending() == FLOOR, 5, "site 1 sends full quality")
            await wait_until(
                lambda: sites[1].size(OFFICIAL_VIDEO) == (160, 120),
                5,
                "the floor site sees the official in full",
            )
            await wait_until(
                lambda: all(sites[s].size(FLOOR_VIDEO) == (96, 72) for s in (2, 3)),
                10,
                "the waiting sites see the floor site's reduced copy",
                lambda: f"{[sites[s].size(FLOOR_VIDEO) for s in (2, 3)]}",
            )
            await wait_until(
                lambda: _width(hub.video_statistics(1)) == 160,
                5,
                "the official sees the floor site in full",
            )
            await wait_until(
                lambda: all(_fps(sites[s].engine.received_audio_statistics()) > 0 for s in (2, 3)),
                5,
                "the official's sound at the waiting sites",
            )

            await hub.give_floor(2)
            await wait_until(
                lambda: sites[2].sending() == FLOOR and sites[1].sending() == WAITING,
                5,
                "the floor moved at the senders",
            )
            await wait_until(
                lambda: sites[3].fps(FLOOR_VIDEO) > 0 and sites[1].fps(FLOOR_VIDEO) > 0,
                10,
                "the waiting sites see the new floor site",
            )

            # Where a site stands travels through the signaling server here.
            assert sites[1].engine.standing == told_early
            told_now = Standing("Heating", "Lakeside", 3, 3, "Hillview", False, True, 170)
            hub.tell_standing(3, told_now)
            await wait_until(lambda: sites[3].engine.standing == told_now, 5, "3 told its standing")
            hands: list[HandRequested] = []
            hub.add_listener(lambda e: hands.append(e) if isinstance(e, HandRequested) else None)
            notice = Notice(1, "Please prepare the figures on heating", to_all=True)
            hub.send_notice(3, notice)
            await wait_until(lambda: sites[3].engine.notices == [notice], 5, "3 gets the notice")
            assert sites[3].engine.raise_hand(True)
            await wait_until(lambda: hands == [HandRequested(3, True)], 5, "3's hand at the hub")

            hub.set_audio_only(3, True)
            await wait_until(lambda: not sites[3].engine.sending_video, 5, "site 3 stops its video")
            statistics = await hub.link_statistics(2)
            assert statistics is not None and statistics.fps > 0

            await service.end_call(call)
            await wait_until(
                lambda: all(site.engine.state is PeerState.LEFT for site in sites.values()),
                5,
                "every site told that the session ended",
            )
        finally:
            await call.close()
            for site in sites.values():
                await site.engine.close()
                site.camera.stop()
                site.microphone.stop()
            await service.close()
            official.stop()
            voice.stop()


def _width(statistics: TrackStatistics | None) -> int | None:
    return None if statistics is None else statistics.width


def _fps(statistics: TrackStatistics | None) -> float:
    return 0.0 if statistics is None else statistics.fps
