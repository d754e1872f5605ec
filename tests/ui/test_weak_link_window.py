"""The call window with a site behind a link losing 30% of its packets: the window says the link
is poor and offers sound only, which stops the video and keeps the conversation.

The site runs in a network namespace behind a shaped link (tests/shaped_link.py), the official's
call window, hub and signaling server in this process, on the link's own address.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from outreach_app.call.ice import host_addresses
from outreach_app.call.media import VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.state_files import load_or_create_secret
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.presenter import CallPhase, CallPresenter, synthetic_official_media
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.context import UiContext
from tests.local_calls import local_call_service
from tests.netns import NamespaceUnavailable
from tests.shaped_link import ShapedLink, shaped_link
from tests.ui.conftest import Repo, until

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
QUALITY = QualityPolicy(floor=VideoQuality(320, 240, 15), waiting=VideoQuality(160, 120, 5))


@pytest.fixture
def link() -> Iterator[ShapedLink]:
    try:
        with shaped_link() as shaped, host_addresses([shaped.root_address]):
            yield shaped
    except NamespaceUnavailable as missing:
        pytest.fail(f"weak-link tests need a network namespace and a TUN device: {missing}")


async def test_a_poor_link_is_named_and_sound_only_is_offered(
    context: UiContext, qtbot: QtBot, repo: Repo, link: ShapedLink, tmp_path: Path
) -> None:
    def seed(r: Repository) -> tuple[int, int]:
        site = r.sites.save_site(Site("塔里木河畔牧业村"))
        start = datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=1)
        session = Session(
            "牧区冬季保障连线",
            SessionKind.ON_SITE_WORK,
            "王建国",
            start,
            60,
            status=SessionStatus.SCHEDULED,
            sites=[SessionSite(site, 0, 15)],
        )
        return r.sessions.save_session(session), site

    session_id, site_id = repo(seed)
    secret_path = tmp_path / "secret"
    server = EmbeddedServer(load_or_create_secret(secret_path), host=link.root_address, port=0)
    service = local_call_service(await server.start(), secret_path)
    presenter = CallPresenter(
        context.store,
        context.bus,
        session_id,
        service,
        media=synthetic_official_media(quality=VideoQuality(160, 120, 10)),
        quality=QUALITY,
    )
    # Closed by the test itself (it deletes itself on close), not by qtbot.
    window = CallWindow(context, session_id, service, presenter=presenter)
    window.show()
    site: asyncio.subprocess.Process | None = None
    try:
        await until(lambda: presenter.phase is CallPhase.LIVE, timeout=10)
        invitation = presenter.invitation_link(site_id)
        assert invitation is not None
        site = await asyncio.create_subprocess_exec(
            *link.command(
                sys.executable,
                "-m",
                "outreach_app.cli.site",
                invitation,
                "--synthetic",
                "--host-address",
                link.namespace_address,
            ),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            cwd=REPO_ROOT,
        )
        await until(lambda: presenter.call is not None and presenter.is_live, timeout=10)
        await until(lambda: window.video._tiles[site_id].video.frames_shown >= 3, timeout=20)
        QTest.keyClick(window, Qt.Key.Key_F8)
        await until(lambda: presenter.floor_site_id == site_id)
        assert not window.video.floor_link_bar.isVisibleTo(window)

        link.shape(loss_percent=30, delay_ms=100)
        shaped_at = time.monotonic()
        await until(lambda: window.video.floor_link_bar.isVisibleTo(window), timeout=30)
        named_after = time.monotonic() - shaped_at
        assert "poor" in window.video.floor_link_label.text()
        assert window.video.floor_audio_only_button.text() == "Switch to sound only"

        call = presenter.call
        assert call is not None
        window.video.floor_audio_only_button.click()
        assert call.hub.audio_only(site_id)
        await until(lambda: "sound only" in window.video.floor_link_label.text(), timeout=2)
        assert window.video.floor_audio_only_button.text() == "Turn video back on"
        # The site stops sending its picture; its sound keeps coming, even over this link.
        await asyncio.sleep(2.5)
        video_before, audio_before = (
            call.hub.video_statistics(site_id),
            call.hub.audio_statistics(site_id),
        )
        await asyncio.sleep(2.0)
        video_after, audio_after = (
            call.hub.video_statistics(site_id),
            call.hub.audio_statistics(site_id),
        )
        assert video_before and video_after and audio_before and audio_after
        # A frame or two held back for a lost packet may still arrive; the stream has stopped.
        assert video_after.frames_received - video_before.frames_received <= 3
        audio_frames = audio_after.frames_received - audio_before.frames_received
        assert audio_frames > 50  # of 100 sent in 2 s, 70% cross this link one way

        # Video back on when the link is good again.
        link.shape(loss_percent=0, delay_ms=0)
        window.video.floor_audio_only_button.click()
        assert not call.hub.audio_only(site_id)
        await until(
            lambda: (
                (statistics := call.hub.video_statistics(site_id)) is not None
                and statistics.frames_received > video_after.frames_received + 10
            ),
            timeout=10,
        )
        print(
            f"\n30% loss, 100 ms delay: the window named the link poor after {named_after:.1f} s;"
            f" sound only: no video frames, {audio_frames / 2:.0f} sound frames a second"
        )
    finally:
        if site is not None and site.returncode is None:
            site.terminate()
            await asyncio.wait_for(site.wait(), 15)
        window.presenter.end_call()
        await until(lambda: presenter.phase in (CallPhase.ENDED, CallPhase.FAILED), timeout=15)
        window.close()
        await service.close()
        await server.stop()
