"""Team mode's figures: how soon a change on one computer shows on the others, a new computer's
first copy of a large record, and the team server with many syncing apps.

Everything runs against the real `outreach-server --data DIR` on 127.0.0.1, started here. Apps
that watch run in processes of their own (`python -m tests.bench.sync_bench watch|light ...`)
and report what they saw on their standard output, one JSON line each; every process on the
machine shares one clock (time.time), so a latency is the time seen minus the time written.
The reference, measured in the same run, is the round trip of a ping over the same kind of
WebSocket to the same server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import psutil

from outreach_app.core.message_codec import to_json
from outreach_app.core.model import Role, Site, User
from outreach_app.core.team_protocol import (
    PROTOCOL_VERSION,
    TEAM_SERVER_MESSAGES,
    Changes,
    Hello,
    Nudge,
    Pull,
    TeamPing,
    TeamPong,
    Welcome,
)
from outreach_app.storage.repository import Repository
from outreach_app.storage.schema import schema_fingerprint
from outreach_app.sync.client import Link
from outreach_app.sync.connection import TeamAddress, sign_in
from outreach_app.sync.replica_store import open_synced_replica
from tests.team.live_server import PASSWORD
from tests.team.server_process import ROOT, ServerProcess, init_record

CACHE = Path(__file__).resolve().parent / ".cache"
MARK = "bench-"


def percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


# ----------------------------------------------------------------------- watchers
async def watch(url: str, names: list[str], folder: Path, seconds: float) -> None:
    """Replicas that print, for each site named bench-<number>-<time written>, when it showed."""
    address = TeamAddress(url)
    loop = asyncio.get_running_loop()
    seen: set[str] = set()
    clients = []
    stores = []
    reports: set[asyncio.Task[None]] = set()

    for index, name in enumerate(names):
        credentials = await sign_in(address, name, PASSWORD, f"watch-{index}")

        def changed(tables: set[str], index: int = index) -> None:
            if "sites" in tables or "*" in tables:
                task = loop.create_task(report(index))
                reports.add(task)
                task.add_done_callback(reports.discard)

        store, client = open_synced_replica(
            folder / f"watch-{os.getpid()}-{index}.db",
            User(credentials.account, credentials.role),
            address,
            credentials.token,
            f"watch-{index}",
            loop,
            on_changed=changed,
        )
        clients.append(client)
        stores.append(store)

    async def report(index: int) -> None:
        names_now = await stores[index].run(
            lambda r: [
                str(n)
                for (n,) in r.db.execute(
                    "SELECT name FROM sites WHERE name LIKE ?", (MARK + "%",)
                ).fetchall()
            ]
        )
        now = time.time()
        for site in names_now:
            key = f"{index}/{site}"
            if key not in seen:
                seen.add(key)
                print(json.dumps({"watcher": index, "site": site, "seen": now}), flush=True)

    tasks = [asyncio.ensure_future(client.run()) for client in clients]
    while not all(c.status.link is Link.ONLINE for c in clients):
        await asyncio.sleep(0.05)
    print(json.dumps({"ready": len(clients)}), flush=True)
    await asyncio.sleep(seconds)
    for client in clients:
        client.stop()
    await asyncio.gather(*tasks, return_exceptions=True)
    for store in stores:
        store.close()


async def light(url: str, name: str, count: int, seconds: float) -> None:
    """`count` apps reduced to their sync: sign in, pull on every nudge, print when each change
    arrived (no replica: this measures the server's fan-out, not SQLite)."""
    address = TeamAddress(url)
    tokens = [(await sign_in(address, name, PASSWORD, f"light-{i}")).token for i in range(count)]
    ready = asyncio.Event()
    connected = 0
    started = time.time()

    async def one(token: str) -> None:
        nonlocal connected
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(address.sync_url, max_msg_size=0) as ws,
        ):
            await ws.send_str(
                to_json(Hello(token, "light", 0, PROTOCOL_VERSION, schema_fingerprint()))
            )
            cursor = 0
            pulling = False
            async for frame in ws:
                message = TEAM_SERVER_MESSAGES.from_json(str(frame.data))
                if isinstance(message, Welcome):
                    cursor = message.head
                    connected += 1
                    if connected == count:
                        ready.set()
                elif isinstance(message, Nudge) and not pulling and message.head > cursor:
                    pulling = True
                    await ws.send_str(to_json(Pull(cursor, 2000)))
                elif isinstance(message, Changes):
                    now = time.time()
                    for entry in message.entries:
                        row = entry.row or {}
                        site = row.get("name")
                        if (
                            entry.table == "sites"
                            and isinstance(site, str)
                            and site.startswith(MARK)
                        ):
                            print(json.dumps({"site": site, "seen": now}), flush=True)
                    cursor = max([cursor, *(e.seq for e in message.entries)])
                    pulling = False
                    if message.more:
                        pulling = True
                        await ws.send_str(to_json(Pull(cursor, 2000)))
                if time.time() - started > seconds:
                    return

    tasks = [asyncio.ensure_future(one(token)) for token in tokens]
    await asyncio.wait_for(ready.wait(), 60)
    print(json.dumps({"ready": count}), flush=True)
    await asyncio.gather(*tasks, return_exceptions=True)


