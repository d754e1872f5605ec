"""The desktop's cameras, microphones and speakers (Qt Multimedia), feeding the call engine.

The engine takes frames and samples pushed into its tracks (`outreach_app.call.capture`); this
module opens the devices the user picked in Settings and pushes what they deliver. A device that
is missing or refuses to open is replaced by the synthetic source, and `problem` says so in
words the user can act on.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Final, Protocol

import numpy as np
from aiortc.mediastreams import MediaStreamError
from PySide6.QtCore import QByteArray, QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QAudioSource,
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QtAudio,
    QVideoFrame,
    QVideoSink,
)

from outreach_app.call.capture import (
    CameraTrack,
    Int16Samples,
    MicrophoneTrack,
    create_echo_canceller,
)
from outreach_app.call.media import AUDIO_SAMPLE_RATE, SyntheticVideoTrack, VideoQuality
from outreach_app.ui.settings import AppSettings

log = logging.getLogger(__name__)

SYNTHETIC: Final = ""  # the device id stored when the user picks the test pattern or tone
_SPEAKER_TICK_MS: Final = 20


@dataclass(frozen=True)
class DeviceChoice:
    """A device as offered in a picker: its stable id (hex) and its name."""

    device_id: str
    name: str


def _hex(identifier: QByteArray) -> str:
    return bytes(identifier.data()).hex()


def cameras() -> list[DeviceChoice]:
    return [DeviceChoice(_hex(d.id()), d.description()) for d in QMediaDevices.videoInputs()]


def microphones() -> list[DeviceChoice]:
    return [DeviceChoice(_hex(d.id()), d.description()) for d in QMediaDevices.audioInputs()]


def speakers() -> list[DeviceChoice]:
    return [DeviceChoice(_hex(d.id()), d.description()) for d in QMediaDevices.audioOutputs()]


def _find_camera(device_id: str) -> QCameraDevice | None:
    return next((d for d in QMediaDevices.videoInputs() if _hex(d.id()) == device_id), None)


def _find_audio(devices: list[QAudioDevice], device_id: str) -> QAudioDevice | None:
    return next((d for d in devices if _hex(d.id()) == device_id), None)


def _call_audio_format() -> QAudioFormat:
    audio_format = QAudioFormat()
    audio_format.setSampleRate(AUDIO_SAMPLE_RATE)
    audio_format.setChannelCount(1)
    audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return audio_format


class CameraFeeder(QObject):
    """Pushes the chosen camera's frames into a CameraTrack, at most at the track's rate."""

    problem = Signal(str)

    def __init__(self, track: CameraTrack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.track = track
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._camera: QCamera | None = None
        self.frames_pushed = 0

    def open(self, device_id: str) -> bool:
        """Start the camera (instead of any open one); False (and `problem`) when there is none."""
        self.close()
        device = _find_camera(device_id) if device_id else None
        if device is None:
            if device_id:
                self.problem.emit(self.tr("The chosen camera is not connected."))
            return False
        camera = QCamera(device, self)
        camera.errorOccurred.connect(lambda _error, text: self.problem.emit(text))
        self._session.setCamera(camera)
        self._camera = camera
        camera.start()
        return True

    def close(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera = None

    def _on_frame(self, frame: QVideoFrame) -> None:
        quality = self.track.quality
        image = frame.toImage()
        if image.isNull():
            return
        # Scale on the GUI thread only to the size that is sent (cheap at these sizes).
        image = image.scaled(quality.width, quality.height).convertToFormat(
            image.Format.Format_RGB888
        )
        width, height = image.width(), image.height()
        bits = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
        rows = bits.reshape(height, image.bytesPerLine())[:, : width * 3]
        self.track.push_rgb(rows.reshape(height, width, 3))
        self.frames_pushed += 1


class MicrophoneFeeder(QObject):
    """Pushes the chosen microphone's samples (48 kHz mono) into a MicrophoneTrack."""

    problem = Signal(str)

    def __init__(self, track: MicrophoneTrack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.track = track
        self._source: QAudioSource | None = None
        self._device: QIODevice | None = None

    def open(self, device_id: str) -> bool:
        self.close()
        device = _find_audio(QMediaDevices.audioInputs(), device_id) if device_id else None
        if device is None:
            if device_id:
                self.problem.emit(self.tr("The chosen microphone is not connected."))
            return False
        audio_format = _call_audio_format()
        if not device.isFormatSupported(audio_format):
            self.problem.emit(self.tr("The microphone cannot record at 48 kHz."))
            return False
        self._source = QAudioSource(device, audio_format, self)
        self._device = self._source.start()
        if self._source.error() != QtAudio.Error.NoError:
            self.problem.emit(self.tr("The microphone could not be opened."))
            return False
        self._device.readyRead.connect(self._on_ready)
        return True

    def close(self) -> None:
        if self._source is not None:
            self._source.stop()
            self._source = None
            self._device = None

    def _on_ready(self) -> None:
        if self._device is None:
            return
        data = bytes(self._device.readAll().data())
        if data:
            self.track.push(np.frombuffer(data[: len(data) // 2 * 2], dtype=np.int16))


class SpeakerOutput(QObject):
    """Plays what the call delivers and tells the microphone, for echo cancellation."""

    problem = Signal(str)

    def __init__(
        self, source: PlayableSound, microphone: MicrophoneTrack | None, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._microphone = microphone
        self._sink: QAudioSink | None = None
        self._device: QIODevice | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(_SPEAKER_TICK_MS)
        self._timer.timeout.connect(self._feed)

    def open(self, device_id: str) -> bool:
        self.close()
        devices = QMediaDevices.audioOutputs()
        device = (
            _find_audio(devices, device_id) if device_id else QMediaDevices.defaultAudioOutput()
        )
        if device is None or device.isNull():
            if device_id or devices:
                self.problem.emit(self.tr("The chosen speakers are not connected."))
            return False
        self._sink = QAudioSink(device, _call_audio_format(), self)
        self._device = self._sink.start()
        if self._sink.error() != QtAudio.Error.NoError:
            self.problem.emit(self.tr("The speakers could not be opened."))
            return False
        self._timer.start()
        return True

    def close(self) -> None:
        self._timer.stop()
        if self._sink is not None:
            self._sink.stop()
            self._sink = None
            self._device = None

    def _feed(self) -> None:
        if self._sink is None or self._device is None:
            return
        room = self._sink.bytesFree() // 2
        if room <= 0:
            return
        samples = self._source.take(min(room, self._source.buffered_samples))
        if len(samples) == 0:
            return
        self._device.write(samples.tobytes())
        if self._microphone is not None:
            self._microphone.played(samples)


class PlayableSound(Protocol):
    """What speakers play: samples taken as they are due (an AudioListener or an AudioMix)."""

    @property
    def buffered_samples(self) -> int: ...

    def take(self, count: int) -> Int16Samples: ...


class LocalMedia(QObject):
    """This machine's own side of a call: the camera and microphone chosen in Settings (a test
    pattern with `label` and silence when there are none), and the speakers.

    The tracks exist from the start, so a call can be set up before the devices deliver; camera
    off and mute act on the tracks, whatever feeds them."""

    problem = Signal(str)

    def __init__(
        self,
        settings: AppSettings,
        label: str,
        quality: VideoQuality,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._label = label
        self.video = CameraTrack(quality)
        self.audio = MicrophoneTrack(None)
        self._camera = CameraFeeder(self.video, self)
        self._camera.problem.connect(self.problem)
        self._microphone: MicrophoneFeeder | None = None
        self._speakers: SpeakerOutput | None = None
        self.pattern: SyntheticVideoTrack | None = None
        self._pattern_task: asyncio.Task[None] | None = None

    @property
    def camera_feeder(self) -> CameraFeeder:
        return self._camera

    def open(self) -> None:
        """Start the chosen devices; the test pattern stands in for a missing camera."""
        if not self._camera.open(self._settings.camera()):
            self._start_pattern()
        microphone_id = self._settings.microphone()
        if microphone_id != SYNTHETIC:
            self.audio.stop()
            self.audio = MicrophoneTrack(create_echo_canceller())
            self._microphone = MicrophoneFeeder(self.audio, self)
            self._microphone.problem.connect(self.problem)
            self._microphone.open(microphone_id)

    def open_tracks(self) -> tuple[CameraTrack, MicrophoneTrack]:
        """Open the devices; the tracks to send (a call's media factory)."""
        self.open()
        return self.video, self.audio

    def play(self, sound: PlayableSound) -> None:
        """Play `sound` on the chosen speakers, as the microphone's echo reference."""
        self._speakers = SpeakerOutput(sound, self.audio, self)
        self._speakers.problem.connect(self.problem)
        self._speakers.open(self._settings.speaker())

    def set_muted(self, muted: bool) -> None:
        self.audio.muted = muted

    def set_camera_on(self, on: bool) -> None:
        self.video.enabled = on

    def follow_quality(self, quality: VideoQuality) -> None:
        """The hub asked for another size or rate: the pattern draws at it (a camera is scaled)."""
        if self.pattern is not None:
            self.pattern.set_quality(quality.width, quality.height, quality.fps)

    def close(self) -> None:
        self._camera.close()
        if self._microphone is not None:
            self._microphone.close()
        if self._speakers is not None:
            self._speakers.close()
        if self._pattern_task is not None:
            self._pattern_task.cancel()
        if self.pattern is not None:
            self.pattern.stop()
        self.video.stop()
        self.audio.stop()

    def _start_pattern(self) -> None:
        pattern = self.pattern = SyntheticVideoTrack(self._label, self.video.quality)
        video = self.video

        async def pump() -> None:
            while True:
                try:
                    frame = await pattern.recv()
                except MediaStreamError:
                    return
                video.push(frame)

        self._pattern_task = asyncio.get_running_loop().create_task(pump())
