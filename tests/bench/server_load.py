"""Load on the signaling server: many sessions at once, each a host and its sites exchanging
messages at a steady rate through the standalone server on 127.0.0.1.

Every message is a ``candidate`` whose text names its session, sender, addressee, sequence number
and send time. Receivers check each one: it belongs to their own session, comes from the one peer
that may address them, arrives in order, exactly once; relay latency is receive time minus send
time (one clock: CLOCK_MONOTONIC is shared by every process on the machine). The server's memory
is sampled while it runs.

`run_load` drives any server (the test in tests/server/test_load.py uses an embedded one);
`measure_server_load` starts `outreach-server` as a subprocess and returns the figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from pathlib import Path
from typing import TypeAlias

import aiohttp

from outreach_app.core.invitations import issue_host_token, issue_site_token
from outreach_app.server.state_files import load_or_create_secret

ROOT = Path(__file__).resolve().parents[2]
HOST = "host"
# Whom a message goes to or comes from: HOST, or a site's id.
Address: TypeAlias = int | str
# Session ids of the load start here, so that a test's own sessions never collide with them.
FIRST_SESSION = 10_000
_CONNECT_BATCH = 50
_DRAIN_SECONDS = 10.0


@dataclass
class Tally:
    """What one client process saw."""

    connections: int = 0
    sent: int = 0
    received: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    # How late the clients' own loop sent, against the schedule: when this is large the
    # clients, not the server, are the bottleneck (a busy machine), and latencies include it.
    send_lag_ms: list[float] = field(default_factory=list)
    client_cpu_seconds: float = 0.0
    client_seconds: float = 0.0
    # Anything that must never happen: wrong session, wrong sender, out of order, an error reply.
    problems: list[str] = field(default_factory=list)
    missing: int = 0

    def merge(self, other: Tally) -> None:
        self.connections += other.connections
        self.sent += other.sent
        self.received += other.received
        self.latencies_ms += other.latencies_ms
        self.send_lag_ms += other.send_lag_ms
        self.client_cpu_seconds += other.client_cpu_seconds
        self.client_seconds = max(self.client_seconds, other.client_seconds)
        self.problems += other.problems
        self.missing += other.missing


class Participant:
    """One WebSocket client: a host (address "host") or a site (its id) of one session."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, session: int, address: Address) -> None:
        self.ws = ws
        self.session = session
        self.address = address
        self.peers: list[Address] = []  # whom this participant sends to
        self.sent: dict[Address, int] = {}  # addressee -> messages sent
        self.expected: dict[Address, int] = {}  # sender -> next sequence number
        self.latencies_ms: list[float] = []
        self.send_lag_ms: list[float] = []
        self.problems: list[str] = []
        self.measuring = False

    def message(self, to: Address) -> str:
        sequence = self.sent.get(to, 0)
        self.sent[to] = sequence + 1
        stamp = f"{self.session} {self.address} {to} {sequence} {time.monotonic_ns()}"
        # About the size of a real ICE candidate line.
        candidate = f"candidate:842163049 1 udp 1677729535 198.51.100.7 49203 typ srflx {stamp}"
        return json.dumps({"type": "candidate", "to": to, "candidate": candidate, "sdpMid": "0"})

    def check(self, data: str) -> None:
        now = time.monotonic_ns()
        message = json.loads(data)
        kind = message.get("type")
        if kind in ("peer-joined", "peer-left", "pong"):
            return
        if kind != "candidate":
            self.problems.append(f"{self.session}/{self.address} got {message}")
            return
        session, sender, to, sequence, sent_at = message["candidate"].split(" ")[-5:]
        expected_sender = str(message["from"])
        if int(session) != self.session or to != str(self.address) or sender != expected_sender:
            self.problems.append(
                f"{self.session}/{self.address} got a message of session {session} "
                f"from {sender} to {to} (relayed as from {expected_sender})"
            )
            return
        key: Address = HOST if sender == HOST else int(sender)
        if key not in self.peers:
            self.problems.append(f"{self.session}/{self.address} got a message from {sender}")
            return
        next_sequence = self.expected.get(key, 0)
        if int(sequence) != next_sequence:
            self.problems.append(
                f"{self.session}/{self.address} from {sender}: #{sequence}, expected "
                f"#{next_sequence}"
            )
        self.expected[key] = int(sequence) + 1
        if self.measuring:
            self.latencies_ms.append((now - int(sent_at)) / 1e6)

    async def read(self) -> None:
        while True:
            frame = await self.ws.receive()
            if frame.type is aiohttp.WSMsgType.TEXT:
                self.check(frame.data)
            elif frame.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                return
            elif frame.type is aiohttp.WSMsgType.ERROR:
                self.problems.append(f"{self.session}/{self.address}: {self.ws.exception()}")
                return

    async def send_steadily(self, rate: float, stop: asyncio.Event, offset: float) -> None:
        """`rate` messages a second to each peer until `stop` is set."""
        period = 1.0 / rate
        loop = asyncio.get_running_loop()
        due = loop.time() + offset
        while not stop.is_set():
            await asyncio.sleep(max(0.0, due - loop.time()))
            if stop.is_set():
                return
            if self.measuring:
                self.send_lag_ms.append((loop.time() - due) * 1000)
            for peer in self.peers:
                await self.ws.send_str(self.message(peer))
            due += period


