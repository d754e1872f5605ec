"""A call cut short when the app last stopped: the main window says so and offers to resume it.

The database holds a session left live with its notes, as a killed app leaves it (the crash
test, tests/ui/test_crash_safety.py, makes such databases for real). Resuming opens the call
window through the app's CallWindows on a real embedded server, and a site joins the resumed
call by its invitation link.
"""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window, open_main_window, show_main_window
from outreach_app.call.ice import host_addresses
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService
from outreach_app.call.media import SyntheticVideoTrack
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import SignalingRefused, WebSocketSignaling
from outreach_app.core.interruptions import InterruptedSession
from outreach_app.core.invitations import issue_site_token, join_url, token_from_join_url
from outreach_app.core.model import (
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.interrupted import InterruptedBanner, watch_interrupted_calls
from outreach_app.ui.call.launcher import open_call_windows
from outreach_app.ui.call.presenter import CallPhase, CallPresenter, synthetic_official_media
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.schedule.view import ScheduleView
from tests.local_calls import local_call_service
from tests.ui.conftest import Repo, tree_item, until
from tests.ui.test_call_window import OFFICIAL, QUALITY

TITLE = "节前视频连线慰问基层一线"
STOPPED_AT = datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=3)


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with host_addresses(["127.0.0.1"]):
        yield


@pytest.fixture
def left_live(repo: Repo) -> tuple[int, int, int]:
    """A session the app left live: it went live, a site joined, a note was taken, then
    nothing (the app was killed). Returns the session, the site and the question."""

    def seed(r: Repository) -> tuple[int, int, int]:
        gas = r.sites.save_site(Site("克拉2气田中控室"))
        village = r.sites.save_site(Site("红旗村村委会"))
        session_id = r.sessions.save_session(
            Session(
                TITLE,
                SessionKind.POLICY_BRIEFING,
                "王建国",
                STOPPED_AT - timedelta(minutes=20),
                90,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(gas, 0, 10), SessionSite(village, 1, 5)],
            )
        )
        r.clock = lambda: STOPPED_AT - timedelta(minutes=19)
        r.sessions.set_session_status(session_id, SessionStatus.LIVE)
        r.sessions.record_site_joined(session_id, gas)
        question = r.notes.add_question(session_id, gas, "节日期间如何保障安全生产？")
        assert question.id is not None
        r.clock = lambda: STOPPED_AT
        r.notes.save_answer(question.id, "三班倒，每两小时巡检一次", "张德明")
        r.clock = lambda: datetime.now().replace(microsecond=0)
        return session_id, gas, question.id

    result: tuple[int, int, int] = repo(seed)
    return result


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[CallService]:
    service = local_call_service("http://127.0.0.1:0", tmp_path / "keys" / "secret")
    yield service
    await service.close()


@pytest.fixture
def calls(context: UiContext, service: CallService) -> CallWindows:
    """The app's call windows, with a synthetic camera instead of the official's devices."""

    def window(context: UiContext, session_id: int, service: CallService) -> QWidget:
        presenter = CallPresenter(
            context.store,
            context.bus,
            session_id,
            service,
            media=synthetic_official_media(quality=OFFICIAL),
            quality=QUALITY,
        )
        return CallWindow(context, session_id, service, presenter=presenter)

    return open_call_windows(context, service_factory=lambda: service, window_factory=window)


async def open_app(context: UiContext, qtbot: QtBot) -> tuple[MainWindow, InterruptedBanner]:
    """The main window as the app builds it at start-up, the banner hooked in."""
    context.user = User("王建国", Role.OFFICIAL)
    window = build_main_window(context)
    qtbot.addWidget(window)
    banner = watch_interrupted_calls(context, window)
    window.show()
    return window, banner


def upcoming_status(window: MainWindow, session_id: int) -> str:
    schedule = window.pages["schedule"].widget
    assert isinstance(schedule, ScheduleView)
    for row in range(schedule.upcoming.topLevelItemCount()):
        item = tree_item(schedule.upcoming, row)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == session_id:
            return item.text(3)
    return ""


