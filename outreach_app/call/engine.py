"""The call engine: the official's hub and a site, each link with an explicit state.

Pure asyncio; presenters turn the events into Qt signals. The hub keeps one RTCPeerConnection per
site and makes every offer; a site answers. Each connection carries the data channel
`CONTROL_CHANNEL` with the messages of `outreach_app.core.control_protocol`: the hub's
heartbeats and the site's echoes, and the hub's requests for a quality or for sound only.

aiortc has no ICE restart and its consent checks take ~30 s to notice a dead link, so the
heartbeat decides: no pong for `heartbeat_timeout` and the hub shows the site RECONNECTING and
rebuilds the peer connection, retrying with exponential backoff until the site answers again
(or FAILED after `attempts_before_failed`; a site that rejoins signaling is tried at once).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from typing import Any, Final, Protocol, TypeAlias

from aiortc import RTCPeerConnection, RTCRtpSender, RTCSessionDescription
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from outreach_app.call import loss_repair  # noqa: F401  (installs itself)
from outreach_app.call.forwarding import (
    AudioFanout,
    AudioMix,
    ForwardedVideoTrack,
    MixedAudioTrack,
    VideoBroadcast,
)
from outreach_app.call.ice import rtc_configuration
from outreach_app.call.media import VideoQuality
from outreach_app.call.shared_encoding import VP8_MIME_TYPE, SharedVideoEncoder, SwitchingVideoTrack
from outreach_app.call.signaling import SignalingChannel, SignalingClosed
from outreach_app.core.control_protocol import (
    CONTROL_CHANNEL,
    CONTROL_MESSAGES,
    ControlMessage,
    Heartbeat,
    HeartbeatEcho,
    MediaRequest,
    QualityRequest,
)
from outreach_app.core.message_codec import MessageError, to_json
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import (
    HOST,
    Answer,
    Bye,
    ClientMessage,
    Error,
    Floor,
    Joined,
    Offer,
    PeerJoined,
    PeerLeft,
    RelayedAnswer,
    RelayedBye,
    RelayedOffer,
    ServerMessage,
)

log = logging.getLogger(__name__)

OFFICIAL_VIDEO: Final = "official"
FLOOR_VIDEO: Final = "floor"


class PeerState(enum.Enum):
    INVITED = "invited"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    LEFT = "left"


_ALLOWED_TRANSITIONS: Final[dict[PeerState, frozenset[PeerState]]] = {
    PeerState.INVITED: frozenset({PeerState.CONNECTING, PeerState.LEFT}),
    PeerState.CONNECTING: frozenset(
        {PeerState.CONNECTED, PeerState.RECONNECTING, PeerState.FAILED, PeerState.LEFT}
    ),
    PeerState.CONNECTED: frozenset({PeerState.RECONNECTING, PeerState.LEFT}),
    PeerState.RECONNECTING: frozenset({PeerState.CONNECTED, PeerState.FAILED, PeerState.LEFT}),
    # A failed or departed site that joins signaling again starts over.
    PeerState.FAILED: frozenset({PeerState.CONNECTING, PeerState.LEFT}),
    PeerState.LEFT: frozenset({PeerState.CONNECTING}),
}


class InvalidTransition(RuntimeError):
    def __init__(self, current: PeerState, requested: PeerState) -> None:
        super().__init__(f"a link cannot go from {current.value} to {requested.value}")
        self.current = current
        self.requested = requested


class PeerStateMachine:
    """The state of one link; refuses moves that the table above does not allow."""

    def __init__(self, initial: PeerState = PeerState.INVITED) -> None:
        self._state = initial

    @property
    def state(self) -> PeerState:
        return self._state

    def can_move_to(self, state: PeerState) -> bool:
        return state in _ALLOWED_TRANSITIONS[self._state]

    def move_to(self, state: PeerState) -> PeerState:
        """Enter `state`; returns the previous state or raises InvalidTransition."""
        if not self.can_move_to(state):
            raise InvalidTransition(self._state, state)
        previous, self._state = self._state, state
        return previous


# Events: plain values delivered to listeners on the event loop's thread.


@dataclass(frozen=True)
class PeerStateChanged:
    """The link to `site_id` (on a site: its own link to the hub) changed state."""

    site_id: int
    previous: PeerState
    state: PeerState
    reason: str


@dataclass(frozen=True)
class FloorChanged:
    site_id: int | None


@dataclass(frozen=True)
class FirstFrameReceived:
    """The first decoded frame of a remote track on a new peer connection."""

    site_id: int
    kind: str
    seconds_since_offer: float


@dataclass(frozen=True)
class QualityApplied:
    """A site changed what it sends because the hub asked it to."""

    site_id: int
    quality: VideoQuality
    has_floor: bool


@dataclass(frozen=True)
class VideoSendingChanged:
    """A site stopped or started sending video because the hub asked it to (sound only)."""

    site_id: int
    sending: bool


EngineEvent: TypeAlias = (
    PeerStateChanged | FloorChanged | FirstFrameReceived | QualityApplied | VideoSendingChanged
)
EngineListener: TypeAlias = Callable[[EngineEvent], None]


FULL_QUALITY: Final = VideoQuality(640, 480, 30)
REDUCED_QUALITY: Final = VideoQuality(320, 240, 10)


@dataclass(frozen=True)
class QualityPolicy:
    """What the floor site and the waiting sites send."""

    floor: VideoQuality = FULL_QUALITY
    waiting: VideoQuality = REDUCED_QUALITY


@dataclass(frozen=True)
class LinkTimings:
    heartbeat_interval: float = 1.0
    heartbeat_timeout: float = 3.0
    first_retry_delay: float = 0.5
    max_retry_delay: float = 8.0
    # From offer to open control channel; aiortc on a LAN needs well under a second.
    attempt_timeout: float = 10.0
    attempts_before_failed: int = 8

    def retry_delay(self, failed_attempts: int) -> float:
        if failed_attempts <= 0:
            return 0.0
        return min(self.max_retry_delay, self.first_retry_delay * 2.0 ** (failed_attempts - 1))


@dataclass(frozen=True)
class TrackStatistics:
    """What arrived on one remote track of the current peer connection."""

    kind: str
    frames_received: int
    fps: float
    width: int | None
    height: int | None
    seconds_since_last_frame: float | None


@dataclass(frozen=True)
class LinkStatistics:
    """How one site's link is doing, for the official's thumbnails."""

    fps: float
    width: int | None
    height: int | None
    kilobits_per_second: float | None
    round_trip_ms: float | None
    loss_percent: float | None


class FrameCounter:
    """Counts the frames of one remote track and measures their rate over a sliding window."""

    def __init__(self, kind: str, window_seconds: float = 2.0) -> None:
        self.kind = kind
        self._window = window_seconds
        self._arrivals: deque[float] = deque()
        self.frames_received = 0
        self.width: int | None = None
        self.height: int | None = None
        self.last_frame_at: float | None = None

    def record(self, frame: Any, now: float) -> None:
        self.frames_received += 1
        self.last_frame_at = now
        if self.kind == "video":
            self.width, self.height = int(frame.width), int(frame.height)
        self._arrivals.append(now)
        while self._arrivals and self._arrivals[0] < now - self._window:
            self._arrivals.popleft()

    def snapshot(self, now: float) -> TrackStatistics:
        recent = [arrival for arrival in self._arrivals if arrival >= now - self._window]
        fps = 0.0
        if len(recent) >= 2 and recent[-1] > recent[0]:
            fps = (len(recent) - 1) / (recent[-1] - recent[0])
        return TrackStatistics(
            kind=self.kind,
            frames_received=self.frames_received,
            fps=fps,
            width=self.width,
            height=self.height,
            seconds_since_last_frame=None
            if self.last_frame_at is None
            else now - self.last_frame_at,
        )


class QualityAdjustable(Protocol):
    """A video source that can change what it sends (the synthetic pattern; later, cameras)."""

    def set_quality(self, width: int, height: int, fps: float) -> None: ...


class _Listeners:
    def __init__(self) -> None:
        self._listeners: list[EngineListener] = []

    def add(self, listener: EngineListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def emit(self, event: EngineEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                # A broken view must not take the call down with it.
                log.exception("call event listener failed on %r", event)


class _PeerLink:
    """One RTCPeerConnection with its control channel, frame counters and helper tasks."""

    def __init__(self, configuration_servers: tuple[IceServer, ...]) -> None:
        self.pc: Any = RTCPeerConnection(rtc_configuration(configuration_servers))
        self.channel: Any = None
        self.counters: dict[str, FrameCounter] = {}
        self.created_at = time.monotonic()
        self._tasks: set[asyncio.Task[None]] = set()
        self._outgoing_tracks: list[MediaStreamTrack] = []
        self._closed = False

    def spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def add_relayed_track(
        self, relay: MediaRelay, track: Any, sending: Callable[[], bool] | None = None
    ) -> None:
        # Each connection gets its own proxy: a rebuilt connection must not share recv() with
        # the one it replaces, and the proxy is stopped with the connection.
        proxy = relay.subscribe(track, buffered=False)
        if sending is None:
            self.add_track(proxy)
            return
        gate = _GatedVideoTrack(proxy, sending)
        gate.attach_sender(self.add_track(gate))

    def add_track(self, track: MediaStreamTrack) -> Any:
        """Send `track` on this connection; it is stopped when the connection closes."""
        self._outgoing_tracks.append(track)
        return self.pc.addTrack(track)

    def add_video_track(self, track: SwitchingVideoTrack) -> None:
        """Send forwarded video that may carry shared VP8 packets: VP8 is all it may offer."""
        sender = self.add_track(track)
        track.attach_sender(sender)
        vp8_only = [
            codec
            for codec in RTCRtpSender.getCapabilities("video").codecs
            if codec.mimeType == VP8_MIME_TYPE or codec.mimeType == "video/rtx"
        ]
        for transceiver in self.pc.getTransceivers():
            if transceiver.sender is sender:
                transceiver.setCodecPreferences(vp8_only)

    def consume(
        self,
        track: Any,
        name: str,
        on_frame: Callable[[Any], None],
        on_first_frame: Callable[[str], None],
    ) -> None:
        """Read `track` to the end, counting its frames under `name` and handing each on."""
        # aiortc queues received frames without limit until someone reads them.
        counter = FrameCounter(track.kind)
        self.counters[name] = counter

        async def read_frames() -> None:
            while True:
                try:
                    frame = await track.recv()
                except MediaStreamError:
                    return
                counter.record(frame, time.monotonic())
                on_frame(frame)
                if counter.frames_received == 1:
                    on_first_frame(name)

        self.spawn(read_frames())

    def last_heard(self, last_control_at: float) -> float:
        """When anything last came from the peer: a control message or a media frame.

        Media counts: on a lossy link the heartbeat rides a reliable channel whose
        retransmissions back off to seconds while sound and pictures still arrive, and a link
        that carries them is not lost."""
        return max(
            [last_control_at]
            + [c.last_frame_at for c in self.counters.values() if c.last_frame_at is not None]
        )

    def send_control(self, message: ControlMessage) -> bool:
        if self.channel is None or self.channel.readyState != "open":
            return False
        self.channel.send(to_json(message))
        return True

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for track in self._outgoing_tracks:
            track.stop()
        current = asyncio.current_task()
        pending = [task for task in self._tasks if task is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        # Shielded: a second close() waits on aiortc's own "closed" future, and cancelling that
        # waiter would cancel the future under the first close() (InvalidStateError there).
        await asyncio.shield(self.pc.close())


class _GatedVideoTrack(MediaStreamTrack):
    """A site's own video that can be held back (sound only), restarting on a keyframe."""

    kind = "video"

    def __init__(self, source: MediaStreamTrack, sending: Callable[[], bool]) -> None:
        super().__init__()
        self._source = source
        self._sending = sending
        self._held = False
        self._sender_keyframe: Callable[[], None] | None = None

    def attach_sender(self, sender: Any) -> None:
        self._sender_keyframe = sender._send_keyframe

    async def recv(self) -> Any:
        while True:
            frame = await self._source.recv()
            if not self._sending():
                self._held = True
                continue  # read and drop: the source must not queue frames meanwhile
            if self._held:
                self._held = False
                # The receiver's decoder lost track while nothing came: start afresh.
                if self._sender_keyframe is not None:
                    self._sender_keyframe()
            return frame

    def stop(self) -> None:
        self._source.stop()
        super().stop()


