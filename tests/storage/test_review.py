"""Reviews of minutes, the review list and the audit trail."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from outreach_app.core.model import ReviewState, Role, SearchFilters, SessionKind, Site, User
from outreach_app.storage.repository import Repository, StoreError
from tests.storage.shared import add_session


def test_review_send_back_needs_a_comment_and_latest_state_wins(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    repo.actor = User("陈静", Role.REVIEWER)
    with pytest.raises(StoreError, match="what must change"):
        repo.review.set_review(session_id, ReviewState.RETURNED, "  ")
    repo.review.set_review(session_id, ReviewState.RETURNED, "补充发言人职务")
    repo.review.set_review(session_id, ReviewState.APPROVED)
    assert repo.review.minutes(session_id).review_state is ReviewState.APPROVED
    summaries = repo.review.list_review_sessions(SearchFilters(status="minutes_approved"))
    assert [s.session.id for s in summaries] == [session_id]
    assert repo.review.list_review_sessions(SearchFilters(status="minutes_returned")) == []
    trail = repo.review.audit_trail(session_id)
    assert trail[0].actor == "陈静" and trail[0].action == "review"
    assert trail[0].detail == "approved"


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
