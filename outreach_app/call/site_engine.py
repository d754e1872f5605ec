"""A site's side of a call: answers the hub's offers and heartbeats, applies its requests.

On the hub the hub makes every offer; a site shows a lost link and waits for the hub's next
offer, meanwhile making sure its signaling is not stuck on the same dead network. On the media
server (the session's ``engine`` is Janus) the site publishes its own media and subscribes to
the official and to the site that has the floor (`media_server_link`); the official's requests
arrive as control messages through the signaling server. While it has the floor, a site also
sends a reduced copy of its video for the waiting sites (aiortc cannot send simulcast layers).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from typing import Final, Protocol, runtime_checkable

from aiortc import RTCDataChannel, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import AudioFrame, VideoFrame

from outreach_app.call.engine_base import EngineBase
from outreach_app.call.events import (
    MediaServerChanged,
    NoticeReceived,
    PeerStateChanged,
    QualityApplied,
    StandingReceived,
    VideoSendingChanged,
)
from outreach_app.call.forwarding import AudioFanout, AudioMix, ReducedCopyTrack, VideoBroadcast
from outreach_app.call.link_state import LinkTimings, PeerState, PeerStateMachine
from outreach_app.call.media import VideoQuality
from outreach_app.call.media_server_link import MediaServerLink
from outreach_app.call.official_engine import REDUCED_QUALITY
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
    HOST,
    JANUS,
    Answer,
    Bye,
    Control,
    EngineState,
    Error,
    Joined,
    RelayedBye,
    RelayedControl,
    RelayedFloor,
    RelayedOffer,
    ServerMessage,
    VideoChoice,
)

log = logging.getLogger(__name__)

# Subscription names on the media server.
OFFICIAL_SUBSCRIPTION: Final = "official"
FLOOR_SUBSCRIPTION: Final = "floor"
_WATCH_SECONDS: Final = 0.25


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
        self.floor_site_id: int | None = None
        # Where the official last said this site stands (None: not told yet).
        self.standing: Standing | None = None
        # The official's notices, each once, oldest first.
        self.notices: list[Notice] = []
        # False while the hub asked for sound only (the link is too poor for video).
        self.sending_video = True
        # What the hub sends, by name: the official's video and the floor site's video.
        self.received_video = {name: VideoBroadcast(name) for name in (OFFICIAL_VIDEO, FLOOR_VIDEO)}
        # On the hub: the official mixed with the floor site. On the media server: the official
        # (the floor site's sound is `floor_audio`).
        self.received_audio = AudioFanout("mix")
        self.floor_audio = AudioFanout("floor")
        # The copy of our video for the waiting sites while we have the floor (media server).
        self._reduced_quality = REDUCED_QUALITY
        self.media_server: MediaServerLink | None = None
        self.media_server_ready = False

    @property
    def state(self) -> PeerState:
        return self._machine.state

    @property
    def on_media_server(self) -> bool:
        return self.media_server is not None

    def received_video_statistics(self, name: str = OFFICIAL_VIDEO) -> TrackStatistics | None:
        """What arrives of OFFICIAL_VIDEO or FLOOR_VIDEO."""
        if self.media_server is not None:
            subscription = OFFICIAL_SUBSCRIPTION if name == OFFICIAL_VIDEO else FLOOR_SUBSCRIPTION
            return self._subscription_statistics(subscription, "video")
        counter = self._link.counters.get(name) if self._link else None
        return counter.snapshot(time.monotonic()) if counter else None

    def received_audio_statistics(self) -> TrackStatistics | None:
        """What arrives as sound: the official mixed with the floor site (on the media server,
        the official's)."""
        if self.media_server is not None:
            return self._subscription_statistics(OFFICIAL_SUBSCRIPTION, "audio")
        counter = self._link.counters.get("audio") if self._link else None
        return counter.snapshot(time.monotonic()) if counter else None

    def _subscription_statistics(self, subscription: str, kind: str) -> TrackStatistics | None:
        assert self.media_server is not None
        link = self.media_server.subscription(subscription)
        counter = link.counters.get(kind) if link else None
        return counter.snapshot(time.monotonic()) if counter else None

    def heard(self) -> AudioMix:
        """What the site's speakers play: the official and the floor site."""
        return AudioMix(lambda: [self.received_audio, self.floor_audio])

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
        await self._leave_media_server()
        if self._machine.can_move_to(PeerState.LEFT):
            self._move(PeerState.LEFT, "the site left")
        await self._signaling.close()

    def _move(self, state: PeerState, reason: str) -> None:
        previous = self._machine.move_to(state)
        log.info("site %s: %s -> %s (%s)", self.site_id, previous.value, state.value, reason)
        self._listeners.emit(PeerStateChanged(self.site_id, previous, state, reason))

    async def _on_signaling(self, message: ServerMessage) -> None:
        match message:
            case Joined(engine=engine, floor=floor):
                self.floor_site_id = floor
                if engine == JANUS:
                    self._use_media_server()
            case EngineState(engine=engine):
                if engine == JANUS:
                    self._use_media_server()
                else:
                    await self._leave_media_server()
            case RelayedFloor(site_id=site_id):
                self.floor_site_id = site_id
                if self.media_server is not None:
                    self.has_floor = site_id == self.site_id
                    self._want_media()
            case RelayedOffer(sdp=sdp) if message.sender == HOST:
                await self._answer(sdp)
            case RelayedControl(message=text) if message.sender == HOST:
                self._on_control_message(read_control(text), self._reply_by_signaling)
            case RelayedBye(reason=reason) if message.sender == HOST:
                await self._discard_link()
                await self._leave_media_server()
                if self._machine.can_move_to(PeerState.LEFT):
                    self._move(PeerState.LEFT, reason or "the hub ended the call")
            case Error():
                log.warning("signaling error: %s", message.message)
        if self.media_server is not None:
            await self.media_server.handle(message)

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
        self._on_control_message(read_control(raw), link.send_control)

    def _on_control_message(
        self, message: ControlMessage | None, reply: Callable[[ControlMessage], object]
    ) -> None:
        match message:
            case Heartbeat(seq=seq, sent=sent):
                self._last_ping_at = time.monotonic()
                reply(HeartbeatEcho(seq, sent))
            case QualityRequest() as request:
                self._apply_quality(request)
            case MediaRequest(video=video):
                self._apply_media(video)
            case ReducedCopyRequest(width=width, height=height, fps=fps):
                try:
                    self._reduced_quality = VideoQuality(width, height, fps)
                except ValueError:
                    log.warning("ignoring an invalid reduced copy request %r", message)
            case Standing() as standing:
                self.standing = standing
                self._listeners.emit(StandingReceived(standing))
            case Notice() as notice if all(seen.id != notice.id for seen in self.notices):
                self.notices.append(notice)
                self._listeners.emit(NoticeReceived(notice))

    def raise_hand(self, raised: bool) -> bool:
        """Ask the official for the floor (or take the request back); False while no link
        carries it. The official's next standing says whether the hand is up."""
        if self.media_server is not None:
            self._reply_by_signaling(HandRequest(raised))
            return True
        link = self._link
        return link is not None and link.send_control(HandRequest(raised))

    def _reply_by_signaling(self, message: ControlMessage) -> None:
        async def send() -> None:
            await self._send_signaling(Control(HOST, to_json(message)))

        self._spawn(send())

    def _apply_media(self, send_video: bool) -> None:
        if self.sending_video != send_video:
            self.sending_video = send_video
            self._listeners.emit(VideoSendingChanged(self.site_id, send_video))
            self._want_media()

    def _apply_quality(self, request: QualityRequest) -> None:
        try:
            quality = VideoQuality(request.width, request.height, request.fps)
        except ValueError:
            log.warning("ignoring an invalid quality request %r", request)
            return
        self.has_floor = request.floor
        self._want_media()
        video = self._video
        # None first: mypy does not narrow an optional track to the protocol by itself.
        if video is not None and isinstance(video, QualityAdjustable):
            video.set_quality(quality.width, quality.height, quality.fps)
        self._listeners.emit(QualityApplied(self.site_id, quality, self.has_floor))

    async def _discard_link(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            await link.close()

    # ------------------------------------------------------------------ on the media server
    def _use_media_server(self) -> None:
        if self.media_server is not None or self._closing:
            return
        # Whatever the hub held is of no use now.
        self._spawn(self._discard_link())
        self.media_server = MediaServerLink(
            self._send_signaling,
            add_tracks=self._add_media_server_tracks,
            consume=self._consume_media_server,
            ice_servers=self._ice_servers,
            timings=self._timings,
        )
        self.has_floor = self.floor_site_id == self.site_id
        self._want_media()
        self.media_server.start()
        self._spawn(self._watch_media_server(self.media_server))

    async def _leave_media_server(self) -> None:
        link, self.media_server = self.media_server, None
        if link is not None:
            await link.close()

    def _want_media(self) -> None:
        link = self.media_server
        if link is None:
            return
        video: VideoChoice = "full" if self.has_floor else "reduced"
        link.want(OFFICIAL_SUBSCRIPTION, HOST, video if self.sending_video else "none", True)
        floor = self.floor_site_id
        if floor is None or floor == self.site_id:
            link.drop(FLOOR_SUBSCRIPTION)
        else:
            link.want(FLOOR_SUBSCRIPTION, floor, "reduced" if self.sending_video else "none", True)

    def _add_media_server_tracks(self, link: PeerLink) -> None:
        # Sound, our video, then the reduced copy: the order the server reads them in.
        if self._audio is not None:
            link.add_relayed_track(self._relay, self._audio)
        if self._video is not None:
            link.add_relayed_track(self._relay, self._video, lambda: self.sending_video)
            copy = ReducedCopyTrack(
                self._relay.subscribe(self._video, buffered=False),
                lambda: self.has_floor and self.sending_video,
                lambda: self._reduced_quality,
            )
            link.add_track(copy)

    def _consume_media_server(
        self, subscription: str, link: PeerLink, track: MediaStreamTrack
    ) -> None:
        official = subscription == OFFICIAL_SUBSCRIPTION
        if track.kind == "audio":
            fanout = self.received_audio if official else self.floor_audio
            link.consume(track, "audio", AudioFrame, fanout.publish, lambda name: None)
        else:
            video = self.received_video[OFFICIAL_VIDEO if official else FLOOR_VIDEO]
            link.consume(track, "video", VideoFrame, video.publish, lambda name: None)

    async def _watch_media_server(self, link: MediaServerLink) -> None:
        """Connected while our media reaches the media server and the official's arrives."""
        timeout = self._timings.heartbeat_timeout
        while self.media_server is link:
            await asyncio.sleep(_WATCH_SECONDS)
            if link.ready != self.media_server_ready:
                self.media_server_ready = link.ready
                self._listeners.emit(MediaServerChanged(link.ready, link.ready_reason))
            heard = link.last_media_at(OFFICIAL_SUBSCRIPTION)
            silent = time.monotonic() - heard if heard is not None else None
            official_expected = link.is_published(HOST)
            state = self._machine.state
            if not link.ready:
                problem: str | None = link.ready_reason or "the media server is away"
            elif not link.publishing:
                problem = "our media does not reach the media server"
            elif official_expected and (silent is None or silent > timeout):
                problem = "nothing arrives from the official"
            else:
                problem = None
            if problem is None:
                if state in (PeerState.CONNECTING, PeerState.RECONNECTING):
                    self._move(PeerState.CONNECTED, "on the media server")
                continue
            if state is PeerState.CONNECTED:
                self._move(PeerState.RECONNECTING, problem)
                if link.ready and silent is not None and silent > timeout:
                    # Silence from the official while the room is there: our network.
                    link.restart(problem)
                    self._signaling.link_suspect()
