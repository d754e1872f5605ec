"""Lost video packets on a lossy link: ask again until they come, and never wait for them long.

aiortc's receiver sends a NACK (RFC 4585) only when a new gap in the sequence numbers appears,
listing every packet still missing. A retransmission that is lost too is asked for again only
at the next new gap, and the jitter buffer holds every later frame until it arrives: at 5% loss
and 200 ms round trip, pictures froze for more than a second while two such cycles ran.
`RepeatingNackGenerator` also answers "yes, send a NACK" while packets are still missing and the
last NACK is at least `NACK_REPEAT_SECONDS` old; the sender keeps its last 128 packets for
retransmission, so asking again is worth it until they age out of the list.

A packet that never comes (its retransmissions lost too, or aged out of the sender's list)
still holds the jitter buffer until 512 later packets have arrived: 5 to 10 s of frozen
picture. `RecoveringJitterBuffer` gives a hole `MAX_HOLE_SECONDS`: then it drops the frames the
hole spoils, asks for a keyframe (PLI) and passes nothing but a keyframe on to the decoder, so the
picture resumes clean about one round trip later. Sound packets are never asked for again, so a
gap in the sound is passed as soon as a few later packets are queued (as many as the buffer
keeps in reserve for packets arriving out of order).

Importing this module installs both, for every receiver created afterwards (the engine imports it).
"""

from __future__ import annotations

import time
from typing import Any, Final

import aiortc.rtcrtpreceiver
from aiortc.jitterbuffer import JitterBuffer, JitterFrame
from aiortc.utils import uint16_add

# About one round trip on a poor rural link; shorter would only repeat requests still on the way.
NACK_REPEAT_SECONDS: Final = 0.15
# Enough for two or three requests and their retransmissions on such a link.
MAX_HOLE_SECONDS: Final = 0.45

_AIORTC_GENERATOR: Final = getattr(aiortc.rtcrtpreceiver, "NackGenerator", None)
if _AIORTC_GENERATOR is None or not callable(getattr(_AIORTC_GENERATOR, "add", None)):
    # A newer aiortc changed how it asks for retransmissions: fail loudly, not silently.
    raise ImportError("aiortc.rtcrtpreceiver.NackGenerator is gone; loss_repair needs a new hook")


class RepeatingNackGenerator(_AIORTC_GENERATOR):  # type: ignore[misc, valid-type]
    """aiortc's NACK bookkeeping, asking again for packets that stay missing."""

    def __init__(self) -> None:
        super().__init__()
        self._last_nack_at = 0.0

    def add(self, packet: Any) -> bool:
        new_gap = bool(super().add(packet))
        now = time.monotonic()
        if new_gap or (self.missing and now - self._last_nack_at >= NACK_REPEAT_SECONDS):
            self._last_nack_at = now
            return True
        return False


_probe = JitterBuffer(4, is_video=True)
if not all(hasattr(_probe, name) for name in ("_origin", "_packets", "_capacity", "_is_video")) or (
    not callable(getattr(_probe, "_remove_frame", None))
):
    raise ImportError(
        "aiortc's JitterBuffer changed; loss_repair.RecoveringJitterBuffer needs a look"
    )
del _probe


