"""The app's call windows: one per session, raised when it is open already, and the call
service they share.

Light on purpose: the pages import this at start-up, while aiortc and the signaling server
(about 0.3 s to import) load on a worker thread once the window is up (`start_server`).
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from outreach_app.call.simulated import SimulatedSites
from outreach_app.config import config_dir
from outreach_app.core.model import SiteCheck
from outreach_app.core.settings_rules import SettingError, parse_ice_servers
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import StoreError
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings

if TYPE_CHECKING:
    from outreach_app.call.live import CallService, TeamCalls

_log = logging.getLogger(__name__)


# Makes the window of a session's call (see launcher.py).
WindowFactory = Callable[[int, "CallService"], QWidget]


class CallWindows(QObject):
    """The open call windows of the app and the one call service they share.

    The service (with the embedded signaling server) lives as long as the app once started:
    sites open their pre-call check and join links before and between calls. In the demo,
    simulated sites join every call as soon as it is live."""

    checkReceived = Signal(object)  # SiteCheck, after it is stored
    serverProblem = Signal(str)  # the signaling server could not start
    callsChanged = Signal()  # a call window opened or went away (see running_session_ids)
    quitRequested = Signal()  # Quit was chosen in a call window: the app quits as from its menu

    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        settings: AppSettings,
        window_factory: WindowFactory,
        *,
        demo: bool = False,
        service_factory: Callable[[], CallService] | None = None,
        team: TeamCalls | None = None,
    ) -> None:
        """`team`: the office's team server, which then signs the invitations and carries the
        signaling (no server of this app's own)."""
        super().__init__()
        self._team = team
        self._store = store
        self._bus = bus
        self._settings = settings
        self._demo = demo
        self._service_factory = service_factory
        self._window_factory = window_factory
        self._service: CallService | None = None
        self._windows: dict[int, QWidget] = {}
        self._simulated: dict[int, SimulatedSites] = {}

    def window_for(self, session_id: int) -> QWidget | None:
        return self._windows.get(session_id)

    def running_session_ids(self) -> set[int]:
        """The sessions whose call this app carries now (their call window is open)."""
        return set(self._windows)

    def confirm_quit(self) -> bool:
        """Each live call's own question before the app quits; False as soon as one says no."""
        for window in list(self._windows.values()):
            confirm = getattr(window, "confirm_quit", None)
            if callable(confirm) and not confirm():
                return False
        return True

    def end_on_server(self, session_id: int) -> None:
        """A session ended without its call (it was interrupted): sites that rejoined and wait
        for the official are told, and its invitations admit nobody while the server runs."""
        embedded = self._service.embedded_server if self._service is not None else None
        if embedded is not None:
            embedded.end_session(session_id)

    def open_call(self, session_id: int) -> QWidget:
        """The call window of `session_id`, brought to the front; started if it is not open."""
        window = self._windows.get(session_id)
        if window is None:
            window = self._window_factory(session_id, self.service())
            self._windows[session_id] = window
            window.destroyed.connect(lambda _=None, sid=session_id: self._forget(sid))
            if self._demo:
                self._simulate_sites_of(session_id, window)
            self.callsChanged.emit()
        window.showNormal()
        window.raise_()
        window.activateWindow()
        return window

    async def start_server(self) -> None:
        """Start the signaling server without holding up the window: aiortc and aiohttp are
        imported on a worker thread first (about 0.3 s)."""
        loop = asyncio.get_running_loop()
        for module in ("outreach_app.call.live", "outreach_app.server.embedded"):
            await loop.run_in_executor(None, importlib.import_module, module)
        try:
            ended = await self._store.run(lambda r: r.sessions.ended_session_ids())
        except StoreError:
            _log.warning("cannot read which sessions ended; their links stay open", exc_info=True)
            ended = set()
        self.service().ended_sessions.update(ended)
        try:
            url = await self.service().server_url()
        except OSError as exc:
            self.serverProblem.emit(
                self.tr("The call server could not start at %1: %2")
                .replace("%1", self._settings.server_address())
                .replace("%2", exc.strerror or str(exc))
            )
            return
        _log.info("call server at %s", url)

    async def end_all(self) -> None:
        """End every call and close its window: notes saved, sites told, records closed."""
        tasks = []
        for window in list(self._windows.values()):
            end_and_close = getattr(window, "end_and_close", None)
            if callable(end_and_close):
                tasks.append(end_and_close())
            else:
                window.close()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def close(self) -> None:
        for simulated in list(self._simulated.values()):
            await simulated.stop()
        self._simulated.clear()
        service, self._service = self._service, None
        if service is not None:
            await service.close()

    def service(self) -> CallService:
        if self._service is None:
            self._service = (self._service_factory or self._settings_service)()
        return self._service

    def _settings_service(self) -> CallService:
        from outreach_app.call.live import CallService, CallSettings
        from outreach_app.server.embedded import EmbeddedServer
        from outreach_app.server.state_files import SECRET_FILE_NAME, load_or_create_secret

        settings = self._settings
        try:
            servers = parse_ice_servers(settings.ice_servers())
        except SettingError:
            # The settings dialog refuses bad lines; a file edited by hand falls back to none.
            _log.warning("ignoring ICE servers that do not parse", exc_info=True)
            servers = []
        return CallService(
            CallSettings(
                server_address=settings.server_address(),
                ice_servers=tuple(servers),
                # The demo's sites run on this machine: loopback is enough and always there.
                host_addresses=("127.0.0.1",) if self._demo else None,
            ),
            # Shared with an `outreach-server` started with its defaults on this machine.
            secret=functools.partial(load_or_create_secret, config_dir() / SECRET_FILE_NAME),
            local_server=functools.partial(EmbeddedServer, on_check=self._store_check),
            team=self._team,
        )

    async def _store_check(self, check: SiteCheck) -> None:
        try:
            await self._store.run(lambda r: r.calls.record_site_check(check))
        except StoreError:
            # A check for a session or site this database does not have (another office's
            # invitation on a shared server): nothing to keep here.
            _log.info("ignoring the check of site %s", check.site_id, exc_info=True)
            return
        self._bus.announce(Topic.SESSIONS)
        self.checkReceived.emit(check)

    def _simulate_sites_of(self, session_id: int, window: QWidget) -> None:
        presenter = getattr(window, "presenter", None)
        if presenter is None:
            return
        # Imported with the first call, for a fast start: the call presenter loads aiortc.
        from outreach_app.ui.call.presenter import CallPhase

        def phase_changed(phase: object) -> None:
            if phase is CallPhase.LIVE and session_id not in self._simulated:
                links = [presenter.invitation_link(site) or "" for site in presenter.order]
                # Numbered as in the run sheet (the pattern has no Chinese glyphs for names).
                simulated = SimulatedSites(
                    [link for link in links if link],
                    ["127.0.0.1"],
                    labels=[f"SITE {n}" for n, link in enumerate(links, start=1) if link],
                )
                self._simulated[session_id] = simulated
                asyncio.ensure_future(simulated.start()).add_done_callback(_log_failure)
            elif phase in (CallPhase.ENDED, CallPhase.FAILED):
                self._stop_simulated(session_id)

        presenter.phaseChanged.connect(phase_changed)

    def _stop_simulated(self, session_id: int) -> None:
        simulated = self._simulated.pop(session_id, None)
        if simulated is not None:
            asyncio.ensure_future(simulated.stop()).add_done_callback(_log_failure)

    def _forget(self, session_id: int) -> None:
        self._windows.pop(session_id, None)
        self._stop_simulated(session_id)
        self.callsChanged.emit()


def _log_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        _log.error("a call background task failed", exc_info=task.exception())
