"""One peer connection between the hub and a site: its tracks, its control channel, what arrives.

The hub's offer carries, in this order (the contract with every site, the app and the browser
page): the mixed audio, the official's video (`OFFICIAL_VIDEO`), the floor site's video
(`FLOOR_VIDEO`), then the data channel `CONTROL_CHANNEL` with the messages of
`outreach_app.core.control_protocol`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from aiortc import RTCDataChannel, RTCPeerConnection, RTCRtpSender
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame, Packet, VideoFrame
from av.frame import Frame

from outreach_app.call import loss_repair  # noqa: F401  (installs itself)
from outreach_app.call.ice import rtc_configuration
from outreach_app.call.shared_encoding import VP8_MIME_TYPE, SwitchingVideoTrack
from outreach_app.core.control_protocol import CONTROL_MESSAGES, ControlMessage
from outreach_app.core.message_codec import MessageError, to_json
from outreach_app.core.settings_rules import IceServer

log = logging.getLogger(__name__)

OFFICIAL_VIDEO: Final = "official"
FLOOR_VIDEO: Final = "floor"

# A decoded frame of one kind: what a remote track or a local source hands on.
FrameT = TypeVar("FrameT", VideoFrame, AudioFrame)


@dataclass(frozen=True)
class TrackStatistics:
    """What arrived on one remote track of the current peer connection."""

    kind: str
    frames_received: int
    fps: float
    width: int | None
    height: int | None
    seconds_since_last_frame: float | None


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

    def record(self, frame: VideoFrame | AudioFrame, now: float) -> None:
        self.frames_received += 1
        self.last_frame_at = now
        if isinstance(frame, VideoFrame):
            self.width, self.height = frame.width, frame.height
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


async def read_frames(
    track: MediaStreamTrack, frame_type: type[FrameT], deliver: Callable[[FrameT], None]
) -> None:
    """Hand every frame of `track` to `deliver` until the track ends.

    aiortc queues received frames without limit until someone reads them: every remote track
    is read to its end. Anything not a frame of `frame_type` is skipped."""
    while True:
        try:
            frame = await track.recv()
        except MediaStreamError:
            return
        if isinstance(frame, frame_type):
            deliver(frame)


def read_control(raw: object) -> ControlMessage | None:
    """The control message in one data-channel message; None (logged) for anything else."""
    if not isinstance(raw, str):
        return None
    try:
        return CONTROL_MESSAGES.from_json(raw)
    except MessageError as error:
        log.warning("ignoring a control message: %s", error.message)
        return None


class PeerLink:
    """One RTCPeerConnection with its control channel, frame counters and helper tasks."""

    def __init__(self, configuration_servers: tuple[IceServer, ...]) -> None:
        self.pc = RTCPeerConnection(rtc_configuration(configuration_servers))
        self.channel: RTCDataChannel | None = None
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
        self,
        relay: MediaRelay,
        track: MediaStreamTrack,
        sending: Callable[[], bool] | None = None,
    ) -> None:
        # Each connection gets its own proxy: a rebuilt connection must not share recv() with
        # the one it replaces, and the proxy is stopped with the connection.
        proxy = relay.subscribe(track, buffered=False)
        if sending is None:
            self.add_track(proxy)
            return
        gate = GatedVideoTrack(proxy, sending)
        gate.attach_sender(self.add_track(gate))

    def add_track(self, track: MediaStreamTrack) -> RTCRtpSender:
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
        track: MediaStreamTrack,
        name: str,
        frame_type: type[FrameT],
        on_frame: Callable[[FrameT], None],
        on_first_frame: Callable[[str], None],
    ) -> None:
        """Read `track` to the end, counting its frames under `name` and handing each on."""
        counter = FrameCounter(track.kind)
        self.counters[name] = counter

        def arrived(frame: FrameT) -> None:
            counter.record(frame, time.monotonic())
            on_frame(frame)
            if counter.frames_received == 1:
                on_first_frame(name)

        self.spawn(read_frames(track, frame_type, arrived))

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


class GatedVideoTrack(MediaStreamTrack):
    """A site's own video that can be held back (sound only), restarting on a keyframe."""

    kind = "video"

    def __init__(self, source: MediaStreamTrack, sending: Callable[[], bool]) -> None:
        super().__init__()
        self._source = source
        self._sending = sending
        self._held = False
        self._sender_keyframe: Callable[[], None] | None = None

    def attach_sender(self, sender: RTCRtpSender) -> None:
        self._sender_keyframe = sender._send_keyframe

    async def recv(self) -> Frame | Packet[Any]:
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
