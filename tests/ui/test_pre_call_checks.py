"""Pre-call checks reaching the app: stored with the session, and a failed one told to staff."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.core.model import (
    CheckResult,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    SiteCheck,
)
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.launcher import open_call_windows
from outreach_app.ui.context import UiContext
from outreach_app.ui.reminders import ReminderService
from tests.ui.conftest import Repo, tree_item, until


@pytest.fixture
def session_and_site(repo: Repo) -> tuple[int, int]:
    def seed(r: Repository) -> tuple[int, int]:
        site = r.sites.save_site(Site("红旗村村委会"))
        session_id = r.sessions.save_session(
            Session(
                "节前连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                datetime.now() + timedelta(days=1),
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(site, 0, 30)],
            )
        )
        return session_id, site

    result: tuple[int, int] = repo(seed)
    return result


def failed_check(session_id: int, site_id: int) -> SiteCheck:
    return SiteCheck(
        session_id,
        site_id,
        datetime.now().replace(microsecond=0),
        camera=CheckResult.DENIED,
        microphone=CheckResult.OK,
        connection=CheckResult.OK,
    )


async def test_a_check_from_the_server_is_stored_and_a_failure_told(
    context: UiContext, qtbot: QtBot, repo: Repo, session_and_site: tuple[int, int]
) -> None:
    session_id, site = session_and_site
    window = build_main_window(context)
    qtbot.addWidget(window)
    calls = open_call_windows(context)
    reminders = ReminderService(context, window)
    calls.checkReceived.connect(reminders.check_received)
    failed: list[int] = []
    reminders.checkFailed.connect(failed.append)

    await calls._store_check(failed_check(session_id, site))

    stored = repo(lambda r: r.calls.site_checks(session_id))
    assert stored[site].camera is CheckResult.DENIED
    await until(lambda: failed == [site])
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "红旗村村委会" in boxes[0].text() and "camera" in boxes[0].text()


async def test_a_check_for_a_session_this_database_does_not_have_is_ignored(
    context: UiContext, repo: Repo, session_and_site: tuple[int, int]
) -> None:
    _, site = session_and_site
    calls = open_call_windows(context)
    heard: list[object] = []
    calls.checkReceived.connect(heard.append)
    await calls._store_check(failed_check(9999, site))
    assert heard == []


async def test_a_pasted_text_that_is_not_a_link_is_explained(
    context: UiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *args: warnings.append(text)
    )
    assert window.open_site_window("明天九点见") is None
    assert warnings and "not an invitation link" in warnings[0]
    assert window.join_action.shortcut().toString() == "Ctrl+J"


async def test_staff_see_each_sites_check_in_the_session(
    context: UiContext, qtbot: QtBot, repo: Repo, session_and_site: tuple[int, int]
) -> None:
    from outreach_app.ui.schedule.session_editor import CHECK_COLUMN
    from outreach_app.ui.schedule.view import ScheduleView

    session_id, site = session_and_site
    other = repo(lambda r: r.sites.save_site(Site("克拉2气田中控室")))

    def add_other(r: Repository) -> None:
        session = r.sessions.get_session(session_id)
        session.sites.append(SessionSite(other, 1, 20))
        r.sessions.save_session(session)

    repo(add_other)
    view = ScheduleView(context)
    qtbot.addWidget(view)
    view.open_session(session_id)
    order = view.editor.order
    await until(lambda: order.topLevelItemCount() == 2)
    await until(lambda: tree_item(order, 0).text(CHECK_COLUMN) == "not run")

    calls = open_call_windows(context)
    await calls._store_check(failed_check(session_id, site))
    await until(lambda: tree_item(order, 0).text(CHECK_COLUMN).startswith("✗ camera"))
    assert "Camera: not allowed" in tree_item(order, 0).toolTip(CHECK_COLUMN)
    assert tree_item(order, 1).text(CHECK_COLUMN) == "not run"
    assert not view.editor.is_modified()  # showing checks is not an edit
