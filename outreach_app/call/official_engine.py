"""What the call window needs of the official's engine, whichever runs the session.

On the hub (`hub_engine.HubEngine`) the official's app holds a peer connection with every site;
on the media server (`janus_engine.JanusEngine`) it is one participant among the others and Janus
forwards the media. Both keep the same events (`events`), states, floor, statistics and
recording, so the call window, the run sheet, notes and recording work the same on either.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Protocol

from aiortc import RTCPeerConnection
from av import VideoFrame

from outreach_app.call.events import EngineListener
from outreach_app.call.forwarding import (
    AudioMix,
    ForwardedVideoTrack,
    MixedAudioTrack,
    VideoBroadcast,
)
from outreach_app.call.link_state import PeerState
from outreach_app.call.media import VideoQuality
from outreach_app.call.peer_link import FrameCounter, TrackStatistics
from outreach_app.core.control_protocol import Notice, Standing

FULL_QUALITY: Final = VideoQuality(640, 480, 30)
REDUCED_QUALITY: Final = VideoQuality(320, 240, 10)
# The notices a site gets again when it (re)connects: the latest ones.
NOTICES_KEPT: Final = 5


@dataclass(frozen=True)
class QualityPolicy:
    """What the floor site and the waiting sites send."""

    floor: VideoQuality = FULL_QUALITY
    waiting: VideoQuality = REDUCED_QUALITY


@dataclass(frozen=True)
class LinkStatistics:
    """How one site's link is doing, for the official's thumbnails."""

    fps: float
    width: int | None
    height: int | None
    kilobits_per_second: float | None
    round_trip_ms: float | None
    loss_percent: float | None


class OfficialEngine(Protocol):
    """The official's side of a live session, as the call window and `CallService` use it."""

    official_video: VideoBroadcast

    @property
    def floor_site_id(self) -> int | None: ...

    def add_listener(self, listener: EngineListener) -> Callable[[], None]: ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    def states(self) -> dict[int, PeerState]: ...

    def state(self, site_id: int) -> PeerState: ...

    async def give_floor(self, site_id: int | None) -> None: ...

    def tell_standing(self, site_id: int, standing: Standing) -> None: ...

    def send_notice(self, site_id: int, notice: Notice) -> None: ...

    def audio_only(self, site_id: int) -> bool: ...

    def set_audio_only(self, site_id: int, audio_only: bool) -> None: ...

    async def link_statistics(self, site_id: int) -> LinkStatistics | None: ...

    def video_statistics(self, site_id: int) -> TrackStatistics | None: ...

    def audio_statistics(self, site_id: int) -> TrackStatistics | None: ...

    def round_trip_seconds(self, site_id: int) -> float | None: ...

    def site_video(self, site_id: int) -> VideoBroadcast | None: ...

    def latest_video_frame(self, site_id: int) -> VideoFrame | None: ...

    def official_hears(self) -> AudioMix: ...

    def recording_tracks(self) -> tuple[MixedAudioTrack, ForwardedVideoTrack]: ...


class LinkMeter:
    """Reads one connection's statistics into `LinkStatistics`: the bit rate and loss since the
    last reading (what the link does now, not since the call began)."""

    def __init__(self) -> None:
        # (monotonic time, bytes received) and (packets received, packets lost) last time.
        self._bytes: tuple[float, int] | None = None
        self._loss: tuple[int, int] | None = None

    def reset(self) -> None:
        """A new connection: its counters start again from zero."""
        self._bytes = None
        self._loss = None

    async def read(
        self,
        pc: RTCPeerConnection,
        video: FrameCounter | None,
        round_trip_seconds: float | None,
    ) -> LinkStatistics:
        report = await pc.getStats()
        received_bytes = 0
        packets_received = packets_lost = 0
        for entry in report.values():
            if entry.type == "transport":
                received_bytes += int(getattr(entry, "bytesReceived", 0) or 0)
            elif entry.type == "inbound-rtp":
                packets_received += int(getattr(entry, "packetsReceived", 0) or 0)
                packets_lost += max(0, int(getattr(entry, "packetsLost", 0) or 0))
        now = time.monotonic()
        kilobits: float | None = None
        previous, self._bytes = self._bytes, (now, received_bytes)
        if previous is not None and now > previous[0] and received_bytes >= previous[1]:
            kilobits = (received_bytes - previous[1]) * 8 / 1000 / (now - previous[0])
        previous_loss, self._loss = self._loss, (packets_received, packets_lost)
        if previous_loss is not None and packets_received >= previous_loss[0]:
            packets_received -= previous_loss[0]
            packets_lost = max(0, packets_lost - previous_loss[1])
        expected = packets_received + packets_lost
        snapshot = video.snapshot(now) if video else None
        return LinkStatistics(
            fps=snapshot.fps if snapshot else 0.0,
            width=snapshot.width if snapshot else None,
            height=snapshot.height if snapshot else None,
            kilobits_per_second=kilobits,
            round_trip_ms=None if round_trip_seconds is None else round_trip_seconds * 1000,
            loss_percent=100 * packets_lost / expected if expected else None,
        )
