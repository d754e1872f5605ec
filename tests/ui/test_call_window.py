"""The call window on a real call: the embedded signaling server, the hub, and two sites that join
by their invitation links over loopback, each sending a small synthetic picture."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.app import open_main_window
from outreach_app.call.ice import host_addresses
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService, CallSettings
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.official_engine import LinkStatistics, QualityPolicy
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.control_protocol import Standing
from outreach_app.core.invitations import token_from_join_url
from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.core.raised_hands import MAX_CHANGES
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.launcher import call_available, open_call_windows
from outreach_app.ui.call.presenter import CallPhase, CallPresenter, synthetic_official_media
from outreach_app.ui.call.run_sheet import (
    HAND_COLUMN,
    LEFT_COLUMN,
    SITE_COLUMN,
    STATE_COLUMN,
)
from outreach_app.ui.call.site_tile import describe_statistics
from outreach_app.ui.call.window import CallWindow, CloseChoice
from outreach_app.ui.context import UiContext
from outreach_app.ui.media import LocalMedia
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.schedule.view import ScheduleView
from outreach_app.ui.window_shortcuts import window_actions
from tests.local_calls import local_call_service
from tests.ui.conftest import Repo, type_text, until
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_no_english_in_chinese import english_words, visible_texts

# Small pictures for 2 shared cores; the app uses 640x480@30 on the floor and 320x240@10 waiting.
OFFICIAL = VideoQuality(160, 120, 10)
QUALITY = QualityPolicy(floor=VideoQuality(320, 240, 15), waiting=VideoQuality(160, 120, 5))
GAS_FIELD, VILLAGE = "克拉2气田中控室", "红旗村村委会"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with host_addresses(["127.0.0.1"]):
        yield


@pytest.fixture
def seeded(repo: Repo) -> tuple[int, int, int]:
    """Today's session with the gas field (10 min) and then the village (5 min)."""

    def seed(r: Repository) -> tuple[int, int, int]:
        gas = r.sites.save_site(Site(GAS_FIELD))
        village = r.sites.save_site(Site(VILLAGE))
        start = datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=1)
        session_id = r.sessions.save_session(
            Session(
                "节前视频连线慰问基层一线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                start,
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(gas, 0, 10), SessionSite(village, 1, 5)],
            )
        )
        return session_id, gas, village

    result: tuple[int, int, int] = repo(seed)
    return result


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[CallService]:
    service = local_call_service("http://127.0.0.1:0", tmp_path / "keys" / "secret")
    yield service
    await service.close()


def call_window(context: UiContext, session_id: int, service: CallService) -> CallWindow:
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
    window.activateWindow()
    return window


async def close_call(
    window: CallWindow, sites: list[SiteEngine], cameras: list[SyntheticVideoTrack]
) -> None:
    """End what a test's call left open: the call (if its window is still there), the sites
    and their cameras."""
    if shiboken6.isValid(window):
        await window.presenter.end()
        window.deleteLater()
    for site in sites:
        await site.close()
    for camera in cameras:
        camera.stop()


async def join(link: str, site_id: int, tracks: list[SyntheticVideoTrack]) -> SiteEngine:
    signaling = WebSocketSignaling(link, token_from_join_url(link))
    await signaling.connect()
    camera = SyntheticVideoTrack(f"SITE {site_id}", QUALITY.waiting)
    tracks.append(camera)
    site = SiteEngine(signaling, site_id, video=camera)
    await site.start()
    return site