async def test_a_session_left_live_is_shown_interrupted_at_the_top(
    context: UiContext, qtbot: QtBot, left_live: tuple[int, int, int], calls: CallWindows
) -> None:
    session_id, _, _ = left_live
    window, banner = await open_app(context, qtbot)
    await until(lambda: banner.notice_for(session_id) is not None)
    notice = banner.notice_for(session_id)
    assert notice is not None
    assert banner.isVisible() and notice.isVisible()
    # Above the pages, not a dialog: the window stays usable.
    banner_top = banner.mapTo(window, banner.rect().topLeft()).y()
    assert banner_top < window.stack.mapTo(window, window.stack.rect().topLeft()).y()
    assert notice.label.text() == (
        f"«{TITLE}» was interrupted at about {STOPPED_AT:%H:%M} — the notes taken are kept."
    )
    assert notice.resume_button.isVisible() and notice.resume_button.text() == "Resume the call"
    assert notice.end_button.isVisible() and notice.close_button.isVisible()
    assert notice.close_button.accessibleName()
    await until(lambda: upcoming_status(window, session_id) == "Interrupted")

    # × hides the notice; the session stays as it is.
    notice.close_button.click()
    assert not banner.isVisible()
    assert (
        context.store.call(lambda r: r.sessions.get_session(session_id)).status
        is SessionStatus.LIVE
    )
    assert upcoming_status(window, session_id) == "Interrupted"


class FirstSight(QObject):
    """Whether the banner is there the moment the window is first shown."""

    def __init__(self, window: MainWindow, banner: InterruptedBanner) -> None:
        super().__init__()
        self.window, self.banner = window, banner
        self.banner_shown: bool | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.banner_shown is None:
            self.banner_shown = self.banner.isVisibleTo(self.window)
        return False


async def test_the_window_opens_with_the_banner_in_place_so_pages_do_not_move(
    context: UiContext, qtbot: QtBot, left_live: tuple[int, int, int], calls: CallWindows
) -> None:
    session_id, _, _ = left_live
    context.user = User("王建国", Role.OFFICIAL)
    opened = open_main_window(context, None, None)
    window, banner = opened.window, opened.interrupted
    qtbot.addWidget(window)
    assert banner is not None
    seen = FirstSight(window, banner)
    await show_main_window(opened)
    assert seen.banner_shown is True
    assert banner.notice_for(session_id) is not None
    pages_top = window.stack.mapTo(window, window.stack.rect().topLeft()).y()
    await banner.presenter.wait_idle()
    QTest.qWait(50)
    assert window.stack.mapTo(window, window.stack.rect().topLeft()).y() == pages_top


