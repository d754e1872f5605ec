"""File menu: back up, restore, encrypt; the backup schedule; the passphrase prompt."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.core.model import Site, User
from outreach_app.storage.backup import aside_path, backup_now, list_backups
from outreach_app.storage.encryption import KEY_ENVIRONMENT
from outreach_app.storage.repository import Repository
from outreach_app.storage.sqlite_driver import file_state
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.data_safety import (
    DataSafety,
    PassphraseDialog,
    UnlockCancelledError,
    unlock_database,
)
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import Repo, is_loading, until

KEY = "县里的口令 2026"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As on this headless machine: no OS keyring, no key in the environment."""
    monkeypatch.delenv(KEY_ENVIRONMENT, raising=False)
    previous = keyring.get_keyring()
    # keyring ships py.typed, but its backends' __init__ has no annotations.
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def backups(tmp_path: Path, context: UiContext) -> Path:
    folder = tmp_path / "backups"
    context.settings.set_backup_folder(str(folder))
    return folder


@dataclass
class MessageBoxes:
    """The texts of the message boxes shown, by kind, and the answers the next questions get."""

    shown: dict[str, list[str]]
    answers: list[QMessageBox.StandardButton]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Message boxes, answered and remembered instead of shown."""
    boxes = MessageBoxes({"warning": [], "information": [], "critical": [], "question": []}, [])

    def record(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def box(
            _parent: object, _title: str, text: str, *_args: object
        ) -> QMessageBox.StandardButton:
            boxes.shown[kind].append(text)
            return boxes.answers.pop(0) if kind == "question" else QMessageBox.StandardButton.Ok

        return box

    for kind in boxes.shown:
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return boxes


async def open_window(
    context: UiContext, qtbot: QtBot, db_path: Path, key: str | None = None
) -> tuple[MainWindow, DataSafety]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    safety = DataSafety(context, window, db_path, key)
    window.show()
    # The pages load first, as they do when a person starts the app.
    await until(lambda: not any(is_loading(p.widget) for p in window.pages.values()))
    return window, safety


def menu_texts(window: MainWindow) -> list[str]:
    return [a.text() for a in window.file_menu.actions()]


async def test_back_up_now_copies_the_open_database_into_the_folder_in_settings(
    context: UiContext, qtbot: QtBot, db_path: Path, repo: Repo, backups: Path
) -> None:
    repo(lambda r: r.sites.save_site(Site("东风村")))
    window, safety = await open_window(context, qtbot, db_path)
    texts = menu_texts(window)
    for text in ("&Back up now", "&Restore from backup…", "&Encrypt the database…"):
        assert texts.index(text) < texts.index("&Settings…"), texts
    safety.back_up_action.trigger()
    await until(lambda: len(list_backups(backups, db_path)) == 1)
    await safety.wait_idle()
    backup = list_backups(backups, db_path)[0]
    assert str(backup) in window.statusBar().currentMessage()
    assert [s.name for s in Repository.open(backup).sites.list_sites()] == ["东风村"]
    # The store kept working: the app saves while (and after) it backs up.
    repo(lambda r: r.sites.save_site(Site("西山镇")))
    safety.stop()


async def test_a_failed_backup_says_why(
    context: UiContext,
    qtbot: QtBot,
    db_path: Path,
    tmp_path: Path,
    messages: MessageBoxes,
) -> None:
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("x")
    context.settings.set_backup_folder(str(not_a_folder))
    _, safety = await open_window(context, qtbot, db_path)
    assert await safety.back_up(manual=True) is None
    assert messages.shown["warning"] == [f"Backup failed: {not_a_folder} is a file, not a folder"]
    safety.stop()


async def test_the_schedule_backs_up_when_due_and_at_quit_only_after_changes(
    context: UiContext, qtbot: QtBot, db_path: Path, repo: Repo, backups: Path, store: StoreWorker
) -> None:
    context.settings.set_backup_interval_hours(4)
    _, safety = await open_window(context, qtbot, db_path)
    safety.check_schedule()  # none yet: due
    await until(lambda: len(list_backups(backups, db_path)) == 1)
    await safety.wait_idle()
    safety.check_schedule()  # nothing changed since, and not four hours later
    await safety.wait_idle()
    assert len(list_backups(backups, db_path)) == 1
    repo(lambda r: r.sites.save_site(Site("东风村")))
    store.close()
    assert safety.finish() is None
    assert len(list_backups(backups, db_path)) == 2


async def test_no_backups_when_the_schedule_is_off(
    context: UiContext, qtbot: QtBot, db_path: Path, repo: Repo, backups: Path, store: StoreWorker
) -> None:
    context.settings.set_backup_interval_hours(0)
    _, safety = await open_window(context, qtbot, db_path)
    safety.check_schedule()
    await safety.wait_idle()
    repo(lambda r: r.sites.save_site(Site("东风村")))
    store.close()
    safety.finish()
    assert list_backups(backups, db_path) == []


async def test_restore_asks_then_closes_the_app_and_restores_after_the_store_closed(
    context: UiContext,
    qtbot: QtBot,
    db_path: Path,
    repo: Repo,
    backups: Path,
    store: StoreWorker,
    monkeypatch: pytest.MonkeyPatch,
    messages: MessageBoxes,
) -> None:
    repo(lambda r: r.sites.save_site(Site("东风村")))
    backup = backup_now(db_path, backups)
    repo(lambda r: r.sites.save_site(Site("西山镇")))
    window, safety = await open_window(context, qtbot, db_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))

    messages.answers.append(QMessageBox.StandardButton.Cancel)
    assert not await safety.choose_restore()
    assert window.isVisible() and safety.after_close is None

    messages.answers.append(QMessageBox.StandardButton.Yes)
    assert await safety.choose_restore()
    question = messages.shown["question"][-1]
    assert backup.name in question and "0 sessions, 0 notes" in question
    assert "outreach.db.before-restore" in question and "Then start Outreach again" in question
    assert not window.isVisible()
    store.close()
    outcome = safety.finish()
    assert outcome is not None and outcome.ok, outcome
    assert messages.shown["information"] == [outcome.text]
    assert str(aside_path(db_path)) in outcome.text
    assert [s.name for s in Repository.open(db_path).sites.list_sites()] == ["东风村"]
    assert len(Repository.open(aside_path(db_path)).sites.list_sites()) == 2


async def test_a_file_that_is_no_backup_is_refused_before_anything_closes(
    context: UiContext,
    qtbot: QtBot,
    db_path: Path,
    tmp_path: Path,
    messages: MessageBoxes,
) -> None:
    window, safety = await open_window(context, qtbot, db_path)
    foreign = tmp_path / "photos.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.close()
    assert not await safety.restore_from(foreign)
    assert messages.shown["warning"] == [
        f"This file cannot be restored: {foreign} is a database, but not an Outreach database"
    ]
    # Not an SQLite file: it may be an encrypted backup, so its passphrase is asked for.
    text_file = tmp_path / "minutes.db"
    text_file.write_text("会议纪要")
    problems = fill_passphrase_dialog(("a guess at it", ""))
    assert not await safety.restore_from(text_file)
    assert problems == ["This passphrase does not open the file. Try again."]
    assert messages.shown["question"] == []
    assert window.isVisible() and safety.after_close is None
    safety.stop()


def fill_passphrase_dialog(*entries: tuple[str, str]) -> list[str]:
    """Answer the next passphrase prompts: each entry is (passphrase, repeat); the problem each
    attempt showed is collected (an attempt that is accepted closes the dialog)."""
    problems: list[str] = []
    pending = list(entries)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(20, answer)
            return
        passphrase, repeat = pending.pop(0)
        dialog.passphrase_edit.setText(passphrase)
        dialog.repeat_edit.setText(repeat)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            problems.append(dialog.problem_label.text())
            if pending:
                QTimer.singleShot(0, answer)
            else:
                dialog.reject()

    QTimer.singleShot(0, answer)
    return problems


async def test_encrypting_from_the_menu_then_unlocking_at_the_next_start(
    context: UiContext,
    qtbot: QtBot,
    db_path: Path,
    repo: Repo,
    store: StoreWorker,
    messages: MessageBoxes,
) -> None:
    repo(lambda r: r.sites.save_site(Site("东风村")))
    window, safety = await open_window(context, qtbot, db_path)
    problems = fill_passphrase_dialog(("short", "short"), (KEY, KEY + "x"), (KEY, KEY))
    messages.answers.append(QMessageBox.StandardButton.Ok)
    assert safety.choose_encryption()
    assert problems == [
        "a passphrase needs at least 8 characters",
        "The two passphrases differ.",
    ]
    assert "earlier ones in" in messages.shown["question"][0]
    assert not window.isVisible()
    store.close()
    outcome = safety.finish()
    assert outcome is not None and outcome.ok
    assert "enter the passphrase" in outcome.text  # no keyring here
    assert file_state(db_path) == "encrypted"
    assert [s.name for s in Repository.open(db_path, key=KEY).sites.list_sites()] == ["东风村"]


def test_at_start_a_wrong_passphrase_is_refused_and_the_right_one_opens(
    db_path: Path, qtbot: QtBot
) -> None:
    # As in the app: before the window and the asyncio loop exist.
    Repository.open(db_path, key=KEY).close()
    problems = fill_passphrase_dialog(("not the passphrase", ""), (KEY, ""))
    assert unlock_database(db_path) == KEY
    assert problems == ["This passphrase does not open the file. Try again."]
    fill_passphrase_dialog(("not the passphrase", ""))
    with pytest.raises(UnlockCancelledError):
        unlock_database(db_path)


def test_the_key_from_the_environment_opens_without_asking(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    Repository.open(db_path, key=KEY).close()
    monkeypatch.setenv(KEY_ENVIRONMENT, KEY)
    assert unlock_database(db_path) == KEY
    plain = db_path.with_name("plain.db")
    Repository.open(plain).close()
    assert unlock_database(plain) is None


async def test_removing_the_encryption_from_the_menu(
    qtbot: QtBot, tmp_path: Path, messages: MessageBoxes, user: User
) -> None:
    from outreach_app.ui.presenter import ChangeBus

    database = tmp_path / "secret.db"
    store = StoreWorker.open_path(database, user, key=KEY)
    store.call(lambda r: r.sites.save_site(Site("东风村")))
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())
    window, safety = await open_window(context, qtbot, database, key=KEY)
    assert "Remove &encryption…" in menu_texts(window)
    backup = await safety.back_up(manual=True)
    assert backup is not None and file_state(backup) == "encrypted"
    messages.answers.append(QMessageBox.StandardButton.Ok)
    assert safety.choose_encryption()
    assert "anyone who can read the file" in messages.shown["question"][0]
    store.close()
    outcome = safety.finish()
    assert outcome is not None and outcome.ok
    assert file_state(database) == "plain"
    assert [s.name for s in Repository.open(database).sites.list_sites()] == ["东风村"]


def test_backup_settings_are_saved_and_a_file_is_refused_as_folder(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = SettingsDialog(context.settings, context.user)
    qtbot.addWidget(dialog)
    dialog.show()
    a_file = tmp_path / "file"
    a_file.write_text("x")
    dialog.backup_folder_edit.setText(str(a_file))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "is a file, not a folder" in dialog.problem_label.text()

    dialog.backup_folder_edit.setText(str(tmp_path / "usb" / "backups"))
    dialog.backup_interval_spin.setValue(0)
    assert dialog.backup_interval_spin.text() == "Never (no automatic backups)"
    dialog.backup_interval_spin.setValue(12)
    dialog.backups_kept_spin.setValue(30)
    QTest.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    again = AppSettings()
    assert again.backup_folder() == str(tmp_path / "usb" / "backups")
    assert again.backup_interval_hours() == 12
    assert again.backups_kept() == 30
