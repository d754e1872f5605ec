"""In team mode a note-taker at another desk sends notices to the sites of the call the official
runs on their own computer: the one site, or every site, sees each once, and the session's record
keeps them under the name of the person signed in, whatever the note-taker's app claims. A
reviewer's desk is offered no notices, and one it forges is refused and reaches no site."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from outreach_app.call.ice import host_addresses
from outreach_app.call.media import SyntheticVideoTrack
from outreach_app.call.site_engine import SiteEngine
from outreach_app.core.model import (
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    SiteNotice,
    User,
)
from outreach_app.storage.repository import Repository
from outreach_app.team.record import open_folder, open_record
from outreach_app.ui.call.launcher import open_call_windows
from outreach_app.ui.call.presenter import CallPhase
from outreach_app.ui.call.run_sheet import STATE_COLUMN
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.schedule.view import ScheduleView
from outreach_app.ui.widgets.notice_dialog import NoticeDialog
from tests.team.server_process import ServerProcess, init_record
from tests.ui.conftest import until
from tests.ui.team.desks import Desk, team_desk
from tests.ui.test_call_window import CTRL_SHIFT, call_window, close_call, join

GAS_FIELD, VILLAGE = "Gas field", "Red Flag village"
HEATING = "Please prepare the figures on heating"
EACH = "Five minutes each, please"
ROADS = "The next question is on roads"
NOTICE_ACTION = "Send a &notice to sites…"


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with host_addresses(["127.0.0.1"]):
        yield


@pytest.fixture
def office(tmp_path: Path) -> Iterator[ServerProcess]:
    """The real `outreach-server` with today's session of two sites, prepared by staff."""
    data = tmp_path / "record"
    init_record(data, {"zhang": Role.OFFICIAL, "chen": Role.NOTE_TAKER, "wang": Role.REVIEWER})
    repo = open_record(open_folder(data))
    try:
        gas = repo.sites.save_site(Site(name=GAS_FIELD))
        village = repo.sites.save_site(Site(name=VILLAGE))
        repo.sessions.save_session(
            Session(
                title="Holiday call",
                kind=SessionKind.INVESTIGATION,
                official="zhang",
                start=datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=1),
                duration_minutes=60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(gas, 0, 10), SessionSite(village, 1, 5)],
            )
        )
    finally:
        repo.close()
    server = ServerProcess(data)
    server.start()
    yield server
    server.stop()


def _ids(repo: Repository) -> tuple[int, int, int]:
    """The session and its two sites, as this desk's replica numbers them."""

    def one(sql: str, *parameters: str) -> int:
        return int(repo.db.execute(sql, parameters).fetchone()[0])

    return (
        one("SELECT id FROM sessions"),
        one("SELECT id FROM sites WHERE name = ?", GAS_FIELD),
        one("SELECT id FROM sites WHERE name = ?", VILLAGE),
    )


def _has_session(desk: Desk) -> bool:
    count = desk.presenter.store.call(
        lambda r: r.db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    )
    return bool(count)


def _on_the_server(office: ServerProcess) -> list[tuple[str | None, str, str]]:
    """The notices in the office's record: to which site (None: all), what, sent by whom."""
    with closing(sqlite3.connect(f"file:{office.data / 'record.db'}?mode=ro", uri=True)) as db:
        rows = db.execute(
            "SELECT sites.name, site_notices.text, site_notices.sent_by FROM site_notices"
            " LEFT JOIN sites ON sites.id = site_notices.site_id ORDER BY site_notices.id"
        ).fetchall()
    return [(row[0], row[1], row[2]) for row in rows]


def _notice_action(window: MainWindow) -> QAction:
    return next(a for a in window.file_menu.actions() if a.text() == NOTICE_ACTION)


async def _open_live_notes(desk: Desk, session_id: int) -> NotesView:
    """The desk's Notes page on the session, once its replica knows the call is live."""
    schedule = desk.window.pages["schedule"].widget
    assert isinstance(schedule, ScheduleView)
    schedule.open_session(session_id)
    desk.window.show_page("notes")
    notes = desk.window.pages["notes"].widget
    assert isinstance(notes, NotesView)
    await until(
        lambda: (
            notes.presenter.notes is not None
            and notes.presenter.notes.session.status is SessionStatus.LIVE
        ),
        timeout=30,
    )
    return notes


async def _send_from_notes(window: MainWindow, notes: NotesView, to: int | None, text: str) -> None:
    """Through the File menu and the notice dialog, as the note-taker would."""
    _notice_action(window).trigger()
    dialog = notes.notice_dialog
    assert isinstance(dialog, NoticeDialog) and dialog.isVisible()
    dialog.site_box.setCurrentIndex(dialog.site_box.findData(to))
    assert dialog.target() == to
    QTest.keyClicks(dialog.text_edit, text)
    QTest.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    await until(lambda: not dialog.isVisible())


