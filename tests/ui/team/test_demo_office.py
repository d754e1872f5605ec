"""`outreach-app --demo --team`: the official's desk opens today's call once its copy of the
demo office's record has arrived; the reviewer's desk, on the same server, opens none."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from outreach_app.app import run_gui
from outreach_app.cli.team_demo import DemoOffice, open_demo_office
from outreach_app.config import demo_db_path
from outreach_app.core.model import Role
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.team.desk import TeamDesk
from tests.turn import free_port
from tests.ui.team.app_script import Script, shown


@pytest.fixture
def office_port() -> int:
    return free_port()


@pytest.fixture
def official(office_port: int) -> Iterator[DemoOffice]:
    # The conftest's folders come back after the test (the office moves this process to a desk).
    office = open_demo_office(Role.OFFICIAL, office_port)
    yield office
    office.close()


def caught_up(seen: dict[str, object]) -> bool:
    main = shown(MainWindow)
    team = main.context.team if isinstance(main, MainWindow) else None
    if team is None or team.status.first_copy is not None or team.status.link != "online":
        return False
    seen["caught up at"] = time.monotonic()
    return True


def waited(seen: dict[str, object], seconds: float) -> bool:
    since = seen["caught up at"]
    assert isinstance(since, float)
    return time.monotonic() - since > seconds


def calls_open() -> int:
    return sum(isinstance(w, CallWindow) and w.isVisible() for w in QApplication.topLevelWidgets())


def quit_all() -> None:
    for window in QApplication.topLevelWidgets():
        window.close()


def run_desk(office: DemoOffice) -> int:
    return run_gui(
        demo_db_path(),
        demo=True,
        language="en",
        team_sign_in=(office.address, office.credentials),
    )


@pytest.mark.slow
def test_the_officials_desk_opens_todays_call_and_the_reviewers_none(
    tmp_path: Path,
    official: DemoOffice,
    office_port: int,
    app_signals: None,
    use_language: Callable[[str], QLocale],
    script: Script,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, object] = {}

    def call_open() -> bool:
        window = shown(CallWindow)
        return isinstance(window, CallWindow) and window.isVisible()

    def look_and_end() -> None:
        main = shown(MainWindow)
        assert isinstance(main, MainWindow)
        seen["desk"] = main.findChild(TeamDesk) is not None
        seen["user"] = main.context.user
        call = shown(CallWindow)
        assert isinstance(call, CallWindow)
        call.end_and_close()

    script.step("today's call", call_open, look_and_end)
    script.step("call ended", lambda: calls_open() == 0, quit_all)
    script.start()
    assert run_desk(official) == 0
    assert script.done == ["today's call", "call ended"]
    assert seen["desk"] is True
    assert getattr(seen["user"], "role", None) is Role.OFFICIAL

    # A second copy of the app, started from the person's folders (see tests/conftest.py).
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(tmp_path / "data"))
    reviewer = open_demo_office(Role.REVIEWER, office_port)
    assert reviewer.server is None
    reviewers = Script()
    reviewers.step("caught up", lambda: caught_up(seen), lambda: None)

    def count_and_quit() -> None:
        seen["calls"] = calls_open()
        quit_all()

    reviewers.step("a moment later", lambda: waited(seen, 2.0), count_and_quit)
    reviewers.start()
    try:
        assert run_desk(reviewer) == 0
    finally:
        reviewers.stop()
    assert reviewers.done == ["caught up", "a moment later"]
    assert seen["calls"] == 0
