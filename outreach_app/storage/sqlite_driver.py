"""Opening database files: plain SQLite, or SQLCipher (sqlcipher3) when the file is encrypted.

The two drivers raise different exception classes; `INTEGRITY_ERRORS`, `OPERATIONAL_ERRORS` and
`DATABASE_ERRORS` name both, so that the store catches the same problems on either.
Imports nothing from the rest of the store (repository.py imports this).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

PLAIN_HEADER = b"SQLite format 3\x00"
# SQLCipher decrypts (AES) and authenticates (HMAC) every page it reads into SQLite's page cache.
# A search filtered to one site reads thousands of pages: with the default 8 MB cache each run
# decrypts them again (×3-4 the plain time on 1,000,000 notes); with 64 MB they stay decrypted.
# Plain databases keep SQLite's default: the OS file cache serves them at no decryption cost.
ENCRYPTED_CACHE_KIB = 64 * 1024
FileState = Literal["missing", "plain", "encrypted"]


def _load_cipher() -> ModuleType | None:
    try:
        import sqlcipher3
    except ImportError:  # pragma: no cover - a dependency; kept for partial source installs
        return None
    module: ModuleType = sqlcipher3
    # Wrong passphrases are expected, not worth SQLCipher's own lines on stderr.
    module.connect(":memory:").execute("PRAGMA cipher_log_level = NONE")
    return module


_cipher = _load_cipher()

INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
if _cipher is not None:
    INTEGRITY_ERRORS += (_cipher.IntegrityError,)
    OPERATIONAL_ERRORS += (_cipher.OperationalError,)
    DATABASE_ERRORS += (_cipher.DatabaseError,)


def cipher_module() -> ModuleType | None:
    """sqlcipher3, or None where it is not installed."""
    return _cipher


def cipher_sqlite_version() -> str | None:
    return None if _cipher is None else str(_cipher.sqlite_version)


def file_state(path: Path) -> FileState:
    """What a database file is, from its first bytes: an empty or absent file is "missing"
    (SQLite makes a new database there); a plain SQLite file starts with its magic header; an
    SQLCipher file starts with random salt. Anything else (a foreign file) also reads as
    "encrypted" and fails to open with any passphrase."""
    try:
        with path.open("rb") as file:
            head = file.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return "missing"
    if not head:
        return "missing"
    return "plain" if head == PLAIN_HEADER else "encrypted"


def quote_key(key: str) -> str:
    """`key` as an SQL string literal for PRAGMA key / ATTACH … KEY (PRAGMA takes no parameters)."""
    if not key:
        raise ValueError("a passphrase cannot be empty")
    if "\x00" in key:
        raise ValueError("a passphrase cannot contain a NUL character")
    return "'" + key.replace("'", "''") + "'"


def create_private(path: Path) -> None:
    """Create `path` empty, readable by its owner only, unless it exists; SQLite then makes its
    journal, -wal and -shm files with the same permissions."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


def connect(path: Path, key: str | None = None, *, timeout: float = 10) -> Any:
    """A connection in autocommit mode (the store opens its own transactions).

    Without a key: plain SQLite; an encrypted file raises a DatabaseError saying a passphrase is
    needed. With a key: SQLCipher; a wrong passphrase (or a plain or foreign file) raises a
    DatabaseError saying so. A missing file is created, owner-only (encrypted if a key is given).
    """
    create_private(path)
    conn = _connect(path, str(path), key, uri=False, timeout=timeout)
    if key is not None:
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    return conn


def connect_immutable(path: Path, key: str | None = None) -> Any:
    """A connection that only reads the main file, as it is on disk: it creates, locks and
    changes nothing (no -wal, no -shm), and sees nothing of a -wal beside the file. The file
    must exist; an encrypted one needs `key`."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return _connect(path, uri, key, uri=True, timeout=0)


def _connect(path: Path, target: str, key: str | None, *, uri: bool, timeout: float) -> Any:
    if key is None:
        if file_state(path) == "encrypted":
            raise sqlite3.DatabaseError("the file is encrypted (or not a database): give its key")
        return sqlite3.connect(target, uri=uri, isolation_level=None, timeout=timeout)
    if _cipher is None:
        raise sqlite3.DatabaseError("encryption needs the sqlcipher3 package, not installed here")
    try:
        literal = quote_key(key)
    except ValueError as exc:
        raise sqlite3.DatabaseError(str(exc)) from exc
    conn = _cipher.connect(target, uri=uri, isolation_level=None, timeout=timeout)
    try:
        conn.execute(f"PRAGMA key = {literal}")
        # The key is only tried on the first read.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _cipher.DatabaseError as exc:
        conn.close()
        raise sqlite3.DatabaseError(
            "the key does not open this file (wrong key, or not an encrypted database)"
        ) from exc
    return conn


def key_opens(path: Path, key: str | None) -> bool:
    """Whether `path` exists and opens with `key` (None: as a plain database)."""
    if file_state(path) == "missing":
        return False
    try:
        connect(path, key).close()
    except DATABASE_ERRORS:
        return False
    return True


# In a WAL database, every process that has it open holds a shared lock on this byte of the -shm
# file (SQLite's "dead man switch", UNIX_SHM_DMS in os_unix.c).
_SHM_DMS_BYTE = 128


def open_in_another_process(path: Path) -> bool:
    """Whether another process (a running Outreach) has the database open.

    Call it only while this process has no connection to `path`: closing any descriptor of a file
    drops this process's POSIX locks on it. Always False on systems without POSIX locks; there
    (Windows) renaming or replacing an open file fails instead, with an error that says so.
    """
    shm = path.with_name(path.name + "-shm")
    if os.name != "posix" or not shm.exists():
        return False
    import fcntl

    try:
        descriptor = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(descriptor, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
        return False
    finally:
        os.close(descriptor)


def fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fsync_path(folder)
