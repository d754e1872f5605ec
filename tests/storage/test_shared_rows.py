from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import (
    SHARED_TABLES,
    TABLES_BY_NAME,
    MissingRowError,
    apply_row,
    delete_row,
    is_local_table,
    read_row,
)


def _db(path: Path) -> Database:
    return Repository.open(path).db


def _uid(db: Database, table: str, local_id: int) -> str:
    return str(db.execute(f"SELECT uid FROM {table} WHERE rowid = ?", (local_id,)).fetchone()[0])


def _site(db: Database, name: str) -> int:
    return int(
        db.execute(
            "INSERT INTO sites (name, created_at, updated_at) VALUES (?, '2026', '2026')", (name,)
        ).lastrowid
        or 0
    )


def _session(db: Database) -> int:
    return int(
        db.execute(
            "INSERT INTO sessions (title, kind, start, duration_minutes, created_at, updated_at)"
            " VALUES ('S', 'policy_briefing', '2026-01-01 10:00:00', 60, '2026', '2026')"
        ).lastrowid
        or 0
    )


def _copy(source: Database, target: Database, table: str, uid: str) -> None:
    row = read_row(source, table, uid)
    assert row is not None
    apply_row(target, table, row)


def test_every_table_is_either_shared_or_local(tmp_path: Path) -> None:
    db = _db(tmp_path / "a.db")
    tables = {
        str(name)
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    }
    unclassified = {t for t in tables if t not in TABLES_BY_NAME and not is_local_table(t)}
    assert unclassified == set()


def test_shared_tables_name_every_foreign_key_and_come_after_their_parents(
    tmp_path: Path,
) -> None:
    db = _db(tmp_path / "a.db")
    seen: set[str] = set()
    for table in SHARED_TABLES:
        keys = {
            str(row[3]): str(row[2])
            for row in db.execute(f"PRAGMA foreign_key_list({table.name})").fetchall()
        }
        # Every foreign key is known; the audit trail also names sessions without one.
        assert keys.items() <= dict(table.references).items(), table.name
        assert set(table.references.values()) <= seen, table.name
        seen.add(table.name)


def test_a_row_travels_with_its_references_as_uids(tmp_path: Path) -> None:
    here, there = _db(tmp_path / "here.db"), _db(tmp_path / "there.db")
    _site(there, "Someone else's site")  # local ids differ between the two databases
    site, session = _site(here, "Village"), _session(here)
    here.execute(
        "INSERT INTO session_sites (session_id, site_id, position, time_box_minutes)"
        " VALUES (?, ?, 0, 12)",
        (session, site),
    )
    slot_uid = here.execute("SELECT uid FROM session_sites").fetchone()[0]
    travelling = read_row(here, "session_sites", slot_uid)
    assert travelling is not None
    assert travelling["site_id"] == _uid(here, "sites", site)
    assert "id" not in (read_row(here, "sites", _uid(here, "sites", site)) or {})

    for table, local in (("sites", site), ("sessions", session)):
        _copy(here, there, table, _uid(here, table, local))
    apply_row(there, "session_sites", travelling)
    there_site = there.execute("SELECT id FROM sites WHERE name = 'Village'").fetchone()[0]
    assert there_site != site
    assert there.execute("SELECT site_id, time_box_minutes FROM session_sites").fetchall() == [
        (there_site, 12)
    ]


def test_applying_a_row_again_updates_it_in_place(tmp_path: Path) -> None:
    here, there = _db(tmp_path / "here.db"), _db(tmp_path / "there.db")
    site = _site(here, "Village")
    uid = _uid(here, "sites", site)
    _copy(here, there, "sites", uid)
    here.execute("UPDATE sites SET region = 'North' WHERE id = ?", (site,))
    _copy(here, there, "sites", uid)
    assert there.execute("SELECT count(*), max(region) FROM sites").fetchone() == (1, "North")
    delete_row(there, "sites", uid)
    assert there.execute("SELECT count(*) FROM sites").fetchone()[0] == 0


def test_a_row_whose_parent_is_missing_is_refused(tmp_path: Path) -> None:
    here, there = _db(tmp_path / "here.db"), _db(tmp_path / "there.db")
    site, session = _site(here, "Village"), _session(here)
    here.execute(
        "INSERT INTO briefings (session_id, site_id, text) VALUES (?, ?, 'Open items')",
        (session, site),
    )
    uid = here.execute("SELECT uid FROM briefings").fetchone()[0]
    row = read_row(here, "briefings", uid)
    assert row is not None
    with pytest.raises(MissingRowError):
        apply_row(there, "briefings", row)


def test_the_records_briefing_replaces_a_local_one_for_the_same_site(tmp_path: Path) -> None:
    here, there = _db(tmp_path / "here.db"), _db(tmp_path / "there.db")
    site, session = _site(here, "Village"), _session(here)
    for table, local in (("sites", site), ("sessions", session)):
        _copy(here, there, table, _uid(here, table, local))
    for db, text in ((here, "From the record"), (there, "Made offline")):
        db.execute(
            "INSERT INTO briefings (session_id, site_id, text)"
            " SELECT s.id, t.id, ? FROM sessions s, sites t",
            (text,),
        )
    _copy(here, there, "briefings", here.execute("SELECT uid FROM briefings").fetchone()[0])
    assert there.execute("SELECT text FROM briefings").fetchall() == [("From the record",)]


def test_the_audit_trail_names_its_row_by_uid(tmp_path: Path) -> None:
    here, there = _db(tmp_path / "here.db"), _db(tmp_path / "there.db")
    site = _site(here, "Village")
    here.execute(
        "INSERT INTO audit_log (at, actor, role, action, entity, entity_id)"
        " VALUES ('2026', 'anna', 'staff', 'create', 'site', ?)",
        (site,),
    )
    _site(there, "Other")
    _copy(here, there, "sites", _uid(here, "sites", site))
    row = read_row(here, "audit_log", here.execute("SELECT uid FROM audit_log").fetchone()[0])
    assert row is not None and row["entity_id"] == _uid(here, "sites", site)
    apply_row(there, "audit_log", row)
    assert (
        there.execute("SELECT entity_id FROM audit_log").fetchone()[0]
        == there.execute("SELECT id FROM sites WHERE name = 'Village'").fetchone()[0]
    )