async def test_nothing_shows_when_no_session_was_left_live(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    repo(lambda r: r.sites.save_site(Site("红旗村村委会")))
    _, banner = await open_app(context, qtbot)
    await banner.presenter.wait_idle()
    assert not banner.isVisible() and banner.notices == []


async def test_resuming_starts_the_call_again_with_the_notes_and_a_site_rejoins(
    context: UiContext,
    qtbot: QtBot,
    repo: Repo,
    left_live: tuple[int, int, int],
    calls: CallWindows,
) -> None:
    session_id, gas, question_id = left_live
    window, banner = await open_app(context, qtbot)
    await until(lambda: banner.notice_for(session_id) is not None)
    notice = banner.notice_for(session_id)
    assert notice is not None
    notice.resume_button.click()

    call = calls.window_for(session_id)
    assert isinstance(call, CallWindow)
    tracks: list[SyntheticVideoTrack] = []
    site: SiteEngine | None = None
    try:
        presenter = call.presenter
        await until(lambda: presenter.phase is CallPhase.LIVE, timeout=15)
        # The notice goes, and the session is live again rather than interrupted.
        await until(lambda: not banner.isVisible())
        await until(lambda: upcoming_status(window, session_id) == "Live")
        stored = repo(lambda r: r.sessions.get_session(session_id))
        assert stored.status is SessionStatus.LIVE
        assert stored.started_at == STOPPED_AT - timedelta(minutes=19)
        # The notes taken before the crash are in the call's notes panel.
        notes = call.notes
        await until(lambda: notes.presenter.question(question_id) is not None)
        kept = notes.presenter.question(question_id)
        assert kept is not None and kept.answer is not None
        assert kept.answer.text == "三班倒，每两小时巡检一次"

        # A site joins the resumed call by its invitation link.
        link = presenter.invitation_link(gas)
        assert link is not None
        signaling = WebSocketSignaling(link, token_from_join_url(link))
        await signaling.connect()
        camera = SyntheticVideoTrack("SITE", QUALITY.waiting)
        tracks.append(camera)
        site = SiteEngine(signaling, gas, video=camera)
        await site.start()
        await until(lambda: presenter.state(gas) is PeerState.CONNECTED, timeout=20)

        # Resuming again only brings the same window to the front.
        assert calls.open_call(session_id) is call
    finally:
        if shiboken6.isValid(call):
            await call.presenter.end()
            call.close()
            await until(lambda: not shiboken6.isValid(call), timeout=10)
        if site is not None:
            await site.close()
        for track in tracks:
            track.stop()
    assert repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.ENDED
    await until(lambda: upcoming_status(window, session_id) == "")
    await banner.presenter.wait_idle()
    assert not banner.isVisible() and banner.notices == []


async def test_ending_asks_first_then_ends_the_session_and_keeps_the_notes(
    context: UiContext,
    qtbot: QtBot,
    repo: Repo,
    left_live: tuple[int, int, int],
    calls: CallWindows,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session_id, gas, question_id = left_live
    _, banner = await open_app(context, qtbot)
    await until(lambda: banner.notice_for(session_id) is not None)

    asked: list[str] = []

    def refuse(session: InterruptedSession) -> bool:
        asked.append(session.title)
        return False

    monkeypatch.setattr(banner, "confirm_end", refuse)
    notice = banner.notice_for(session_id)
    assert notice is not None
    notice.end_button.click()
    await banner.presenter.wait_idle()
    assert asked == [TITLE]
    assert repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.LIVE
    assert banner.isVisible()

    monkeypatch.setattr(banner, "confirm_end", lambda session: True)
    notice.end_button.click()
    await until(
        lambda: repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.ENDED
    )
    await until(lambda: not banner.isVisible())
    ended = repo(lambda r: r.sessions.get_session(session_id))
    assert {slot.site_id: slot.left_at is not None for slot in ended.sites}[gas]
    [question] = repo(lambda r: r.notes.list_questions(session_id))
    assert question.id == question_id and question.answer is not None
    assert calls.window_for(session_id) is None

    # A failure is said in the banner, never in a crash: here a session that is gone.
    banner.presenter.end(session_id + 1000)
    await until(lambda: banner.messages.isVisible())
    assert "does not exist" in banner.messages.label.text() and banner.isVisible()


async def test_links_of_a_session_that_ended_before_the_app_started_admit_nobody(
    repo: Repo, left_live: tuple[int, int, int], calls: CallWindows, service: CallService
) -> None:
    # The embedded server starts afresh with the app; what ended is in the database.
    session_id, gas, _ = left_live
    repo(lambda r: r.sessions.set_session_status(session_id, SessionStatus.ENDED))
    await calls.start_server()
    token = issue_site_token(service.secret, session_id, gas, int(time.time()) + 3600)
    signaling = WebSocketSignaling(join_url(await service.server_url(), token), token)
    with pytest.raises(SignalingRefused) as refused:
        await signaling.connect()
    assert refused.value.code == "session_ended"
    await signaling.close()


async def test_a_resumed_call_that_cannot_start_leaves_the_session_interrupted(
    context: UiContext, qtbot: QtBot, repo: Repo, left_live: tuple[int, int, int], tmp_path: Path
) -> None:
    session_id, _, _ = left_live
    with socket.socket() as taken:
        # The server's port is held by another program: the call cannot start.
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        service = local_call_service(f"http://127.0.0.1:{port}", tmp_path / "secret")
        open_call_windows(context, service_factory=lambda: service)
        window, banner = await open_app(context, qtbot)
        await until(lambda: banner.notice_for(session_id) is not None)
        notice = banner.notice_for(session_id)
        assert notice is not None
        notice.resume_button.click()
        assert context.calls is not None
        call = context.calls.window_for(session_id)
        assert isinstance(call, CallWindow)
        await until(lambda: call.presenter.phase is CallPhase.FAILED, timeout=10)
        assert not banner.isVisible()
        call.close()
        await until(lambda: not shiboken6.isValid(call), timeout=10)
    # Still live in the record, so still interrupted, and still offered.
    await until(lambda: banner.notice_for(session_id) is not None and banner.isVisible())
    # The Sessions page loads what it lists when it is first shown.
    await until(lambda: upcoming_status(window, session_id) == "Interrupted")
    assert repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.LIVE
    await service.close()
