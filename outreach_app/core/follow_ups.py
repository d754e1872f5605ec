"""The follow-up workflow: which step may follow which, what each step needs, which due date
applies, and when an item is overdue. Pure functions; no Qt, no I/O.

    open ──claim──▶ claimed ──respond──▶ responded ──solve──▶ solved
                       └────────────solve──────────────────────▲
    claimed, responded, solved ──reopen──▶ open

A due date is the last day on which the step may still happen: an item is overdue from the day
after it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from outreach_app.core.model import FollowUp, FollowUpStatus, Satisfaction
from outreach_app.core.rules import RuleError


class FollowUpAction(enum.StrEnum):
    CLAIM = "claim"
    RESPOND = "respond"
    SOLVE = "solve"
    REOPEN = "reopen"


class FollowUpRuleError(RuleError):
    """A step the workflow refuses; `template` (English) is translated by the UI."""


# The status each action leads to.
TARGET: dict[FollowUpAction, FollowUpStatus] = {
    FollowUpAction.CLAIM: FollowUpStatus.CLAIMED,
    FollowUpAction.RESPOND: FollowUpStatus.RESPONDED,
    FollowUpAction.SOLVE: FollowUpStatus.SOLVED,
    FollowUpAction.REOPEN: FollowUpStatus.OPEN,
}

# The actions allowed from each status, in the order a user takes them.
ALLOWED: dict[FollowUpStatus, tuple[FollowUpAction, ...]] = {
    FollowUpStatus.OPEN: (FollowUpAction.CLAIM,),
    FollowUpStatus.CLAIMED: (FollowUpAction.RESPOND, FollowUpAction.SOLVE, FollowUpAction.REOPEN),
    FollowUpStatus.RESPONDED: (FollowUpAction.SOLVE, FollowUpAction.REOPEN),
    FollowUpStatus.SOLVED: (FollowUpAction.REOPEN,),
}

# The fields of StepInput each action needs (satisfaction is optional when solving).
REQUIRED_FIELDS: dict[FollowUpAction, tuple[str, ...]] = {
    FollowUpAction.CLAIM: ("claimed_by", "owner"),
    FollowUpAction.RESPOND: ("response",),
    FollowUpAction.SOLVE: ("resolution",),
    FollowUpAction.REOPEN: ("reason",),
}

# Steps in workflow order; used to find the deadlines still ahead of an item.
STEP_ORDER: tuple[FollowUpStatus, ...] = (
    FollowUpStatus.OPEN,
    FollowUpStatus.CLAIMED,
    FollowUpStatus.RESPONDED,
    FollowUpStatus.SOLVED,
)

_AHEAD = {status: STEP_ORDER[STEP_ORDER.index(status) + 1 :] for status in STEP_ORDER}

# Suggested time to claim and to respond, counted from the day the commitment was made.
CLAIM_WITHIN_DAYS = 3
RESPOND_WITHIN_DAYS = 10


@dataclass(frozen=True)
class StepInput:
    """What a person gives for a step. Only the fields the action needs are read."""

    claimed_by: str = ""
    owner: str = ""
    response: str = ""
    resolution: str = ""
    satisfaction: Satisfaction | None = None
    reason: str = ""


@dataclass(frozen=True)
class Overdue:
    """The step an item is late for, its due date and by how many days (at least 1)."""

    step: FollowUpStatus
    due: date
    days: int


def next_actions(status: FollowUpStatus) -> tuple[FollowUpAction, ...]:
    return ALLOWED[status]


def can(status: FollowUpStatus, action: FollowUpAction) -> bool:
    return action in ALLOWED[status]


def check_transition(status: FollowUpStatus, action: FollowUpAction) -> None:
    if can(status, action):
        return
    if action is FollowUpAction.CLAIM:
        raise FollowUpRuleError("only an open follow-up can be claimed")
    if action is FollowUpAction.RESPOND:
        raise FollowUpRuleError("only a claimed follow-up can be marked as responded")
    if action is FollowUpAction.SOLVE:
        raise FollowUpRuleError("only a claimed or responded follow-up can be solved")
    raise FollowUpRuleError("this follow-up is already open")


def validate_step(
    status: FollowUpStatus, current_owner: str, action: FollowUpAction, given: StepInput
) -> StepInput:
    """The step's input, cleaned; raises FollowUpRuleError when the step is not allowed from
    `status` or a field it needs is empty. A claim keeps the current owner unit unless another
    is given; an item without a unit must be given one."""
    check_transition(status, action)
    if action is FollowUpAction.CLAIM:
        claimed_by = given.claimed_by.strip()
        owner = given.owner.strip() or current_owner.strip()
        if not claimed_by:
            raise FollowUpRuleError("say who takes this follow-up: a named person in the unit")
        if not owner:
            raise FollowUpRuleError("say which unit takes this follow-up")
        return StepInput(claimed_by=claimed_by, owner=owner)
    if action is FollowUpAction.RESPOND:
        response = given.response.strip()
        if not response:
            raise FollowUpRuleError("say what has been done so far")
        return StepInput(response=response)
    if action is FollowUpAction.SOLVE:
        resolution = given.resolution.strip()
        if not resolution:
            raise FollowUpRuleError("describe the outcome: what was solved and how")
        return StepInput(resolution=resolution, satisfaction=given.satisfaction)
    reason = given.reason.strip()
    if not reason:
        raise FollowUpRuleError("say why the follow-up is reopened")
    return StepInput(reason=reason)


def step_note(action: FollowUpAction, cleaned: StepInput) -> str:
    """What the step's history keeps as its note."""
    return {
        FollowUpAction.CLAIM: cleaned.claimed_by,
        FollowUpAction.RESPOND: cleaned.response,
        FollowUpAction.SOLVE: cleaned.resolution,
        FollowUpAction.REOPEN: cleaned.reason,
    }[action]


