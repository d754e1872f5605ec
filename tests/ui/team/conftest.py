"""Keyrings for team mode's tests (this machine has none, as on most headless Linux), and
running the app as a person would."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication

from tests.storage.test_encryption import memory_keyring
from tests.ui.team.app_script import Script

__all__ = ["memory_keyring"]


@pytest.fixture(autouse=True)
def no_keyring_by_default() -> Iterator[None]:
    """As on this machine, also where a desktop keyring would answer: tests never touch it."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def app_signals(qapp: QApplication) -> Iterator[None]:
    """run_gui takes SIGTERM and Ctrl+C and lets the last window quit: put them back after."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture
def script() -> Iterator[Script]:
    made = Script()
    yield made
    made.stop()