async def run_load(
    url: str,
    secret: bytes,
    sessions: Sequence[int],
    sites_per_session: int,
    *,
    rate: float,
    warmup_seconds: float,
    seconds: float,
) -> Tally:
    """Connect a host and `sites_per_session` sites to each session in `sessions`, exchange
    `rate` messages a second per peer pair both ways, and tally what arrived.

    Latencies count only during the `seconds` after the warm-up; correctness counts throughout.
    """
    expires = int(time.time()) + 3600
    tally = Tally()
    participants: list[Participant] = []
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:

        async def join(session: int, address: Address) -> Participant:
            ws = await http.ws_connect(f"{url}/ws", autoping=True, heartbeat=None)
            if isinstance(address, int):
                token = issue_site_token(secret, session, address, expires)
            else:
                token = issue_host_token(secret, session, expires)
            await ws.send_str(json.dumps({"type": "join", "token": token}))
            joined = await ws.receive(timeout=30)
            reply = json.loads(joined.data) if joined.type is aiohttp.WSMsgType.TEXT else joined
            if not isinstance(reply, dict) or reply.get("type") != "joined":
                raise RuntimeError(f"session {session} {address}: not joined: {reply}")
            participant = Participant(ws, session, address)
            sites: list[Address] = list(range(1, sites_per_session + 1))
            participant.peers = sites if address == HOST else [HOST]
            return participant

        plan = [(s, a) for s in sessions for a in (HOST, *range(1, sites_per_session + 1))]
        for start in range(0, len(plan), _CONNECT_BATCH):
            batch = plan[start : start + _CONNECT_BATCH]
            participants += await asyncio.gather(*(join(s, a) for s, a in batch))
        tally.connections = len(participants)

        readers = [asyncio.create_task(p.read()) for p in participants]
        stop = asyncio.Event()
        period = 1.0 / rate
        senders = [
            asyncio.create_task(p.send_steadily(rate, stop, offset=period * i / len(participants)))
            for i, p in enumerate(participants)
        ]
        await asyncio.sleep(warmup_seconds)
        for participant in participants:
            participant.measuring = True
        await asyncio.sleep(seconds)
        for participant in participants:
            participant.measuring = False
        stop.set()
        await asyncio.gather(*senders)

        # Wait until everything sent has arrived (or give up and count what is missing).
        def outstanding() -> int:
            missing = 0
            by_key = {(p.session, p.address): p for p in participants}
            for sender in participants:
                for to, count in sender.sent.items():
                    receiver = by_key[(sender.session, to)]
                    missing += count - receiver.expected.get(sender.address, 0)
            return missing

        deadline = time.monotonic() + _DRAIN_SECONDS
        while outstanding() > 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        tally.missing = outstanding()
        for participant in participants:
            await participant.ws.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*readers, return_exceptions=True), 10)
    for participant in participants:
        tally.sent += sum(participant.sent.values())
        tally.received += sum(participant.expected.values())
        tally.latencies_ms += participant.latencies_ms
        tally.send_lag_ms += participant.send_lag_ms
        tally.problems += participant.problems
    return tally


