"""One measurement of a session on the media server (or on the hub, for comparison), in a
process of its own: the official's real call window with N headless sites.

    python -m tests.bench.call_sfu --sites N --engine janus|hub [--seconds S]

The official's side runs as in the app (the call window, the embedded signaling server, the
synthetic camera at 640x480 and 30 fps; waiting sites asked for 320x240 at 10 fps). On Janus,
Janus runs with Outreach's configuration, its API on 127.0.0.1 and media on the root side of a
network namespace's veth link (ICE never uses loopback). The sites are the headless test site:
the floor site and one waiting site (whose view is measured) in processes of their own, the
other sites eight to a process kept to the last core, as the demo keeps them (`--cores shared`:
free on every core). With the floor on the first site it measures the official's CPU and
memory, the floor site's frame rate at the official and at a waiting site, the waiting sites'
rate at the official, Janus's CPU and the longest stall of the GUI thread. Prints one JSON
line.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
import qasync
from PySide6.QtWidgets import QApplication

from outreach_app.call.ice import host_addresses
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService, CallSettings, LocalServerFactory
from outreach_app.call.simulated import one_core_for_sites
from outreach_app.core.call_engines import EngineChoice
from outreach_app.core.model import Role, User
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.media_rooms import JanusAccess
from outreach_app.server.state_files import load_or_create_secret
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.presenter import CallPhase
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from tests.bench.call_hub import CORE_PLACEMENTS, LatenessMeter, _cpu_seconds, _seed, _wait_for
from tests.call.site_processes import SiteProcess
from tests.janus import JanusProcess
from tests.netns import network_namespace

ENGINES = ("janus", "hub")
SITES_PER_PROCESS = 8
CROWD_NICENESS = 19
_FPS = re.compile(r"(\d+)x(\d+) ([\d.]+) fps")


def _fps(described: str) -> float:
    match = _FPS.search(described)
    return float(match.group(3)) if match else 0.0


@contextmanager
def _media_server(folder: Path) -> Iterator[tuple[JanusAccess, str, psutil.Process]]:
    """Janus with Outreach's configuration, and the address media uses."""
    with ExitStack() as stack:
        namespace = stack.enter_context(network_namespace())
        janus = JanusProcess(folder / "janus", namespace.root_address, rtp_ports=(20000, 20999))
        janus.start()
        stack.callback(janus.stop)
        yield janus.access, namespace.root_address, psutil.Process(janus.pid)


async def run(
    sites: int, engine: str, seconds: float, placement: str
) -> dict[str, float | int | str]:
    folder = Path(tempfile.mkdtemp())
    with ExitStack() as stack:
        janus: psutil.Process | None = None
        if engine == "janus":
            access, address, janus = stack.enter_context(_media_server(folder))
            local_server: LocalServerFactory = functools.partial(EmbeddedServer, janus=access)
        else:
            address = "127.0.0.1"
            local_server = EmbeddedServer
        stack.enter_context(host_addresses([address]))
        return await _measure(
            folder, sites, engine, seconds, placement, address, local_server, janus
        )
    raise AssertionError("unreachable")


