"""The command line: clear messages for bad input, and the real app starting and stopping."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.core.model import Site
from outreach_app.storage.repository import Repository
from tests.app_process import start_app

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_a_folder_as_database_is_refused_clearly(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path))
    assert result.returncode == 2
    assert "is a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_without_role_is_refused_clearly(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.db"), "--user", "王芳")
    assert result.returncode == 2
    assert "--user and --role go together" in result.stderr


def test_unknown_role_lists_the_valid_ones(tmp_path: Path) -> None:
    result = run_cli("--user", "王芳", "--role", "boss")
    assert result.returncode == 2
    assert "staff" in result.stderr and "reviewer" in result.stderr


def test_demo_refuses_to_overwrite_a_real_database(tmp_path: Path) -> None:
    real = tmp_path / "real.db"
    Repository.open(real).sites.save_site(Site("真实站点"))
    result = run_cli("--demo", "--db", str(real))
    assert result.returncode == 2
    assert "holds real data" in result.stderr
    assert [s.name for s in Repository.open(real).sites.list_sites()] == ["真实站点"]


@pytest.mark.slow
def test_demo_app_starts_shows_its_window_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = ["--demo", "--db", str(db), "--user", "王芳", "--role", "official", "-v"]
    process = start_app(argv, env)
    process.send_signal(signal.SIGTERM)
    assert process.wait(15) == 0
    repo = Repository.open(db)
    assert len(repo.sites.list_sites()) == 6
    assert repo.integrity_check() == "ok"


def test_the_database_chosen_in_settings_is_used_unless_db_is_given(tmp_path: Path) -> None:
    from outreach_app.cli.usage import configured_database
    from outreach_app.ui.settings import AppSettings

    assert configured_database() is None
    settings = AppSettings()
    settings.set_database_path(str(tmp_path / "office.db"))
    settings.sync()
    assert configured_database() == tmp_path / "office.db"


def test_something_that_is_not_an_invitation_link_is_refused_clearly(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.db"), "see you at nine")
    assert result.returncode == 2
    assert "is not an invitation link" in result.stderr
    assert "Traceback" not in result.stderr
