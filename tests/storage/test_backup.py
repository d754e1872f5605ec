"""Backups through SQLite's backup API, restoring them, and who may read the files."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from outreach_app.core.model import Site
from outreach_app.storage.backup import (
    BackupError,
    aside_path,
    backup_due,
    backup_now,
    backup_time,
    list_backups,
    prune,
    restore,
    verify_backup,
)
from outreach_app.storage.repository import Repository
from outreach_app.storage.sqlite_driver import open_in_another_process
from tests.storage.shared import NOON, held_open_elsewhere, one_session


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def seeded(path: Path, *site_names: str) -> Path:
    repo = Repository.open(path)
    for name in site_names:
        repo.sites.save_site(Site(name))
    repo.close()
    return path


def site_names(path: Path) -> list[str]:
    repo = Repository.open(path)
    try:
        return [s.name for s in repo.sites.list_sites()]
    finally:
        repo.close()


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, under which files are world-readable unless the code prevents it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_backup_is_one_consistent_snapshot_while_another_thread_keeps_writing(
    tmp_path: Path,
) -> None:
    database = tmp_path / "outreach.db"
    repo = Repository.open(database)
    site, session = one_session(repo)
    repo.close()
    written = 0
    failures: list[BaseException] = []
    stop = threading.Event()

    def write() -> None:
        # The app's own thread: one question and its audit entry per transaction, as it saves.
        nonlocal written
        writer = Repository.open(database)
        try:
            while not stop.is_set():
                writer.notes.add_question(session, site, f"第{written}个问题：饮水工程水压不足")
                written += 1
        except BaseException as exc:
            failures.append(exc)
        finally:
            writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        while written < 50:
            time.sleep(0.01)
        backups = []
        for second in range(3):
            backups.append(
                backup_now(database, tmp_path / "backups", now=NOON + timedelta(seconds=second))
            )
            time.sleep(0.05)
        at_last_backup = written
        while written < at_last_backup + 50:
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join(30)
    assert failures == []

    counts = []
    for backup in backups:
        info = verify_backup(backup)
        conn = sqlite3.connect(backup)
        audited = conn.execute(
            "SELECT count(*) FROM audit_log WHERE entity = 'question' AND action = 'create'"
        ).fetchone()[0]
        indexed = conn.execute(
            "SELECT count(*) FROM search_docs WHERE kind = 'question'"
        ).fetchone()[0]
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
        conn.close()
        # Every question with its audit row and its search entry, or neither: one snapshot.
        assert info.questions == audited == indexed
        assert journal == "delete"  # one self-contained file, no -wal needed beside it
        counts.append(info.questions)
    assert 50 <= counts[0] <= counts[-1] < written
    assert not list((tmp_path / "backups").glob(".*partial"))


def test_backups_are_named_by_time_and_only_the_newest_are_kept(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    folder = tmp_path / "backups"
    folder.mkdir()
    foreign = folder / "notes.txt"
    foreign.write_text("not ours")
    other_database = folder / "demo-backup-20200101-000000.db"
    other_database.write_bytes(b"")
    made = [
        backup_now(database, folder, keep=3, now=NOON + timedelta(hours=hour)) for hour in range(5)
    ]
    assert made[0].name == "outreach-backup-20261123-120000.db"
    assert list_backups(folder, database) == made[2:]
    assert [backup_time(p) for p in made[2:]] == [NOON + timedelta(hours=h) for h in (2, 3, 4)]
    # Two in the same second do not overwrite each other.
    same_second = backup_now(database, folder, keep=10, now=NOON + timedelta(hours=4))
    assert same_second.name == "outreach-backup-20261123-160000-2.db"
    assert list_backups(folder, database)[-1] == same_second
    assert prune(folder, database, keep=1) == made[2:]
    assert list_backups(folder, database) == [same_second]
    assert foreign.read_text() == "not ours" and other_database.exists()


def test_database_wal_shm_backups_and_their_folder_are_readable_by_the_owner_only(
    tmp_path: Path, umask_022: None
) -> None:
    database = tmp_path / "data" / "outreach.db"
    repo = Repository.open(database)
    repo.sites.save_site(Site("东风村"))  # the WAL now has content
    for path in (
        database,
        database.with_name("outreach.db-wal"),
        database.with_name("outreach.db-shm"),
    ):
        assert path.exists(), path
        assert mode(path) == 0o600, (path, oct(mode(path)))
    backup = backup_now(database, tmp_path / "backups" / "nested")
    repo.close()
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700
    assert mode(backup.parent.parent) == 0o700

    restored_into = tmp_path / "elsewhere" / "outreach.db"
    restore(backup, restored_into)
    assert mode(restored_into) == 0o600
    seeded(database, "西山镇")
    aside = restore(backup, database)
    assert aside is not None and mode(aside) == 0o600


def test_an_existing_world_readable_database_is_made_private_when_opened(
    tmp_path: Path, umask_022: None
) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    database.chmod(0o644)
    Repository.open(database).close()
    assert mode(database) == 0o600


def test_restore_puts_the_backup_in_place_and_keeps_the_current_database_aside(
    tmp_path: Path,
) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    backup = backup_now(database, tmp_path / "backups")
    seeded(database, "西山镇")  # entered after the backup
    aside = restore(backup, database)
    assert aside == aside_path(database) == tmp_path / "outreach.db.before-restore"
    assert site_names(database) == ["东风村"]
    assert site_names(aside) == ["东风村", "西山镇"]
    # A second restore replaces the previous kept copy with the current database.
    seeded(database, "南湖乡")
    restore(backup, database)
    assert site_names(aside) == ["东风村", "南湖乡"]


def test_restore_keeps_changes_still_in_the_wal_with_the_file_set_aside(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    backup = backup_now(database, tmp_path / "backups")
    # A crash leaves committed changes in the -wal only: copy the files as they would be.
    live = Repository.open(database)
    live.db.execute("PRAGMA wal_autocheckpoint = 0")
    live.sites.save_site(Site("西山镇"))
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = database.with_name(database.name + suffix)
        (crashed / source.name).write_bytes(source.read_bytes())
    live.close()
    crashed_db = crashed / "outreach.db"
    assert crashed_db.with_name("outreach.db-wal").stat().st_size > 0
    aside = restore(backup, crashed_db)
    assert aside is not None
    assert site_names(crashed_db) == ["东风村"]
    assert site_names(aside) == ["东风村", "西山镇"]


def test_restore_into_a_place_without_a_database_keeps_nothing_aside(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    backup = backup_now(database, tmp_path / "backups")
    target = tmp_path / "new" / "outreach.db"
    assert restore(backup, target) is None
    assert site_names(target) == ["东风村"]


def _damaged_copy(backup: Path, tmp_path: Path) -> Path:
    damaged = tmp_path / "damaged-backup-20261123-120000.db"
    data = bytearray(backup.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    # Overwrite the middle of the file with garbage: the header still says "SQLite".
    for page in range(pages // 2, pages - 1):
        data[page * page_size + 8 : (page + 1) * page_size] = b"\xa5" * (page_size - 8)
    damaged.write_bytes(bytes(data))
    return damaged


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        ("damaged", "damaged"),
        ("truncated", "damaged"),
        ("foreign database", "not an Outreach database"),
        ("text file", "or not a database at all"),
        ("empty file", "is empty"),
        ("newer version", "newer version of Outreach"),
        ("missing", "does not exist"),
    ],
)
def test_restore_refuses_what_is_not_a_sound_outreach_backup_and_changes_nothing(
    tmp_path: Path, make: str, expected: str
) -> None:
    database = tmp_path / "outreach.db"
    repo = Repository.open(database)
    site, session = one_session(repo)
    for number in range(400):
        repo.notes.add_question(session, site, f"第{number}个问题：" + "供暖温度不达标" * 20)
    repo.close()
    good = backup_now(database, tmp_path / "backups")
    candidate = tmp_path / "candidate.db"
    if make == "damaged":
        candidate = _damaged_copy(good, tmp_path)
    elif make == "truncated":
        candidate.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    elif make == "foreign database":
        conn = sqlite3.connect(candidate)
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        conn.commit()
        conn.close()
    elif make == "text file":
        candidate.write_text("会议纪要\n" * 100)
    elif make == "empty file":
        candidate.write_bytes(b"")
    elif make == "newer version":
        candidate.write_bytes(good.read_bytes())
        conn = sqlite3.connect(candidate)
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('outreach', '9999_from_the_future', '2030-01-01')"
        )
        conn.commit()
        conn.close()
    before = database.read_bytes()
    with pytest.raises(BackupError, match=expected):
        restore(candidate, database)
    assert database.read_bytes() == before
    assert not aside_path(database).exists()
    assert site_names(database) == ["东风村"]


def test_restore_refuses_the_database_itself(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    with pytest.raises(BackupError, match="the database itself"):
        restore(database, database)


def test_restore_refuses_while_another_process_has_the_database_open(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    backup = backup_now(database, tmp_path / "backups")
    assert not open_in_another_process(database)
    with held_open_elsewhere(database):
        assert open_in_another_process(database)
        with pytest.raises(BackupError, match="open in another program"):
            restore(backup, database)
        assert not aside_path(database).exists()
    assert not open_in_another_process(database)
    restore(backup, database)


def test_backing_up_what_is_not_there_or_into_a_file_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no database at"):
        backup_now(tmp_path / "none.db", tmp_path / "backups")
    database = seeded(tmp_path / "outreach.db", "东风村")
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(BackupError, match="is a file, not a folder"):
        backup_now(database, not_a_folder)


def test_a_backup_is_due_when_the_data_changed_and_the_interval_passed(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    folder = tmp_path / "backups"
    hours = timedelta(hours=4)
    assert backup_due(database, folder, hours)  # there is none yet
    a_minute_ago = time.time() - 60
    os.utime(database, (a_minute_ago, a_minute_ago))
    made = backup_now(database, folder)
    started = backup_time(made)
    assert started is not None
    # Opening the database without writing is no change.
    Repository.open(database).close()
    assert not backup_due(database, folder, hours, now=started + timedelta(hours=5))
    later = started + timedelta(seconds=2)
    seeded(database, "西山镇")
    os.utime(database, (later.timestamp(), later.timestamp()))
    assert not backup_due(database, folder, hours, now=started + timedelta(hours=3))
    assert backup_due(database, folder, hours, now=started + timedelta(hours=4))
