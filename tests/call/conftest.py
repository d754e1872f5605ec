"""Every call test runs its peers over 127.0.0.1 only, never the machine's external address."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from outreach_app.call.ice import host_addresses
from tests.turn import Coturn


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with host_addresses(["127.0.0.1"]):
        yield


@pytest.fixture
def coturn(tmp_path: Path) -> Iterator[Coturn]:
    """A real coturn on 127.0.0.1 with TURN REST credentials (see tests/turn.py)."""
    server = Coturn(tmp_path)
    server.start()
    yield server
    server.stop()


async def wait_until(
    condition: Callable[[], bool],
    timeout: float,
    what: str,
    explain: Callable[[], str] | None = None,
) -> float:
    """Seconds until `condition()` held; fails the test after `timeout` (saying what `explain`
    returns then, when given)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            detail = f" ({explain()})" if explain is not None else ""
            pytest.fail(f"not within {timeout} s: {what}{detail}")
        await asyncio.sleep(0.02)
    return time.monotonic() - started
