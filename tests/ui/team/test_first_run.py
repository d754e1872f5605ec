"""The first start offers working alone or connecting to the office's server; signing in says
in plain words what went wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach_app.core.model import Role, User
from outreach_app.ui.first_run import FirstRunDialog
from tests.server.certificates import write_self_signed_certificate
from tests.team.live_server import free_port
from tests.ui.conftest import until
from tests.ui.team.threaded_server import PASSWORD, threaded_team_server


def _connect(dialog: FirstRunDialog, server: str, account: str, password: str) -> None:
    dialog.choose_team(True)
    dialog.form.server_edit.setText(server)
    dialog.form.account_edit.setText(account)
    dialog.form.password_edit.setText(password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


async def test_working_alone_is_the_default_and_asks_name_and_role(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    assert not dialog.team_chosen()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name_edit.setText("王芳")
    dialog.role_buttons.buttons()[2].setChecked(True)
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user() == User("王芳", Role.REVIEWER)
    assert dialog.signed_in is None


async def test_connecting_signs_in_to_the_office_server(tmp_path: Path, qtbot: QtBot) -> None:
    with threaded_team_server(tmp_path / "server", ("anna", Role.STAFF)) as server:
        dialog = FirstRunDialog()
        qtbot.addWidget(dialog)
        _connect(dialog, server.url, "anna", PASSWORD)
        assert dialog.form.busy_row.isVisibleTo(dialog)
        await until(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=30)
        assert dialog.signed_in is not None
        assert dialog.signed_in.credentials.account == "anna"
        assert dialog.signed_in.credentials.role is Role.STAFF
        assert dialog.form.password_edit.text() == ""


def _problem(dialog: FirstRunDialog) -> str:
    return dialog.form.problem_label.text() if dialog.form.problem_label.isVisibleTo(dialog) else ""


async def _attempt(dialog: FirstRunDialog, server: str, account: str, password: str) -> str:
    _connect(dialog, server, account, password)
    await until(lambda: not dialog.presenter.is_busy, timeout=30)
    return _problem(dialog)


async def test_a_wrong_password_is_said_in_plain_words(tmp_path: Path, qtbot: QtBot) -> None:
    with threaded_team_server(tmp_path / "server", ("anna", Role.STAFF)) as server:
        dialog = FirstRunDialog()
        qtbot.addWidget(dialog)
        problem = await _attempt(dialog, server.url, "anna", "not the password")
        assert problem == "The account name or the password is wrong. Check both and try again."
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.form.server_edit.isEnabled()


async def test_too_many_attempts_say_how_long_to_wait(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(tmp_path / "server", ("anna", Role.STAFF)) as server:
        dialog = FirstRunDialog()
        qtbot.addWidget(dialog)
        for _ in range(8):
            problem = await _attempt(dialog, server.url, "anna", "guess")
            if "Too many" in problem:
                break
        assert problem == "Too many attempts to sign in. Wait 1 minute, then try again."


async def test_a_server_out_of_reach_is_said_in_plain_words(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    problem = await _attempt(dialog, f"http://127.0.0.1:{free_port()}", "anna", PASSWORD)
    assert problem.startswith("The server cannot be reached. Check the address")


async def test_an_address_that_is_not_https_is_refused_before_anything_is_sent(
    qtbot: QtBot,
) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    problem = await _attempt(dialog, "http://outreach.example.org", "anna", PASSWORD)
    assert problem.startswith("Give the server's address as https://")


async def test_an_untrusted_certificate_is_explained_and_the_office_file_trusts_it(
    tmp_path: Path, qtbot: QtBot
) -> None:
    certificate, key = write_self_signed_certificate(tmp_path)
    with threaded_team_server(
        tmp_path / "server", ("anna", Role.STAFF), tls=(certificate, key)
    ) as server:
        assert server.url.startswith("https://")
        dialog = FirstRunDialog()
        qtbot.addWidget(dialog)
        problem = await _attempt(dialog, server.url, "anna", PASSWORD)
        assert problem.startswith("The server's certificate is not trusted by this computer.")
        assert "ask your administrator for the certificate file" in problem
        assert "someone may be pretending to be your office's server" in problem

        dialog.form.certificate_edit.setText(str(certificate))
        assert await _attempt(dialog, server.url, "anna", PASSWORD) == ""
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.signed_in is not None
        assert dialog.signed_in.address.certificate == certificate


async def test_a_file_that_is_no_certificate_is_said_so(tmp_path: Path, qtbot: QtBot) -> None:
    not_a_certificate = tmp_path / "office.pem"
    not_a_certificate.write_text("hello", encoding="utf-8")
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.form.certificate_edit.setText(str(not_a_certificate))
    problem = await _attempt(dialog, "https://127.0.0.1:1", "anna", PASSWORD)
    assert problem.startswith(f"“{not_a_certificate}” is not a certificate file")
