"""A network namespace joined to this one by a link with loss, delay and cuts, for weak-link tests.

`tc netem` is the usual tool, but the kernels of these machines are built without it
(CONFIG_NET_SCH_NETEM is not set, and there are no modules to load). This does the same job in
user space with two TUN devices, one in each namespace:

    root namespace  tun <root address>  <->  shaper process  <->  tun <namespace address>  namespace

Each IP packet leaving one namespace is read by the shaper, dropped with the set probability or
held for the set delay, and written into the other namespace's device, where the kernel routes it
as usual. Both directions are shaped alike (as netem on both ends of a veth pair would). The
shaper runs in a process of its own so that its timing does not depend on the test's event loop;
it takes commands on stdin (`shape LOSS_PERCENT DELAY_MS`, `cut`, `restore`) and answers `ok`.

    with shaped_link() as link:
        subprocess.Popen(link.command("python", "-m", "outreach_app.cli.site", ...))
        link.shape(loss_percent=5, delay_ms=100)
        link.cut(); ...; link.restore()

Needs root (or CAP_NET_ADMIN), /dev/net/tun and `ip` from iproute2.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import random
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from heapq import heappop, heappush
from typing import IO

from tests.netns import (
    NAME_PREFIX,
    NamespaceUnavailable,
    _checked_ip,
    _free_subnet,
    _ip,
    remove_stale_namespaces,
)

_TUNSETIFF = 0x400454CA
_IFF_TUN = 0x0001
_IFF_NO_PI = 0x1000
_CLONE_NEWNET = 0x40000000
_counter = 0


@dataclass
class ShapedLink:
    name: str
    root_address: str
    namespace_address: str
    _shaper: subprocess.Popen[str] = field(repr=False)

    def command(self, *argv: str) -> list[str]:
        """`argv` run inside the namespace."""
        return ["ip", "netns", "exec", self.name, *argv]

    def shape(self, *, loss_percent: float = 0.0, delay_ms: float = 0.0) -> None:
        self._tell(f"shape {loss_percent} {delay_ms}")

    def cut(self) -> None:
        """Every packet is lost from now on, as when the cable is pulled; sockets stay open."""
        self._tell("cut")

    def restore(self) -> None:
        self._tell("restore")

    def statistics(self) -> tuple[int, int]:
        """Packets passed and dropped so far, both directions."""
        passed, dropped = self._tell("statistics").split()[1:3]
        return int(passed), int(dropped)

    def _tell(self, command: str) -> str:
        assert self._shaper.stdin is not None and self._shaper.stdout is not None
        self._shaper.stdin.write(command + "\n")
        self._shaper.stdin.flush()
        answer = self._shaper.stdout.readline().strip()
        if not answer.startswith("ok"):
            raise RuntimeError(f"the link shaper answered {answer!r} to {command!r}")
        return answer


@contextmanager
def shaped_link() -> Iterator[ShapedLink]:
    """A fresh namespace behind a shaped link; removed on exit, even after a failure."""
    global _counter
    if not os.path.exists("/dev/net/tun"):
        raise NamespaceUnavailable("/dev/net/tun is missing")
    remove_stale_namespaces()
    _counter += 1
    pid = os.getpid()
    name = f"{NAME_PREFIX}{pid}-{_counter + 500}"
    tag = f"{pid % 100000}{_counter % 10}"
    outer, inner = f"ors{tag}a", f"ors{tag}b"
    subnet = _free_subnet()
    root_address, namespace_address = str(subnet[1]), str(subnet[2])
    _checked_ip("netns", "add", name)
    shaper: subprocess.Popen[str] | None = None
    try:
        shaper = subprocess.Popen(
            [sys.executable, "-m", "tests.shaped_link", name, outer, inner],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert shaper.stdout is not None
        ready = shaper.stdout.readline().strip()
        if ready != "ready":
            raise NamespaceUnavailable(f"the link shaper did not start: {ready!r}")
        _checked_ip("addr", "add", root_address, "peer", namespace_address, "dev", outer)
        _checked_ip("link", "set", outer, "up")
        inside = ("-n", name)
        _checked_ip(*inside, "addr", "add", namespace_address, "peer", root_address, "dev", inner)
        _checked_ip(*inside, "link", "set", inner, "up")
        _checked_ip(*inside, "link", "set", "lo", "up")
        yield ShapedLink(name, root_address, namespace_address, shaper)
    finally:
        if shaper is not None:
            shaper.kill()
            shaper.wait(10)
        # The TUN devices go with the shaper's file descriptors.
        _ip("netns", "delete", name)


# ------------------------------------------------------------------------ the shaper process
def _open_tun(name: str) -> int:
    descriptor = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(descriptor, _TUNSETIFF, struct.pack("16sH", name.encode(), _IFF_TUN | _IFF_NO_PI))
    return descriptor


def _setns(namespace: IO[bytes]) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(namespace.fileno(), _CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "setns failed")


class _Shaper:
    def __init__(self, outer: int, inner: int) -> None:
        self.peer = {outer: inner, inner: outer}
        self.loss = 0.0
        self.delay = 0.0
        self.cut = False
        self.passed = 0
        self.dropped = 0
        self._due: list[tuple[float, int, int, bytes]] = []
        self._sequence = 0
        self._lock = threading.Lock()
        self._random = random.Random()

    def forward_forever(self) -> None:
        descriptors = list(self.peer)
        while True:
            with self._lock:
                wait = max(0.0, self._due[0][0] - time.monotonic()) if self._due else 0.05
            readable, _, _ = select.select(descriptors, [], [], min(wait, 0.05))
            now = time.monotonic()
            for descriptor in readable:
                packet = os.read(descriptor, 65536)
                with self._lock:
                    if self.cut or self._random.random() * 100 < self.loss:
                        self.dropped += 1
                        continue
                    self._sequence += 1
                    heappush(self._due, (now + self.delay, self._sequence, descriptor, packet))
            with self._lock:
                while self._due and self._due[0][0] <= time.monotonic():
                    _, _, source, packet = heappop(self._due)
                    try:
                        os.write(self.peer[source], packet)
                    except OSError:
                        # The device is not up yet (or going away): the packet is lost.
                        self.dropped += 1
                        continue
                    self.passed += 1

    def command(self, line: str) -> str:
        words = line.split()
        with self._lock:
            if words[:1] == ["shape"] and len(words) == 3:
                self.loss, self.delay = float(words[1]), float(words[2]) / 1000
                self.cut = False
            elif words == ["cut"]:
                self.cut = True
                self._due.clear()
            elif words == ["restore"]:
                self.cut = False
            elif words == ["statistics"]:
                return f"ok {self.passed} {self.dropped}"
            else:
                return f"error: unknown command {line!r}"
        return "ok"


def _serve(namespace_name: str, outer_name: str, inner_name: str) -> None:
    with (
        open("/proc/self/ns/net", "rb") as root_namespace,
        open(f"/run/netns/{namespace_name}", "rb") as namespace,
    ):
        outer = _open_tun(outer_name)
        _setns(namespace)
        inner = _open_tun(inner_name)
        _setns(root_namespace)
    shaper = _Shaper(outer, inner)
    threading.Thread(target=shaper.forward_forever, daemon=True).start()
    print("ready", flush=True)
    for line in sys.stdin:
        print(shaper.command(line), flush=True)


if __name__ == "__main__":
    _serve(*sys.argv[1:4])
