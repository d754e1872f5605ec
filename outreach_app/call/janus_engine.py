"""The official's side of a session on the media server (Janus VideoRoom).

The official's app is one participant among the others: it publishes its camera and microphone
(the main video at the floor's quality and a reduced copy for the waiting sites: aiortc cannot
send simulcast layers) and subscribes to every site, at full quality the one that has the floor
and reduced the others, hearing only the floor. Janus forwards; nothing is encoded per site here.

A site's state is what reaches the official from it: connecting once it joins, connected when
its media arrives, reconnecting when nothing has arrived for the heartbeat timeout (or the media
server went away), failed when that lasts, left when it says goodbye. A site that cannot send
layers (aiortc) is asked over the control messages, relayed by the signaling server, to send
the quality its role needs; a browser simulcasts and the quality is chosen at Janus.
Heartbeats travel the same way and give the round trip shown in the thumbnails.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from aiortc.mediastreams import MediaStreamTrack
from av import AudioFrame, VideoFrame

from outreach_app.call.engine_base import EngineBase
from outreach_app.call.events import (
    FirstFrameReceived,
    FloorChanged,
    HandRequested,
    MediaServerChanged,
    PeerStateChanged,
)
from outreach_app.call.forwarding import (
    AudioFanout,
    AudioMix,
    ForwardedVideoTrack,
    MixedAudioTrack,
    VideoBroadcast,
    floor_recording,
    floor_sound,
)
from outreach_app.call.link_state import LinkTimings, PeerState, PeerStateMachine
from outreach_app.call.media_server_link import MediaServerLink
from outreach_app.call.official_engine import (
    NOTICES_KEPT,
    LinkMeter,
    LinkStatistics,
    QualityPolicy,
)
from outreach_app.call.peer_link import PeerLink, TrackStatistics, read_control, read_frames
from outreach_app.call.signaling import SignalingChannel
from outreach_app.core.control_protocol import (
    ControlMessage,
    HandRequest,
    Heartbeat,
    HeartbeatEcho,
    MediaRequest,
    Notice,
    QualityRequest,
    ReducedCopyRequest,
    Standing,
)
from outreach_app.core.message_codec import to_json
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import (
    JANUS,
    Bye,
    ChooseEngine,
    Control,
    EngineState,
    Error,
    Feed,
    Floor,
    Joined,
    PeerJoined,
    PeerLeft,
    RelayedBye,
    RelayedControl,
    ServerMessage,
    VideoChoice,
)

log = logging.getLogger(__name__)

# How long a site may stay out of reach (no media, no signaling) before it shows as failed.
FAILED_AFTER_SECONDS: Final = 45.0
_WATCH_SECONDS: Final = 0.25


def subscription_of(site_id: int) -> str:
    return f"site-{site_id}"


@dataclass
class _Site:
    site_id: int
    machine: PeerStateMachine = field(default_factory=PeerStateMachine)
    video: VideoBroadcast = field(default_factory=lambda: VideoBroadcast("site"))
    audio: AudioFanout = field(default_factory=lambda: AudioFanout("site"))
    present: bool = False
    audio_only: bool = False
    # Where the site stands in the session, sent again whenever it (re)joins.
    standing: Standing | None = None
    # The latest notices, sent again whenever it (re)joins.
    notices: list[Notice] = field(default_factory=list)
    # Since when the site has been out of reach (while connecting or reconnecting).
    unreachable_since: float | None = None
    # When its signaling went away (monotonic seconds), while it is away.
    absent_since: float = 0.0
    round_trip_seconds: float | None = None
    meter: LinkMeter = field(default_factory=LinkMeter)
    # The connection its media arrives on, when the first frame came on it.
    link: PeerLink | None = None
    link_asked_at: float = 0.0


class JanusEngine(EngineBase):
    """The official on the media server: the same events and controls as the hub."""

    def __init__(
        self,
        signaling: SignalingChannel,
        *,
        invited_sites: Iterable[int] = (),
        quality: QualityPolicy | None = None,
        timings: LinkTimings | None = None,
        ice_servers: Iterable[IceServer] = (),
        official_video: MediaStreamTrack | None = None,
        official_audio: MediaStreamTrack | None = None,
    ) -> None:
        super().__init__(signaling, timings or LinkTimings(), ice_servers)
        self._quality = quality or QualityPolicy()
        self._official_video_track = official_video
        self._official_audio_track = official_audio
        self.official_video = VideoBroadcast("official")
        self.official_audio = AudioFanout("official")
        self._sites = {site_id: _Site(site_id) for site_id in invited_sites}
        self._floor_site_id: int | None = None
        self._heartbeat_sequence = 0
        self.media_server_ready = False
        self.link = MediaServerLink(
            self._send_signaling,
            add_tracks=self._add_tracks,
            consume=self._consume,
            ice_servers=self._ice_servers,
            timings=self._timings,
            on_change=self._media_server_changed,
        )

    # ------------------------------------------------------------------ running
    async def start(self) -> None:
        if self._official_video_track is not None:
            proxy = self._relay.subscribe(self._official_video_track, buffered=False)
            self._spawn(read_frames(proxy, VideoFrame, self.official_video.publish))
        if self._official_audio_track is not None:
            proxy = self._relay.subscribe(self._official_audio_track, buffered=False)
            self._spawn(read_frames(proxy, AudioFrame, self.official_audio.publish))
        for site in self._sites.values():
            self._want(site)
        self.link.start()
        self._spawn(self._signaling_loop())
        self._spawn(self._watch())
        self._spawn(self._heartbeats())
        await self._send_signaling(ChooseEngine(JANUS))

    async def close(self) -> None:
        if self._closing:
            return
        self._closing = True
        for site in self._sites.values():
            if site.present:
                await self._send_signaling(Bye(site.site_id, "the session has ended"))
        await self._close_tasks()
        await self.link.close()
        for site in self._sites.values():
            if site.machine.can_move_to(PeerState.LEFT):
                self._move(site, PeerState.LEFT, "the official closed the call")
        self.official_video.close()
        await self._signaling.close()

    # ------------------------------------------------------------------ reading
    @property
    def floor_site_id(self) -> int | None:
        return self._floor_site_id

    def states(self) -> dict[int, PeerState]:
        return {site_id: site.machine.state for site_id, site in self._sites.items()}

    def state(self, site_id: int) -> PeerState:
        return self._sites[site_id].machine.state

    def audio_only(self, site_id: int) -> bool:
        return self._sites[site_id].audio_only

    def site_video(self, site_id: int) -> VideoBroadcast | None:
        site = self._sites.get(site_id)
        return None if site is None else site.video

    def latest_video_frame(self, site_id: int) -> VideoFrame | None:
        video = self.site_video(site_id)
        return None if video is None else video.latest

    def round_trip_seconds(self, site_id: int) -> float | None:
        return self._sites[site_id].round_trip_seconds

    def video_statistics(self, site_id: int) -> TrackStatistics | None:
        return self._statistics(site_id, "video")

    def audio_statistics(self, site_id: int) -> TrackStatistics | None:
        return self._statistics(site_id, "audio")

    def _statistics(self, site_id: int, kind: str) -> TrackStatistics | None:
        link = self.link.subscription(subscription_of(site_id))
        counter = link.counters.get(kind) if link else None
        return counter.snapshot(time.monotonic()) if counter else None

    async def link_statistics(self, site_id: int) -> LinkStatistics | None:
        site = self._sites.get(site_id)
        link = self.link.subscription(subscription_of(site_id))
        if site is None or link is None:
            return None
        if site.link is not link:
            site.link = link
            site.meter.reset()
        return await site.meter.read(link.pc, link.counters.get("video"), site.round_trip_seconds)

    def official_hears(self) -> AudioMix:
        """What the official's speakers play: the site that has the floor."""
        return floor_sound(self._floor)

    def recording_tracks(self) -> tuple[MixedAudioTrack, ForwardedVideoTrack]:
        """What a recording keeps, at full quality (see `floor_recording`)."""
        return floor_recording(
            self.official_audio, self.official_video, self._floor, lambda: self._quality.floor
        )

    def _floor(self) -> _Site | None:
        return None if self._floor_site_id is None else self._sites.get(self._floor_site_id)

    # ------------------------------------------------------------------ the official's say
    async def give_floor(self, site_id: int | None) -> None:
        if site_id is not None and site_id not in self._sites:
            raise KeyError(f"site {site_id} is not in this session")
        previous, self._floor_site_id = self._floor_site_id, site_id
        # The one that loses the floor is lowered first, as on the hub.
        for changed in (previous, site_id):
            site = None if changed is None else self._sites.get(changed)
            if site is not None:
                self._want(site)
                self._ask_quality(site)
        self._listeners.emit(FloorChanged(site_id))
        await self._send_signaling(Floor(site_id))

    def tell_standing(self, site_id: int, standing: Standing) -> None:
        """Tell `site_id` where it stands (now, and again whenever it rejoins)."""
        site = self._sites[site_id]
        if standing != site.standing:
            site.standing = standing
            self._control(site, standing)

    def send_notice(self, site_id: int, notice: Notice) -> None:
        """Show `notice` at `site_id`, now or whenever it (re)joins."""
        site = self._sites[site_id]
        site.notices = [*site.notices, notice][-NOTICES_KEPT:]
        self._control(site, notice)

    def set_audio_only(self, site_id: int, audio_only: bool) -> None:
        """Sound only for `site_id`: no video either way, until changed back."""
        site = self._sites[site_id]
        site.audio_only = audio_only
        self._want(site)
        self._control(site, MediaRequest(video=not audio_only))

    # ------------------------------------------------------------------ media
    def _want(self, site: _Site) -> None:
        has_floor = site.site_id == self._floor_site_id
        video: VideoChoice = "none" if site.audio_only else "full" if has_floor else "reduced"
        self.link.want(
            subscription_of(site.site_id), site.site_id, video, has_floor or site.audio_only
        )

    def _add_tracks(self, link: PeerLink) -> None:
        # Audio, the main video, then the reduced copy: the order the server reads them in.
        if self._official_audio_track is not None:
            link.add_track(self._relay.subscribe(self._official_audio_track, buffered=False))
        quality = self._quality
        link.add_track(ForwardedVideoTrack(lambda: self.official_video, lambda: quality.floor))
        link.add_track(ForwardedVideoTrack(lambda: self.official_video, lambda: quality.waiting))

    def _consume(self, subscription_id: str, link: PeerLink, track: MediaStreamTrack) -> None:
        site = next(
            (s for s in self._sites.values() if subscription_of(s.site_id) == subscription_id),
            None,
        )
        if site is None:
            return

        def first_frame(kind: str) -> None:
            seconds = time.monotonic() - link.created_at
            self._listeners.emit(FirstFrameReceived(site.site_id, kind, seconds))

        if track.kind == "video":
            link.consume(track, "video", VideoFrame, site.video.publish, first_frame)
        else:
            link.consume(track, "audio", AudioFrame, site.audio.publish, first_frame)

    def _media_server_changed(self) -> None:
        ready = self.link.ready
        if ready == self.media_server_ready:
            return
        self.media_server_ready = ready
        self._listeners.emit(MediaServerChanged(ready, self.link.ready_reason))
        if not ready:
            # Every connection through it is gone: no site is on air until it is back.
            now = time.monotonic()
            for site in self._sites.values():
                self._judge(site, now)

    # ------------------------------------------------------------------ states
    async def _watch(self) -> None:
        while True:
            now = time.monotonic()
            for site in self._sites.values():
                self._judge(site, now)
            await asyncio.sleep(_WATCH_SECONDS)

    def _judge(self, site: _Site, now: float) -> None:
        state = site.machine.state
        if state in (PeerState.INVITED, PeerState.LEFT):
            return
        heard = self.link.last_media_at(subscription_of(site.site_id))
        fresh = heard is not None and now - heard <= self._timings.heartbeat_timeout
        if fresh and self.link.ready:
            site.unreachable_since = None
            if state is not PeerState.CONNECTED:
                self._move(site, PeerState.CONNECTED, "its media arrives")
                self._ask_quality(site)
            return
        if site.unreachable_since is None:
            site.unreachable_since = now
        if state is PeerState.CONNECTED:
            reason = (
                "the media server is away"
                if not self.link.ready
                else f"no media for {self._timings.heartbeat_timeout:g} s"
            )
            self._move(site, PeerState.RECONNECTING, reason)
        elif (
            state is PeerState.RECONNECTING
            and not site.present
            and now - site.absent_since > self._timings.absent_timeout
        ):
            self._move(site, PeerState.LEFT, "the connection was lost")
        elif (
            state in (PeerState.CONNECTING, PeerState.RECONNECTING)
            and now - site.unreachable_since > FAILED_AFTER_SECONDS
            and not site.present
        ):
            self._move(site, PeerState.FAILED, "out of reach")

    def _move(self, site: _Site, state: PeerState, reason: str) -> None:
        previous = site.machine.move_to(state)
        log.info("site %s: %s -> %s (%s)", site.site_id, previous.value, state.value, reason)
        self._listeners.emit(PeerStateChanged(site.site_id, previous, state, reason))

    def _arrived(self, site: _Site, reason: str) -> None:
        site.present = True
        if site.standing is not None:
            self._control(site, site.standing)
        for notice in site.notices:
            self._control(site, notice)
        if site.machine.state in (PeerState.INVITED, PeerState.LEFT, PeerState.FAILED):
            site.unreachable_since = time.monotonic()
            self._move(site, PeerState.CONNECTING, reason)

    # ------------------------------------------------------------------ signaling
    async def _on_signaling(self, message: ServerMessage) -> None:
        if await self.link.handle(message):
            if isinstance(message, Feed) and isinstance(message.peer, int):
                site = self._sites.get(message.peer)
                if site is not None and message.published:
                    self._ask_quality(site)
            return
        match message:
            case Joined(peers=peers):
                for peer in peers:
                    site = self._sites.get(peer) if isinstance(peer, int) else None
                    if site is not None:
                        self._arrived(site, "the site joined")
                # After a reconnect the server may have forgotten the choice with the room.
                if message.engine != JANUS:
                    await self._send_signaling(ChooseEngine(JANUS))
            case PeerJoined(peer=int(peer)) if peer in self._sites:
                self._arrived(self._sites[peer], "the site joined")
            case PeerLeft(peer=int(peer)) if peer in self._sites:
                self._sites[peer].present = False
                self._sites[peer].absent_since = time.monotonic()
            case RelayedBye(sender=int(sender), reason=reason) if sender in self._sites:
                site = self._sites[sender]
                site.present = False
                if site.machine.can_move_to(PeerState.LEFT):
                    self._move(site, PeerState.LEFT, reason or "left")
            case RelayedControl(sender=int(sender), message=text) if sender in self._sites:
                self._on_control(self._sites[sender], text)
            case EngineState():
                pass
            case Error():
                log.warning("signaling error: %s", message.message)

    def _on_control(self, site: _Site, text: str) -> None:
        message = read_control(text)
        if isinstance(message, HandRequest):
            # The server names the sender: a site can raise only its own hand.
            self._listeners.emit(HandRequested(site.site_id, message.raised))
        elif isinstance(message, HeartbeatEcho):
            now = time.monotonic()
            if message.sent <= now:
                site.round_trip_seconds = now - message.sent

    def _control(self, site: _Site, message: ControlMessage) -> None:
        async def send() -> None:
            await self._send_signaling(Control(site.site_id, to_json(message)))

        if site.present:
            self._spawn(send())

    def _ask_quality(self, site: _Site) -> None:
        """What the site should send for its role, when it cannot send layers."""
        feed = self.link.feeds.get(site.site_id)
        if feed is not None and feed.simulcast:
            return
        has_floor = site.site_id == self._floor_site_id
        quality = self._quality.floor if has_floor else self._quality.waiting
        if has_floor:
            waiting = self._quality.waiting
            self._control(site, ReducedCopyRequest(waiting.width, waiting.height, waiting.fps))
        self._control(
            site, QualityRequest(quality.width, quality.height, quality.fps, floor=has_floor)
        )
        if site.audio_only:
            self._control(site, MediaRequest(video=False))

    async def _heartbeats(self) -> None:
        """A heartbeat to every site present, spread over the interval: round trips to show."""
        interval = self._timings.heartbeat_interval
        while True:
            present = [site for site in self._sites.values() if site.present]
            if not present:
                await asyncio.sleep(interval)
                continue
            for site in present:
                self._heartbeat_sequence += 1
                self._control(site, Heartbeat(self._heartbeat_sequence, time.monotonic()))
                await asyncio.sleep(interval / len(present))
