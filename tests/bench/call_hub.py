"""One hub measurement, in a process of its own: `python -m tests.bench.call_hub --sites N`.

The official's side runs as in the app (Qt on the offscreen platform, qasync, the embedded
signaling server, the hub at 640x480 30 fps for the floor); the sites run in a second process
(the demo's simulated sites). Prints one JSON line: floor and waiting frame rates at the hub,
CPU cores used by each process, the hub's resident memory and the longest GUI-thread stall.
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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
import qasync
from PySide6.QtWidgets import QApplication

from outreach_app.call.engine import PeerState
from outreach_app.call.live import CallService, CallSettings
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.simulated import SimulatedSites
from tests.bench.gui_bench import StallMeter

OFFICIAL = VideoQuality(640, 480, 30)


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


async def run(sites: int, seconds: float, meter: StallMeter) -> dict[str, float | int]:
    site_ids = list(range(1, sites + 1))
    official = SyntheticVideoTrack("OFFICIAL", OFFICIAL)
    tone = ToneAudioTrack()
    with tempfile.TemporaryDirectory() as folder:
        service = CallService(
            CallSettings(
                "http://127.0.0.1:0", Path(folder) / "secret", host_addresses=("127.0.0.1",)
            )
        )
        call = await service.start_call(
            77, site_ids, ends_at=time.time() + 3600, official_video=official, official_audio=tone
        )
        hub = call.hub
        simulated = SimulatedSites(
            [call.invitation_links[site] for site in site_ids], host_addresses=["127.0.0.1"]
        )
        await simulated.start()
        try:
            deadline = time.monotonic() + 60
            while not all(hub.state(site) is PeerState.CONNECTED for site in site_ids):
                if time.monotonic() > deadline:
                    raise SystemExit("not every site connected within 60 s")
                await asyncio.sleep(0.1)
            await hub.give_floor(site_ids[0])
            await asyncio.sleep(4.0)  # encoders settle at their new sizes

            me = psutil.Process()
            children = me.children(recursive=True)
            started = time.monotonic()
            hub_cpu = _cpu_seconds(me)
            sites_cpu = sum(_cpu_seconds(child) for child in children)
            meter.longest_ms = 0.0
            floor_samples: list[float] = []
            waiting_samples: list[float] = []
            while time.monotonic() - started < seconds:
                await asyncio.sleep(0.5)
                for site in site_ids:
                    video = hub.video_statistics(site)
                    fps = 0.0 if video is None else video.fps
                    (floor_samples if site == site_ids[0] else waiting_samples).append(fps)
            elapsed = time.monotonic() - started
            result: dict[str, float | int] = {
                "sites": sites,
                "floor_fps": statistics.median(floor_samples),
                "waiting_fps": statistics.median(waiting_samples) if waiting_samples else 0.0,
                "hub_cores": (_cpu_seconds(me) - hub_cpu) / elapsed,
                "sites_cores": sum(_cpu_seconds(child) for child in children if child.is_running())
                - sites_cpu,
                "hub_rss_mb": me.memory_info().rss / 2**20,
                "longest_stall_ms": meter.longest_ms,
                "connected": sum(hub.state(site) is PeerState.CONNECTED for site in site_ids),
            }
            result["sites_cores"] = float(result["sites_cores"]) / elapsed
            return result
        finally:
            await simulated.stop()
            await service.end_call(call)
            await service.close()
            official.stop()
            tone.stop()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.call_hub")
    parser.add_argument("--sites", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    arguments = parser.parse_args()
    app = QApplication(sys.argv[:1])
    meter = StallMeter()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        meter.start()
        result = loop.run_until_complete(run(arguments.sites, arguments.seconds, meter))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
