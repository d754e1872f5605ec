"""A new replica's copy of the record: the record whole, nothing that is the server's alone."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from outreach_app.core.model import Role, Site
from outreach_app.core.sync_model import Outcome
from outreach_app.storage.demo import build_demo
from outreach_app.storage.repository import Repository
from outreach_app.team.admin import COMMAND_LINE
from outreach_app.team.importer import import_database
from outreach_app.team.snapshot import make_snapshot_file
from tests.sync.in_process import RecordServer, ReplicaClient, content_dump


def test_the_copy_holds_the_record_and_no_account_nor_password_hash(tmp_path: Path) -> None:
    server = RecordServer(tmp_path / "server")
    account = server.account("wangfang", Role.ADMIN)
    stored_hash = server.repo.db.execute(
        "SELECT password_hash FROM team_accounts WHERE id = ?", (account.id,)
    ).fetchone()[0]
    server.repo.sites.save_site(Site(name="红旗村村委会"))
    snapshot = make_snapshot_file(server.folder)
    try:
        raw = snapshot.path.read_bytes()
        assert stored_hash.encode() not in raw
        assert b"wangfang" not in raw
        with sqlite3.connect(snapshot.path) as copy:
            tables = {
                str(n) for (n,) in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        assert not {t for t in tables if t.startswith("team_")} - {"team_row_versions"}
        assert "sites" in tables and "search_docs" in tables
        assert oct(snapshot.path.stat().st_mode & 0o777) == oct(0o600)
    finally:
        snapshot.remove()
    assert not snapshot.path.exists()


def test_a_replica_copied_again_after_an_import_keeps_what_it_had_not_sent(
    tmp_path: Path,
) -> None:
    server = RecordServer(tmp_path / "server")
    staff = ReplicaClient(tmp_path / "staff.db", server.account("anna", Role.STAFF))
    staff.first_copy(server)
    staff.repo.sites.save_site(Site(name="Made before the import"))
    solo = Repository.open(tmp_path / "solo.db")
    build_demo(solo, date(2026, 12, 7))
    solo.close()
    import_database(server.repo, tmp_path / "solo.db", COMMAND_LINE)
    staff.first_copy(server)
    assert [e.operation.name for e in staff.outbox_entries()] == ["sites.save_site"]
    [outcome] = staff.sync(server)
    assert outcome.outcome is Outcome.APPLIED
    staff.pull(server)
    assert content_dump(staff.repo) == content_dump(server.repo)
