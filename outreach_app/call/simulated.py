"""Simulated sites for the demo: the headless test site in a child process, joined by link.

The sites run in their own process so that their encoders do not compete with the official's
window for the GUI thread, exactly as real sites would not. The child is the installed
`python -m outreach_app.cli.site`, or the bundled app's `site` command when the app is frozen.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence, Set
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
        program = [sys.executable, "-m", "outreach_app.cli.site"]
    options = ["--synthetic", "--report-every", "30", "--leave-on-eof"]
    for address in host_addresses:
        options += ["--host-address", address]
    for label in labels:
        options += ["--label", label]
    return [*program, *links, *options]


def one_core_for_sites() -> frozenset[int] | None:
    """The last core this process may use, when it may use more than one; else None.

    Python is held to about one core at a time by its global lock, so the simulated sites
    gain nothing from a second core; left free to move, their threads preempt the official's
    event loop on every core. Measured with six sites on a 2-core machine: the floor at the
    hub varied from 17 to 31 fps between runs with both processes free, and held 30 fps in
    every run with the sites kept to one core.
    """
    if not hasattr(os, "sched_getaffinity"):
        return None
    cores = sorted(os.sched_getaffinity(0))
    return frozenset(cores[-1:]) if len(cores) > 1 else None


class SimulatedSites:
    """Sites played by a child process; they say goodbye when stopped, and die with us.

    All sites share one process: on a small machine one interpreter per site costs more CPU than
    it saves (measured: more dropped links with six processes than with one). The process is
    kept to the cores in `cores` (by default the last one, see `one_core_for_sites`).
    """

    def __init__(
        self,
        links: Sequence[str],
        host_addresses: Sequence[str] = (),
        labels: Sequence[str] = (),
        cores: Set[int] | None = None,
    ) -> None:
        self._commands = [site_command(links, host_addresses, labels)] if links else []
        self._cores = one_core_for_sites() if cores is None else cores
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
            self._keep_to_cores(process.pid)
            self._drains.append(asyncio.create_task(self._log_output(process)))

    def _keep_to_cores(self, pid: int) -> None:
        # Set before the child has started any thread: the ones it starts inherit the mask.
        if not self._cores or not hasattr(os, "sched_setaffinity"):
            return
        try:
            os.sched_setaffinity(pid, self._cores)
        except OSError as error:
            log.info("simulated sites stay on every core: %s", error)

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
