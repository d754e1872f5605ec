"""Forwarding and mixing at the hub: fan-out of frames, scaling, thinning, mix-minus sums."""

from __future__ import annotations

import asyncio

import av
import numpy as np
import pytest
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame

from outreach_app.call.forwarding import (
    MAX_BUFFERED_SAMPLES,
    SAMPLES_PER_FRAME,
    AudioFanout,
    AudioListener,
    ForwardedVideoTrack,
    MixedAudioTrack,
    VideoBroadcast,
    reader_copy,
)
from outreach_app.call.media import AUDIO_SAMPLE_RATE, VideoQuality

FULL = VideoQuality(640, 480, 30)
REDUCED = VideoQuality(320, 240, 15)


def video_frame(width: int = 640, height: int = 480) -> VideoFrame:
    return VideoFrame(width, height, "yuv420p")


def tone_frame(value: int, samples: int = SAMPLES_PER_FRAME) -> AudioFrame:
    data = np.full((1, samples), value, dtype=np.int16)
    frame = AudioFrame.from_ndarray(data, format="s16", layout="mono")
    frame.sample_rate = AUDIO_SAMPLE_RATE
    return frame


async def test_a_broadcast_wakes_every_waiting_reader_with_the_same_frame() -> None:
    broadcast = VideoBroadcast("site")
    readers = [asyncio.create_task(broadcast.next_frame(0, timeout=2)) for _ in range(3)]
    await asyncio.sleep(0)
    frame = video_frame()
    broadcast.publish(frame)
    results = await asyncio.gather(*readers)
    assert results == [(1, frame)] * 3
    assert await broadcast.next_frame(1, timeout=0.05) is None


async def test_timestamps_keep_rising_across_sources() -> None:
    first, second = VideoBroadcast("a"), VideoBroadcast("b")
    first.publish(video_frame())
    await asyncio.sleep(0.01)
    second.publish(video_frame())
    assert first.latest is not None and second.latest is not None
    assert first.latest.pts is not None and second.latest.pts is not None
    assert second.latest.pts > first.latest.pts


def test_a_readers_copy_keeps_the_aspect_and_the_timestamp() -> None:
    broadcast = VideoBroadcast("official")
    frame = video_frame(640, 360)
    broadcast.publish(frame)
    smaller = reader_copy(frame, REDUCED)
    assert (smaller.width, smaller.height) == (320, 180)
    assert (smaller.pts, smaller.time_base) == (frame.pts, frame.time_base)
    same_size = reader_copy(frame, FULL)
    assert same_size is not frame
    assert (same_size.width, same_size.height, same_size.format.name) == (640, 360, "yuv420p")
    assert (same_size.pts, same_size.time_base) == (frame.pts, frame.time_base)
    assert np.array_equal(same_size.to_ndarray(), frame.to_ndarray())


async def test_a_reader_whose_encoder_rewrites_its_frame_leaves_the_other_readers_alone() -> None:
    # PyAV's encoder moves a frame's timestamp into its own time base in place (aiortc's
    # encoders use a microsecond one). A frame shared between two sites' senders came out of
    # one encoder with a timestamp eleven times larger, and the other site's track then took
    # every later picture for an old one and sent nothing more.
    broadcast = VideoBroadcast("official")
    first = ForwardedVideoTrack(lambda: broadcast, lambda: FULL)
    second = ForwardedVideoTrack(lambda: broadcast, lambda: FULL)
    published = video_frame(320, 240)
    broadcast.publish(published)
    published_at = (published.pts, published.time_base)
    encoder = av.CodecContext.create("libvpx", "w")
    encoder.width, encoder.height, encoder.pix_fmt = 320, 240, "yuv420p"
    first_frame = await asyncio.wait_for(first.recv(), 1)
    list(encoder.encode(first_frame))
    assert first_frame.time_base != published_at[1]  # what the encoder does to its frame
    second_frame = await asyncio.wait_for(second.recv(), 1)
    assert (second_frame.pts, second_frame.time_base) == published_at
    assert (published.pts, published.time_base) == published_at
    first.stop()
    second.stop()