async def test_a_real_call_from_start_to_end(
    context: UiContext,
    qtbot: QtBot,
    repo: Repo,
    seeded: tuple[int, int, int],
    service: CallService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session_id, gas, village = seeded
    window = call_window(context, session_id, service)
    presenter = window.presenter
    tracks: list[SyntheticVideoTrack] = []
    sites: list[SiteEngine] = []
    try:
        await until(lambda: presenter.phase is CallPhase.LIVE, timeout=10)
        assert window.run_sheet.row_texts(gas)[1:3] == [GAS_FIELD, "10 min"]
        assert "Invited" in window.run_sheet.row_texts(village)[STATE_COLUMN]
        # A name cut short in a narrow run sheet reads whole in its tooltip.
        assert window.run_sheet._items[village].toolTip(SITE_COLUMN) == f"{VILLAGE} — waiting"
        await until(
            lambda: repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.LIVE
        )

        for site_id in (gas, village):
            link = presenter.invitation_link(site_id)
            assert link is not None
            sites.append(await join(link, site_id, tracks))
        await until(
            lambda: all(
                "Connected" in window.run_sheet.row_texts(s)[STATE_COLUMN]
                and "Connected" in window.video._tiles[s].state_label.text()
                for s in (gas, village)
            ),
            timeout=10,
        )
        await until(
            lambda: all(
                slot.joined_at is not None and slot.left_at is None
                for slot in repo(lambda r: r.sessions.get_session(session_id)).sites
            )
        )
        # Every picture arrives: both thumbnails, and the official's own camera, which is the
        # large view while nobody has the floor.
        await until(
            lambda: (
                all(window.video._tiles[s].video.frames_shown >= 3 for s in (gas, village))
                and window.video.floor_view.frames_shown >= 3
            ),
            timeout=10,
        )
        assert window.video.floor_view.source_size == (OFFICIAL.width, OFFICIAL.height)
        assert not window.video.self_view.isVisibleTo(window)
        # Link quality as the thumbnails show it; the bit rate needs two readings.
        await until(
            lambda: re.search(
                r"\d+ fps · \d+ kbit/s\nRTT \d+ ms · loss \d+\.\d%",
                window.video._tiles[gas].stats_label.text(),
            ),
            timeout=5,
        )

        # Each site hears where it stands: the session, its name, its place, who is next.
        title = "节前视频连线慰问基层一线"
        await until(lambda: all(site.standing is not None for site in sites), timeout=5)
        assert sites[0].standing == Standing(title, GAS_FIELD, 1, 2, None, False, True, 0)
        assert sites[1].standing == Standing(title, VILLAGE, 2, 2, None, False, False, 600)

        # Both sites ask for the floor: the official sees them in order of raising, in the run
        # sheet and on the thumbnails, and every site hears the same order.
        assert sites[1].raise_hand(True)
        await until(lambda: window.run_sheet.row_texts(village)[HAND_COLUMN] == "⚑ 1")
        assert sites[0].raise_hand(True)
        await until(lambda: window.run_sheet.row_texts(gas)[HAND_COLUMN] == "⚑ 2")
        village_tile = window.video._tiles[village]
        assert village_tile.hand_label.isVisibleTo(window) and "1" in village_tile.hand_label.text()
        await until(
            lambda: all(
                site.standing is not None and site.standing.hands == (VILLAGE, GAS_FIELD)
                for site in sites
            )
        )
        assert sites[0].standing is not None and sites[0].standing.hand_raised
        # The official lowers the village's hand from its thumbnail.
        QTest.mouseClick(village_tile.lower_hand_button, Qt.MouseButton.LeftButton)
        await until(lambda: window.run_sheet.row_texts(gas)[HAND_COLUMN] == "⚑ 1")
        assert window.run_sheet.row_texts(village)[HAND_COLUMN] == ""
        assert not village_tile.hand_label.isVisibleTo(window)
        await until(lambda: getattr(sites[1].standing, "hand_raised", True) is False)
        # A site that floods hand requests is ignored after a few.
        changes: list[list[int]] = []
        presenter.handsChanged.connect(changes.append)
        for index in range(20):
            assert sites[1].raise_hand(index % 2 == 0)
        await asyncio.sleep(1.0)
        assert 1 <= len(changes) <= MAX_CHANGES
        presenter.lower_hand(village)
        await until(lambda: presenter.hands.order() == [gas])

        # A notice to the village only, then one to every site; both stay on record.
        QTest.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
        dialog = window.notice_dialog
        assert dialog is not None and dialog.isVisible()
        assert not dialog.send_button.isEnabled()
        dialog.site_box.setCurrentIndex(dialog.site_box.findData(village))
        QTest.keyClicks(dialog.text_edit, "Please prepare the figures on heating")
        QTest.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        await until(
            lambda: [n.text for n in sites[1].notices] == ["Please prepare the figures on heating"]
        )
        window.notice_action.trigger()
        dialog = window.notice_dialog
        assert dialog is not None and dialog.target() is None
        QTest.keyClicks(dialog.text_edit, "Five minutes each, please")
        QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return)
        await until(lambda: len(sites[1].notices) == 2 and len(sites[0].notices) == 1)
        assert (
            sites[0].notices[0].text == "Five minutes each, please" and sites[0].notices[0].to_all
        )
        assert "Notice sent to all sites" in window.statusBar().currentMessage()
        kept = repo(lambda r: r.calls.notices(session_id))
        assert [(n.site_id, n.text) for n in kept] == [
            (village, "Please prepare the figures on heating"),
            (None, "Five minutes each, please"),
        ]
        # A note-taker writes one from the notes (here those of the call window), and one
        # arrives in the record from another desk: the app that holds the call hands both on.
        await until(
            lambda: (
                window.notes.presenter.notes is not None
                and window.notes.presenter.notes.session.status is SessionStatus.LIVE
            )
        )
        window.notes.write_notice()
        notes_dialog = window.notes.notice_dialog
        assert notes_dialog is not None
        notes_dialog.site_box.setCurrentIndex(0)
        QTest.keyClicks(notes_dialog.text_edit, "The next question is on roads")
        QTest.keyClick(notes_dialog.text_edit, Qt.Key.Key_Return)
        await until(lambda: len(sites[0].notices) == 2 and len(sites[1].notices) == 3)
        repo(lambda r: r.calls.record_notice(session_id, gas, "From the note-taker's desk"))
        context.bus.announce(Topic.SESSIONS)
        await until(lambda: [n.text for n in sites[0].notices][-1] == "From the note-taker's desk")
        assert len(sites[1].notices) == 3
        # Offscreen, nothing gives the window back its activation when a dialog closes.
        window.activateWindow()
        await until(lambda: QApplication.activeWindow() is window)

        # F8 gives the floor to the first site: large, at floor quality, with its countdown.
        assert "F8" in window.header.next_button.toolTip()
        QTest.keyClick(window, Qt.Key.Key_F8)
        await until(lambda: presenter.call is not None and presenter.call.hub.floor_site_id == gas)
        assert window.run_sheet.row_texts(gas)[0].startswith("▶")
        assert window.video.floor_caption.text().startswith(GAS_FIELD)
        assert not window.video._tiles[gas].isVisibleTo(
            window
        ) and window.video.self_view.isVisibleTo(window)
        assert window.header.countdown_label.text() in ("10:00", "09:59")
        await until(lambda: window.video.floor_view.source_size == (320, 240), timeout=10)
        await until(lambda: window.video.self_view.frames_shown > 0)
        assert window.notes.selected_site_id == gas
        await until(lambda: window.header.countdown_label.text() == "09:59", timeout=3)
        assert window.run_sheet.row_texts(gas)[LEFT_COLUMN] == "09:59"
        # The village is next now, once the gas field's ten minutes are up.
        await until(lambda: getattr(sites[1].standing, "floor", None) == GAS_FIELD)
        village_standing = sites[1].standing
        assert village_standing is not None and village_standing.next
        assert village_standing.wait is not None and 595 <= village_standing.wait <= 600
        gas_standing = sites[0].standing
        assert gas_standing is not None and gas_standing.has_floor
        # It asked for the floor and got it: its hand is down.
        assert window.run_sheet.row_texts(gas)[HAND_COLUMN] == ""
        assert not gas_standing.hand_raised and gas_standing.hands == ()

        # The next press moves on to the village, whose own five minutes start.
        QTest.keyClick(window, Qt.Key.Key_F8)
        await until(
            lambda: presenter.call is not None and presenter.call.hub.floor_site_id == village
        )
        assert window.header.countdown_label.text() in ("05:00", "04:59")
        assert window.run_sheet.row_texts(gas)[LEFT_COLUMN] in ("09:59", "09:58")
        assert not window.next_action.isEnabled() and window.previous_action.isEnabled()
        await until(lambda: window.notes.selected_site_id == village)

        # A question typed in the panel goes to the village, stamped with the time in session.
        notes = window.notes
        await until(
            lambda: (
                notes.presenter.notes is not None
                and notes.presenter.notes.session.started_at is not None
            )
        )
        QTest.keyClicks(notes.new_question_edit, "How is the heating?")
        QTest.keyClick(notes.new_question_edit, Qt.Key.Key_Return)
        await until(lambda: notes.editor.question_id is not None)
        stored = repo(lambda r: r.notes.list_questions(session_id))
        assert [(q.text, q.site_id) for q in stored] == [("How is the heating?", village)]
        assert stored[0].offset_seconds is not None and 0 <= stored[0].offset_seconds < 120
        type_text(notes.editor.answer_edit, "供暖正常")
        QTest.mouseClick(notes.editor.commitment_box, Qt.MouseButton.LeftButton)

        # Closing mid-call can keep the session running: the window only minimizes.
        monkeypatch.setattr(window, "ask_close_choice", lambda: CloseChoice.KEEP_RUNNING)
        window.close()
        assert window.isMinimized() and presenter.is_live

        # A hand still raised when the session ends goes down with it.
        assert sites[0].raise_hand(True)
        await until(lambda: window.run_sheet.row_texts(gas)[HAND_COLUMN] == "⚑ 1")
        monkeypatch.setattr(window, "confirm_end", lambda: True)
        window.showNormal()
        window.end_action.trigger()
        await until(lambda: presenter.phase is CallPhase.ENDED, timeout=10)
        assert window.run_sheet.row_texts(gas)[HAND_COLUMN] == ""
        assert not window.video._tiles[gas].hand_label.isVisibleTo(window)
        await until(lambda: all(site.state is PeerState.LEFT for site in sites), timeout=5)
        await presenter.wait_idle()
        ended = repo(lambda r: r.sessions.get_session(session_id))
        assert ended.status is SessionStatus.ENDED and ended.ended_at is not None
        assert all(slot.left_at is not None for slot in ended.sites)
        assert not window.end_action.isEnabled()
        # Own microphone and camera are closed; the window sums the session up.
        header = window.header
        assert not header.mute_button.isEnabled() and not header.camera_button.isEnabled()
        await until(lambda: "follow-ups created: 1" in window.summary_label.text())
        assert window.summary_label.isVisible()
        assert re.search(
            r"Duration 00:0\d:\d\d · sites heard: 2 of 2 · notes taken: 1 ·",
            window.summary_label.text(),
        )

        # Once over, the window closes without asking; the answer typed last is saved.
        window.close()
        await until(lambda: not shiboken6.isValid(window))
        answers = [q.answer for q in repo(lambda r: r.notes.list_questions(session_id))]
        assert answers[0] is not None and answers[0].text == "供暖正常"
    finally:
        await close_call(window, sites, tracks)


