"""Synthetic media sources: a moving test pattern with a label and a clock, and a sine tone.

Used by the demo, the tests and the pre-call check, so that a call can run without a camera or
microphone. Frames are drawn straight into yuv420p planes with numpy: the static parts (colour
bars, label) are drawn once per size and copied, and only the moving block and the clock are
drawn per frame, so a 640x480 frame costs well under a millisecond.
"""

from __future__ import annotations

import asyncio
import fractions
import itertools
import math
import time
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame

VIDEO_CLOCK_RATE: Final = 90_000
VIDEO_TIME_BASE: Final = fractions.Fraction(1, VIDEO_CLOCK_RATE)
AUDIO_SAMPLE_RATE: Final = 48_000
AUDIO_FRAME_SECONDS: Final = 0.020
AUDIO_TIME_BASE: Final = fractions.Fraction(1, AUDIO_SAMPLE_RATE)

_Plane = npt.NDArray[np.uint8]

# 75% colour bars (white, yellow, cyan, green, magenta, red, blue) as BT.601 (Y, U, V).
_BAR_COLOURS: Final = (
    (180, 128, 128),
    (162, 44, 142),
    (131, 156, 44),
    (112, 72, 58),
    (84, 184, 198),
    (65, 100, 212),
    (35, 212, 114),
)
_BLACK: Final = (16, 128, 128)
_WHITE: Final = (235, 128, 128)

