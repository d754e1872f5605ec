"""What team mode's computers tell each other about changes: operations sent to the team server,
what came of them, and the record's history as clients pull it. Pure data."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from outreach_app.core.model import Role

JSON = None | bool | int | float | str | list["JSON"] | dict[str, "JSON"]
RowKey = tuple[str, str]  # (table, uid)
# The version of a row that was never changed through the team server (imported or seeded).
UNVERSIONED = ""


@dataclass(frozen=True)
class Expectation:
    """The version of a row that an operation was based on (the id of the operation that last
    changed it, as the sending computer saw it)."""

    table: str
    uid: str
    version: str


@dataclass(frozen=True)
class PushedOperation:
    op_id: str
    name: str
    arguments: dict[str, JSON]
    at: datetime
    expectations: tuple[Expectation, ...] = ()
    # What the record ids of the rows the operation makes are derived from: its first op id,
    # kept when the same operation is sent again under a new id (the person kept their
    # version after a conflict), so that its rows keep their ids.
    uid_seed: str = ""


class Outcome(enum.StrEnum):
    APPLIED = "applied"
    # Based on versions that are no longer current: the person chooses what stays.
    CONFLICT = "conflict"
    # Not allowed: the role may not run it, or a rule of the record refuses it.
    REFUSED = "refused"
    # Not an operation the server can read at all.
    INVALID = "invalid"


@dataclass(frozen=True)
class OperationOutcome:
    op_id: str
    outcome: Outcome
    # The English template of the reason (translated by the app) and its values.
    message: str = ""
    params: dict[str, str] = field(default_factory=dict)
    # Rows the server changed (applied) or the rows in conflict.
    rows: tuple[RowKey, ...] = ()


@dataclass(frozen=True)
class ChangeEntry:
    """One row as an accepted operation left it: `row` None means it was deleted."""

    seq: int
    op_id: str
    table: str
    uid: str
    row: dict[str, JSON] | None


@dataclass(frozen=True)
class AccountView:
    name: str
    display_name: str
    role: Role
    disabled: bool = False


@dataclass(frozen=True)
class CallLinks:
    """A session's links as the team server hands them out, in this computer's ids."""

    session_number: int  # what the server's signaling calls the session
    host_token: str  # empty unless this person runs calls
    # site's local id -> (its number on the server, join link, check link)
    sites: dict[int, tuple[int, str, str]]
