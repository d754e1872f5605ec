from __future__ import annotations

import time

import numpy as np
import pytest

from outreach_app.call.media import (
    AUDIO_SAMPLE_RATE,
    SyntheticVideoTrack,
    ToneAudioTrack,
    VideoQuality,
    text_mask,
)


async def test_the_pattern_changes_size_and_rate_while_running() -> None:
    track = SyntheticVideoTrack("SITE 1", VideoQuality(160, 120, 30))
    try:
        first = await track.recv()
        assert (first.width, first.height) == (160, 120)
        track.set_quality(320, 240, 10)
        started = time.monotonic()
        frames = [await track.recv() for _ in range(4)]
        elapsed = time.monotonic() - started
        assert {(frame.width, frame.height) for frame in frames} == {(320, 240)}
        # Four frames at 10 fps: 0.3-0.4 s after the one already due.
        assert 0.25 < elapsed < 0.6
        timestamps = [frame.pts for frame in frames if frame.pts is not None]
        assert len(timestamps) == len(frames) and timestamps == sorted(set(timestamps))
    finally:
        track.stop()


async def test_the_block_moves_between_frames() -> None:
    track = SyntheticVideoTrack("SITE 1", VideoQuality(160, 120, 30))
    try:
        first = (await track.recv()).to_ndarray(format="gray")
        for _ in range(5):
            later = (await track.recv()).to_ndarray(format="gray")
        assert not np.array_equal(first, later)
    finally:
        track.stop()


def test_invalid_qualities_are_refused() -> None:
    with pytest.raises(ValueError):
        VideoQuality(321, 240, 15)
    with pytest.raises(ValueError):
        VideoQuality(320, 240, 0)


def test_text_is_drawn_glyph_by_glyph() -> None:
    assert text_mask("SITE 1", 2).shape == (14, (6 * 6 - 1) * 2)
    assert not np.array_equal(text_mask("12:00", 1), text_mask("12:01", 1))


async def test_the_tone_is_48_khz_in_20_ms_frames_with_continuous_timestamps() -> None:
    track = ToneAudioTrack(frequency=1000)
    try:
        frames = [await track.recv() for _ in range(3)]
        assert [frame.samples for frame in frames] == [960] * 3
        assert {frame.sample_rate for frame in frames} == {AUDIO_SAMPLE_RATE}
        assert [frame.pts for frame in frames] == [0, 960, 1920]
        samples = frames[1].to_ndarray().ravel()
        assert 0.15 * 32767 < np.abs(samples).max() <= 0.2 * 32767
    finally:
        track.stop()
