"""Recording a session: the mixed audio and the floor video to an MP4 file.

aiortc's MediaRecorder encodes on the event loop's thread, which in the app is the GUI thread;
H.264 at 640x480 takes longer per frame than the GUI may stall. Here the event loop only reads
frames and queues them; one thread encodes and writes. A full queue drops video frames (never
audio): the recording may stutter on an overloaded machine, the call does not.
"""

from __future__ import annotations

import asyncio
import fractions
import logging
import queue
import threading
import time
from pathlib import Path
from typing import Any, Final

import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from outreach_app.call.media import VideoQuality

log = logging.getLogger(__name__)

_QUEUE_FRAMES: Final = 90
_STOP: Final = object()


class SessionRecorder:
    """Writes `audio` and `video` tracks to `path` until stopped."""

    def __init__(
        self, path: Path, audio: MediaStreamTrack, video: MediaStreamTrack, quality: VideoQuality
    ) -> None:
        self.path = path
        self._tracks = (audio, video)
        self._quality = quality
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=_QUEUE_FRAMES)
        self._readers: list[asyncio.Task[None]] = []
        self._writer: threading.Thread | None = None
        self.error: str | None = None
        self.frames_written = 0
        self.video_frames_dropped = 0
        self.started_at: float | None = None
        self._started_monotonic = 0.0

    @property
    def recording(self) -> bool:
        return self._writer is not None and self._writer.is_alive()

    def start(self) -> None:
        """Open the file (OSError if it cannot be created) and start recording."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        container = av.open(str(self.path), mode="w", format="mp4")
        try:
            video = container.add_stream("libx264", rate=int(self._quality.fps))
            video.width, video.height = self._quality.width, self._quality.height
            video.pix_fmt = "yuv420p"
            # Fast enough for a 2-core machine that is also encoding a call.
            video.options = {"preset": "veryfast", "tune": "zerolatency", "crf": "26"}
            audio = container.add_stream("aac", rate=48000)
        except Exception:
            container.close()
            raise
        self.started_at = time.time()
        self._started_monotonic = time.monotonic()
        self._writer = threading.Thread(
            target=self._write, args=(container, audio, video), name="recording", daemon=True
        )
        self._writer.start()
        loop = asyncio.get_running_loop()
        self._readers = [loop.create_task(self._read(track)) for track in self._tracks]

    async def _read(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            item = (track.kind, frame, time.monotonic())
            try:
                self._queue.put_nowait(item)
            except queue.Full:
                if track.kind == "video":
                    self.video_frames_dropped += 1
                    continue
                # Audio is small and must stay continuous: wait for the writer off the loop.
                await asyncio.to_thread(self._queue.put, item)

    def _write(self, container: Any, audio: Any, video: Any) -> None:
        width, height = self._quality.width, self._quality.height
        rate = int(self._quality.fps)
        time_base = fractions.Fraction(1, rate)
        audio_samples = 0
        last_pts = -1
        # Time zero of the file is the moment recording started (`started_at`).
        first_arrival = self._started_monotonic
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                kind, frame, arrived = item
                if kind == "video":
                    if (frame.width, frame.height) != (width, height):
                        frame = frame.reformat(width=width, height=height, format="yuv420p")
                    # Timestamps from arrival, not from a frame count: dropped frames leave a
                    # gap instead of shifting everything after them, so note times stay right.
                    last_pts = max(last_pts + 1, round((arrived - first_arrival) * rate))
                    frame.pts = last_pts
                    frame.time_base = time_base
                    packets = video.encode(frame)
                else:
                    frame.pts = audio_samples
                    audio_samples += frame.samples
                    packets = audio.encode(frame)
                container.mux(packets)
                self.frames_written += 1
            container.mux(video.encode(None))
            container.mux(audio.encode(None))
        except Exception as error:
            log.exception("recording to %s failed", self.path)
            self.error = str(error)
        finally:
            container.close()

    async def stop(self) -> None:
        """Stop reading, finish the file and wait for it to be closed."""
        for task in self._readers:
            task.cancel()
        await asyncio.gather(*self._readers, return_exceptions=True)
        for track in self._tracks:
            track.stop()
        writer, self._writer = self._writer, None
        if writer is None:
            return
        await asyncio.to_thread(self._queue.put, _STOP)
        await asyncio.to_thread(writer.join)
