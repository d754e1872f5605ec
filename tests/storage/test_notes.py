"""Questions, answers and the commitments made in them."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from outreach_app.core.model import FollowUpStatus, Site
from outreach_app.storage.repository import Repository, StoreError
from tests.storage.shared import START, add_session


def test_answers_commitments_and_briefing_follow_ups(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    earlier = add_session(repo, [site], start=START - timedelta(days=30))
    q = repo.notes.add_question(earlier, site, "水压问题？", category="基础设施")
    assert q.id is not None
    repo.notes.save_answer(q.id, "早晚供不上", "张德明")
    repo.notes.save_answer(q.id, "早晚高峰供不上", "张德明")
    follow_up = repo.notes.set_commitment(q.id, "更换增压泵", "水务局", date(2026, 12, 1))
    assert follow_up.status is FollowUpStatus.OPEN
    stored = repo.notes.get_question(q.id)
    assert stored.answer is not None and stored.answer.text == "早晚高峰供不上"
    assert stored.follow_up is not None and stored.follow_up.owner == "水务局"

    later = add_session(repo, [site], start=START + timedelta(days=1))
    assert [
        f.commitment
        for f in repo.follow_ups.open_follow_ups_for_site(site, excluding_session=later)
    ] == ["更换增压泵"]
    assert follow_up.id is not None
    repo.follow_ups.claim_follow_up(follow_up.id, "赵志刚")
    repo.follow_ups.solve_follow_up(follow_up.id, "已更换")
    assert repo.follow_ups.open_follow_ups_for_site(site, excluding_session=later) == []
    with pytest.raises(StoreError, match="committed"):
        repo.notes.set_commitment(q.id, " ", "x", None)


def test_foreign_keys_reject_a_question_for_a_missing_site(repo: Repository) -> None:
    site = repo.sites.save_site(Site("甲"))
    session_id = add_session(repo, [site])
    with pytest.raises(sqlite3.IntegrityError):
        repo.notes.add_question(session_id, 999, "问题")
