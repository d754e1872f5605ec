"""The real `outreach-server --data DIR` in a process of its own, on 127.0.0.1: started, killed
with SIGKILL, started again on the same port, as the chaos test and the benchmarks need it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from outreach_app.core.model import Role
from outreach_app.sync.connection import TeamAddress
from tests.team.live_server import PASSWORD, free_port

ROOT = Path(__file__).resolve().parents[2]


def run_admin(*argv: str, stdin: str = "") -> None:
    done = subprocess.run(
        [sys.executable, "-m", "outreach_app.cli.server", *argv],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        raise RuntimeError(f"outreach-server {' '.join(argv)}: {done.stderr}")


def init_record(data: Path, accounts: dict[str, Role]) -> None:
    run_admin("init", "--data", str(data), "--office", "Test office")
    for name, role in accounts.items():
        run_admin(
            "users", "add", "--data", str(data), name, "--role", role.value, stdin=PASSWORD + "\n"
        )


class ChildProcess:
    """A process a test starts, kills with SIGKILL (counted) or stops with SIGTERM."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.kills = 0

    def kill(self) -> None:
        """SIGKILL: no chance to finish anything."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None
            self.kills += 1

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM, and SIGKILL if that is not enough; the exit status."""
        if self.process is None:
            return 0
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.process = None
        return code


class ServerProcess(ChildProcess):
    def __init__(self, data: Path, *, port: int | None = None, extra: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.data = data
        self.port = port or free_port()
        self.extra = extra

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def address(self) -> TeamAddress:
        return TeamAddress(self.url)

    def start(self, timeout: float = 20.0) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "outreach_app.cli.server",
                "--data",
                str(self.data),
                "--port",
                str(self.port),
                *self.extra,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        line = self.process.stdout.readline()
        if "listening on" not in line or time.monotonic() > deadline:
            self.process.kill()
            raise RuntimeError(f"the team server did not start: {line!r}")

    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid
