"""A network namespace joined to this one by a veth pair, for peers that need a real address.

ICE in aiortc, Chromium and Janus never uses 127.0.0.1, and tests must not use the machine's
external address (FINDINGS.md). A namespace gives a peer its own address on a private link:

    root namespace  veth <root-side address>/24  <-->  <namespace address>/24 veth  namespace

A program started with `NetworkNamespace.command(...)` (or through `wrapper_script`) sees only
the namespace's link and loopback; this process reaches it on `namespace_address` and is reached
from it on `root_address`. Needs root (or CAP_NET_ADMIN) and `ip` from iproute2.

Names carry the creating process's id, so namespaces left behind by a killed run are recognised
and removed by the next one, and parallel runs on one machine pick different subnets.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Final

NAME_PREFIX: Final = "outreach-test-"
# 10.213.N.0/24: private, and unlikely to be a real network on a developer's machine.
_SUBNET_BASE: Final = ipaddress.IPv4Network("10.213.0.0/16")
_STALE_NAME = re.compile(re.escape(NAME_PREFIX) + r"(\d+)-\d+")
_counter = 0


class NamespaceUnavailable(RuntimeError):
    """Namespaces cannot be created here (not root, no iproute2, a container without them)."""


@dataclass(frozen=True)
class NetworkNamespace:
    name: str
    root_address: str
    namespace_address: str
    root_interface: str

    @contextmanager
    def link_cut(self) -> Iterator[None]:
        """The link is down for the duration of the block, as when a cable is pulled or Wi-Fi
        drops out: packets are lost, but addresses and open sockets stay."""
        _checked_ip("link", "set", self.root_interface, "down")
        try:
            yield
        finally:
            _checked_ip("link", "set", self.root_interface, "up")

    def command(self, *argv: str) -> list[str]:
        """`argv` run inside the namespace."""
        return ["ip", "netns", "exec", self.name, *argv]

    def wrapper_script(self, folder: Path, program: str) -> Path:
        """An executable in `folder` that runs `program` inside the namespace with its arguments
        (for launchers such as Playwright that take an executable path and add arguments)."""
        script = folder / f"{Path(program).name}-in-{self.name}"
        script.write_text(
            f'#!/bin/sh\nexec ip netns exec {self.name} {program} "$@"\n', encoding="utf-8"
        )
        script.chmod(0o755)
        return script


def _ip(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *argv], capture_output=True, text=True, timeout=10)


def _checked_ip(*argv: str) -> None:
    result = _ip(*argv)
    if result.returncode != 0:
        raise NamespaceUnavailable(f"`ip {' '.join(argv)}` failed: {result.stderr.strip()}")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_namespaces() -> None:
    """Delete namespaces of earlier runs whose process is gone (a killed pytest leaves them)."""
    listing = _ip("netns", "list")
    for line in listing.stdout.splitlines():
        name = line.split()[0] if line.split() else ""
        match = _STALE_NAME.fullmatch(name)
        if match and not _process_alive(int(match.group(1))):
            # Deleting the namespace destroys its veth end, and with it the root-side peer.
            _ip("netns", "delete", name)


def _subnets_in_use() -> set[ipaddress.IPv4Network]:
    listing = _ip("-4", "-o", "addr", "show")
    used: set[ipaddress.IPv4Network] = set()
    for address in re.findall(r"inet (\d+\.\d+\.\d+\.\d+/\d+)", listing.stdout):
        used.add(ipaddress.IPv4Interface(address).network)
    return used


def _free_subnet() -> ipaddress.IPv4Network:
    used = _subnets_in_use()
    subnets = list(_SUBNET_BASE.subnets(new_prefix=24))[1:]
    start = os.getpid() % len(subnets)
    for subnet in subnets[start:] + subnets[:start]:
        if not any(subnet.overlaps(other) for other in used):
            return subnet
    raise NamespaceUnavailable(f"no free /24 left in {_SUBNET_BASE}")


@contextmanager
def network_namespace() -> Iterator[NetworkNamespace]:
    """A fresh namespace with a veth link to this one; removed on exit, even after a failure."""
    global _counter
    if shutil.which("ip") is None:
        raise NamespaceUnavailable("`ip` (iproute2) is not installed")
    remove_stale_namespaces()
    _counter += 1
    pid = os.getpid()
    name = f"{NAME_PREFIX}{pid}-{_counter}"
    # Interface names have at most 15 characters.
    tag = f"{pid % 100000}{_counter % 10}"
    root_interface, inner_interface = f"orv{tag}a", f"orv{tag}b"
    subnet = _free_subnet()
    root_address, namespace_address = str(subnet[1]), str(subnet[2])
    _checked_ip("netns", "add", name)
    try:
        _checked_ip("link", "add", root_interface, "type", "veth", "peer", "name", inner_interface)
        try:
            _checked_ip("link", "set", inner_interface, "netns", name)
            _checked_ip("addr", "add", f"{root_address}/24", "dev", root_interface)
            _checked_ip("link", "set", root_interface, "up")
            inside = ("-n", name)
            _checked_ip(*inside, "addr", "add", f"{namespace_address}/24", "dev", inner_interface)
            _checked_ip(*inside, "link", "set", inner_interface, "up")
            _checked_ip(*inside, "link", "set", "lo", "up")
            yield NetworkNamespace(name, root_address, namespace_address, root_interface)
        finally:
            # Gone already when the inner end moved into the namespace and that was deleted.
            with suppress(subprocess.TimeoutExpired):
                _ip("link", "delete", root_interface)
    finally:
        _ip("netns", "delete", name)
