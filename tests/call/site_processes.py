"""The headless test site (`python -m outreach_app.cli.site`) in a process of its own, with
its reports read back: what each site sends and receives."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPORT = re.compile(
    r"site (?P<site>\d+): (?P<state>\w+); sending (?P<sending>\S+); receiving official"
    r" (?P<official>.+?), floor (?P<floor>.+?), sound"
)


@dataclass
class SiteProcess:
    links: Sequence[str]
    host_address: str = "127.0.0.1"
    process: asyncio.subprocess.Process | None = None
    lines: list[str] = field(default_factory=list)
    reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "outreach_app.cli.site",
            *self.links,
            "--synthetic",
            "--host-address",
            self.host_address,
            "--report-every",
            "0.5",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            cwd=Path(__file__).parents[2],
        )
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        async for raw in self.process.stdout:
            self.lines.append(raw.decode(errors="replace").rstrip())

    def last_report(self, site_id: int) -> dict[str, str] | None:
        for line in reversed(self.lines):
            match = REPORT.search(line)
            if match and int(match["site"]) == site_id:
                return match.groupdict()
        return None

    async def ended_by_itself(self) -> int:
        assert self.process is not None
        status = await asyncio.wait_for(self.process.wait(), 15)
        if self.reader is not None:
            await asyncio.wait_for(self.reader, 5)
        return status

    async def stop(self, signal_number: int = signal.SIGTERM) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal_number)
        try:
            status = await asyncio.wait_for(self.process.wait(), 15)
        except TimeoutError:
            # Still saying goodbye after 15 s (a loaded machine): killed, and its status says so.
            self.process.kill()
            status = await self.process.wait()
        if self.reader is not None:
            await asyncio.wait_for(self.reader, 5)
        return status
