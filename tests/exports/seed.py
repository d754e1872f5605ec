"""A held, reviewed session with Chinese notes, stored through the real repository.

Shared by the export tests (the Word and PDF writers, the review page's export).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from outreach_app.core.model import (
    ReviewState,
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.repository import Repository

TITLE = "安全生产调度"
START = datetime(2026, 11, 23, 9, 30)
OFFICIAL = "王建国"
REVIEWER = "陈静"
SITES = ("克拉2气田中控室", "红旗村村委会", "余杭区良渚街道便民服务中心")
QUESTION = "冬季天然气保供压力大吗？怎么确保安全生产、保障供气平稳？"
ANSWER = "今年新增两台压缩机，日供气量提高百分之十五；重点设备24小时监控。"
SPEAKER = "李明（中控室主任）"
COMMITMENT = "落实节日值班人员补贴发放"
OWNER = "克拉2气田作业区"
DUE = date(2026, 12, 5)
RETURN_COMMENT = "请补充发言人职务。"
# Enough routine questions that the minutes run over more than one page.
ROUTINE = 14


def seed_minutes(repo: Repository) -> int:
    """Store the session, its notes and two reviews (sent back, then approved); its id."""
    now = [START - timedelta(days=3)]
    original_clock, original_actor = repo.clock, repo.actor
    repo.clock = lambda: now[0]
    try:
        repo.actor = User("张敏", Role.STAFF)
        site_ids = [repo.sites.save_site(Site(name)) for name in SITES]
        session_id = repo.sessions.save_session(
            Session(
                TITLE,
                SessionKind.ON_SITE_WORK,
                OFFICIAL,
                START,
                60,
                status=SessionStatus.SCHEDULED,
                sites=[
                    SessionSite(site_ids[0], 0, 30),
                    SessionSite(site_ids[1], 1, 20),
                    SessionSite(site_ids[2], 2, 10),
                ],
            )
        )
        repo.actor = User(OFFICIAL, Role.OFFICIAL)
        now[0] = START + timedelta(minutes=1)
        repo.sessions.set_session_status(session_id, SessionStatus.LIVE)
        offset = 120
        question = repo.notes.add_question(
            session_id,
            site_ids[0],
            QUESTION,
            asked_by=OFFICIAL,
            category="安全生产",
            offset_seconds=offset,
        )
        assert question.id is not None
        # Without the speaker's title, which the reviewer asks for.
        repo.notes.save_answer(question.id, ANSWER, SPEAKER.split("（")[0])
        repo.notes.set_commitment(question.id, COMMITMENT, OWNER, DUE)
        for number in range(1, ROUTINE + 1):
            offset += 90
            routine = repo.notes.add_question(
                session_id,
                site_ids[1],
                f"第{number}项：村里老人冬天取暖有没有困难？",
                asked_by=OFFICIAL,
                category="民生保障",
                offset_seconds=offset,
            )
            assert routine.id is not None
            repo.notes.save_answer(
                routine.id, f"第{number}项回答：已逐户走访，煤改电补贴按时发放。", "马秀兰"
            )
        now[0] = START + timedelta(minutes=59)
        repo.sessions.set_session_status(session_id, SessionStatus.ENDED)
        repo.actor = User(REVIEWER, Role.REVIEWER)
        now[0] = START + timedelta(days=1)
        repo.review.set_review(session_id, ReviewState.RETURNED, RETURN_COMMENT)
        repo.actor = User(OFFICIAL, Role.OFFICIAL)
        now[0] = START + timedelta(days=2)
        repo.notes.save_answer(question.id, ANSWER, SPEAKER)
        repo.actor = User(REVIEWER, Role.REVIEWER)
        now[0] = START + timedelta(days=2, hours=7)
        repo.review.set_review(session_id, ReviewState.APPROVED)
    finally:
        repo.clock, repo.actor = original_clock, original_actor
    return session_id
