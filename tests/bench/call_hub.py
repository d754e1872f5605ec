"""One hub measurement in a process of its own: the official's real call window with N sites.

    python -m tests.bench.call_hub --sites N [--seconds S]
    xvfb-run -a -s "-screen 0 1400x900x24" python -m tests.bench.call_hub --sites 6  (real X11)

The official's side runs as in the app: the call window with its notes panel, the embedded
signaling server, the hub (floor 640x480 at 30 fps, waiting sites 320x240 at 15 fps), the
official's synthetic camera. The sites run in a second process (the demo's simulated sites)
over loopback. With the floor on the first site it measures what the hub receives (floor and
waiting frame rates), the CPU cores each process uses, the app's resident memory and how late a
10 ms timer fires on the GUI thread; then the floor moves and the session ends with every site
connected, which is timed too. Prints one JSON line.

Where the sites run (`--cores`), on a machine with at least two cores:
  demo    kept to the last core, as `outreach-app --demo` keeps its simulated sites
  shared  free to run on any core, like the hub
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from outreach_app.call.link_state import PeerState
from outreach_app.call.simulated import SimulatedSites, one_core_for_sites
from outreach_app.core.model import (
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.presenter import CallPhase
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from tests.local_calls import local_call_service

TICK_MS = 10
CORE_PLACEMENTS = ("demo", "shared")


class LatenessMeter:
    """How late a 10 ms timer fires on the GUI thread."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.samples = []
        self._last = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now

    @property
    def longest_ms(self) -> float:
        return max(self.samples, default=0.0)


def _seed(repo: Repository, sites: int) -> int:
    site_ids = [repo.sites.save_site(Site(f"站点{n}")) for n in range(1, sites + 1)]
    return repo.sessions.save_session(
        Session(
            "基准连线",
            SessionKind.POLICY_BRIEFING,
            "王建国",
            datetime.now().replace(microsecond=0) - timedelta(minutes=1),
            60,
            status=SessionStatus.SCHEDULED,
            sites=[SessionSite(site, i, 10) for i, site in enumerate(site_ids)],
        )
    )


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


async def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"not within {seconds} s: {what}")
        await asyncio.sleep(0.05)


async def run(sites: int, seconds: float, sites_cores: frozenset[int]) -> dict[str, float | int]:
    folder = Path(tempfile.mkdtemp())
    user = User("基准测试", Role.OFFICIAL)
    store = StoreWorker.open_path(folder / "outreach.db", user)
    session_id = store.call(lambda r: _seed(r, sites))
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())
    service = local_call_service(
        "http://127.0.0.1:0", folder / "secret", host_addresses=("127.0.0.1",)
    )
    window = CallWindow(context, session_id, service)
    window.resize(1360, 840)
    window.show()
    presenter = window.presenter
    meter = LatenessMeter()
    simulated: SimulatedSites | None = None
    try:
        await _wait_for(lambda: presenter.phase is CallPhase.LIVE, 20, "the call started")
        call = presenter.call
        assert call is not None
        hub = call.hub
        simulated = SimulatedSites(
            [presenter.invitation_link(site) or "" for site in presenter.order],
            host_addresses=["127.0.0.1"],
            cores=sites_cores,  # empty: anywhere
        )
        await simulated.start()
        await _wait_for(
            lambda: all(presenter.state(s) is PeerState.CONNECTED for s in presenter.order),
            60,
            "every site connected",
        )
        floor_site = presenter.order[0]
        presenter.give_floor(floor_site)
        await asyncio.sleep(4.0)  # encoders settle at their new sizes

        me = psutil.Process()
        children = me.children(recursive=True)
        hub_cpu = _cpu_seconds(me)
        sites_cpu = sum(_cpu_seconds(child) for child in children)
        floor_fps: list[float] = []
        waiting_fps: list[float] = []
        shown_before = window.video.floor_view.frames_shown
        meter.start()
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            await asyncio.sleep(0.5)
            for site in presenter.order:
                video = hub.video_statistics(site)
                fps = 0.0 if video is None else video.fps
                (floor_fps if site == floor_site else waiting_fps).append(fps)
        elapsed = time.monotonic() - started
        streaming_stall = meter.longest_ms
        result: dict[str, float | int] = {
            "sites": sites,
            "floor_fps": statistics.median(floor_fps),
            "waiting_fps": statistics.median(waiting_fps) if waiting_fps else 0.0,
            "hub_cores": (_cpu_seconds(me) - hub_cpu) / elapsed,
            "sites_cores": (
                sum(_cpu_seconds(child) for child in children if child.is_running()) - sites_cpu
            )
            / elapsed,
            "hub_rss_mb": me.memory_info().rss / 2**20,
            "floor_view_fps": (window.video.floor_view.frames_shown - shown_before) / elapsed,
            "connected": sum(presenter.state(s) is PeerState.CONNECTED for s in presenter.order),
        }
        # Moving the floor and ending the session with everyone on air: no stall either.
        meter.start()
        presenter.next_site()
        await asyncio.sleep(2.0)
        floor_move_stall = meter.longest_ms
        meter.start()
        await presenter.end()
        result["stall_streaming_ms"] = streaming_stall
        result["stall_floor_move_ms"] = floor_move_stall
        result["stall_ending_ms"] = meter.longest_ms
        result["longest_stall_ms"] = max(streaming_stall, floor_move_stall, meter.longest_ms)
        return result
    finally:
        if presenter.phase is not CallPhase.ENDED:
            await presenter.end()
        if simulated is not None:
            await simulated.stop()
        window.close()
        await asyncio.sleep(0.3)
        await service.close()
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.call_hub")
    parser.add_argument("--sites", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--cores", choices=CORE_PLACEMENTS, default="demo")
    arguments = parser.parse_args()
    sites_cores = (one_core_for_sites() if arguments.cores == "demo" else None) or frozenset()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(run(arguments.sites, arguments.seconds, sites_cores))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
