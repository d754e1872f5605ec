"""The sign-in's token is kept in the keyring where there is one, else in a file only its owner
reads; forgetting it leaves neither. The password is never kept."""

from __future__ import annotations

import stat
from pathlib import Path

from outreach_app.core.model import Role
from outreach_app.ui.settings import AppSettings, TeamSettings
from outreach_app.ui.team.saved_sign_in import KEYRING_SERVICE, SavedSignIn
from tests.storage.test_encryption import MemoryKeyring

SERVER = "https://team.example.org"


def test_without_a_keyring_the_token_is_in_a_file_only_its_owner_reads(tmp_path: Path) -> None:
    saved = SavedSignIn(tmp_path / "config")
    saved.save(SERVER, "anna", "the-token")
    assert stat.S_IMODE(saved.file.stat().st_mode) == 0o600
    assert saved.load(SERVER, "anna") == "the-token"
    assert saved.load(SERVER, "li") is None
    assert saved.load("https://other.example.org", "anna") is None
    saved.forget(SERVER, "anna")
    assert not saved.file.exists()
    assert saved.load(SERVER, "anna") is None


def test_with_a_keyring_the_token_is_kept_there_and_no_file_is_written(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    saved = SavedSignIn(tmp_path / "config")
    saved.save(SERVER, "anna", "the-token")
    assert not saved.file.exists()
    assert list(memory_keyring.secrets.values()) == ["the-token"]
    assert {service for service, _ in memory_keyring.secrets} == {KEYRING_SERVICE}
    assert saved.load(SERVER, "anna") == "the-token"
    saved.forget(SERVER, "anna")
    assert memory_keyring.secrets == {}


def test_team_mode_is_remembered_without_secrets_and_leaving_keeps_the_address(
    tmp_path: Path,
) -> None:
    settings = AppSettings()
    assert settings.team() is None
    team = TeamSettings(SERVER, "anna", "/etc/office.pem", Role.NOTE_TAKER, "Anna", "rec", "Office")
    settings.set_team(team)
    assert AppSettings().team() == team
    written = (tmp_path / "config" / "outreach.ini").read_text(encoding="utf-8")
    assert "token" not in written.lower() and "password" not in written.lower()
    settings.leave_team()
    assert AppSettings().team() is None
    assert AppSettings().last_team_server() == (SERVER, "anna", "/etc/office.pem")
