"""A real Janus for tests: the configuration Outreach writes, its API on 127.0.0.1, started and
stopped (and restarted) by the test.

Janus gathers no ICE candidate on a loopback interface, and tests must not use the machine's
own address, so media uses the root-side address of the test's network namespace
(`tests/netns.py`): aiortc peers in this process gather on the same address, and a browser in
the namespace reaches it over the veth link. Nothing of Janus listens anywhere else.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import IO

from outreach_app.janus.config import JanusConfiguration, new_secret
from outreach_app.server.media_rooms import JanusAccess

JANUS = "/usr/bin/janus"


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


class JanusProcess:
    """Janus with Outreach's configuration in `folder`, media on `media_address`."""

    def __init__(self, folder: Path, media_address: str, *, rtp_ports: tuple[int, int]) -> None:
        if shutil.which(JANUS) is None:
            raise FileNotFoundError(f"{JANUS} is missing; run bash .ci/setup")
        self.folder = folder
        self.configuration = JanusConfiguration(
            new_secret(),
            (media_address,),
            api_port=free_port(),
            rtp_ports=rtp_ports,
            debug_level=3,
        )
        self.configuration.write(folder)
        self.log_path = folder / "janus.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def access(self) -> JanusAccess:
        return JanusAccess(self.configuration.api_url, self.configuration.secret)

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 10.0) -> None:
        self._log = self.log_path.open("ab")
        self._process = subprocess.Popen(
            self.configuration.command(self.folder),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(f"Janus exited at start:\n{self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.configuration.api_port), 0.2):
                    return
            except OSError as refused:
                if time.monotonic() > deadline:
                    self.stop()
                    raise TimeoutError(
                        f"Janus did not listen in time:\n{self.log_tail()}"
                    ) from refused
                time.sleep(0.05)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def kill(self) -> None:
        """Janus dies at once, as in a crash."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
        self.stop()

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def listening_sockets(self) -> list[str]:
        """The local addresses Janus's process has sockets on (TCP and UDP), from `ss`."""
        output = subprocess.run(
            ["ss", "-Htunlp"], capture_output=True, text=True, check=True
        ).stdout
        mine = f"pid={self.pid},"
        return [line.split()[4] for line in output.splitlines() if mine in line]
