"""What the hub sends on: one decoded video fanned out to many sites, and audio mixed per site.

The hub receives every site's media and the official's own, and each site gets the official and
the floor site (DESIGN.md, Calls). aiortc encodes once per peer connection, so every site needs
its own outgoing track; these tracks pull from shared sources instead of decoding anything twice:

- `VideoBroadcast` holds the newest frame of one source and wakes the tracks waiting for it.
  Frames are stamped on arrival from one clock shared by every broadcast, so a forwarded track
  keeps rising timestamps when the floor moves from one source to another, and no track ever
  changes a frame that another track may be encoding at the same time.
- `ForwardedVideoTrack` sends the frames of whichever broadcast its selector names (the floor
  changes it), scaled down and thinned out to the quality the receiving site should get.
- `AudioFanout` resamples one audio source once and copies it into a small buffer per listener;
  `MixedAudioTrack` sums the buffers it selects into one 20 ms frame, paced by the clock.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Final, Protocol

import numpy as np
import numpy.typing as npt
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame, AudioResampler, VideoFrame

from outreach_app.call.media import (
    AUDIO_SAMPLE_RATE,
    VIDEO_CLOCK_RATE,
    VIDEO_TIME_BASE,
    PacedAudioTrack,
    VideoQuality,
)

SAMPLES_PER_FRAME: Final = PacedAudioTrack.samples_per_frame  # 20 ms
# A listener's buffer keeps at most this much audio: more means the mix lags behind the talk.
MAX_BUFFERED_SAMPLES: Final = AUDIO_SAMPLE_RATE // 5
# How long a forwarded track waits for a selected source before it looks at the selection again
# (the floor may have moved while its last source went quiet).
_RESELECT_SECONDS: Final = 0.25
_EPOCH: Final = time.monotonic()

Int16Samples = npt.NDArray[np.int16]


def shared_clock_pts(now: float | None = None) -> int:
    """A video timestamp (90 kHz) on the clock every broadcast shares."""
    return int(((time.monotonic() if now is None else now) - _EPOCH) * VIDEO_CLOCK_RATE)


class VideoBroadcast:
    """The newest frame of one video source, for any number of readers."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.sequence = 0
        self.latest: VideoFrame | None = None
        self._arrived = asyncio.Event()
        self.closed = False

    def publish(self, frame: VideoFrame) -> None:
        frame.pts = shared_clock_pts()
        frame.time_base = VIDEO_TIME_BASE
        self.sequence += 1
        self.latest = frame
        # Wake every waiter of this frame; later waiters wait on a fresh event.
        arrived, self._arrived = self._arrived, asyncio.Event()
        arrived.set()

    def close(self) -> None:
        self.closed = True
        self._arrived.set()

    async def next_frame(self, after: int, timeout: float) -> tuple[int, VideoFrame] | None:
        """The first frame newer than sequence `after`, or None after `timeout` seconds."""
        if self.sequence > after and self.latest is not None:
            return self.sequence, self.latest
        try:
            async with asyncio.timeout(timeout):
                while self.sequence <= after or self.latest is None:
                    if self.closed:
                        return None
                    await self._arrived.wait()
        except TimeoutError:
            return None
        return self.sequence, self.latest


def reader_copy(frame: VideoFrame, quality: VideoQuality) -> VideoFrame:
    """A copy of `frame` no larger than `quality` (aspect kept) that the reader owns.

    Readers hand their frames to encoders, and PyAV's encoder rewrites a frame's
    timestamp into its own time base in place (the recorder sets its own on purpose): a
    frame object shared between readers would change under the others' feet.
    """
    width, height = _fit(frame.width, frame.height, quality.width, quality.height)
    if (width, height) != (frame.width, frame.height):
        # Scaling makes a new frame, timestamp included.
        return frame.reformat(width=width, height=height)
    try:
        copy = VideoFrame.from_numpy_buffer(frame.to_ndarray(), format=frame.format.name)
    except ValueError:
        # A format numpy cannot carry: converting to what the encoders want copies too.
        return frame.reformat(format="yuv420p")
    copy.pts = frame.pts
    copy.time_base = frame.time_base
    return copy


def _fit(width: int, height: int, max_width: int, max_height: int) -> tuple[int, int]:
    if width <= max_width and height <= max_height:
        return width, height
    ratio = min(max_width / width, max_height / height)
    # Encoders want even sizes (4:2:0 chroma is half the size in both directions).
    return max(2, int(width * ratio) // 2 * 2), max(2, int(height * ratio) // 2 * 2)


class ForwardedVideoTrack(MediaStreamTrack):
    """One site's copy of a video source chosen at each frame, at the site's quality."""

    kind = "video"

    def __init__(
        self,
        select_source: Callable[[], VideoBroadcast | None],
        select_quality: Callable[[], VideoQuality],
    ) -> None:
        super().__init__()
        self._select_source = select_source
        self._select_quality = select_quality
        self._source: VideoBroadcast | None = None
        self._after = 0
        self._last_sent_at = -1.0
        self.frames_sent = 0

    async def recv(self) -> VideoFrame:
        while True:
            if self.readyState != "live":
                raise MediaStreamError
            source = self._select_source()
            if source is not self._source:
                self._source = source
                # From a new source, the newest frame it has is the right first one.
                self._after = 0 if source is None else max(0, source.sequence - 1)
            if source is None:
                await asyncio.sleep(_RESELECT_SECONDS)
                continue
            arrival = await source.next_frame(self._after, _RESELECT_SECONDS)
            if arrival is None:
                if source.closed:
                    # The source is gone for good (the hub is closing): so is this track.
                    # Looping on would spin without ever yielding to the event loop.
                    raise MediaStreamError
                continue
            self._after, frame = arrival
            quality = self._select_quality()
            now = time.monotonic()
            # Thin out to the site's frame rate; a little slack keeps 30 fps sources at 30.
            if now - self._last_sent_at < 0.9 / quality.fps:
                continue
            self._last_sent_at = now
            self.frames_sent += 1
            return reader_copy(frame, quality)


class ReducedCopyTrack(MediaStreamTrack):
    """A small copy of a video source, sent only while `active()` says so (a site with the
    floor, for the waiting sites, where the sender cannot send simulcast layers). Frames are
    read all the time, and dropped while inactive, so that the source never queues them."""

    kind = "video"

    def __init__(
        self,
        source: MediaStreamTrack,
        active: Callable[[], bool],
        quality: Callable[[], VideoQuality],
    ) -> None:
        super().__init__()
        self._source = source
        self._active = active
        self._quality = quality
        self._last_sent_at = -1.0

    async def recv(self) -> VideoFrame:
        while True:
            frame = await self._source.recv()
            if not isinstance(frame, VideoFrame) or not self._active():
                continue
            quality = self._quality()
            now = time.monotonic()
            if now - self._last_sent_at < 0.9 / quality.fps:
                continue
            self._last_sent_at = now
            copy = reader_copy(frame, quality)
            # The source's frame also goes to another encoder, which rebases its timestamp
            # in place: the copy keeps time by the shared clock instead.
            copy.pts = shared_clock_pts(now)
            copy.time_base = VIDEO_TIME_BASE
            return copy

    def stop(self) -> None:
        self._source.stop()
        super().stop()


class AudioListener:
    """One listener's buffer of a source's samples (48 kHz mono, 16 bit)."""

    def __init__(self) -> None:
        self._chunks: deque[Int16Samples] = deque()
        self._buffered = 0

    @property
    def buffered_samples(self) -> int:
        return self._buffered

    def push(self, samples: Int16Samples) -> None:
        self._chunks.append(samples)
        self._buffered += len(samples)
        while self._buffered > MAX_BUFFERED_SAMPLES and self._chunks:
            dropped = self._chunks.popleft()
            self._buffered -= len(dropped)

    def take(self, count: int) -> Int16Samples:
        """`count` samples, padded with silence when the source has not sent enough."""
        out = np.zeros(count, dtype=np.int16)
        filled = 0
        while filled < count and self._chunks:
            chunk = self._chunks[0]
            used = min(count - filled, len(chunk))
            out[filled : filled + used] = chunk[:used]
            filled += used
            if used == len(chunk):
                self._chunks.popleft()
            else:
                self._chunks[0] = chunk[used:]
        self._buffered -= filled
        return out


class AudioFanout:
    """One audio source, resampled once, copied to every listener."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._resampler = AudioResampler(format="s16", layout="mono", rate=AUDIO_SAMPLE_RATE)
        self._listeners: list[AudioListener] = []

    def listen(self) -> AudioListener:
        listener = AudioListener()
        self._listeners.append(listener)
        return listener

    def forget(self, listener: AudioListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def listener_count(self) -> int:
        return len(self._listeners)

    def publish(self, frame: AudioFrame) -> None:
        if not self._listeners:
            return
        for resampled in self._resampler.resample(frame):
            samples = resampled.to_ndarray().reshape(-1).astype(np.int16, copy=False)
            for listener in self._listeners:
                listener.push(samples)


class AudioMix:
    """The sum of whichever sources a selector names at each read (the floor moves)."""

    def __init__(self, select_sources: Callable[[], Sequence[AudioFanout]]) -> None:
        self._select_sources = select_sources
        self._listening: dict[int, tuple[AudioFanout, AudioListener]] = {}
        # Listen from now on: sound that arrives before the first read is kept.
        self._listeners()

    @property
    def buffered_samples(self) -> int:
        return max((listener.buffered_samples for listener in self._listeners()), default=0)

    def take(self, count: int) -> Int16Samples:
        mix = np.zeros(count, dtype=np.int32)
        for listener in self._listeners():
            mix += listener.take(count)
        return np.clip(mix, -32768, 32767).astype(np.int16)

    def close(self) -> None:
        for fanout, listener in self._listening.values():
            fanout.forget(listener)
        self._listening.clear()

    def _listeners(self) -> list[AudioListener]:
        selected = {id(fanout): fanout for fanout in self._select_sources()}
        for key in [key for key in self._listening if key not in selected]:
            fanout, listener = self._listening.pop(key)
            fanout.forget(listener)
        for key, fanout in selected.items():
            if key not in self._listening:
                self._listening[key] = (fanout, fanout.listen())
        return [listener for _, listener in self._listening.values()]


class MixedAudioTrack(PacedAudioTrack):
    """The sum of the selected sources, 20 ms at a time, paced by the clock."""

    def __init__(self, select_sources: Callable[[], Sequence[AudioFanout]]) -> None:
        super().__init__()
        self._mix = AudioMix(select_sources)

    def next_samples(self, count: int) -> Int16Samples:
        return self._mix.take(count)

    def stop(self) -> None:
        self._mix.close()
        super().stop()


class SiteMedia(Protocol):
    """A site's media as an official's engine keeps it, whichever carries the call."""

    audio: AudioFanout
    video: VideoBroadcast


def floor_sound(floor: Callable[[], SiteMedia | None]) -> AudioMix:
    """What the official's speakers play: the site that has the floor."""

    def heard() -> list[AudioFanout]:
        site = floor()
        return [site.audio] if site else []

    return AudioMix(heard)


def floor_recording(
    official_audio: AudioFanout,
    official_video: VideoBroadcast,
    floor: Callable[[], SiteMedia | None],
    quality: Callable[[], VideoQuality],
) -> tuple[MixedAudioTrack, ForwardedVideoTrack]:
    """What a recording keeps: the official mixed with the floor site, and the floor site's
    video (the official's while nobody has the floor), at `quality`."""

    def heard() -> list[AudioFanout]:
        site = floor()
        return [official_audio] + ([site.audio] if site else [])

    def seen() -> VideoBroadcast:
        site = floor()
        return official_video if site is None else site.video

    return MixedAudioTrack(heard), ForwardedVideoTrack(seen, quality)