def check_due_dates(claim_due: date | None, respond_due: date | None, due: date | None) -> None:
    """Steps happen in order, so their due dates must not run backwards."""
    if claim_due is not None and respond_due is not None and claim_due > respond_due:
        raise FollowUpRuleError("the date to claim by must not be after the date to respond by")
    if respond_due is not None and due is not None and respond_due > due:
        raise FollowUpRuleError("the date to respond by must not be after the date to solve by")
    if claim_due is not None and due is not None and claim_due > due:
        raise FollowUpRuleError("the date to claim by must not be after the date to solve by")


def suggested_due_dates(made_on: date, due: date | None) -> tuple[date, date]:
    """Dates to claim and to respond by for a commitment made on `made_on`, never after `due`."""
    claim_due = made_on + timedelta(days=CLAIM_WITHIN_DAYS)
    respond_due = made_on + timedelta(days=RESPOND_WITHIN_DAYS)
    if due is not None:
        claim_due = min(claim_due, due)
        respond_due = min(respond_due, due)
    return claim_due, respond_due


def step_due(follow_up: FollowUp, step: FollowUpStatus) -> date | None:
    """The date by which the item must reach `step`."""
    if step is FollowUpStatus.CLAIMED:
        return follow_up.claim_due
    if step is FollowUpStatus.RESPONDED:
        return follow_up.respond_due
    if step is FollowUpStatus.SOLVED:
        return follow_up.due
    return None


def pending_deadlines(follow_up: FollowUp) -> list[tuple[FollowUpStatus, date]]:
    """The due dates of the steps the item has not reached yet, in workflow order."""
    ahead = _AHEAD[follow_up.status]
    return [(step, day) for step in ahead if (day := step_due(follow_up, step)) is not None]


def next_due(follow_up: FollowUp) -> tuple[FollowUpStatus, date] | None:
    """The due date that applies at the item's status: its next step's, or, when that step has
    none, the first later one (an open item with only a solve-by date must be solved by then)."""
    deadlines = pending_deadlines(follow_up)
    return deadlines[0] if deadlines else None


def overdue(follow_up: FollowUp, today: date) -> Overdue | None:
    """The missed deadline that is furthest past, or None when the item is on time or solved."""
    missed = [
        Overdue(step, day, (today - day).days)
        for step, day in pending_deadlines(follow_up)
        if day < today
    ]
    if not missed:
        return None
    return max(missed, key=lambda late: late.days)


def is_overdue(follow_up: FollowUp, today: date) -> bool:
    return overdue(follow_up, today) is not None