@pytest.mark.slow
async def test_a_note_takers_notices_reach_their_sites_under_their_name_a_reviewers_do_not(
    tmp_path: Path,
    qtbot: QtBot,
    office: ServerProcess,
    use_language: Callable[[str], QLocale],
) -> None:
    use_language("en")
    tracks: list[SyntheticVideoTrack] = []
    sites: list[SiteEngine] = []
    async with team_desk(office, tmp_path, "zhang") as official:
        await until(lambda: _has_session(official), timeout=30)
        session_id, gas, village = official.presenter.store.call(_ids)
        calls = open_call_windows(official.context, window_factory=call_window)
        window = calls.open_call(session_id)
        assert isinstance(window, CallWindow)
        presenter = window.presenter
        handed_on: list[SiteNotice] = []
        presenter.noticeSent.connect(handed_on.append)
        try:
            await until(lambda: presenter.phase is CallPhase.LIVE, timeout=20)
            for site_id in (gas, village):
                link = presenter.invitation_link(site_id)
                assert link is not None and link.startswith(office.url + "/join/")
                sites.append(await join(link, site_id, tracks))
            await until(
                lambda: all(
                    "Connected" in window.run_sheet.row_texts(s)[STATE_COLUMN]
                    for s in (gas, village)
                ),
                timeout=20,
            )

            async with team_desk(office, tmp_path, "chen") as taker:
                await until(lambda: _has_session(taker), timeout=30)
                taker_session, _, taker_village = taker.presenter.store.call(_ids)
                notes = await _open_live_notes(taker, taker_session)
                # A copy of the app that claims to be the official: the server, not the app,
                # says who sent what.
                official_user = User("zhang", Role.OFFICIAL)
                taker.presenter.store.call(lambda r: setattr(r, "actor", official_user))

                await _send_from_notes(taker.window, notes, taker_village, HEATING)
                await until(lambda: [n.text for n in sites[1].notices] == [HEATING], timeout=30)
                await _send_from_notes(taker.window, notes, None, EACH)
                await until(lambda: len(sites[0].notices) == 1, timeout=30)
                await until(lambda: len(sites[1].notices) == 2, timeout=10)
                # The gas field never had the village's notice; each notice went out once.
                assert [(n.text, n.to_all) for n in sites[0].notices] == [(EACH, True)]
                assert [(n.text, n.to_all) for n in sites[1].notices] == [
                    (HEATING, False),
                    (EACH, True),
                ]
                assert [(n.site_id, n.text) for n in handed_on] == [
                    (village, HEATING),
                    (None, EACH),
                ]
                assert "Notice sent to all sites" in window.statusBar().currentMessage()

                kept = official.presenter.store.call(lambda r: r.calls.notices(session_id))
                assert [(n.site_id, n.text, n.sent_by) for n in kept] == [
                    (village, HEATING, "chen"),
                    (None, EACH, "chen"),
                ]
                assert _on_the_server(office) == [
                    (VILLAGE, HEATING, "chen"),
                    (None, EACH, "chen"),
                ]

                # Even the claiming app's own copy ends up naming the person signed in.
                def taker_kept() -> list[str]:
                    kept = taker.presenter.store.call(lambda r: r.calls.notices(taker_session))
                    return [n.sent_by for n in kept]

                await until(lambda: taker_kept() == ["chen", "chen"], timeout=10)
                await taker.presenter.wait_idle()

            # The official's own notice goes out once, also after the record has answered it.
            window.notice_action.trigger()
            dialog = window.notice_dialog
            assert dialog is not None
            dialog.site_box.setCurrentIndex(dialog.site_box.findData(gas))
            QTest.keyClicks(dialog.text_edit, ROADS)
            QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return)
            await until(lambda: len(_on_the_server(office)) == 3, timeout=30)
            await until(lambda: official.presenter.status.waiting == 0, timeout=10)
            await asyncio.sleep(0.5)
            assert [n.text for n in sites[0].notices] == [EACH, ROADS]
            assert [n.text for n in handed_on] == [HEATING, EACH, ROADS]
            assert _on_the_server(office)[-1] == (GAS_FIELD, ROADS, "zhang")

            async with team_desk(office, tmp_path, "wang") as reviewer:
                await until(lambda: _has_session(reviewer), timeout=30)
                reviewer_session, _, _ = reviewer.presenter.store.call(_ids)
                notes = await _open_live_notes(reviewer, reviewer_session)
                action = _notice_action(reviewer.window)
                assert not action.isEnabled()
                assert action.toolTip().startswith("Not for your role")
                reviewer.window.activateWindow()
                await until(lambda: QApplication.activeWindow() is reviewer.window)
                QTest.keyClick(reviewer.window, Qt.Key.Key_P, CTRL_SHIFT)
                assert notes.notice_dialog is None

                # Written into the replica behind the app's back, it goes out through the sync
                # protocol like any change: the server refuses it.
                reviewer.presenter.store.call(
                    lambda r: r.calls.record_notice(reviewer_session, None, "Forged")
                )
                await until(lambda: reviewer.presenter.status.problems == 1, timeout=30)
                await asyncio.sleep(1.0)
                assert [n.text for n in sites[0].notices] == [EACH, ROADS]
                assert len(handed_on) == 3
                assert [text for _, text, _ in _on_the_server(office)] == [HEATING, EACH, ROADS]
                kept = official.presenter.store.call(lambda r: r.calls.notices(session_id))
                assert len(kept) == 3
        finally:
            await close_call(window, sites, tracks)
            await calls.close()
