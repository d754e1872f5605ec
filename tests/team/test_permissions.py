"""Every shared operation of the store tried as every role, through the team server: the
roles in core/permissions.py succeed, every other role is refused, and nothing a refused
operation would have changed reaches the record."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from outreach_app.core.demand_import import DemandRow
from outreach_app.core.model import (
    AgendaItemKind,
    CheckResult,
    ReviewState,
    Role,
    Satisfaction,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    SiteCheck,
)
from outreach_app.core.permissions import LOCAL_OPERATIONS, WRITE_PERMISSIONS
from outreach_app.core.statistics import Month
from outreach_app.core.sync_model import Outcome
from outreach_app.storage.repository import Repository, operations
from outreach_app.team.accounts import ACCOUNT_ROLES
from tests.sync.in_process import RecordServer, ReplicaClient


@dataclass(frozen=True)
class Seeded:
    """Local ids, in a replica made from the seeded record, of what the operations work on."""

    site: int
    spare_site: int
    session: int
    live_session: int
    agenda_item: int
    question: int
    spare_question: int
    follow_up: int


def _seed(server: RecordServer, path: Path) -> None:
    staff = ReplicaClient(path / "seed-staff.db", server.account("seed-staff", Role.STAFF))
    staff.first_copy(server)
    site = staff.repo.sites.save_site(Site(name="红旗村村委会"))
    staff.repo.sites.save_site(Site(name="Spare site"))
    session = staff.repo.sessions.save_session(
        Session(
            title="节前连线",
            kind=SessionKind.INVESTIGATION,
            official="王建国",
            start=datetime(2026, 12, 7, 9),
            duration_minutes=60,
            sites=[SessionSite(site, 0, 30)],
        )
    )
    staff.repo.sessions.add_agenda_item(session, site, AgendaItemKind.QUESTION, "Heating?")
    staff.repo.sessions.save_session(
        Session(
            title="Live one",
            kind=SessionKind.POLICY_BRIEFING,
            official="王建国",
            start=datetime(2026, 12, 7, 14),
            duration_minutes=60,
            status=SessionStatus.LIVE,
            sites=[SessionSite(site, 0, 30)],
        )
    )
    assert {o.outcome for o in staff.sync(server)} == {Outcome.APPLIED}
    official = ReplicaClient(
        path / "seed-official.db", server.account("seed-official", Role.OFFICIAL)
    )
    official.first_copy(server)
    session_id = official.repo.db.execute("SELECT id FROM sessions ORDER BY id").fetchone()[0]
    site_id = official.repo.db.execute("SELECT id FROM sites ORDER BY id").fetchone()[0]
    question = official.repo.notes.add_question(session_id, site_id, "Water pressure?")
    official.repo.notes.save_answer(question.id or 0, "Low at night", "站长")
    official.repo.notes.set_commitment(
        question.id or 0, "Fix the pump", "水务局", date(2026, 12, 31)
    )
    official.repo.notes.add_question(session_id, site_id, "Spare question")
    assert {o.outcome for o in official.sync(server)} == {Outcome.APPLIED}


def _ids(repo: Repository) -> Seeded:
    def one(sql: str) -> int:
        return int(repo.db.execute(sql).fetchone()[0])

    return Seeded(
        site=one("SELECT id FROM sites WHERE name = '红旗村村委会'"),
        spare_site=one("SELECT id FROM sites WHERE name = 'Spare site'"),
        session=one("SELECT id FROM sessions WHERE title = '节前连线'"),
        live_session=one("SELECT id FROM sessions WHERE title = 'Live one'"),
        agenda_item=one("SELECT id FROM agenda_items"),
        question=one("SELECT id FROM questions WHERE text = 'Water pressure?'"),
        spare_question=one("SELECT id FROM questions WHERE text = 'Spare question'"),
        follow_up=one("SELECT id FROM follow_ups"),
    )


Call = Callable[[Repository, Seeded], object]
CALLS: dict[str, Call] = {
    "sites.save_site": lambda r, s: r.sites.save_site(Site(name="New village")),
    "sites.import_sites": lambda r, s: r.sites.import_sites([Site(name="Imported")]),
    "sites.set_site_archived": lambda r, s: r.sites.set_site_archived(s.spare_site, True),
    "sites.delete_site": lambda r, s: r.sites.delete_site(s.spare_site),
    "sessions.save_session": lambda r, s: r.sessions.save_session(
        Session(
            title="Another",
            kind=SessionKind.ON_SITE_WORK,
            official="王建国",
            start=datetime(2026, 12, 9, 9),
            duration_minutes=30,
        )
    ),
    "sessions.add_agenda_item": lambda r, s: r.sessions.add_agenda_item(
        s.session, s.site, AgendaItemKind.TOPIC, "Roads"
    ),
    "sessions.update_agenda_item": lambda r, s: r.sessions.update_agenda_item(
        s.agenda_item, "Heating in winter?", AgendaItemKind.QUESTION
    ),
    "sessions.delete_agenda_item": lambda r, s: r.sessions.delete_agenda_item(s.agenda_item),
    "sessions.reorder_agenda": lambda r, s: r.sessions.reorder_agenda(
        s.session, s.site, [s.agenda_item]
    ),
    "sessions.save_briefing": lambda r, s: r.sessions.save_briefing(
        s.session, s.site, "Two open items"
    ),
    "meta.set_categories": lambda r, s: r.meta.set_categories(["安全生产", "供暖"]),
    "sessions.set_session_status": lambda r, s: r.sessions.set_session_status(
        s.session, SessionStatus.CANCELLED
    ),
    "sessions.record_site_joined": lambda r, s: r.sessions.record_site_joined(
        s.live_session, s.site
    ),
    "sessions.record_site_left": lambda r, s: r.sessions.record_site_left(s.live_session, s.site),
    "calls.record_site_check": lambda r, s: r.calls.record_site_check(
        SiteCheck(
            s.session,
            s.site,
            datetime(2026, 12, 6, 16),
            CheckResult.OK,
            CheckResult.OK,
            CheckResult.OK,
            42.0,
        )
    ),
    "calls.end_interrupted_session": lambda r, s: r.calls.end_interrupted_session(s.live_session),
    "calls.record_notice": lambda r, s: r.calls.record_notice(
        s.live_session, None, "Please prepare the figures on heating"
    ),
    "notes.add_question": lambda r, s: r.notes.add_question(s.session, s.site, "Roads?"),
    "notes.update_question": lambda r, s: r.notes.update_question(s.question, text="Pressure?"),
    "notes.delete_question": lambda r, s: r.notes.delete_question(s.spare_question),
    "notes.save_answer": lambda r, s: r.notes.save_answer(s.question, "Fine by day", "站长"),
    "notes.set_commitment": lambda r, s: r.notes.set_commitment(
        s.question, "Replace the pump", "水务局", date(2027, 1, 15)
    ),
    "notes.remove_commitment": lambda r, s: r.notes.remove_commitment(s.question),
    "follow_ups.claim_follow_up": lambda r, s: r.follow_ups.claim_follow_up(
        s.follow_up, "李师傅", "水务局"
    ),
    "follow_ups.respond_to_follow_up": lambda r, s: (
        r.follow_ups.claim_follow_up(s.follow_up, "李师傅"),
        r.follow_ups.respond_to_follow_up(s.follow_up, "Ordered a pump"),
    ),
    "follow_ups.solve_follow_up": lambda r, s: (
        r.follow_ups.claim_follow_up(s.follow_up, "李师傅"),
        r.follow_ups.solve_follow_up(s.follow_up, "Pump replaced", Satisfaction.SATISFIED),
    ),
    "follow_ups.reopen_follow_up": lambda r, s: (
        r.follow_ups.claim_follow_up(s.follow_up, "李师傅"),
        r.follow_ups.solve_follow_up(s.follow_up, "Pump replaced"),
        r.follow_ups.reopen_follow_up(s.follow_up, "It broke again"),
    ),
    "follow_ups.set_follow_up_due_dates": lambda r, s: r.follow_ups.set_follow_up_due_dates(
        s.follow_up, claim_due=date(2026, 12, 10), respond_due=date(2026, 12, 20), due=None
    ),
    "follow_ups.import_demands": lambda r, s: r.follow_ups.import_demands(
        [
            DemandRow(
                line=2,
                received_on=date(2026, 11, 3),
                area="红旗村",
                site_id=s.site,
                site_name="红旗村村委会",
                channel="People's Voices",
                text="The street lights are out",
            )
        ],
        "board.csv",
    ),
    "review.set_review": lambda r, s: r.review.set_review(
        s.session, ReviewState.RETURNED, "Add the figures"
    ),
    "statistics.close_month": lambda r, s: r.statistics.close_month(Month(2026, 1)),
    "statistics.reopen_month": lambda r, s: (
        r.statistics.close_month(Month(2026, 1)),
        r.statistics.reopen_month(Month(2026, 1), "The board sent January's late messages"),
    ),
}


def test_every_shared_write_has_a_rule_and_a_case_here() -> None:
    writes = {n for n, spec in operations().items() if spec.kind.value == "write"}
    shared = writes - LOCAL_OPERATIONS
    store_rules = {n for n in WRITE_PERMISSIONS if not n.startswith("accounts.")}
    assert shared == store_rules
    assert set(CALLS) == shared


@pytest.fixture(scope="module")
def seeded_record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    server = RecordServer(folder / "server")
    _seed(server, folder)
    server.repo.close()
    return folder / "server"


def _roles(operation: str) -> list[tuple[Role, bool]]:
    allowed = WRITE_PERMISSIONS[operation]
    return [(role, role in allowed) for role in ACCOUNT_ROLES]


CASES = [(name, role, allowed) for name in sorted(CALLS) for role, allowed in _roles(name)]


@pytest.mark.parametrize(("operation", "role", "allowed"), CASES)
def test_each_operation_as_each_role(
    seeded_record: Path, tmp_path: Path, operation: str, role: Role, allowed: bool
) -> None:
    shutil.copytree(seeded_record, tmp_path / "server")
    server = RecordServer.reopen(tmp_path / "server")
    before = server.dump()
    person = ReplicaClient(tmp_path / "person.db", server.account("person", role))
    person.first_copy(server)
    CALLS[operation](person.repo, _ids(person.repo))
    outcomes = person.push(server)
    assert outcomes, "the operation left nothing to send"
    expected = Outcome.APPLIED if allowed else Outcome.REFUSED
    assert {o.outcome for o in outcomes} == {expected}, [o.message for o in outcomes]
    if not allowed:
        assert server.dump() == before
        assert person.replica.problem_count() == len(outcomes)


def test_the_readme_shows_the_same_table() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    columns = [Role.STAFF, Role.OFFICIAL, Role.NOTE_TAKER, Role.REVIEWER, Role.ADMIN]
    shown: dict[str, frozenset[Role]] = {}
    for line in readme.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].startswith("`") and "." in cells[0]:
            shown[cells[0].strip("`")] = frozenset(
                role for role, cell in zip(columns, cells[1:], strict=True) if cell == "✓"
            )
    assert shown == dict(WRITE_PERMISSIONS)
