"""A site's side of a call: answers the hub's offers and heartbeats, applies its requests.

The hub makes every offer; a site shows a lost link and waits for the hub's next offer,
meanwhile making sure its signaling is not stuck on the same dead network.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from aiortc import RTCDataChannel, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import AudioFrame, VideoFrame

from outreach_app.call.engine_base import EngineBase
from outreach_app.call.events import PeerStateChanged, QualityApplied, VideoSendingChanged
from outreach_app.call.forwarding import AudioFanout, VideoBroadcast
from outreach_app.call.link_state import LinkTimings, PeerState, PeerStateMachine
from outreach_app.call.media import VideoQuality
from outreach_app.call.peer_link import (
    FLOOR_VIDEO,
    OFFICIAL_VIDEO,
    PeerLink,
    TrackStatistics,
    read_control,
)
from outreach_app.call.signaling import SignalingChannel
from outreach_app.core.control_protocol import (
    CONTROL_CHANNEL,
    Heartbeat,
    HeartbeatEcho,
    MediaRequest,
    QualityRequest,
)
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import (
    HOST,
    Answer,
    Bye,
    Error,
    RelayedBye,
    RelayedOffer,
    ServerMessage,
)

log = logging.getLogger(__name__)


@runtime_checkable
class QualityAdjustable(Protocol):
    """A video source that can change what it sends (the synthetic pattern; later, cameras)."""

    def set_quality(self, width: int, height: int, fps: float) -> None: ...


class SiteEngine(EngineBase):
    """A site's side: answers the hub's offers, answers heartbeats, applies quality requests."""

    def __init__(
        self,
        signaling: SignalingChannel,
        site_id: int,
        *,
        video: MediaStreamTrack | None = None,
        audio: MediaStreamTrack | None = None,
        timings: LinkTimings | None = None,
        ice_servers: Iterable[IceServer] = (),
    ) -> None:
        super().__init__(signaling, timings or LinkTimings(), ice_servers)
        self.site_id = site_id
        self._video = video
        self._audio = audio
        self._machine = PeerStateMachine()
        self._link: PeerLink | None = None
        self._last_ping_at = 0.0
        self.has_floor = False
        # False while the hub asked for sound only (the link is too poor for video).
        self.sending_video = True
        # What the hub sends, by name: the official's video and the floor site's video.
        self.received_video = {name: VideoBroadcast(name) for name in (OFFICIAL_VIDEO, FLOOR_VIDEO)}
        self.received_audio = AudioFanout("mix")

    @property
    def state(self) -> PeerState:
        return self._machine.state

    def received_video_statistics(self, name: str = OFFICIAL_VIDEO) -> TrackStatistics | None:
        """What arrives from the hub: OFFICIAL_VIDEO or FLOOR_VIDEO."""
        counter = self._link.counters.get(name) if self._link else None
        return counter.snapshot(time.monotonic()) if counter else None

    def received_audio_statistics(self) -> TrackStatistics | None:
        """What arrives from the hub as sound: the official mixed with the floor site."""
        counter = self._link.counters.get("audio") if self._link else None
        return counter.snapshot(time.monotonic()) if counter else None

    async def start(self) -> None:
        self._move(PeerState.CONNECTING, "joined the session")
        self._spawn(self._signaling_loop())

    async def close(self) -> None:
        """Leave the session: tell the hub, close the connection, stop every task."""
        if self._closing:
            return
        self._closing = True
        await self._send_signaling(Bye(HOST, "the site left"))
        await self._close_tasks()
        await self._discard_link()
        if self._machine.can_move_to(PeerState.LEFT):
            self._move(PeerState.LEFT, "the site left")
        await self._signaling.close()

    def _move(self, state: PeerState, reason: str) -> None:
        previous = self._machine.move_to(state)
        log.info("site %s: %s -> %s (%s)", self.site_id, previous.value, state.value, reason)
        self._listeners.emit(PeerStateChanged(self.site_id, previous, state, reason))

    async def _on_signaling(self, message: ServerMessage) -> None:
        match message:
            case RelayedOffer(sdp=sdp) if message.sender == HOST:
                await self._answer(sdp)
            case RelayedBye(reason=reason) if message.sender == HOST:
                await self._discard_link()
                if self._machine.can_move_to(PeerState.LEFT):
                    self._move(PeerState.LEFT, reason or "the hub ended the call")
            case Error():
                log.warning("signaling error: %s", message.message)

    async def _answer(self, sdp: str) -> None:
        if self._machine.state is PeerState.CONNECTED:
            self._move(PeerState.RECONNECTING, "the hub rebuilds the connection")
        elif self._machine.state in (PeerState.LEFT, PeerState.FAILED):
            self._move(PeerState.CONNECTING, "the hub calls again")
        await self._discard_link()
        link = self._link = PeerLink(self._ice_servers)
        pc = link.pc

        def on_datachannel(channel: RTCDataChannel) -> None:
            if channel.label != CONTROL_CHANNEL or self._link is not link:
                return
            link.channel = channel
            channel.on("message", lambda message: self._on_control(link, message))
            channel.on("close", lambda: self._link_broken(link, "the control channel closed"))
            self._last_ping_at = time.monotonic()
            self._move(PeerState.CONNECTED, "the control channel is open")
            link.spawn(self._watch_heartbeat(link))

        pc.on("datachannel", on_datachannel)

        def on_connection_state() -> None:
            if pc.connectionState in ("failed", "closed"):
                self._link_broken(link, f"the connection {pc.connectionState}")

        pc.on("connectionstatechange", on_connection_state)
        videos_seen: list[MediaStreamTrack] = []

        def on_track(track: MediaStreamTrack) -> None:
            # Tracks arrive in the offer's order: the mix, the official, the floor site.
            if track.kind == "audio":
                link.consume(
                    track, "audio", AudioFrame, self.received_audio.publish, lambda name: None
                )
                return
            videos_seen.append(track)
            name = OFFICIAL_VIDEO if len(videos_seen) == 1 else FLOOR_VIDEO
            link.consume(
                track, name, VideoFrame, self.received_video[name].publish, lambda name: None
            )

        pc.on("track", on_track)
        await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        if self._audio is not None:
            link.add_relayed_track(self._relay, self._audio)
        if self._video is not None:
            link.add_relayed_track(self._relay, self._video, lambda: self.sending_video)
        await pc.setLocalDescription(await pc.createAnswer())
        await self._send_signaling(Answer(HOST, pc.localDescription.sdp))

    async def _watch_heartbeat(self, link: PeerLink) -> None:
        tick = self._timings.heartbeat_interval / 4
        while self._link is link:
            silent = time.monotonic() - link.last_heard(self._last_ping_at)
            if silent > self._timings.heartbeat_timeout:
                self._link_broken(link, f"no heartbeat or media for {silent:.1f} s")
                return
            await asyncio.sleep(tick)

    def _link_broken(self, link: PeerLink, reason: str) -> None:
        # The hub makes every offer: the site shows the loss and waits for the hub's next one,
        # making sure its signaling is not stuck on the same dead network meanwhile.
        if self._closing or self._link is not link:
            return
        if self._machine.state is PeerState.CONNECTED:
            self._move(PeerState.RECONNECTING, reason)
            self._signaling.link_suspect()

    def _on_control(self, link: PeerLink, raw: object) -> None:
        match read_control(raw):
            case Heartbeat(seq=seq, sent=sent):
                self._last_ping_at = time.monotonic()
                link.send_control(HeartbeatEcho(seq, sent))
            case QualityRequest() as request:
                self._apply_quality(request)
            case MediaRequest(video=video):
                self._apply_media(video)

    def _apply_media(self, send_video: bool) -> None:
        if self.sending_video != send_video:
            self.sending_video = send_video
            self._listeners.emit(VideoSendingChanged(self.site_id, send_video))

    def _apply_quality(self, request: QualityRequest) -> None:
        try:
            quality = VideoQuality(request.width, request.height, request.fps)
        except ValueError:
            log.warning("ignoring an invalid quality request %r", request)
            return
        self.has_floor = request.floor
        video = self._video
        # None first: mypy does not narrow an optional track to the protocol by itself.
        if video is not None and isinstance(video, QualityAdjustable):
            video.set_quality(quality.width, quality.height, quality.fps)
        self._listeners.emit(QualityApplied(self.site_id, quality, self.has_floor))

    async def _discard_link(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            await link.close()
