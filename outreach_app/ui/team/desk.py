"""What team mode adds to the main window: where this computer stands with the office's
server (status bar), the conflicts to resolve, signing in again when the server no longer takes
the sign-in, the first copy of the record with its progress, and signing out (File menu).

Ending the session (signing out, cancelling the first copy) closes the windows: the desk asks
for it with a signal, and the app (app.py) closes them, then calls `leave_team`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from outreach_app.sync.client import SyncStatus
from outreach_app.sync.connection import Credentials, TeamAddress
from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.settings import AppSettings, TeamSettings
from outreach_app.ui.team.dialogs import FirstCopyDialog, ProblemsDialog, SignOutDialog
from outreach_app.ui.team.presenter import TeamPresenter
from outreach_app.ui.team.saved_sign_in import SavedSignIn
from outreach_app.ui.team.sign_in import SignedIn, SignInDialog
from outreach_app.ui.team.status_bar import PROBLEMS_SHORTCUT, SyncStatusBar


def remember_sign_in(settings: AppSettings, saved: SavedSignIn, signed_in: SignedIn) -> None:
    """Team mode from now on, with this sign-in: its token kept safe, the rest in settings."""
    credentials, address = signed_in.credentials, signed_in.address
    saved.save(address.base, credentials.account, credentials.token)
    settings.set_team(
        TeamSettings(
            server=address.base,
            account=credentials.account,
            certificate=str(address.certificate or ""),
            role=credentials.role,
            display_name=credentials.display_name,
            record=credentials.record,
            office=credentials.office,
            expires_at=credentials.expires_at,
        )
    )


def team_address(team: TeamSettings) -> TeamAddress:
    return TeamAddress(team.server, Path(team.certificate) if team.certificate else None)


def saved_credentials(team: TeamSettings, token: str) -> Credentials:
    return Credentials(
        token=token,
        expires_at=team.expires_at,
        account=team.account,
        display_name=team.display_name,
        role=team.role,
        record=team.record,
        office=team.office,
    )


async def leave_team(
    presenter: TeamPresenter, settings: AppSettings, saved: SavedSignIn, *, remove_copy: bool
) -> None:
    """Sign out: the server forgets the sign-in, this computer its token; with `remove_copy`
    nothing of the record stays here. Working alone (or signing in anew) comes next."""
    await presenter.sign_out(remove_copy=remove_copy)
    await asyncio.get_running_loop().run_in_executor(
        None, saved.forget, presenter.address.base, presenter.user.name
    )
    settings.leave_team()


async def abandon_first_copy(
    presenter: TeamPresenter, settings: AppSettings, saved: SavedSignIn
) -> None:
    """The person stopped the first copy: nothing of it stays, and they choose again."""
    await presenter.cancel_first_copy()
    await asyncio.get_running_loop().run_in_executor(
        None, saved.forget, presenter.address.base, presenter.user.name
    )
    settings.leave_team()


class TeamDesk(QObject):
    signOutChosen = Signal(bool)  # remove this computer's copy
    firstCopyCancelled = Signal()

    def __init__(
        self,
        context: UiContext,
        window: MainWindow,
        presenter: TeamPresenter,
        saved: SavedSignIn,
    ) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.presenter = presenter
        self.saved = saved
        self.problems_dialog: ProblemsDialog | None = None
        self.first_copy_dialog: FirstCopyDialog | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.sign_out_dialog: SignOutDialog | None = None

        self.status_bar = SyncStatusBar()
        window.statusBar().insertPermanentWidget(0, self.status_bar)
        self.status_bar.problemsRequested.connect(self.open_problems)
        self.status_bar.signInRequested.connect(self.sign_in_again)

        self.problems_action = QAction(self.tr("Resolve &conflicts…"), window)
        self.problems_action.setShortcut(QKeySequence(PROBLEMS_SHORTCUT))
        self.problems_action.triggered.connect(self.open_problems)
        self.sign_out_action = QAction(self.tr("Sign &out…"), window)
        self.sign_out_action.setToolTip(
            self.tr("Sign out of the office's server, and remove this computer's copy if you wish")
        )
        self.sign_out_action.triggered.connect(self.ask_sign_out)
        # Before Settings, where the File menu keeps what concerns the whole app.
        window.file_menu.insertAction(window.settings_action, self.problems_action)
        window.file_menu.insertAction(window.settings_action, self.sign_out_action)
        window.file_menu.insertSeparator(window.settings_action)

        presenter.statusChanged.connect(self._status_changed)
        presenter.signedOut.connect(self.sign_in_again)
        presenter.error.connect(self._show_error)
        self._status_changed(presenter.status)

    # ------------------------------------------------------------------ status
    def _show_error(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _status_changed(self, status: SyncStatus) -> None:
        self.status_bar.show_status(status)
        if status.first_copy is not None:
            if self.first_copy_dialog is None:
                self.first_copy_dialog = FirstCopyDialog(self.window)
                self.first_copy_dialog.setWindowModality(Qt.WindowModality.WindowModal)
                self.first_copy_dialog.cancelRequested.connect(self._first_copy_cancel_requested)
                self.first_copy_dialog.show()
            self.first_copy_dialog.show_progress(*status.first_copy)
        elif self.first_copy_dialog is not None:
            self.first_copy_dialog.hide()
            self.first_copy_dialog.deleteLater()
            self.first_copy_dialog = None
        dialog = self.problems_dialog
        if dialog is not None and dialog.isVisible() and status.problems != len(dialog.problems):
            dialog.load()

    def _first_copy_cancel_requested(self) -> None:
        if self.window.isVisible():
            self.firstCopyCancelled.emit()
        elif self.first_copy_dialog is not None:
            # The window closed and Qt is closing what is left: the app quits, and the copy
            # stops with it and starts again next time (the person did not give up the team).
            self.first_copy_dialog.hide()

    # ------------------------------------------------------------------ problems
    def open_problems(self) -> ProblemsDialog:
        if self.problems_dialog is None:
            self.problems_dialog = ProblemsDialog(self.presenter, self.window)
        self.problems_dialog.load()
        self.problems_dialog.show()
        self.problems_dialog.raise_()
        self.problems_dialog.activateWindow()
        return self.problems_dialog

    # ------------------------------------------------------------------ signing in again
    def sign_in_again(self) -> SignInDialog:
        if self.sign_in_dialog is not None and self.sign_in_dialog.isVisible():
            self.sign_in_dialog.raise_()
            return self.sign_in_dialog
        address = self.presenter.address
        dialog = SignInDialog(
            self.window,
            server=address.base,
            account=self.presenter.user.name,
            certificate=str(address.certificate or ""),
            again=True,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._signed_in_again(dialog))
        self.sign_in_dialog = dialog
        dialog.show()
        return dialog

    def _signed_in_again(self, dialog: SignInDialog) -> None:
        signed_in = dialog.signed_in
        if signed_in is None:
            return
        if signed_in.credentials.account != self.presenter.user.name:
            QMessageBox.warning(
                self.window,
                self.tr("Sign in again"),
                self.tr("Sign in with the same account (%1), or sign out first.").replace(
                    "%1", self.presenter.user.name
                ),
            )
            return
        remember_sign_in(self.context.settings, self.saved, signed_in)
        self.presenter.signed_in_again(signed_in.credentials)

    # ------------------------------------------------------------------ signing out
    def ask_sign_out(self) -> None:
        self.presenter.spawn(self.presenter.unsent_changes(), on_done=self._confirm_sign_out)

    def _confirm_sign_out(self, unsent: int) -> None:
        team = self.context.settings.team()
        dialog = SignOutDialog(
            team.office if team is not None else "",
            self.presenter.address.base,
            unsent,
            self.window,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(
            lambda result: (
                self.signOutChosen.emit(dialog.remove_copy())
                if result == QDialog.DialogCode.Accepted
                else None
            )
        )
        self.sign_out_dialog = dialog
        dialog.show()
