"""One thread owns the database; everything else sends it operations.

An SQLite connection belongs to the thread that opened it, and nothing on the GUI thread may wait
on a query. So the Repository lives on a dedicated thread and operations are queued to it in
order: `await worker.run(lambda repo: repo.sites.list_sites())`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from outreach_app.core.model import User
from outreach_app.storage.repository import Repository

T = TypeVar("T")
Operation = Callable[[Repository], T]
_log = logging.getLogger(__name__)


class WorkerClosedError(RuntimeError):
    pass


class _Replacement:
    def __init__(self, install: Callable[[Repository], Callable[[], None]]) -> None:
        self._install = install

    def __call__(self, repo: Repository) -> None:
        raise TypeError("a replacement is carried out by the store's own loop")

    def carry_out(
        self, repo: Repository, opener: Callable[[], Repository]
    ) -> tuple[Repository, BaseException | None]:
        """The database open afterwards, and what went wrong if the new one is not it."""
        try:
            put_in_place = self._install(repo)
        except BaseException as exc:
            return repo, exc
        repo.close()
        failure: BaseException | None = None
        try:
            put_in_place()
        except BaseException as exc:
            # The new file is put in place by one rename, or not at all: the old one is there.
            failure = exc
        return opener(), failure


class StoreWorker:
    def __init__(self, opener: Callable[[], Repository], *, name: str = "outreach-store") -> None:
        self._jobs: queue.SimpleQueue[
            tuple[Callable[[Repository], object], concurrent.futures.Future[object]] | None
        ] = queue.SimpleQueue()
        self._opened: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._closed = False
        self._thread = threading.Thread(target=self._serve, args=(opener,), name=name, daemon=True)
        self._thread.start()
        # Surface a database that cannot be opened (corrupt, locked, not a database) at once.
        self._opened.result()

    @classmethod
    def open_path(
        cls, path: Path | str, user: User | None = None, *, key: str | None = None
    ) -> StoreWorker:
        """`key`: the passphrase of an encrypted database; None for a plain one."""

        def opener() -> Repository:
            repo = Repository.open(path, key=key)
            if user is not None:
                repo.actor = user
            return repo

        return cls(opener)

    def _serve(self, opener: Callable[[], Repository]) -> None:
        try:
            repo = opener()
        except BaseException as exc:  # handed to the thread that waits
            self._opened.set_exception(exc)
            return
        self._opened.set_result(None)
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    break
                operation, future = job
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    if isinstance(operation, _Replacement):
                        repo, failure = operation.carry_out(repo, opener)
                        if failure is not None:
                            raise failure
                        future.set_result(None)
                    else:
                        future.set_result(operation(repo))
                except BaseException as exc:  # handed to the caller
                    future.set_exception(exc)
        finally:
            repo.close()

    async def replace_database(self, install: Callable[[Repository], Callable[[], None]]) -> None:
        """Put another database in place of this one, between two operations: `install(repo)`
        runs on the store's thread with the current database (to read what must carry over)
        and returns what puts the new file in place once that database is closed; the store then
        opens it as it opened the first. If that fails, the old file is opened again."""
        await self.run(_Replacement(install))

    def submit(self, operation: Operation[T]) -> concurrent.futures.Future[T]:
        if self._closed:
            raise WorkerClosedError("the database is closed")
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._jobs.put((operation, future))  # type: ignore[arg-type]
        return future

    async def run(self, operation: Operation[T]) -> T:
        return await asyncio.wrap_future(self.submit(operation))

    def call(self, operation: Operation[T], timeout: float | None = 30) -> T:
        """Blocking form, for the command line, tests and shutdown; never from the GUI thread."""
        return self.submit(operation).result(timeout)

    def close(self, timeout: float = 10) -> None:
        """Finish queued operations (pending saves included), then close the database."""
        if self._closed:
            return
        self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            _log.warning("the database thread did not finish within %s s", timeout)
