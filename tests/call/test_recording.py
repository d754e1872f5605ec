"""Recording a live hub: the floor's video and the mixed sound end up in a playable MP4."""

from __future__ import annotations

import asyncio
from pathlib import Path

import av
import pytest

from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.recording import SessionRecorder
from outreach_app.call.signaling import InMemorySignalingRoom
from outreach_app.call.site_engine import SiteEngine
from outreach_app.core.signaling_protocol import HOST
from tests.call.conftest import wait_until

QUALITY = VideoQuality(320, 240, 15)


async def test_a_recording_holds_the_floor_video_and_the_mixed_sound(tmp_path: Path) -> None:
    room = InMemorySignalingRoom()
    official, tone = SyntheticVideoTrack("OFFICIAL", QUALITY), ToneAudioTrack(440)
    camera, site_tone = SyntheticVideoTrack("SITE", QUALITY), ToneAudioTrack(660)
    hub = HubEngine(
        room.connect(HOST),
        invited_sites=[1],
        official_video=official,
        official_audio=tone,
        timings=LinkTimings(attempt_timeout=5),
    )
    site = SiteEngine(room.connect(1), 1, video=camera, audio=site_tone)
    await hub.start()
    await site.start()
    await wait_until(lambda: hub.state(1) is PeerState.CONNECTED, 10, "site connected")
    audio, video = hub.recording_tracks()
    recorder = SessionRecorder(tmp_path / "recordings" / "session.mp4", audio, video, QUALITY)
    recorder.start()
    assert recorder.recording
    await asyncio.sleep(1.0)
    await hub.give_floor(1)
    await asyncio.sleep(1.5)
    await recorder.stop()
    await site.close()
    await hub.close()
    for track in (official, tone, camera, site_tone):
        track.stop()

    assert (recorder.error, recorder.recording) == (None, False)
    with av.open(str(recorder.path)) as container:
        video_stream = container.streams.video[0]
        assert (video_stream.codec_context.width, video_stream.codec_context.height) == (320, 240)
        frames = sum(1 for _ in container.decode(video=0))
    with av.open(str(recorder.path)) as container:
        seconds_of_sound = sum(frame.samples for frame in container.decode(audio=0)) / 48000
    # About 2.5 s at 15 fps; a busy machine may drop some video, never the sound.
    assert frames >= 20
    assert 2.0 <= seconds_of_sound <= 3.5


async def test_a_recording_that_cannot_be_written_is_refused_at_once(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    recorder = SessionRecorder(
        blocker / "session.mp4", ToneAudioTrack(), SyntheticVideoTrack("X", QUALITY), QUALITY
    )
    with pytest.raises(OSError):
        recorder.start()
    assert not recorder.recording