def _read_control(raw: object) -> ControlMessage | None:
    if not isinstance(raw, str):
        return None
    try:
        return CONTROL_MESSAGES.from_json(raw)
    except MessageError as error:
        log.warning("ignoring a control message: %s", error.message)
        return None


class _EngineBase:
    def __init__(
        self,
        signaling: SignalingChannel,
        timings: LinkTimings,
        ice_servers: Iterable[IceServer],
    ) -> None:
        self._signaling = signaling
        self._timings = timings
        self._ice_servers = tuple(ice_servers)
        self._listeners = _Listeners()
        self._relay = MediaRelay()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False

    def add_listener(self, listener: EngineListener) -> Callable[[], None]:
        """Call `listener` with every event; returns a function that removes it."""
        return self._listeners.add(listener)

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("call engine task failed", exc_info=task.exception())

    async def _signaling_loop(self) -> None:
        while True:
            try:
                message = await self._signaling.receive()
            except SignalingClosed:
                log.info("signaling closed")
                return
            try:
                await self._on_signaling(message)
            except Exception:
                # One bad message (a mangled SDP) must not end the session's signaling.
                log.exception("could not handle signaling message %r", message.TYPE)

    async def _on_signaling(self, message: ServerMessage) -> None:
        raise NotImplementedError

    async def _send_signaling(self, message: ClientMessage) -> bool:
        try:
            await self._signaling.send(message)
        except SignalingClosed:
            return False
        return True

    async def _close_tasks(self) -> None:
        current = asyncio.current_task()
        pending = [task for task in self._tasks if task is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


@dataclass
class _SiteSlot:
    """The hub's view of one site."""

    site_id: int
    machine: PeerStateMachine = field(default_factory=PeerStateMachine)
    link: _PeerLink | None = None
    # Kept across rebuilt connections, so that forwarding and mixing never lose their source.
    video: VideoBroadcast = field(default_factory=lambda: VideoBroadcast("site"))
    audio: AudioFanout = field(default_factory=lambda: AudioFanout("site"))
    present: asyncio.Event = field(default_factory=asyncio.Event)
    connect_task: asyncio.Task[None] | None = None
    connection_opened: asyncio.Future[None] | None = None
    last_pong_at: float = 0.0
    round_trip_seconds: float | None = None
    # (monotonic time, bytes received) at the last statistics reading, for the bit rate.
    last_bytes_reading: tuple[float, int] | None = None
    # (packets received, packets lost) at the last reading, for the loss since then.
    last_loss_reading: tuple[int, int] | None = None
    # The official chose sound only for this site (its link cannot carry video).
    audio_only: bool = False


class HubEngine(_EngineBase):
    """The official's side: one peer connection per site, the floor, heartbeats, rebuilds."""

    def __init__(
        self,
        signaling: SignalingChannel,
        *,
        invited_sites: Iterable[int] = (),
        quality: QualityPolicy | None = None,
        timings: LinkTimings | None = None,
        ice_servers: Iterable[IceServer] = (),
        official_video: Any = None,
        official_audio: Any = None,
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
            self._spawn(_pump(self._official_video, self.official_video.publish))
        if self._official_audio is not None:
            self._spawn(_pump(self._official_audio, self.official_audio.publish))
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
        report = await link.pc.getStats()
        received_bytes = 0
        packets_received = packets_lost = 0
        for entry in report.values():
            if entry.type == "transport":
                received_bytes += int(getattr(entry, "bytesReceived", 0) or 0)
            elif entry.type == "inbound-rtp":
                packets_received += int(getattr(entry, "packetsReceived", 0) or 0)
                packets_lost += max(0, int(getattr(entry, "packetsLost", 0) or 0))
        now = time.monotonic()
        kilobits: float | None = None
        previous, slot.last_bytes_reading = slot.last_bytes_reading, (now, received_bytes)
        if previous is not None and now > previous[0] and received_bytes >= previous[1]:
            kilobits = (received_bytes - previous[1]) * 8 / 1000 / (now - previous[0])
        # Loss since the last reading: what the link does now, not since the call began.
        previous_loss, slot.last_loss_reading = (
            slot.last_loss_reading,
            (
                packets_received,
                packets_lost,
            ),
        )
        if previous_loss is not None and packets_received >= previous_loss[0]:
            packets_received -= previous_loss[0]
            packets_lost = max(0, packets_lost - previous_loss[1])
        expected = packets_received + packets_lost
        video = link.counters.get("video")
        snapshot = video.snapshot(now) if video else None
        return LinkStatistics(
            fps=snapshot.fps if snapshot else 0.0,
            width=snapshot.width if snapshot else None,
            height=snapshot.height if snapshot else None,
            kilobits_per_second=kilobits,
            round_trip_ms=None
            if slot.round_trip_seconds is None
            else slot.round_trip_seconds * 1000,
            loss_percent=100 * packets_lost / expected if expected else None,
        )

    def site_video(self, site_id: int) -> VideoBroadcast | None:
        """The site's decoded video as it arrives (await `next_frame`), kept across rebuilds."""
        slot = self._slots.get(site_id)
        return None if slot is None else slot.video

    def latest_video_frame(self, site_id: int) -> Any:
        """The newest decoded frame from `site_id` (an av.VideoFrame), or None."""
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
                self._slot(peer).present.clear()
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
            await slot.present.wait()
            await asyncio.sleep(self._timings.retry_delay(failed_attempts))
            if await self._attempt(slot):
                return
            failed_attempts += 1
            if failed_attempts >= self._timings.attempts_before_failed:
                await self._discard_link(slot)
                self._move(slot, PeerState.FAILED, f"no connection after {failed_attempts} tries")
                return

    async def _attempt(self, slot: _SiteSlot) -> bool:
        await self._discard_link(slot)
        slot.last_bytes_reading = None
        slot.last_loss_reading = None
        link = slot.link = _PeerLink(self._ice_servers)
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

        def on_track(track: Any) -> None:
            publish = slot.video.publish if track.kind == "video" else slot.audio.publish
            link.consume(track, track.kind, publish, on_first_frame)

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
        return True

    def _add_outgoing_tracks(self, slot: _SiteSlot, link: _PeerLink) -> None:
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

        def heard() -> list[AudioFanout]:
            floor = self._floor_slot()
            return [floor.audio] if floor else []

        return AudioMix(heard)

    def recording_tracks(self) -> tuple[MixedAudioTrack, ForwardedVideoTrack]:
        """What a recording keeps: the official mixed with the floor site, and the floor
        site's video (the official's while nobody has the floor), at full quality."""

        def heard() -> list[AudioFanout]:
            floor = self._floor_slot()
            return [self.official_audio] + ([floor.audio] if floor else [])

        def seen() -> VideoBroadcast:
            floor = self._floor_slot()
            return self.official_video if floor is None else floor.video

        return MixedAudioTrack(heard), ForwardedVideoTrack(seen, lambda: self._quality.floor)

    def _floor_slot(self) -> _SiteSlot | None:
        return None if self._floor_site_id is None else self._slots.get(self._floor_site_id)

    async def _apply_answer(self, slot: _SiteSlot, sdp: str) -> None:
        link = slot.link
        # Only one offer is outstanding at a time; an answer at any other moment is stale.
        if link is None or link.pc.signalingState != "have-local-offer":
            log.info("site %s: ignoring an answer nobody waits for", slot.site_id)
            return
        await link.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))

    async def _heartbeat(self, slot: _SiteSlot, link: _PeerLink) -> None:
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
        message = _read_control(raw)
        if not isinstance(message, HeartbeatEcho):
            return
        now = time.monotonic()
        slot.last_pong_at = now
        if message.sent <= now:
            slot.round_trip_seconds = now - message.sent

    def _link_broken(self, slot: _SiteSlot, link: _PeerLink, reason: str) -> None:
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


