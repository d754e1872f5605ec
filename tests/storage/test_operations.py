"""The store's operations: declared, listed in the package's docstring, and observed.

The observer is what team mode will hook to keep an outbox of operations: it must hear the
outermost write only, with its arguments, inside the transaction of the change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

import outreach_app.storage
from outreach_app.core.model import ReviewState, SessionStatus, Site
from outreach_app.storage.base import Aggregate, OperationKind, read
from outreach_app.storage.repository import Repository, StoreError, operations
from tests.storage.shared import add_session

LISTED = re.compile(r"^\s+(\w+\.\w+)\s+(read|write)\s+\S", re.MULTILINE)


class Recorder:
    """Keeps what it hears, and writes a row of its own with each operation it hears start."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.heard: list[tuple[str, str, dict[str, object], object]] = []

    def operation_started(self, name: str, arguments: Mapping[str, object]) -> None:
        assert self.repo.db.conn.in_transaction
        self.heard.append(("started", name, dict(arguments), None))
        self.repo.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            ("last_operation", name),
        )

    def operation_finished(
        self, name: str, arguments: Mapping[str, object], result: object
    ) -> None:
        assert self.repo.db.conn.in_transaction
        self.heard.append(("finished", name, dict(arguments), result))


def live_session(repo: Repository) -> tuple[int, int]:
    site = repo.sites.save_site(Site("东风村"))
    session = add_session(repo, [site])
    repo.sessions.set_session_status(session, SessionStatus.LIVE)
    repo.sessions.record_site_joined(session, site)
    return site, session


def test_the_package_docstring_lists_every_operation_and_nothing_else() -> None:
    listed = LISTED.findall(outreach_app.storage.__doc__ or "")
    assert len(listed) == len(set(listed)), "an operation is listed twice"
    registered = {(spec.name, spec.kind.value) for spec in operations().values()}
    assert set(listed) == registered


def test_every_operation_is_reachable_through_its_aggregate(repo: Repository) -> None:
    for name in operations():
        aggregate, method = name.split(".")
        assert callable(getattr(getattr(repo, aggregate), method)), name


def test_a_public_method_that_is_not_declared_is_refused() -> None:
    with pytest.raises(TypeError, match="not a declared operation"):

        class Careless(Aggregate):
            aggregate = "careless"

            @read
            def declared(self) -> int:
                return 1

            def forgotten(self) -> int:
                return 2

    assert "careless.declared" not in operations()


def test_the_observer_hears_each_write_with_its_arguments_inside_its_transaction(
    repo: Repository,
) -> None:
    recorder = Recorder(repo)
    repo.observer = recorder
    site = repo.sites.save_site(Site("东风村"))
    repo.sites.list_sites()  # reads are not heard
    assert recorder.heard == [
        ("started", "sites.save_site", {"site": Site("东风村")}, None),
        ("finished", "sites.save_site", {"site": Site("东风村")}, site),
    ]
    assert repo.meta.get_meta("last_operation") == "sites.save_site"
    assert operations()["sites.save_site"].kind is OperationKind.WRITE
    assert operations()["sites.list_sites"].kind is OperationKind.READ


def test_arguments_are_bound_by_name_with_defaults_applied(repo: Repository) -> None:
    site, session = live_session(repo)
    recorder = Recorder(repo)
    repo.observer = recorder
    question = repo.notes.add_question(session, site, "水压够吗？", category="基础设施")
    assert recorder.heard[0][2] == {
        "session_id": session,
        "site_id": site,
        "text": "水压够吗？",
        "asked_by": "",
        "category": "基础设施",
        "agenda_item_id": None,
        "offset_seconds": None,
    }
    assert recorder.heard[1][3] == question


def test_writes_inside_a_write_join_it_and_are_not_heard_on_their_own(
    repo: Repository,
) -> None:
    _site, session = live_session(repo)
    recorder = Recorder(repo)
    repo.observer = recorder
    repo.calls.end_interrupted_session(session)
    assert [(event, name) for event, name, _, _ in recorder.heard] == [
        ("started", "calls.end_interrupted_session"),
        ("finished", "calls.end_interrupted_session"),
    ]
    assert repo.sessions.get_session(session).status is SessionStatus.ENDED


def test_a_refused_write_leaves_nothing_behind_not_even_the_observers_row(
    repo: Repository,
) -> None:
    _site, session = live_session(repo)
    repo.observer = Recorder(repo)
    before = repo.review.audit_trail()
    with pytest.raises(StoreError) as refused:
        repo.review.set_review(session, ReviewState.RETURNED, "  ")
    # A rule of core/ keeps its English template, which the UI translates.
    assert refused.value.template == "say what must change when sending minutes back"
    assert repo.meta.get_meta("last_operation") is None
    assert repo.review.audit_trail() == before


def test_without_an_observer_writes_still_run_in_one_transaction(repo: Repository) -> None:
    repo.sites.save_site(Site("已存在"))
    with pytest.raises(StoreError, match="already exists"):
        repo.sites.import_sites([Site("新站点"), Site("已存在")])
    assert [s.name for s in repo.sites.list_sites()] == ["已存在"]
    assert not repo.db.conn.in_transaction
