"""Every call test runs its peers over 127.0.0.1 only, never the machine's external address."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import pytest

from outreach_app.call.ice import host_addresses


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with host_addresses(["127.0.0.1"]):
        yield


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> float:
    """Seconds until `condition()` held; fails the test after `timeout`."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            pytest.fail(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.02)
    return time.monotonic() - started
