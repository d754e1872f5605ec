"""Real aiortc peers in one process over 127.0.0.1: a hub and sites, the floor, lost links."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from outreach_app.call.events import (
    EngineEvent,
    HandRequested,
    NoticeReceived,
    PeerStateChanged,
    QualityApplied,
    StandingReceived,
    VideoSendingChanged,
)
from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.call.peer_link import FLOOR_VIDEO, OFFICIAL_VIDEO
from outreach_app.call.signaling import InMemorySignalingChannel, InMemorySignalingRoom
from outreach_app.call.site_engine import SiteEngine
from outreach_app.core.control_protocol import Notice, Standing
from outreach_app.core.signaling_protocol import HOST
from tests.call.conftest import wait_until

# Small numbers for 2 shared cores; production uses 640x480@30 and 320x240@15.
FLOOR = VideoQuality(320, 240, 15)
WAITING = VideoQuality(160, 120, 5)
SITE_A, SITE_B = 1, 2


@dataclass
class Call:
    room: InMemorySignalingRoom
    hub: HubEngine
    sites: dict[int, SiteEngine] = field(default_factory=dict)
    channels: dict[int, InMemorySignalingChannel] = field(default_factory=dict)
    tracks: list[SyntheticVideoTrack | ToneAudioTrack] = field(default_factory=list)
    hub_events: list[EngineEvent] = field(default_factory=list)
    site_events: list[EngineEvent] = field(default_factory=list)

    async def join(self, site_id: int, *, audio: bool = False) -> SiteEngine:
        video = SyntheticVideoTrack(f"SITE {site_id}", WAITING)
        self.tracks.append(video)
        tone = ToneAudioTrack() if audio else None
        if tone is not None:
            self.tracks.append(tone)
        channel = self.channels[site_id] = self.room.connect(site_id)
        site = SiteEngine(channel, site_id, video=video, audio=tone)
        site.add_listener(self.site_events.append)
        self.sites[site_id] = site
        await site.start()
        return site

    def connected(self, *site_ids: int) -> bool:
        return all(self.hub.state(site_id) is PeerState.CONNECTED for site_id in site_ids)

    def video_size(self, site_id: int) -> tuple[int | None, int | None]:
        statistics = self.hub.video_statistics(site_id)
        return (None, None) if statistics is None else (statistics.width, statistics.height)

    def received(self, site_id: int, name: str) -> tuple[int | None, int | None, float]:
        """Width, height and frame rate of what `site_id` receives from the hub as `name`."""
        statistics = self.sites[site_id].received_video_statistics(name)
        if statistics is None:
            return (None, None, 0.0)
        return (statistics.width, statistics.height, statistics.fps)

    def video_fps(self, site_id: int) -> float:
        statistics = self.hub.video_statistics(site_id)
        return 0.0 if statistics is None else statistics.fps


@pytest.fixture
async def call() -> AsyncIterator[Call]:
    room = InMemorySignalingRoom()
    official = SyntheticVideoTrack("OFFICIAL", FLOOR)
    hub = HubEngine(
        room.connect(HOST),
        invited_sites=[SITE_A, SITE_B],
        quality=QualityPolicy(floor=FLOOR, waiting=WAITING),
        timings=LinkTimings(first_retry_delay=0.2, max_retry_delay=1.0, attempt_timeout=3.0),
        official_video=official,
    )
    session = Call(room, hub, tracks=[official])
    hub.add_listener(session.hub_events.append)
    await hub.start()
    try:
        yield session
    finally:
        for site in session.sites.values():
            await site.close()
        await hub.close()
        for track in session.tracks:
            track.stop()


async def test_sites_connect_and_the_floor_decides_what_each_sends(call: Call) -> None:
    assert call.hub.states() == {SITE_A: PeerState.INVITED, SITE_B: PeerState.INVITED}
    started = time.monotonic()
    await call.join(SITE_A, audio=True)
    await call.join(SITE_B)
    await wait_until(lambda: call.connected(SITE_A, SITE_B), 5, "both sites connected")
    connect_seconds = time.monotonic() - started
    await wait_until(
        lambda: call.video_size(SITE_A) == call.video_size(SITE_B) == (160, 120),
        5,
        "frames from both sites at the waiting size",
    )
    first_frame_seconds = time.monotonic() - started
    audio = call.hub.audio_statistics(SITE_A)
    assert audio is not None and audio.frames_received > 0
    # Nobody has the floor: every site gets the official, reduced, and no floor video.
    await wait_until(
        lambda: call.received(SITE_A, OFFICIAL_VIDEO)[:2] == (160, 120), 3, "official at A"
    )
    assert call.received(SITE_B, FLOOR_VIDEO) == (None, None, 0.0)
    # Both wait: one encoder serves the official's reduced video to both.
    assert call.hub.waiting_stream_subscribers()[OFFICIAL_VIDEO] == 2

    await call.hub.give_floor(SITE_A)
    await wait_until(lambda: call.video_size(SITE_A) == (320, 240), 3, "A at full size")
    # Let the 2 s measuring window fill with frames sent at the new rate.
    await asyncio.sleep(2.2)
    floor_fps_a, waiting_fps_b = call.video_fps(SITE_A), call.video_fps(SITE_B)
    assert call.video_size(SITE_B) == (160, 120)
    assert floor_fps_a > 10 and 2.5 < waiting_fps_b < 7.5
    # The floor site gets the official at full quality and no copy of itself; the waiting
    # site gets the official and the floor site's video forwarded by the hub, both reduced.
    official_at_a = call.received(SITE_A, OFFICIAL_VIDEO)
    assert official_at_a[:2] == (320, 240) and official_at_a[2] > 10
    assert call.received(SITE_A, FLOOR_VIDEO)[:2] == (None, None)
    official_at_b, floor_at_b = (
        call.received(SITE_B, OFFICIAL_VIDEO),
        call.received(SITE_B, FLOOR_VIDEO),
    )
    assert official_at_b[:2] == floor_at_b[:2] == (160, 120)
    # Only B waits now; A's official video comes from its own sender's encoder at full size.
    assert call.hub.waiting_stream_subscribers() == {OFFICIAL_VIDEO: 1, FLOOR_VIDEO: 1}
    assert 2.5 < official_at_b[2] < 7.5 and 2.5 < floor_at_b[2] < 7.5
    # B hears the mix of the official (silent here) and A's tone; so does the official.
    mixed_at_b = call.sites[SITE_B].received_audio_statistics()
    assert mixed_at_b is not None and mixed_at_b.fps > 40
    official_hears = call.hub.official_hears()
    await asyncio.sleep(0.3)
    assert official_hears.buffered_samples > 0 and official_hears.take(4800).any()
    official_hears.close()

    await call.hub.give_floor(SITE_B)
    await wait_until(lambda: call.video_size(SITE_B) == (320, 240), 3, "B at full size")
    await asyncio.sleep(2.2)
    assert call.video_size(SITE_A) == (160, 120)
    floor_fps_b, waiting_fps_a = call.video_fps(SITE_B), call.video_fps(SITE_A)
    assert floor_fps_b > 10 and 2.5 < waiting_fps_a < 7.5

    # Each site's last request: A back to waiting, B on the floor (the two requests travel on
    # different connections, so they may arrive in either order).
    latest = {
        event.site_id: event for event in call.site_events if isinstance(event, QualityApplied)
    }
    assert (latest[SITE_A].has_floor, latest[SITE_A].quality) == (False, WAITING)
    assert (latest[SITE_B].has_floor, latest[SITE_B].quality) == (True, FLOOR)
    round_trip = call.hub.round_trip_seconds(SITE_A)
    assert round_trip is not None and round_trip < 0.5
    await call.hub.link_statistics(SITE_B)
    await asyncio.sleep(0.5)
    link = await call.hub.link_statistics(SITE_B)
    assert link is not None and (link.width, link.height) == (320, 240) and link.fps > 10
    assert link.kilobits_per_second is not None and link.kilobits_per_second > 10
    assert link.loss_percent == 0 and link.round_trip_ms is not None
    print(
        f"\nconnect {connect_seconds * 1000:.0f} ms, first frames {first_frame_seconds * 1000:.0f}"
        f" ms; floor {floor_fps_a:.1f}/{floor_fps_b:.1f} fps, waiting"
        f" {waiting_fps_b:.1f}/{waiting_fps_a:.1f} fps, heartbeat round trip"
        f" {round_trip * 1000:.1f} ms"
    )


async def test_a_killed_site_shows_reconnecting_and_comes_back_by_itself(call: Call) -> None:
    site_a = await call.join(SITE_A)
    await call.join(SITE_B)
    await wait_until(lambda: call.connected(SITE_A, SITE_B), 5, "both sites connected")

    # A killed process: its signaling socket drops without a goodbye, its media stops.
    killed_at = time.monotonic()
    await call.channels[SITE_A].close()  # the server sees the socket close: peer-left
    await site_a.close()  # its goodbye cannot go out any more; its connection closes
    assert not any(
        isinstance(e, PeerStateChanged) and e.state is PeerState.LEFT for e in call.hub_events
    )
    lost_after = await wait_until(
        lambda: call.hub.state(SITE_A) is PeerState.RECONNECTING, 3.5, "A shown reconnecting"
    )
    assert call.hub.state(SITE_B) is PeerState.CONNECTED
    del call.sites[SITE_A]

    await call.join(SITE_A)
    back_after = await wait_until(lambda: call.connected(SITE_A), 5, "A connected again")
    # Statistics belong to the current connection: these frames came from the new site.
    await wait_until(lambda: call.video_fps(SITE_A) > 0, 3, "frames from the new A")
    states = [
        event.state
        for event in call.hub_events
        if isinstance(event, PeerStateChanged) and event.site_id == SITE_A
    ]
    assert states == [
        PeerState.CONNECTING,
        PeerState.CONNECTED,
        PeerState.RECONNECTING,
        PeerState.CONNECTED,
    ]
    print(
        f"\nlost shown {lost_after * 1000:.0f} ms after the kill"
        f" ({(time.monotonic() - killed_at):.1f} s in all), back {back_after * 1000:.0f} ms"
        " after the new site joined"
    )


async def test_a_silent_site_is_caught_by_the_heartbeat(call: Call) -> None:
    site_a = await call.join(SITE_A)
    await wait_until(lambda: call.connected(SITE_A), 5, "A connected")
    await asyncio.sleep(1.2)  # some pongs, so the silence starts from a live link

    # A hung process: the connection stays up, but nothing answers the pings any more and no
    # picture comes (a link that still carries media is slow, not lost).
    site_a._on_control = lambda link, raw: None  # type: ignore[method-assign]
    site_a.sending_video = False
    silent_from = time.monotonic()
    await wait_until(
        lambda: call.hub.state(SITE_A) is PeerState.RECONNECTING, 4.5, "A shown reconnecting"
    )
    detected_after = time.monotonic() - silent_from
    (lost,) = [
        event
        for event in call.hub_events
        if isinstance(event, PeerStateChanged) and event.state is PeerState.RECONNECTING
    ]
    assert "heartbeat" in lost.reason
    # The last pong and frame came at most one interval before the silence: 2-3.5 s after it.
    assert 2.0 <= detected_after <= 3.5
    print(f"\nsilence detected after {detected_after:.2f} s")


async def test_the_hub_closes_promptly_with_several_sites_on_air(call: Call) -> None:
    await call.join(SITE_A)
    await call.join(SITE_B)
    await wait_until(lambda: call.connected(SITE_A, SITE_B), 5, "both sites connected")
    await call.hub.give_floor(SITE_A)
    await asyncio.sleep(0.3)
    # Closing stops the official's source while other sites' senders still forward it: those
    # must end, not spin on the event loop (which froze the app on "End session").
    await asyncio.wait_for(call.hub.close(), 5)
    await wait_until(
        lambda: all(site.state is PeerState.LEFT for site in call.sites.values()),
        5,
        "both sites told the call ended",
    )


async def test_sound_only_stops_video_both_ways_and_keeps_the_sound(call: Call) -> None:
    site_a = await call.join(SITE_A, audio=True)
    await call.join(SITE_B)
    await wait_until(lambda: call.connected(SITE_A, SITE_B), 5, "both sites connected")
    await call.hub.give_floor(SITE_A)
    await wait_until(lambda: call.video_fps(SITE_A) > 10, 5, "A's video on the floor")
    await wait_until(lambda: call.received(SITE_A, OFFICIAL_VIDEO)[2] > 5, 5, "official at A")

    call.hub.set_audio_only(SITE_A, True)
    await wait_until(lambda: not site_a.sending_video, 3, "A told to stop its video")
    assert any(
        isinstance(event, VideoSendingChanged) and not event.sending for event in call.site_events
    )
    await asyncio.sleep(0.5)
    hub_video_before = call.hub.video_statistics(SITE_A)
    official_at_a = call.sites[SITE_A].received_video_statistics(OFFICIAL_VIDEO)
    hub_audio_before = call.hub.audio_statistics(SITE_A)
    assert hub_video_before and official_at_a and hub_audio_before
    await asyncio.sleep(1.5)
    # No picture either way; the sound goes on.
    hub_video = call.hub.video_statistics(SITE_A)
    assert hub_video and hub_video.frames_received == hub_video_before.frames_received
    received = call.sites[SITE_A].received_video_statistics(OFFICIAL_VIDEO)
    assert received and received.frames_received <= official_at_a.frames_received + 1
    hub_audio = call.hub.audio_statistics(SITE_A)
    assert hub_audio and hub_audio.frames_received > hub_audio_before.frames_received + 40
    # B still sees the official (A's picture is gone from the floor, its sound is not).
    assert call.received(SITE_B, OFFICIAL_VIDEO)[2] > 1

    call.hub.set_audio_only(SITE_A, False)
    await wait_until(lambda: site_a.sending_video, 3, "A told to send video again")
    await wait_until(lambda: call.video_fps(SITE_A) > 10, 5, "A's video back at the hub")
    await wait_until(
        lambda: call.received(SITE_A, OFFICIAL_VIDEO)[2] > 5, 5, "the official's video back at A"
    )


async def test_each_site_hears_where_it_stands_on_connecting_and_as_it_changes(
    call: Call,
) -> None:
    before = Standing("Heating", "Riverside", 1, 2, None, False, True, 0)
    call.hub.tell_standing(SITE_A, before)
    site_a = await call.join(SITE_A)
    await wait_until(lambda: site_a.standing == before, 5, "A told where it stands on connecting")

    moved = Standing("Heating", "Riverside", 1, 2, "Hillview", False, True, 170)
    call.hub.tell_standing(SITE_A, moved)
    await wait_until(lambda: site_a.standing == moved, 3, "A told again as the floor moves")
    assert [e.standing for e in call.site_events if isinstance(e, StandingReceived)] == [
        before,
        moved,
    ]


async def test_notices_reach_their_site_once_also_when_sent_before_it_connects(
    call: Call,
) -> None:
    early = Notice(1, "Please prepare the figures on heating", to_all=True)
    call.hub.send_notice(SITE_A, early)
    site_a = await call.join(SITE_A)
    site_b = await call.join(SITE_B)
    await wait_until(lambda: site_a.notices == [early], 5, "A gets the notice sent before")
    later = Notice(2, "Five more minutes, please")
    call.hub.send_notice(SITE_B, later)
    await wait_until(lambda: site_b.notices == [later], 3, "B gets its own notice")
    # A rebuilt link brings the kept notices again; each is shown once.
    first_link = site_a._link
    call.hub._start_connecting(call.hub._slots[SITE_A], "rebuilt by the test")
    await wait_until(
        lambda: site_a._link is not first_link and call.connected(SITE_A), 5, "A's new link"
    )
    await asyncio.sleep(0.3)
    assert site_a.notices == [early]
    received = [e.notice for e in call.site_events if isinstance(e, NoticeReceived)]
    assert sorted(received, key=lambda notice: notice.id) == [early, later]


async def test_a_site_raises_its_own_hand_and_nothing_else(call: Call) -> None:
    site_a = await call.join(SITE_A)
    await call.join(SITE_B)
    await wait_until(lambda: call.connected(SITE_A, SITE_B), 5, "both sites connected")

    def hands() -> list[tuple[int, bool]]:
        return [(e.site_id, e.raised) for e in call.hub_events if isinstance(e, HandRequested)]

    assert site_a.raise_hand(True)
    await wait_until(lambda: hands() == [(SITE_A, True)], 3, "A's hand at the hub")
    # What a site says is untrusted: a standing it sends the hub, or garbage, is ignored.
    link = site_a._link
    assert link is not None
    link.send_control(Standing("S", "B", 1, 2, None, False, True, 0, True, ("B",)))
    assert link.channel is not None
    link.channel.send('{"type":"hand","raised":"yes","site":2}')
    assert site_a.raise_hand(False)
    await wait_until(lambda: len(hands()) == 2, 3, "A's hand lowered")
    assert hands() == [(SITE_A, True), (SITE_A, False)]
