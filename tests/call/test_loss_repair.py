"""Lost packets are asked for again until they come, not only when a new gap appears."""

from __future__ import annotations

import time

import aiortc.rtcrtpreceiver
from aiortc.rtp import RtpPacket

from outreach_app.call.loss_repair import (
    MAX_HOLE_SECONDS,
    NACK_REPEAT_SECONDS,
    RecoveringJitterBuffer,
    RepeatingNackGenerator,
    is_keyframe,
)


def packet(sequence_number: int) -> RtpPacket:
    return RtpPacket(payload_type=96, sequence_number=sequence_number)


def test_receivers_made_after_import_use_the_repeating_generator() -> None:
    assert aiortc.rtcrtpreceiver.NackGenerator is RepeatingNackGenerator


def test_a_packet_still_missing_is_asked_for_again_after_the_repeat_interval() -> None:
    generator = RepeatingNackGenerator()
    assert not generator.add(packet(1))
    assert generator.add(packet(3))  # 2 is missing: the first NACK
    assert generator.missing == {2}
    # Right away, a packet in order does not repeat the request (it may still be on the way).
    assert not generator.add(packet(4))
    time.sleep(NACK_REPEAT_SECONDS + 0.02)
    # Later, with 2 still missing, the next packet in order asks again.
    assert generator.add(packet(5))
    assert generator.missing == {2}
    # Once the retransmission arrived nothing is missing and nothing is asked for.
    assert not generator.add(packet(2))
    time.sleep(NACK_REPEAT_SECONDS + 0.02)
    assert not generator.add(packet(6))


def video_packet(sequence_number: int, timestamp: int, data: bytes) -> RtpPacket:
    rtp = RtpPacket(payload_type=96, sequence_number=sequence_number, timestamp=timestamp)
    rtp._data = data  # type: ignore[attr-defined]  # what aiortc's depayloader sets
    return rtp


KEY, INTER = b"\x00\x9d\x01", b"\x01\x02\x03"


def test_a_hole_that_never_fills_is_skipped_and_the_picture_resumes_at_a_keyframe() -> None:
    buffer = RecoveringJitterBuffer(capacity=512, is_video=True)
    assert buffer.add(video_packet(1, 100, KEY)) == (False, None)
    assert buffer.add(video_packet(2, 100, KEY))[1] is None
    asked, frame = buffer.add(video_packet(3, 200, INTER))
    assert frame is not None and frame.timestamp == 100 and not asked
    # Packet 4 (the end of frame 200) never comes; 5 is a whole inter frame built on 200.
    assert buffer.add(video_packet(5, 300, INTER)) == (False, None)
    time.sleep(MAX_HOLE_SECONDS + 0.05)
    # Past the limit: frames 200 and 300 are given up and a keyframe is asked for.
    asked, frame = buffer.add(video_packet(6, 400, INTER))
    assert asked and frame is None and buffer.holes_skipped == 1
    # Inter frame 400 builds on what was lost: dropped. Keyframe 500 starts afresh.
    assert buffer.add(video_packet(7, 500, KEY))[1] is None
    asked, frame = buffer.add(video_packet(8, 600, INTER))
    assert frame is not None and frame.timestamp == 500
    asked, frame = buffer.add(video_packet(9, 700, INTER))
    assert frame is not None and frame.timestamp == 600


def test_a_hole_filled_in_time_loses_nothing() -> None:
    buffer = RecoveringJitterBuffer(capacity=512, is_video=True)
    buffer.add(video_packet(1, 100, KEY))
    assert buffer.add(video_packet(3, 300, INTER)) == (False, None)
    _asked, frame = buffer.add(video_packet(2, 200, INTER))  # the retransmission
    assert frame is not None and frame.timestamp == 100
    assert buffer.add(video_packet(4, 400, INTER))[1] is not None
    assert buffer.holes_skipped == 0


def test_keyframes_are_told_apart_for_vp8_and_h264() -> None:
    assert is_keyframe(KEY) and not is_keyframe(INTER)
    assert is_keyframe(b"\x00\x00\x00\x01\x67\x42\x00\x00\x00\x01\x65\x88")
    assert not is_keyframe(b"\x00\x00\x00\x01\x41\x9a")
    assert not is_keyframe(b"")


def test_sound_passes_a_gap_once_its_reserve_of_later_packets_is_there() -> None:
    # aiortc's sound buffer: 16 packets, 4 kept in reserve for packets out of order.
    buffer = RecoveringJitterBuffer(capacity=16, prefetch=4)
    out: list[bytes] = []
    for sequence_number in [1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15]:  # 3 and 9 are lost
        asked, frame = buffer.add(
            video_packet(sequence_number, 960 * sequence_number, b"%d" % sequence_number)
        )
        assert not asked
        if frame is not None:
            out.append(frame.data)
    # Every packet that came goes out in order, each as soon as four more are queued behind it.
    assert out == [b"1", b"2", b"4", b"5", b"6", b"7", b"8", b"10", b"11"]
    assert buffer.holes_skipped == 2