async def test_a_forwarded_track_follows_the_selected_source_at_the_selected_rate() -> None:
    sources = {"a": VideoBroadcast("a"), "b": VideoBroadcast("b")}
    selected = ["a"]
    track = ForwardedVideoTrack(lambda: sources[selected[0]], lambda: REDUCED)

    async def feed(source: VideoBroadcast, seconds: float) -> None:
        for _ in range(int(seconds * 30)):
            source.publish(video_frame())
            await asyncio.sleep(1 / 30)

    feeding = asyncio.create_task(feed(sources["a"], 1.0))
    received = []
    loop = asyncio.get_running_loop()
    started = loop.time()
    while loop.time() - started < 0.9:
        received.append(await asyncio.wait_for(track.recv(), 1))
    await feeding
    # 30 fps in, 15 fps out, each at the reduced size.
    assert 11 <= len(received) <= 16
    assert {(frame.width, frame.height) for frame in received} == {(320, 240)}

    last_of_a = sources["a"].latest
    assert last_of_a is not None
    selected[0] = "b"
    feeding = asyncio.create_task(feed(sources["b"], 0.3))
    frame = await asyncio.wait_for(track.recv(), 1)
    # A frame of b (published after a's last one), scaled for this site.
    assert frame.pts is not None and last_of_a.pts is not None
    assert frame.pts > last_of_a.pts and (frame.width, frame.height) == (320, 240)
    await feeding
    track.stop()


async def test_a_track_with_no_source_sends_nothing_until_there_is_one() -> None:
    source: list[VideoBroadcast | None] = [None]
    track = ForwardedVideoTrack(lambda: source[0], lambda: FULL)
    pending = asyncio.create_task(track.recv())
    await asyncio.sleep(0.3)
    assert not pending.done()
    broadcast = VideoBroadcast("floor")
    source[0] = broadcast
    first = video_frame()
    broadcast.publish(first)
    received = await asyncio.wait_for(pending, 1)
    assert (received.pts, received.width) == (first.pts, first.width)
    track.stop()


def test_a_listener_pads_with_silence_and_never_lags_more_than_its_bound() -> None:
    listener = AudioListener()
    listener.push(np.full(100, 7, dtype=np.int16))
    taken = listener.take(160)
    assert taken[:100].tolist() == [7] * 100 and taken[100:].tolist() == [0] * 60
    for _ in range(50):
        listener.push(np.ones(SAMPLES_PER_FRAME, dtype=np.int16))
    assert listener.buffered_samples <= MAX_BUFFERED_SAMPLES


async def test_the_mix_sums_the_selected_sources_and_clips() -> None:
    official, floor = AudioFanout("official"), AudioFanout("floor")
    heard = [official, floor]
    mix = MixedAudioTrack(lambda: heard)
    first = await mix.recv()  # subscribes; nothing buffered yet: silence
    assert not first.to_ndarray().any()
    official.publish(tone_frame(1000))
    floor.publish(tone_frame(2000))
    summed = (await mix.recv()).to_ndarray().reshape(-1)
    # The resampler may hold a few samples back; what arrived is the sum.
    assert summed.max() == 3000
    official.publish(tone_frame(30000))
    floor.publish(tone_frame(30000))
    assert (await mix.recv()).to_ndarray().max() == 32767

    heard.remove(floor)  # mix-minus: the floor site does not hear itself
    await mix.recv()
    assert floor.listener_count == 0 and official.listener_count == 1
    mix.stop()
    assert official.listener_count == 0


async def test_a_stopped_forwarded_track_ends() -> None:
    track = ForwardedVideoTrack(lambda: None, lambda: FULL)
    track.stop()
    with pytest.raises(MediaStreamError):
        await track.recv()
