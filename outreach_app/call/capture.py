"""Camera and microphone tracks fed from outside the engine, with echo cancellation.

The engine never opens devices: the UI opens the camera and microphone the user picked (Qt
Multimedia) and pushes what they deliver into these tracks, and pushes what it plays to the
speakers as the echo canceller's reference. aiortc has no echo cancellation; without it a
site on loudspeakers hears itself back from the official's microphone. Browsers cancel echo
themselves, so only the desktop path needs this.
"""

from __future__ import annotations

import asyncio
from typing import Final, Protocol

import numpy as np
import numpy.typing as npt
from aiortc.mediastreams import MediaStreamError
from av import VideoFrame

from outreach_app.call.forwarding import (
    AudioListener,
    ForwardedVideoTrack,
    VideoBroadcast,
    shared_clock_pts,
)
from outreach_app.call.media import (
    AUDIO_SAMPLE_RATE,
    VIDEO_TIME_BASE,
    PacedAudioTrack,
    VideoQuality,
)

CHUNK_SAMPLES: Final = AUDIO_SAMPLE_RATE // 100  # the echo canceller works on 10 ms
_CAMERA_OFF_INTERVAL: Final = 0.5
Int16Samples = npt.NDArray[np.int16]


class CameraTrack(ForwardedVideoTrack):
    """Frames pushed from a camera, sent at the quality the hub asks for (newest frame wins)."""

    def __init__(self, quality: VideoQuality) -> None:
        self.source = VideoBroadcast("camera")
        self._quality = quality
        self.enabled = True
        super().__init__(lambda: self.source, lambda: self._quality)

    @property
    def quality(self) -> VideoQuality:
        return self._quality

    def set_quality(self, width: int, height: int, fps: float) -> None:
        self._quality = VideoQuality(width, height, fps)

    def push(self, frame: VideoFrame) -> None:
        """A frame from the camera; called on the event loop's thread."""
        self.source.publish(frame)

    async def recv(self) -> VideoFrame:
        if self.enabled:
            return await super().recv()
        # Camera off: a dark picture twice a second, so the others see "off", not a frozen face.
        await asyncio.sleep(_CAMERA_OFF_INTERVAL)
        if self.readyState != "live":
            raise MediaStreamError
        frame = VideoFrame(self._quality.width // 2 * 2, self._quality.height // 2 * 2, "yuv420p")
        for plane, value in zip(frame.planes, (16, 128, 128), strict=True):
            plane.update(bytes([value]) * plane.buffer_size)
        frame.pts = shared_clock_pts()
        frame.time_base = VIDEO_TIME_BASE
        return frame

    def push_rgb(self, pixels: npt.NDArray[np.uint8]) -> None:
        """A height x width x 3 RGB picture from the camera."""
        self.push(VideoFrame.from_ndarray(np.ascontiguousarray(pixels), format="rgb24"))


class EchoProcessor(Protocol):
    def process(self, near: Int16Samples, far: Int16Samples | None = None) -> object: ...


def create_echo_canceller() -> EchoProcessor:
    """WebRTC's audio processing: echo cancellation, noise suppression, high-pass filter."""
    import pywebrtc_audio

    processor: EchoProcessor = pywebrtc_audio.AudioProcessor(
        sample_rate=AUDIO_SAMPLE_RATE,
        num_channels=1,
        echo_cancellation=True,
        noise_suppression=True,
        high_pass_filter=True,
    )
    return processor


class MicrophoneTrack(PacedAudioTrack):
    """48 kHz mono from a microphone, echo cancelled against what the speakers play."""

    def __init__(self, echo_canceller: EchoProcessor | None = None) -> None:
        super().__init__()
        self._near = AudioListener()
        self._far = AudioListener()
        self._echo_canceller = echo_canceller
        self.muted = False

    def push(self, samples: Int16Samples) -> None:
        """What the microphone recorded (any length); called on the event loop's thread."""
        self._near.push(np.asarray(samples, dtype=np.int16).reshape(-1))

    def played(self, samples: Int16Samples) -> None:
        """What the speakers are playing now: the echo to remove from the microphone."""
        if self._echo_canceller is not None:
            self._far.push(np.asarray(samples, dtype=np.int16).reshape(-1))

    def drain(self) -> Int16Samples:
        """Everything recorded and not yet sent (for a level meter that sends nothing)."""
        return self._near.take(self._near.buffered_samples)

    def clean(self, near: Int16Samples) -> Int16Samples:
        """`near` (a whole number of 10 ms chunks) with the speakers' echo taken out."""
        if self._echo_canceller is None:
            return near
        cleaned = np.empty_like(near)
        for start in range(0, len(near), CHUNK_SAMPLES):
            chunk = near[start : start + CHUNK_SAMPLES]
            far = self._far.take(len(chunk))
            result = self._echo_canceller.process(chunk, far)
            cleaned[start : start + CHUNK_SAMPLES] = np.asarray(result, dtype=np.int16).reshape(-1)
        return cleaned

    def next_samples(self, count: int) -> Int16Samples:
        samples = self.clean(self._near.take(count))
        return np.zeros(count, dtype=np.int16) if self.muted else samples
