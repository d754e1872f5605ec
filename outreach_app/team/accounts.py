"""The office's accounts: who may sign in, with which role, and their sign-ins.

Used on the thread that owns the record's database (see storage/worker.py). Passwords are kept
only as scrypt hashes; a sign-in is a row named by its token id, so that signing out, disabling
an account or resetting its password revokes tokens that have not yet expired.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlite_utils import Database

from outreach_app.core.model import Role
from outreach_app.team.passwords import (
    DEFAULT_COST,
    ScryptCost,
    check_password_rules,
    dummy_hash,
    hash_password,
    verify_password,
)

_NAME: Final = re.compile(r"[^\s/\\:]{1,64}")
# Roles an account can have; the administrator keeps accounts and also reads everything.
ACCOUNT_ROLES: Final = (Role.STAFF, Role.OFFICIAL, Role.NOTE_TAKER, Role.REVIEWER, Role.ADMIN)


class AccountError(Exception):
    """A request about accounts that cannot be done; the message says why in plain words."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    display_name: str
    role: Role
    disabled: bool
    created_at: str


@dataclass(frozen=True)
class SignIn:
    token_id: str
    account: Account
    expires_at: float


def check_account_name(name: str) -> str:
    name = name.strip()
    if not _NAME.fullmatch(name):
        raise AccountError(
            "an account name is 1-64 characters without spaces, slashes or colons: " + repr(name)
        )
    return name


class Accounts:
    def __init__(self, db: Database, *, cost: ScryptCost = DEFAULT_COST) -> None:
        self._db = db
        self._cost = cost
        self._dummy = dummy_hash(cost)

    def add(self, name: str, role: Role, password: str, *, display_name: str = "") -> Account:
        name = check_account_name(name)
        if role not in ACCOUNT_ROLES:
            raise AccountError(f"unknown role {role!r}")
        check_password_rules(password)
        if self._row_by_name(name) is not None:
            raise AccountError(f"there is already an account named {name}")
        now = _now()
        with self._db.conn:
            cursor = self._db.execute(
                "INSERT INTO team_accounts (name, display_name, role, password_hash, created_at,"
                " password_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    name,
                    display_name.strip() or name,
                    role.value,
                    hash_password(password, self._cost),
                    now,
                    now,
                ),
            )
        return self.get(int(cursor.lastrowid or 0))

    def get(self, account_id: int) -> Account:
        row = self._db.execute(
            f"SELECT {_ACCOUNT_COLUMNS} FROM team_accounts WHERE id = ?", (account_id,)
        ).fetchone()
        if row is None:
            raise AccountError(f"no account {account_id}")
        return _account(row)

    def by_name(self, name: str) -> Account:
        row = self._row_by_name(name.strip())
        if row is None:
            raise AccountError(f"there is no account named {name.strip()}")
        return _account(row)

    def all(self) -> list[Account]:
        rows = self._db.execute(
            f"SELECT {_ACCOUNT_COLUMNS} FROM team_accounts ORDER BY name"
        ).fetchall()
        return [_account(row) for row in rows]

    def set_disabled(self, name: str, disabled: bool, now: float) -> Account:
        account = self.by_name(name)
        with self._db.conn:
            self._db.execute(
                "UPDATE team_accounts SET disabled = ? WHERE id = ?", (int(disabled), account.id)
            )
            if disabled:
                self._revoke_all(account.id, now)
        return self.get(account.id)

    def set_password(self, name: str, password: str, now: float) -> None:
        account = self.by_name(name)
        check_password_rules(password)
        with self._db.conn:
            self._db.execute(
                "UPDATE team_accounts SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                (hash_password(password, self._cost), _now(), account.id),
            )
            self._revoke_all(account.id, now)

    def check_password(self, name: str, password: str) -> Account | None:
        """The account if `password` is its password and it may sign in; None otherwise. A
        name that does not exist costs the same time as a wrong password."""
        row = self._row_by_name(name.strip()) if _NAME.fullmatch(name.strip()) else None
        stored = self._dummy if row is None else str(row[-1])
        matches = verify_password(password, stored)
        if row is None or not matches:
            return None
        account = _account(row)
        return None if account.disabled else account

    def record_sign_in(
        self, account: Account, *, device: str, address: str, now: float, lifetime: float
    ) -> SignIn:
        token_id = uuid.uuid4().hex
        with self._db.conn:
            self._db.execute(
                "INSERT INTO team_sign_ins (token_id, account_id, device, address, created_at,"
                " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                (token_id, account.id, device[:100], address[:100], now, now + lifetime),
            )
        return SignIn(token_id, account, now + lifetime)

    def live_sign_in(self, token_id: str, now: float) -> SignIn | None:
        """The sign-in behind a token, if it is neither revoked, expired nor disabled."""
        row = self._db.execute(
            "SELECT account_id, expires_at, revoked_at FROM team_sign_ins WHERE token_id = ?",
            (token_id,),
        ).fetchone()
        if row is None or row[2] is not None or float(row[1]) <= now:
            return None
        account = self.get(int(row[0]))
        if account.disabled:
            return None
        return SignIn(token_id, account, float(row[1]))

    def revoke(self, token_id: str, now: float) -> None:
        with self._db.conn:
            self._db.execute(
                "UPDATE team_sign_ins SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
                (now, token_id),
            )

    def revoked_since(self, since: float) -> set[str]:
        """Token ids revoked at or after `since`: their live connections must be cut."""
        rows = self._db.execute(
            "SELECT token_id FROM team_sign_ins WHERE revoked_at >= ?", (since,)
        ).fetchall()
        return {str(row[0]) for row in rows}

    def _revoke_all(self, account_id: int, now: float) -> None:
        self._db.execute(
            "UPDATE team_sign_ins SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
            (now, account_id),
        )

    def _row_by_name(self, name: str) -> tuple[object, ...] | None:
        row: tuple[object, ...] | None = self._db.execute(
            f"SELECT {_ACCOUNT_COLUMNS}, password_hash FROM team_accounts WHERE name = ?",
            (name,),
        ).fetchone()
        return row


_ACCOUNT_COLUMNS: Final = "id, name, display_name, role, disabled, created_at"


def _account(row: tuple[object, ...]) -> Account:
    return Account(
        id=int(str(row[0])),
        name=str(row[1]),
        display_name=str(row[2]),
        role=Role(str(row[3])),
        disabled=bool(row[4]),
        created_at=str(row[5]),
    )


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat(sep=" ")
