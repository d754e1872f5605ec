"""A widget that shows the newest frame of a video source, converted off the GUI thread.

Each view polls its source at the rate it displays (the floor site about 30 times a second,
thumbnails a few times) and converts only frames it has not shown yet, straight to its own size:
swscale scales and converts in one pass (about 1 ms for 640x480 to 560x420 on these machines)
and releases the GIL, so it runs on a worker thread while the GUI thread only paints. A view that
is hidden or in a minimized window converts nothing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import sys
import time
from collections.abc import Callable
from typing import Any, Final

import shiboken6
from av.video.reformatter import VideoReformatter
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QImage, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_log = logging.getLogger(__name__)
FrameSource = Callable[[], Any]  # returns the newest av.VideoFrame, or None

# Four bytes a pixel in the order a QImage of Format_RGB32 keeps them: painting it is a copy.
_PIXEL_FORMAT: Final = "bgra" if sys.byteorder == "little" else "argb"
BACKGROUND: Final = QColor("#141414")
PLACEHOLDER_TEXT: Final = QColor("#d8d8d8")
FRAME: Final = QColor("#9a9a9a")

_executor: concurrent.futures.ThreadPoolExecutor | None = None


def _converter() -> concurrent.futures.ThreadPoolExecutor:
    # One thread for every view: conversions queue in order and never take both cores.
    global _executor
    if _executor is None:
        _executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="video-frames")
    return _executor


def fit(width: int, height: int, box_width: int, box_height: int) -> tuple[int, int]:
    """The largest size with the frame's aspect that fits the box."""
    if width <= 0 or height <= 0 or box_width <= 0 or box_height <= 0:
        return 0, 0
    scale = min(box_width / width, box_height / height)
    return max(2, round(width * scale)), max(2, round(height * scale))


def convert_frame(reformatter: VideoReformatter, frame: Any, width: int, height: int) -> QImage:
    """`frame` scaled to `width` x `height` as a QImage; runs on the converter thread."""
    converted = reformatter.reformat(
        frame, width, height, _PIXEL_FORMAT, interpolation="FAST_BILINEAR"
    )
    plane = converted.planes[0]
    # Rows may be padded (line_size > width * 4); the plane's buffer belongs to this call and
    # the copy to the image.
    pixels = memoryview(plane)
    return QImage(pixels, width, height, plane.line_size, QImage.Format.Format_RGB32).copy()


class VideoView(QWidget):
    """Paints the newest frame of `source`, letterboxed on a dark background."""

    def __init__(
        self,
        *,
        fps: float,
        placeholder: str = "",
        minimum: QSize | None = None,
        framed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(minimum or QSize(160, 120))
        self._source: FrameSource | None = None
        self._placeholder = placeholder
        self._framed = framed
        self._image: QImage | None = None
        self._last_frame: Any = None
        self._converting = False
        # A reformatter keeps its swscale context while the sizes stay the same; one per view,
        # used only on the converter thread, one conversion at a time.
        self._reformatter = VideoReformatter()
        self.frames_shown = 0
        # The size the last shown frame had as it arrived (which quality the source sends).
        self.source_size: tuple[int, int] | None = None
        self.paint_count = 0
        self.longest_conversion_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(
            Qt.TimerType.PreciseTimer if fps >= 20 else Qt.TimerType.CoarseTimer
        )
        self._timer.setInterval(max(1, round(1000 / fps)))
        self._timer.timeout.connect(self.poll)

    def set_source(self, source: FrameSource | None) -> None:
        """Show frames from `source`; what another source showed is not kept on screen."""
        if source is self._source:
            return
        self._source = source
        self._last_frame = None
        self._image = None
        self.source_size = None
        self.update()

    def set_placeholder(self, text: str) -> None:
        if text != self._placeholder:
            self._placeholder = text
            if self._image is None:
                self.update()

    @property
    def has_picture(self) -> bool:
        return self._image is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def poll(self) -> None:
        if self._converting or self._source is None:
            return
        window = self.window()
        if window is not None and window.isMinimized():
            return
        frame = self._source()
        if frame is None:
            if self._image is not None:
                # The source went away (a site left): no frozen picture that looks live.
                self._image = None
                self._last_frame = None
                self.update()
            return
        if frame is self._last_frame:
            return
        ratio = self.devicePixelRatioF()
        width, height = fit(
            int(frame.width),
            int(frame.height),
            int(self.width() * ratio),
            int(self.height() * ratio),
        )
        if width == 0:
            return
        self._last_frame = frame
        self._converting = True
        source = self._source
        started = time.perf_counter()
        future = asyncio.get_running_loop().run_in_executor(
            _converter(), convert_frame, self._reformatter, frame, width, height
        )

        def converted(done: asyncio.Future[QImage]) -> None:
            if not shiboken6.isValid(self):
                return
            self._converting = False
            self.longest_conversion_ms = max(
                self.longest_conversion_ms, (time.perf_counter() - started) * 1000
            )
            if done.cancelled() or source is not self._source:
                return
            failure = done.exception()
            if failure is not None:
                # One bad frame (a size the scaler refuses) must not end the picture.
                _log.warning("could not show a video frame", exc_info=failure)
                return
            image = done.result()
            image.setDevicePixelRatio(ratio)
            self._image = image
            self.source_size = (int(frame.width), int(frame.height))
            self.frames_shown += 1
            self.update()

        future.add_done_callback(converted)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_count += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        image = self._image
        if image is not None:
            size = image.deviceIndependentSize()
            left = (self.width() - size.width()) / 2
            top = (self.height() - size.height()) / 2
            painter.drawImage(QRectF(left, top, size.width(), size.height()), image)
        elif self._placeholder:
            painter.setPen(PLACEHOLDER_TEXT)
            painter.drawText(
                self.rect().adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
        if self._framed:
            # A picture inside another picture needs an edge to read as separate.
            painter.setPen(FRAME)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
