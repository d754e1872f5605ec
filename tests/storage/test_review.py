"""Reviews of minutes, the review list and the audit trail."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from outreach_app.core.model import (
    ReviewState,
    Role,
    SearchFilters,
    SessionKind,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.repository import Repository, StoreError
from tests.storage.shared import add_session


def test_review_send_back_needs_a_comment_and_latest_state_wins(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    repo.actor = User("陈静", Role.REVIEWER)
    with pytest.raises(StoreError, match="what must change"):
        repo.review.set_review(session_id, ReviewState.RETURNED, "  ")
    question = repo.notes.add_question(session_id, site, "问题")
    repo.review.set_review(session_id, ReviewState.RETURNED, "补充发言人职务")
    assert question.id is not None
    repo.notes.save_answer(question.id, "回答", "王站长（站长）")
    repo.review.set_review(session_id, ReviewState.APPROVED)
    assert repo.review.minutes(session_id).review_state is ReviewState.APPROVED
    summaries = repo.review.list_review_sessions(SearchFilters(status="minutes_approved"))
    assert [s.session.id for s in summaries] == [session_id]
    assert repo.review.list_review_sessions(SearchFilters(status="minutes_returned")) == []
    trail = repo.review.audit_trail(session_id)
    assert trail[0].actor == "陈静" and trail[0].action == "review"
    assert trail[0].detail == "approved"


def test_minutes_sent_back_wait_for_a_correction_before_approval(repo: Repository) -> None:
    moments = iter(datetime(2026, 11, 24, 10, 0, second) for second in range(0, 60, 10))
    now = next(moments)
    repo.clock = lambda: now
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    question = repo.notes.add_question(session_id, site, "问题")
    assert question.id is not None
    repo.notes.save_answer(question.id, "回答", "")
    now = next(moments)
    repo.actor = User("陈静", Role.REVIEWER)
    repo.review.set_review(session_id, ReviewState.RETURNED, "补充发言人")
    assert not repo.review.minutes(session_id).notes_changed_since_review
    with pytest.raises(StoreError, match="once their notes have been corrected"):
        repo.review.set_review(session_id, ReviewState.APPROVED)
    assert repo.review.minutes(session_id).review_state is ReviewState.RETURNED
    # The same note-taker corrects the answer within the minutes that coalesce her typing.
    now = next(moments)
    repo.actor = User("李敏", Role.OFFICIAL)
    repo.notes.save_answer(question.id, "回答，王站长", "王站长")
    assert repo.review.minutes(session_id).notes_changed_since_review
    repo.actor = User("陈静", Role.REVIEWER)
    repo.review.set_review(session_id, ReviewState.APPROVED)
    assert repo.review.minutes(session_id).review_state is ReviewState.APPROVED


def test_only_minutes_of_sessions_held_await_review(repo: Repository) -> None:
    now = datetime(2026, 12, 7, 10, 0)
    repo.clock = lambda: now
    site = repo.sites.save_site(Site("甲"))
    ended = add_session(repo, [site], start=datetime(2026, 12, 1, 9))
    repo.sessions.set_session_status(ended, SessionStatus.ENDED)
    past_unmarked = add_session(repo, [site], start=datetime(2026, 12, 2, 9))
    live = add_session(repo, [site], start=datetime(2026, 12, 7, 9, 30))
    repo.sessions.set_session_status(live, SessionStatus.LIVE)
    add_session(repo, [site], start=datetime(2026, 12, 9, 9))  # still to come
    awaiting = repo.review.list_review_sessions(SearchFilters(status="minutes_pending"))
    assert [s.session.id for s in awaiting] == [past_unmarked, ended]


def test_review_list_filters_by_note_site_category_and_period(repo: Repository) -> None:
    a, b = repo.sites.save_site(Site("甲")), repo.sites.save_site(Site("乙"))
    old = add_session(repo, [a], start=datetime(2026, 1, 10, 9))
    new = add_session(repo, [a, b], start=datetime(2026, 11, 10, 9))
    repo.notes.add_question(new, b, "问题", category="教育")
    repo.notes.add_question(old, a, "问题", category="医疗卫生")

    def ids(filters: SearchFilters) -> list[int | None]:
        return [s.session.id for s in repo.review.list_review_sessions(filters)]

    assert ids(SearchFilters(site_id=b)) == [new]
    assert ids(SearchFilters(category="医疗卫生")) == [old]
    assert ids(SearchFilters(period_start=date(2026, 11, 1), period_end=date(2026, 11, 30))) == [
        new
    ]
    assert ids(SearchFilters(kind=SessionKind.ON_SITE_WORK)) == []
    assert ids(SearchFilters()) == [new, old]


def test_audit_coalesces_typing_into_one_entry_per_record(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    q = repo.notes.add_question(session_id, site, "问题")
    assert q.id is not None
    for length in range(1, 30):
        repo.notes.save_answer(q.id, "字" * length, "")
    edits = [e for e in repo.review.audit_trail(session_id) if e.entity == "answer"]
    assert len(edits) == 1
    repo.actor = User("另一人", Role.OFFICIAL)
    repo.notes.save_answer(q.id, "别人改的", "")
    edits = [e for e in repo.review.audit_trail(session_id) if e.entity == "answer"]
    assert [e.actor for e in edits] == ["另一人", "李敏"]
