from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
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
from outreach_app.ui.context import UiContext
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.reminders import ReminderService
from tests.ui.conftest import Repo, until

NOW = datetime(2026, 11, 23, 14, 50)


async def test_a_session_soon_is_reminded_once_and_opens_its_notes(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    def seed(r: Repository) -> tuple[int, int]:
        site = r.sites.save_site(Site("克拉2气田中控室"))

        def session(title: str, official: str) -> int:
            return r.sessions.save_session(
                Session(
                    title,
                    SessionKind.POLICY_BRIEFING,
                    official,
                    NOW + timedelta(minutes=10),
                    60,
                    status=SessionStatus.SCHEDULED,
                    sites=[SessionSite(site, 0, 30)],
                )
            )

        return session("节前连线", "王建国"), session("别人的连线", "赵文华")

    mine, _ = repo(seed)
    repo(lambda r: setattr(r, "clock", lambda: NOW))
    context.user = User("王建国", Role.OFFICIAL)
    context.clock = lambda: NOW
    context.settings.set_reminder_minutes(15)
    window = build_main_window(context)
    qtbot.addWidget(window)
    service = ReminderService(context, window)
    reminded: list[int] = []
    service.reminded.connect(reminded.append)

    service.check()
    await until(lambda: reminded == [mine])
    service.check()
    await service.wait_idle()
    assert reminded == [mine]  # once, and not the other official's session

    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "节前连线" in boxes[0].text()
    open_button = next(b for b in boxes[0].buttons() if b.text() == "Open")
    open_button.click()
    notes = window.pages["notes"].widget
    assert isinstance(notes, NotesView)
    assert window.current_page_key() == "notes"
    await until(
        lambda: notes.presenter.notes is not None and notes.presenter.notes.session.id == mine
    )


async def test_nothing_is_reminded_outside_the_lead_time(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    def seed(r: Repository) -> None:
        site = r.sites.save_site(Site("红旗村"))
        r.sessions.save_session(
            Session(
                "下午的连线",
                SessionKind.INVESTIGATION,
                "王建国",
                NOW + timedelta(hours=2),
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(site, 0, 30)],
            )
        )

    repo(seed)
    repo(lambda r: setattr(r, "clock", lambda: NOW))
    context.user = User("王建国", Role.OFFICIAL)
    context.clock = lambda: NOW
    window = build_main_window(context)
    qtbot.addWidget(window)
    service = ReminderService(context, window)
    reminded: list[int] = []
    service.reminded.connect(reminded.append)
    service.check()
    await service.wait_idle()
    assert reminded == []
