"""A live call as the app runs it: embedded server, invitation links, a site joining by link."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from outreach_app.call.link_state import PeerState
from outreach_app.call.live import is_local_server
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import SignalingRefused, WebSocketSignaling
from outreach_app.core.invitations import token_from_join_url
from tests.call.conftest import wait_until
from tests.local_calls import local_call_service

SMALL = VideoQuality(160, 120, 5)


def test_local_addresses_run_the_embedded_server() -> None:
    assert is_local_server("http://127.0.0.1:8765")
    assert is_local_server("http://localhost:8765")
    assert is_local_server("http://[::1]:8765")
    assert not is_local_server("https://outreach.example.org")
    assert not is_local_server("http://10.1.2.3:8765")


async def test_a_site_joins_by_its_link_and_the_ended_session_admits_nobody(
    tmp_path: Path,
) -> None:
    service = local_call_service("http://127.0.0.1:0", tmp_path / "keys" / "secret")
    official = SyntheticVideoTrack("OFFICIAL", SMALL)
    camera = SyntheticVideoTrack("SITE", SMALL)
    call = await service.start_call(41, [5, 6], ends_at=time.time() + 3600, official_video=official)
    try:
        assert (tmp_path / "keys" / "secret").stat().st_mode & 0o077 == 0
        link = call.invitation_links[5]
        assert link.startswith(await service.server_url() + "/join/")
        signaling = WebSocketSignaling(link, token_from_join_url(link))
        joined = await signaling.connect()
        assert joined.site_id == 5
        site = SiteEngine(signaling, 5, video=camera)
        await site.start()
        await wait_until(lambda: call.hub.state(5) is PeerState.CONNECTED, 10, "site 5 on air")
        assert call.hub.state(6) is PeerState.INVITED

        await service.end_call(call)
        await wait_until(lambda: site.state is PeerState.LEFT, 5, "the site told it ended")
        await site.close()
        again = WebSocketSignaling(link, token_from_join_url(link))
        with pytest.raises(SignalingRefused) as refused:
            await again.connect()
        assert refused.value.code == "session_ended"
        await again.close()
    finally:
        await call.close()
        await service.close()
        official.stop()
        camera.stop()


async def test_a_call_started_days_before_its_session_still_admits_its_host(
    tmp_path: Path,
) -> None:
    # The host credential is capped to what the server honours (two days), not the session's end.
    service = local_call_service("http://127.0.0.1:0", tmp_path / "secret")
    call = await service.start_call(42, [5], ends_at=time.time() + 5 * 86400)
    try:
        assert call.hub.state(5) is PeerState.INVITED
    finally:
        await call.close()
        await service.close()