async def test_notes_follow_the_floor_and_go_elsewhere_only_by_choice(
    context: UiContext,
    qtbot: QtBot,
    repo: Repo,
    seeded: tuple[int, int, int],
    service: CallService,
) -> None:
    session_id, gas, village = seeded
    window = call_window(context, session_id, service)
    presenter, notes, target = window.presenter, window.notes, window.notes_target
    try:
        await until(lambda: presenter.phase is CallPhase.LIVE, timeout=10)
        await until(
            lambda: (
                notes.presenter.notes is not None
                and notes.presenter.notes.session.started_at is not None
            )
        )
        QTest.keyClick(window, Qt.Key.Key_F8)
        await until(lambda: presenter.floor_site_id == gas and notes.selected_site_id == gas)
        assert target.state_label.text() == "● Has the floor"

        # Selecting the village's row to copy its link leaves the notes with the gas field.
        sheet = window.run_sheet
        village_item = sheet.topLevelItem(1)
        assert village_item is not None
        row = sheet.visualItemRect(village_item)
        QTest.mouseClick(sheet.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
        assert sheet.current_site_id() == village
        QTest.mouseClick(window.copy_link_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == presenter.invitation_link(village)
        assert notes.selected_site_id == gas
        assert GAS_FIELD in target.combo.currentText() and GAS_FIELD in notes.notes_title.text()
        QTest.keyClicks(notes.new_question_edit, "Is the heating on?")
        QTest.keyClick(notes.new_question_edit, Qt.Key.Key_Return)
        await until(lambda: notes.editor.question_id is not None)
        stored = repo(lambda r: r.notes.list_questions(session_id))
        assert [(q.text, q.site_id) for q in stored] == [("Is the heating on?", gas)]

        # Notes for a site that does not have the floor: chosen above the notes, and shown.
        target.combo.setFocus()
        QTest.keyClick(target.combo, Qt.Key.Key_Down)
        await until(lambda: notes.selected_site_id == village)
        assert VILLAGE in notes.notes_title.text()
        assert target.back_button.isVisible()
        assert "Not the site on the floor" in target.state_label.text()
        QTest.mouseClick(target.back_button, Qt.MouseButton.LeftButton)
        assert notes.selected_site_id == gas and not target.back_button.isVisible()

        # A choice lasts until the floor moves; then the notes follow the floor again.
        target.combo.setFocus()
        QTest.keyClick(target.combo, Qt.Key.Key_Down)
        await until(lambda: notes.selected_site_id == village)
        QTest.keyClick(window, Qt.Key.Key_F8)
        await until(lambda: presenter.floor_site_id == village)
        QTest.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
        await until(lambda: presenter.floor_site_id == gas and notes.selected_site_id == gas)
        assert not target.back_button.isVisible()
    finally:
        await presenter.end()
        await notes.presenter.wait_idle()
        window.deleteLater()


async def test_quit_from_either_window_ends_the_call_after_its_own_question(
    context: UiContext,
    qtbot: QtBot,
    repo: Repo,
    seeded: tuple[int, int, int],
    service: CallService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session_id, _, _ = seeded
    calls = open_call_windows(context, service_factory=lambda: service, window_factory=call_window)
    main = open_main_window(context, None, None).window
    qtbot.addWidget(main)
    main.show()
    window = calls.open_call(session_id)
    assert isinstance(window, CallWindow)
    try:
        await until(lambda: window.presenter.phase is CallPhase.LIVE, timeout=10)
        keys = [key.toString() for a in window_actions(window) for key in a.shortcuts()]
        assert "Ctrl+Q" in keys and len(keys) == len(set(keys))
        answers = [False, True]
        monkeypatch.setattr(window, "confirm_quit", lambda: answers.pop(0), raising=False)

        # Cancelled in the call's question: nothing closes, the call goes on.
        main.activateWindow()
        await until(lambda: QApplication.activeWindow() is main)
        QTest.keyClick(main, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert answers == [True]
        await asyncio.sleep(0.2)
        assert main.isVisible() and window.isVisible() and window.presenter.is_live

        # Ctrl+Q in the call window, the ending confirmed: the call ends, every window closes.
        window.activateWindow()
        await until(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: not shiboken6.isValid(window), timeout=10)
        await until(lambda: not main.isVisible())
        ended = repo(lambda r: r.sessions.get_session(session_id))
        assert answers == [] and ended.status is SessionStatus.ENDED
    finally:
        if shiboken6.isValid(window):
            await window.presenter.end()
            window.deleteLater()
        await calls.close()


async def test_closing_mid_call_can_end_the_session(
    context: UiContext,
    repo: Repo,
    seeded: tuple[int, int, int],
    service: CallService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session_id, _, _ = seeded
    window = call_window(context, session_id, service)
    await until(lambda: window.presenter.phase is CallPhase.LIVE, timeout=10)
    monkeypatch.setattr(window, "ask_close_choice", lambda: CloseChoice.END)
    window.close()
    await until(lambda: not shiboken6.isValid(window), timeout=10)
    assert repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.ENDED


@pytest.mark.parametrize("language", ["en", "zh_CN"])
async def test_the_call_window_fits_a_1280_by_800_screen(
    context: UiContext,
    seeded: tuple[int, int, int],
    service: CallService,
    use_language: Callable[[str], QLocale],
    language: str,
) -> None:
    use_language(language)
    session_id, _, _ = seeded
    window = call_window(context, session_id, service)
    try:
        await until(lambda: window.presenter.phase is CallPhase.LIVE, timeout=10)
        await until(lambda: not window.notes.presenter.is_busy)
        await until(lambda: bool(window.header.engine_label.text()))
        # Room left for the window's frame and a desktop's panel.
        smallest = window.minimumSizeHint()
        assert smallest.width() <= 1280 - 16 and smallest.height() <= 800 - 64, smallest
    finally:
        await window.presenter.end()
        window.deleteLater()


async def test_the_call_window_speaks_chinese(
    context: UiContext,
    seeded: tuple[int, int, int],
    service: CallService,
    use_language: Callable[[str], QLocale],
) -> None:
    use_language("zh_CN")
    session_id, gas, _ = seeded
    window = call_window(context, session_id, service)
    try:
        await until(lambda: window.presenter.phase is CallPhase.LIVE, timeout=10)
        await until(lambda: not window.notes.presenter.is_busy)
        english = [
            f"{kind}: {text!r}" for kind, text in visible_texts(window) if english_words(text)
        ]
        menu_bar = window.menuBar()
        for action in menu_bar.actions():
            menu = action.menu()
            for item in [action, *(menu.actions() if isinstance(menu, QMenu) else [])]:
                if english_words(item.text()):
                    english.append(f"menu: {item.text()!r}")
        statistics = LinkStatistics(15, 320, 240, 312.4, 4.2, 0.5)
        described = describe_statistics(statistics)
        if english_words(described):
            english.append(described)
        assert english == []
        assert "已邀请" in window.run_sheet.row_texts(gas)[STATE_COLUMN]
        assert window.header.next_button.text() == "下一站点 ▶"
        assert unnamed_controls(window) == []
    finally:
        await window.presenter.end()
        window.deleteLater()


class StubWindow(QWidget):
    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.raised = 0

    def raise_(self) -> None:
        self.raised += 1
        super().raise_()


class StubService(CallService):
    """A call service that never starts a server: it records only that it was closed."""

    def __init__(self) -> None:
        super().__init__(CallSettings("http://127.0.0.1:9"), secret=lambda: b"never read")
        self.closed = False

    async def close(self) -> None:
        self.closed = True


async def test_pages_open_one_call_window_per_session_and_raise_it_again(
    context: UiContext, qtbot: QtBot, repo: Repo, seeded: tuple[int, int, int]
) -> None:
    session_id, _, _ = seeded
    opened: list[StubWindow] = []
    service = StubService()

    def factory(_context: UiContext, sid: int, _service: object) -> QWidget:
        opened.append(StubWindow(sid))
        return opened[-1]

    calls = open_call_windows(
        context,
        service_factory=lambda: service,
        window_factory=factory,
    )
    notes = NotesView(context)
    qtbot.addWidget(notes)
    await until(lambda: notes.presenter.notes is not None and notes.call_button.isEnabled())
    assert notes.call_button.text() == "Start call"
    QTest.mouseClick(notes.call_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(notes.call_button, Qt.MouseButton.LeftButton)
    assert [w.session_id for w in opened] == [session_id]
    assert opened[0].raised == 2 and calls.window_for(session_id) is opened[0]

    # The Sessions page offers the same window from the session's editor.
    schedule = ScheduleView(context)
    qtbot.addWidget(schedule)
    await until(lambda: not schedule.presenter.is_busy)
    schedule.open_session(session_id)
    editor = schedule.editor
    await until(lambda: editor.session is not None and editor.session.id == session_id)
    assert editor.call_button.isEnabled() and editor.call_button.text() == "Start call"
    QTest.mouseClick(editor.call_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].raised == 3
    # A call that starts elsewhere shows in the editor, so that saving it later keeps "live".
    repo(lambda r: r.sessions.set_session_status(session_id, SessionStatus.LIVE))
    context.bus.announce(Topic.SESSIONS)
    await until(lambda: editor.call_button.text() == "Join call")
    assert editor.current_session().status is SessionStatus.LIVE and not editor.is_modified()
    # The last call window gone, the signaling server stays: sites still open their check and
    # join links between calls. It stops with the app.
    opened[0].deleteLater()
    await until(lambda: calls.window_for(session_id) is None)
    closed_between_calls = service.closed
    await calls.close()
    assert (closed_between_calls, service.closed) == (False, True)

    today = datetime.now().date()
    session = repo(lambda r: r.sessions.get_session(session_id))
    session.status = SessionStatus.SCHEDULED
    assert call_available(session, today)
    assert not call_available(session, today + timedelta(days=1))
    session.status = SessionStatus.ENDED
    assert not call_available(session, today)
    session.status = SessionStatus.LIVE
    assert call_available(session, today + timedelta(days=1))
    await notes.presenter.wait_idle()
    await schedule.presenter.wait_idle()


async def test_an_ended_session_is_not_started_again(
    context: UiContext, repo: Repo, seeded: tuple[int, int, int], service: CallService
) -> None:
    session_id, _, _ = seeded
    repo(lambda r: r.sessions.set_session_status(session_id, SessionStatus.ENDED))
    window = call_window(context, session_id, service)
    await until(lambda: window.presenter.phase is CallPhase.FAILED)
    assert "cannot be started again" in window.messages.label.text()
    assert window.messages.isVisibleTo(window) and not window.end_action.isEnabled()
    assert service.embedded_server is None
    window.close()
    await until(lambda: not shiboken6.isValid(window))


async def test_own_media_mute_camera_and_a_recording_from_the_window(
    context: UiContext,
    qtbot: QtBot,
    repo: Repo,
    seeded: tuple[int, int, int],
    service: CallService,
    tmp_path: Path,
) -> None:
    session_id, gas, _village = seeded
    context.settings.set_recording_folder(str(tmp_path / "recordings"))
    # No camera or microphone here: the official's own media falls back to the test pattern.
    local = LocalMedia(context.settings, "OFFICIAL", OFFICIAL)
    presenter = CallPresenter(
        context.store, context.bus, session_id, service, local=local, quality=QUALITY
    )
    window = CallWindow(context, session_id, service, presenter=presenter)
    window.show()
    tracks: list[SyntheticVideoTrack] = []
    site: SiteEngine | None = None
    try:
        await until(lambda: presenter.phase is CallPhase.LIVE, timeout=10)
        call = presenter.call
        assert call is not None
        # The official's own media reaches the hub (the test pattern: no camera here).
        await until(lambda: call.hub.official_video.sequence > 3)
        link = presenter.invitation_link(gas)
        assert link is not None
        site = await join(link, gas, tracks)
        await until(lambda: presenter.state(gas) is PeerState.CONNECTED, timeout=10)
        presenter.give_floor(gas)

        window.mute_action.trigger()
        assert local.audio.muted and window.mute_action.isChecked()
        window.camera_action.trigger()
        assert not local.video.enabled

        assert not window.header.recording_label.isVisible()
        window.record_action.trigger()
        await until(lambda: presenter.recording and window.header.recording_label.isVisible())
        await asyncio.sleep(1.5)
        window.record_action.trigger()
        await until(
            lambda: not presenter.recording and not window.header.recording_label.isVisible()
        )
        (recording,) = repo(lambda r: r.calls.recordings(session_id))
        assert recording.ended_at is not None
        assert Path(recording.path).parent == tmp_path / "recordings"
        assert Path(recording.path).stat().st_size > 1000
    finally:
        if site is not None:
            await site.close()
        await presenter.end()
        window.close()
        for track in tracks:
            track.stop()
