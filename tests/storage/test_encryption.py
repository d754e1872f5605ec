"""Encryption at rest with SQLCipher: search, errors, converting, backups and the keyring."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from outreach_app.core.model import Site, User
from outreach_app.storage.backup import BackupError, backup_now, restore, verify_backup
from outreach_app.storage.demo import ensure_demo_database
from outreach_app.storage.encryption import (
    KEY_ENVIRONMENT,
    EncryptionError,
    KeyRequiredError,
    WrongKeyError,
    check_key,
    decrypt_database,
    encrypt_database,
    find_key,
    forget_key,
    keyring_available,
    remember_key,
    stored_key,
)
from outreach_app.storage.repository import Repository, SiteInUseError, StoreError
from outreach_app.storage.sqlite_driver import cipher_sqlite_version, file_state
from outreach_app.storage.worker import StoreWorker
from tests.storage.shared import held_open_elsewhere, one_session

KEY = "东风村的钥匙 it's secret"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps its secrets in memory (this machine has no OS keyring)."""

    priority = 1

    def __init__(self) -> None:
        # keyring ships py.typed, but KeyringBackend.__init__ has no annotations.
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    # keyring ships py.typed, but its backends' __init__ has no annotations.
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


def notes_database(path: Path, key: str | None = None) -> tuple[Repository, int, int]:
    repo = Repository.open(path, key=key)
    repo.actor = User("李敏", repo.actor.role)
    site, session = one_session(repo)
    for text in ("天然气外输压力稳定吗", "供暖温度不达标", "the supply pressure is stable", "水"):
        question = repo.notes.add_question(session, site, text)
        assert question.id is not None
        repo.notes.save_answer(question.id, "已经安排维修", "张德明")
    return repo, site, session


def test_sqlcipher_bundles_an_sqlite_with_the_fts5_trigram_tokenizer() -> None:
    version = cipher_sqlite_version()
    assert version is not None
    assert tuple(int(part) for part in version.split(".")) >= (3, 34, 0)


def test_an_encrypted_database_searches_like_a_plain_one_and_holds_no_plain_text(
    tmp_path: Path,
) -> None:
    database = tmp_path / "outreach.db"
    repo, _, _ = notes_database(database, KEY)
    assert file_state(database) == "encrypted"
    # One and two characters use the unigram index, three or more the trigram one.
    for query in ("水", "供暖", "外输压力", "pressure"):
        hits = repo.search.search(query)
        assert [hit.doc_kind for hit in hits] == ["question"], query
        assert query in hits[0].body
    assert repo.integrity_check() == "ok"
    repo.db.execute("INSERT INTO search_trigram(search_trigram) VALUES ('integrity-check')")
    on_disk = b"".join(
        p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("outreach.db")
    )
    repo.close()
    for secret in ("东风村", "供暖温度不达标", "pressure", "张德明"):
        assert secret.encode() not in on_disk, secret
    assert b"SQLite format 3" not in on_disk


def test_store_errors_stay_clear_messages_on_an_encrypted_database(tmp_path: Path) -> None:
    repo, site, _ = notes_database(tmp_path / "outreach.db", KEY)
    with pytest.raises(StoreError, match="already exists"):
        repo.sites.save_site(Site("东风村"))
    with pytest.raises(SiteInUseError):
        repo.sites.delete_site(site)
    repo.close()


def test_a_wrong_or_missing_passphrase_is_a_clear_error(tmp_path: Path) -> None:
    database = tmp_path / "outreach.db"
    notes_database(database, KEY)[0].close()
    with pytest.raises(WrongKeyError, match="does not open"):
        check_key(database, "not the passphrase")
    with pytest.raises(KeyRequiredError, match="is encrypted"):
        check_key(database, None)
    check_key(database, KEY)
    with pytest.raises(StoreError, match=r"not a usable Outreach database.*wrong key"):
        Repository.open(database, key="not the passphrase")
    with pytest.raises(StoreError, match=r"not a usable Outreach database.*give its key"):
        Repository.open(database)
    with pytest.raises(StoreError, match="wrong key"):
        StoreWorker.open_path(database, key="not the passphrase")
    worker = StoreWorker.open_path(database, key=KEY)
    assert [s.name for s in worker.call(lambda r: r.sites.list_sites())] == ["东风村"]
    worker.close()


