"""What a participant publishes on the media server and what a subscription takes of it.

Janus numbers a publisher's streams by mid and its simulcast layers from 0 (the smallest); the
signaling server keeps, per publisher, its audio, its main video and any reduced copy (a
second video, sent by a sender that cannot simulcast while its role needs one), and per
subscription the stream its one video comes from. Pure: nothing here speaks to Janus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from outreach_app.core.signaling_protocol import HOST, PeerAddress, VideoChoice
from outreach_app.janus.api import JanusHandle, JsonObject, as_object, text_of

# Janus numbers simulcast layers 0 to 2 (0 the smallest).
JANUS_LAYERS: Final = 3


def feed_id(address: PeerAddress) -> str:
    """The publisher id at Janus of a participant: derived from its invitation, never chosen."""
    return "h" if address == HOST else f"s{address}"


@dataclass(frozen=True)
class SimulcastLayers:
    smallest: int
    largest: int


@dataclass
class Publication:
    handle: JanusHandle
    audio_mid: str | None = None
    video_mid: str | None = None
    reduced_mid: str | None = None
    # Janus's numbers of the smallest and the largest simulcast layer of the main video;
    # None when it comes in one layer.
    layers: SimulcastLayers | None = None
    live: bool = False

    @property
    def simulcast(self) -> bool:
        return self.layers is not None


@dataclass
class Subscription:
    id: str
    peer: PeerAddress
    video: VideoChoice
    audio: bool
    handle: JanusHandle
    # The stream chosen at the publisher for our one video, and our own mids at Janus.
    source_video_mid: str | None = None
    audio_mid: str | None = None
    video_mid: str | None = None
    # The simulcast layer last asked for.
    layer: int | None = None


def read_streams(publication: Publication, data: JsonObject, offer: str) -> None:
    """The publisher's audio, its main video and a second video (the reduced copy), as Janus
    numbered them."""
    for fields in objects(data.get("streams")):
        mid = text_of(fields.get("mid")) or None
        kind = text_of(fields.get("type"))
        if kind == "audio" and publication.audio_mid is None:
            publication.audio_mid = mid
        elif kind == "video" and publication.video_mid is None:
            publication.video_mid = mid
            publication.layers = simulcast_layers(offer, mid)
        elif kind == "video" and publication.reduced_mid is None:
            publication.reduced_mid = mid


def without_room(sdp: str) -> str:
    """Janus's SDP with its session name (which names the room) left out: the room is the
    server's business. The name is for people only; no peer reads it."""
    return "\r\n".join("s=-" if line.startswith("s=") else line for line in sdp.split("\r\n"))


def objects(value: object) -> list[JsonObject]:
    return [as_object(item) for item in value] if isinstance(value, list) else []


def simulcast_layers(sdp: str, mid: str | None) -> SimulcastLayers | None:
    """Janus's numbers for the simulcast layers the offer sends in its media section `mid`, or
    None. Rids come largest first (a=simulcast:send h;l, Janus's default "hml" order), SSRCs
    smallest first (a=ssrc-group:SIM 1 2 3); either way Janus numbers them from 0, the
    smallest."""
    sections: dict[str | None, list[str]] = {}
    current: list[str] = []
    for line in sdp.splitlines():
        if line.startswith("m="):
            current = []
            sections[None] = current
        elif line.startswith("a=mid:"):
            sections[line[len("a=mid:") :].strip()] = current
        current.append(line)
    for line in sections.get(mid, []):
        if line.startswith("a=simulcast:"):
            sending = line[len("a=simulcast:") :].split(" recv ")[0]
            rids = sending.removeprefix("send").strip().replace(",", ";").split(";")
            count = min(JANUS_LAYERS, len([rid for rid in rids if rid]))
            return SimulcastLayers(0, count - 1) if count > 1 else None
        if line.startswith("a=ssrc-group:SIM"):
            count = min(JANUS_LAYERS, len(line.split()) - 1)
            return SimulcastLayers(0, count - 1) if count > 1 else None
    return None


def source_video(
    publication: Publication, video: VideoChoice, peer: PeerAddress, floor_site_id: int | None
) -> str | None:
    """Which of the publisher's videos a subscription carries: the reduced copy where the
    publisher sends one for its role (the host always, a site while it has the floor)."""
    copies_now = peer in (HOST, floor_site_id)
    if video != "full" and publication.reduced_mid is not None and copies_now:
        return publication.reduced_mid
    return publication.video_mid
