"""Camera and microphone tracks fed from outside, and echo cancellation on real WebRTC code."""

from __future__ import annotations

import asyncio

import numpy as np
import numpy.typing as npt

from outreach_app.call.capture import (
    CHUNK_SAMPLES,
    CameraTrack,
    MicrophoneTrack,
    create_echo_canceller,
)
from outreach_app.call.forwarding import SAMPLES_PER_FRAME
from outreach_app.call.media import AUDIO_SAMPLE_RATE, VideoQuality


def rms(samples: npt.NDArray[np.int16]) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


async def test_camera_frames_go_out_at_the_quality_asked_for() -> None:
    camera = CameraTrack(VideoQuality(640, 480, 30))
    camera.push_rgb(np.zeros((480, 640, 3), dtype=np.uint8))
    first = await asyncio.wait_for(camera.recv(), 1)
    assert (first.width, first.height) == (640, 480)
    camera.set_quality(320, 240, 15)
    await asyncio.sleep(0.1)
    camera.push_rgb(np.zeros((480, 640, 3), dtype=np.uint8))
    second = await asyncio.wait_for(camera.recv(), 1)
    assert (second.width, second.height) == (320, 240)
    assert camera.quality == VideoQuality(320, 240, 15)

    camera.enabled = False  # camera off: dark frames, whatever the camera still delivers
    camera.push_rgb(np.full((480, 640, 3), 255, dtype=np.uint8))
    dark = await asyncio.wait_for(camera.recv(), 2)
    assert (dark.width, dark.height) == (320, 240)
    assert dark.to_ndarray(format="gray").max() < 30
    camera.stop()


async def test_the_microphone_sends_what_was_pushed_and_silence_when_muted() -> None:
    microphone = MicrophoneTrack()
    microphone.push(np.full(SAMPLES_PER_FRAME, 1234, dtype=np.int16))
    frame = await microphone.recv()
    assert frame.sample_rate == AUDIO_SAMPLE_RATE
    assert frame.to_ndarray().reshape(-1).tolist() == [1234] * SAMPLES_PER_FRAME
    microphone.muted = True
    microphone.push(np.full(SAMPLES_PER_FRAME, 1234, dtype=np.int16))
    assert not (await microphone.recv()).to_ndarray().any()
    microphone.stop()


def test_the_speakers_echo_is_removed_from_the_microphone() -> None:
    """Loudspeaker sound reaching the microphone 20 ms later at half level loses >= 12 dB."""
    microphone = MicrophoneTrack(create_echo_canceller())
    rng = np.random.default_rng(3)
    far = (rng.standard_normal(AUDIO_SAMPLE_RATE * 5) * 3000).astype(np.int16)
    delay = AUDIO_SAMPLE_RATE // 50
    near = np.zeros_like(far)
    near[delay:] = (far[:-delay] * 0.5).astype(np.int16)
    cleaned = []
    for start in range(0, len(far), CHUNK_SAMPLES * 2):
        microphone.played(far[start : start + CHUNK_SAMPLES * 2])
        cleaned.append(microphone.clean(near[start : start + CHUNK_SAMPLES * 2]))
    last_second = slice(-AUDIO_SAMPLE_RATE, None)
    reduction = 20 * np.log10(
        rms(near[last_second]) / max(rms(np.concatenate(cleaned)[last_second]), 1)
    )
    assert reduction >= 12, f"echo reduced by only {reduction:.1f} dB"


def test_without_a_canceller_the_microphone_is_passed_through() -> None:
    microphone = MicrophoneTrack()
    near = np.arange(CHUNK_SAMPLES, dtype=np.int16)
    microphone.played(np.full(CHUNK_SAMPLES, 999, dtype=np.int16))
    assert microphone.clean(near).tolist() == near.tolist()
