"""Full-text search through a real database file: Chinese of every length, English, and an index
that follows every edit."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.core.model import (
    AgendaItemKind,
    ReviewState,
    Role,
    SearchFilters,
    Session,
    SessionKind,
    SessionSite,
    Site,
    User,
)
from outreach_app.storage.repository import Repository
from outreach_app.storage.schema import migrations, register_functions


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "outreach.db")
    repository.actor = User("王建国", Role.OFFICIAL)
    return repository


def add_session(
    repo: Repository,
    site_ids: list[int],
    start: datetime,
    kind: SessionKind = SessionKind.POLICY_BRIEFING,
) -> int:
    return repo.sessions.save_session(
        Session(
            "节前连线",
            kind,
            "王建国",
            start,
            60,
            sites=[SessionSite(s, i, 20) for i, s in enumerate(site_ids)],
        )
    )


def refs(
    repo: Repository, query: str, filters: SearchFilters | None = None
) -> set[tuple[str, int]]:
    return {(h.doc_kind, h.ref_id) for h in repo.search.search(query, filters or SearchFilters())}


@pytest.fixture
def seeded(repo: Repository) -> dict[str, int]:
    gas = repo.sites.save_site(Site("克拉2气田中控室"))
    village = repo.sites.save_site(Site("红旗村村委会"))
    winter = add_session(repo, [gas, village], datetime(2026, 1, 20, 9, 30))
    summer = add_session(
        repo, [village], datetime(2026, 7, 26, 9, 30), kind=SessionKind.INVESTIGATION
    )
    q_gas = repo.notes.add_question(winter, gas, "如何保障天然气平稳供应？", category="安全生产")
    q_rest = repo.notes.add_question(
        winter, village, "节日期间大家能轮流休息吗？", category="就业社保"
    )
    q_water = repo.notes.add_question(
        summer, village, "三组的水压问题解决了吗？", category="民生保障"
    )
    assert q_gas.id and q_rest.id and q_water.id
    answer = repo.notes.save_answer(
        q_gas.id, "Heating demand is up; 燃气 reserves cover ten days.", "周强"
    )
    follow_up = repo.notes.set_commitment(
        q_water.id, "年底前更换加压泵", "区水务局", date(2026, 9, 1)
    )
    agenda = repo.sessions.add_agenda_item(
        summer, village, AgendaItemKind.TOPIC, "饮水工程和冬季生活"
    )
    assert answer.id and follow_up.id and agenda.id
    return {
        "gas": gas,
        "village": village,
        "winter": winter,
        "summer": summer,
        "q_gas": q_gas.id,
        "q_rest": q_rest.id,
        "q_water": q_water.id,
        "answer": answer.id,
        "follow_up": follow_up.id,
        "agenda": agenda.id,
    }


def test_chinese_terms_of_one_two_and_three_characters_are_found(
    repo: Repository, seeded: dict[str, int]
) -> None:
    assert refs(repo, "水") == {("question", seeded["q_water"]), ("agenda", seeded["agenda"])}
    assert refs(repo, "泵") == {("follow_up", seeded["follow_up"])}
    assert refs(repo, "燃气") == {("answer", seeded["answer"])}
    assert refs(repo, "天然气") == {("question", seeded["q_gas"])}
    assert refs(repo, "轮流休息") == {("question", seeded["q_rest"])}
    # Two characters that are adjacent in the text only, not merely both present.
    assert refs(repo, "水压") == {("question", seeded["q_water"])}
    assert refs(repo, "压水") == set()


def test_english_terms_ignore_case_and_short_ones_match_word_starts(
    repo: Repository, seeded: dict[str, int]
) -> None:
    assert refs(repo, "heating") == {("answer", seeded["answer"])}
    assert refs(repo, "HEATING demand") == {("answer", seeded["answer"])}
    assert refs(repo, "he") == {("answer", seeded["answer"])}
    assert refs(repo, "heating 水") == set()


def test_hits_carry_where_they_belong(repo: Repository, seeded: dict[str, int]) -> None:
    (hit,) = repo.search.search("燃气")
    assert hit.session_id == seeded["winter"]
    assert hit.site_name == "克拉2气田中控室"
    assert hit.session_title == "节前连线"
    assert hit.category == "安全生产"
    assert hit.body.startswith("Heating demand")


def test_search_works_after_the_database_is_reopened(
    tmp_path: Path, seeded: dict[str, int]
) -> None:
    reopened = Repository.open(tmp_path / "outreach.db")
    assert refs(reopened, "水压") == {("question", seeded["q_water"])}
    assert refs(reopened, "天然气") == {("question", seeded["q_gas"])}
    reopened.close()


def test_edited_notes_are_found_by_their_new_text_only(
    repo: Repository, seeded: dict[str, int]
) -> None:
    repo.notes.update_question(seeded["q_rest"], text="春节值班安排好了吗？")
    assert refs(repo, "休息") == set()
    assert refs(repo, "值班") == {("question", seeded["q_rest"])}

    repo.notes.save_answer(seeded["q_gas"], "储气库满负荷运行。", "周强")
    assert refs(repo, "heating") == set() and refs(repo, "燃气") == set()
    assert refs(repo, "储气库") == {("answer", seeded["answer"])}

    repo.notes.set_commitment(seeded["q_water"], "十月前完成管网改造", "区水务局", None)
    assert refs(repo, "加压泵") == set()
    assert refs(repo, "管网") == {("follow_up", seeded["follow_up"])}
    repo.follow_ups.claim_follow_up(seeded["follow_up"], "赵志刚")
    repo.follow_ups.solve_follow_up(seeded["follow_up"], "新泵已投用")
    assert refs(repo, "投用") == {("follow_up", seeded["follow_up"])}

    repo.sessions.update_agenda_item(seeded["agenda"], "冬季取暖安排", AgendaItemKind.TOPIC)
    assert refs(repo, "饮水") == set()
    assert refs(repo, "取暖") == {("agenda", seeded["agenda"])}


def test_deleted_notes_leave_no_stale_hits(repo: Repository, seeded: dict[str, int]) -> None:
    repo.notes.remove_commitment(seeded["q_water"])
    assert refs(repo, "加压泵") == set()
    repo.sessions.delete_agenda_item(seeded["agenda"])
    assert refs(repo, "饮水") == set()
    repo.notes.delete_question(seeded["q_gas"])
    assert refs(repo, "天然气") == set()
    assert refs(repo, "燃气") == set()  # its answer went with it
    repo.notes.delete_question(seeded["q_water"])
    assert refs(repo, "水") == set()


def test_deleting_a_question_removes_its_commitment_from_the_index(
    repo: Repository, seeded: dict[str, int]
) -> None:
    assert refs(repo, "加压泵") == {("follow_up", seeded["follow_up"])}
    repo.notes.delete_question(seeded["q_water"])
    assert refs(repo, "加压泵") == set()


def test_filters_narrow_search_by_site_kind_category_period_and_status(
    repo: Repository, seeded: dict[str, int]
) -> None:
    gas_notes = {("question", seeded["q_gas"]), ("answer", seeded["answer"])}
    assert refs(repo, "气", SearchFilters(site_id=seeded["gas"])) == gas_notes
    assert refs(repo, "气", SearchFilters(site_id=seeded["village"])) == set()
    assert refs(repo, "吗", SearchFilters(kind=SessionKind.INVESTIGATION)) == {
        ("question", seeded["q_water"])
    }
    assert refs(repo, "吗", SearchFilters(category="就业社保")) == {("question", seeded["q_rest"])}
    july = SearchFilters(period_start=date(2026, 7, 1), period_end=date(2026, 7, 31))
    assert refs(repo, "水", july) == {("question", seeded["q_water"]), ("agenda", seeded["agenda"])}
    assert refs(repo, "天然气", july) == set()
    repo.review.set_review(seeded["winter"], ReviewState.APPROVED)
    assert refs(repo, "气", SearchFilters(status="minutes_approved")) == gas_notes
    assert refs(repo, "吗", SearchFilters(status="minutes_approved")) == {
        ("question", seeded["q_rest"])
    }
    assert refs(repo, "吗", SearchFilters(status="follow_up_open")) == {
        ("question", seeded["q_water"])
    }


def test_a_period_with_a_site_reads_the_sessions_of_the_period_first(
    repo: Repository, seeded: dict[str, int]
) -> None:
    winter = SearchFilters(
        site_id=seeded["gas"], period_start=date(2026, 1, 1), period_end=date(2026, 1, 31)
    )
    gas_notes = {("question", seeded["q_gas"]), ("answer", seeded["answer"])}
    assert refs(repo, "气", winter) == gas_notes
    assert refs(repo, "heating", winter) == {("answer", seeded["answer"])}
    summer_village = SearchFilters(
        site_id=seeded["village"], period_start=date(2026, 7, 1), period_end=date(2026, 7, 31)
    )
    assert refs(repo, "水", summer_village) == {
        ("question", seeded["q_water"]),
        ("agenda", seeded["agenda"]),
    }
    assert refs(repo, "气", summer_village) == set()
    # The plan walks the period's sessions, then each one's notes of the site: never the site's
    # whole history.
    statements: list[str] = []
    repo.db.conn.set_trace_callback(statements.append)
    refs(repo, "气", winter)
    repo.db.conn.set_trace_callback(None)
    plans = [
        " / ".join(row[3] for row in repo.db.execute(f"EXPLAIN QUERY PLAN {statement}"))
        for statement in statements
        if statement.startswith("SELECT")
    ]
    assert plans and all("search_docs_site " not in plan for plan in plans)
    assert all("search_docs_session_site" in plan for plan in plans)


def test_a_database_of_the_previous_version_gets_the_session_and_site_index(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outreach.db"
    db = Database(sqlite3.connect(str(path), isolation_level=None))
    register_functions(db)
    migrations.apply(db, stop_before="0007_search_docs_by_session_and_site")
    db.execute(
        "INSERT INTO sites (id, name, created_at, updated_at) VALUES"
        " (1, '红旗村', '2021-01-01', '2021-01-01'), (2, '东风村', '2021-01-01', '2021-01-01')"
    )
    for session_id, start in ((1, "2021-02-26 09:00:00"), (2, "2021-03-05 09:00:00")):
        db.execute(
            "INSERT INTO sessions (id, title, kind, start, duration_minutes, status, created_at,"
            " updated_at) VALUES (?, '连线', 'investigation', ?, 60, 'ended', ?, ?)",
            (session_id, start, start, start),
        )
        for site_id in (1, 2):
            db.execute(
                "INSERT INTO questions (session_id, site_id, text, created_at, updated_at)"
                " VALUES (?, ?, 'the supply pressure is stable', ?, ?)",
                (session_id, site_id, start, start),
            )
    db.conn.close()

    repo = Repository.open(path)
    indexes = {row[0] for row in repo.db.execute("SELECT name FROM sqlite_master")}
    assert "search_docs_session_site" in indexes
    march_at_one_site = SearchFilters(
        site_id=1, period_start=date(2021, 3, 1), period_end=date(2021, 3, 31)
    )
    (hit,) = repo.search.search("pressure", march_at_one_site)
    assert (hit.session_id, hit.site_name) == (2, "红旗村")
    assert len(repo.search.search("pressure")) == 4
    repo.close()


def test_answers_follow_their_question_into_another_category(
    repo: Repository, seeded: dict[str, int]
) -> None:
    repo.notes.update_question(seeded["q_gas"], category="民生保障")
    assert refs(repo, "燃气", SearchFilters(category="民生保障")) == {("answer", seeded["answer"])}
    assert refs(repo, "燃气", SearchFilters(category="安全生产")) == set()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "**",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(水 压)",
        "(",
        ")",
        "(水)",
        "水 AND",
        "a:b",
        "^水",
        "-",
        '"天然气',
        "天然气*",
        "{水}",
        "水 OR 气",
        "'",
    ],
)
def test_fts_syntax_typed_by_the_user_never_raises(
    repo: Repository, seeded: dict[str, int], query: str
) -> None:
    repo.search.search(query)


def test_operators_are_searched_as_words(repo: Repository, seeded: dict[str, int]) -> None:
    question = repo.notes.add_question(
        seeded["summer"], seeded["village"], "NEAR (the well) AND more"
    )
    assert question.id is not None
    assert refs(repo, "NEAR") == {("question", question.id)}
    assert refs(repo, "AND more") == {("question", question.id)}
    assert refs(repo, "(the") == {("question", question.id)}
