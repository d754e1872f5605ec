"""Device pickers and the Qt side of cameras, microphones and speakers.

This machine has no camera, microphone or sound server, like many a CI machine: what can be
checked here is the fallback (the test pattern, clear problems) and the frame path from a Qt
video frame to the engine's track.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame
from pytestqt.qtbot import QtBot

from outreach_app.call.capture import CameraTrack, MicrophoneTrack
from outreach_app.call.forwarding import AudioListener
from outreach_app.call.media import VideoQuality
from outreach_app.ui.context import UiContext
from outreach_app.ui.media import (
    SYNTHETIC,
    CameraFeeder,
    MicrophoneFeeder,
    SpeakerOutput,
    cameras,
)
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.settings_dialog import SettingsDialog


def test_a_qt_camera_frame_reaches_the_track_at_the_size_sent(qtbot: QtBot) -> None:
    track = CameraTrack(VideoQuality(320, 240, 15))
    feeder = CameraFeeder(track)
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 40, 40))
    feeder._on_frame(QVideoFrame(image))
    latest = track.source.latest
    assert latest is not None and (latest.width, latest.height) == (320, 240)
    red, green, blue = latest.to_ndarray(format="rgb24")[120, 160]
    assert red > 150 and green < 90 and blue < 90
    assert feeder.frames_pushed == 1
    track.stop()


def test_missing_devices_fall_back_and_say_why(qtbot: QtBot) -> None:
    camera = CameraFeeder(CameraTrack(VideoQuality(320, 240, 15)))
    problems: list[str] = []
    camera.problem.connect(problems.append)
    assert not camera.open(SYNTHETIC)
    assert problems == []  # the test pattern was chosen: nothing to complain about
    assert not camera.open("0badc0de")
    assert problems == ["The chosen camera is not connected."]
    microphone = MicrophoneFeeder(MicrophoneTrack())
    microphone.problem.connect(problems.append)
    assert not microphone.open("0badc0de")
    assert problems[-1] == "The chosen microphone is not connected."
    speaker = SpeakerOutput(AudioListener(), None, None)
    speaker.problem.connect(problems.append)
    assert not speaker.open("0badc0de")
    assert problems[-1] == "The chosen speakers are not connected."


def test_device_choices_are_remembered_even_when_unplugged(
    context: UiContext, qtbot: QtBot
) -> None:
    dialog = SettingsDialog(context.settings, context.user)
    qtbot.addWidget(dialog)
    assert dialog.camera_combo.currentData() == SYNTHETIC
    assert dialog.camera_combo.count() == 1 + len(cameras())
    context.settings.set_camera("a1b2c3d4e5f6a7b8")
    again = SettingsDialog(context.settings, context.user)
    qtbot.addWidget(again)
    assert again.camera_combo.currentData() == "a1b2c3d4e5f6a7b8"
    assert "a1b2c3d4e5f6" in again.camera_combo.currentText()
    again.save()
    assert AppSettings().camera() == "a1b2c3d4e5f6a7b8"