def _client_process(
    url: str,
    secret: bytes,
    sessions: list[int],
    sites_per_session: int,
    rate: float,
    warmup_seconds: float,
    seconds: float,
    results: Queue[Tally],
) -> None:
    raise_open_files_limit()
    started = time.monotonic()
    tally = asyncio.run(
        run_load(
            url,
            secret,
            sessions,
            sites_per_session,
            rate=rate,
            warmup_seconds=warmup_seconds,
            seconds=seconds,
        )
    )
    usage = resource.getrusage(resource.RUSAGE_SELF)
    tally.client_cpu_seconds = usage.ru_utime + usage.ru_stime
    tally.client_seconds = time.monotonic() - started
    results.put(tally)


def raise_open_files_limit(wanted: int = 8192) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


@dataclass
class LoadResult:
    sessions: int
    connections: int
    rate: float
    seconds: float
    tally: Tally
    rss_idle_mb: float
    rss_peak_mb: float
    rss_after_mb: float
    server_cores: float


def percentile(values: Sequence[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class StandaloneServer:
    """`outreach-server` in a subprocess on 127.0.0.1 with a fresh secret."""

    def __init__(self, folder: Path) -> None:
        self.secret_file = folder / "signaling-secret"
        self.secret = load_or_create_secret(self.secret_file)
        raise_open_files_limit()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "outreach_app.cli.server",
                "--port",
                "0",
                "--secret-file",
                str(self.secret_file),
                # Every client connects from 127.0.0.1, in batches that join at once.
                "--max-connections-per-address",
                "4096",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if "listening on" not in line:
            self.stop()
            raise RuntimeError(f"outreach-server did not start: {line}")
        self.url = line.rsplit(" ", 1)[1].strip()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def measure_server_load(
    sessions: int,
    sites_per_session: int = 4,
    *,
    rate: float = 2.0,
    seconds: float = 10.0,
    warmup_seconds: float = 2.0,
    client_processes: int = 1,
    first_session: int = FIRST_SESSION,
) -> LoadResult:
    """Start the standalone server, load it, and return the figures (it is stopped after)."""
    import psutil

    with tempfile.TemporaryDirectory() as folder:
        server = StandaloneServer(Path(folder))
        try:
            process = psutil.Process(server.process.pid)
            time.sleep(0.3)
            rss_idle = process.memory_info().rss
            cpu_before = process.cpu_times()
            started = time.monotonic()
            ids = list(range(first_session, first_session + sessions))
            context = multiprocessing.get_context("spawn")
            results: Queue[Tally] = context.Queue()
            workers = [
                context.Process(
                    target=_client_process,
                    args=(
                        server.url,
                        server.secret,
                        ids[index::client_processes],
                        sites_per_session,
                        rate,
                        warmup_seconds,
                        seconds,
                        results,
                    ),
                )
                for index in range(client_processes)
            ]
            for worker in workers:
                worker.start()
            peak = rss_idle
            tally = Tally()
            collected = 0
            while collected < len(workers):
                peak = max(peak, process.memory_info().rss)
                try:
                    tally.merge(results.get(timeout=0.2))
                    collected += 1
                except Exception:  # queue.Empty; the workers may still be running
                    if not any(worker.is_alive() for worker in workers) and results.empty():
                        raise RuntimeError("a load client died without a result") from None
            for worker in workers:
                worker.join(10)
            elapsed = time.monotonic() - started
            cpu_after = process.cpu_times()
            time.sleep(0.5)
            rss_after = process.memory_info().rss
        finally:
            server.stop()
    busy = (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system)
    return LoadResult(
        sessions=sessions,
        connections=tally.connections,
        rate=rate,
        seconds=seconds,
        tally=tally,
        rss_idle_mb=rss_idle / 1e6,
        rss_peak_mb=peak / 1e6,
        rss_after_mb=rss_after / 1e6,
        server_cores=busy / elapsed if elapsed else 0.0,
    )
