"""The office's record served to its apps: sign-in, sync, live sessions, invitations, accounts.

One `TeamService` runs inside the server's event loop. The record's database belongs to one
worker thread (storage/worker.py); every request that reads or writes it is queued there, so
operations from all apps are applied one after another in the order they arrive. Who a request
comes from is the sign-in behind its token, checked against the record (revoked, expired,
disabled) and never taken from the request.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from outreach_app.core import invitations, tokens
from outreach_app.core.model import Role, SiteCheck
from outreach_app.core.permissions import KEEPING_ACCOUNTS, RUNNING_CALLS, STAFF
from outreach_app.core.sync_model import (
    JSON,
    AccountView,
    ChangeEntry,
    OperationOutcome,
    Outcome,
    PushedOperation,
)
from outreach_app.core.team_protocol import FetchedRow, LiveSession, SiteLinks
from outreach_app.storage.change_tracking import ChangeTracker
from outreach_app.storage.errors import StoreError
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import local_id_of, read_row, uid_of
from outreach_app.storage.worker import StoreWorker
from outreach_app.team.accounts import Account, AccountError, Accounts, SignIn
from outreach_app.team.executor import execute
from outreach_app.team.importer import BASELINE_KEY
from outreach_app.team.passwords import DEFAULT_COST, PasswordRuleError, ScryptCost
from outreach_app.team.record import (
    OFFICE_NAME_KEY,
    RECORD_ID_KEY,
    RecordFolder,
    open_record,
    read_secret,
    setting,
)
from outreach_app.team.record_keeper import RecordKeeper
from outreach_app.team.throttle import SignInThrottle

log = logging.getLogger(__name__)

SESSION_TOKEN_KIND: Final = "team-session"
# A sign-in lasts a working day and a night; an app signs in again after that.
SIGN_IN_LIFETIME_SECONDS: Final = 16 * 3600
# Invitations handed out by the record last until the session's day is over.
INVITATION_GRACE_SECONDS: Final = 12 * 3600


class SignInRefused(Exception):
    """Wrong name or password (which one is not said), or a disabled account."""


class SignInThrottled(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"too many failed sign-ins; try again in {retry_after:.0f} s")
        self.retry_after = retry_after


class NotAllowed(Exception):
    """The signed-in account's role may not ask for this."""


@dataclass(frozen=True)
class SignedIn:
    token: str
    sign_in: SignIn


@dataclass(frozen=True)
class RecordIdentity:
    record_id: str
    office: str


