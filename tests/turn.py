"""A real coturn on 127.0.0.1 for tests: TURN REST credentials (use-auth-secret), UDP, no TLS.

`Coturn.start()` runs `turnserver` from the Debian package `coturn` on a free port with its
log on stdout (kept in a file the tests read), relaying on 127.0.0.1 only. Loopback peers are
allowed (coturn refuses them by default); never use that option on a real host.
"""

from __future__ import annotations

import re
import secrets
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from aioice import stun

TURNSERVER = "turnserver"
REALM = "outreach.test"
_START_SECONDS = 10.0


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (coturn listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port: int = udp.getsockname()[1]
            try:
                with socket.create_server(("127.0.0.1", port)):
                    return port
            except OSError:
                continue
    raise RuntimeError("no free port for coturn")


def stun_binding_answered(port: int, timeout: float = 0.2) -> bool:
    """Whether a STUN Binding request to 127.0.0.1:`port` gets an answer."""
    request = stun.Message(message_method=stun.Method.BINDING, message_class=stun.Class.REQUEST)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        sock.sendto(bytes(request), ("127.0.0.1", port))
        try:
            data, _ = sock.recvfrom(2048)
        except OSError:
            return False
    try:
        answer = stun.parse_message(data)
    except ValueError:
        return False
    return answer.transaction_id == request.transaction_id


@dataclass
class Coturn:
    folder: Path
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"turn:127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.folder / "turnserver.log"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def start(self) -> None:
        executable = shutil.which(TURNSERVER)
        if executable is None:
            raise FileNotFoundError("turnserver is missing: install coturn (bash .ci/setup)")
        self.port = free_port()
        arguments = [
            executable,
            "-n",  # no configuration file: everything is on the command line
            "--listening-ip=127.0.0.1",
            "--relay-ip=127.0.0.1",
            f"--listening-port={self.port}",
            "--use-auth-secret",
            f"--static-auth-secret={self.secret}",
            f"--realm={REALM}",
            "--no-tls",
            "--no-dtls",
            "--no-tcp-relay",
            "--no-rfc5780",
            "--allow-loopback-peers",
            "--no-cli",
            "--verbose",
            "--log-file=stdout",
            "--simple-log",
            f"--pidfile={self.folder / 'turnserver.pid'}",
            f"--db={self.folder / 'turndb'}",
        ]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                arguments, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        deadline = time.monotonic() + _START_SECONDS
        while not stun_binding_answered(self.port):
            if self.process.poll() is not None:
                raise RuntimeError(f"turnserver exited at start:\n{self.log()[-3000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"turnserver did not answer in time:\n{self.log()[-3000:]}")
            time.sleep(0.05)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def successes(self, request: str, user: str) -> int:
        """How many `request`s (ALLOCATE, CREATE_PERMISSION, CHANNEL_BIND...) of TURN users
        whose name ends with `user` coturn has logged as successful."""
        pattern = re.compile(
            rf"user <\d+:{re.escape(user)}>: incoming packet {re.escape(request)} processed, "
            r"success"
        )
        return len(pattern.findall(self.log()))

    def relayed_bytes(self, user: str) -> int | None:
        """Bytes coturn relayed between the allocation of `user` and its peers (received plus
        sent), from the "peer usage" line it logs when the allocation goes; None before that."""
        pattern = re.compile(
            rf"peer usage: realm=<[^>]*>, username=<\d+:{re.escape(user)}>, "
            r"rp=\d+, rb=(\d+), sp=\d+, sb=(\d+)"
        )
        found = pattern.findall(self.log())
        if not found:
            return None
        return sum(int(received) + int(sent) for received, sent in found)
