"""One encoder per forwarded stream and quality, its packets sent to every site that gets it.

aiortc's senders encode once per peer connection: with six sites the hub would run an encoder
for the official and one for the floor site per waiting site, all producing the same 320x240
pictures. A `SharedVideoEncoder` encodes such a stream once (VP8, as the hub's offer allows
nothing else for forwarded video) and every waiting site's `SwitchingVideoTrack` hands the
same `Packet`s to its sender, which only packetizes them. The site with the floor gets its
stream at full quality from its own sender's encoder as before, and a site moves between the
two when the floor moves.

Inter frames depend on what came before them, so a site starts on a keyframe: it asks for one
when it subscribes and drops packets until one arrives. A receiver's picture loss indication
(PLI) goes to whichever encoder currently serves it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Final

import av
from aiortc import RTCRtpSender
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import Packet, VideoFrame

from outreach_app.call.forwarding import ForwardedVideoTrack, VideoBroadcast
from outreach_app.call.media import VIDEO_TIME_BASE, VideoQuality

log = logging.getLogger(__name__)

VP8_MIME_TYPE: Final = "video/VP8"
# Reduced video is small: this is plenty for 320x240 and what aiortc would start at anyway.
SHARED_BITRATE: Final = 300_000
# A subscriber this many packets behind has stalled; it restarts from the next keyframe.
MAX_QUEUED_PACKETS: Final = 30
# Many receivers may ask for keyframes at once (a lossy link asks often); one per interval
# serves them all without turning the stream into keyframes only.
MIN_KEYFRAME_INTERVAL: Final = 0.3
# A keyframe at least this often anyway, so a receiver whose PLI got lost recovers by itself.
MAX_KEYFRAME_INTERVAL: Final = 5.0
# How long a switching track waits for a packet before it looks at the floor again.
_RESELECT_SECONDS: Final = 0.25


class EncodedPackets:
    """One subscriber's queue of a shared encoder's packets, starting at a keyframe."""

    def __init__(self) -> None:
        self._packets: deque[Packet[Any]] = deque()
        self._arrived = asyncio.Event()
        self.waiting_for_keyframe = True

    def push(self, packet: Packet[Any]) -> bool:
        """Queue `packet`; False when this subscriber fell behind and needs a keyframe."""
        if self.waiting_for_keyframe:
            if not packet.is_keyframe:
                return True
            self.waiting_for_keyframe = False
        if len(self._packets) >= MAX_QUEUED_PACKETS:
            self.restart_at_keyframe()
            return False
        self._packets.append(packet)
        self._arrived.set()
        return True

    def restart_at_keyframe(self) -> None:
        self._packets.clear()
        self.waiting_for_keyframe = True

    async def next_packet(self, timeout: float) -> Packet[Any] | None:
        if not self._packets:
            self._arrived.clear()
            try:
                async with asyncio.timeout(timeout):
                    await self._arrived.wait()
            except TimeoutError:
                return None
        return self._packets.popleft() if self._packets else None


class SharedVideoEncoder:
    """Encodes one selected source at one quality once, for any number of subscribers."""

    def __init__(
        self,
        select_source: Callable[[], VideoBroadcast | None],
        quality: VideoQuality,
        *,
        bitrate: int = SHARED_BITRATE,
    ) -> None:
        self.quality = quality
        self._select_source = select_source
        self._bitrate = bitrate
        self._subscribers: list[EncodedPackets] = []
        self._codec: Any = None
        self._keyframe_wanted = True
        self._last_keyframe_at = -MAX_KEYFRAME_INTERVAL
        self._task: asyncio.Task[None] | None = None
        self._reader: ForwardedVideoTrack | None = None
        self.frames_encoded = 0

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    def subscribe(self) -> EncodedPackets:
        subscriber = EncodedPackets()
        self._subscribers.append(subscriber)
        self.request_keyframe()
        if self._task is None or self._task.done():
            self._reader = ForwardedVideoTrack(self._select_source, lambda: self.quality)
            self._task = asyncio.get_running_loop().create_task(self._encode_while_wanted())
        return subscriber

    def unsubscribe(self, subscriber: EncodedPackets) -> None:
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)
        if not self._subscribers:
            self._stop_reading()

    def request_keyframe(self) -> None:
        self._keyframe_wanted = True

    def close(self) -> None:
        self._subscribers.clear()
        self._stop_reading()

    def _stop_reading(self) -> None:
        if self._reader is not None:
            self._reader.stop()
            self._reader = None
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _encode_while_wanted(self) -> None:
        loop = asyncio.get_running_loop()
        reader = self._reader
        while self._subscribers and reader is not None and reader is self._reader:
            try:
                frame = await reader.recv()
            except MediaStreamError:
                return
            now = time.monotonic()
            since_keyframe = now - self._last_keyframe_at
            keyframe = since_keyframe >= MAX_KEYFRAME_INTERVAL or (
                self._keyframe_wanted and since_keyframe >= MIN_KEYFRAME_INTERVAL
            )
            if keyframe:
                self._keyframe_wanted = False
                self._last_keyframe_at = now
            try:
                packets = await loop.run_in_executor(None, self._encode, frame, keyframe)
            except (av.FFmpegError, ValueError):
                log.exception(
                    "shared %sx%s encoder failed", self.quality.width, self.quality.height
                )
                self._codec = None
                continue
            self.frames_encoded += 1
            for packet in packets:
                for subscriber in list(self._subscribers):
                    if not subscriber.push(packet):
                        self.request_keyframe()

    def _encode(self, frame: VideoFrame, keyframe: bool) -> list[Packet[Any]]:
        if frame.format.name != "yuv420p":
            frame = frame.reformat(format="yuv420p")
        codec = self._codec
        if codec is None or (codec.width, codec.height) != (frame.width, frame.height):
            # A new size needs a new encoder, whose first picture is a keyframe anyway.
            codec = self._codec = _vp8_encoder(frame.width, frame.height, self._bitrate)
        elif keyframe:
            frame.pict_type = av.video.frame.PictureType.I
        packets: list[Packet[Any]] = list(codec.encode(frame))
        for packet in packets:
            packet.pts = frame.pts
            packet.time_base = VIDEO_TIME_BASE
        return packets


def _vp8_encoder(width: int, height: int, bitrate: int) -> Any:
    codec = av.CodecContext.create("libvpx", "w")
    codec.width = width
    codec.height = height
    codec.pix_fmt = "yuv420p"
    codec.time_base = VIDEO_TIME_BASE
    codec.bit_rate = bitrate
    codec.gop_size = 3000  # keyframes come when asked for (and every MAX_KEYFRAME_INTERVAL)
    codec.qmin = 2
    codec.qmax = 56
    # Real-time, constant bit rate, no look-ahead: what a video call needs from libvpx.
    codec.options = {
        "deadline": "realtime",
        "cpu-used": "-6",
        "lag-in-frames": "0",
        "bufsize": str(bitrate),
        "minrate": str(bitrate),
        "maxrate": str(bitrate),
        "undershoot-pct": "100",
        "overshoot-pct": "15",
        "static-thresh": "1",
        "partitions": "0",
    }
    codec.thread_count = 1
    return codec


class SwitchingVideoTrack(MediaStreamTrack):
    """One site's copy of a forwarded stream: its own frames while the site has the floor
    (its sender encodes them at full quality), the shared encoder's packets while it waits."""

    kind = "video"

    def __init__(
        self,
        own_frames: ForwardedVideoTrack,
        shared: SharedVideoEncoder,
        use_shared: Callable[[], bool],
        paused: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self._own_frames = own_frames
        self._shared = shared
        self._use_shared = use_shared
        self._paused = paused
        self._packets: EncodedPackets | None = None
        self._sender_keyframe: Callable[[], None] | None = None
        self._last_pts = -1
        self._own_frames_need_keyframe = False

    def attach_sender(self, sender: RTCRtpSender) -> None:
        """Route the receiver's keyframe requests to whichever encoder serves it now.

        aiortc answers a PLI by calling its sender's `_send_keyframe`, which only reaches the
        sender's own encoder; packets from the shared one need the request too.
        """
        self._sender_keyframe = sender._send_keyframe
        sender._send_keyframe = self._keyframe_requested  # type: ignore[method-assign]

    def _keyframe_requested(self) -> None:
        if self._packets is not None:
            self._shared.request_keyframe()
        elif self._sender_keyframe is not None:
            self._sender_keyframe()

    async def recv(self) -> VideoFrame | Packet[Any]:
        while True:
            picture = await self._next_picture()
            # Both encoders read the same broadcasts: right after a switch one may offer the
            # picture the other just sent. Two pictures under one RTP timestamp would be
            # merged by the receiver into one that does not decode, so each goes once.
            # Every picture here is on the shared 90 kHz clock: frames are the reader's own
            # copies (forwarding.reader_copy), read before an encoder rebases them.
            if picture.pts is not None and picture.pts <= self._last_pts:
                if isinstance(picture, Packet) and self._packets is not None:
                    # Later inter frames build on the dropped one: wait for a new keyframe.
                    self._packets.restart_at_keyframe()
                    self._shared.request_keyframe()
                continue
            self._last_pts = picture.pts if picture.pts is not None else self._last_pts
            return picture

    async def _next_picture(self) -> VideoFrame | Packet[Any]:
        while True:
            if self.readyState != "live":
                raise MediaStreamError
            if self._paused():
                # Sound only for this site: send nothing, and start on a keyframe afterwards.
                self._leave_shared()
                self._own_frames_need_keyframe = True
                await asyncio.sleep(_RESELECT_SECONDS)
                continue
            if self._use_shared():
                if self._packets is None:
                    self._packets = self._shared.subscribe()
                packet = await self._packets.next_packet(_RESELECT_SECONDS)
                if packet is not None:
                    return packet
                continue
            if self._packets is not None or self._own_frames_need_keyframe:
                self._leave_shared()
                self._own_frames_need_keyframe = False
                # The sender's own encoder still holds pictures from before: start afresh.
                if self._sender_keyframe is not None:
                    self._sender_keyframe()
            return await self._own_frames.recv()

    def _leave_shared(self) -> None:
        if self._packets is not None:
            self._shared.unsubscribe(self._packets)
            self._packets = None

    def stop(self) -> None:
        self._leave_shared()
        self._own_frames.stop()
        super().stop()
