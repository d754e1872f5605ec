"""The desktop site window on the media server: it joins, sees the official, gets the floor,
mutes and leaves as it does on the hub."""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from outreach_app.call.ice import host_addresses
from outreach_app.call.janus_engine import JanusEngine
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService, CallSettings
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.core.call_engines import EngineChoice
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.state_files import load_or_create_secret
from outreach_app.ui.context import UiContext
from outreach_app.ui.site_call.window import SiteWindow
from tests.janus import JanusProcess
from tests.netns import NetworkNamespace
from tests.ui.conftest import until

SITE = 4
SMALL = VideoQuality(320, 240, 15)

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def media_address(network_namespace: NetworkNamespace) -> Iterator[None]:
    with host_addresses([network_namespace.root_address]):
        yield


async def test_a_desktop_site_on_the_media_server(
    context: UiContext,
    qtbot: QtBot,
    janus: JanusProcess,
    network_namespace: NetworkNamespace,
    tmp_path: Path,
) -> None:
    service = CallService(
        CallSettings("http://127.0.0.1:0", host_addresses=(network_namespace.root_address,)),
        secret=functools.partial(load_or_create_secret, tmp_path / "secret"),
        local_server=functools.partial(EmbeddedServer, janus=janus.access),
    )
    official = SyntheticVideoTrack("OFFICIAL", SMALL)
    window: SiteWindow | None = None
    call = await service.start_call(
        56, [SITE], ends_at=time.time() + 3600, official_video=official, engine=EngineChoice.JANUS
    )
    try:
        hub = call.hub
        assert isinstance(hub, JanusEngine)
        window = SiteWindow(call.invitation_links[SITE], context.settings)
        qtbot.addWidget(window)
        window.show()
        await window.join()
        await until(lambda: hub.state(SITE) is PeerState.CONNECTED, 15)
        await until(lambda: window.official_view.frames_shown > 0, 5)
        await until(lambda: "waiting for your turn" in window.banner.text(), 5)
        engine = window.presenter.engine
        assert engine is not None and engine.on_media_server

        await hub.give_floor(SITE)
        await until(lambda: window.banner.text() == "You have the floor", 5)
        await until(lambda: (hub.video_statistics(SITE) or None) is not None, 5)

        window.mute_button.click()
        assert window.presenter.microphone.muted
        window.camera_button.click()

        def dark_at_the_official() -> bool:
            frame = hub.latest_video_frame(SITE)
            return frame is not None and int(frame.to_ndarray(format="gray").max()) < 40

        await until(dark_at_the_official, 5)
        window.close()
        await until(lambda: hub.state(SITE) is PeerState.LEFT, 5)
    finally:
        if window is not None and window.isVisible():
            window.close()
            await until(lambda: window is not None and not window.isVisible(), 5)
        await call.close()
        await service.close()
        official.stop()
