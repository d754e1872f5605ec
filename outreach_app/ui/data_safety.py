"""Data safety in the app: back up now, restore a backup, encrypt the database, the backup
schedule and the passphrase prompt.

The work is in storage/backup.py and storage/encryption.py and runs off the GUI thread. Backups
read the database through their own connection, so the store keeps saving meanwhile. Restoring
and changing the encryption need the database closed: the app closes, does it, says how it went
and asks to be started again (pages and presenters hold the open store, so reopening in place
would leave some of them on the old one).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from outreach_app.storage.backup import (
    BackupInfo,
    backup_due,
    backup_now,
    backup_time,
    changed_since_last_backup,
    default_backup_folder,
    restore,
    verify_backup,
)
from outreach_app.storage.encryption import (
    EncryptionError,
    check_key,
    decrypt_database,
    encrypt_database,
    encryption_available,
    find_key,
    forget_key,
    is_encrypted,
    keyring_available,
    passphrase_problem,
    remember_key,
)
from outreach_app.storage.repository import StoreError
from outreach_app.ui.labels import translate_message
from outreach_app.ui.presenter import Presenter

if TYPE_CHECKING:
    from outreach_app.ui.context import UiContext
    from outreach_app.ui.main_window import MainWindow

T = TypeVar("T")
_log = logging.getLogger(__name__)
# How often the schedule looks whether a backup is due; the first look is a minute after start.
CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_CHECK_MS = 60 * 1000


def _message(exc: StoreError) -> str:
    return translate_message(exc.template, exc.params)


def wait_off_thread(work: Callable[[], T]) -> T:
    """Run `work` on a thread while Qt keeps painting; for before the asyncio loop exists and
    for modal dialogs (a passphrase check derives its key for about 0.15 s)."""
    with ThreadPoolExecutor(1, thread_name_prefix="outreach-key") as pool:
        future = pool.submit(work)
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: loop.quit() if future.done() else None)
        timer.start()
        if not future.done():
            loop.exec()
        timer.stop()
        return future.result()


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an encrypted file (`creating=False`), or for a new one twice
    (`creating=True`). With a keyring, offers to remember it there."""

    def __init__(
        self,
        database: Path,
        *,
        creating: bool,
        keyring: bool,
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.creating = creating
        if creating:
            self.setWindowTitle(self.tr("Encrypt the database"))
            intro = self.tr(
                "Choose a passphrase for %1. Without it nobody can read the data, you included:"
                " keep it somewhere safe, it cannot be recovered."
            )
        else:
            self.setWindowTitle(self.tr("Encrypted database"))
            intro = intro or self.tr("%1 is encrypted. Enter its passphrase.")
        intro_label = QLabel(intro.replace("%1", str(database)))
        intro_label.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase_edit)
        if creating:
            form.addRow(self.tr("Repeat:"), self.repeat_edit)
        self.remember_box = QCheckBox(self.tr("Remember it in the system keyring"))
        self.remember_box.setChecked(keyring)
        self.remember_box.setVisible(keyring)
        no_keyring = QLabel(
            self.tr("This system has no keyring: Outreach asks for the passphrase at each start.")
        )
        no_keyring.setWordWrap(True)
        no_keyring.setVisible(not keyring)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("passphraseProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #8a1c12; font-weight: bold;")
        self.problem_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.remember_box)
        layout.addWidget(no_keyring)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def remember(self) -> bool:
        return self.remember_box.isVisible() and self.remember_box.isChecked()

    def _fail(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()
        self.passphrase_edit.setFocus()
        self.passphrase_edit.selectAll()

    def check(self) -> None:
        passphrase = self.passphrase()
        if self.creating:
            problem = passphrase_problem(passphrase)
            if problem is not None:
                self._fail(_message(problem))
                return
            if self.repeat_edit.text() != passphrase:
                self._fail(self.tr("The two passphrases differ."))
                return
            self.accept()
            return
        if not passphrase:
            self._fail(self.tr("Enter the passphrase."))
            return
        self.buttons.setEnabled(False)
        try:
            wait_off_thread(partial(check_key, self.database, passphrase))
        except EncryptionError:
            self._fail(self.tr("This passphrase does not open the file. Try again."))
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()


class UnlockCancelledError(Exception):
    """The person closed the passphrase prompt: the app does not start."""


def unlock_database(database: Path, parent: QWidget | None = None) -> str | None:
    """The passphrase of `database` if it is encrypted (None if it is not): from OUTREACH_DB_KEY
    or the keyring, else asked for. Raises UnlockCancelledError if the person cancels."""
    if not is_encrypted(database):
        return None
    key = wait_off_thread(partial(find_key, database))
    if key is not None:
        return key
    dialog = PassphraseDialog(
        database, creating=False, keyring=wait_off_thread(keyring_available), parent=parent
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        raise UnlockCancelledError
    if dialog.remember():
        wait_off_thread(partial(remember_key, database, dialog.passphrase()))
    return dialog.passphrase()


@dataclass(frozen=True)
class Outcome:
    """What a job run after the window closed reports to the person."""

    ok: bool
    title: str
    text: str


class DataSafety(Presenter):
    """The File menu's backup, restore and encryption actions, and the backup schedule."""

    def __init__(
        self, context: UiContext, window: MainWindow, database: Path, key: str | None
    ) -> None:
        super().__init__(context.store, context.bus, window)
        self.context = context
        self.window = window
        self.database = database
        self.key = key
        # Done by finish(), after the store closed: restoring or changing the encryption.
        self.after_close: Callable[[], Outcome] | None = None
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="outreach-backup")
        self._backing_up = False
        self._stopped = False

        self.back_up_action = QAction(self.tr("&Back up now"), window)
        self.back_up_action.triggered.connect(lambda: self.spawn(self.back_up(manual=True)))
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.triggered.connect(lambda: self.spawn(self.choose_restore()))
        self.encryption_action = QAction(
            self.tr("&Encrypt the database…") if key is None else self.tr("Remove &encryption…"),
            window,
        )
        self.encryption_action.triggered.connect(self.choose_encryption)
        menu = window.file_menu
        for action in (self.back_up_action, self.restore_action, self.encryption_action):
            menu.insertAction(window.settings_action, action)
        menu.insertSeparator(window.settings_action)
        self.error.connect(self._show_error)

        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_schedule)
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check_schedule)

    # ------------------------------------------------------------------------------ settings
    def backup_folder(self) -> Path:
        chosen = self.context.settings.backup_folder()
        return Path(chosen).expanduser() if chosen else default_backup_folder()

    def _interval(self) -> timedelta | None:
        hours = self.context.settings.backup_interval_hours()
        return timedelta(hours=hours) if hours > 0 else None

    def _off_thread(self, work: Callable[[], T]) -> asyncio.Future[T]:
        return asyncio.get_running_loop().run_in_executor(self._pool, work)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)

    def _show_error(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Data safety"), text)

    # ------------------------------------------------------------------------------- backups
    def check_schedule(self) -> None:
        """Start a backup if one is due (see storage.backup.backup_due)."""
        interval = self._interval()
        if interval is None or self._backing_up or self._stopped:
            return
        self.spawn(self._back_up_if_due(interval))

    async def _back_up_if_due(self, interval: timedelta) -> None:
        if await self._off_thread(
            partial(backup_due, self.database, self.backup_folder(), interval)
        ):
            await self.back_up(manual=False)

    async def back_up(self, *, manual: bool) -> Path | None:
        """Back up now; a manual backup's failure is shown in a dialog, a scheduled one's in the
        status bar. Returns the new backup, or None."""
        if self._backing_up or self._stopped:
            return None
        self._backing_up = True
        self.back_up_action.setEnabled(False)
        self._status(self.tr("Backing up…"))
        try:
            path = await self._off_thread(
                partial(
                    backup_now,
                    self.database,
                    self.backup_folder(),
                    key=self.key,
                    keep=self.context.settings.backups_kept(),
                )
            )
        except StoreError as exc:
            text = self.tr("Backup failed: %1").replace("%1", _message(exc))
            if manual:
                self._show_error(text)
            else:
                self._status(text)
            return None
        finally:
            self._backing_up = False
            self.back_up_action.setEnabled(True)
        self._status(self.tr("Backed up to %1").replace("%1", str(path)))
        return path

    # ------------------------------------------------------------------------------- restore
    async def choose_restore(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(self.backup_folder()),
            self.tr("Outreach backups (*.db);;All files (*)"),
        )
        if not path:
            return False
        return await self.restore_from(Path(path))

    def _backup_key(self, backup: Path) -> str | bool | None:
        """The passphrase to read `backup` with: None for a plain one, False if cancelled."""
        if not is_encrypted(backup):
            return None
        if self.key is not None:
            try:
                wait_off_thread(partial(check_key, backup, self.key))
            except EncryptionError:
                pass
            else:
                return self.key
        dialog = PassphraseDialog(
            backup,
            creating=False,
            keyring=False,
            intro=self.tr(
                "%1 is not a plain backup: it is encrypted, or not a database at all. If it is"
                " an encrypted backup, enter its passphrase."
            ),
            parent=self.window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return dialog.passphrase()

    async def restore_from(self, backup: Path) -> bool:
        """Check `backup`, say what restoring does, and on yes close the app to restore it.
        Returns whether the restore was scheduled."""
        key = self._backup_key(backup)
        if key is False:
            return False
        backup_key = key if isinstance(key, str) else None
        try:
            info = await self._off_thread(partial(verify_backup, backup, backup_key))
        except StoreError as exc:
            self._show_error(
                self.tr("This file cannot be restored: %1").replace("%1", _message(exc))
            )
            return False
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore from backup"),
            self._restore_question(info),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._close_then(partial(self._restore_job, backup, backup_key))

    def _restore_question(self, info: BackupInfo) -> str:
        made = backup_time(info.path)
        return (
            self.tr(
                "Restore the backup %1 (made %2; %3 sessions, %4 notes)?\n\n"
                "Outreach closes, keeps the current database as %5, and puts the backup in its"
                " place. Anything entered after the backup was made is only in the kept file."
                " Then start Outreach again."
            )
            .replace("%1", info.path.name)
            .replace("%2", made.strftime("%Y-%m-%d %H:%M") if made else "?")
            .replace("%3", str(info.sessions))
            .replace("%4", str(info.questions))
            .replace("%5", self.database.name + ".before-restore")
        )

    def _restore_job(self, backup: Path, key: str | None) -> Outcome:
        try:
            aside = restore(backup, self.database, key=key)
        except StoreError as exc:
            return Outcome(
                False,
                self.tr("Restore failed"),
                self.tr("%1\n\nThe database is as it was. Start Outreach again.").replace(
                    "%1", _message(exc)
                ),
            )
        kept = (
            self.tr("The database as it was is kept as %1.").replace("%1", str(aside))
            if aside
            else ""
        )
        return Outcome(
            True,
            self.tr("Backup restored"),
            self.tr("The backup is restored. %1\n\nStart Outreach again to go on.").replace(
                "%1", kept
            ),
        )

    # ---------------------------------------------------------------------------- encryption
    def choose_encryption(self) -> bool:
        """Encrypt the plain database, or remove the encryption, after the window closes."""
        if self.key is None:
            if not encryption_available():
                self._show_error(self.tr("Encryption needs the sqlcipher3 package."))
                return False
            dialog = PassphraseDialog(
                self.database,
                creating=True,
                keyring=wait_off_thread(keyring_available),
                parent=self.window,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            question = self.tr(
                "Outreach closes and encrypts the database; at the next start it needs the"
                " passphrase. Backups made from now on are encrypted too; earlier ones in %1"
                " are not: delete them once you no longer need them."
            ).replace("%1", str(self.backup_folder()))
            job = partial(self._encrypt_job, dialog.passphrase(), dialog.remember())
        else:
            question = self.tr(
                "Outreach closes and stores the database without encryption: anyone who can read"
                " the file can then read the notes and contacts in it."
            )
            job = partial(self._decrypt_job, self.key)
        answer = QMessageBox.question(
            self.window,
            self.encryption_action.text().replace("&", ""),
            question,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return False
        return self._close_then(job)

    def _encrypt_job(self, key: str, remember: bool) -> Outcome:
        try:
            encrypt_database(self.database, key)
        except StoreError as exc:
            return Outcome(False, self.tr("Encryption failed"), _message(exc))
        if remember and remember_key(self.database, key):
            text = self.tr(
                "The database is encrypted. Start Outreach again: it takes the passphrase from"
                " the keyring."
            )
        else:
            text = self.tr(
                "The database is encrypted. Start Outreach again and enter the passphrase."
            )
        return Outcome(True, self.tr("Database encrypted"), text)

    def _decrypt_job(self, key: str) -> Outcome:
        try:
            decrypt_database(self.database, key)
        except StoreError as exc:
            return Outcome(False, self.tr("Removing the encryption failed"), _message(exc))
        forget_key(self.database)
        return Outcome(
            True,
            self.tr("Encryption removed"),
            self.tr("The database is no longer encrypted. Start Outreach again."),
        )

    # ----------------------------------------------------------------------------- closing
    def _close_then(self, job: Callable[[], Outcome]) -> bool:
        """Close the window (saving as at any quit), then run `job` in finish()."""
        self.after_close = job
        if not self.window.close():
            self.after_close = None
            return False
        return True

    def stop(self) -> None:
        """No more scheduled backups; waits for one under way."""
        self._stopped = True
        self.timer.stop()
        self._pool.shutdown(wait=True)

    def finish(self) -> Outcome | None:
        """After the store closed: run the job the person asked for, or make the backup due at
        quit (when the data changed since the last one). Shows and returns the job's outcome."""
        self.stop()
        job, self.after_close = self.after_close, None
        if job is not None:
            outcome = job()
            show = QMessageBox.information if outcome.ok else QMessageBox.critical
            show(None, outcome.title, outcome.text)
            return outcome
        if self._interval() is None:
            return None
        folder = self.backup_folder()
        try:
            if changed_since_last_backup(self.database, folder):
                backup_now(
                    self.database, folder, key=self.key, keep=self.context.settings.backups_kept()
                )
        except StoreError as exc:
            _log.warning("the backup at quit failed: %s", exc)
        return None
