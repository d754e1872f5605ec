"""Keyrings for team mode's tests: this machine has none, as on most headless Linux."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from tests.storage.test_encryption import memory_keyring

__all__ = ["memory_keyring"]


@pytest.fixture(autouse=True)
def no_keyring_by_default() -> Iterator[None]:
    """As on this machine, also where a desktop keyring would answer: tests never touch it."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)
