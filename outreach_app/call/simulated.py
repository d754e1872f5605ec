"""Simulated sites for the demo: the headless test site in a child process, joined by link.

The sites run in their own process so that their encoders do not compete with the official's
window for the GUI thread, exactly as real sites would not. The child is the installed
`python -m outreach_app.site`, or the bundled app's `site` command when the app is frozen.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Sequence
from typing import Final

log = logging.getLogger(__name__)

_STOP_SECONDS: Final = 5.0


def site_command(links: Sequence[str], host_addresses: Sequence[str] = ()) -> list[str]:
    """The command line that joins `links` as synthetic sites."""
    if getattr(sys, "frozen", False):
        program = [sys.executable, "site"]
    else:
        program = [sys.executable, "-m", "outreach_app.site"]
    options = ["--synthetic", "--report-every", "30", "--leave-on-eof"]
    for address in host_addresses:
        options += ["--host-address", address]
    return [*program, *links, *options]


class SimulatedSites:
    """Sites played by a child process; it says goodbye when stopped, and dies with us."""

    def __init__(self, links: Sequence[str], host_addresses: Sequence[str] = ()) -> None:
        self._command = site_command(links, host_addresses)
        self._process: asyncio.subprocess.Process | None = None
        self._drain: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.returncode is None

    async def start(self) -> None:
        if self.running:
            return
        self._process = await asyncio.create_subprocess_exec(
            *self._command,
            # Held open while we live: the sites leave when it closes, even if we are killed.
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        self._drain = asyncio.create_task(self._log_output())

    async def _log_output(self) -> None:
        # Read everything so a full pipe never blocks the child; keep it for the log.
        assert self._process is not None and self._process.stdout is not None
        async for line in self._process.stdout:
            log.info("simulated sites: %s", line.decode(errors="replace").rstrip())

    async def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), _STOP_SECONDS)
            except TimeoutError:
                process.kill()
                await process.wait()
        if self._drain is not None:
            with contextlib.suppress(asyncio.CancelledError):
                self._drain.cancel()
                await self._drain
