"""Driving `run_gui` as a person would: steps run by a timer while the app runs, each once its
condition holds (the fixtures `script` and `app_signals` are in conftest.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Script:
    """Steps run by a timer while `run_gui` runs, each once its condition holds. Past its
    deadline it closes every window, steps done or not, so that a start that goes wrong
    (a dialog nobody answers) ends the test instead of hanging it."""

    def __init__(self, timeout: float = 60.0) -> None:
        self.steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = []
        self.done: list[str] = []
        self.deadline = time.monotonic() + timeout
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)

    def step(self, name: str, when: Callable[[], bool], do: Callable[[], None]) -> None:
        self.steps.append((name, when, do))

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        if time.monotonic() > self.deadline:
            for widget in QApplication.topLevelWidgets():
                widget.close()
            return
        if not self.steps:
            return
        name, when, do = self.steps[0]
        if when():
            self.steps.pop(0)
            self.done.append(name)
            do()


def shown(kind: type[QWidget]) -> QWidget | None:
    windows = QApplication.topLevelWidgets()
    return next((w for w in windows if isinstance(w, kind) and w.isVisible()), None)
