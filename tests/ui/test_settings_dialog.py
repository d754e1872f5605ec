from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach_app.core.model import Role, User
from outreach_app.ui.context import UiContext
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import until


def dialog_for(context: UiContext, qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(context.settings, context.user)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(dialog: SettingsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_valid_settings_are_written_and_read_back(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = dialog_for(context, qtbot)
    dialog.name_edit.setText("陈静")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("reviewer"))
    dialog.database_edit.setText(str(tmp_path / "office" / "outreach.db"))
    dialog.server_edit.setText("gov.example.cn:8443")
    dialog.ice_edit.setPlainText("stun:stun.example.cn:3478")
    dialog.recording_edit.setText(str(tmp_path / "recordings"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.reminder_spin.setValue(30)
    save(dialog)

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.restart_needed
    again = AppSettings()  # a fresh reader of the same file
    assert again.user() == User("陈静", Role.REVIEWER)
    assert again.database_path() == str(tmp_path / "office" / "outreach.db")
    assert again.server_address() == "http://gov.example.cn:8443"
    assert again.ice_servers() == "stun:stun.example.cn:3478"
    assert again.language() == "zh_CN"
    assert again.reminder_minutes() == 30


def test_each_invalid_field_is_refused_and_nothing_is_written(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    before = AppSettings().server_address()
    cases: list[tuple[Callable[[SettingsDialog], object], str]] = [
        (lambda d: d.name_edit.setText("  "), "Give your name"),
        (lambda d: d.database_edit.setText(str(tmp_path)), "is a folder"),
        (lambda d: d.server_edit.setText("gov.example.cn"), "add the port"),
        (lambda d: d.ice_edit.setPlainText("turn:t.example.cn:3478"), "user name and a password"),
    ]
    for spoil, message in cases:
        dialog = dialog_for(context, qtbot)
        dialog.server_edit.setText("127.0.0.1:9999")
        spoil(dialog)
        save(dialog)
        assert dialog.isVisible(), message
        assert message in dialog.problem_label.text()
        assert AppSettings().server_address() == before
        dialog.close()


def test_a_database_file_that_is_not_ours_is_refused_untouched(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    foreign = tmp_path / "accounts.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for path, message in ((empty, "empty file"), (foreign, "another program's database")):
        dialog = dialog_for(context, qtbot)
        dialog.database_edit.setText(str(path))
        save(dialog)
        assert dialog.isVisible()
        assert message in dialog.problem_label.text()
        assert AppSettings().database_path() != str(path)
        dialog.close()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


async def test_changing_identity_in_the_window_reaches_the_audit_trail(
    context: UiContext, qtbot: QtBot
) -> None:
    from outreach_app.app import build_main_window
    from outreach_app.core.model import Site

    window = build_main_window(context)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    dialog.name_edit.setText("新名字")
    save(dialog)
    await until(lambda: "新名字" in window.user_label.text())
    context.store.call(lambda r: r.sites.save_site(Site("审计测试站点")))
    assert context.store.call(lambda r: r.review.audit_trail())[0].actor == "新名字"


async def test_choosing_another_role_asks_for_the_window_anew(
    context: UiContext, qtbot: QtBot
) -> None:
    from outreach_app.app import build_main_window

    window = build_main_window(context)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.REVIEWER.value))
    with qtbot.waitSignal(window.roleChanged, timeout=2000):
        save(dialog)
    assert context.user.role is Role.REVIEWER
    dialog = window.open_settings()
    with qtbot.assertNotEmitted(window.roleChanged):
        dialog.name_edit.setText("新名字")
        save(dialog)
