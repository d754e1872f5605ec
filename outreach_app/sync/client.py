"""Keeps a computer's replica in step with the team server, for as long as the app runs.

Connects (and reconnects, backing off up to a few seconds, for as long as it takes), sends the
outbox in order and waits for each batch's answer before the next, and pulls the record's
changes whenever the server says its head moved. A brand-new replica first receives a whole
copy, with progress. Work goes on offline: the outbox keeps everything until it can be sent.
A sign-in that the server no longer accepts stops the client; nothing is thrown away.

No Qt: the app's presenters and the test clients hear `SyncStatus`, the changed tables and the
live sessions through plain callbacks on the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Final, TypeVar

import aiohttp

from outreach_app.core.message_codec import MessageError, to_json
from outreach_app.core.sync_model import JSON, ChangeEntry, OperationOutcome, Outcome, RowKey
from outreach_app.core.team_protocol import (
    MAX_FETCH,
    MAX_PULL,
    PROTOCOL_VERSION,
    SNAPSHOT_BASELINE_HEADER,
    SNAPSHOT_HEAD_HEADER,
    TEAM_SERVER_MESSAGES,
    Changes,
    Fetch,
    Hello,
    Invitations,
    Invite,
    Live,
    LiveNow,
    LiveSession,
    Nudge,
    Pull,
    Push,
    Pushed,
    Rows,
    TeamError,
    TeamErrorCode,
    TeamServerMessage,
    Welcome,
)
from outreach_app.storage.repository import Repository
from outreach_app.storage.schema import schema_fingerprint
from outreach_app.storage.worker import StoreWorker
from outreach_app.sync.connection import CONNECT_SECONDS, TeamAddress, explain
from outreach_app.sync.outbox import EntryState, OutboxEntry, read_entries
from outreach_app.sync.replica import Replica, install_copy

log = logging.getLogger(__name__)

ANSWER_SECONDS: Final = 60.0
RECONNECT_FIRST_SECONDS: Final = 0.25
RECONNECT_MAX_SECONDS: Final = 5.0
PUSH_BATCH: Final = 50
FIRST_COPY_CHUNK: Final = 1024 * 1024
# This computer's own operations remembered as applied, so that their rows coming back in a
# pull do not announce a change the person made themselves (pages would reload as they type).
OWN_OPERATIONS_KEPT: Final = 1000
# Answers after which trying again cannot help: sign in again (or, for PROTOCOL, install the
# server's version of the app).
SIGNED_OUT_CODES: Final = frozenset(
    {
        TeamErrorCode.TOKEN_INVALID,
        TeamErrorCode.TOKEN_EXPIRED,
        TeamErrorCode.REVOKED,
        TeamErrorCode.PROTOCOL,
    }
)
M = TypeVar("M")


class Link(enum.StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    # The server no longer accepts this sign-in: sign in again.
    SIGNED_OUT = "signed_out"


@dataclass(frozen=True)
class SyncStatus:
    link: Link = Link.CONNECTING
    # Operations waiting to be sent or answered.
    waiting: int = 0
    # Conflicts and refusals the person has to look at.
    problems: int = 0
    offline_since: datetime | None = None
    # The first copy of the record: rows received, rows in all.
    first_copy: tuple[int, int] | None = None
    detail: str = ""


class SignedOutError(Exception):
    pass


class _Dropped(Exception):
    """The connection ended."""


class SyncClient:
    def __init__(
        self,
        store: StoreWorker,
        address: TeamAddress,
        token: str,
        device: str,
        *,
        on_status: Callable[[SyncStatus], None] = lambda status: None,
        on_changed: Callable[[set[str]], None] = lambda tables: None,
        on_live: Callable[[tuple[LiveSession, ...]], None] = lambda sessions: None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._store = store
        self._address = address
        self._token = token
        self._device = device
        self._on_status = on_status
        self._on_changed = on_changed
        self._on_live = on_live
        self._clock = clock
        self.in_flight: set[str] = set()
        self.status = SyncStatus()
        self.welcome: Welcome | None = None
        self.live: tuple[LiveSession, ...] = ()
        self._work = asyncio.Event()
        self._pull_wanted = asyncio.Event()
        self._stopped = False
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._waiters: dict[type[object], asyncio.Future[object]] = {}
        # Why the connection's reader stopped (None while it reads): a question asked after
        # that would wait for an answer nobody reads.
        self._deaf: SignedOutError | _Dropped | None = None
        # One question of each kind at a time: answers are matched to questions by their type.
        self._asking: dict[type[object], asyncio.Lock] = {}
        self._live_report: Live | None = None
        self._first_copy_cancelled = False
        self._closing: asyncio.Future[bool] | None = None
        self._own_applied: deque[str] = deque(maxlen=OWN_OPERATIONS_KEPT)
        self._reports: set[asyncio.Future[None]] = set()

    # --------------------------------------------------------------- for the app
    def outbox_changed(self) -> None:
        """A new outbox entry was committed (called on the event loop's thread)."""
        self._work.set()
        if self._ws is None:
            # Offline, the person still sees how many changes wait to be sent.
            report = asyncio.ensure_future(self._report())
            self._reports.add(report)
            report.add_done_callback(self._reported)

    def _reported(self, report: asyncio.Future[None]) -> None:
        self._reports.discard(report)
        if not report.cancelled() and report.exception() is not None:
            log.info("cannot count the waiting changes: %s", report.exception())

    def outbox_changed_threadsafe(self, loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
        """`outbox_changed` for the store's thread."""

        def changed() -> None:
            loop.call_soon_threadsafe(self._work.set)

        return changed

    def stop(self) -> None:
        self._stopped = True
        self._work.set()
        if self._ws is not None:
            self._closing = asyncio.ensure_future(self._ws.close())

    def use_token(self, token: str) -> None:
        """Sign in with `token` from the next connection on (a new sign-in of the same
        account)."""
        self._token = token

    def cancel_first_copy(self) -> None:
        self._first_copy_cancelled = True
        self.stop()

    async def report_live(self, session: str, floor: str | None, on: bool) -> None:
        """The official's call: sent now if connected, and again after every reconnect."""
        self._live_report = Live(session, floor, on) if on else None
        if self._ws is not None and not self._ws.closed:
            await self._send(Live(session, floor, on))

    async def invitations(self, session: str) -> Invitations:
        return await self._request(Invite(session), Invitations)

    async def fetch(self, keys: list[RowKey]) -> list[tuple[str, str, dict[str, JSON] | None, str]]:
        rows: list[tuple[str, str, dict[str, JSON] | None, str]] = []
        for start in range(0, len(keys), MAX_FETCH):
            answer = await self._request(Fetch(tuple(keys[start : start + MAX_FETCH])), Rows)
            rows.extend(answer.rows)
        return rows

    async def keep_theirs(self, op_id: str) -> None:
        """Drop this computer's waiting change and take the record's rows instead."""
        entry = await self._entry(op_id)
        if entry is None:
            return
        rows = await self.fetch(list(entry.touched))
        changed = await self._store.run(lambda repo: _discard_and_overwrite(repo, op_id, rows))
        self._on_changed(changed)
        await self._report()

    async def keep_mine(self, op_id: str) -> None:
        """Send this computer's change again, based on the record's current versions."""
        entry = await self._entry(op_id)
        if entry is None:
            return
        rows = await self.fetch(list(entry.touched))
        versions = [(table, uid, version) for table, uid, _row, version in rows]
        new_id = uuid.uuid4().hex
        await self._store.run(lambda repo: Replica(repo).resend_operation(op_id, new_id, versions))
        self._work.set()
        await self._report()

    # ------------------------------------------------------------------- the loop
    async def run(self) -> None:
        """Until `stop()` or until the server refuses the sign-in (SignedOutError). May be
        run again after it returned."""
        self._stopped = False
        delay = RECONNECT_FIRST_SECONDS
        timeout = aiohttp.ClientTimeout(total=None, connect=CONNECT_SECONDS, sock_read=None)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while not self.is_stopped():
                try:
                    await self._connected(session)
                    delay = RECONNECT_FIRST_SECONDS
                except SignedOutError as refused:
                    await self._set_status(link=Link.SIGNED_OUT, detail=str(refused))
                    raise
                except (aiohttp.ClientError, OSError, TimeoutError, _Dropped, MessageError) as exc:
                    if self.is_stopped():
                        break
                    problem = explain(exc)
                    log.info("team server out of reach: %s", problem)
                    offline_since = self.status.offline_since or self._clock()
                    await self._set_status(
                        link=Link.OFFLINE, offline_since=offline_since, detail=problem.detail
                    )
                finally:
                    self._ws = None
                    self.in_flight.clear()
                    for waiter in self._waiters.values():
                        if not waiter.done():
                            waiter.set_exception(_Dropped())
                    self._waiters.clear()
                if self.is_stopped():
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wait_stop(), delay)
                delay = min(delay * 2, RECONNECT_MAX_SECONDS)

    def is_stopped(self) -> bool:
        return self._stopped

    async def _wait_stop(self) -> None:
        while not self.is_stopped():
            await asyncio.sleep(0.05)

    async def _connected(self, session: aiohttp.ClientSession) -> None:
        cursor = await self._store.run(lambda repo: Replica(repo).cursor())
        async with session.ws_connect(
            self._address.sync_url,
            ssl=self._address.ssl_context() or True,
            heartbeat=10.0,
            max_msg_size=0,
        ) as ws:
            self._ws = ws
            await self._send(
                Hello(self._token, self._device, cursor, PROTOCOL_VERSION, schema_fingerprint())
            )
            welcome = await self._receive_directly(ws, Welcome)
            self.welcome = welcome
            log.info("connected to the team server as %s", welcome.account)
            needs_copy = await self._store.run(
                lambda repo: Replica(repo).needs_copy(welcome.baseline, welcome.head)
            )
            if needs_copy:
                await self._first_copy(session)
            await self._set_status(link=Link.ONLINE, offline_since=None, detail="")
            if self._live_report is not None:
                await self._send(self._live_report)
            self._deaf = None
            receiver = asyncio.ensure_future(self._receive_loop(ws))
            try:
                await self._exchange(receiver)
            finally:
                receiver.cancel()
                with contextlib.suppress(asyncio.CancelledError, _Dropped, Exception):
                    await receiver

    async def _exchange(self, receiver: asyncio.Future[None]) -> None:
        self._pull_wanted.set()
        self._work.set()
        while not self.is_stopped():
            if receiver.done():
                receiver.result()
                raise _Dropped()
            pushed = await self._push_waiting()
            if self._pull_wanted.is_set() or pushed:
                self._pull_wanted.clear()
                await self._pull_all()
            if not pushed:
                await self._wait_for_work(receiver)

    async def _wait_for_work(self, receiver: asyncio.Future[None]) -> None:
        work: asyncio.Future[Any] = asyncio.ensure_future(self._work.wait())
        pull: asyncio.Future[Any] = asyncio.ensure_future(self._pull_wanted.wait())
        waits: set[asyncio.Future[Any]] = {work, pull, receiver}
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            work.cancel()
            pull.cancel()
        self._work.clear()

    async def _push_waiting(self) -> bool:
        entries = await self._store.run(
            lambda repo: read_entries(repo.db, state=EntryState.PENDING, limit=PUSH_BATCH)
        )
        if not entries:
            await self._report()
            return False
        self.in_flight = {entry.operation.op_id for entry in entries}
        await self._report()
        answer = await self._request(Push(tuple(e.operation for e in entries)), Pushed)
        touched = {entry.operation.op_id: set(entry.touched) for entry in entries}
        strays: list[RowKey] = []
        for outcome in answer.outcomes:
            if outcome.outcome is Outcome.APPLIED:
                self._own_applied.append(outcome.op_id)
                # Rows this computer made or changed that the server's replay did not: the
                # record's state of them (usually: they do not exist) replaces ours.
                strays.extend(touched.get(outcome.op_id, set()) - set(outcome.rows))
        await self._store.run(lambda repo: _record_outcomes(repo, answer.outcomes))
        self.in_flight = set()
        if strays:
            rows = await self.fetch(strays)
            changed = await self._store.run(lambda repo: Replica(repo).overwrite(rows))
            self._on_changed(changed)
        await self._report()
        return True

    async def _pull_all(self) -> None:
        while True:
            cursor = await self._store.run(lambda repo: Replica(repo).cursor())
            answer = await self._request(Pull(cursor, MAX_PULL), Changes)
            if answer.entries:
                changed = await self._store.run(partial(_apply_changes, entries=answer.entries))
                own = set(self._own_applied)
                # Tables only this computer's own operations touched changed nothing here.
                mine = {e.table for e in answer.entries} - {
                    e.table for e in answer.entries if e.op_id not in own
                }
                if changed - mine:
                    self._on_changed(changed - mine)
            if not answer.more:
                return

    async def _first_copy(self, session: aiohttp.ClientSession) -> None:
        """Take the whole record as one database file in place of this replica (keeping its
        outbox), reporting the bytes received; cancelled by `cancel_first_copy`."""
        replica = await self._store.run(_database_path)
        incoming = replica.with_name(replica.name + ".incoming")
        try:
            async with session.get(
                self._address.base + "/team/snapshot",
                headers={"Authorization": f"Bearer {self._token}"},
                ssl=self._address.ssl_context() or True,
            ) as response:
                if response.status == 401:
                    raise SignedOutError("sign in again")
                if response.status != 200:
                    raise _Dropped()
                total = int(response.headers.get("Content-Length", "0"))
                head = int(response.headers[SNAPSHOT_HEAD_HEADER])
                baseline = int(response.headers[SNAPSHOT_BASELINE_HEADER])
                received = 0
                await self._set_status(first_copy=(0, total))
                with incoming.open("wb") as file:
                    async for chunk in response.content.iter_chunked(FIRST_COPY_CHUNK):
                        if self._first_copy_cancelled:
                            raise _Dropped()
                        await asyncio.to_thread(file.write, chunk)
                        received += len(chunk)
                        await self._set_status(first_copy=(received, total))
                if received != total:
                    raise _Dropped()

            def install(repo: Repository) -> Callable[[], None]:
                outbox = Replica(repo).outbox_rows()
                return partial(install_copy, incoming, replica, head, baseline, outbox)

            await self._store.replace_database(install)
        finally:
            incoming.unlink(missing_ok=True)
        await self._set_status(first_copy=None)
        self._on_changed({"*"})

    # ------------------------------------------------------------------ messages
    async def _send(self, message: object) -> None:
        ws = self._ws
        if ws is None or ws.closed:
            raise _Dropped()
        await ws.send_str(to_json(message))  # type: ignore[arg-type]

    async def _request(self, message: object, answer: type[M]) -> M:
        async with self._asking.setdefault(answer, asyncio.Lock()):
            loop = asyncio.get_running_loop()
            waiter: asyncio.Future[object] = loop.create_future()
            self._waiters[answer] = waiter
            try:
                if self._deaf is not None:
                    raise self._deaf
                await self._send(message)
                result = await asyncio.wait_for(waiter, ANSWER_SECONDS)
            finally:
                self._waiters.pop(answer, None)
        assert isinstance(result, answer)
        return result

    async def _receive_any(self, ws: aiohttp.ClientWebSocketResponse) -> TeamServerMessage:
        frame = await ws.receive()
        if frame.type != aiohttp.WSMsgType.TEXT:
            raise _Dropped()
        message = TEAM_SERVER_MESSAGES.from_json(str(frame.data))
        if isinstance(message, TeamError) and message.code in SIGNED_OUT_CODES:
            raise SignedOutError(message.message or message.code)
        return message

    async def _receive_directly(self, ws: aiohttp.ClientWebSocketResponse, kind: type[M]) -> M:
        while True:
            message = await asyncio.wait_for(self._receive_any(ws), ANSWER_SECONDS)
            if isinstance(message, kind):
                return message
            if isinstance(message, TeamError):
                raise _Dropped()
            self._handle_unsolicited(message)

    async def _receive_loop(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        try:
            while True:
                message = await self._receive_any(ws)
                waiter = self._waiters.get(type(message))
                if waiter is not None and not waiter.done():
                    waiter.set_result(message)
                else:
                    self._handle_unsolicited(message)
        except BaseException as ended:
            # A question still waiting has no answer coming: it ends now, the way the
            # connection did (signed out, dropped), rather than after ANSWER_SECONDS.
            reason = ended if isinstance(ended, SignedOutError) else _Dropped()
            self._deaf = reason
            for waiter in self._waiters.values():
                if not waiter.done():
                    waiter.set_exception(reason)
            raise

    def _handle_unsolicited(self, message: TeamServerMessage) -> None:
        if isinstance(message, Nudge):
            self._pull_wanted.set()
        elif isinstance(message, LiveNow):
            self.live = message.sessions
            self._on_live(message.sessions)
        elif isinstance(message, TeamError):
            log.warning("team server: %s %s", message.code, message.message)
            for waiter in self._waiters.values():
                if not waiter.done():
                    waiter.set_exception(RuntimeError(f"{message.code}: {message.message}"))

    # -------------------------------------------------------------------- status
    async def _entry(self, op_id: str) -> OutboxEntry | None:
        entries = await self._store.run(lambda repo: read_entries(repo.db))
        return next((e for e in entries if e.operation.op_id == op_id), None)

    async def _report(self) -> None:
        waiting, problems = await self._store.run(
            lambda repo: (Replica(repo).waiting_count(), Replica(repo).problem_count())
        )
        await self._set_status(waiting=waiting, problems=problems)

    async def _set_status(self, **changes: object) -> None:
        status = replace(self.status, **changes)  # type: ignore[arg-type]
        if status != self.status:
            self.status = status
            self._on_status(status)


def _apply_changes(repo: Repository, *, entries: tuple[ChangeEntry, ...]) -> set[str]:
    return Replica(repo).apply_changes(entries)


def _database_path(repo: Repository) -> Path:
    row = repo.db.execute("PRAGMA database_list").fetchone()
    return Path(str(row[2]))


def _record_outcomes(repo: Repository, outcomes: tuple[OperationOutcome, ...]) -> None:
    replica = Replica(repo)
    for outcome in outcomes:
        replica.record_outcome(outcome)


def _discard_and_overwrite(
    repo: Repository, op_id: str, rows: list[tuple[str, str, dict[str, JSON] | None, str]]
) -> set[str]:
    replica = Replica(repo)
    replica.forget_operation(op_id)
    return replica.overwrite(rows)
