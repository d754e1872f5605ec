from __future__ import annotations

from datetime import datetime

import pytest

from outreach_app.core.follow_ups import FollowUpRuleError
from outreach_app.core.model import ReviewState, Session, SessionKind, SessionSite, Site
from outreach_app.core.rules import (
    RuleError,
    agenda_text,
    approval_refusal,
    check_agenda_order,
    check_review_step,
    check_session,
    commitment_text,
    review_comment,
    site_name,
)

START = datetime(2026, 11, 23, 9, 0)


def session(title: str = "连线", minutes: int = 30, box: int = 10) -> Session:
    return Session(
        title, SessionKind.INVESTIGATION, "", START, minutes, sites=[SessionSite(1, 0, box)]
    )


def test_a_site_is_kept_under_its_name_without_surrounding_blanks() -> None:
    assert site_name(Site("  红旗村 ")) == "红旗村"
    with pytest.raises(RuleError, match="a site needs a name") as refused:
        site_name(Site("   "))
    assert refused.value.template == "a site needs a name"


def test_a_session_needs_a_title_a_duration_and_time_boxes() -> None:
    check_session(session())
    with pytest.raises(RuleError, match="a session needs a title"):
        check_session(session(title=" "))
    with pytest.raises(RuleError, match="at least one minute"):
        check_session(session(minutes=0))
    with pytest.raises(RuleError, match="every site's time box"):
        check_session(session(box=0))


def test_agenda_items_need_text_and_a_new_order_names_each_item_once() -> None:
    assert agenda_text(" 保供 ") == "保供"
    with pytest.raises(RuleError, match="needs text"):
        agenda_text("\n")
    check_agenda_order([3, 4], [4, 3])
    for ordered in ([4], [3, 4, 4], [3, 5]):
        with pytest.raises(RuleError, match="every agenda item of the site once"):
            check_agenda_order([3, 4], ordered)


def test_a_commitment_says_what_was_committed() -> None:
    assert commitment_text(" 更换增压泵 ") == "更换增压泵"
    with pytest.raises(RuleError, match="describe what was committed"):
        commitment_text("  ")


def test_minutes_sent_back_say_what_must_change() -> None:
    assert review_comment(ReviewState.APPROVED, "  ") == ""
    assert review_comment(ReviewState.RETURNED, " 补充职务 ") == "补充职务"
    with pytest.raises(RuleError, match="what must change"):
        review_comment(ReviewState.RETURNED, " ")


def test_minutes_sent_back_are_approved_only_once_their_notes_changed() -> None:
    refusal = approval_refusal(ReviewState.RETURNED, notes_changed_since_review=False)
    assert refusal is not None and "once their notes have been corrected" in refusal.template
    assert approval_refusal(ReviewState.RETURNED, notes_changed_since_review=True) is None
    assert approval_refusal(ReviewState.PENDING, notes_changed_since_review=False) is None
    with pytest.raises(RuleError, match="corrected"):
        check_review_step(
            ReviewState.APPROVED, ReviewState.RETURNED, notes_changed_since_review=False
        )
    check_review_step(ReviewState.APPROVED, ReviewState.RETURNED, notes_changed_since_review=True)
    # Sending back again, or approving what was never sent back, needs no change.
    check_review_step(ReviewState.RETURNED, ReviewState.RETURNED, notes_changed_since_review=False)
    check_review_step(ReviewState.APPROVED, ReviewState.PENDING, notes_changed_since_review=False)


def test_the_follow_up_workflow_refuses_with_the_same_kind_of_error() -> None:
    assert issubclass(FollowUpRuleError, RuleError)
    error = FollowUpRuleError("only an open follow-up can be claimed")
    assert (error.template, error.params, str(error)) == (
        "only an open follow-up can be claimed",
        {},
        "only an open follow-up can be claimed",
    )
