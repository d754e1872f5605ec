"""Each role is offered what it may do, in team mode and working alone alike: the rest is
hidden or read-only, with a line saying who does it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from outreach_app import app as app_module
from outreach_app.app import _open_todays_call, open_main_window, run_gui
from outreach_app.core.model import (
    SOLO_ROLES,
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
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.roles import part
from outreach_app.ui.settings import AppSettings
from tests.ui.conftest import Repo
from tests.ui.team.app_script import Script, shown
from tests.ui.team.desks import team_desk
from tests.ui.team.threaded_server import threaded_team_server


def _view(window: object, key: str) -> QWidget:
    return window.pages[key].widget  # type: ignore[attr-defined, no-any-return]


def _shown(view: QWidget, path: str) -> bool:
    return not part(view, path).isHidden()


def _notice(view: QWidget) -> str:
    found = view.findChild(QLabel, "roleNotice")
    return found.text() if found is not None else ""


def _action(window: object, text: str) -> object:
    menu = window.file_menu  # type: ignore[attr-defined]
    return next(a for a in menu.actions() if a.text() == text)


@pytest.mark.parametrize(
    "role", [Role.STAFF, Role.OFFICIAL, Role.NOTE_TAKER, Role.REVIEWER, Role.ADMIN]
)
async def test_each_role_is_offered_what_it_may_do(
    tmp_path: Path, qtbot: QtBot, role: Role, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(tmp_path / "server", ("someone", role)) as server:
        async with team_desk(server, tmp_path, "someone", start=False) as desk:
            window = desk.window
            views = {key: _view(window, key) for key in window.pages}
            for view in views.values():
                presenter = getattr(view, "presenter", None)
                if presenter is not None:
                    await presenter.wait_idle()
            sites, schedule, notes = views["sites"], views["schedule"], views["notes"]
            review, follow_ups = views["review"], views["follow_ups"]
            staff = role is Role.STAFF
            official = role is Role.OFFICIAL
            note_taking = role in (Role.OFFICIAL, Role.NOTE_TAKER)

            assert _shown(sites, "new_button") is staff
            assert _shown(sites, "editor.save_button") is staff
            name_edit = part(sites, "editor.name_edit")
            assert isinstance(name_edit, QLineEdit) and name_edit.isReadOnly() is not staff
            assert _shown(schedule, "new_button") is staff
            assert _shown(schedule, "editor.save_button") is staff
            assert _shown(schedule, "agenda.add_question_button") is staff
            assert _shown(schedule, "editor.call_button") is official
            assert _shown(schedule, "editor.invitations_button") is (staff or official)
            assert _shown(notes, "add_button") is note_taking
            assert _shown(notes, "call_button") is official
            assert part(notes, "editor").isEnabled() is note_taking
            assert _shown(review, "minutes.approve_button") is (role is Role.REVIEWER)
            buttons = part(follow_ups, "detail.buttons_row")
            assert buttons.isEnabled() is (role in (Role.STAFF, Role.OFFICIAL, Role.REVIEWER))

            assert (_notice(sites) == "") is staff
            if not staff:
                assert _notice(schedule).startswith("Your role: ")
                assert "Staff prepare sessions and agendas" in _notice(schedule)
            assert (_notice(notes) == "") is note_taking
            new_site = _action(window, "New &site")
            assert new_site.isEnabled() is staff  # type: ignore[attr-defined]
            if not staff:
                assert new_site.toolTip().startswith("Not for your role")  # type: ignore[attr-defined]
            assert _action(window, "Start or join &call").isEnabled() is official  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", SOLO_ROLES)
async def test_working_alone_the_chosen_role_decides_what_is_offered(
    context: UiContext, qtbot: QtBot, role: Role, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    context.user = User("王芳", role)
    window = open_main_window(context, None, None).window
    qtbot.addWidget(window)
    views = {key: _view(window, key) for key in window.pages}
    staff, official, reviewer = role is Role.STAFF, role is Role.OFFICIAL, role is Role.REVIEWER
    sites, schedule, notes, review = (views[k] for k in ("sites", "schedule", "notes", "review"))

    assert _shown(sites, "new_button") is staff
    assert _shown(schedule, "editor.save_button") is staff
    assert _shown(schedule, "editor.call_button") is official
    assert _shown(notes, "add_button") is official
    assert _shown(review, "minutes.approve_button") is reviewer
    assert _shown(review, "minutes.send_back_button") is reviewer
    assert ("Reviewers approve minutes" in _notice(review)) is not reviewer
    assert _action(window, "Start or join &call").isEnabled() is official  # type: ignore[attr-defined]
    assert _action(window, "New &site").isEnabled() is staff  # type: ignore[attr-defined]
    for view in views.values():
        presenter = getattr(view, "presenter", None)
        if presenter is not None:
            await presenter.wait_idle()


@pytest.mark.parametrize("role", SOLO_ROLES)
async def test_the_demo_puts_only_an_official_into_todays_call(
    context: UiContext, repo: Repo, role: Role, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime(2026, 12, 7, 8, 30)
    context.clock = lambda: now

    def today(r: Repository) -> int:
        site = r.sites.save_site(Site("红旗村村委会"))
        return r.sessions.save_session(
            Session(
                "冬季保供连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                now.replace(hour=9),
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(site, 0, 30)],
            )
        )

    session_id = repo(today)
    opened: list[int] = []

    class Calls:
        def open_call(self, session: int) -> None:
            opened.append(session)

    monkeypatch.setattr(app_module, "call_windows", lambda _context: Calls())
    context.user = User("王芳", role)
    await _open_todays_call(context)
    assert opened == ([session_id] if role is Role.OFFICIAL else [])


def test_choosing_another_role_working_alone_reopens_the_window_for_it(
    tmp_path: Path, app_signals: None, use_language: Callable[[str], QLocale], script: Script
) -> None:
    AppSettings().set_user(User("王芳", Role.STAFF))
    seen: dict[str, object] = {}

    def window() -> MainWindow:
        found = shown(MainWindow)
        assert isinstance(found, MainWindow)
        return found

    def approve_offered() -> bool:
        return _shown(_view(window(), "review"), "minutes.approve_button")

    def become_reviewer() -> None:
        seen["first"] = window()
        seen["staff may approve"] = approve_offered()
        dialog = window().open_settings()
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.REVIEWER.value))
        dialog.save()

    def reopened() -> bool:
        found = shown(MainWindow)
        return (
            isinstance(found, MainWindow)
            and found is not seen.get("first")
            and found.context.user.role is Role.REVIEWER
        )

    def look_and_quit() -> None:
        seen["reviewer may approve"] = approve_offered()
        window().close()

    script.step("alone as staff", lambda: shown(MainWindow) is not None, become_reviewer)
    script.step("reopened as reviewer", reopened, look_and_quit)
    script.start()
    code = run_gui(tmp_path / "alone.db", demo=False, language="en")

    assert script.done == ["alone as staff", "reopened as reviewer"]
    assert code == 0
    assert seen["staff may approve"] is False and seen["reviewer may approve"] is True
    assert AppSettings().user() == User("王芳", Role.REVIEWER)


async def test_settings_show_who_the_server_says_and_change_nothing_of_it(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(tmp_path / "server", ("xiao", Role.NOTE_TAKER)) as server:
        async with team_desk(server, tmp_path, "xiao", start=False) as desk:
            dialog = desk.window.open_settings()
            assert dialog.name_edit.text() == "xiao" and dialog.name_edit.isReadOnly()
            assert dialog.role_combo.currentText() == "Note-taker (takes notes in calls)"
            assert not dialog.role_combo.isEnabled()
            dialog.save()
            assert dialog.saved_user is None
            assert desk.context.user == User("xiao", Role.NOTE_TAKER)
            dialog.close()