class TeamService:
    def __init__(
        self,
        folder: RecordFolder,
        *,
        clock: Callable[[], float] = time.time,
        cost: ScryptCost = DEFAULT_COST,
        sign_in_lifetime: float = SIGN_IN_LIFETIME_SECONDS,
    ) -> None:
        self.folder = folder
        self.secret = read_secret(folder)
        self._clock = clock
        self._cost = cost
        self._sign_in_lifetime = sign_in_lifetime
        self.throttle = SignInThrottle(clock)
        self._keeper: RecordKeeper | None = None
        self._accounts: Accounts | None = None
        self.worker = StoreWorker(self._open, name="outreach-record")
        self.identity = self.worker.call(
            lambda repo: RecordIdentity(
                setting(repo, RECORD_ID_KEY) or "", setting(repo, OFFICE_NAME_KEY) or ""
            )
        )
        self.live: dict[str, LiveSession] = {}
        # Which sign-in reported each live call.
        self.live_reporters: dict[str, str] = {}

    def _open(self) -> Repository:
        repo = open_record(self.folder)
        self._keeper = RecordKeeper(repo.db, ChangeTracker())
        self._keeper.install()
        repo.connection.observer = self._keeper
        self._accounts = Accounts(repo.db, cost=self._cost)
        return repo

    @property
    def keeper(self) -> RecordKeeper:
        assert self._keeper is not None
        return self._keeper

    @property
    def accounts(self) -> Accounts:
        assert self._accounts is not None
        return self._accounts

    def close(self) -> None:
        self.worker.close()

    # -------------------------------------------------------------------- sign-in
    async def sign_in(self, name: str, password: str, device: str, address: str) -> SignedIn:
        wait = self.throttle.wait_seconds(name, address)
        if wait > 0:
            raise SignInThrottled(wait)
        now = self._clock()

        def check(_repo: Repository) -> SignIn | None:
            account = self.accounts.check_password(name, password)
            if account is None:
                return None
            return self.accounts.record_sign_in(
                account, device=device, address=address, now=now, lifetime=self._sign_in_lifetime
            )

        sign_in = await self.worker.run(check)
        if sign_in is None:
            self.throttle.failed(name, address)
            raise SignInRefused("wrong name or password, or the account is disabled")
        self.throttle.succeeded(name)
        token = tokens.sign(
            self.secret,
            {"acc": sign_in.account.id},
            SESSION_TOKEN_KIND,
            expires_at=int(sign_in.expires_at),
            token_id=sign_in.token_id[:32],
            record=self.identity.record_id,
        )
        log.info("%s signed in from %s (%s)", sign_in.account.name, address, device)
        return SignedIn(token, sign_in)

    async def authenticate(self, token: str) -> SignIn:
        """The live sign-in behind `token`; tokens.InvalidToken or SignInRefused if none."""
        now = self._clock()
        verified = tokens.verify(
            self.secret, token, SESSION_TOKEN_KIND, now, record=self.identity.record_id
        )
        sign_in = await self.worker.run(
            lambda _repo: self.accounts.live_sign_in(verified.token_id, now)
        )
        if sign_in is None:
            raise SignInRefused("this sign-in was revoked")
        return sign_in

    async def sign_out(self, sign_in: SignIn) -> None:
        now = self._clock()
        await self.worker.run(lambda _repo: self.accounts.revoke(sign_in.token_id, now))

    async def revoked_since(self, since: float) -> set[str]:
        return await self.worker.run(lambda _repo: self.accounts.revoked_since(since))

    async def still_valid(self, token_ids: set[str]) -> set[str]:
        """Of `token_ids`, those whose sign-in is still live now."""
        now = self._clock()

        def check(_repo: Repository) -> set[str]:
            return {t for t in token_ids if self.accounts.live_sign_in(t, now) is not None}

        return await self.worker.run(check)

    # ------------------------------------------------------------------------ sync
    async def push(
        self, sign_in: SignIn, device: str, operations: tuple[PushedOperation, ...]
    ) -> list[OperationOutcome]:
        account = sign_in.account
        now = datetime.fromtimestamp(self._clock()).replace(microsecond=0)

        def apply_all(repo: Repository) -> list[OperationOutcome]:
            return [execute(repo, self.keeper, account, device, op, now) for op in operations]

        outcomes = await self.worker.run(apply_all)
        applied = sum(1 for o in outcomes if o.outcome is Outcome.APPLIED)
        if applied:
            log.info("%s: %d of %d operations applied", account.name, applied, len(outcomes))
        return outcomes

    async def head(self) -> int:
        return await self.worker.run(lambda _repo: self.keeper.head())

    async def baseline(self) -> int:
        value = await self.worker.run(lambda repo: setting(repo, BASELINE_KEY))
        return int(value or 0)

    async def changes(self, cursor: int, limit: int) -> tuple[list[ChangeEntry], int]:
        def read(_repo: Repository) -> tuple[list[ChangeEntry], int]:
            return self.keeper.changes_since(cursor, limit), self.keeper.head()

        return await self.worker.run(read)

    async def fetch(self, keys: tuple[tuple[str, str], ...]) -> list[FetchedRow]:
        def read(repo: Repository) -> list[FetchedRow]:
            fetched: list[FetchedRow] = []
            for table, uid in keys:
                row = read_row(repo.db, table, uid)
                cells: dict[str, JSON] | None = None if row is None else dict(row.items())
                fetched.append((table, uid, cells, self.keeper.version((table, uid))))
            return fetched

        return await self.worker.run(read)

    async def record_check(self, check: SiteCheck) -> None:
        """A site's pre-call check, posted to this server: kept in the record for every desk."""
        try:
            await self.worker.run(lambda repo: repo.calls.record_site_check(check))
        except StoreError:
            log.info("a check for a session or site the record does not have", exc_info=True)

    # ------------------------------------------------------------------ live calls
    def set_live(self, sign_in: SignIn, session: str, floor: str | None, on: bool) -> None:
        if sign_in.account.role not in RUNNING_CALLS:
            raise NotAllowed("only an official runs a call")
        if on:
            self.live[session] = LiveSession(session, floor, sign_in.account.name)
            self.live_reporters[session] = sign_in.token_id
        else:
            self.live.pop(session, None)
            self.live_reporters.pop(session, None)

    def forget_live_of(self, token_id: str) -> bool:
        """The official's app that reported these calls has been gone too long: they are no
        longer shown live (it reports them again when it is back). Whether any was dropped."""
        gone = [s for s, reporter in self.live_reporters.items() if reporter == token_id]
        for session in gone:
            self.live.pop(session, None)
            self.live_reporters.pop(session, None)
        return bool(gone)

    # ------------------------------------------------------------------- invitations
    async def invitations(
        self, sign_in: SignIn, session_uid: str, base_url: str
    ) -> tuple[list[SiteLinks], str, int]:
        """Links for every site of a session, the host token for officials ("" for others),
        and the session's number on this server (what the signaling server calls it)."""
        role = sign_in.account.role
        if role not in STAFF | RUNNING_CALLS:
            raise NotAllowed("only staff and officials hand out invitations")
        now = int(self._clock())

        def read(repo: Repository) -> tuple[int, list[tuple[int, str]], float]:
            session_id = local_id_of(repo.db, "sessions", session_uid)
            assert session_id is not None
            session = repo.sessions.get_session(session_id)
            ends = session.start.timestamp() + session.duration_minutes * 60
            sites = [
                (slot.site_id, uid_of(repo.db, "sites", slot.site_id) or "")
                for slot in session.sites
            ]
            return session_id, sites, ends

        session_id, sites, ends = await self.worker.run(read)
        # A link made weeks ahead is honoured from 30 days before it expires (the signaling
        # server's rule), so it is made for the session's day, not capped here.
        expires = int(max(ends + INVITATION_GRACE_SECONDS, now + 3600))
        record = self.identity.record_id
        links = []
        for site_id, site_uid in sites:
            token = invitations.issue_site_token(
                self.secret, session_id, site_id, expires, record=record
            )
            join = invitations.join_url(base_url, token)
            links.append(SiteLinks(site_uid, site_id, join, join.replace("/join/", "/check/", 1)))
        host = ""
        if role in RUNNING_CALLS:
            host_expires = min(expires, now + invitations.MAX_HOST_TOKEN_SECONDS)
            host = invitations.issue_host_token(
                self.secret, session_id, host_expires, record=record
            )
        return links, host, session_id

    # ------------------------------------------------------------------------ accounts
    async def keep_accounts(
        self, sign_in: SignIn, action: str, name: str, role: str, password: str, display: str
    ) -> tuple[list[AccountView], set[str]]:
        """Do `action`; the accounts afterwards, and the token ids whose sign-ins it revoked."""
        if sign_in.account.role not in KEEPING_ACCOUNTS:
            raise NotAllowed("only an administrator keeps accounts")
        now = self._clock()

        def run(_repo: Repository) -> tuple[list[AccountView], set[str]]:
            accounts = self.accounts
            if action == "add":
                accounts.add(name, Role(role), password, display_name=display)
            elif action in ("disable", "enable"):
                accounts.set_disabled(name, action == "disable", now)
            elif action == "reset":
                accounts.set_password(name, password, now)
            revoked = accounts.revoked_since(now) if action in ("disable", "reset") else set()
            return [_view(a) for a in accounts.all()], revoked

        try:
            return await self.worker.run(run)
        except (AccountError, PasswordRuleError, ValueError) as exc:
            raise AccountError(str(exc)) from exc


def _view(account: Account) -> AccountView:
    return AccountView(account.name, account.display_name, account.role, account.disabled)


async def watch_sign_ins(
    service: TeamService,
    live_tokens: Callable[[], set[str]],
    cut: Callable[[set[str], str], None],
    *,
    every: float = 1.0,
) -> None:
    """Cut the connections of sign-ins that were revoked or expired, within `every` seconds,
    also when an administrator changed accounts from the command line."""
    while True:
        await asyncio.sleep(every)
        connected = live_tokens()
        if not connected:
            continue
        try:
            valid = await service.still_valid(connected)
        except Exception:  # the record's thread is stopping
            log.exception("cannot check sign-ins")
            continue
        gone = connected - valid
        if gone:
            cut(gone, "signed out, revoked, disabled or expired")
