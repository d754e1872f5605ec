"""What every presenter shares: running store operations off the GUI thread, reporting errors,
and telling other presenters that data changed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository, StoreError
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.labels import translate_message

T = TypeVar("T")
_log = logging.getLogger(__name__)


class ChangeBus(QObject):
    """Presenters announce what they changed; the others refresh what they show.

    Only a `Topic` is announced (core/topics.py): the set is closed, so that a view never
    waits for a topic nobody announces (tests/ui/test_topics.py checks the source for that).
    """

    changed = Signal(object)  # Topic

    def announce(self, topic: Topic) -> None:
        if not isinstance(topic, Topic):
            raise TypeError(f"announce a Topic, not {topic!r}")
        self.changed.emit(topic)


class Presenter(QObject):
    error = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, store: StoreWorker, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._bus = bus
        self._tasks: set[asyncio.Task[Any]] = set()
        self._busy = 0
        self._latest: dict[str, int] = {}

    @property
    def bus(self) -> ChangeBus:
        return self._bus

    @property
    def store(self) -> StoreWorker:
        return self._store

    async def query(self, operation: Callable[[Repository], T]) -> T:
        return await self._store.run(operation)

    def spawn_latest(
        self, key: str, coroutine: Coroutine[Any, Any, T], on_done: Callable[[T], None]
    ) -> None:
        """`spawn`, where only the latest request under `key` delivers its result: a reader
        clicking through a list sees the item clicked last, whichever query finishes last."""
        generation = self.supersede(key)

        def deliver(result: T) -> None:
            if self._latest[key] == generation:
                on_done(result)

        self.spawn(coroutine, on_done=deliver)

    def supersede(self, key: str) -> int:
        """Make any request under `key` still running deliver nothing."""
        self._latest[key] = self._latest.get(key, 0) + 1
        return self._latest[key]

    def spawn(
        self,
        coroutine: Coroutine[Any, Any, T],
        *,
        on_done: Callable[[T], None] | None = None,
    ) -> asyncio.Task[T]:
        """Run a coroutine on the shared loop; failures become the `error` signal, never a crash."""
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        self._set_busy(+1)

        def finished(done: asyncio.Task[T]) -> None:
            self._tasks.discard(done)
            if not shiboken6.isValid(self):
                # The page closed while the store was working; nobody is left to tell.
                return
            self._set_busy(-1)
            if done.cancelled():
                return
            exc = done.exception()
            if exc is None:
                if on_done is not None:
                    on_done(done.result())
            elif isinstance(exc, StoreError):
                self.error.emit(translate_message(exc.template, exc.params))
            else:
                _log.error("operation failed", exc_info=exc)
                self.error.emit(self.tr("Something went wrong: %1").replace("%1", str(exc)))

        task.add_done_callback(finished)
        return task

    def _set_busy(self, delta: int) -> None:
        was_busy = self._busy > 0
        self._busy += delta
        if was_busy != (self._busy > 0):
            self.busyChanged.emit(self._busy > 0)

    @property
    def is_busy(self) -> bool:
        return self._busy > 0

    async def wait_idle(self) -> None:
        """Await every operation this presenter started (used on close and in tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def announce(self, topic: Topic) -> None:
        self._bus.announce(topic)


class ChangeFollower(QObject):
    """Refreshes what a presenter shows when other presenters change its `topics`.

    Topics announced close together (typing notes announces `Topic.NOTES` every few hundred
    milliseconds) are handled once, `delay_ms` after the last, by `refresh(topics)`. While
    inactive (its page is out of sight) they are kept for when it is active again. What the
    presenter announces through `announce` does not come back to it.
    """

    def __init__(
        self,
        presenter: Presenter,
        topics: frozenset[Topic],
        refresh: Callable[[set[Topic]], None],
        delay_ms: int,
    ) -> None:
        super().__init__(presenter)
        strangers = [topic for topic in topics if not isinstance(topic, Topic)]
        if strangers:
            raise TypeError(f"follow Topics, not {strangers!r}")
        self._presenter = presenter
        self._topics = topics
        self._refresh = refresh
        self._pending: set[Topic] = set()
        self._active = True
        self._announcing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._refresh_now)
        presenter.bus.changed.connect(self._changed)

    def announce(self, topic: Topic) -> None:
        """Tell the other presenters; this one knows already."""
        self._announcing = True
        try:
            self._presenter.announce(topic)
        finally:
            self._announcing = False

    def set_active(self, active: bool) -> None:
        self._active = active
        if active and self._pending:
            self._timer.start()

    def _changed(self, topic: Topic) -> None:
        if self._announcing or topic not in self._topics:
            return
        self._pending.add(topic)
        if self._active:
            self._timer.start()

    def _refresh_now(self) -> None:
        if not self._active:
            return
        topics, self._pending = self._pending, set()
        self._refresh(topics)
