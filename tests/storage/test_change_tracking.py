from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.storage.change_tracking import ChangeTracker, Touch, TouchedRow
from outreach_app.storage.repository import Repository
from outreach_app.storage.schema import migrations, register_functions
from outreach_app.storage.shared_rows import SHARED_TABLES


def _tracked(path: Path) -> tuple[Database, ChangeTracker]:
    db = Repository.open(path).db
    tracker = ChangeTracker()
    tracker.install(db, [table.name for table in SHARED_TABLES])
    return db, tracker


def _new_site(db: Database, name: str) -> int:
    cursor = db.execute(
        "INSERT INTO sites (name, created_at, updated_at) VALUES (?, '2026-01-01', '2026-01-01')",
        (name,),
    )
    return int(cursor.lastrowid or 0)


def test_every_shared_row_gets_a_uid_even_without_tracking(tmp_path: Path) -> None:
    db = Repository.open(tmp_path / "solo.db").db
    site = _new_site(db, "Village")
    uid = db.execute("SELECT uid FROM sites WHERE id = ?", (site,)).fetchone()[0]
    assert isinstance(uid, str) and len(uid) == 32


def test_an_operation_reports_what_it_inserted_updated_and_deleted(tmp_path: Path) -> None:
    db, tracker = _tracked(tmp_path / "a.db")
    with tracker.operation("op-1") as effect:
        site = _new_site(db, "Village")
        db.execute("UPDATE sites SET region = 'North' WHERE id = ?", (site,))
    uid = db.execute("SELECT uid FROM sites WHERE id = ?", (site,)).fetchone()[0]
    assert effect.touched == [TouchedRow("sites", uid, Touch.INSERT)]
    with tracker.operation("op-2") as effect:
        db.execute("UPDATE sites SET region = 'South' WHERE id = ?", (site,))
    assert effect.touched == [TouchedRow("sites", uid, Touch.UPDATE)]
    with tracker.operation("op-3") as effect:
        db.execute("DELETE FROM sites WHERE id = ?", (site,))
    assert effect.touched == [TouchedRow("sites", uid, Touch.DELETE)]


def test_changes_outside_an_operation_are_not_reported(tmp_path: Path) -> None:
    db, tracker = _tracked(tmp_path / "a.db")
    _new_site(db, "Applied from the server")
    with tracker.operation("op-1") as effect:
        pass
    assert effect.touched == []


def test_cascaded_deletes_are_reported(tmp_path: Path) -> None:
    db, tracker = _tracked(tmp_path / "a.db")
    site = _new_site(db, "Village")
    session = db.execute(
        "INSERT INTO sessions (title, kind, start, duration_minutes, created_at, updated_at)"
        " VALUES ('S', 'policy_briefing', '2026-01-01 10:00:00', 60, '2026', '2026')"
    ).lastrowid
    db.execute(
        "INSERT INTO session_sites (session_id, site_id, position, time_box_minutes)"
        " VALUES (?, ?, 0, 10)",
        (session, site),
    )
    with tracker.operation("op-1") as effect:
        db.execute("DELETE FROM sessions WHERE id = ?", (session,))
    assert {(row.table, row.touch) for row in effect.touched} == {
        ("sessions", Touch.DELETE),
        ("session_sites", Touch.DELETE),
    }


def test_the_same_operation_gives_the_same_uids_in_two_databases(tmp_path: Path) -> None:
    uids = []
    for name in ("client.db", "server.db"):
        db, tracker = _tracked(tmp_path / name)
        with tracker.operation("5f0c8d3e-op"):
            first = _new_site(db, "First")
            second = _new_site(db, "Second")
        uids.append(
            [
                db.execute("SELECT uid FROM sites WHERE id = ?", (row,)).fetchone()[0]
                for row in (first, second)
            ]
        )
    assert uids[0] == uids[1]
    assert uids[0][0] != uids[0][1]


def test_operations_do_not_nest(tmp_path: Path) -> None:
    _db, tracker = _tracked(tmp_path / "a.db")
    with tracker.operation("outer"), pytest.raises(RuntimeError), tracker.operation("inner"):
        pass


def test_migration_0008_gives_every_existing_row_its_own_uid(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    conn = sqlite3.connect(str(path), isolation_level=None)
    old = Database(conn)
    register_functions(old)
    migrations.apply(old, stop_before="0008_record_ids")
    for name in ("红旗村村委会", "Gas field control room"):
        old.execute(
            "INSERT INTO sites (name, created_at, updated_at) VALUES (?, '2026', '2026')", (name,)
        )
    conn.close()

    db = Repository.open(path).db
    uids = [row[0] for row in db.execute("SELECT uid FROM sites ORDER BY id")]
    assert len(uids) == 2 and len(set(uids)) == 2
    assert all(isinstance(uid, str) and len(uid) == 32 for uid in uids)
    assert db.execute("SELECT count(*) FROM categories WHERE uid IS NULL").fetchone()[0] == 0
