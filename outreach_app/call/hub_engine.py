"""The official's side of a call: one peer connection per site, the floor, heartbeats, rebuilds.

The hub makes every offer. It sends each site the mixed audio, the official's video and the
floor site's video (see `peer_link`): the floor site's at full quality from its own encoder,
the waiting sites' from one shared encoder per stream. A heartbeat on each control channel
finds dead links; a dead link is rebuilt with backoff (see `link_state`), and a site that
rejoins signaling is tried at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from aiortc import RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import AudioFrame, VideoFrame

from outreach_app.call.engine_base import EngineBase
from outreach_app.call.events import (
    FirstFrameReceived,
    FloorChanged,
    HandRequested,
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
from outreach_app.call.media import VideoQuality
from outreach_app.call.official_engine import (
    NOTICES_KEPT,
    LinkMeter,
    LinkStatistics,
    QualityPolicy,
)
from outreach_app.call.peer_link import (
    FLOOR_VIDEO,
    OFFICIAL_VIDEO,
    PeerLink,
    TrackStatistics,
    read_control,
    read_frames,
)
from outreach_app.call.shared_encoding import SharedVideoEncoder, SwitchingVideoTrack
from outreach_app.call.signaling import SignalingChannel
from outreach_app.core.control_protocol import (
    CONTROL_CHANNEL,
    HandRequest,
    Heartbeat,
    HeartbeatEcho,
    MediaRequest,
    Notice,
    QualityRequest,
    Standing,
)
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import (
    Bye,
    Error,
    Floor,
    Joined,
    Offer,
    PeerJoined,
    PeerLeft,
    RelayedAnswer,
    RelayedBye,
    ServerMessage,
)

log = logging.getLogger(__name__)


@dataclass
class _SiteSlot:
    """The hub's view of one site."""

    site_id: int
    machine: PeerStateMachine = field(default_factory=PeerStateMachine)
    link: PeerLink | None = None
    # Kept across rebuilt connections, so that forwarding and mixing never lose their source.
    video: VideoBroadcast = field(default_factory=lambda: VideoBroadcast("site"))
    audio: AudioFanout = field(default_factory=lambda: AudioFanout("site"))
    present: asyncio.Event = field(default_factory=asyncio.Event)
    # When its signaling went away (monotonic seconds), while it is away.
    absent_since: float = 0.0
    connect_task: asyncio.Task[None] | None = None
    connection_opened: asyncio.Future[None] | None = None
    last_pong_at: float = 0.0
    round_trip_seconds: float | None = None
    meter: LinkMeter = field(default_factory=LinkMeter)
    # The official chose sound only for this site (its link cannot carry video).
    audio_only: bool = False
    # Where the site stands in the session, sent again on every new connection.
    standing: Standing | None = None
    # The latest notices, sent again on a new connection (the site shows each one once).
    notices: list[Notice] = field(default_factory=list)


