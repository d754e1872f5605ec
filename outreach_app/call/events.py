"""What the call engine tells its listeners: plain values delivered on the event loop's thread.

Presenters turn them into Qt signals; the headless site prints them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

from outreach_app.call.link_state import PeerState
from outreach_app.call.media import VideoQuality
from outreach_app.core.control_protocol import Notice, Standing

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeerStateChanged:
    """The link to `site_id` (on a site: its own link to the hub) changed state."""

    site_id: int
    previous: PeerState
    state: PeerState
    reason: str


@dataclass(frozen=True)
class FloorChanged:
    site_id: int | None


@dataclass(frozen=True)
class FirstFrameReceived:
    """The first decoded frame of a remote track on a new peer connection."""

    site_id: int
    kind: str
    seconds_since_offer: float


@dataclass(frozen=True)
class QualityApplied:
    """A site changed what it sends because the hub asked it to."""

    site_id: int
    quality: VideoQuality
    has_floor: bool


@dataclass(frozen=True)
class VideoSendingChanged:
    """A site stopped or started sending video because the hub asked it to (sound only)."""

    site_id: int
    sending: bool


@dataclass(frozen=True)
class MediaServerChanged:
    """The session's room on the media server is ready (or not: Janus went away, and every
    connection to it starts again when it is back); `reason` says why, for people."""

    ready: bool
    reason: str


@dataclass(frozen=True)
class StandingReceived:
    """The official told this site where it stands in the session."""

    standing: Standing


@dataclass(frozen=True)
class NoticeReceived:
    """The official sent this site a notice (each one once, however often it arrives)."""

    notice: Notice


@dataclass(frozen=True)
class HandRequested:
    """Site `site_id` raised its hand (asks for the floor) or lowered it."""

    site_id: int
    raised: bool


EngineEvent: TypeAlias = (
    PeerStateChanged
    | FloorChanged
    | FirstFrameReceived
    | QualityApplied
    | VideoSendingChanged
    | MediaServerChanged
    | StandingReceived
    | HandRequested
    | NoticeReceived
)
EngineListener: TypeAlias = Callable[[EngineEvent], None]


class Listeners:
    """Who hears an engine's events; a listener that fails is logged and the others still hear."""

    def __init__(self) -> None:
        self._listeners: list[EngineListener] = []

    def add(self, listener: EngineListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def emit(self, event: EngineEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                # A broken view must not take the call down with it.
                log.exception("call event listener failed on %r", event)
