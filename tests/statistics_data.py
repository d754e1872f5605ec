"""A database whose statistics were worked out by hand, for the store, page and CLI tests.

F = follow-up made in a session, D = demand imported from a message board; dates are 2026
unless a year is given.

    F1  site A  policy briefing  民生保障  made 11-02  due 11-20
        claimed 11-03  responded 11-05  solved 11-10 (on time)
    F2  site B  policy briefing  基础设施  made 11-04  due 11-08
        claimed 11-05  solved 11-12 (late)
    D3  site A  Ask Politics     基础设施  received 11-06   claimed 11-07
    D4  site B  People's Voices  —         received 11-15   (open)
    D5  site B  Ask Politics     —         received 10-20
        claimed 10-22  responded 11-02  solved 11-18 (no due: on time)
    F7  site A  investigation    民生保障  made 10-10  due 10-31
        claimed 10-11  solved 10-25
    D8  site A  Ask Politics     —         received 2025-11-10
        claimed 2025-11-12  solved 2025-11-20
    D9  site B  People's Voices  —         received 2025-11-11  (open)
    D10 site A  Ask Politics     —         received 2025-11-25  claimed 2025-12-02

November 2026: received F1 F2 D3 D4 = 4; claimed F1 F2 D3 = 3; responded F1 D5 = 2;
solved F1 F2 D5 = 3. Of the 4 received, claimed by the end F1 F2 D3 = 3 (75.00%), solved F1 F2 = 2
(50.00%). Of the 3 solved, on time F1 D5 = 2 (66.67%).
October 2026: received D5 F7 = 2, claimed 2, responded 0, solved F7 = 1; claim rate 100.00%,
solve rate 50.00% (D5 was solved only in November), on time 100.00%.
November 2025: received 3, claimed D8 = 1, responded 0, solved D8 = 1; claim rate 33.33%, solve
rate 33.33%, on time 100.00%.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from outreach_app.core.demand_import import DemandRow
from outreach_app.core.model import Role, Session, SessionKind, SessionSite, Site, User
from outreach_app.storage.repository import Repository

SITE_A, SITE_B = "红旗村村委会", "望京街道社区服务中心"


@dataclass
class Clock:
    at: datetime

    def __call__(self) -> datetime:
        return self.at

    def set(self, day: str, hour: int = 9) -> None:
        self.at = datetime.combine(date.fromisoformat(day), time(hour))


@dataclass
class Built:
    path: Path
    ids: dict[str, int]
    site_a: int
    site_b: int


def _session_follow_up(
    repo: Repository,
    clock: Clock,
    site_id: int,
    kind: SessionKind,
    category: str,
    made: str,
    due: str,
) -> int:
    clock.set(made, 8)
    session_id = repo.sessions.save_session(
        Session(
            "连线",
            kind,
            "王建国",
            clock.at,
            30,
            sites=[SessionSite(site_id, 0, 20)],
        )
    )
    clock.set(made, 10)
    question = repo.notes.add_question(session_id, site_id, "问题", category=category)
    assert question.id is not None
    follow_up = repo.notes.set_commitment(question.id, "承诺", "", date.fromisoformat(due))
    assert follow_up.id is not None
    return follow_up.id


def _demand(
    repo: Repository,
    clock: Clock,
    site_id: int,
    channel: str,
    received: str,
    text: str,
    category: str = "",
) -> int:
    clock.set("2026-11-20")
    row = DemandRow(1, date.fromisoformat(received), "area", site_id, "", channel, text, category)
    return repo.follow_ups.import_demands([row], "board.csv").follow_up_ids[0]


def _steps(repo: Repository, clock: Clock, follow_up_id: int, **days: str) -> None:
    if "claimed" in days:
        clock.set(days["claimed"])
        repo.follow_ups.claim_follow_up(follow_up_id, "张三", owner="安定区水务局")
    if "responded" in days:
        clock.set(days["responded"])
        repo.follow_ups.respond_to_follow_up(follow_up_id, "已派人查看")
    if "solved" in days:
        clock.set(days["solved"])
        repo.follow_ups.solve_follow_up(follow_up_id, "已解决")


def seed(repo: Repository, clock: Clock) -> Built:
    """The items of the table above, into `repo` whose clock is `clock`."""
    repo.actor = User("陈静", Role.REVIEWER)
    a = repo.sites.save_site(Site(SITE_A, region="甘肃省定西市安定区"))
    b = repo.sites.save_site(Site(SITE_B, region="北京市朝阳区"))
    brief, study = SessionKind.POLICY_BRIEFING, SessionKind.INVESTIGATION
    ids = {
        "F1": _session_follow_up(repo, clock, a, brief, "民生保障", "2026-11-02", "2026-11-20"),
        "F2": _session_follow_up(repo, clock, b, brief, "基础设施", "2026-11-04", "2026-11-08"),
        "D3": _demand(repo, clock, a, "Ask Politics", "2026-11-06", "D3", "基础设施"),
        "D4": _demand(repo, clock, b, "People's Voices", "2026-11-15", "D4"),
        "D5": _demand(repo, clock, b, "Ask Politics", "2026-10-20", "D5"),
        "F7": _session_follow_up(repo, clock, a, study, "民生保障", "2026-10-10", "2026-10-31"),
        "D8": _demand(repo, clock, a, "Ask Politics", "2025-11-10", "D8"),
        "D9": _demand(repo, clock, b, "People's Voices", "2025-11-11", "D9"),
        "D10": _demand(repo, clock, a, "Ask Politics", "2025-11-25", "D10"),
    }
    _steps(
        repo, clock, ids["F1"], claimed="2026-11-03", responded="2026-11-05", solved="2026-11-10"
    )
    _steps(repo, clock, ids["F2"], claimed="2026-11-05", solved="2026-11-12")
    _steps(repo, clock, ids["D3"], claimed="2026-11-07")
    _steps(
        repo, clock, ids["D5"], claimed="2026-10-22", responded="2026-11-02", solved="2026-11-18"
    )
    _steps(repo, clock, ids["F7"], claimed="2026-10-11", solved="2026-10-25")
    _steps(repo, clock, ids["D8"], claimed="2025-11-12", solved="2025-11-20")
    _steps(repo, clock, ids["D10"], claimed="2025-12-02")
    return Built(Path(repo.db.conn.execute("PRAGMA database_list").fetchone()[2]), ids, a, b)


def build_file(path: Path) -> Built:
    """The database of the table above as a file at `path`."""
    clock = Clock(datetime(2025, 1, 1, 9))
    repo = Repository.open(path, clock=clock)
    try:
        return seed(repo, clock)
    finally:
        repo.close()