def test_a_plain_database_is_encrypted_in_place_and_back(tmp_path: Path) -> None:
    database = tmp_path / "demo.db"
    ensure_demo_database(database)
    plain = Repository.open(database)
    sites = plain.sites.list_sites()
    hits = plain.search.search("水")
    reviews = plain.review.list_review_sessions()
    plain.close()

    encrypt_database(database, KEY)
    assert file_state(database) == "encrypted"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".*converting"))
    encrypted = Repository.open(database, key=KEY)
    assert encrypted.sites.list_sites() == sites
    assert encrypted.search.search("水") == hits
    assert len(encrypted.review.list_review_sessions()) == len(reviews)
    assert encrypted.integrity_check() == "ok"
    encrypted.sites.save_site(Site("加密后新建的站点"))
    encrypted.close()

    with pytest.raises(WrongKeyError):
        decrypt_database(database, "not the passphrase")
    decrypt_database(database, KEY)
    assert file_state(database) == "plain"
    again = Repository.open(database)
    assert sorted(s.name for s in again.sites.list_sites()) == sorted(
        [s.name for s in sites] + ["加密后新建的站点"]
    )
    assert again.search.search("水") == hits
    again.close()


def test_encrypting_refuses_a_short_passphrase_or_an_encrypted_file(tmp_path: Path) -> None:
    database = tmp_path / "outreach.db"
    notes_database(database)[0].close()
    before = database.read_bytes()
    with pytest.raises(EncryptionError, match="at least 8 characters"):
        encrypt_database(database, "short")
    assert database.read_bytes() == before
    encrypt_database(database, KEY)
    with pytest.raises(EncryptionError, match="not a plain Outreach database"):
        encrypt_database(database, KEY)


def test_encrypting_refuses_while_another_process_has_the_database_open(tmp_path: Path) -> None:
    database = tmp_path / "outreach.db"
    notes_database(database)[0].close()
    with held_open_elsewhere(database):
        with pytest.raises(EncryptionError, match="open in another program"):
            encrypt_database(database, KEY)
        assert file_state(database) == "plain"


def test_backups_of_an_encrypted_database_stay_encrypted_and_restore_with_the_key(
    tmp_path: Path,
) -> None:
    database = tmp_path / "outreach.db"
    repo, _, _ = notes_database(database, KEY)
    backup = backup_now(database, tmp_path / "backups", key=KEY)  # while it is open
    repo.sites.save_site(Site("备份后的站点"))
    repo.close()
    assert file_state(backup) == "encrypted"
    assert "东风村".encode() not in backup.read_bytes()
    assert verify_backup(backup, KEY).questions == 4
    with pytest.raises(BackupError, match="or not a database at all"):
        verify_backup(backup)
    with pytest.raises(BackupError, match="does not open"):
        verify_backup(backup, "not the passphrase")
    with pytest.raises(BackupError, match="cannot read"):
        backup_now(database, tmp_path / "backups")  # no key
    aside = restore(backup, database, key=KEY)
    assert aside is not None and file_state(aside) == "encrypted"
    restored = Repository.open(database, key=KEY)
    assert [s.name for s in restored.sites.list_sites()] == ["东风村"]
    restored.close()


def test_the_passphrase_is_found_in_the_environment_or_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    database = tmp_path / "outreach.db"
    notes_database(database, KEY)[0].close()
    monkeypatch.delenv(KEY_ENVIRONMENT, raising=False)
    assert keyring_available()
    assert find_key(database) is None
    assert remember_key(database, KEY)
    assert stored_key(database) == KEY
    # The keyring entry is per database file, by its full path.
    assert stored_key(tmp_path / "other.db") is None
    assert find_key(database) == KEY
    # A wrong key in the environment does not hide the right one in the keyring.
    monkeypatch.setenv(KEY_ENVIRONMENT, "not the passphrase")
    assert find_key(database) == KEY
    forget_key(database)
    assert find_key(database) is None
    monkeypatch.setenv(KEY_ENVIRONMENT, KEY)
    assert find_key(database) == KEY


def test_without_a_keyring_nothing_is_remembered(tmp_path: Path, no_keyring: None) -> None:
    database = tmp_path / "outreach.db"
    notes_database(database, KEY)[0].close()
    assert not keyring_available()
    assert not remember_key(database, KEY)
    assert stored_key(database) is None
    forget_key(database)  # no error either


def test_the_passphrase_may_hold_quotes_and_any_characters(tmp_path: Path) -> None:
    keys = ("it's '; DROP TABLE sites; --", "长长的中文口令，带标点！", " x" * 40)
    for number, key in enumerate(keys):
        database = tmp_path / f"db{number}.db"
        notes_database(database, key)[0].close()
        check_key(database, key)
        with pytest.raises(WrongKeyError):
            check_key(database, key + "x")
