"""What importing a board's export does to each demand: a new item, or the board's progress
brought to the item stored before. Pure functions; no Qt, no I/O.

A message the record holds already (by the board's message id, else by its date, channel, area
and text) takes the board's new steps only where they carry it further than where it stands,
after everything it holds: what was done here is never undone. The unit, the claimant and the
response follow the board while they are what the board said last time (nobody here changed
them). Where the board and the work done here differ, the difference is listed, never written
over: a `Disagreement`, which the UI and the command line put in words.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from outreach_app.core.demand_import import STEP_RANK, DemandRow
from outreach_app.core.model import FollowUpStatus

BoardStep = tuple[FollowUpStatus, datetime, str]  # status, when, note


class ImportAction(enum.StrEnum):
    NEW = "new"  # not in the record: made with the board's steps
    UPDATE = "update"  # in the record: the board brings steps or values
    UNCHANGED = "unchanged"  # in the record, and the board brings nothing new
    REPEATED = "repeated"  # the file holds the same demand on an earlier line
    OTHER_MESSAGE = "other_message"  # the id or the text belongs to another stored message


class DisagreementKind(enum.StrEnum):
    STATUS = "status"
    UNIT = "unit"
    CLAIMANT = "claimant"
    RESPONSE = "response"
    OTHER_MESSAGE = "other_message"


@dataclass(frozen=True)
class Disagreement:
    """The board says `board`, the record here `here` (statuses by their value); for a status,
    since when each has stood."""

    kind: DisagreementKind
    board: str
    here: str
    board_since: datetime | None = None
    here_since: datetime | None = None

    def english(self) -> str:
        """For the command line and the audit trail; the app words it in the user's language."""
        if self.kind is DisagreementKind.OTHER_MESSAGE:
            return f"the record holds another message under this id or text ({self.here})"
        if self.kind is DisagreementKind.STATUS:
            board = f"{self.board} since {_stamp(self.board_since)}"
            here = f"{self.here} since {_stamp(self.here_since)}"
            return f"the board says {board}; here it is {here}"
        name = {"unit": "responsible unit", "claimant": "claimed by", "response": "response"}[
            self.kind.value
        ]
        return f"{name}: the board says “{self.board}”, here “{self.here}”"


def _stamp(moment: datetime | None) -> str:
    return moment.isoformat(sep=" ", timespec="minutes") if moment else "?"


@dataclass(frozen=True)
class StoredDemand:
    """A demand as the record holds it, with what the board said about it last time."""

    follow_up_id: int
    received_on: date
    message_id: str
    fingerprint: str
    status: FollowUpStatus
    steps: Sequence[tuple[FollowUpStatus, datetime]]  # its history, in order
    owner: str = ""
    claimed_by: str = ""
    response: str = ""
    board_unit: str = ""
    board_claimed_by: str = ""
    board_response: str = ""


@dataclass(frozen=True)
class DemandPlan:
    """What the import does with one line of the file."""

    line: int
    action: ImportAction
    follow_up_id: int | None = None  # the stored item, for all but NEW
    steps: tuple[BoardStep, ...] = ()  # to add to the item's history
    status: FollowUpStatus = FollowUpStatus.OPEN  # where the item stands afterwards
    values: dict[str, str] = field(default_factory=dict)  # owner, claimed_by, response to set
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def changes(self) -> bool:
        return self.action is ImportAction.NEW or bool(self.steps or self.values)


def _reached(status: FollowUpStatus, step: FollowUpStatus) -> bool:
    return STEP_RANK[status] >= STEP_RANK[step]


def plan_new(row: DemandRow) -> DemandPlan:
    steps = tuple(row.board_steps)
    status = steps[-1][0] if steps else FollowUpStatus.OPEN
    values = {"owner": row.unit}
    if _reached(status, FollowUpStatus.CLAIMED):
        values["claimed_by"] = row.claimed_by
    if _reached(status, FollowUpStatus.RESPONDED):
        values["response"] = row.response
    return DemandPlan(row.line, ImportAction.NEW, None, steps, status, values)


def plan_update(stored: StoredDemand, row: DemandRow) -> DemandPlan:
    """The board's row against the item stored for the same message."""
    if stored.received_on != row.received_on or (
        stored.message_id and row.message_id and stored.message_id != row.message_id
    ):
        other = stored.message_id or stored.received_on.isoformat()
        return DemandPlan(
            row.line,
            ImportAction.OTHER_MESSAGE,
            stored.follow_up_id,
            status=stored.status,
            disagreements=(Disagreement(DisagreementKind.OTHER_MESSAGE, row.message_id, other),),
        )
    known = set(stored.steps)
    status = stored.status
    since = stored.steps[-1][1] if stored.steps else None
    added: list[BoardStep] = []
    for step, at, note in row.board_steps:
        if (step, at) in known:
            continue
        if STEP_RANK[step] > STEP_RANK[status] and (since is None or at >= since):
            added.append((step, at, note))
            status, since = step, at
    disagreements: list[Disagreement] = []
    if row.board_status is not status:
        board_steps = row.board_steps
        disagreements.append(
            Disagreement(
                DisagreementKind.STATUS,
                row.board_status.value,
                status.value,
                board_steps[-1][1] if board_steps else None,
                since,
            )
        )
    values: dict[str, str] = {}
    for name, kind, board, here, last, applies in (
        ("owner", DisagreementKind.UNIT, row.unit, stored.owner, stored.board_unit, True),
        (
            "claimed_by",
            DisagreementKind.CLAIMANT,
            row.claimed_by,
            stored.claimed_by,
            stored.board_claimed_by,
            _reached(status, FollowUpStatus.CLAIMED),
        ),
        (
            "response",
            DisagreementKind.RESPONSE,
            row.response,
            stored.response,
            stored.board_response,
            _reached(status, FollowUpStatus.RESPONDED),
        ),
    ):
        if not board or not applies or board == here:
            continue
        if not here or here == last:
            values[name] = board
        else:
            disagreements.append(Disagreement(kind, board, here))
    action = ImportAction.UPDATE if added or values else ImportAction.UNCHANGED
    return DemandPlan(
        row.line,
        action,
        stored.follow_up_id,
        tuple(added),
        status,
        values,
        tuple(disagreements),
    )


def plan_repeated(row: DemandRow) -> DemandPlan:
    return DemandPlan(row.line, ImportAction.REPEATED)
