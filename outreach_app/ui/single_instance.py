"""One running app per user and data folder: a second launch hands over and exits."""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from outreach_app.config import data_dir

_log = logging.getLogger(__name__)
CONNECT_TIMEOUT_MS = 500
MAX_MESSAGE_BYTES = 64 * 1024


def instance_name() -> str:
    # Per user and per data folder, so tests and a second profile do not collide.
    key = f"{getpass.getuser()}:{data_dir().resolve()}".encode()
    return "outreach-" + hashlib.sha256(key).hexdigest()[:16]


def hand_over(message: dict[str, Any], name: str | None = None) -> bool:
    """Send `message` to a running instance; False when none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name or instance_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps(message).encode() + b"\n")
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches of the app and reports what they asked for."""

    messageReceived = Signal(dict)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or instance_name()
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if not self._server.listen(self.name):
            # A crashed instance leaves its socket file behind; nobody answers on it.
            QLocalServer.removeServer(self.name)
            return self._server.listen(self.name)
        return True

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine() and socket.bytesAvailable() < MAX_MESSAGE_BYTES:
            return
        line = bytes(socket.readLine(MAX_MESSAGE_BYTES).data())
        socket.disconnectFromServer()
        try:
            message = json.loads(line)
        except ValueError:
            _log.warning("ignored a malformed message from another launch")
            return
        if isinstance(message, dict):
            self.messageReceived.emit(message)
