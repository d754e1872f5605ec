"""The app as a person starts it (`run_gui`), against a real team server on 127.0.0.1: the first
start connects, the main window opens on this computer's copy of the office's record, and
signing out with the copy removed leaves nothing of the record or the sign-in behind."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from outreach_app.app import run_gui
from outreach_app.config import config_dir, data_dir
from outreach_app.core.model import Role, Site, User
from outreach_app.sync.client import Link
from outreach_app.ui.first_run import FirstRunDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.team.desk import TeamDesk
from outreach_app.ui.team.dialogs import SignOutDialog
from outreach_app.ui.team.saved_sign_in import TOKEN_FILE_NAME
from outreach_app.ui.team.sign_in import SignInDialog
from tests.ui.team.threaded_server import PASSWORD, OtherDesk, threaded_team_server


@pytest.fixture
def app_signals(qapp: QApplication) -> Iterator[None]:
    """run_gui takes SIGTERM and Ctrl+C and lets the last window quit: put them back after."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    qapp.setQuitOnLastWindowClosed(False)


class Script:
    """Steps run by a timer while `run_gui` runs, each once its condition holds. Past its
    deadline it closes every window, steps done or not, so that a start that goes wrong
    (a dialog nobody answers) ends the test instead of hanging it."""

    def __init__(self, timeout: float = 60.0) -> None:
        self.steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = []
        self.done: list[str] = []
        self.deadline = time.monotonic() + timeout
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)

    def step(self, name: str, when: Callable[[], bool], do: Callable[[], None]) -> None:
        self.steps.append((name, when, do))

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        if time.monotonic() > self.deadline:
            for widget in QApplication.topLevelWidgets():
                widget.close()
            return
        if not self.steps:
            return
        name, when, do = self.steps[0]
        if when():
            self.steps.pop(0)
            self.done.append(name)
            do()


@pytest.fixture
def script() -> Iterator[Script]:
    made = Script()
    yield made
    made.stop()


def shown(kind: type[QWidget]) -> QWidget | None:
    windows = QApplication.topLevelWidgets()
    return next((w for w in windows if isinstance(w, kind) and w.isVisible()), None)


def test_a_first_start_connects_and_signing_out_leaves_nothing_behind(
    tmp_path: Path, app_signals: None, use_language: Callable[[str], QLocale], script: Script
) -> None:
    # run_gui installs English itself; the fixture takes it away again afterwards.
    with threaded_team_server(
        tmp_path / "server", ("anna", Role.STAFF), ("li", Role.STAFF)
    ) as server:
        other = OtherDesk(server, tmp_path / "other.db", "li", Role.STAFF)
        try:
            other.write(lambda r: r.sites.save_site(Site(name="Gas field", region="西部")))
            deadline = time.monotonic() + 10
            while not other.settled() and time.monotonic() < deadline:
                time.sleep(0.05)
            seen: dict[str, object] = {}

            def connect() -> None:
                dialog = shown(FirstRunDialog)
                assert isinstance(dialog, FirstRunDialog)
                dialog.choose_team(True)
                dialog.form.server_edit.setText(server.url)
                dialog.form.account_edit.setText("anna")
                dialog.form.password_edit.setText(PASSWORD)
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

            def window() -> MainWindow:
                found = shown(MainWindow)
                assert isinstance(found, MainWindow)
                return found

            def desk() -> TeamDesk:
                found = window().findChild(TeamDesk)
                assert isinstance(found, TeamDesk)
                return found

            def synced_with_the_site() -> bool:
                found = shown(MainWindow)
                if not isinstance(found, MainWindow):
                    return False
                team = found.findChild(TeamDesk)
                if team is None or team.presenter.status.link is not Link.ONLINE:
                    return False
                names = [s.name for s in found.context.store.call(lambda r: r.sites.list_sites())]
                return "Gas field" in names

            def look_and_sign_out() -> None:
                seen["user"] = window().context.user
                seen["replica"] = desk().presenter.replica_path
                seen["status"] = desk().status_bar.state_text()
                desk().ask_sign_out()

            def remove_copy() -> None:
                dialog = shown(SignOutDialog)
                assert isinstance(dialog, SignOutDialog)
                dialog.remove_box.setChecked(True)
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

            def asked_again() -> None:
                dialog = shown(FirstRunDialog)
                assert isinstance(dialog, FirstRunDialog)
                seen["asked again on the team choice"] = dialog.team_chosen()
                seen["server suggested"] = dialog.form.server_edit.text()
                dialog.reject()

            script.step("first run", lambda: shown(FirstRunDialog) is not None, connect)
            script.step("synced", synced_with_the_site, look_and_sign_out)
            script.step("sign out", lambda: shown(SignOutDialog) is not None, remove_copy)
            script.step(
                "asked again",
                lambda: shown(FirstRunDialog) is not None and shown(MainWindow) is None,
                asked_again,
            )
            script.start()
            code = run_gui(tmp_path / "unused.db", demo=False, language="en")
        finally:
            other.close()

    assert script.done == ["first run", "synced", "sign out", "asked again"]
    assert code == 0
    assert seen["user"] == User("anna", Role.STAFF)
    assert seen["status"] == "Synced"
    assert seen["asked again on the team choice"] is True
    assert seen["server suggested"] == server.url
    replica = seen["replica"]
    assert isinstance(replica, Path) and replica.is_relative_to(data_dir())
    assert [p for p in replica.parent.iterdir()] == []
    assert not (config_dir() / TOKEN_FILE_NAME).exists()
    assert AppSettings().team() is None
    assert not (tmp_path / "unused.db").exists()


