"""`outreach-app import-demands`, run as an office's scheduled job would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.core.model import Site
from outreach_app.storage.repository import Repository
from outreach_app.sync.schema import migrate_sync

ROOT = Path(__file__).resolve().parents[2]
HEADER = (
    "留言编号,留言日期,地区,栏目,留言内容,办理状态,认领时间,认领人,回复时间,回复内容,办结时间\n"
)
FIRST = HEADER + (
    "B-1,2024-03-02,红旗村村委会,问政,三组水压不足,已认领,2024-03-03 09:00,张书记,,,\n"
    "B-2,2024-03-05,安定区,百姓呼声,村道路灯坏了,待认领,,,,,\n"
)
LATER = HEADER + (
    "B-1,2024-03-02,红旗村村委会,问政,三组水压不足,已办结,2024-03-03 09:00,张书记,"
    "2024-03-10 10:00,已换泵,2024-03-20 16:00\n"
    "B-2,2024-03-05,安定区,百姓呼声,村道路灯坏了,已认领,2024-03-06 08:00,刘书记,,,\n"
    "B-3,2024-04-01,红旗村村委会,问政,井盖缺失,待认领,,,,,\n"
)


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", "import-demands", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "outreach.db"
    repo = Repository.open(path)
    repo.sites.save_site(Site("红旗村村委会", region="甘肃省定西市安定区"))
    repo.close()
    return path


def _statuses(database: Path) -> dict[str, str]:
    repo = Repository.open(database, create=False)
    try:
        rows = repo.connection.rows(
            "SELECT d.board_id, f.status FROM demands d JOIN follow_ups f ON f.id = d.follow_up_id"
        )
        return {r["board_id"]: r["status"] for r in rows}
    finally:
        repo.close()


def test_an_export_then_a_later_one_with_a_dry_run_between(database: Path, tmp_path: Path) -> None:
    first, later = tmp_path / "march.csv", tmp_path / "april.csv"
    first.write_text(FIRST, encoding="utf-8")
    later.write_text(LATER, encoding="utf-8")
    result = run_import(str(first), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert "march.csv: imported 2 new, 0 updated" in result.stdout
    assert _statuses(database) == {"B-1": "claimed", "B-2": "open"}

    # Someone claims B-2 here before the next export arrives.
    repo = Repository.open(database, create=False)
    b2 = repo.connection.one("SELECT follow_up_id FROM demands WHERE board_id = 'B-2'")
    assert b2 is not None
    repo.follow_ups.claim_follow_up(b2["follow_up_id"], "王站长", owner="村委会")
    repo.close()
    before = database.read_bytes()

    dry = run_import(str(later), "--db", str(database), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "april.csv: would import 1 new, 1 updated with the board's progress" in dry.stdout
    assert "dry run: nothing was written" in dry.stdout
    assert database.read_bytes() == before
    assert _statuses(database) == {"B-1": "claimed", "B-2": "claimed"}

    result = run_import(str(later), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert "imported 1 new, 1 updated" in result.stdout
    assert "1 disagreement(s) with the work done here" in result.stdout
    assert "line 3 (message B-2): claimed by: the board says “刘书记”, here “王站长”" in (
        result.stdout
    )
    assert _statuses(database) == {"B-1": "solved", "B-2": "claimed", "B-3": "open"}


def test_a_file_with_wrong_lines_imports_nothing_and_lists_them(
    database: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "B-1,2024-03-02,红旗村村委会,问政,x,已办结,,,,,\n"
        + "B-2,2024-03-05,上海,问政,y,,,,,,\n",
        encoding="utf-8",
    )
    result = run_import(str(bad), "--db", str(database))
    assert result.returncode == 1
    assert "line 2: the status “已办结” needs 办结时间" in result.stderr
    assert "line 3: no site is called “上海”" in result.stderr
    assert "2 line(s) of bad.csv must be fixed; nothing was imported" in result.stderr
    assert _statuses(database) == {}


def test_bad_command_lines_and_a_team_replica(database: Path, tmp_path: Path) -> None:
    export = tmp_path / "board.csv"
    export.write_text(FIRST, encoding="utf-8")
    missing_file = run_import(str(tmp_path / "none.csv"), "--db", str(database))
    assert missing_file.returncode == 2 and "there is no file at" in missing_file.stderr
    missing_db = run_import(str(export), "--db", str(tmp_path / "none.db"))
    assert missing_db.returncode == 2 and "there is no database at" in missing_db.stderr
    assert not (tmp_path / "none.db").exists()
    repo = Repository.open(database, create=False)
    migrate_sync(repo.db)
    repo.close()
    replica = run_import(str(export), "--db", str(database))
    assert replica.returncode == 1 and "copy of a team's record" in replica.stderr
    assert _statuses(database) == {}
