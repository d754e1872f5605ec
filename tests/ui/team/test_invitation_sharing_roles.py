"""In team mode only staff and officials hand out invitations before the day: an official's desk
copies a link the office's server signed for the site; other roles are not offered it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from outreach_app.core.invitations import token_from_join_url, verify
from outreach_app.core.model import Role, Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.storage.repository import Repository
from outreach_app.ui.schedule.invitation_sharing import Share
from outreach_app.ui.schedule.view import ScheduleView
from tests.ui.conftest import until
from tests.ui.team.desks import team_desk
from tests.ui.team.threaded_server import OtherDesk, ThreadedTeamServer, threaded_team_server


def _prepare(repo: Repository) -> None:
    gas = repo.sites.save_site(Site(name="Gas field"))
    village = repo.sites.save_site(Site(name="Red Flag village"))
    start = datetime.now().replace(second=0, microsecond=0) + timedelta(days=4)
    repo.sessions.save_session(
        Session(
            title="Winter supply briefing",
            kind=SessionKind.POLICY_BRIEFING,
            official="zhang",
            start=start,
            duration_minutes=60,
            status=SessionStatus.SCHEDULED,
            sites=[SessionSite(gas, 0, 30), SessionSite(village, 1, 30)],
        )
    )


def _server_site_id(server: ThreadedTeamServer, name: str) -> int:
    service = server.server.service
    assert service is not None

    async def read() -> int:
        def query(repo: Repository) -> int:
            row = repo.db.execute("SELECT id FROM sites WHERE name = ?", [name]).fetchone()
            return int(row[0])

        return await service.worker.run(query)

    return server.run(read())


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.NOTE_TAKER, Role.REVIEWER])
async def test_only_staff_and_officials_hand_out_invitations(
    tmp_path: Path, qtbot: QtBot, role: Role, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(tmp_path / "server", ("li", Role.STAFF), ("someone", role)) as server:
        staff = OtherDesk(server, tmp_path / "staff.db", "li", Role.STAFF)
        try:
            staff.write(_prepare)
            async with team_desk(server, tmp_path, "someone") as desk:
                desk.window.show_page("schedule")
                schedule = desk.window.pages["schedule"].widget
                assert isinstance(schedule, ScheduleView)
                await until(lambda: schedule.upcoming_session_ids(), timeout=30)
                [session_id] = schedule.upcoming_session_ids()
                schedule.open_session(session_id)
                editor = schedule.editor
                await until(lambda: editor.session is not None and editor.session.id == session_id)
                bar = schedule.invitation_bar
                shown = editor.session
                assert shown is not None
                village = next(s.site_id for s in shown.sites if s.site_name != "Gas field")
                clipboard = QGuiApplication.clipboard()
                clipboard.setText("")

                if role is not Role.OFFICIAL:
                    assert bar.isHidden()
                    assert bar.site_menu(village, schedule) is None
                    desk.window.activateWindow()
                    await until(desk.window.isActiveWindow)
                    QTest.keyClick(
                        schedule.upcoming,
                        Qt.Key.Key_C,
                        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
                    )
                    await asyncio.sleep(0.5)
                    await schedule.presenter.wait_idle()
                    assert clipboard.text() == ""
                    return

                # An official may not edit the session, yet chooses the site and copies its link.
                assert not bar.isHidden() and bar.site_combo.isEnabled()
                assert not editor.order.isEnabled()
                assert bar.site_menu(village, schedule) is not None
                assert bar.site_combo.currentText() == "Red Flag village"
                bar.share(Share.LINK)
                await until(lambda: clipboard.text() != "", timeout=30)
                link = clipboard.text()
                assert link.startswith(f"{server.url}/join/")
                service = server.server.service
                assert service is not None
                claims = verify(
                    service.secret,
                    token_from_join_url(link),
                    time.time(),
                    record=service.identity.record_id,
                )
                assert claims.site_id == _server_site_id(server, "Red Flag village")
        finally:
            staff.close()
