"""Per-user preferences, kept with QSettings in an INI file under the user's config directory."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from outreach_app.config import config_dir
from outreach_app.core.model import Role, User


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            path = config_dir() / "outreach.ini"
            settings = QSettings(str(path), QSettings.Format.IniFormat)
        self._settings = settings

    @property
    def qsettings(self) -> QSettings:
        return self._settings

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

    def window_state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self._settings.sync()