class HubEngine(EngineBase):
    """The official's side: one peer connection per site, the floor, heartbeats, rebuilds."""

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
        self._official_video = official_video
        self._official_audio = official_audio
        self.official_video = VideoBroadcast("official")
        self.official_audio = AudioFanout("official")
        self._slots: dict[int, _SiteSlot] = {}
        self._floor_site_id: int | None = None
        # What every waiting site gets, encoded once for all of them.
        self._waiting_streams = {
            OFFICIAL_VIDEO: SharedVideoEncoder(lambda: self.official_video, self._quality.waiting),
            FLOOR_VIDEO: SharedVideoEncoder(self._floor_video, self._quality.waiting),
        }
        for site_id in invited_sites:
            self._slot(site_id)

    async def start(self) -> None:
        """Start listening to signaling; sites connect as they join."""
        if self._official_video is not None:
            # Read once for every connection that sends it.
            self._spawn(read_frames(self._official_video, VideoFrame, self.official_video.publish))
        if self._official_audio is not None:
            self._spawn(read_frames(self._official_audio, AudioFrame, self.official_audio.publish))
        self._spawn(self._signaling_loop())

    @property
    def floor_site_id(self) -> int | None:
        return self._floor_site_id

    def states(self) -> dict[int, PeerState]:
        return {site_id: slot.machine.state for site_id, slot in self._slots.items()}

    def state(self, site_id: int) -> PeerState:
        return self._slots[site_id].machine.state

    def video_statistics(self, site_id: int) -> TrackStatistics | None:
        return self._statistics(site_id, "video")

    def audio_statistics(self, site_id: int) -> TrackStatistics | None:
        return self._statistics(site_id, "audio")

    async def link_statistics(self, site_id: int) -> LinkStatistics | None:
        """Frame rate and size of the site's video, bit rate in, heartbeat round trip and
        packet loss of the current connection; None while there is no connection."""
        slot = self._slots.get(site_id)
        link = slot.link if slot else None
        if slot is None or link is None:
            return None
        return await slot.meter.read(link.pc, link.counters.get("video"), slot.round_trip_seconds)

    def site_video(self, site_id: int) -> VideoBroadcast | None:
        """The site's decoded video as it arrives (await `next_frame`), kept across rebuilds."""
        slot = self._slots.get(site_id)
        return None if slot is None else slot.video

    def latest_video_frame(self, site_id: int) -> VideoFrame | None:
        """The newest decoded frame from `site_id`, or None."""
        video = self.site_video(site_id)
        return None if video is None else video.latest

    def round_trip_seconds(self, site_id: int) -> float | None:
        """The last heartbeat round trip over the control channel."""
        return self._slots[site_id].round_trip_seconds

    def _statistics(self, site_id: int, kind: str) -> TrackStatistics | None:
        slot = self._slots.get(site_id)
        counter = slot.link.counters.get(kind) if slot and slot.link else None
        return counter.snapshot(time.monotonic()) if counter else None

    async def give_floor(self, site_id: int | None) -> None:
        """Give `site_id` the floor (None: nobody): it sends full quality, the others reduced."""
        if site_id is not None and site_id not in self._slots:
            raise KeyError(f"site {site_id} is not in this session")
        self._floor_site_id = site_id
        # Lower the waiting sites first so that the encoders never all run at full size at once.
        ordered = sorted(self._slots.values(), key=lambda slot: slot.site_id == site_id)
        for slot in ordered:
            self._send_quality(slot)
        self._listeners.emit(FloorChanged(site_id))
        await self._send_signaling(Floor(site_id))

    def audio_only(self, site_id: int) -> bool:
        return self._slots[site_id].audio_only

    def set_audio_only(self, site_id: int, audio_only: bool) -> None:
        """Sound only for `site_id` (its link is too poor for video), or video again.

        The hub stops sending it video and asks it to stop sending its own; the sound goes on.
        The choice holds across rebuilt connections until it is changed back."""
        slot = self._slots[site_id]
        slot.audio_only = audio_only
        if slot.link is not None:
            slot.link.send_control(MediaRequest(video=not audio_only))

    def tell_standing(self, site_id: int, standing: Standing) -> None:
        """Tell `site_id` where it stands (now, and again whenever its link is rebuilt)."""
        slot = self._slots[site_id]
        if standing == slot.standing:
            return
        slot.standing = standing
        if slot.link is not None and slot.machine.state is PeerState.CONNECTED:
            slot.link.send_control(standing)

    def send_notice(self, site_id: int, notice: Notice) -> None:
        """Show `notice` at `site_id`, now or as soon as its link is up."""
        slot = self._slots[site_id]
        slot.notices = [*slot.notices, notice][-NOTICES_KEPT:]
        if slot.link is not None and slot.machine.state is PeerState.CONNECTED:
            slot.link.send_control(notice)

    async def close(self) -> None:
        """Say goodbye to every site, close every connection, stop every task."""
        if self._closing:
            return
        self._closing = True
        for slot in self._slots.values():
            if slot.present.is_set():
                await self._send_signaling(Bye(slot.site_id, "the session has ended"))
        await self._close_tasks()
        for slot in self._slots.values():
            await self._discard_link(slot)
            if slot.machine.can_move_to(PeerState.LEFT):
                self._move(slot, PeerState.LEFT, "the hub closed")
        self.official_video.close()
        for stream in self._waiting_streams.values():
            stream.close()
        await self._signaling.close()

    def _slot(self, site_id: int) -> _SiteSlot:
        slot = self._slots.get(site_id)
        if slot is None:
            slot = self._slots[site_id] = _SiteSlot(site_id)
        return slot

    def _move(self, slot: _SiteSlot, state: PeerState, reason: str) -> None:
        previous = slot.machine.move_to(state)
        log.info("site %s: %s -> %s (%s)", slot.site_id, previous.value, state.value, reason)
        self._listeners.emit(PeerStateChanged(slot.site_id, previous, state, reason))

    async def _on_signaling(self, message: ServerMessage) -> None:
        match message:
            case Joined(peers=peers):
                for peer in peers:
                    if isinstance(peer, int):
                        self._site_joined(peer, rejoined=False)
            case PeerJoined(peer=int(peer), rejoined=rejoined):
                self._site_joined(peer, rejoined=rejoined)
            case PeerLeft(peer=int(peer)):
                # Signaling is gone, not necessarily the media: the heartbeat decides about that.
                slot = self._slot(peer)
                slot.present.clear()
                slot.absent_since = time.monotonic()
            case RelayedAnswer(sender=int(sender), sdp=sdp) if sender in self._slots:
                await self._apply_answer(self._slots[sender], sdp)
            case RelayedBye(sender=int(sender), reason=reason) if sender in self._slots:
                await self._site_left(self._slots[sender], reason or "left")
            case Error():
                log.warning("signaling error: %s", message.message)

    def _site_joined(self, site_id: int, *, rejoined: bool) -> None:
        slot = self._slot(site_id)
        slot.present.set()
        if slot.machine.state is PeerState.CONNECTED and not rejoined:
            # Its signaling came back while the media link lives on; the heartbeat watches it.
            return
        self._start_connecting(slot, "the site rejoined" if rejoined else "the site joined")

    def _start_connecting(self, slot: _SiteSlot, reason: str) -> None:
        state = slot.machine.state
        if state in (PeerState.CONNECTED, PeerState.RECONNECTING):
            target = PeerState.RECONNECTING
        else:
            target = PeerState.CONNECTING
        if state is not target:
            self._move(slot, target, reason)
        previous = slot.connect_task
        if previous is not None:
            previous.cancel()
        slot.connect_task = self._spawn(self._connect_with_backoff(slot, previous))

    async def _connect_with_backoff(
        self, slot: _SiteSlot, previous: asyncio.Task[None] | None
    ) -> None:
        if previous is not None:
            await asyncio.gather(previous, return_exceptions=True)
        failed_attempts = 0
        while True:
            # Offers to a site that is not in the room would only come back as errors.
            if not await self._returned(slot):
                await self._discard_link(slot)
                self._move(slot, PeerState.LEFT, "the connection was lost")
                return
            await asyncio.sleep(self._timings.retry_delay(failed_attempts))
            if await self._attempt(slot):
                return
            failed_attempts += 1
            if failed_attempts >= self._timings.attempts_before_failed:
                await self._discard_link(slot)
                self._move(slot, PeerState.FAILED, f"no connection after {failed_attempts} tries")
                return

    async def _returned(self, slot: _SiteSlot) -> bool:
        """Wait for the site's signaling; False if a site that was connected stays away for
        `absent_timeout` (a site yet to connect is waited for as long as it takes)."""
        if slot.present.is_set():
            return True
        if slot.machine.state is not PeerState.RECONNECTING:
            await slot.present.wait()
            return True
        away = time.monotonic() - slot.absent_since
        try:
            async with asyncio.timeout(max(0.0, self._timings.absent_timeout - away)):
                await slot.present.wait()
        except TimeoutError:
            return False
        return True

    async def _attempt(self, slot: _SiteSlot) -> bool:
        await self._discard_link(slot)
        slot.meter.reset()
        link = slot.link = PeerLink(self._ice_servers)
        opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        slot.connection_opened = opened
        pc = link.pc
        # Tracks before the data channel: under max-bundle, aiortc ties every m-line to the
        # transport of whatever came first, and a data channel first never connects.
        self._add_outgoing_tracks(slot, link)
        channel = link.channel = pc.createDataChannel(CONTROL_CHANNEL)

        def on_open() -> None:
            if not opened.done():
                opened.set_result(None)

        channel.on("open", on_open)
        channel.on("message", lambda message: self._on_control(slot, message))
        channel.on("close", lambda: self._link_broken(slot, link, "the control channel closed"))

        def on_connection_state() -> None:
            if pc.connectionState in ("failed", "closed"):
                self._link_broken(slot, link, f"the connection {pc.connectionState}")

        pc.on("connectionstatechange", on_connection_state)

        def on_first_frame(kind: str) -> None:
            seconds = time.monotonic() - link.created_at
            self._listeners.emit(FirstFrameReceived(slot.site_id, kind, seconds))

        def on_track(track: MediaStreamTrack) -> None:
            if track.kind == "video":
                link.consume(track, "video", VideoFrame, slot.video.publish, on_first_frame)
            else:
                link.consume(track, "audio", AudioFrame, slot.audio.publish, on_first_frame)

        pc.on("track", on_track)
        await pc.setLocalDescription(await pc.createOffer())
        if not await self._send_signaling(Offer(slot.site_id, pc.localDescription.sdp)):
            return False
        try:
            await asyncio.wait_for(opened, self._timings.attempt_timeout)
        except TimeoutError:
            log.info(
                "site %s: no connection within %ss", slot.site_id, self._timings.attempt_timeout
            )
            return False
        slot.last_pong_at = time.monotonic()
        self._move(slot, PeerState.CONNECTED, "the control channel is open")
        link.spawn(self._heartbeat(slot, link))
        self._send_quality(slot)
        if slot.audio_only:
            link.send_control(MediaRequest(video=False))
        if slot.standing is not None:
            link.send_control(slot.standing)
        for notice in slot.notices:
            link.send_control(notice)
        return True

    def _add_outgoing_tracks(self, slot: _SiteSlot, link: PeerLink) -> None:
        # The order is the contract with every site (the app and the browser page): the mixed
        # audio, then the official's video, then the floor site's video.
        site_id = slot.site_id

        def has_floor() -> bool:
            return site_id == self._floor_site_id

        def quality() -> VideoQuality:
            return self._quality.floor if has_floor() else self._quality.waiting

        def floor_video() -> VideoBroadcast | None:
            floor = self._floor_slot()
            return None if floor is None or floor is slot else floor.video

        def heard() -> list[AudioFanout]:
            # Mix-minus: the floor site hears the official, not itself.
            floor = self._floor_slot()
            if floor is None or floor is slot:
                return [self.official_audio]
            return [self.official_audio, floor.audio]

        def waiting() -> bool:
            return not has_floor()

        def paused() -> bool:
            return slot.audio_only

        link.add_track(MixedAudioTrack(heard))
        for name, source in (
            (OFFICIAL_VIDEO, lambda: self.official_video),
            (FLOOR_VIDEO, floor_video),
        ):
            own_frames = ForwardedVideoTrack(source, quality)
            link.add_video_track(
                SwitchingVideoTrack(own_frames, self._waiting_streams[name], waiting, paused)
            )

    def waiting_stream_subscribers(self) -> dict[str, int]:
        """How many sites get each stream from its one shared encoder (the waiting sites)."""
        return {name: stream.subscriber_count for name, stream in self._waiting_streams.items()}

    def _floor_video(self) -> VideoBroadcast | None:
        floor = self._floor_slot()
        return None if floor is None else floor.video

    def official_hears(self) -> AudioMix:
        """What the official's speakers play: the site that has the floor."""
        return floor_sound(self._floor_slot)

    def recording_tracks(self) -> tuple[MixedAudioTrack, ForwardedVideoTrack]:
        """What a recording keeps, at full quality (see `floor_recording`)."""
        return floor_recording(
            self.official_audio, self.official_video, self._floor_slot, lambda: self._quality.floor
        )

    def _floor_slot(self) -> _SiteSlot | None:
        return None if self._floor_site_id is None else self._slots.get(self._floor_site_id)

    async def _apply_answer(self, slot: _SiteSlot, sdp: str) -> None:
        link = slot.link
        # Only one offer is outstanding at a time; an answer at any other moment is stale.
        if link is None or link.pc.signalingState != "have-local-offer":
            log.info("site %s: ignoring an answer nobody waits for", slot.site_id)
            return
        await link.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))

    async def _heartbeat(self, slot: _SiteSlot, link: PeerLink) -> None:
        timings = self._timings
        # Check four times per interval so a dead link shows within a quarter interval of timeout.
        tick = timings.heartbeat_interval / 4
        sequence = 0
        next_ping_at = time.monotonic()
        while slot.link is link:
            now = time.monotonic()
            silent = now - link.last_heard(slot.last_pong_at)
            if silent > timings.heartbeat_timeout:
                self._link_broken(slot, link, f"no heartbeat or media for {silent:.1f} s")
                return
            if now >= next_ping_at:
                sequence += 1
                link.send_control(Heartbeat(sequence, now))
                next_ping_at = now + timings.heartbeat_interval
            await asyncio.sleep(tick)

    def _on_control(self, slot: _SiteSlot, raw: object) -> None:
        message = read_control(raw)
        if isinstance(message, HandRequest):
            # The link it came on says which site asks: never a field of the message.
            self._listeners.emit(HandRequested(slot.site_id, message.raised))
            return
        if not isinstance(message, HeartbeatEcho):
            return
        now = time.monotonic()
        slot.last_pong_at = now
        if message.sent <= now:
            slot.round_trip_seconds = now - message.sent

    def _link_broken(self, slot: _SiteSlot, link: PeerLink, reason: str) -> None:
        if self._closing or slot.link is not link or slot.machine.state is not PeerState.CONNECTED:
            return
        self._start_connecting(slot, reason)

    def _send_quality(self, slot: _SiteSlot) -> None:
        if slot.link is None or slot.machine.state is not PeerState.CONNECTED:
            return
        has_floor = slot.site_id == self._floor_site_id
        quality = self._quality.floor if has_floor else self._quality.waiting
        slot.link.send_control(
            QualityRequest(quality.width, quality.height, quality.fps, floor=has_floor)
        )

    async def _site_left(self, slot: _SiteSlot, reason: str) -> None:
        if slot.connect_task is not None:
            slot.connect_task.cancel()
            await asyncio.gather(slot.connect_task, return_exceptions=True)
            slot.connect_task = None
        await self._discard_link(slot)
        if slot.machine.can_move_to(PeerState.LEFT):
            self._move(slot, PeerState.LEFT, reason)

    async def _discard_link(self, slot: _SiteSlot) -> None:
        link, slot.link = slot.link, None
        if link is not None:
            await link.close()
