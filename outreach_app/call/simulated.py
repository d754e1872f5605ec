"""Simulated sites for the demo: the headless test site in a child process, joined by link.

The sites run in their own process so that their encoders do not compete with the official's
window for the GUI thread, exactly as real sites would not. The child is the installed
`python -m outreach_app.site`, or the bundled app's `site` command when the app is frozen.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Sequence
from typing import Final

log = logging.getLogger(__name__)

_STOP_SECONDS: Final = 5.0


def site_command(
    links: Sequence[str], host_addresses: Sequence[str] = (), labels: Sequence[str] = ()
) -> list[str]:
    """The command line that joins `links` as synthetic sites (`labels` drawn in their pictures)."""
    if getattr(sys, "frozen", False):
        program = [sys.executable, "site"]
    else:
        program = [sys.executable, "-m", "outreach_app.site"]
    options = ["--synthetic", "--report-every", "30", "--leave-on-eof"]
    for address in host_addresses:
        options += ["--host-address", address]
    for label in labels:
        options += ["--label", label]
    return [*program, *links, *options]


class SimulatedSites:
    """Sites played by a child process; they say goodbye when stopped, and die with us.

    All sites share one process: on a small machine one interpreter per site costs more CPU than
    it saves (measured: more dropped links with six processes than with one).
    """

    def __init__(
        self,
        links: Sequence[str],
        host_addresses: Sequence[str] = (),
        labels: Sequence[str] = (),
    ) -> None:
        self._commands = [site_command(links, host_addresses, labels)] if links else []
        self._processes: list[asyncio.subprocess.Process] = []
        self._drains: list[asyncio.Task[None]] = []

    @property
    def running(self) -> bool:
        return any(process.returncode is None for process in self._processes)

    @property
    def processes(self) -> tuple[asyncio.subprocess.Process, ...]:
        return tuple(self._processes)

    async def start(self) -> None:
        if self.running:
            return
        for command in self._commands:
            process = await asyncio.create_subprocess_exec(
                *command,
                # Held open while we live: the sites leave when it closes, even if we are killed.
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            self._processes.append(process)
            self._drains.append(asyncio.create_task(self._log_output(process)))

    async def _log_output(self, process: asyncio.subprocess.Process) -> None:
        # Read everything so a full pipe never blocks the child; keep it for the log.
        assert process.stdout is not None
        async for line in process.stdout:
            log.info("simulated sites: %s", line.decode(errors="replace").rstrip())

    async def stop(self) -> None:
        processes, self._processes = self._processes, []
        drains, self._drains = self._drains, []
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                await asyncio.wait_for(process.wait(), _STOP_SECONDS)
            except TimeoutError:
                process.kill()
                await process.wait()
        for drain in drains:
            drain.cancel()
        await asyncio.gather(*drains, return_exceptions=True)