# --------------------------------------------------------------------- measuring
@dataclass
class Watchers:
    processes: list[subprocess.Popen[str]] = field(default_factory=list)
    seen: dict[str, list[float]] = field(default_factory=dict)

    def start(self, argv: list[str]) -> None:
        self.processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "tests.bench.sync_bench", *argv],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        )

    def start_spread(self, argv: list[str], apps: int, *, processes: int) -> None:
        """`apps` apps in at most `processes` processes, to use the machine's cores."""
        per_process = max(1, -(-apps // processes))
        remaining = apps
        while remaining > 0:
            batch = min(per_process, remaining)
            self.start([*argv, "--count", str(batch)])
            remaining -= batch

    def latencies_ms(self, written: dict[str, float]) -> list[float]:
        return [
            (seen - written[site]) * 1000
            for site, seens in self.seen.items()
            if site in written
            for seen in seens
        ]

    def wait_ready(self) -> None:
        for process in self.processes:
            assert process.stdout is not None
            while True:
                line = process.stdout.readline()
                if not line:
                    raise RuntimeError("a watcher ended before it was ready")
                if "ready" in json.loads(line):
                    break

    def collect(self) -> None:
        for process in self.processes:
            out, _ = process.communicate(timeout=120)
            for line in out.splitlines():
                with contextlib.suppress(ValueError, KeyError):
                    entry = json.loads(line)
                    self.seen.setdefault(entry["site"], []).append(float(entry["seen"]))


async def ping_round_trip(url: str, name: str, repeats: int = 40) -> list[float]:
    address = TeamAddress(url)
    credentials = await sign_in(address, name, PASSWORD, "ping")
    times: list[float] = []
    async with aiohttp.ClientSession() as session, session.ws_connect(address.sync_url) as ws:
        await ws.send_str(
            to_json(Hello(credentials.token, "ping", 0, PROTOCOL_VERSION, schema_fingerprint()))
        )
        for number in range(repeats):
            started = time.perf_counter()
            await ws.send_str(to_json(TeamPing(number)))
            while True:
                message = TEAM_SERVER_MESSAGES.from_json(str((await ws.receive()).data))
                if isinstance(message, TeamPong) and message.id == number:
                    break
            times.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(0.02)
    return times


async def write_changes(url: str, folder: Path, changes: int, interval: float) -> dict[str, float]:
    """A staff member's replica saving one site after another; when each was saved."""
    address = TeamAddress(url)
    credentials = await sign_in(address, "writer", PASSWORD, "writer")
    store, client = open_synced_replica(
        folder / "writer.db",
        User(credentials.account, credentials.role),
        address,
        credentials.token,
        "writer",
        asyncio.get_running_loop(),
    )
    task = asyncio.ensure_future(client.run())
    written: dict[str, float] = {}
    try:
        while client.status.link is not Link.ONLINE:
            await asyncio.sleep(0.05)
        for number in range(changes):
            name = f"{MARK}{number}"

            def save(repo: Repository, name: str = name) -> float:
                repo.sites.save_site(Site(name=name))
                return time.time()

            written[name] = await store.run(save)
            await asyncio.sleep(interval)
        await asyncio.sleep(2.0)
    finally:
        client.stop()
        await asyncio.gather(task, return_exceptions=True)
        store.close()
    return written


@dataclass(frozen=True)
class VisibleFigures:
    clients: int
    p50_ms: float
    p95_ms: float
    seen_fraction: float
    reference_ms: float


def measure_visible(folder: Path, clients: int, changes: int = 30) -> VisibleFigures:
    """Change on one app to visible in the replicas of `clients - 1` others."""
    data = folder / f"record-{clients}"
    init_record(data, {"writer": Role.STAFF, "reader": Role.REVIEWER})
    # Every app of the benchmark comes from 127.0.0.1.
    server = ServerProcess(data, extra=("--max-connections-per-address", "4096"))
    server.start()
    watchers = Watchers()
    try:
        watchers.start_spread(
            ["watch", server.url, "--folder", str(folder), "--seconds", str(changes * 0.3 + 15)],
            clients - 1,
            processes=2,
        )
        watchers.wait_ready()
        reference = asyncio.run(ping_round_trip(server.url, "reader"))
        written = asyncio.run(write_changes(server.url, folder, changes, 0.3))
        watchers.collect()
    finally:
        server.stop()
    latencies = watchers.latencies_ms(written)
    expected = len(written) * (clients - 1)
    return VisibleFigures(
        clients,
        percentile(latencies, 0.5),
        percentile(latencies, 0.95),
        len(latencies) / expected if expected else 0.0,
        statistics.median(reference),
    )


@dataclass(frozen=True)
class FanOutFigures:
    clients: int
    p50_ms: float
    p99_ms: float
    seen_fraction: float
    server_rss_mb: float
    server_cores: float


def measure_fan_out(folder: Path, clients: int, changes: int = 20) -> FanOutFigures:
    data = folder / f"record-fan-{clients}"
    init_record(data, {"writer": Role.STAFF, "reader": Role.REVIEWER})
    server = ServerProcess(data, extra=("--max-connections-per-address", "4096"))
    server.start()
    watchers = Watchers()
    process = psutil.Process(server.pid())
    try:
        watchers.start_spread(["light", server.url, "--seconds", "90"], clients, processes=4)
        watchers.wait_ready()
        cpu_before = process.cpu_times()
        started = time.monotonic()
        peak_rss = 0.0

        async def sample_while_writing() -> dict[str, float]:
            nonlocal peak_rss
            writing = asyncio.ensure_future(write_changes(server.url, folder, changes, 0.5))
            while not writing.done():
                peak_rss = max(peak_rss, process.memory_info().rss / 2**20)
                await asyncio.sleep(0.2)
            return writing.result()

        written = asyncio.run(sample_while_writing())
        cpu_after = process.cpu_times()
        elapsed = time.monotonic() - started
        for watcher in watchers.processes:
            watcher.terminate()
        watchers.collect()
    finally:
        server.stop()
    latencies = watchers.latencies_ms(written)
    busy = (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system)
    return FanOutFigures(
        clients,
        percentile(latencies, 0.5),
        percentile(latencies, 0.99),
        len(latencies) / (len(written) * clients),
        peak_rss,
        busy / elapsed,
    )


@dataclass(frozen=True)
class FirstCopyFigures:
    # The record's file as it travels (the first copy is one database file).
    size_bytes: int
    seconds: float
    peak_rss_mb: float


def measure_first_copy(notes_database: Path, folder: Path) -> FirstCopyFigures:
    """A new computer's first copy of a record made from the storage benchmark's database."""
    data = CACHE / f"record-of-{notes_database.stem}"
    if not (data / "record.db").exists():
        print(f"sync: importing {notes_database.name} into a team record (once)…", file=sys.stderr)
        init_record(data, {"reader": Role.REVIEWER})
        subprocess.run(
            [
                sys.executable,
                "-m",
                "outreach_app.cli.server",
                "import",
                "--data",
                str(data),
                str(notes_database),
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    server = ServerProcess(data)
    server.start()
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.bench.sync_bench",
                "copy",
                server.url,
                "--folder",
                str(folder),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.monotonic() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    finally:
        server.stop()
    size = int(json.loads(done.stdout.strip().splitlines()[-1])["bytes"])
    return FirstCopyFigures(size, seconds, max(peak_kib, before) / 1024)


async def first_copy(url: str, folder: Path) -> None:
    address = TeamAddress(url)
    credentials = await sign_in(address, "reader", PASSWORD, "first-copy")
    total = 0

    def status(state: object) -> None:
        nonlocal total
        copy = getattr(state, "first_copy", None)
        if copy is not None:
            total = max(total, int(copy[1]))

    store, client = open_synced_replica(
        folder / "first-copy.db",
        User(credentials.account, credentials.role),
        address,
        credentials.token,
        "first-copy",
        asyncio.get_running_loop(),
        on_status=status,
    )
    task = asyncio.ensure_future(client.run())
    while client.status.link is not Link.ONLINE:
        await asyncio.sleep(0.2)
    client.stop()
    await asyncio.gather(task, return_exceptions=True)
    store.close()
    print(json.dumps({"bytes": total}), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.sync_bench")
    parser.add_argument("mode", choices=["watch", "light", "copy"])
    parser.add_argument("url")
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--folder", type=Path, default=Path("."))
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    if args.mode == "watch":
        asyncio.run(watch(args.url, ["reader"] * args.count, args.folder, args.seconds))
    elif args.mode == "light":
        asyncio.run(light(args.url, "reader", args.count, args.seconds))
    else:
        asyncio.run(first_copy(args.url, args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
