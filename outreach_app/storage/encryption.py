"""Encryption at rest: the database as an SQLCipher file, opened with a passphrase.

The passphrase comes from, in this order: the OUTREACH_DB_KEY environment variable (automation),
the OS keyring (where one exists: Windows Credential Locker, macOS Keychain, Secret Service), or
the person, asked by the app or the command line. The file itself says whether it is encrypted
(see sqlite_driver.file_state); no setting can disagree with it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from outreach_app.storage.identity import check_existing_database
from outreach_app.storage.repository import StoreError
from outreach_app.storage.sqlite_driver import (
    DATABASE_ERRORS,
    cipher_module,
    connect,
    create_private,
    file_state,
    fsync_folder,
    fsync_path,
    open_in_another_process,
    quote_key,
)

KEY_ENVIRONMENT = "OUTREACH_DB_KEY"
KEYRING_SERVICE = "Outreach database"
MIN_PASSPHRASE_LENGTH = 8
# Tables compared between the database and its converted copy before the copy replaces it.
_CHECKED_TABLES = ("sites", "sessions", "questions", "answers", "follow_ups", "search_docs")
_log = logging.getLogger(__name__)


class EncryptionError(StoreError):
    pass


class KeyRequiredError(EncryptionError):
    pass


class WrongKeyError(EncryptionError):
    pass


def encryption_available() -> bool:
    return cipher_module() is not None


def is_encrypted(path: Path) -> bool:
    return file_state(path) == "encrypted"


def passphrase_problem(passphrase: str) -> StoreError | None:
    """Why `passphrase` cannot protect a database; None if it can."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return EncryptionError(
            "a passphrase needs at least {count} characters", count=MIN_PASSPHRASE_LENGTH
        )
    if "\x00" in passphrase:
        return EncryptionError("a passphrase cannot contain a NUL character")
    return None


def check_key(path: Path, key: str | None) -> None:
    """Raise KeyRequiredError or WrongKeyError unless `key` opens `path` (None: a plain file)."""
    encrypted = is_encrypted(path)
    if encrypted and key is None:
        raise KeyRequiredError("{path} is encrypted: its passphrase is needed", path=path)
    if not encrypted:
        return
    try:
        connect(path, key).close()
    except DATABASE_ERRORS as exc:
        raise WrongKeyError(
            "the passphrase does not open {path} (or it is not an Outreach database)", path=path
        ) from exc


def key_opens(path: Path, key: str) -> bool:
    try:
        check_key(path, key)
    except EncryptionError:
        return False
    return True


def key_from_environment() -> str | None:
    return os.environ.get(KEY_ENVIRONMENT) or None


def _keyring_name(path: Path) -> str:
    return str(path.expanduser().resolve())


def keyring_available() -> bool:
    """Whether the OS has a keyring the `keyring` package can use (none on a headless Linux)."""
    try:
        import keyring
        from keyring.backends import chainer, fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration: as if there were none
        return False
    if isinstance(backend, fail.Keyring):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


def stored_key(path: Path) -> str | None:
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_name(path))
    except Exception as exc:  # a locked or failing keyring: ask instead
        _log.warning("cannot read the keyring: %s", exc)
        return None


def remember_key(path: Path, key: str) -> bool:
    """Keep `key` in the OS keyring; False where there is none (or it refuses)."""
    if not keyring_available():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_name(path), key)
    except Exception as exc:
        _log.warning("cannot write to the keyring: %s", exc)
        return False
    return True


def forget_key(path: Path) -> None:
    if not keyring_available():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, _keyring_name(path))
    except PasswordDeleteError:
        pass
    except Exception as exc:
        _log.warning("cannot remove the key from the keyring: %s", exc)


def find_key(path: Path) -> str | None:
    """A key that opens the encrypted `path`, from the environment or the keyring; None if
    neither has one that does (then the person is asked)."""
    for key in (key_from_environment(), stored_key(path)):
        if key is not None and key_opens(path, key):
            return key
    return None


def encrypt_database(path: Path, key: str) -> None:
    """Turn the plain database at `path` into an encrypted one, in place."""
    problem = passphrase_problem(key)
    if problem is not None:
        raise problem
    if is_encrypted(path):
        raise EncryptionError("{path} is not a plain Outreach database", path=path)
    check_existing_database(path)
    _convert(path, None, key)


def decrypt_database(path: Path, key: str) -> None:
    """Turn the encrypted database at `path` into a plain one, in place."""
    check_key(path, key)
    if not is_encrypted(path):
        raise EncryptionError("{path} is not encrypted", path=path)
    check_existing_database(path, key)
    _convert(path, key, None)


def _convert(path: Path, source_key: str | None, target_key: str | None) -> None:
    cipher = cipher_module()
    if cipher is None:
        raise EncryptionError("encryption needs the sqlcipher3 package, which is not installed")
    if open_in_another_process(path):
        raise EncryptionError(
            "{path} is open in another program; quit Outreach, then try again", path=path
        )
    partial = path.with_name(f".{path.name}.converting")
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        # sqlcipher_export copies schema and rows (FTS5 indexes included) into the attached file;
        # SQLCipher without a key reads a plain file like SQLite.
        source = cipher.connect(str(path), isolation_level=None)
        try:
            if source_key is not None:
                source.execute(f"PRAGMA key = {quote_key(source_key)}")
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(partial), target_key or ""))
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute("DETACH DATABASE converted")
            expected = _row_counts(source)
        finally:
            source.close()
        converted = connect(partial, target_key)
        try:
            result = converted.execute("PRAGMA integrity_check").fetchone()[0]
            counts = _row_counts(converted)
        finally:
            converted.close()
        if result != "ok" or counts != expected:
            raise EncryptionError(
                "the converted copy of {path} failed its check; the database is unchanged",
                path=path,
            )
        fsync_path(partial)
        os.replace(partial, path)
    except DATABASE_ERRORS as exc:
        raise EncryptionError(
            "cannot convert {path}: {error}; the database is unchanged", path=path, error=exc
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    # The old file's WAL was emptied into it before the copy; these belong to the old file.
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    fsync_folder(path.parent)


def _row_counts(conn: object) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in _CHECKED_TABLES:
        try:
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()  # type: ignore[attr-defined]
        except DATABASE_ERRORS:
            continue  # a database from before the table existed
        counts[table] = int(row[0])
    return counts
