"""The sign-in's token between starts: in the system's keyring where there is one, else in a
file of the config folder that only its owner may read. Never the password.

Keyring calls may wait on the desktop's secret service: call these off the GUI thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Final

from outreach_app.storage.encryption import keyring_available

KEYRING_SERVICE: Final = "Outreach team sign-in"
TOKEN_FILE_NAME: Final = "team-sign-in.json"
_log = logging.getLogger(__name__)


def _entry_name(server: str, account: str) -> str:
    return f"{account} @ {server}"


class SavedSignIn:
    """Where this computer keeps the token of the person signed in to an office's server."""

    def __init__(self, config_folder: Path) -> None:
        self.file = config_folder / TOKEN_FILE_NAME

    def save(self, server: str, account: str, token: str) -> None:
        self.forget(server, account)
        if keyring_available():
            import keyring

            try:
                keyring.set_password(KEYRING_SERVICE, _entry_name(server, account), token)
                return
            except Exception as exc:  # a locked or failing keyring: the file instead
                _log.warning("cannot write to the keyring: %s", exc)
        self._write_file({"server": server, "account": account, "token": token})

    def load(self, server: str, account: str) -> str | None:
        if keyring_available():
            import keyring

            try:
                kept = keyring.get_password(KEYRING_SERVICE, _entry_name(server, account))
            except Exception as exc:
                _log.warning("cannot read the keyring: %s", exc)
                kept = None
            if kept:
                return kept
        stored = self._read_file()
        if stored.get("server") == server and stored.get("account") == account:
            token = stored.get("token")
            return token if isinstance(token, str) and token else None
        return None

    def forget(self, server: str, account: str) -> None:
        """Remove the token from the keyring and the file, wherever it was."""
        if keyring_available():
            import keyring
            from keyring.errors import PasswordDeleteError

            try:
                keyring.delete_password(KEYRING_SERVICE, _entry_name(server, account))
            except PasswordDeleteError:
                pass
            except Exception as exc:
                _log.warning("cannot remove the sign-in from the keyring: %s", exc)
        if self.file.exists():
            with contextlib.suppress(OSError):
                size = self.file.stat().st_size
                with self.file.open("r+b") as file:
                    file.write(b"\0" * size)
                self.file.unlink()

    def _write_file(self, content: dict[str, str]) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_name(self.file.name + ".new")
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(content, file)
        os.replace(partial, self.file)

    def _read_file(self) -> dict[str, object]:
        try:
            content = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return content if isinstance(content, dict) else {}