def test_working_alone_connects_from_the_file_menu_and_reopens_in_team_mode(
    tmp_path: Path, app_signals: None, use_language: Callable[[str], QLocale], script: Script
) -> None:
    AppSettings().set_user(User("王芳", Role.STAFF))
    with threaded_team_server(tmp_path / "server", ("anna", Role.REVIEWER)) as server:
        seen: dict[str, object] = {}

        def alone() -> bool:
            found = shown(MainWindow)
            return isinstance(found, MainWindow) and found.findChild(TeamDesk) is None

        def connect() -> None:
            window = shown(MainWindow)
            assert isinstance(window, MainWindow)
            seen["alone as"] = window.context.user
            action = next(a for a in window.file_menu.actions() if "server" in a.text())
            action.trigger()

        def sign_in() -> None:
            dialog = shown(SignInDialog)
            assert isinstance(dialog, SignInDialog)
            dialog.form.server_edit.setText(server.url)
            dialog.form.account_edit.setText("anna")
            dialog.form.password_edit.setText(PASSWORD)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        def in_team_mode() -> bool:
            found = shown(MainWindow)
            return isinstance(found, MainWindow) and found.findChild(TeamDesk) is not None

        def look_and_quit() -> None:
            # Closing the window quits, even while the first copy is still on its way.
            window = shown(MainWindow)
            assert isinstance(window, MainWindow)
            seen["team as"] = window.context.user
            window.close()

        script.step("alone", alone, connect)
        script.step("signing in", lambda: shown(SignInDialog) is not None, sign_in)
        script.step("in team mode", in_team_mode, look_and_quit)
        script.start()
        code = run_gui(tmp_path / "alone.db", demo=False, language="en")

    assert script.done == ["alone", "signing in", "in team mode"]
    assert code == 0
    assert seen["alone as"] == User("王芳", Role.STAFF)
    assert seen["team as"] == User("anna", Role.REVIEWER)
    team = AppSettings().team()
    assert team is not None and team.account == "anna" and team.role is Role.REVIEWER
    # The next start opens in team mode by itself, with the kept sign-in.
    assert (config_dir() / TOKEN_FILE_NAME).exists()
