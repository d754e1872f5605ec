"""Saving a session's invitations as .ics from the session editor, read back with icalendar."""

from __future__ import annotations

import time as clock
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import aiohttp
import icalendar
import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.core.invitations import token_from_join_url, verify
from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.context import UiContext
from outreach_app.ui.schedule.page import build_page
from outreach_app.ui.schedule.view import ScheduleView
from tests.ui.conftest import Repo, until
from tests.ui.local_call_windows import local_call_windows

# Invitation tokens expire by the real clock: the session lies a few days ahead of today.
DAY = date.today() + timedelta(days=3)
NOW = datetime.combine(DAY - timedelta(days=3), time(8, 0))
START = datetime.combine(DAY, time(9, 30))
STEM = f"{DAY.isoformat()} 安全生产调度; 第二场"
SITES = ("克拉2气田中控室", "红旗村村委会", "余杭区良渚街道便民服务中心")


@pytest.fixture
async def calls(context: UiContext, tmp_path: Path) -> AsyncIterator[CallWindows]:
    """The app's call service on a free loopback port, with a secret of its own."""
    context.clock = lambda: NOW
    windows = local_call_windows(context, tmp_path / "config" / "secret")
    yield windows
    await windows.close()


@pytest.fixture
def session_id(repo: Repo) -> int:
    def seed(r: Repository) -> int:
        ids = [r.sites.save_site(Site(name)) for name in SITES]
        return r.sessions.save_session(
            Session(
                "安全生产调度; 第二场",
                SessionKind.ON_SITE_WORK,
                "王建国",
                START,
                60,
                status=SessionStatus.SCHEDULED,
                sites=[
                    SessionSite(ids[0], 0, 30),
                    SessionSite(ids[1], 1, 20),
                    SessionSite(ids[2], 2, 10),
                ],
            )
        )

    return int(repo(seed))


async def open_session(context: UiContext, qtbot: QtBot, session_id: int) -> ScheduleView:
    view = ScheduleView(context)
    qtbot.addWidget(view)
    view.resize(1300, 820)
    view.show()
    await until(lambda: not view.presenter.is_busy)
    view.open_session(session_id)
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    return view


async def saved(view: ScheduleView) -> None:
    await until(lambda: view.invitations_task is None, timeout=30)
    await view.presenter.wait_idle()


def secret_of(calls: CallWindows) -> bytes:
    return calls.service().secret


async def test_one_file_per_site_and_one_for_the_session_with_working_links(
    context: UiContext, qtbot: QtBot, calls: CallWindows, session_id: int, tmp_path: Path
) -> None:
    view = await open_session(context, qtbot, session_id)
    assert view.editor.invitations_button.isEnabled()
    folder = tmp_path / "invitations"
    folder.mkdir()
    view.save_invitations_to(folder)
    await saved(view)
    assert "Saved 4 invitations" in view.messages.label.text()
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f"{STEM} {site}.ics" for site in SITES] + [f"{STEM} all sites.ics"])
    whole = icalendar.Calendar.from_ical((folder / f"{STEM} all sites.ics").read_bytes())
    assert len(whole.walk("VEVENT")) == 3
    by_site: dict[str, icalendar.Component] = {}
    for site in SITES:
        calendar = icalendar.Calendar.from_ical((folder / f"{STEM} {site}.ics").read_bytes())
        (event,) = calendar.walk("VEVENT")
        by_site[site] = event
        assert str(event["SUMMARY"]) == f"安全生产调度; 第二场 — {site}"

    # Each site's turn: the speaking order and time boxes, in UTC.
    starts = [by_site[site].decoded("DTSTART") for site in SITES]
    ends = [by_site[site].decoded("DTEND") for site in SITES]
    local = [START, START + timedelta(minutes=30), START + timedelta(minutes=50)]
    assert starts == [moment.astimezone(UTC) for moment in local]
    assert ends[-1] == (START + timedelta(minutes=60)).astimezone(UTC)

    # Every link admits its own site to this session, and the server serves its join page.
    secret = secret_of(calls)
    site_ids = repo_site_ids(context)
    async with aiohttp.ClientSession() as http:
        for site, event in by_site.items():
            link = str(event["URL"])
            claims = verify(secret, token_from_join_url(link), clock.time())
            assert (claims.session_id, claims.site_id) == (session_id, site_ids[site])
            assert link in str(event["DESCRIPTION"])
            async with http.get(link) as response:
                assert response.status == 200


def repo_site_ids(context: UiContext) -> dict[str, int]:
    sites = context.store.call(lambda r: r.sites.list_sites())
    return {site.name: site.id for site in sites if site.id is not None}


async def test_unsaved_or_edited_sessions_are_refused_with_a_reason(
    context: UiContext, qtbot: QtBot, calls: CallWindows, session_id: int, tmp_path: Path
) -> None:
    view = await open_session(context, qtbot, session_id)
    view.editor.title_edit.setText("改过的标题")
    view.save_invitations()
    assert "Save the changes first" in view.messages.label.text()
    assert list(tmp_path.glob("**/*.ics")) == []
    view.editor.revert_button.click()
    await until(lambda: not view.editor.is_modified())

    view.new_session()
    assert not view.editor.invitations_button.isEnabled()
    assert "Save the session first" in view.editor.invitations_button.toolTip()


async def test_cancel_writes_no_invitation_and_a_bad_folder_is_explained(
    context: UiContext, qtbot: QtBot, calls: CallWindows, session_id: int, tmp_path: Path
) -> None:
    view = await open_session(context, qtbot, session_id)
    folder = tmp_path / "invitations"
    folder.mkdir()
    task = view.save_invitations_to(folder)
    assert task is not None
    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    await saved(view)
    assert list(folder.iterdir()) == []
    assert "no invitation was written" in view.messages.label.text()

    missing = tmp_path / "gone"
    view.save_invitations_to(missing)
    await saved(view)
    assert "does not exist" in view.messages.label.text()
    assert not missing.exists()


async def test_the_page_action_asks_for_a_folder_and_remembers_it(
    context: UiContext,
    qtbot: QtBot,
    calls: CallWindows,
    session_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = build_page(context)
    view = page.widget
    assert isinstance(view, ScheduleView)
    qtbot.addWidget(view)
    action = next(a for a in page.actions if a.shortcut().toString() == "Ctrl+Shift+J")
    await until(lambda: not view.presenter.is_busy)
    view.open_session(session_id)
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    folder = tmp_path / "chosen"
    folder.mkdir()
    asked: list[str] = []

    def existing_directory(parent: QWidget, caption: str, directory: str) -> str:
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(existing_directory))
    action.trigger()
    await saved(view)
    assert asked == ["Folder for the invitations"]
    assert len(list(folder.glob("*.ics"))) == 4
    assert context.settings.export_folder() == str(folder)