class RecoveringJitterBuffer(JitterBuffer):
    """aiortc's jitter buffer that stops waiting for a lost packet: a video packet after
    `MAX_HOLE_SECONDS`, a sound packet once the usual reserve of later ones has arrived."""

    def __init__(self, capacity: int, prefetch: int = 0, is_video: bool = False) -> None:
        super().__init__(capacity, prefetch=prefetch, is_video=is_video)
        self._last_frame_at = time.monotonic()
        self._awaiting_keyframe = False
        self.holes_skipped = 0

    def add(self, packet: Any) -> tuple[bool, JitterFrame | None]:
        ask_for_keyframe, frame = super().add(packet)
        now = time.monotonic()
        if not self._is_video:
            return ask_for_keyframe, frame if frame is not None else self._sound_past_holes()
        if (
            frame is None
            and now - self._last_frame_at > MAX_HOLE_SECONDS
            and self._skip_hole(spoils_next_frame=True)
        ):
            self.holes_skipped += 1
            self._awaiting_keyframe = ask_for_keyframe = True
            frame = self._remove_frame(packet.sequence_number)
        if frame is None:
            return ask_for_keyframe, None
        self._last_frame_at = now
        if self._awaiting_keyframe:
            # Inter frames after the hole build on what it swallowed: they would decode to
            # smeared pictures. The keyframe asked for starts the picture afresh.
            if not is_keyframe(frame.data):
                return ask_for_keyframe, None
            self._awaiting_keyframe = False
        return ask_for_keyframe, frame

    def _sound_past_holes(self) -> JitterFrame | None:
        """The oldest sound packet, gaps before it passed, once enough are queued behind it.

        Each sound packet is a whole 20 ms frame, decoded on its own. aiortc's buffer waits at
        a gap until 16 packets pile up, then drops them; passing each gap as soon as the usual
        reserve of later packets is there keeps the sound going at whatever rate arrives."""
        if self._origin is None:
            return None
        capacity = self._capacity
        queued = [
            (offset, queued_packet)
            for offset in range(capacity)
            if (queued_packet := self._packets[(self._origin + offset) % capacity]) is not None
        ]
        if len(queued) <= self._prefetch:
            return None
        offset, oldest = queued[0]
        if offset > 0:
            self.holes_skipped += 1
        for index in range(offset + 1):
            self._packets[(self._origin + index) % capacity] = None
        self._origin = uint16_add(self._origin, offset + 1)
        data: bytes = oldest._data  # type: ignore[attr-defined]  # set by aiortc on arrival
        return JitterFrame(data=data, timestamp=oldest.timestamp)

    def _skip_hole(self, *, spoils_next_frame: bool) -> bool:
        """Drop everything up to the oldest hole, and (video) the frame the hole cut into."""
        if self._origin is None:
            return False
        packets = self._packets
        capacity = self._capacity
        offset = 0
        while offset < capacity and packets[(self._origin + offset) % capacity] is not None:
            offset += 1
        after_hole = next(
            (
                index
                for index in range(offset + 1, capacity)
                if packets[(self._origin + index) % capacity] is not None
            ),
            None,
        )
        if offset == capacity or after_hole is None:
            return False
        # The frame the first packet after the hole belongs to lost its beginning: skip it too.
        spoiled = packets[(self._origin + after_hole) % capacity]
        assert spoiled is not None
        next_frame = after_hole
        while spoils_next_frame and next_frame < capacity:
            candidate = packets[(self._origin + next_frame) % capacity]
            if candidate is not None and candidate.timestamp != spoiled.timestamp:
                break
            next_frame += 1
        for index in range(next_frame):
            packets[(self._origin + index) % capacity] = None
        self._origin = uint16_add(self._origin, next_frame)
        return True


def is_keyframe(data: bytes) -> bool:
    """Whether an encoded frame (VP8, or H.264 in Annex B form) can be decoded on its own."""
    if data.startswith((b"\x00\x00\x00\x01", b"\x00\x00\x01")):
        # H.264: an IDR slice (5) or the sequence parameters (7) that precede one.
        units = data.replace(b"\x00\x00\x00\x01", b"\x00\x00\x01").split(b"\x00\x00\x01")
        return any(unit and unit[0] & 0x1F in (5, 7) for unit in units)
    # VP8 frame tag: bit 0 is 0 for a key frame (RFC 6386, section 9.1).
    return len(data) >= 3 and data[0] & 0x01 == 0


aiortc.rtcrtpreceiver.NackGenerator = RepeatingNackGenerator  # type: ignore[misc]
aiortc.rtcrtpreceiver.JitterBuffer = RecoveringJitterBuffer  # type: ignore[attr-defined]
