"""The files a signaling server keeps between runs: the secret that signs invitations (shared
with the app that issues them) and the sessions that have ended."""

from __future__ import annotations

import base64
import binascii
import logging
import os
import stat
from pathlib import Path
from typing import Final

from outreach_app.core.invitations import MIN_SECRET_BYTES, generate_secret

log = logging.getLogger(__name__)

# In the config folder; the app and an `outreach-server` started with its defaults share it.
SECRET_FILE_NAME: Final = "signaling-secret"
ENDED_SESSIONS_FILE_NAME: Final = "ended-sessions"


def load_or_create_secret(path: Path) -> bytes:
    """The signing secret kept in `path` (urlsafe base64 text), created readable by the owner
    only when missing, with its folder. The app and a standalone server that share it accept
    the same tokens."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(base64.urlsafe_b64encode(generate_secret()).decode("ascii") + "\n")
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s can be read by other users; restrict it with chmod 600", path)
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        secret = base64.urlsafe_b64decode(text.encode("ascii", errors="replace"))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"{path} does not hold a secret in URL-safe base64") from exc
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"{path} holds a secret shorter than {MIN_SECRET_BYTES} bytes")
    return secret


class EndedSessionsFile:
    """The ids of ended sessions, one a line, so that a restarted standalone server still
    refuses their invitations. Appended to, never rewritten: a crash loses at most the line
    being written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ids: set[int] = set()
        try:
            text = path.read_text(encoding="ascii", errors="replace")
        except FileNotFoundError:
            text = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip().isdigit():
                self._ids.add(int(line.strip()))
            elif line.strip():
                log.warning("%s line %s is not a session id; ignored", path, number)

    def __contains__(self, session_id: int) -> bool:
        return session_id in self._ids

    def add(self, session_id: int) -> None:
        if session_id in self._ids:
            return
        self._ids.add(session_id)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="ascii") as file:
            file.write(f"{session_id}\n")
            file.flush()
            os.fsync(file.fileno())
