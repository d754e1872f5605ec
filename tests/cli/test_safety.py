"""`outreach-app backup | restore | encrypt | decrypt`, run as a person or a script would."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.core.model import Site
from outreach_app.storage.backup import aside_path, list_backups
from outreach_app.storage.encryption import KEY_ENVIRONMENT
from outreach_app.storage.repository import Repository
from outreach_app.storage.sqlite_driver import file_state
from tests.app_process import start_app

ROOT = Path(__file__).resolve().parents[2]
KEY = "区县连线口令 2026"


def run_cli(*args: str, key: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(KEY_ENVIRONMENT, None)
    if key is not None:
        env[KEY_ENVIRONMENT] = key
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def seeded(path: Path, *names: str, key: str | None = None) -> Path:
    repo = Repository.open(path, key=key)
    for name in names:
        repo.sites.save_site(Site(name))
    repo.close()
    return path


def names(path: Path, key: str | None = None) -> list[str]:
    repo = Repository.open(path, key=key)
    try:
        return [s.name for s in repo.sites.list_sites()]
    finally:
        repo.close()


def test_backup_then_restore_round_trip(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    folder = tmp_path / "backups"
    result = run_cli("backup", "--db", str(database), "--to", str(folder))
    assert result.returncode == 0, result.stderr
    backup = Path(result.stdout.strip())
    assert list_backups(folder, database) == [backup]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    seeded(database, "西山镇")
    result = run_cli("restore", str(backup), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout and str(aside_path(database)) in result.stdout
    assert names(database) == ["东风村"]
    assert names(aside_path(database)) == ["东风村", "西山镇"]


def test_backup_goes_to_the_folder_and_keeps_the_number_in_settings(tmp_path: Path) -> None:
    from outreach_app.ui.settings import AppSettings

    settings = AppSettings()  # the file the command reads: OUTREACH_CONFIG_DIR is per test
    folder = tmp_path / "chosen backups"
    database = seeded(tmp_path / "outreach.db", "东风村")
    settings.set_database_path(str(database))
    settings.set_backup_folder(str(folder))
    settings.set_backups_kept(2)
    settings.sync()
    for _ in range(3):
        result = run_cli("backup")
        assert result.returncode == 0, result.stderr
    assert len(list_backups(folder, database)) == 2


def test_bad_input_gets_a_clear_message_and_exit_code_2(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    for args, message in (
        (("backup", "--db", str(tmp_path / "none.db")), "there is no database at"),
        (("backup", "--db", str(tmp_path)), "is a folder"),
        (("backup", "--db", str(database), "--keep", "0"), "--keep must be from 1 to"),
        (("restore", str(tmp_path / "none.db"), "--db", str(database)), "no backup file at"),
        (("restore",), "the following arguments are required: BACKUP"),
    ):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_a_damaged_backup_is_refused_with_exit_code_1_and_nothing_changes(
    tmp_path: Path,
) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    damaged = tmp_path / "outreach-backup-20261123-120000.db"
    good = Path(run_cli("backup", "--db", str(database), "--to", str(tmp_path)).stdout.strip())
    data = good.read_bytes()
    damaged.write_bytes(data[:100] + b"\x00" * 4000 + data[4100:])
    before = database.read_bytes()
    result = run_cli("restore", str(damaged), "--db", str(database))
    assert result.returncode == 1
    assert "outreach-app restore:" in result.stderr
    assert "damaged" in result.stderr or "not a database" in result.stderr
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before and not aside_path(database).exists()


def test_restore_is_refused_while_the_app_has_the_database_open(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    backup = Path(run_cli("backup", "--db", str(database), "--to", str(tmp_path)).stdout.strip())
    repo = Repository.open(database)  # this test's process plays the running app
    try:
        repo.sites.list_sites()
        result = run_cli("restore", str(backup), "--db", str(database))
    finally:
        repo.close()
    assert result.returncode == 1
    assert "open in another program; quit Outreach" in result.stderr


def test_encrypt_backup_restore_and_decrypt_with_the_key_in_the_environment(
    tmp_path: Path,
) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    result = run_cli("encrypt", "--db", str(database), key=KEY)
    assert result.returncode == 0, result.stderr
    assert "no system keyring" in result.stdout
    assert file_state(database) == "encrypted"
    assert names(database, KEY) == ["东风村"]

    # Without the key and without a terminal to ask in: a clear refusal.
    result = run_cli("backup", "--db", str(database), "--to", str(tmp_path / "b"))
    assert result.returncode == 1
    assert f"set {KEY_ENVIRONMENT}" in result.stderr
    result = run_cli("backup", "--db", str(database), "--to", str(tmp_path / "b"), key="wrong!!!")
    assert result.returncode == 1
    assert f"the passphrase in {KEY_ENVIRONMENT} does not open" in result.stderr

    result = run_cli("backup", "--db", str(database), "--to", str(tmp_path / "b"), key=KEY)
    assert result.returncode == 0, result.stderr
    backup = Path(result.stdout.strip())
    assert file_state(backup) == "encrypted"
    seeded(database, "西山镇", key=KEY)
    result = run_cli("restore", str(backup), "--db", str(database), key=KEY)
    assert result.returncode == 0, result.stderr
    assert names(database, KEY) == ["东风村"]

    result = run_cli("decrypt", "--db", str(database), key=KEY)
    assert result.returncode == 0, result.stderr
    assert file_state(database) == "plain"
    assert names(database) == ["东风村"]


def test_encrypt_refuses_a_short_passphrase_and_an_encrypted_file(tmp_path: Path) -> None:
    database = seeded(tmp_path / "outreach.db", "东风村")
    result = run_cli("encrypt", "--db", str(database), key="short")
    assert result.returncode == 1
    assert "at least 8 characters; nothing was changed" in result.stderr
    assert file_state(database) == "plain"
    assert run_cli("encrypt", "--db", str(database), key=KEY).returncode == 0
    result = run_cli("encrypt", "--db", str(database), key=KEY)
    assert result.returncode == 1 and "already encrypted" in result.stderr
    result = run_cli("decrypt", "--db", str(database), key="not the passphrase")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_the_main_help_points_to_the_data_safety_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "backup|restore|encrypt|decrypt" in result.stdout
    result = run_cli("backup", "--help")
    assert result.returncode == 0 and "--to FOLDER" in result.stdout


@pytest.mark.slow
def test_the_app_opens_an_encrypted_database_and_backs_it_up_encrypted_at_quit(
    tmp_path: Path,
) -> None:
    database = seeded(tmp_path / "secret.db", "东风村", key=KEY)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", KEY_ENVIRONMENT: KEY}
    process = start_app(["--db", str(database), "--user", "王芳", "--role", "staff", "-v"], env)
    process.send_signal(signal.SIGTERM)
    assert process.wait(30) == 0
    # No backup yet, so one is made at quit (default schedule), encrypted like the database.
    made = list_backups(Path(env["OUTREACH_DATA_DIR"]) / "backups", database)
    assert len(made) == 1
    assert file_state(made[0]) == "encrypted"
    assert names(made[0], KEY) == ["东风村"]
