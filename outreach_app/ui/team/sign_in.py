"""Signing in to an office's team server: the form (address, account, password, an office's own
certificate), the presenter that signs in on the event loop and can be cancelled, what every
dialog that signs in shares (`SigningInDialog`: the first-run dialog is one), and the dialog
that asks again when the server no longer takes the sign-in (or connects from the File menu).

The password is handed to the server and forgotten; nothing here stores anything. The sync
client (aiohttp) loads with the first attempt, so that working alone never loads it.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.ui.team.labels import certificate_text, unreadable_certificate_text

if TYPE_CHECKING:
    from outreach_app.sync.connection import Credentials, TeamAddress, TeamServerError


@dataclass(frozen=True)
class SignedIn:
    """A sign-in that worked: where, and what the server said about the person."""

    address: TeamAddress
    credentials: Credentials


def this_computer() -> str:
    """The name this computer's sign-ins carry (administrators see it in the list of them)."""
    return socket.gethostname() or "Outreach"


def address_from(text: str, certificate: str) -> TeamAddress:
    """The address as typed: https:// when no scheme is given. TeamServerError when it cannot
    be one."""
    from outreach_app.sync.connection import TeamAddress

    text = text.strip()
    if text and "://" not in text:
        text = "https://" + text
    return TeamAddress(text, Path(certificate) if certificate else None)


def certificate_readable(path: str) -> bool:
    try:
        ssl.create_default_context().load_verify_locations(cafile=path)
    except (OSError, ssl.SSLError, ValueError):
        return False
    return True


class SignInPresenter(QObject):
    """Signs in on the event loop; one attempt at a time, cancelled on request."""

    signedIn = Signal(object)  # SignedIn
    failed = Signal(str)  # what went wrong and what to do, in words
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, device: str = "") -> None:
        super().__init__(parent)
        self._device = device or this_computer()
        self._attempt: asyncio.Task[None] | None = None

    @property
    def is_busy(self) -> bool:
        return self._attempt is not None and not self._attempt.done()

    def sign_in(self, server: str, account: str, password: str, certificate: str) -> None:
        if self.is_busy:
            return
        self._attempt = asyncio.ensure_future(
            self._sign_in(server, account.strip(), password, certificate.strip())
        )
        self._attempt.add_done_callback(lambda _task: self.busyChanged.emit(False))
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        if self._attempt is not None:
            self._attempt.cancel()

    async def wait(self) -> None:
        """Until the attempt under way (if any) is over; for closing and tests."""
        if self._attempt is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._attempt

    async def _sign_in(self, server: str, account: str, password: str, certificate: str) -> None:
        # Loaded with the first attempt (aiohttp): working alone never needs it.
        from outreach_app.sync.connection import TeamServerError, sign_in

        if certificate and not certificate_readable(certificate):
            self.failed.emit(unreadable_certificate_text(certificate))
            return
        try:
            address = address_from(server, certificate)
            credentials = await sign_in(address, account, password, self._device)
        except TeamServerError as error:
            self.failed.emit(self.explain(error))
            return
        self.signedIn.emit(SignedIn(address, credentials))

    def explain(self, error: TeamServerError) -> str:
        """Why signing in did not work, and what to do about it."""
        from outreach_app.sync.connection import Problem

        problem = error.problem
        if problem is Problem.WRONG_PASSWORD:
            return self.tr("The account name or the password is wrong. Check both and try again.")
        if problem is Problem.THROTTLED:
            minutes = max(1, math.ceil(error.retry_after / 60))
            return self.tr(
                "Too many attempts to sign in. Wait %n minute(s), then try again.", "", minutes
            )
        if problem is Problem.UNREACHABLE:
            return self.tr(
                "The server cannot be reached. Check the address, and that this computer is "
                "connected to the network, then try again."
            )
        if problem is Problem.CERTIFICATE:
            return certificate_text()
        if problem is Problem.NOT_A_SERVER:
            return self.tr(
                "Something answers at this address, but it is not an Outreach team server. "
                "Check the address with your administrator."
            )
        return self.tr(
            "Give the server's address as https://…, for example https://outreach.example.org "
            "(http:// only for a server on this computer)."
        )


