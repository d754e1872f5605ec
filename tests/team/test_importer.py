"""A database kept on one computer brought into an office's record: nothing lost, ids
translated, the audit trail kept, the file itself untouched, and a second import adds nothing."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from outreach_app.core.model import Role, User
from outreach_app.storage.demo import build_demo
from outreach_app.storage.repository import Repository
from outreach_app.team.importer import ImportRefusedError, import_database
from tests.sync.in_process import RecordServer, content_dump

ADMIN = User("admin", Role.ADMIN)


@pytest.fixture(scope="module")
def solo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("solo") / "outreach.db"
    repo = Repository.open(path)
    build_demo(repo, today=date(2026, 12, 7))
    repo.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_everything_comes_over_under_its_uid_with_references_translated(
    solo_database: Path, tmp_path: Path
) -> None:
    before = _digest(solo_database)
    server = RecordServer(tmp_path / "server")
    summary = import_database(server.repo, solo_database, ADMIN)
    assert _digest(solo_database) == before
    source = Repository.open(solo_database)
    try:
        expected = content_dump(source)
    finally:
        source.close()
    got = content_dump(server.repo)
    for table, rows in expected.items():
        if table == "audit_log":
            assert set(rows) <= set(got[table])
            assert len(got[table]) == len(rows) + 1  # and the import's own entry
        else:
            assert got[table] == rows, table
    assert summary.total == sum(len(rows) for rows in expected.values())
    assert server.repo.integrity_check() == "ok"
    search = server.repo.search.search("供暖")
    assert search, "imported notes are searchable"


def test_importing_the_same_file_again_adds_nothing(solo_database: Path, tmp_path: Path) -> None:
    server = RecordServer(tmp_path / "server")
    import_database(server.repo, solo_database, ADMIN)
    once = content_dump(server.repo)
    again = import_database(server.repo, solo_database, ADMIN)
    twice = content_dump(server.repo)
    assert again.total == 0
    for table in once:
        if table != "audit_log":
            assert twice[table] == once[table]


@pytest.mark.parametrize("content", [b"", b"not a database at all"])
def test_a_file_that_is_not_an_outreach_database_is_refused(tmp_path: Path, content: bytes) -> None:
    server = RecordServer(tmp_path / "server")
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(content)
    with pytest.raises(ImportRefusedError):
        import_database(server.repo, bogus, ADMIN)
    assert bogus.read_bytes() == content
