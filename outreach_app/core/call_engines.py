"""Which engine carries a session's call: the official's own computer (the hub) or the media
server (Janus) on the server host, and why.

The hub encodes what it forwards once per site on the official's computer; measured on two
cores it holds `HUB_CAPACITY` sites with the floor at 30 fps. Larger sessions go to the media
server when the signaling server has one; a session may also name its engine.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from outreach_app.core.signaling_protocol import HUB, JANUS, EngineName

HUB_CAPACITY: Final = 6


class EngineChoice(enum.StrEnum):
    """What a session asks for (kept with the session)."""

    AUTO = "auto"
    HUB = "hub"
    JANUS = "janus"


class EngineReason(enum.Enum):
    CHOSEN = "chosen"  # the session names the engine
    FITS_THE_HUB = "fits_the_hub"  # automatic: no more sites than the hub holds
    TOO_MANY_FOR_THE_HUB = "too_many_for_the_hub"  # automatic: more than the hub holds
    NO_MEDIA_SERVER = "no_media_server"  # the media server was wanted; the server has none


@dataclass(frozen=True)
class EngineDecision:
    engine: EngineName
    reason: EngineReason
    sites: int
    capacity: int = HUB_CAPACITY

    @property
    def on_media_server(self) -> bool:
        return self.engine == JANUS


def decide_engine(
    choice: EngineChoice, sites: int, media_server: bool, capacity: int = HUB_CAPACITY
) -> EngineDecision:
    """The engine for a session of `sites` sites; `media_server`: the signaling server offers
    Janus."""
    if choice is EngineChoice.HUB:
        return EngineDecision(HUB, EngineReason.CHOSEN, sites, capacity)
    wants_janus = choice is EngineChoice.JANUS or sites > capacity
    if wants_janus and not media_server:
        return EngineDecision(HUB, EngineReason.NO_MEDIA_SERVER, sites, capacity)
    if choice is EngineChoice.JANUS:
        return EngineDecision(JANUS, EngineReason.CHOSEN, sites, capacity)
    if wants_janus:
        return EngineDecision(JANUS, EngineReason.TOO_MANY_FOR_THE_HUB, sites, capacity)
    return EngineDecision(HUB, EngineReason.FITS_THE_HUB, sites, capacity)
