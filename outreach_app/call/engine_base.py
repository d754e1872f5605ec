"""What the hub and a site have in common: listeners, tasks, and reading signaling."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Iterable
from typing import Any

from aiortc.contrib.media import MediaRelay

from outreach_app.call.events import EngineListener, Listeners
from outreach_app.call.link_state import LinkTimings
from outreach_app.call.signaling import SignalingChannel, SignalingClosed
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import ClientMessage, ServerMessage

log = logging.getLogger(__name__)


class EngineBase:
    """An engine's listeners and tasks; subclasses handle what signaling brings."""

    def __init__(
        self,
        signaling: SignalingChannel,
        timings: LinkTimings,
        ice_servers: Iterable[IceServer],
    ) -> None:
        self._signaling = signaling
        self._timings = timings
        self._ice_servers = tuple(ice_servers)
        self._listeners = Listeners()
        self._relay = MediaRelay()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False

    def add_listener(self, listener: EngineListener) -> Callable[[], None]:
        """Call `listener` with every event; returns a function that removes it."""
        return self._listeners.add(listener)

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("call engine task failed", exc_info=task.exception())

    async def _signaling_loop(self) -> None:
        while True:
            try:
                message = await self._signaling.receive()
            except SignalingClosed:
                log.info("signaling closed")
                return
            try:
                await self._on_signaling(message)
            except Exception:
                # One bad message (a mangled SDP) must not end the session's signaling.
                log.exception("could not handle signaling message %r", message.TYPE)

    async def _on_signaling(self, message: ServerMessage) -> None:
        raise NotImplementedError

    async def _send_signaling(self, message: ClientMessage) -> bool:
        try:
            await self._signaling.send(message)
        except SignalingClosed:
            return False
        return True

    async def _close_tasks(self) -> None:
        current = asyncio.current_task()
        pending = [task for task in self._tasks if task is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
