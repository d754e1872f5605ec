from __future__ import annotations

from datetime import date

import pytest

from outreach_app.core.follow_ups import (
    ALLOWED,
    REQUIRED_FIELDS,
    TARGET,
    FollowUpAction,
    FollowUpRuleError,
    Overdue,
    StepInput,
    can,
    check_due_dates,
    is_overdue,
    next_actions,
    next_due,
    overdue,
    step_note,
    suggested_due_dates,
    validate_step,
)
from outreach_app.core.model import FollowUp, FollowUpStatus, Satisfaction

OPEN, CLAIMED, RESPONDED, SOLVED = (
    FollowUpStatus.OPEN,
    FollowUpStatus.CLAIMED,
    FollowUpStatus.RESPONDED,
    FollowUpStatus.SOLVED,
)
CLAIM, RESPOND, SOLVE, REOPEN = (
    FollowUpAction.CLAIM,
    FollowUpAction.RESPOND,
    FollowUpAction.SOLVE,
    FollowUpAction.REOPEN,
)
TODAY = date(2026, 11, 23)


def item(
    status: FollowUpStatus = OPEN,
    *,
    claim_due: date | None = None,
    respond_due: date | None = None,
    due: date | None = None,
) -> FollowUp:
    return FollowUp(
        "更换增压泵", "水务局", due, 1, status, claim_due=claim_due, respond_due=respond_due
    )


def test_every_transition_of_the_workflow_and_nothing_else() -> None:
    allowed = {(status, TARGET[action]) for status in FollowUpStatus for action in ALLOWED[status]}
    assert allowed == {
        (OPEN, CLAIMED),
        (CLAIMED, RESPONDED),
        (CLAIMED, SOLVED),
        (RESPONDED, SOLVED),
        (CLAIMED, OPEN),
        (RESPONDED, OPEN),
        (SOLVED, OPEN),
    }
    assert next_actions(OPEN) == (CLAIM,)
    assert next_actions(CLAIMED) == (RESPOND, SOLVE, REOPEN)
    assert not can(OPEN, SOLVE) and not can(SOLVED, CLAIM) and not can(OPEN, REOPEN)


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        (CLAIMED, CLAIM, "only an open follow-up can be claimed"),
        (OPEN, RESPOND, "only a claimed follow-up can be marked as responded"),
        (RESPONDED, RESPOND, "only a claimed follow-up can be marked as responded"),
        (OPEN, SOLVE, "only a claimed or responded follow-up can be solved"),
        (SOLVED, SOLVE, "only a claimed or responded follow-up can be solved"),
        (OPEN, REOPEN, "this follow-up is already open"),
    ],
)
def test_a_step_out_of_order_is_refused_with_a_message(
    status: FollowUpStatus, action: FollowUpAction, message: str
) -> None:
    full = StepInput("张工", "水务局", "已派人", "已修好", None, "居民不满意")
    with pytest.raises(FollowUpRuleError) as refused:
        validate_step(status, "水务局", action, full)
    assert refused.value.template == message


@pytest.mark.parametrize(
    ("status", "action", "given", "message"),
    [
        (OPEN, CLAIM, StepInput(claimed_by="  "), "say who takes this follow-up"),
        (OPEN, CLAIM, StepInput(response="张工"), "say who takes this follow-up"),
        (CLAIMED, RESPOND, StepInput(resolution="x", response=" \n"), "what has been done"),
        (RESPONDED, SOLVE, StepInput(response="x"), "describe the outcome"),
        (CLAIMED, SOLVE, StepInput(satisfaction=Satisfaction.SATISFIED), "describe the outcome"),
        (SOLVED, REOPEN, StepInput(resolution="x"), "why the follow-up is reopened"),
    ],
)
def test_each_step_needs_its_own_fields(
    status: FollowUpStatus, action: FollowUpAction, given: StepInput, message: str
) -> None:
    with pytest.raises(FollowUpRuleError, match=message):
        validate_step(status, "水务局", action, given)
    assert REQUIRED_FIELDS[action]


def test_a_claim_keeps_the_unit_unless_another_is_named_and_needs_one() -> None:
    kept = validate_step(OPEN, "水务局", CLAIM, StepInput(claimed_by=" 张工 "))
    assert (kept.claimed_by, kept.owner) == ("张工", "水务局")
    moved = validate_step(OPEN, "水务局", CLAIM, StepInput(claimed_by="李工", owner=" 供水公司 "))
    assert moved.owner == "供水公司"
    with pytest.raises(FollowUpRuleError, match="which unit"):
        validate_step(OPEN, " ", CLAIM, StepInput(claimed_by="张工"))


