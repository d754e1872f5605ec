"""The demo database."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from outreach_app.core.model import ReviewState, Site
from outreach_app.storage.demo import DEMO_MARKER, DemoRefusedError, ensure_demo_database
from outreach_app.storage.repository import Repository


def test_demo_is_built_once_a_day_and_never_over_real_data(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    today = date(2026, 11, 23)
    assert ensure_demo_database(demo, today) is True
    assert ensure_demo_database(demo, today) is False
    repo = Repository.open(demo)
    assert repo.meta.get_meta(DEMO_MARKER) == "2026-11-23"
    assert len(repo.sites.list_sites()) == 6
    summaries = repo.review.list_review_sessions()
    assert any(s.session.start.date() == today for s in summaries)
    assert {s.review_state for s in summaries} >= {
        ReviewState.APPROVED,
        ReviewState.RETURNED,
        ReviewState.PENDING,
    }
    assert repo.search.search("休息") and repo.search.search("English")
    assert repo.integrity_check() == "ok"
    repo.close()
    assert ensure_demo_database(demo, today + timedelta(days=1)) is True

    real = tmp_path / "real.db"
    Repository.open(real).sites.save_site(Site("真实站点"))
    with pytest.raises(DemoRefusedError, match="real data"):
        ensure_demo_database(real, today)
    assert [s.name for s in Repository.open(real).sites.list_sites()] == ["真实站点"]
