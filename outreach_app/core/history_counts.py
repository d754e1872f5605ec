"""What each demand's history counts for in a period. Pure functions; no Qt, no I/O.

A follow-up's history is its steps, oldest first (FollowUpStep: open, claimed, responded,
solved, and open again when it is reopened), each with the time it happened. Every figure of a
period is read from the steps that happened in it, and the state at its end from the last step
before that end; a later reopen, correction or import adds steps later in the history and so
changes no earlier period:

- received: the item was made (committed in a session, or received by a message board) in it;
- claimed: the item reached claimed in it, that is a step took it from open to claimed or
  further (an answer or solution with no claim before it, as boards export, counts as the claim);
- responded, solved: it had a response, a solution in it;
- responded or solved (the boards' headline measure): it had either in it, counted once;
- its state at the end: the status of its last step before the end (open if none);
- on time: its last solution in the period came no later than the due date in force then.

Claims by leaders: how many different people claimed items in the period, and which units (a
site's region, else the site itself) had at least one item claimed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from outreach_app.core.model import FollowUpStatus
from outreach_app.core.statistics import (
    ClaimFigures,
    Counts,
    FigureRow,
    Period,
    PeriodFigures,
    figures_from_rows,
)

OPEN = FollowUpStatus.OPEN
CLAIMED = FollowUpStatus.CLAIMED
RESPONDED = FollowUpStatus.RESPONDED
SOLVED = FollowUpStatus.SOLVED


@dataclass(frozen=True)
class HistoryStep:
    status: FollowUpStatus
    at: datetime
    # Who claimed (claimed steps); the due date in force when it was solved (solved steps).
    claimant: str = ""
    due: date | None = None


@dataclass(frozen=True)
class ItemHistory:
    """A follow-up as the statistics see it: where it belongs, when it was made, its steps in
    the order they happened."""

    created_at: datetime
    site_id: int
    site_name: str
    unit: str  # the site's region, else its name
    channel: str = ""  # "" for a commitment made in a session
    category: str = ""
    session_kind: str = ""  # "" for an imported demand
    steps: Sequence[HistoryStep] = field(default_factory=tuple)


def period_bounds(period: Period) -> tuple[datetime, datetime]:
    """The first moment of the period and the first moment after it."""
    start = datetime.combine(period.start, datetime.min.time())
    after = period.last.shifted(1)
    return start, datetime(after.year, after.month, 1)


def _is_claim(before: FollowUpStatus, step: HistoryStep) -> bool:
    return before is OPEN and step.status is not OPEN


@dataclass(frozen=True)
class ItemInPeriod:
    """What one item counts for in one period."""

    counts: Counts
    claimants: frozenset[str]
    claimed: bool


def item_in_period(item: ItemHistory, start: datetime, after: datetime) -> ItemInPeriod:
    state = OPEN
    claimed = responded = solved = False
    claimants: set[str] = set()
    last_solve: HistoryStep | None = None
    for step in item.steps:
        if step.at >= after:
            break
        if step.at >= start:
            if _is_claim(state, step):
                claimed = True
                if step.status is CLAIMED and step.claimant.strip():
                    claimants.add(step.claimant.strip())
            responded = responded or step.status is RESPONDED
            if step.status is SOLVED:
                solved = True
                last_solve = step
        state = step.status
    received = start <= item.created_at < after
    on_time = last_solve is not None and (
        last_solve.due is None or last_solve.at.date() <= last_solve.due
    )
    counts = Counts(
        received=int(received),
        claimed=int(claimed),
        responded=int(responded),
        solved=int(solved),
        received_claimed=int(received and state is not OPEN),
        received_responded=int(received and state in (RESPONDED, SOLVED)),
        received_solved=int(received and state is SOLVED),
        solved_on_time=int(on_time),
        responded_or_solved=int(responded or solved),
    )
    return ItemInPeriod(counts, frozenset(claimants), claimed)


def _month_number(moment: datetime) -> int:
    return moment.year * 12 + moment.month - 1


class HistoryIndex:
    """Items by the months something of theirs happened in: a report counts many periods of
    one set of histories, and each period concerns only some of the items."""

    def __init__(self, items: Iterable[ItemHistory]) -> None:
        self._by_month: dict[int, list[ItemHistory]] = {}
        for item in items:
            months = {_month_number(item.created_at), *(_month_number(s.at) for s in item.steps)}
            for month in months:
                self._by_month.setdefault(month, []).append(item)

    def items_in(self, period: Period) -> list[ItemHistory]:
        first = period.first.year * 12 + period.first.month - 1
        found: dict[int, ItemHistory] = {}
        for month in range(first, first + period.months):
            for item in self._by_month.get(month, ()):
                found.setdefault(id(item), item)
        return list(found.values())


def _concerns(item: ItemHistory, start: datetime, after: datetime) -> bool:
    """Whether anything of the item happened in the period (most items of a long history
    concern a given month not at all)."""
    return start <= item.created_at < after or any(start <= s.at < after for s in item.steps)


def figures_from_histories(
    period: Period, items: Iterable[ItemHistory], units: Iterable[str]
) -> PeriodFigures:
    """The period's figures from the items' histories. `units`: the office's units (the
    regions of its sites in use); a unit with a claim counts among them in any case."""
    start, after = period_bounds(period)
    names = [f.name for f in fields(Counts)]
    sums: dict[tuple[str, str, int, str, str], list[int]] = {}
    claimants: set[str] = set()
    claiming_units: set[str] = set()
    for item in items:
        if not _concerns(item, start, after):
            continue
        found = item_in_period(item, start, after)
        key = (item.channel, item.category, item.site_id, item.site_name, item.session_kind)
        total = sums.setdefault(key, [0] * len(names))
        for index, name in enumerate(names):
            total[index] += getattr(found.counts, name)
        claimants |= found.claimants
        if found.claimed:
            claiming_units.add(item.unit)
    rows = [
        FigureRow(channel, category, site_id, site_name, kind, Counts(*total))
        for (channel, category, site_id, site_name, kind), total in sums.items()
    ]
    claims = ClaimFigures(
        claimants=len(claimants),
        units=len(set(units) | claiming_units),
        units_claiming=len(claiming_units),
    )
    return figures_from_rows(period, rows, claims)
