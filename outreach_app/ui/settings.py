"""Per-user preferences, kept with QSettings in an INI file under the user's config directory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from outreach_app.config import config_dir
from outreach_app.core.model import Role, User
from outreach_app.storage.backup import (
    DEFAULT_INTERVAL_HOURS,
    DEFAULT_KEEP,
    MAX_INTERVAL_HOURS,
    MAX_KEEP,
)

DEFAULT_SERVER_ADDRESS = "http://127.0.0.1:8765"
DEFAULT_REMINDER_MINUTES = 15


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            path = config_dir() / "outreach.ini"
            settings = QSettings(str(path), QSettings.Format.IniFormat)
        self._settings = settings

    def user(self) -> User | None:
        name = str(self._settings.value("user/name", "") or "").strip()
        role = str(self._settings.value("user/role", "") or "")
        if not name or role not in Role.__members__.values():
            return None
        return User(name, Role(role))

    def set_user(self, user: User) -> None:
        self._settings.setValue("user/name", user.name)
        self._settings.setValue("user/role", user.role.value)
        self._settings.sync()

    def _text(self, key: str, default: str = "") -> str:
        return str(self._settings.value(key, default) or default)

    def _set_text(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)

    # Read where each takes effect; the settings dialog validates before it writes.
    def database_path(self) -> str:
        return self._text("storage/database")

    def set_database_path(self, value: str) -> None:
        self._set_text("storage/database", value)

    def server_address(self) -> str:
        return self._text("calls/server", DEFAULT_SERVER_ADDRESS)

    def set_server_address(self, value: str) -> None:
        self._set_text("calls/server", value)

    def ice_servers(self) -> str:
        return self._text("calls/ice_servers")

    def set_ice_servers(self, value: str) -> None:
        self._set_text("calls/ice_servers", value)

    def recording_folder(self) -> str:
        return self._text("calls/recording_folder", str(Path.home() / "Outreach recordings"))

    def set_recording_folder(self, value: str) -> None:
        self._set_text("calls/recording_folder", value)

    def camera(self) -> str:
        """The chosen camera's id (hex); "" for the test pattern."""
        return self._text("devices/camera")

    def set_camera(self, value: str) -> None:
        self._set_text("devices/camera", value)

    def microphone(self) -> str:
        """The chosen microphone's id (hex); "" for none (a tone in a demo)."""
        return self._text("devices/microphone")

    def set_microphone(self, value: str) -> None:
        self._set_text("devices/microphone", value)

    def speaker(self) -> str:
        """The chosen speakers' id (hex); "" for the system's default."""
        return self._text("devices/speaker")

    def set_speaker(self, value: str) -> None:
        self._set_text("devices/speaker", value)

    def language(self) -> str:
        """ "" means the system's language."""
        return self._text("ui/language")

    def set_language(self, value: str) -> None:
        self._set_text("ui/language", value)

    def reminder_minutes(self) -> int:
        stored = self._text("reminders/lead_minutes", str(DEFAULT_REMINDER_MINUTES))
        return int(stored) if stored.isdigit() else DEFAULT_REMINDER_MINUTES

    def set_reminder_minutes(self, value: int) -> None:
        self._settings.setValue("reminders/lead_minutes", value)

    # Backups (see storage/backup.py and ui/data_safety.py).
    def backup_folder(self) -> str:
        """ "" means the default, backups/ in the data folder."""
        return self._text("backup/folder")

    def set_backup_folder(self, value: str) -> None:
        self._set_text("backup/folder", value)

    def backup_interval_hours(self) -> int:
        """Hours between automatic backups while the app is open; 0 turns them off."""
        return self._bounded("backup/interval_hours", DEFAULT_INTERVAL_HOURS, 0, MAX_INTERVAL_HOURS)

    def set_backup_interval_hours(self, value: int) -> None:
        self._settings.setValue("backup/interval_hours", value)

    def backups_kept(self) -> int:
        return self._bounded("backup/keep", DEFAULT_KEEP, 1, MAX_KEEP)

    def set_backups_kept(self, value: int) -> None:
        self._settings.setValue("backup/keep", value)

    def _bounded(self, key: str, default: int, low: int, high: int) -> int:
        """A whole number from `low` to `high`; 0 is a value here, not "unset"."""
        stored = str(self._settings.value(key, default)).strip()
        return min(max(int(stored), low), high) if stored.isdigit() else default

    def window_state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{key}", value)

    # --- exports (minutes, invitations): the folder chosen last time --------------------
    def export_folder(self) -> str:
        return self._text("exports/folder")

    def set_export_folder(self, value: str) -> None:
        self._set_text("exports/folder", value)

    def sync(self) -> None:
        self._settings.sync()