async def _measure(
    folder: Path,
    sites: int,
    engine: str,
    seconds: float,
    placement: str,
    address: str,
    local_server: LocalServerFactory,
    janus: psutil.Process | None,
) -> dict[str, float | int | str]:
    user = User("基准测试", Role.OFFICIAL)
    store = StoreWorker.open_path(folder / "outreach.db", user)
    choice = EngineChoice.JANUS if engine == "janus" else EngineChoice.HUB

    def seed(repo: Repository) -> int:
        session_id = _seed(repo, sites)
        session = repo.sessions.get_session(session_id)
        session.call_engine = choice
        repo.sessions.save_session(session)
        return session_id

    session_id = store.call(seed)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())
    service = CallService(
        CallSettings("http://127.0.0.1:0", host_addresses=(address,)),
        secret=functools.partial(load_or_create_secret, folder / "secret"),
        local_server=local_server,
    )
    window = CallWindow(context, session_id, service)
    window.resize(1360, 840)
    window.show()
    presenter = window.presenter
    meter = LatenessMeter()
    crowds: list[SiteProcess] = []
    speaker: SiteProcess | None = None
    watcher_process: SiteProcess | None = None
    try:
        await _wait_for(lambda: presenter.phase is CallPhase.LIVE, 20, "the call started")
        call = presenter.call
        assert call is not None and call.engine is not None
        if call.engine.engine != engine:
            raise SystemExit(f"the session runs on {call.engine.engine}, not {engine}")
        hub = call.hub
        links = [presenter.invitation_link(site) or "" for site in presenter.order]
        # The floor site has a machine of its own in real life: here a process of its own.
        # Real sites each have a machine of their own: the floor site and the waiting site
        # whose view is measured get a process of their own here. A Python process carries
        # about eight more sites at their waiting quality (its global lock is the limit).
        speaker = SiteProcess(links[:1], host_address=address)
        watcher_process = SiteProcess(links[1:2], host_address=address)
        crowds = [
            SiteProcess(links[start : start + SITES_PER_PROCESS], host_address=address)
            for start in range(2, len(links), SITES_PER_PROCESS)
        ]
        for process in (speaker, watcher_process, *crowds):
            await process.start()
            assert process.process is not None
        cores = one_core_for_sites() if placement == "demo" else None
        for process in crowds:
            if process.process is None:
                continue
            if cores:
                os.sched_setaffinity(process.process.pid, cores)
            # Two cores cannot carry two dozen simulated sites besides the official and Janus:
            # the crowd yields first, so that the floor site and the measured waiting site send
            # and see what real ones would, and the crowd's own rate shows what it could do.
            os.setpriority(os.PRIO_PROCESS, process.process.pid, CROWD_NICENESS)
        await _wait_for(
            lambda: all(presenter.state(s) is PeerState.CONNECTED for s in presenter.order),
            30 + 3 * sites,
            "every site connected",
        )
        floor_site, watcher = presenter.order[0], presenter.order[1]
        presenter.give_floor(floor_site)
        await asyncio.sleep(5.0)  # encoders settle at their new sizes

        me = psutil.Process()
        site_processes = [
            psutil.Process(p.process.pid)
            for p in (speaker, watcher_process, *crowds)
            if p.process is not None
        ]
        official_cpu = _cpu_seconds(me)
        sites_cpu = sum(_cpu_seconds(process) for process in site_processes)
        janus_cpu = _cpu_seconds(janus) if janus is not None else 0.0
        floor_fps: list[float] = []
        waiting_fps: list[float] = []
        watched: list[float] = []
        meter.start()
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            await asyncio.sleep(0.5)
            for site in presenter.order:
                video = hub.video_statistics(site)
                fps = 0.0 if video is None else video.fps
                (floor_fps if site == floor_site else waiting_fps).append(fps)
            report = watcher_process.last_report(watcher)
            if report is not None:
                watched.append(_fps(report["floor"]))
        elapsed = time.monotonic() - started
        result: dict[str, float | int | str] = {
            "engine": engine,
            "sites": sites,
            "official_cores": (_cpu_seconds(me) - official_cpu) / elapsed,
            "official_rss_mb": me.memory_info().rss / 2**20,
            "floor_fps_at_official": statistics.median(floor_fps),
            "floor_fps_at_waiting_site": statistics.median(watched) if watched else 0.0,
            "waiting_fps_at_official": statistics.median(waiting_fps) if waiting_fps else 0.0,
            "sites_cores": (sum(_cpu_seconds(process) for process in site_processes) - sites_cpu)
            / elapsed,
            "janus_cores": (_cpu_seconds(janus) - janus_cpu) / elapsed if janus else 0.0,
            "janus_rss_mb": janus.memory_info().rss / 2**20 if janus else 0.0,
            "longest_stall_ms": meter.longest_ms,
            "connected": sum(presenter.state(s) is PeerState.CONNECTED for s in presenter.order),
        }
        await presenter.end()
        return result
    finally:
        if presenter.phase is not CallPhase.ENDED:
            await presenter.end()
        for running in (speaker, watcher_process, *crowds):
            if running is not None and running.process is not None:
                await running.stop()
        window.close()
        await asyncio.sleep(0.3)
        await service.close()
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.call_sfu")
    parser.add_argument("--sites", type=int, required=True)
    parser.add_argument("--engine", choices=ENGINES, default="janus")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument(
        "--cores",
        choices=CORE_PLACEMENTS,
        default="demo",
        help="demo: the waiting sites kept to the last core; shared: free on every core",
    )
    arguments = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(
            run(arguments.sites, arguments.engine, arguments.seconds, arguments.cores)
        )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
