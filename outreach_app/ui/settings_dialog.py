"""Settings: who you are, where the data lives, how calls connect, language and reminders."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import SOLO_ROLES, Role, User
from outreach_app.core.settings_rules import (
    MAX_REMINDER_MINUTES,
    SettingError,
    parse_ice_servers,
    parse_reminder_minutes,
    parse_server_address,
)
from outreach_app.storage.backup import MAX_INTERVAL_HOURS, MAX_KEEP, default_backup_folder
from outreach_app.storage.encryption import is_encrypted
from outreach_app.storage.errors import StoreError
from outreach_app.storage.identity import inspect_database, refusal
from outreach_app.ui.labels import role_label, translate_message
from outreach_app.ui.media import SYNTHETIC, DeviceChoice, cameras, microphones, speakers
from outreach_app.ui.settings import AppSettings


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: AppSettings,
        user: User,
        parent: QWidget | None = None,
        *,
        team: bool = False,
    ) -> None:
        """`team`: signed in to an office's server, which says who the person is and keeps the
        record: name, role and database are shown, not changed here."""
        super().__init__(parent)
        self.settings = settings
        self.team = team
        self.setWindowTitle(self.tr("Settings"))
        self.saved_user: User | None = None
        self.restart_needed = False

        self._build_person_and_file_fields(user, settings)
        if team:
            self._keep_identity()
        self._build_call_fields(settings)
        self._build_preference_fields(settings)
        self._build_backup_fields(settings)
        form = self._build_form()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("settingsProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #8a1c12; font-weight: bold;")
        self.problem_label.hide()
        note = QLabel(self.tr("The database and language change the next time the app starts."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _build_person_and_file_fields(self, user: User, settings: AppSettings) -> None:
        """Who uses the app, the database, and where recordings go."""
        self.name_edit = QLineEdit(user.name)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName(self.tr("Role"))
        for role in SOLO_ROLES if user.role in SOLO_ROLES else (*SOLO_ROLES, user.role):
            self.role_combo.addItem(role_label(role), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(user.role.value))

        self.database_edit = QLineEdit(settings.database_path())
        self.database_edit.setAccessibleName(self.tr("Database file"))
        self.database_edit.setPlaceholderText(self.tr("Default: outreach.db in your data folder"))
        self.browse_database = QPushButton(self.tr("Browse…"))
        self.browse_database.clicked.connect(self._browse_database)
        self.recording_edit = QLineEdit(settings.recording_folder())
        self.recording_edit.setAccessibleName(self.tr("Recording folder"))
        self.browse_recording = QPushButton(self.tr("Browse…"))
        self.browse_recording.clicked.connect(self._browse_recording)

    def _keep_identity(self) -> None:
        why = self.tr("Your office's server says who you are and keeps the record.")
        self.name_edit.setReadOnly(True)
        for widget in (self.name_edit, self.role_combo, self.database_edit, self.browse_database):
            widget.setToolTip(why)
        for widget in (self.role_combo, self.database_edit, self.browse_database):
            widget.setEnabled(False)

    def _build_call_fields(self, settings: AppSettings) -> None:
        """The signaling server, ICE servers, and the devices a call uses."""
        self.server_edit = QLineEdit(settings.server_address())
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.ice_edit = QPlainTextEdit(settings.ice_servers())
        self.ice_edit.setAccessibleName(self.tr("ICE servers"))
        self.ice_edit.setPlaceholderText(
            self.tr(
                "None on a local network. One a line, e.g.\nstun:stun.example.cn:3478\n"
                "turn:turn.example.cn:3478 user password"
            )
        )
        self.ice_edit.setMaximumHeight(80)
        self.camera_combo = _device_combo(
            self.tr("Camera"), self.tr("Test pattern (no camera)"), cameras(), settings.camera()
        )
        self.microphone_combo = _device_combo(
            self.tr("Microphone"), self.tr("None"), microphones(), settings.microphone()
        )
        self.speaker_combo = _device_combo(
            self.tr("Speakers"), self.tr("System default"), speakers(), settings.speaker()
        )

    def _build_preference_fields(self, settings: AppSettings) -> None:
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Same as the system"), "")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(settings.language()), 0)
        )
        self.reminder_spin = QSpinBox()
        self.reminder_spin.setAccessibleName(self.tr("Reminder lead time"))
        self.reminder_spin.setRange(0, MAX_REMINDER_MINUTES)
        self.reminder_spin.setSuffix(self.tr(" min before"))
        self.reminder_spin.setValue(settings.reminder_minutes())

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Role:"), self.role_combo)
        form.addRow(self.tr("Database file:"), _row(self.database_edit, self.browse_database))
        form.addRow(self.tr("Server address:"), self.server_edit)
        form.addRow(self.tr("ICE servers:"), self.ice_edit)
        form.addRow(self.tr("Recording folder:"), _row(self.recording_edit, self.browse_recording))
        form.addRow(self.tr("Camera:"), self.camera_combo)
        form.addRow(self.tr("Microphone:"), self.microphone_combo)
        form.addRow(self.tr("Speakers:"), self.speaker_combo)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Reminder:"), self.reminder_spin)
        form.addRow(self.tr("Backup folder:"), _row(self.backup_folder_edit, self.browse_backup))
        form.addRow(self.tr("Back up every:"), self.backup_interval_spin)
        form.addRow(self.tr("Backups kept:"), self.backups_kept_spin)
        return form

    def _browse_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.database_edit.text(),
            self.tr("Outreach database (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database_edit.setText(path)

    # ------------------------------------------------------------------ backups (data safety)
    def _build_backup_fields(self, settings: AppSettings) -> None:
        self.backup_folder_edit = QLineEdit(settings.backup_folder())
        self.backup_folder_edit.setAccessibleName(self.tr("Backup folder"))
        self.backup_folder_edit.setPlaceholderText(
            self.tr("Default: %1").replace("%1", str(default_backup_folder()))
        )
        self.browse_backup = QPushButton(self.tr("Browse…"))
        self.browse_backup.clicked.connect(self._browse_backup)
        self.backup_interval_spin = QSpinBox()
        self.backup_interval_spin.setAccessibleName(self.tr("Back up every"))
        self.backup_interval_spin.setRange(0, MAX_INTERVAL_HOURS)
        self.backup_interval_spin.setSpecialValueText(self.tr("Never (no automatic backups)"))
        self.backup_interval_spin.setSuffix(self.tr(" h, and when Outreach closes"))
        self.backup_interval_spin.setValue(settings.backup_interval_hours())
        self.backups_kept_spin = QSpinBox()
        self.backups_kept_spin.setAccessibleName(self.tr("Backups kept"))
        self.backups_kept_spin.setRange(1, MAX_KEEP)
        self.backups_kept_spin.setSuffix(self.tr(" newest"))
        self.backups_kept_spin.setValue(settings.backups_kept())

    def _browse_backup(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self,
            self.tr("Backup folder"),
            self.backup_folder_edit.text() or str(default_backup_folder()),
        )
        if path:
            self.backup_folder_edit.setText(path)

    def _browse_recording(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Recording folder"), self.recording_edit.text()
        )
        if path:
            self.recording_edit.setText(path)

    def _fail(self, message: str, focus: QWidget) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()
        focus.setFocus()

    def _path_problem(self, text: str, *, folder: bool) -> str | None:
        """Why `text` cannot be a database file (folder=False) or a folder; None if it can."""
        path = Path(text).expanduser()
        if folder and path.exists() and not path.is_dir():
            return self.tr("%1 is a file, not a folder").replace("%1", str(path))
        if not folder and path.is_dir():
            return self.tr("%1 is a folder; give the path of a database file").replace(
                "%1", str(path)
            )
        if not folder and path.is_file():
            problem = _database_problem(path)
            if problem is not None:
                return problem
        existing = path if folder and path.exists() else path.parent
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not os.access(existing, os.W_OK):
            return self.tr("Cannot write in %1").replace("%1", str(existing))
        return None

    def save(self) -> None:
        """Check every field; write them all only when all are valid."""
        name = self.name_edit.text().strip()
        if not name:
            self._fail(self.tr("Give your name."), self.name_edit)
            return
        database = self.database_edit.text().strip()
        problem = self._path_problem(database, folder=False) if database else None
        if problem is not None:
            self._fail(problem, self.database_edit)
            return
        recording = self.recording_edit.text().strip()
        problem = self._path_problem(recording, folder=True) if recording else None
        if problem is not None:
            self._fail(problem, self.recording_edit)
            return
        backup_folder = self.backup_folder_edit.text().strip()
        problem = self._path_problem(backup_folder, folder=True) if backup_folder else None
        if problem is not None:
            self._fail(problem, self.backup_folder_edit)
            return
        try:
            server = parse_server_address(self.server_edit.text())
        except SettingError as exc:
            self._fail(translate_message(exc.template, exc.params), self.server_edit)
            return
        try:
            parse_ice_servers(self.ice_edit.toPlainText())
        except SettingError as exc:
            self._fail(translate_message(exc.template, exc.params), self.ice_edit)
            return
        reminder = parse_reminder_minutes(self.reminder_spin.value())
        language = str(self.language_combo.currentData())

        settings = self.settings
        self.restart_needed = (
            database != settings.database_path() or language != settings.language()
        )
        user = User(name, Role(str(self.role_combo.currentData())))
        if not self.team:
            settings.set_user(user)
        settings.set_database_path(database)
        settings.set_server_address(server)
        settings.set_ice_servers(self.ice_edit.toPlainText().strip())
        settings.set_recording_folder(recording)
        settings.set_camera(str(self.camera_combo.currentData()))
        settings.set_microphone(str(self.microphone_combo.currentData()))
        settings.set_speaker(str(self.speaker_combo.currentData()))
        settings.set_language(language)
        settings.set_reminder_minutes(reminder)
        settings.set_backup_folder(backup_folder)
        settings.set_backup_interval_hours(self.backup_interval_spin.value())
        settings.set_backups_kept(self.backups_kept_spin.value())
        settings.sync()
        self.saved_user = None if self.team else user
        self.accept()


def _database_problem(path: Path) -> str | None:
    """Why an existing file cannot be the database (empty, another program's, a newer
    version's), found without changing it; an encrypted file is asked for its passphrase when
    the app opens it."""
    if is_encrypted(path):
        return None
    try:
        problem: StoreError | None = refusal(path, inspect_database(path))
    except StoreError as exc:
        problem = exc
    return None if problem is None else translate_message(problem.template, problem.params)


def _device_combo(
    accessible_name: str, fallback: str, devices: list[DeviceChoice], chosen: str
) -> QComboBox:
    """A device picker by name; a remembered device that is not plugged in stays selectable,
    so that opening Settings without it does not silently forget the choice."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    combo.addItem(fallback, SYNTHETIC)
    for device in devices:
        combo.addItem(device.name, device.device_id)
    if chosen and combo.findData(chosen) < 0:
        combo.addItem(
            QCoreApplication.translate("SettingsDialog", "Not connected: %1").replace(
                "%1", chosen[:12]
            ),
            chosen,
        )
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    return combo


def _row(editor: QWidget, button: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(editor, 1)
    layout.addWidget(button)
    return row
