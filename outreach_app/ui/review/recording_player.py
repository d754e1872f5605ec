"""A small player for a session's recording, opened at the moment a note was taken."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from outreach_app.ui.formatting import format_offset


class RecordingPlayer(QDialog):
    def __init__(self, path: Path, start_seconds: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recording — %1").replace("%1", path.name))
        self.resize(720, 520)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget()
        self.video.setAccessibleName(self.tr("Recording"))
        self.player.setVideoOutput(self.video)
        self._start_ms = int(start_seconds * 1000)

        self.play_button = QPushButton(self.tr("Pause"))
        self.play_button.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.play_button.clicked.connect(self._toggle)
        self.back_button = QPushButton(self.tr("Back 10 s"))
        self.back_button.setShortcut(QKeySequence(Qt.Key.Key_Left))
        self.back_button.clicked.connect(lambda: self._jump(-10_000))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Position in the recording"))
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.time_label = QLabel("0:00")
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()

        controls = QHBoxLayout()
        controls.addWidget(self.back_button)
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.problem_label)
        layout.addLayout(controls)

        self.player.durationChanged.connect(self.slider.setMaximum)
        self.player.positionChanged.connect(self._position_changed)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self.player.errorOccurred.connect(self._failed)
        if not path.is_file():
            self._failed(
                None, self.tr("The recording file is missing: %1").replace("%1", str(path))
            )
            return
        self.player.setSource(QUrl.fromLocalFile(str(path)))

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.LoadedMedia and self._start_ms >= 0:
            self.player.setPosition(min(self._start_ms, max(self.player.duration() - 1, 0)))
            self._start_ms = -1
            self.player.play()

    def _position_changed(self, position: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self.time_label.setText(format_offset(position // 1000) or "0:00")

    def _toggle(self) -> None:
        if self.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
            self.play_button.setText(self.tr("Play"))
        else:
            self.player.play()
            self.play_button.setText(self.tr("Pause"))

    def _jump(self, milliseconds: int) -> None:
        self.player.setPosition(max(0, self.player.position() + milliseconds))

    def _failed(self, _error: object, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()
        self.play_button.setEnabled(False)

    def done(self, result: int) -> None:
        self.player.stop()
        super().done(result)
