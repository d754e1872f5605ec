"""Which of a publisher's streams and layers a subscription takes, as Janus numbers them."""

from __future__ import annotations

import pytest

from outreach_app.core.signaling_protocol import HOST
from outreach_app.server.media_streams import (
    Publication,
    SimulcastLayers,
    simulcast_layers,
    source_video,
    without_room,
)

BROWSER_OFFER = "\r\n".join(
    [
        "v=0",
        "s=-",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111",
        "a=mid:0",
        "m=video 9 UDP/TLS/RTP/SAVPF 96",
        "a=mid:1",
        "a=rid:h send",
        "a=rid:l send",
        "a=simulcast:send h;l",
        "",
    ]
)


@pytest.mark.parametrize(
    ("sdp", "mid", "layers"),
    [
        (BROWSER_OFFER, "1", SimulcastLayers(0, 1)),
        (BROWSER_OFFER, "0", None),
        ("m=video 9 x\r\na=mid:v\r\na=ssrc-group:SIM 11 22 33\r\n", "v", SimulcastLayers(0, 2)),
        ("m=video 9 x\r\na=mid:v\r\na=simulcast:send a;b;c;d\r\n", "v", SimulcastLayers(0, 2)),
        ("m=video 9 x\r\na=mid:v\r\na=simulcast:send only\r\n", "v", None),
        ("m=video 9 x\r\na=mid:1\r\n", "1", None),
    ],
)
def test_simulcast_layers_are_numbered_from_the_smallest(
    sdp: str, mid: str, layers: SimulcastLayers | None
) -> None:
    assert simulcast_layers(sdp, mid) == layers


def test_janus_sdp_keeps_everything_but_the_room_name() -> None:
    sdp = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=VideoRoom outreach-4f2a\r\nt=0 0\r\n"
    assert without_room(sdp) == "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n"


def test_the_reduced_copy_is_taken_only_while_the_publisher_sends_it() -> None:
    site = Publication(handle=None, video_mid="1", reduced_mid="2")  # type: ignore[arg-type]
    # Waiting sites watch the floor site's copy; the official watches a waiting site's main
    # video, which the site itself keeps small.
    assert source_video(site, "reduced", 7, floor_site_id=7) == "2"
    assert source_video(site, "reduced", 7, floor_site_id=8) == "1"
    assert source_video(site, "full", 7, floor_site_id=7) == "1"
    official = Publication(handle=None, video_mid="1", reduced_mid="2")  # type: ignore[arg-type]
    assert source_video(official, "reduced", HOST, floor_site_id=None) == "2"
    browser = Publication(handle=None, video_mid="1")  # type: ignore[arg-type]
    assert source_video(browser, "reduced", 7, floor_site_id=7) == "1"
