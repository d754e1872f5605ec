"""Three commitments made in two sessions with two sites, stored through the real repository.

Shared by the store's follow-up tests and the follow-up board's tests, which date them
differently:

    visits  letters and visits, 红旗村 and 望京
        pump     红旗村  基础设施  安定区水务局
        lockers  望京    基础设施  朝阳区城管委
    survey  investigation, 红旗村 and 望京
        heating  红旗村  民生保障  发展改革委  no due date
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.storage.repository import Repository


@dataclass
class FollowUps:
    village: int  # 红旗村村委会
    centre: int  # 望京街道社区服务中心
    visits: int
    survey: int
    pump: int
    lockers: int
    heating: int


def seed_follow_ups(
    repo: Repository,
    *,
    visits_at: datetime,
    survey_at: datetime,
    pump_due: date,
    lockers_due: date,
    status: SessionStatus = SessionStatus.DRAFT,
    slot_minutes: int = 20,
) -> FollowUps:
    """Each session starts at its time and its commitments are made then (the repository's
    clock is set there meanwhile); the sessions are `status`, each site speaking
    `slot_minutes`."""
    village = repo.sites.save_site(Site("红旗村村委会"))
    centre = repo.sites.save_site(Site("望京街道社区服务中心"))

    def session(title: str, kind: SessionKind, start: datetime) -> int:
        return repo.sessions.save_session(
            Session(
                title,
                kind,
                "王建国",
                start,
                60,
                status=status,
                sites=[SessionSite(village, 0, slot_minutes), SessionSite(centre, 1, slot_minutes)],
            )
        )

    def commitment(
        session_id: int, site: int, category: str, text: str, owner: str, due: date | None
    ) -> int:
        question = repo.notes.add_question(session_id, site, f"{text}？", category=category)
        assert question.id is not None
        repo.notes.save_answer(question.id, "会尽快落实。", "张德明")
        follow_up = repo.notes.set_commitment(question.id, text, owner, due)
        assert follow_up.id is not None
        return follow_up.id

    clock = repo.clock
    try:
        repo.clock = lambda: visits_at
        visits = session("来信来访接待连线", SessionKind.LETTERS_AND_VISITS, visits_at)
        pump = commitment(visits, village, "基础设施", "更换三组增压泵", "安定区水务局", pump_due)
        lockers = commitment(visits, centre, "基础设施", "增设快递柜", "朝阳区城管委", lockers_due)
        repo.clock = lambda: survey_at
        survey = session("取暖调研连线", SessionKind.INVESTIGATION, survey_at)
        heating = commitment(survey, village, "民生保障", "研究取暖电费补贴", "发展改革委", None)
    finally:
        repo.clock = clock
    return FollowUps(village, centre, visits, survey, pump, lockers, heating)
