"""Every command that opens a database refuses an empty file, another program's database and a
newer version's, with exit code 1 and a message, and leaves every file as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from outreach_app.storage.encryption import KEY_ENVIRONMENT
from outreach_app.storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]


def _empty(path: Path) -> str:
    path.touch()
    return "empty file"


def _foreign(path: Path) -> str:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.close()
    return "another program's database"


def _newer(path: Path) -> str:
    Repository.open(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('outreach', '9999_from_the_future', '2030-01-01')"
    )
    conn.close()
    return "newer version of Outreach"


KINDS: dict[str, Callable[[Path], str]] = {"empty": _empty, "foreign": _foreign, "newer": _newer}


def _commands(database: Path, folder: Path) -> dict[str, list[str]]:
    backup = folder / "good-backup.db"
    demands = folder / "board.csv"
    demands.write_text("date,site,channel,text\n2026-11-03,红旗村,问政,路灯不亮\n", "utf-8")
    return {
        "report": ["report", "--month", "2026-11", "--format", "json", "--db", str(database)],
        "backup": ["backup", "--db", str(database), "--to", str(folder / "backups")],
        "encrypt": ["encrypt", "--db", str(database)],
        "restore": ["restore", str(backup), "--db", str(database)],
        "import-demands": ["import-demands", str(demands), "--db", str(database)],
    }


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("command", ["report", "backup", "encrypt", "restore", "import-demands"])
def test_a_file_that_is_not_ours_is_refused_and_left_as_it_was(
    tmp_path: Path, command: str, kind: str
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    Repository.open(folder / "good-backup.db").close()
    database = folder / "outreach.db"
    message = KINDS[kind](database)
    arguments = _commands(database, folder)[command]
    before = _fingerprint(folder)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", KEY_ENVIRONMENT: "区县连线口令 2026"}
    result = subprocess.run(
        [sys.executable, "-m", "outreach_app", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    assert str(database) in result.stderr
    assert "Traceback" not in result.stderr
    assert _fingerprint(folder) == before
    assert not (tmp_path / "files" / "backups").exists()
