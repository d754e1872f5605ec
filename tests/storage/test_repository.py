"""The database file the store opens: pragmas, migrations, permissions."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from outreach_app.storage.repository import Repository, StoreError
from outreach_app.storage.schema import migrations


def test_file_database_uses_wal_foreign_keys_and_records_migrations(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "a.db")
    assert repo.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert repo.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = [r[0] for r in repo.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    # Later migrations may follow; these come first, in this order, and none is left pending.
    assert applied[:5] == [
        "0001_initial",
        "0002_session_times",
        "0003_search_filter_indexes",
        "0004_site_checks_and_recordings",
        "0005_follow_up_workflow",
    ]
    assert migrations.pending(repo.db) == []
    repo.close()
    # Opening again applies nothing twice.
    again = Repository.open(tmp_path / "a.db")
    count = again.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert count == len(applied)
    assert again.meta.list_categories()  # default categories seeded once


def test_database_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    Repository.open(tmp_path / "private.db").close()
    mode = stat.S_IMODE((tmp_path / "private.db").stat().st_mode)
    assert mode == 0o600


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("just some text, not SQLite" * 100)
    with pytest.raises(StoreError, match="not a usable Outreach database"):
        Repository.open(bogus)
