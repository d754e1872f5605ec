"""Opening call windows: one per session, raised when it is open already.

Light on purpose: the pages import this at start-up, while aiortc and the signaling server
(about 0.3 s to import) load only when the first call starts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from outreach_app.config import config_dir
from outreach_app.core.model import Session, SessionStatus
from outreach_app.core.settings_rules import SettingError, parse_ice_servers

if TYPE_CHECKING:
    from outreach_app.call.live import CallService
    from outreach_app.ui.context import UiContext

_log = logging.getLogger(__name__)


def call_available(session: Session, today: date) -> bool:
    """A call is started on the day of a scheduled session, and joined again while it is live."""
    if session.id is None:
        return False
    if session.status is SessionStatus.LIVE:
        return True
    return session.status is SessionStatus.SCHEDULED and session.start.date() == today


WindowFactory = Callable[["UiContext", int, "CallService"], QWidget]


class CallWindows(QObject):
    """The open call windows of the app and the one call service they share."""

    def __init__(
        self,
        context: UiContext,
        *,
        service_factory: Callable[[], CallService] | None = None,
        window_factory: WindowFactory | None = None,
    ) -> None:
        super().__init__()
        self._context = context
        self._service_factory = service_factory
        self._window_factory = window_factory
        self._service: CallService | None = None
        self._windows: dict[int, QWidget] = {}

    def window_for(self, session_id: int) -> QWidget | None:
        return self._windows.get(session_id)

    def open_call(self, session_id: int) -> QWidget:
        """The call window of `session_id`, brought to the front; started if it is not open."""
        window = self._windows.get(session_id)
        if window is None:
            factory = self._window_factory or _default_window_factory
            window = factory(self._context, session_id, self.service())
            self._windows[session_id] = window
            window.destroyed.connect(lambda _=None, sid=session_id: self._forget(sid))
        window.showNormal()
        window.raise_()
        window.activateWindow()
        return window

    def service(self) -> CallService:
        if self._service is None:
            self._service = (self._service_factory or self._settings_service)()
        return self._service

    def _settings_service(self) -> CallService:
        from outreach_app.call.live import CallService, CallSettings
        from outreach_app.server.__main__ import SECRET_FILE_NAME

        settings = self._context.settings
        try:
            servers = parse_ice_servers(settings.ice_servers())
        except SettingError:
            # The settings dialog refuses bad lines; a file edited by hand falls back to none.
            _log.warning("ignoring ICE servers that do not parse", exc_info=True)
            servers = []
        return CallService(
            CallSettings(
                server_address=settings.server_address(),
                # Shared with an `outreach-server` started with its defaults on this machine.
                secret_path=config_dir() / SECRET_FILE_NAME,
                ice_servers=tuple(servers),
            )
        )

    def _forget(self, session_id: int) -> None:
        self._windows.pop(session_id, None)
        if not self._windows and self._service is not None:
            # No call left: the embedded signaling server gives its port back.
            service, self._service = self._service, None
            task = asyncio.ensure_future(service.close())
            task.add_done_callback(_log_failure)


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        _log.error("closing the call service failed", exc_info=task.exception())


def _default_window_factory(context: UiContext, session_id: int, service: CallService) -> QWidget:
    from outreach_app.ui.call.window import CallWindow

    return CallWindow(context, session_id, service)


def call_windows(context: UiContext) -> CallWindows:
    """The app's call windows, created with the first."""
    if context.calls is None:
        context.calls = CallWindows(context)
    return context.calls
