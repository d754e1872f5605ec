"""Per-user preferences, kept with QSettings in an INI file under the user's config directory."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class TeamSettings:
    """Team mode as this computer remembers it: where the office's server is, who signed in,
    and what the server said about them. Nothing here is secret: the sign-in's token is kept
    apart (ui/team/saved_sign_in.py) and the password never."""

    server: str
    account: str
    # An office's own certificate file trusted for this server; "" for the system's.
    certificate: str
    role: Role
    display_name: str = ""
    record: str = ""
    office: str = ""
    # When the sign-in runs out (seconds since the epoch).
    expires_at: float = 0.0


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

    # --- team mode: on while a sign-in is kept; the address and account stay for the next one
    def team(self) -> TeamSettings | None:
        """Team mode, or None when this computer works alone."""
        if self._text("team/active") != "true":
            return None
        role = self._text("team/role")
        server, account = self._text("team/server"), self._text("team/account")
        if not server or not account or role not in Role.__members__.values():
            return None
        expires = self._text("team/expires_at", "0")
        return TeamSettings(
            server=server,
            account=account,
            certificate=self._text("team/certificate"),
            role=Role(role),
            display_name=self._text("team/display_name"),
            record=self._text("team/record"),
            office=self._text("team/office"),
            expires_at=float(expires) if _is_number(expires) else 0.0,
        )

    def set_team(self, team: TeamSettings) -> None:
        self._settings.setValue("team/active", "true")
        self._settings.setValue("team/server", team.server)
        self._settings.setValue("team/account", team.account)
        self._settings.setValue("team/certificate", team.certificate)
        self._settings.setValue("team/role", team.role.value)
        self._settings.setValue("team/display_name", team.display_name)
        self._settings.setValue("team/record", team.record)
        self._settings.setValue("team/office", team.office)
        self._settings.setValue("team/expires_at", str(team.expires_at))
        self._settings.sync()

    def leave_team(self) -> None:
        """Work alone from the next start; the address, account and certificate stay as the
        suggestion for connecting again."""
        self._settings.setValue("team/active", "false")
        for key in ("role", "display_name", "record", "office", "expires_at"):
            self._settings.remove(f"team/{key}")
        self._settings.sync()

    def last_team_server(self) -> tuple[str, str, str]:
        """The server address, account and certificate file used last ("" for none)."""
        return (
            self._text("team/server"),
            self._text("team/account"),
            self._text("team/certificate"),
        )

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


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
