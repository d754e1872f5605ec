"""Headless Chromium for the server's browser pages, shared by the whole test session.

Chromium never gathers ICE candidates on 127.0.0.1 and tests must not use the machine's own
address, so Chromium runs inside the network namespace of `network_namespace` (tests/netns.py)
and reaches test servers on the namespace's root-side address. Fake camera and microphone, and
permission prompts answered yes.

Plain http on a network address is not a secure context, where browsers refuse the camera; the
browser is started trusting exactly one origin as if it were https:
``http://<network_namespace.root_address>:<browser_server_port>``. A test server that the
page should treat as secure listens there (one at a time); any other origin stays insecure.

Tests that use `browser` run on the session's event loop:
``pytestmark = pytest.mark.asyncio(loop_scope="session")``.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import pytest_asyncio
from playwright.async_api import Browser, BrowserContext, Page, Playwright, async_playwright

from tests.netns import NetworkNamespace

CHROMIUM = "/usr/bin/chromium"
# 30 fps (the default is 20), as a real camera sends. Several cameras, as a phone has: of
# Chromium's fake ones the second shows on the page but WebRTC sends none of its frames
# (seen with this Chromium), the first and the third are sent as a real camera's.
ONE_CAMERA = "fps=30"
THREE_CAMERAS = "fps=30,device-count=3"
CHROMIUM_ARGS = (
    "--use-fake-ui-for-media-stream",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@pytest.fixture(scope="session")
def browser_server_port(network_namespace: NetworkNamespace) -> int:
    """The port of the one origin the browser treats as secure (see the module docstring)."""
    with socket.create_server((network_namespace.root_address, 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


@asynccontextmanager
async def chromium(
    network_namespace: NetworkNamespace, port: int, directory: Path, fake_devices: str
) -> AsyncIterator[Browser]:
    """Chromium in the namespace, trusting the origin on `port` as secure, with the fake
    devices that `fake_devices` describes."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; run bash .ci/setup")
    # Playwright takes an executable and adds its own arguments: a wrapper runs it in the
    # namespace. Never `playwright install`: Debian's Chromium is the browser under test.
    executable = network_namespace.wrapper_script(directory, CHROMIUM)
    origin = f"http://{network_namespace.root_address}:{port}"
    playwright: Playwright = await async_playwright().start()
    try:
        launched = await playwright.chromium.launch(
            executable_path=str(executable),
            args=[
                *CHROMIUM_ARGS,
                f"--use-fake-device-for-media-stream={fake_devices}",
                f"--unsafely-treat-insecure-origin-as-secure={origin}",
            ],
            timeout=30_000,
        )
        yield launched
        await launched.close()
    finally:
        await playwright.stop()


def _browser_fixture(name: str, fake_devices: str) -> object:
    """A fixture `name`: one Chromium for the whole test session, with `fake_devices`."""

    @pytest_asyncio.fixture(scope="session", loop_scope="session", name=name)
    async def launched(
        network_namespace: NetworkNamespace,
        browser_server_port: int,
        tmp_path_factory: pytest.TempPathFactory,
    ) -> AsyncIterator[Browser]:
        directory = tmp_path_factory.mktemp(name)
        async with chromium(network_namespace, browser_server_port, directory, fake_devices) as it:
            yield it

    return launched


browser = _browser_fixture("browser", ONE_CAMERA)
# More than one camera, as a phone has.
phone_browser = _browser_fixture("phone_browser", THREE_CAMERAS)


async def eventually(
    condition: Callable[[], object | Awaitable[object]], what: str, timeout: float = 10.0
) -> object:
    """The first truthy value of `condition()` (sync or async); fails the test after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.05)


async def crash(context: BrowserContext, page: Page) -> None:
    """Kill `page`'s renderer: no bye, no page events; its socket and its media just stop."""
    session = await context.new_cdp_session(page)
    # The command never answers: its page is gone.
    with contextlib.suppress(Exception):
        await asyncio.wait_for(session.send("Page.crash"), 1)