# A 5x7 font: each glyph is seven rows of five pixels, "#" set. Only what labels and the clock
# need; anything else is drawn as the box `_UNKNOWN`.
_GLYPH_ROWS: Final[dict[str, tuple[str, ...]]] = {
    "0": (".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "B": ("####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
    "C": (".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
    "D": ("####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "#....", "####.", "#....", "#....", "#####"),
    "F": ("#####", "#....", "#....", "####.", "#....", "#....", "#...."),
    "G": (".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
    "H": ("#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": (".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "J": ("..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
    "K": ("#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#....", "#....", "#####"),
    "M": ("#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
    "N": ("#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
    "O": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "Q": (".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
    "R": ("####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
    "S": (".####", "#....", "#....", ".###.", "....#", "....#", "####."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "V": ("#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
    "X": ("#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
    "Y": ("#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
    "Z": ("#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
    " ": (".....",) * 7,
    ":": (".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."),
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    ".": (".....", ".....", ".....", ".....", ".....", ".##..", ".##.."),
    "/": ("....#", "....#", "...#.", "..#..", ".#...", "#....", "#...."),
}
_UNKNOWN: Final = ("#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####")
_GLYPH_WIDTH: Final = 5
_GLYPH_HEIGHT: Final = 7


def _glyph(character: str) -> npt.NDArray[np.bool_]:
    rows = _GLYPH_ROWS.get(character.upper(), _UNKNOWN)
    return np.array([[pixel == "#" for pixel in row] for row in rows], dtype=np.bool_)


def text_mask(text: str, scale: int) -> npt.NDArray[np.bool_]:
    """The pixels of `text` in the built-in 5x7 font, each font pixel `scale` x `scale`.

    Letters are shown in upper case; characters the font lacks (CJK among them) show as a box,
    so a label for the pattern should be Latin (a site's pinyin name or "SITE 3").
    """
    if not text:
        return np.zeros((_GLYPH_HEIGHT * scale, 0), dtype=np.bool_)
    spaced = [
        np.pad(_glyph(character), ((0, 0), (0, 1))) for character in text
    ]  # one empty column between characters
    line = np.concatenate(spaced, axis=1)[:, :-1]
    return np.kron(line, np.ones((scale, scale), dtype=np.bool_)).astype(np.bool_)


@dataclass(frozen=True)
class VideoQuality:
    """A resolution and frame rate that a video source is asked to send."""

    width: int
    height: int
    fps: float

    def __post_init__(self) -> None:
        # yuv420p halves both dimensions for its colour planes: odd sizes cannot be encoded.
        if self.width < 16 or self.height < 16 or self.width % 2 or self.height % 2:
            raise ValueError(f"video size must be even and at least 16x16, not {self.describe()}")
        if not 0 < self.fps <= 120:
            raise ValueError(f"frame rate must be above 0 and at most 120, not {self.fps}")

    def describe(self) -> str:
        return f"{self.width}x{self.height}@{self.fps:g}"


class _PatternCanvas:
    """The drawing of one frame size: static background drawn once, moving parts per frame."""

    def __init__(self, label: str, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self._background = np.empty(width * height * 3 // 2, dtype=np.uint8)
        y, u, v = self._planes(self._background)
        self._bars_bottom = height * 2 // 3
        bar_edges = np.linspace(0, width, len(_BAR_COLOURS) + 1).astype(int)
        for (left, right), colour in zip(itertools.pairwise(bar_edges), _BAR_COLOURS, strict=True):
            self._fill(y, u, v, 0, self._bars_bottom, int(left), int(right), colour)
        self._fill(y, u, v, self._bars_bottom, height, 0, width, _BLACK)
        self._label_scale = max(1, height // 80)
        self._clock_scale = max(2, height // 40)
        label_mask = text_mask(label, self._label_scale)
        label_mask = label_mask[:, : width - 2 * self._label_scale]
        top = self._bars_bottom + self._label_scale
        if top + label_mask.shape[0] <= height:
            self._paint_mask(y, label_mask, top, self._label_scale, _WHITE[0])
        self._clock_top = max(0, self._bars_bottom - _GLYPH_HEIGHT * self._clock_scale) // 2
        self._block_size = max(4, height // 8) & ~1
        self._clock_cache: tuple[str, npt.NDArray[np.bool_]] = ("", text_mask("", 1))

    def _planes(self, buffer: _Plane) -> tuple[_Plane, _Plane, _Plane]:
        luma = self.width * self.height
        return (
            buffer[:luma].reshape(self.height, self.width),
            buffer[luma : luma * 5 // 4].reshape(self.height // 2, self.width // 2),
            buffer[luma * 5 // 4 :].reshape(self.height // 2, self.width // 2),
        )

    @staticmethod
    def _fill(
        y: _Plane,
        u: _Plane,
        v: _Plane,
        top: int,
        bottom: int,
        left: int,
        right: int,
        colour: tuple[int, int, int],
    ) -> None:
        y[top:bottom, left:right] = colour[0]
        u[top // 2 : bottom // 2, left // 2 : right // 2] = colour[1]
        v[top // 2 : bottom // 2, left // 2 : right // 2] = colour[2]

    @staticmethod
    def _paint_mask(y: _Plane, mask: npt.NDArray[np.bool_], top: int, left: int, luma: int) -> None:
        height = min(mask.shape[0], y.shape[0] - top)
        width = min(mask.shape[1], y.shape[1] - left)
        if height <= 0 or width <= 0:
            return
        region = y[top : top + height, left : left + width]
        region[mask[:height, :width]] = luma

    def draw(self, seconds: float, clock_text: str) -> VideoFrame:
        buffer = self._background.copy()
        y, u, v = self._planes(buffer)
        # The block crosses the bars once every 4 s whatever the frame rate, so a receiver sees
        # smooth motion at 30 fps and visible jumps at 5.
        travel = self.width - self._block_size
        position = int(travel * (0.5 - 0.5 * math.cos(seconds * math.pi / 2))) & ~1
        block_top = (self._bars_bottom - self._block_size) & ~1
        self._fill(
            y,
            u,
            v,
            block_top,
            block_top + self._block_size,
            position,
            position + self._block_size,
            _WHITE,
        )
        if self._clock_cache[0] != clock_text:
            self._clock_cache = (clock_text, text_mask(clock_text, self._clock_scale))
        clock_mask = self._clock_cache[1]
        left = max(0, (self.width - clock_mask.shape[1]) // 2)
        self._paint_mask(y, clock_mask, self._clock_top, left, _BLACK[0])
        return VideoFrame.from_ndarray(
            buffer.reshape(self.height * 3 // 2, self.width), format="yuv420p"
        )


class SyntheticVideoTrack(MediaStreamTrack):
    """A moving test pattern with a label (the site's name) and a wall clock.

    `set_quality` changes size and frame rate while the track runs; the next frame has them.
    Timestamps follow the wall clock, so a rate change never makes them jump back.
    """

    kind = "video"

    def __init__(self, label: str, quality: VideoQuality | None = None) -> None:
        super().__init__()
        self.label = label
        self._quality = quality or VideoQuality(320, 240, 15)
        self._canvas = _PatternCanvas(label, self._quality.width, self._quality.height)
        self._started_at: float | None = None
        self._next_frame_at = 0.0
        self.frames_sent = 0

    @property
    def quality(self) -> VideoQuality:
        return self._quality

    def set_quality(self, width: int, height: int, fps: float) -> None:
        quality = VideoQuality(width, height, fps)
        if quality == self._quality:
            return
        self._quality = quality
        if (width, height) != (self._canvas.width, self._canvas.height):
            self._canvas = _PatternCanvas(self.label, width, height)

    async def recv(self) -> VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        now = time.monotonic()
        if self._started_at is None:
            self._started_at = now
            self._next_frame_at = now
        elif self._next_frame_at > now:
            await asyncio.sleep(self._next_frame_at - now)
            now = time.monotonic()
        interval = 1.0 / self._quality.fps
        # After a stall (a slow encoder, a busy machine) start afresh instead of sending a burst.
        self._next_frame_at = max(self._next_frame_at + interval, now)
        seconds = now - self._started_at
        frame = self._canvas.draw(seconds, time.strftime("%H:%M:%S"))
        frame.pts = int(seconds * VIDEO_CLOCK_RATE)
        frame.time_base = VIDEO_TIME_BASE
        self.frames_sent += 1
        return frame


class PacedAudioTrack(MediaStreamTrack):
    """48 kHz mono in 20 ms frames, paced by the clock; subclasses say what the samples are."""

    kind = "audio"
    samples_per_frame = int(AUDIO_SAMPLE_RATE * AUDIO_FRAME_SECONDS)

    def __init__(self) -> None:
        super().__init__()
        self._started_at: float | None = None
        self._samples_sent = 0

    def next_samples(self, count: int) -> npt.NDArray[np.int16]:
        """The next `count` samples to send."""
        raise NotImplementedError

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if self._started_at is None:
            self._started_at = time.monotonic()
        else:
            due = self._started_at + self._samples_sent / AUDIO_SAMPLE_RATE
            await asyncio.sleep(max(0.0, due - time.monotonic()))
        samples = self.next_samples(self.samples_per_frame)
        frame = AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = AUDIO_SAMPLE_RATE
        frame.pts = self._samples_sent
        frame.time_base = AUDIO_TIME_BASE
        self._samples_sent += self.samples_per_frame
        return frame


class ToneAudioTrack(PacedAudioTrack):
    """A continuous sine tone."""

    def __init__(self, frequency: float = 440.0, level: float = 0.2) -> None:
        super().__init__()
        if not 0 < frequency < AUDIO_SAMPLE_RATE / 2:
            raise ValueError(f"the tone must be below {AUDIO_SAMPLE_RATE // 2} Hz")
        if not 0 <= level <= 1:
            raise ValueError("the level is a fraction of full scale, between 0 and 1")
        self._angular_step = 2 * math.pi * frequency / AUDIO_SAMPLE_RATE
        self._amplitude = level * 32767
        self._sample_offsets = np.arange(self.samples_per_frame, dtype=np.float64)

    def next_samples(self, count: int) -> npt.NDArray[np.int16]:
        phases = (self._samples_sent + self._sample_offsets[:count]) * self._angular_step
        return (np.sin(phases) * self._amplitude).astype(np.int16)
