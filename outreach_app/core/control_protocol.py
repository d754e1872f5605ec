"""What the hub and a site say on the data channel of their peer connection.

    hub -> site  ping     seq, sent                  every heartbeat interval
    site -> hub  pong     seq, sent                  sent echoed: the hub measures round trips
    hub -> site  quality  width, height, fps, floor  what to send; floor: the site has it
    hub -> site  media    video                      false: sound only (the link is too poor)
    hub -> site  reduced  width, height, fps         the copy for waiting sites (media server)
    hub -> site  standing session, site, place, sites, floor, has_floor, next, wait,
                          hand_raised, hands         where the site stands in the order
    site -> hub  hand     raised                     the site raises (or lowers) its hand
    hub -> site  notice   id, text, to_all           a one-line notice from the official

On the hub they travel on the data channel of the peer connection between the hub and the site;
on the media server (no such connection) they travel through the signaling server, each as the
``message`` of a ``control`` message (`signaling_protocol.Control`).

The browser's join page declares the same messages in ``server/static/protocol.js``; a test
compares the two declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Final, TypeAlias

from outreach_app.core.message_codec import MessageFamily, wire
from outreach_app.core.model import MAX_NOTICE_CHARS

CONTROL_CHANNEL: Final = "control"


@dataclass(frozen=True)
class Heartbeat:
    """`sent` is the hub's clock when it sent the heartbeat."""

    TYPE: ClassVar[str] = "ping"
    seq: int
    sent: float


@dataclass(frozen=True)
class HeartbeatEcho:
    """A site's answer to a heartbeat, with its `seq` and `sent` unchanged."""

    TYPE: ClassVar[str] = "pong"
    seq: int
    sent: float


@dataclass(frozen=True)
class QualityRequest:
    TYPE: ClassVar[str] = "quality"
    width: int
    height: int
    fps: float
    floor: bool


@dataclass(frozen=True)
class MediaRequest:
    """`video` False: send sound only until the hub asks for video again."""

    TYPE: ClassVar[str] = "media"
    video: bool


@dataclass(frozen=True)
class ReducedCopyRequest:
    """While it has the floor, a site on the media server that cannot send its video in layers
    also sends a copy at this quality, for the sites that wait (they watch the floor small)."""

    TYPE: ClassVar[str] = "reduced"
    width: int
    height: int
    fps: float


MAX_NAME_CHARS: Final = 120
# The raised hands a standing names, first raised first; the official sees all of them.
MAX_HANDS_TOLD: Final = 10


@dataclass(frozen=True)
class Standing:
    """Where the site stands: the `session`'s title, the site's own name, its `place` among
    `sites` in the speaking order, the name of the site that has the `floor` (None: nobody),
    whether it is this one, whether this site speaks `next`, in about how many seconds its
    turn comes (`wait`; None: it has spoken already, or has the floor), whether its own hand is
    raised, and the names of the sites whose hands are raised, in the order they raised them."""

    TYPE: ClassVar[str] = "standing"
    session: str = field(metadata=wire(max_chars=MAX_NAME_CHARS, may_be_empty=True))
    site: str = field(metadata=wire(max_chars=MAX_NAME_CHARS, may_be_empty=True))
    place: int
    sites: int
    floor: str | None = field(metadata=wire(max_chars=MAX_NAME_CHARS, may_be_empty=True))
    has_floor: bool
    next: bool
    wait: int | None
    hand_raised: bool = False
    hands: tuple[str, ...] = field(
        default=(), metadata=wire(max_chars=MAX_NAME_CHARS, may_be_empty=True)
    )


@dataclass(frozen=True)
class HandRequest:
    """The site asks for the floor (`raised`) or takes its request back. The site it comes
    from is the one whose link it arrived on: a site can raise only its own hand."""

    TYPE: ClassVar[str] = "hand"
    raised: bool


@dataclass(frozen=True)
class Notice:
    """A one-line notice from the official, shown until the site dismisses it; `id` tells a
    notice sent again (after a reconnection) from a new one; `to_all`: every site got it."""

    TYPE: ClassVar[str] = "notice"
    id: int
    text: str = field(metadata=wire(max_chars=MAX_NOTICE_CHARS))
    to_all: bool = False


ControlMessage: TypeAlias = (
    Heartbeat
    | HeartbeatEcho
    | QualityRequest
    | MediaRequest
    | ReducedCopyRequest
    | Standing
    | HandRequest
    | Notice
)

CONTROL_MESSAGES: Final = MessageFamily[ControlMessage](
    "control channel",
    (
        Heartbeat,
        HeartbeatEcho,
        QualityRequest,
        MediaRequest,
        ReducedCopyRequest,
        Standing,
        HandRequest,
        Notice,
    ),
)
