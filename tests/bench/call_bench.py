"""Call benchmarks: time to the first remote frame, frame latency against bare aiortc, and the hub
with 1, 2, 4 and 6 sites in a second process.

Every peer runs on 127.0.0.1 (ICE host candidates restricted to it). The latency reference is two
bare aiortc peers measured in the same run, so the ratio stays meaningful on a busy machine.
"""

from __future__ import annotations

import asyncio
import fractions
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from aiortc import RTCPeerConnection
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import VideoFrame

from outreach_app.call.events import FirstFrameReceived
from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.ice import host_addresses, rtc_configuration
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.signaling import InMemorySignalingRoom
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.invitations import token_from_join_url
from outreach_app.core.signaling_protocol import HOST
from tests.local_calls import local_call_service

ROOT = Path(__file__).resolve().parents[2]
FULL = VideoQuality(640, 480, 30)
_BITS = 16
_BLOCK = 40


class StampedTrack(MediaStreamTrack):
    """640x480 frames at 30 fps whose top row of blocks spells the frame's number in binary."""

    kind = "video"

    def __init__(self) -> None:
        super().__init__()
        self.sent_at: dict[int, float] = {}
        self._number = 0
        self._started: float | None = None
        rng = np.random.default_rng(7)
        # Texture below the stamp, so the encoder does realistic work.
        self._texture = rng.integers(40, 200, size=(FULL.height, FULL.width), dtype=np.uint8)

    async def recv(self) -> VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if self._started is None:
            self._started = time.monotonic()
        due = self._started + self._number / FULL.fps
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        self._number = (self._number + 1) % (1 << _BITS)
        luma = np.roll(self._texture, self._number * 4, axis=1)
        for bit in range(_BITS):
            value = 235 if self._number >> bit & 1 else 16
            luma[0:_BLOCK, bit * _BLOCK : (bit + 1) * _BLOCK] = value
        planes = np.concatenate(
            [luma, np.full((FULL.height // 2, FULL.width), 128, dtype=np.uint8)]
        )
        frame = VideoFrame.from_ndarray(planes, format="yuv420p")
        frame.pts = int(self._number * 3000)
        frame.time_base = fractions.Fraction(1, 90000)
        self.sent_at[self._number] = time.monotonic()
        return frame


def read_stamp(frame: VideoFrame) -> int:
    luma = frame.to_ndarray(format="gray")
    scale = frame.width / FULL.width
    row = int(_BLOCK * scale / 2)
    number = 0
    for bit in range(_BITS):
        column = int((bit * _BLOCK + _BLOCK / 2) * scale)
        if luma[row, column] > 128:
            number |= 1 << bit
    return number


@dataclass
class LatencyResult:
    engine_ms: float
    bare_ms: float
    engine_frames: int
    bare_frames: int


async def _collect(
    receive: Callable[[], Awaitable[VideoFrame | None]],
    track: StampedTrack,
    seconds: float,
    warmup: float,
) -> list[float]:
    latencies: list[float] = []
    started = time.monotonic()
    while time.monotonic() - started < seconds + warmup:
        frame = await receive()
        if frame is None:
            continue
        arrived = time.monotonic()
        sent = track.sent_at.get(read_stamp(frame))
        if sent is not None and arrived - started > warmup:
            latencies.append((arrived - sent) * 1000)
    return latencies


async def _engine_latency(seconds: float) -> list[float]:
    room = InMemorySignalingRoom()
    hub = HubEngine(room.connect(HOST), invited_sites=[1])
    track = StampedTrack()
    site = SiteEngine(room.connect(1), 1, video=track)
    await hub.start()
    await site.start()
    video = hub.site_video(1)
    assert video is not None
    after = 0

    async def receive() -> VideoFrame | None:
        nonlocal after
        arrival = await video.next_frame(after, 2.0)
        if arrival is None:
            return None
        after, frame = arrival
        return frame

    try:
        return await _collect(receive, track, seconds, warmup=1.5)
    finally:
        await site.close()
        await hub.close()
        track.stop()


async def _bare_latency(seconds: float) -> list[float]:
    sender, receiver = (RTCPeerConnection(rtc_configuration()) for _ in range(2))
    track = StampedTrack()
    sender.addTrack(track)
    remote: asyncio.Future[MediaStreamTrack] = asyncio.get_running_loop().create_future()
    receiver.on("track", lambda incoming: remote.set_result(incoming))
    await sender.setLocalDescription(await sender.createOffer())
    await receiver.setRemoteDescription(sender.localDescription)
    await receiver.setLocalDescription(await receiver.createAnswer())
    await sender.setRemoteDescription(receiver.localDescription)
    incoming = await remote

    async def receive() -> VideoFrame:
        frame = await incoming.recv()
        assert isinstance(frame, VideoFrame)
        return frame

    try:
        return await _collect(receive, track, seconds, warmup=1.5)
    finally:
        await sender.close()
        await receiver.close()
        track.stop()


async def measure_latency(seconds: float = 6.0, rounds: int = 2) -> LatencyResult:
    """Median frame-in to decoded-frame-out latency, our engine and bare aiortc, interleaved."""
    engine: list[float] = []
    bare: list[float] = []
    with host_addresses(["127.0.0.1"]):
        for _ in range(rounds):
            engine += await _engine_latency(seconds)
            bare += await _bare_latency(seconds)
    return LatencyResult(statistics.median(engine), statistics.median(bare), len(engine), len(bare))


async def measure_first_frame(tmp: Path, repeats: int = 5) -> list[float]:
    """Milliseconds from the official starting the call to the first frame of a waiting site."""
    results: list[float] = []
    with host_addresses(["127.0.0.1"]):
        service = local_call_service("http://127.0.0.1:0", tmp / "secret")
        try:
            for attempt in range(repeats):
                session_id = 1000 + attempt
                base = await service.server_url()
                link = service.invitation_link(base, session_id, 1, time.time() + 3600)
                signaling = WebSocketSignaling(link, token_from_join_url(link))
                await signaling.connect()
                camera = SyntheticVideoTrack("SITE", FULL)
                site = SiteEngine(signaling, 1, video=camera)
                await site.start()
                first: asyncio.Future[float] = asyncio.get_running_loop().create_future()
                clicked = time.monotonic()
                call = await service.start_call(session_id, [1], ends_at=time.time() + 3600)

                def on_event(event: object, future: asyncio.Future[float] = first) -> None:
                    first_video = isinstance(event, FirstFrameReceived) and event.kind == "video"
                    if first_video and not future.done():
                        future.set_result(time.monotonic())

                call.hub.add_listener(on_event)
                arrived = await asyncio.wait_for(first, 15)
                results.append((arrived - clicked) * 1000)
                await site.close()
                await service.end_call(call)
                camera.stop()
        finally:
            await service.close()
    return results


@dataclass
class HubResult:
    sites: int
    floor_fps: float
    waiting_fps: float
    hub_cores: float
    sites_cores: float
    hub_rss_mb: float
    floor_view_fps: float
    longest_stall_ms: float
    connected: int
    # The longest stall of each phase: streaming, moving the floor, ending the session.
    stall_streaming_ms: float = 0.0
    stall_floor_move_ms: float = 0.0
    stall_ending_ms: float = 0.0


def measure_hub(sites: int, seconds: float = 10.0, cores: str = "demo") -> HubResult | str:
    """Run the official's call window in its own process against `sites` sites, placed on
    the machine's cores as `cores` says (see tests.bench.call_hub)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.call_hub",
            "--sites",
            str(sites),
            "--seconds",
            str(seconds),
            "--cores",
            cores,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        return said[-1] if said else f"exit status {result.returncode}"
    return HubResult(**json.loads(result.stdout.strip().splitlines()[-1]))
