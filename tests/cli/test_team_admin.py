"""`outreach-server init|users|import|backup|restore` as an administrator uses them."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from outreach_app.cli.team_admin import main
from outreach_app.storage.demo import build_demo
from outreach_app.storage.repository import Repository
from outreach_app.team.admin import list_accounts

PASSWORD = "a long enough password"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return False


def run(*argv: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdin=Terminal(stdin), out=out)
    return code, out.getvalue()


def test_an_office_from_nothing_to_accounts(tmp_path: Path) -> None:
    data = tmp_path / "record"
    assert run("init", "--data", str(data), "--office", "县委办公室")[0] == 0
    assert oct(data.stat().st_mode & 0o777) == oct(0o700)
    code, out = run(
        "users", "add", "--data", str(data), "wang", "--role", "admin", stdin=PASSWORD + "\n"
    )
    assert code == 0 and "wang" in out
    run("users", "add", "--data", str(data), "li", "--role", "staff", stdin=PASSWORD + "\n")
    code, out = run("users", "list", "--data", str(data))
    assert code == 0
    assert [line.split("\t")[:3] for line in out.splitlines()] == [
        ["li", "staff", "active"],
        ["wang", "admin", "active"],
    ]
    assert run("users", "disable", "--data", str(data), "li")[0] == 0
    assert [a.disabled for a in list_accounts(data)] == [True, False]
    assert (
        run("users", "reset-password", "--data", str(data), "wang", stdin="another long one\n")[0]
        == 0
    )
    for path in data.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()


def test_a_password_is_never_an_argument(tmp_path: Path) -> None:
    data = tmp_path / "record"
    run("init", "--data", str(data))
    with pytest.raises(SystemExit) as exited:
        main(["users", "add", "--data", str(data), "wang", "--role", "admin", "--password", "x"])
    assert exited.value.code == 2


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (["users", "add", "NAME", "--role", "admin"], PASSWORD),  # no data folder
        (["users", "add", "--data", "DATA", "NAME", "--role", "boss"], PASSWORD),
        (["frobnicate", "--data", "DATA"], ""),
    ],
)
def test_command_line_mistakes_exit_2(tmp_path: Path, argv: list[str], stdin: str) -> None:
    argv = [str(tmp_path / "record") if a == "DATA" else a for a in argv]
    with pytest.raises(SystemExit) as exited:
        main(argv, stdin=Terminal(stdin), out=io.StringIO())
    assert exited.value.code == 2


def test_what_cannot_be_done_exits_1_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "record"
    assert run("users", "list", "--data", str(data))[0] == 1
    assert "holds no record" in capsys.readouterr().err
    run("init", "--data", str(data))
    assert run("init", "--data", str(data))[0] == 1
    assert (
        run("users", "add", "--data", str(data), "wang", "--role", "admin", stdin="short\n")[0] == 1
    )
    run("users", "add", "--data", str(data), "wang", "--role", "admin", stdin=PASSWORD + "\n")
    assert (
        run("users", "add", "--data", str(data), "WANG", "--role", "staff", stdin=PASSWORD + "\n")[
            0
        ]
        == 1
    )
    assert run("users", "disable", "--data", str(data), "nobody")[0] == 1
    assert "no account" in capsys.readouterr().err


def test_import_backup_and_restore(tmp_path: Path) -> None:
    solo = tmp_path / "outreach.db"
    repo = Repository.open(solo)
    build_demo(repo, today=date(2026, 12, 7))
    sites = repo.db.execute("SELECT count(*) FROM sites").fetchone()[0]
    repo.close()
    data = tmp_path / "record"
    run("init", "--data", str(data))
    code, out = run("import", "--data", str(data), str(solo))
    assert code == 0 and "Imported" in out
    code, out = run("backup", "--data", str(data))
    assert code == 0
    backup = Path(out.strip())
    assert backup.is_file() and backup.parent == data / "backups"
    with sqlite3.connect(data / "record.db") as db:
        db.execute("DELETE FROM briefings")
        db.execute("UPDATE sites SET region = 'changed after the backup'")
    assert run("restore", "--data", str(data), str(backup))[0] == 0
    with sqlite3.connect(data / "record.db") as db:
        assert db.execute("SELECT count(*) FROM sites").fetchone()[0] == sites
        changed = db.execute("SELECT count(*) FROM sites WHERE region LIKE 'changed%'")
        assert changed.fetchone()[0] == 0
