"""What one item's history counts for in a period, by the definitions in the README."""

from __future__ import annotations

from datetime import date, datetime

from outreach_app.core.history_counts import (
    HistoryIndex,
    HistoryStep,
    ItemHistory,
    figures_from_histories,
    item_in_period,
    period_bounds,
)
from outreach_app.core.model import FollowUpStatus
from outreach_app.core.statistics import Month, Period

OPEN, CLAIMED, RESPONDED, SOLVED = (
    FollowUpStatus.OPEN,
    FollowUpStatus.CLAIMED,
    FollowUpStatus.RESPONDED,
    FollowUpStatus.SOLVED,
)
AUGUST = Period.month(Month(2026, 8))


def item(
    *steps: HistoryStep, made: datetime = datetime(2026, 8, 1), unit: str = "安定区"
) -> ItemHistory:
    return ItemHistory(made, 1, "红旗村", unit, "问政", "", "", (HistoryStep(OPEN, made), *steps))


def counted(history: ItemHistory, period: Period = AUGUST) -> tuple[int, ...]:
    c = item_in_period(history, *period_bounds(period)).counts
    return (c.received, c.claimed, c.responded, c.solved, c.responded_or_solved)


def test_an_answer_without_a_claim_counts_as_the_claim() -> None:
    answered = item(HistoryStep(RESPONDED, datetime(2026, 8, 5)))
    assert counted(answered) == (1, 1, 1, 0, 1)


def test_claimed_again_after_a_reopen_in_another_month_counts_there_too() -> None:
    history = item(
        HistoryStep(CLAIMED, datetime(2026, 8, 2), "张三"),
        HistoryStep(SOLVED, datetime(2026, 8, 3)),
        HistoryStep(OPEN, datetime(2026, 9, 1)),
        HistoryStep(CLAIMED, datetime(2026, 10, 2), "王五"),
    )
    assert counted(history) == (1, 1, 0, 1, 1)
    assert counted(history, Period.month(Month(2026, 9))) == (0, 0, 0, 0, 0)
    assert counted(history, Period.month(Month(2026, 10))) == (0, 1, 0, 0, 0)
    # August alone: solved at its end; August to September: open again at the end.
    assert item_in_period(history, *period_bounds(AUGUST)).counts.received_solved == 1
    two = item_in_period(history, *period_bounds(Period(Month(2026, 8), Month(2026, 9))))
    assert two.counts.received_solved == 0 and two.counts.solved == 1


def test_on_time_by_the_due_date_the_solution_kept() -> None:
    late = item(HistoryStep(SOLVED, datetime(2026, 8, 12), due=date(2026, 8, 10)))
    on_time = item(HistoryStep(SOLVED, datetime(2026, 8, 10, 23, 0), due=date(2026, 8, 10)))
    undated = item(HistoryStep(SOLVED, datetime(2026, 8, 30)))
    found = [
        item_in_period(h, *period_bounds(AUGUST)).counts.solved_on_time
        for h in (late, on_time, undated)
    ]
    assert found == [0, 1, 1]


def test_claims_by_leaders_over_items_and_units() -> None:
    items = [
        item(HistoryStep(CLAIMED, datetime(2026, 8, 2), "张三"), unit="安定区"),
        item(HistoryStep(CLAIMED, datetime(2026, 8, 3), "张三"), unit="朝阳区"),
        item(HistoryStep(RESPONDED, datetime(2026, 8, 4)), unit="拜城县"),  # a claim, nobody named
        item(
            HistoryStep(CLAIMED, datetime(2026, 7, 30), "李四"),
            unit="油田",
            made=datetime(2026, 7, 1),
        ),
    ]
    index = HistoryIndex(items)
    assert len(index.items_in(AUGUST)) == 3
    figures = figures_from_histories(
        AUGUST, index.items_in(AUGUST), ["安定区", "朝阳区", "拜城县", "油田", "酒泉"]
    )
    claims = figures.claims
    assert (claims.claimants, claims.units, claims.units_claiming, claims.unit_share) == (
        1,
        5,
        3,
        60.0,
    )
    assert figures.totals.claimed == 3
