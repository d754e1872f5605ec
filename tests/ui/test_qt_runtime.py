"""Guards against Qt binding defects that would crash a long-running app."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    text = Signal(str)


def test_emitting_a_signal_keeps_the_reference_count_of_true(qapp: QApplication) -> None:
    # PySide6 6.12.0 returns True from SignalInstance.emit() without a reference of its own:
    # every emit drops one, and after a few thousand the interpreter aborts (bool_dealloc).
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.text.emit("x")
    assert sys.getrefcount(True) - before > -50
