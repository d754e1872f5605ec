"""The call window on the media server: the same run sheet, floor, thumbnails, notes and
recording as on the hub, the engine and its reason shown, and a Janus restart said and recovered
without anyone clicking."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from outreach_app.call.ice import host_addresses
from outreach_app.call.janus_engine import JanusEngine
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService, CallSettings
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.call_engines import EngineChoice
from outreach_app.core.invitations import token_from_join_url
from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.state_files import load_or_create_secret
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.presenter import CallPhase, CallPresenter, synthetic_official_media
from outreach_app.ui.call.run_sheet import STATE_COLUMN
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.context import UiContext
from tests.janus import JanusProcess
from tests.netns import NetworkNamespace
from tests.ui.conftest import Repo, until
from tests.ui.test_call_window import close_call

OFFICIAL = VideoQuality(160, 120, 10)
QUALITY = QualityPolicy(floor=VideoQuality(320, 240, 15), waiting=VideoQuality(160, 120, 5))
GAS_FIELD, VILLAGE = "克拉2气田中控室", "红旗村村委会"

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def media_address(network_namespace: NetworkNamespace) -> Iterator[None]:
    with host_addresses([network_namespace.root_address]):
        yield


async def test_a_call_on_the_media_server_runs_as_on_the_hub_and_survives_a_janus_restart(
    context: UiContext,
    repo: Repo,
    janus: JanusProcess,
    network_namespace: NetworkNamespace,
    tmp_path: Path,
) -> None:
    def seed(r: Repository) -> tuple[int, int, int]:
        gas = r.sites.save_site(Site(GAS_FIELD))
        village = r.sites.save_site(Site(VILLAGE))
        start = datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=1)
        session_id = r.sessions.save_session(
            Session(
                "百县连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                start,
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(gas, 0, 10), SessionSite(village, 1, 5)],
                call_engine=EngineChoice.JANUS,
            )
        )
        return session_id, gas, village

    session_id, gas, village = repo(seed)
    service = CallService(
        CallSettings("http://127.0.0.1:0", host_addresses=(network_namespace.root_address,)),
        secret=functools.partial(load_or_create_secret, tmp_path / "secret"),
        local_server=functools.partial(EmbeddedServer, janus=janus.access),
    )
    presenter = CallPresenter(
        context.store,
        context.bus,
        session_id,
        service,
        media=synthetic_official_media(quality=OFFICIAL),
        quality=QUALITY,
    )
    window = CallWindow(context, session_id, service, presenter=presenter)
    window.resize(1360, 840)
    window.show()
    sites: list[SiteEngine] = []
    cameras: list[SyntheticVideoTrack] = []
    try:
        await until(lambda: presenter.phase is CallPhase.LIVE, timeout=10)
        assert presenter.call is not None and isinstance(presenter.call.hub, JanusEngine)
        engine_text = window.header.engine_label.text()
        assert engine_text.startswith("On the media server — ")
        for site_id in (gas, village):
            link = presenter.invitation_link(site_id)
            assert link is not None
            signaling = WebSocketSignaling(link, token_from_join_url(link))
            await signaling.connect()
            cameras.append(SyntheticVideoTrack(f"SITE {site_id}", QUALITY.waiting))
            sites.append(SiteEngine(signaling, site_id, video=cameras[-1]))
            await sites[-1].start()

        def connected_everywhere() -> bool:
            return all(
                "Connected" in window.run_sheet.row_texts(s)[STATE_COLUMN]
                and "Connected" in window.video._tiles[s].state_label.text()
                for s in (gas, village)
            )

        await until(connected_everywhere, timeout=15)
        await until(
            lambda: all(window.video._tiles[s].video.frames_shown >= 3 for s in (gas, village)),
            timeout=10,
        )
        await until(
            lambda: (
                "RTT" in window.video._tiles[gas].stats_label.text()
                and "fps" in window.video._tiles[gas].stats_label.text()
            ),
            timeout=8,
        )

        QTest.keyClick(window, Qt.Key.Key_F8)
        await until(lambda: presenter.floor_site_id == gas)
        await until(lambda: window.video.floor_view.source_size == (320, 240), timeout=10)
        assert window.notes.selected_site_id == gas
        QTest.keyClick(window, Qt.Key.Key_F8)
        await until(lambda: presenter.floor_site_id == village)
        await until(lambda: window.notes.selected_site_id == village)

        # Recording keeps the floor and the mix, as on the hub.
        await presenter.start_recording(tmp_path / "recordings")
        assert presenter.recording
        await until(lambda: window.video.floor_view.frames_shown > 10, timeout=5)
        await presenter.stop_recording()
        recorded = list((tmp_path / "recordings").glob("*.mp4"))
        assert len(recorded) == 1 and recorded[0].stat().st_size > 1000

        # Janus restarts: the window says so, and every site comes back by itself.
        await until(lambda: sites[0].state is PeerState.CONNECTED)
        janus.stop()
        await until(
            lambda: window.header.engine_label.text().startswith("Media server away"), timeout=10
        )
        await until(
            lambda: "Reconnecting" in window.run_sheet.row_texts(gas)[STATE_COLUMN], timeout=5
        )
        janus.start()
        await until(connected_everywhere, timeout=30)
        await until(
            lambda: window.header.engine_label.text().startswith("Back on the media server after"),
            timeout=5,
        )
        await until(lambda: window.video.floor_view.frames_shown > 0)

        await presenter.end()
        await until(lambda: all(site.state is PeerState.LEFT for site in sites), timeout=5)
    finally:
        await close_call(window, sites, cameras)
        await service.close()