def test_cleaned_input_keeps_only_what_the_step_records() -> None:
    solved = validate_step(
        RESPONDED,
        "",
        SOLVE,
        StepInput(claimed_by="x", resolution=" 已修好 ", satisfaction=Satisfaction.UNSATISFIED),
    )
    assert solved == StepInput(resolution="已修好", satisfaction=Satisfaction.UNSATISFIED)
    assert step_note(SOLVE, solved) == "已修好"
    reopened = validate_step(SOLVED, "", REOPEN, StepInput(reason=" 居民反映仍漏水 "))
    assert step_note(REOPEN, reopened) == "居民反映仍漏水"


def test_the_due_date_that_applies_follows_the_status() -> None:
    dates = {
        "claim_due": date(2026, 11, 3),
        "respond_due": date(2026, 11, 10),
        "due": date(2026, 11, 30),
    }
    assert next_due(item(OPEN, **dates)) == (CLAIMED, date(2026, 11, 3))
    assert next_due(item(CLAIMED, **dates)) == (RESPONDED, date(2026, 11, 10))
    assert next_due(item(RESPONDED, **dates)) == (SOLVED, date(2026, 11, 30))
    assert next_due(item(SOLVED, **dates)) is None
    # Without a date for the next step, the next date there is applies.
    assert next_due(item(OPEN, due=date(2026, 11, 30))) == (SOLVED, date(2026, 11, 30))
    assert next_due(item(OPEN)) is None


def test_overdue_from_the_day_after_the_due_date() -> None:
    on_the_day = item(OPEN, claim_due=TODAY)
    assert overdue(on_the_day, TODAY) is None
    late = item(OPEN, claim_due=date(2026, 11, 20))
    assert overdue(late, TODAY) == Overdue(CLAIMED, date(2026, 11, 20), 3)
    assert is_overdue(late, TODAY)
    # Claimed in the meantime: the claim date no longer counts.
    assert not is_overdue(item(CLAIMED, claim_due=date(2026, 11, 20)), TODAY)
    # A solved item is never overdue, however late it was solved.
    assert not is_overdue(item(SOLVED, due=date(2026, 1, 1)), TODAY)


def test_overdue_reports_the_deadline_furthest_past() -> None:
    late = item(
        OPEN, claim_due=date(2026, 11, 1), respond_due=date(2026, 11, 10), due=date(2026, 11, 22)
    )
    assert overdue(late, TODAY) == Overdue(CLAIMED, date(2026, 11, 1), 22)
    # Dates entered out of order before they were checked: still the one furthest past.
    muddled = item(CLAIMED, respond_due=date(2026, 11, 22), due=date(2026, 11, 2))
    assert overdue(muddled, TODAY) == Overdue(SOLVED, date(2026, 11, 2), 21)


def test_due_dates_must_not_run_backwards() -> None:
    check_due_dates(date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 1))
    check_due_dates(None, None, None)
    check_due_dates(date(2026, 11, 5), None, date(2026, 11, 30))
    with pytest.raises(FollowUpRuleError, match="claim by must not be after the date to respond"):
        check_due_dates(date(2026, 11, 5), date(2026, 11, 4), None)
    with pytest.raises(FollowUpRuleError, match="respond by must not be after the date to solve"):
        check_due_dates(None, date(2026, 12, 5), date(2026, 11, 30))
    with pytest.raises(FollowUpRuleError, match="claim by must not be after the date to solve"):
        check_due_dates(date(2026, 12, 5), None, date(2026, 11, 30))


def test_suggested_due_dates_never_pass_the_date_to_solve_by() -> None:
    made = date(2026, 11, 1)
    assert suggested_due_dates(made, None) == (date(2026, 11, 4), date(2026, 11, 11))
    assert suggested_due_dates(made, date(2026, 11, 30)) == (date(2026, 11, 4), date(2026, 11, 11))
    assert suggested_due_dates(made, date(2026, 11, 2)) == (date(2026, 11, 2), date(2026, 11, 2))
    claim_due, respond_due = suggested_due_dates(made, date(2026, 11, 30))
    check_due_dates(claim_due, respond_due, date(2026, 11, 30))
