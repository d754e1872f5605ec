"""`outreach-app --demo --team`: the demo office's server started once on 127.0.0.1, each role
signed in at a desk of its own, and what goes wrong said in plain words."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_app.cli import main
from outreach_app.cli.team_demo import (
    DemoOfficeError,
    open_demo_office,
    remove_old_copies,
    server_answers,
)
from outreach_app.core.model import Role
from tests.turn import free_port


@pytest.mark.slow
def test_the_office_starts_once_and_each_role_signs_in_at_a_desk_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    base = tmp_path / "data"
    official = open_demo_office(Role.OFFICIAL, port)
    try:
        assert official.server is not None and server_answers(port)
        assert official.credentials.role is Role.OFFICIAL
        assert official.credentials.account == "wangjianguo"
        desk = base / "demo-team" / "desks" / "official"
        assert os.environ["OUTREACH_DATA_DIR"] == str(desk / "data")
        assert os.environ["OUTREACH_CONFIG_DIR"] == str(desk / "config")

        # A second copy of the app (here: the same process, back in the person's folders)
        # finds the server running and signs in to the same record as another role.
        monkeypatch.setenv("OUTREACH_DATA_DIR", str(base))
        reviewer = open_demo_office(Role.REVIEWER, port)
        assert reviewer.server is None
        assert reviewer.credentials.role is Role.REVIEWER
        assert reviewer.credentials.record == official.credentials.record
        reviewer.close()
        assert server_answers(port), "only the copy that started the server stops it"
    finally:
        official.close()
    assert not server_answers(port)
    assert official.server is None


def test_a_role_without_a_demo_account_is_refused_before_anything_starts(tmp_path: Path) -> None:
    with pytest.raises(DemoOfficeError, match="no account for that role"):
        open_demo_office(Role.ADMIN, free_port())
    assert not (tmp_path / "data" / "demo-team").exists()


class _NotOurs(http.server.BaseHTTPRequestHandler):
    """Another program on the demo's port: answers /health, knows nothing of signing in."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def do_POST(self) -> None:
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def other_program() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotOurs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_another_program_on_the_port_is_named_as_the_reason(other_program: int) -> None:
    with pytest.raises(DemoOfficeError) as raised:
        open_demo_office(Role.STAFF, other_program)
    said = str(raised.value)
    assert f"127.0.0.1:{other_program}" in said and "limin" in said
    assert "stop it and start the demo again" in said


def test_copies_of_earlier_records_go(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    for name in ("h-wang-old.db", "h-wang-old.db-wal", "h-wang-new.db", "h-wang-new.db-wal"):
        (team / name).write_bytes(b"x")
    remove_old_copies(tmp_path, "new")
    assert sorted(p.name for p in team.iterdir()) == ["h-wang-new.db", "h-wang-new.db-wal"]
    remove_old_copies(tmp_path / "nothing-here", "new")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--team"], "--team goes with --demo"),
        (["--demo", "--team", "--user", "王芳"], "no --user or --db"),
        (["--demo", "--team", "--db", "x.db"], "no --user or --db"),
        (["--user", "王芳", "--role", "note_taker"], "exists in team mode"),
        (["--user", "王芳", "--role", "admin"], "exists in team mode"),
    ],
)
def test_command_lines_that_cannot_be_meant_are_refused(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 2
    assert said in capsys.readouterr().err


def test_the_bundled_app_runs_the_server_as_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    # A frozen app has no `python -m`: the demo office starts `outreach-app server ...`.
    with pytest.raises(SystemExit) as ended:
        main(["server", "--help"])
    assert ended.value.code == 0
    assert "--data" in capsys.readouterr().out
