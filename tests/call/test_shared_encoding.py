"""One encoder for all waiting sites: its packets decode, start at keyframes, cost one encode."""

from __future__ import annotations

import asyncio

import av
from av import Packet, VideoFrame
from av.stream import Stream

from outreach_app.call.forwarding import VideoBroadcast
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.shared_encoding import (
    MAX_QUEUED_PACKETS,
    EncodedPackets,
    SharedVideoEncoder,
)

REDUCED = VideoQuality(160, 120, 10)


async def publish_pattern(broadcast: VideoBroadcast, seconds: float) -> None:
    source = SyntheticVideoTrack("shared", VideoQuality(320, 240, 30))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    try:
        while loop.time() < deadline:
            broadcast.publish(await source.recv())
    finally:
        source.stop()


async def drain(packets: EncodedPackets, seconds: float) -> list[Packet[Stream]]:
    received: list[Packet[Stream]] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while loop.time() < deadline:
        packet = await packets.next_packet(0.1)
        if packet is not None:
            received.append(packet)
    return received


def decode(packets: list[Packet[Stream]]) -> list[VideoFrame]:
    decoder = av.CodecContext.create("libvpx", "r")
    frames: list[VideoFrame] = []
    for packet in packets:
        frames.extend(decoder.decode(av.Packet(bytes(packet))))
    return frames


async def test_every_subscriber_decodes_the_same_stream_encoded_once() -> None:
    broadcast = VideoBroadcast("official")
    encoder = SharedVideoEncoder(lambda: broadcast, REDUCED)
    early = encoder.subscribe()
    publishing = asyncio.create_task(publish_pattern(broadcast, 2.5))
    early_packets = asyncio.create_task(drain(early, 2.5))
    await asyncio.sleep(1.0)
    # A site that joins later starts on a keyframe made for it, not on an inter frame.
    late = encoder.subscribe()
    late_packets = await drain(late, 1.4)
    received_early = await early_packets
    await publishing
    encoder.close()

    assert received_early[0].is_keyframe and late_packets[0].is_keyframe
    assert len(late_packets) >= 8
    for packets in (received_early, late_packets):
        frames = decode(packets)
        assert len(frames) == len(packets)
        assert {(frame.width, frame.height) for frame in frames} == {(160, 120)}
    # Thinned to 10 fps from 30 and encoded once for both: 2.5 s gives about 25 pictures.
    assert 18 <= encoder.frames_encoded <= 30
    # (The last one may still be on its way when the drain stops.)
    assert encoder.frames_encoded - 1 <= len(received_early) <= encoder.frames_encoded
    # Timestamps rise, on the broadcasts' shared 90 kHz clock.
    stamps = [packet.pts for packet in received_early if packet.pts is not None]
    assert len(stamps) == len(received_early)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


async def test_the_encoder_stops_reading_when_nobody_subscribes() -> None:
    broadcast = VideoBroadcast("floor")
    encoder = SharedVideoEncoder(lambda: broadcast, REDUCED)
    subscriber = encoder.subscribe()
    publishing = asyncio.create_task(publish_pattern(broadcast, 1.5))
    await asyncio.sleep(0.6)
    encoder.unsubscribe(subscriber)
    encoded = encoder.frames_encoded
    assert encoded > 0 and encoder.subscriber_count == 0
    await publishing
    assert encoder.frames_encoded <= encoded + 1


async def test_a_new_source_size_restarts_the_stream_on_a_keyframe() -> None:
    sources = {"wide": VideoBroadcast("wide"), "narrow": VideoBroadcast("narrow")}
    selected = ["wide"]
    encoder = SharedVideoEncoder(lambda: sources[selected[0]], REDUCED)
    subscriber = encoder.subscribe()
    wide_frames = asyncio.create_task(publish_pattern(sources["wide"], 2.0))
    await asyncio.sleep(0.8)
    selected[0] = "narrow"
    narrow_source = SyntheticVideoTrack("narrow", VideoQuality(160, 160, 30))
    try:
        for _ in range(20):
            sources["narrow"].publish(await narrow_source.recv())
    finally:
        narrow_source.stop()
    await wide_frames
    packets = await drain(subscriber, 0.3)
    encoder.close()
    sizes = [(frame.width, frame.height) for frame in decode(packets)]
    assert (120, 120) in sizes


def test_a_stalled_subscriber_restarts_from_the_next_keyframe() -> None:
    packets = EncodedPackets()
    keyframe = av.Packet(b"\x00" * 10)
    inter = av.Packet(b"\x01" * 10)
    keyframe.is_keyframe = True
    assert packets.push(inter) and packets.waiting_for_keyframe
    assert (packets.push(keyframe), packets.waiting_for_keyframe) == (True, False)
    for _ in range(MAX_QUEUED_PACKETS - 1):
        assert packets.push(inter)
    # One too many: the queue is dropped and the subscriber asks for a keyframe.
    assert not packets.push(inter)
    assert packets.waiting_for_keyframe
    assert packets.push(inter) and packets.waiting_for_keyframe


async def test_waiting_for_a_packet_gives_up_after_its_timeout() -> None:
    assert await EncodedPackets().next_packet(0.05) is None
