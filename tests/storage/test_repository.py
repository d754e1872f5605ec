"""The database file the store opens: pragmas, migrations, permissions."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from outreach_app.storage.identity import DatabaseKind, DatabaseRefusedError, inspect_database
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


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file in `folder` with the hash of its bytes."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def _foreign(path: Path, *, wal: bool) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.close()


def _refused(path: Path, kind: DatabaseKind, message: str, **open_args: object) -> None:
    before = _fingerprint(path.parent)
    with pytest.raises(DatabaseRefusedError, match=message) as refused:
        Repository.open(path, **open_args)  # type: ignore[arg-type]
    assert refused.value.kind is kind
    assert _fingerprint(path.parent) == before


def test_an_empty_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    _refused(empty, DatabaseKind.EMPTY, "empty file")
    assert empty.stat().st_size == 0


@pytest.mark.parametrize("wal", [False, True])
def test_another_programs_database_is_refused_byte_for_byte(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "accounts.sqlite"
    _foreign(path, wal=wal)
    _refused(path, DatabaseKind.FOREIGN, r"another program's database \(it holds invoices\)")
    assert not (tmp_path / "accounts.sqlite-wal").exists()
    assert not (tmp_path / "accounts.sqlite-shm").exists()


def test_a_foreign_database_in_use_is_refused_and_its_wal_and_shm_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "busy.sqlite"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    writer.execute("INSERT INTO invoices DEFAULT VALUES")
    try:
        # Its tables are only in the -wal so far; the main file alone shows none.
        assert (tmp_path / "busy.sqlite-wal").stat().st_size > 0
        _refused(path, DatabaseKind.FOREIGN, "invoices")
    finally:
        writer.close()


def test_an_sqlite_file_without_tables_is_not_taken_for_ours(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    _refused(path, DatabaseKind.FOREIGN, "not an Outreach database")


def test_an_outreach_database_with_tables_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mixed.db"
    Repository.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    _refused(path, DatabaseKind.FOREIGN, "invoices")


def test_a_newer_schema_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    Repository.open(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('outreach', '9999_from_the_future', '2030-01-01')"
    )
    conn.close()
    _refused(path, DatabaseKind.NEWER, "newer version of Outreach")


def test_a_newer_migration_still_in_the_wal_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    Repository.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('outreach', '9999_from_the_future', '2030-01-01')"
    )
    try:
        with pytest.raises(DatabaseRefusedError, match="newer version") as refused:
            Repository.open(path)
        assert refused.value.kind is DatabaseKind.NEWER
        names = [r[0] for r in other.execute("SELECT name FROM _sqlite_migrations")]
        assert names[-1] == "9999_from_the_future"  # nothing was migrated over it
    finally:
        other.close()


def test_a_missing_file_is_made_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.db"
    with pytest.raises(DatabaseRefusedError, match="there is no database") as refused:
        Repository.open(path, create=False)
    assert refused.value.kind is DatabaseKind.MISSING
    assert not path.exists() and not path.parent.exists()
    Repository.open(path).close()
    # Made whole beside its place, then moved there: nothing of the making is left.
    assert sorted(p.name for p in path.parent.iterdir()) == ["new.db"]
    assert inspect_database(path).kind is DatabaseKind.OURS
    Repository.open(path, create=False).close()


def test_a_half_made_database_from_a_crash_is_cleared_when_made_again(tmp_path: Path) -> None:
    (tmp_path / ".new.db.creating").write_bytes(b"SQLite format 3\x00 cut short")
    Repository.open(tmp_path / "new.db").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]
