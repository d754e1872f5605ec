"""Team mode's rules of exchange on real SQLite files: operations made on one computer replayed
on the record and pulled by another; conflicts seen, facts merged, nothing lost."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from outreach_app.core.model import (
    Contact,
    Role,
    Session,
    SessionKind,
    SessionSite,
    Site,
)
from outreach_app.core.sync_model import Outcome
from tests.sync.in_process import RecordServer, ReplicaClient


@pytest.fixture
def server(tmp_path: Path) -> RecordServer:
    return RecordServer(tmp_path / "server")


def client(tmp_path: Path, server: RecordServer, name: str, role: Role) -> ReplicaClient:
    replica = ReplicaClient(tmp_path / f"{name}.db", server.account(name, role))
    replica.first_copy(server)
    return replica


def content(
    repo_client: ReplicaClient | RecordServer, table: str, columns: str
) -> list[tuple[object, ...]]:
    return sorted(repo_client.repo.db.execute(f"SELECT {columns} FROM {table}").fetchall())


def test_a_site_made_on_one_computer_appears_on_another_with_the_same_uid(
    tmp_path: Path, server: RecordServer
) -> None:
    staff = client(tmp_path, server, "anna", Role.STAFF)
    reviewer = client(tmp_path, server, "wang", Role.REVIEWER)
    staff.repo.sites.save_site(
        Site(name="红旗村村委会", contacts=[Contact("马秀兰", "13893245678")])
    )
    [outcome] = staff.sync(server)
    assert outcome.outcome is Outcome.APPLIED
    reviewer.pull(server)
    assert content(reviewer, "sites", "uid, name, contacts") == content(
        staff, "sites", "uid, name, contacts"
    )
    assert content(server, "sites", "uid, name") == content(staff, "sites", "uid, name")
    # The audit trail on every computer names the signed-in account.
    assert ("anna", "create", "site") in content(reviewer, "audit_log", "actor, action, entity")


def test_the_default_categories_of_a_new_replica_are_the_records(
    tmp_path: Path, server: RecordServer
) -> None:
    staff = client(tmp_path, server, "anna", Role.STAFF)
    assert content(staff, "categories", "uid, name") == content(server, "categories", "uid, name")


def test_a_role_that_may_not_is_refused_and_its_change_is_kept_for_the_person(
    tmp_path: Path, server: RecordServer
) -> None:
    reviewer = client(tmp_path, server, "wang", Role.REVIEWER)
    reviewer.repo.sites.save_site(Site(name="Not mine to add"))
    [outcome] = reviewer.sync(server)
    assert outcome.outcome is Outcome.REFUSED
    assert content(server, "sites", "name") == []
    assert reviewer.replica.problem_count() == 1


def test_two_edits_of_one_site_made_apart_conflict_instead_of_overwriting(
    tmp_path: Path, server: RecordServer
) -> None:
    first = client(tmp_path, server, "anna", Role.STAFF)
    second = client(tmp_path, server, "li", Role.STAFF)
    site_id = first.repo.sites.save_site(Site(name="Gas field"))
    first.sync(server)
    second.pull(server)
    mine = first.repo.sites.get_site(site_id)
    theirs = second.repo.sites.get_site(
        second.repo.db.execute("SELECT id FROM sites").fetchone()[0]
    )
    mine.region = "North"
    theirs.region = "South"
    first.repo.sites.save_site(mine)
    second.repo.sites.save_site(theirs)
    assert [o.outcome for o in first.sync(server)] == [Outcome.APPLIED]
    [late] = second.sync(server)
    assert late.outcome is Outcome.CONFLICT
    assert content(server, "sites", "region") == [("North",)]
    # The second person's version is still on their screen, waiting for their choice.
    assert content(second, "sites", "region") == [("South",)]
    assert second.replica.problem_count() == 1


def test_questions_from_two_note_takers_merge(tmp_path: Path, server: RecordServer) -> None:
    staff = client(tmp_path, server, "anna", Role.STAFF)
    site_id = staff.repo.sites.save_site(Site(name="Village"))
    session_id = staff.repo.sessions.save_session(
        Session(
            title="节前连线",
            kind=SessionKind.INVESTIGATION,
            official="王建国",
            start=datetime(2026, 12, 7, 9, 0),
            duration_minutes=60,
            sites=[SessionSite(site_id, 0, 20)],
        )
    )
    assert session_id
    staff.sync(server)
    official = client(tmp_path, server, "wang", Role.OFFICIAL)
    note_taker = client(tmp_path, server, "zhao", Role.NOTE_TAKER)
    for person, text in ((official, "Heating?"), (note_taker, "Water pressure?")):
        session = person.repo.db.execute("SELECT id FROM sessions").fetchone()[0]
        site = person.repo.db.execute("SELECT id FROM sites").fetchone()[0]
        question = person.repo.notes.add_question(session, site, text)
        person.repo.notes.save_answer(question.id or 0, f"Answer to {text}", "村主任")
    for person in (official, note_taker):
        assert {o.outcome for o in person.push(server)} == {Outcome.APPLIED}
    for person in (official, note_taker, staff):
        person.pull(server)
        assert content(person, "questions", "uid, text") == content(
            server, "questions", "uid, text"
        )
        assert content(person, "answers", "uid, text") == content(server, "answers", "uid, text")
    assert len(content(server, "questions", "uid")) == 2


def test_saves_made_while_typing_travel_as_one_operation(
    tmp_path: Path, server: RecordServer
) -> None:
    staff = client(tmp_path, server, "anna", Role.STAFF)
    site_id = staff.repo.sites.save_site(Site(name="Village"))
    session_id = staff.repo.sessions.save_session(
        Session(
            title="S",
            kind=SessionKind.INVESTIGATION,
            official="王",
            start=datetime(2026, 12, 7, 9, 0),
            duration_minutes=60,
            sites=[SessionSite(site_id, 0, 20)],
        )
    )
    staff.sync(server)
    official = client(tmp_path, server, "wang", Role.OFFICIAL)
    session = official.repo.db.execute("SELECT id FROM sessions").fetchone()[0]
    site = official.repo.db.execute("SELECT id FROM sites").fetchone()[0]
    question = official.repo.notes.add_question(session, site, "Heating?")
    for length in range(1, 30):
        official.repo.notes.save_answer(question.id or 0, "The boiler"[:length], "")
    names = [e.operation.name for e in official.outbox_entries()]
    assert names == ["notes.add_question", "notes.save_answer"]
    assert {o.outcome for o in official.sync(server)} == {Outcome.APPLIED}
    assert content(server, "answers", "text") == [("The boiler",)]
    assert session_id