async def _pump(track: Any, publish: Callable[[Any], None]) -> None:
    """Read a local source (camera, synthetic pattern) once for every connection that sends it."""
    while True:
        try:
            frame = await track.recv()
        except MediaStreamError:
            return
        publish(frame)


class SiteEngine(_EngineBase):
    """A site's side: answers the hub's offers, answers heartbeats, applies quality requests."""

    def __init__(
        self,
        signaling: SignalingChannel,
        site_id: int,
        *,
        video: Any = None,
        audio: Any = None,
        timings: LinkTimings | None = None,
        ice_servers: Iterable[IceServer] = (),
    ) -> None:
        super().__init__(signaling, timings or LinkTimings(), ice_servers)
        self.site_id = site_id
        self._video = video
        self._audio = audio
        self._machine = PeerStateMachine()
        self._link: _PeerLink | None = None
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
        link = self._link = _PeerLink(self._ice_servers)
        pc = link.pc

        def on_datachannel(channel: Any) -> None:
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
        videos_seen: list[Any] = []

        def on_track(track: Any) -> None:
            # Tracks arrive in the offer's order: the mix, the official, the floor site.
            if track.kind == "audio":
                link.consume(track, "audio", self.received_audio.publish, lambda name: None)
                return
            videos_seen.append(track)
            name = OFFICIAL_VIDEO if len(videos_seen) == 1 else FLOOR_VIDEO
            link.consume(track, name, self.received_video[name].publish, lambda name: None)

        pc.on("track", on_track)
        await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        if self._audio is not None:
            link.add_relayed_track(self._relay, self._audio)
        if self._video is not None:
            link.add_relayed_track(self._relay, self._video, lambda: self.sending_video)
        await pc.setLocalDescription(await pc.createAnswer())
        await self._send_signaling(Answer(HOST, pc.localDescription.sdp))

    async def _watch_heartbeat(self, link: _PeerLink) -> None:
        tick = self._timings.heartbeat_interval / 4
        while self._link is link:
            silent = time.monotonic() - link.last_heard(self._last_ping_at)
            if silent > self._timings.heartbeat_timeout:
                self._link_broken(link, f"no heartbeat or media for {silent:.1f} s")
                return
            await asyncio.sleep(tick)

    def _link_broken(self, link: _PeerLink, reason: str) -> None:
        # The hub makes every offer: the site shows the loss and waits for the hub's next one,
        # making sure its signaling is not stuck on the same dead network meanwhile.
        if self._closing or self._link is not link:
            return
        if self._machine.state is PeerState.CONNECTED:
            self._move(PeerState.RECONNECTING, reason)
            self._signaling.link_suspect()

    def _on_control(self, link: _PeerLink, raw: object) -> None:
        match _read_control(raw):
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
        adjustable: QualityAdjustable | None = (
            self._video if callable(getattr(self._video, "set_quality", None)) else None
        )
        if adjustable is not None:
            adjustable.set_quality(quality.width, quality.height, quality.fps)
        self._listeners.emit(QualityApplied(self.site_id, quality, self.has_floor))

    async def _discard_link(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            await link.close()


__all__ = [
    "FLOOR_VIDEO",
    "FULL_QUALITY",
    "OFFICIAL_VIDEO",
    "REDUCED_QUALITY",
    "EngineEvent",
    "EngineListener",
    "FirstFrameReceived",
    "FloorChanged",
    "FrameCounter",
    "HubEngine",
    "InvalidTransition",
    "LinkStatistics",
    "LinkTimings",
    "PeerState",
    "PeerStateChanged",
    "PeerStateMachine",
    "QualityAdjustable",
    "QualityApplied",
    "QualityPolicy",
    "SiteEngine",
    "TrackStatistics",
    "VideoSendingChanged",
]