class SignInForm(QWidget):
    """Server address, account, password and an office's own certificate, with what went
    wrong below them and a busy line while signing in."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        server: str = "",
        account: str = "",
        certificate: str = "",
        fixed: bool = False,
    ) -> None:
        """`fixed`: the server and account are given (signing in again) and cannot change."""
        super().__init__(parent)
        self.server_edit = QLineEdit(server)
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setPlaceholderText(self.tr("https://outreach.example.org"))
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.server_edit.setToolTip(
            self.tr(
                "The address your administrator gave you. It starts with https:// (http:// "
                "only for a server on this computer)."
            )
        )
        self.account_edit = QLineEdit(account)
        self.account_edit.setObjectName("accountEdit")
        self.account_edit.setAccessibleName(self.tr("Account name"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.certificate_edit = QLineEdit(certificate)
        self.certificate_edit.setObjectName("certificateEdit")
        self.certificate_edit.setAccessibleName(self.tr("Certificate file"))
        self.certificate_edit.setPlaceholderText(self.tr("Only if your office uses its own"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setToolTip(
            self.tr("Choose the certificate file your administrator gave you (.pem or .crt)")
        )
        self.browse_button.clicked.connect(self._choose_certificate)
        for edit in (self.server_edit, self.account_edit):
            edit.setReadOnly(fixed)
        certificate_row = QHBoxLayout()
        certificate_row.addWidget(self.certificate_edit, 1)
        certificate_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.server_edit)
        form.addRow(self.tr("Account name:"), self.account_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Certificate file:"), certificate_row)

        self.problem_label = QLabel()
        self.problem_label.setObjectName("signInProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet(
            "#signInProblem { background: #fdecea; color: #8a1c12; border: 1px solid #e8b4ae;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.problem_label.hide()
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_row = QWidget()
        busy = QVBoxLayout(self.busy_row)
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.busy_label)
        busy.addWidget(self.busy_bar)
        self.busy_row.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.busy_row)
        layout.addStretch(1)

    def complete(self) -> bool:
        return all(edit.text().strip() for edit in (self.server_edit, self.account_edit)) and bool(
            self.password_edit.text()
        )

    def values(self) -> tuple[str, str, str, str]:
        """Server, account, password, certificate file."""
        return (
            self.server_edit.text().strip(),
            self.account_edit.text().strip(),
            self.password_edit.text(),
            self.certificate_edit.text().strip(),
        )

    def set_busy(self, busy: bool) -> None:
        if busy:
            self.problem_label.hide()
            self.busy_label.setText(
                self.tr("Signing in to %1…").replace("%1", self.server_edit.text().strip())
            )
        self.busy_row.setVisible(busy)
        for widget in (
            self.server_edit,
            self.account_edit,
            self.password_edit,
            self.certificate_edit,
            self.browse_button,
        ):
            widget.setEnabled(not busy)

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()
        self.password_edit.setFocus()
        # The dialog grows to show all of it: a long explanation must not be cut off.
        window = self.window()
        layout = window.layout()
        if layout is not None:
            layout.activate()
            needed = layout.totalHeightForWidth(window.width())
            if needed > window.height():
                window.resize(window.width(), needed)

    def forget_password(self) -> None:
        self.password_edit.clear()

    def _choose_certificate(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The office's certificate"),
            self.certificate_edit.text() or str(Path.home()),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if chosen:
            self.certificate_edit.setText(chosen)


class SigningInDialog(QDialog):
    """A dialog that signs in with a `SignInForm`: OK signs in, Cancel (or Esc) stops an attempt
    under way and closes the dialog when there is none; signed in, it closes accepted with
    `signed_in`. The form shows the attempt and what went wrong."""

    def attach_sign_in(self, form: SignInForm, buttons: QDialogButtonBox) -> None:
        self.form = form
        self.buttons = buttons
        self.presenter = SignInPresenter(self)
        self.signed_in: SignedIn | None = None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.presenter.busyChanged.connect(form.set_busy)
        self.presenter.busyChanged.connect(lambda _busy: self.update_ok())
        self.presenter.failed.connect(form.show_problem)
        self.presenter.signedIn.connect(self._signed_in)
        for edit in (form.server_edit, form.account_edit, form.password_edit):
            edit.textChanged.connect(self.update_ok)
        buttons.accepted.connect(self.go)
        buttons.rejected.connect(self.reject)
        ok.setEnabled(False)

    def update_ok(self) -> None:
        """OK is offered when the form is complete and no attempt is under way."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.form.complete() and not self.presenter.is_busy)

    def go(self) -> None:
        if self.form.complete():
            self.presenter.sign_in(*self.form.values())

    def _signed_in(self, signed_in: SignedIn) -> None:
        self.signed_in = signed_in
        self.form.forget_password()
        self.accept()

    def reject(self) -> None:
        if self.presenter.is_busy:
            self.presenter.cancel()
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.presenter.cancel()
        super().closeEvent(event)


class SignInDialog(SigningInDialog):
    """Signing in from the app: again, when the office's server no longer takes the last
    sign-in (`again=True`: server and account as they were), or to connect this computer to
    an office's server for the first time."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        server: str = "",
        account: str = "",
        certificate: str = "",
        again: bool = False,
        offer_alone: bool = False,
    ) -> None:
        """`offer_alone`: a way out for a person who cannot sign in now (at start-up)."""
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.alone_chosen = False
        if again:
            self.setWindowTitle(self.tr("Sign in again"))
            intro = self.tr(
                "The office's server no longer accepts your sign-in: it ran out, or an "
                "administrator ended it. Sign in again to go on. Nothing on this computer is "
                "lost, and changes not yet sent go as soon as you are signed in."
            )
        else:
            self.setWindowTitle(self.tr("Connect to my office's server"))
            intro = self.tr(
                "Work on your office's shared record: sessions, notes and follow-ups that "
                "colleagues see as soon as they are saved. Your administrator gives you the "
                "address, your account name and a password."
            )
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        form = SignInForm(server=server, account=account, certificate=certificate, fixed=again)
        self.attach_sign_in(form, buttons)
        if offer_alone:
            alone = self.buttons.addButton(
                self.tr("Work alone instead…"), QDialogButtonBox.ButtonRole.ResetRole
            )
            alone.setToolTip(
                self.tr("Choose again how to work; the copy of the record stays on this computer")
            )
            alone.clicked.connect(self._work_alone)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        (self.form.password_edit if again else self.form.server_edit).setFocus()

    def _work_alone(self) -> None:
        self.presenter.cancel()
        self.alone_chosen = True
        QDialog.reject(self)
