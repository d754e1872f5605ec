"""`outreach-app backup | restore | encrypt | decrypt`: data safety without the window.

Exit codes: 0 done; 1 refused or failed (a damaged or foreign backup, a database that is an empty
file, another program's or a newer version's, a wrong passphrase, the database open in a running
Outreach); 2 bad command line (a missing file, a folder for a file).
The passphrase of an encrypted database comes from OUTREACH_DB_KEY, the OS keyring, or a prompt
when run in a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from outreach_app.cli.usage import (
    DATABASE_HELP,
    EXIT_FAILED,
    EXIT_USAGE,
    Failure,
    UsageError,
    command_database,
    existing_database,
)
from outreach_app.storage.backup import DEFAULT_KEEP, MAX_KEEP, backup_now, restore
from outreach_app.storage.encryption import (
    KEY_ENVIRONMENT,
    check_key,
    decrypt_database,
    encrypt_database,
    find_key,
    forget_key,
    is_encrypted,
    key_from_environment,
    keyring_available,
    passphrase_problem,
    remember_key,
    stored_key,
)
from outreach_app.storage.repository import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-app",
        description="Back up, restore or encrypt the Outreach database.",
        epilog=f"An encrypted database's passphrase: {KEY_ENVIRONMENT}, the system keyring, or a"
        " prompt. Exit codes: 0 done, 1 refused or failed, 2 bad command line.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    backup = commands.add_parser(
        "backup", help="copy the database into the backup folder (safe while the app runs)"
    )
    backup.add_argument("--db", type=Path, metavar="PATH", help=DATABASE_HELP)
    backup.add_argument(
        "--to", type=Path, metavar="FOLDER", help="backup folder (default: the one in Settings)"
    )
    backup.add_argument(
        "--keep",
        type=int,
        metavar="N",
        help="keep the newest N backups of this database there (default: as in Settings)",
    )

    restore_command = commands.add_parser(
        "restore",
        help="replace the database with a backup (quit the app first); the current database is"
        " kept as NAME.before-restore",
    )
    restore_command.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file")
    restore_command.add_argument("--db", type=Path, metavar="PATH", help=DATABASE_HELP)

    for name, text in (
        ("encrypt", "encrypt the database with a passphrase (quit the app first)"),
        ("decrypt", "remove the database's encryption (quit the app first)"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("--db", type=Path, metavar="PATH", help=DATABASE_HELP)
    return parser


def _prompt(question: str, *, why: str) -> str:
    """Ask in the terminal; without one, fail saying `why` a passphrase is needed."""
    if not sys.stdin.isatty():
        raise Failure(f"{why}: set {KEY_ENVIRONMENT}, or run this in a terminal to be asked")
    return getpass.getpass(question)


def _key_of(path: Path, what: str) -> str | None:
    """The passphrase that opens `path`, or None if it is not encrypted."""
    if not is_encrypted(path):
        return None
    key = find_key(path)
    if key is None:
        if key_from_environment() is not None and not sys.stdin.isatty():
            raise Failure(f"the passphrase in {KEY_ENVIRONMENT} does not open {path}")
        key = _prompt(f"Passphrase of {what} {path}: ", why=f"{path} is encrypted")
        try:
            check_key(path, key)
        except StoreError as exc:
            raise Failure(str(exc)) from exc
    return key


def _backup(args: argparse.Namespace) -> int:
    # The backup folder and how many to keep are Settings, kept by Qt (QSettings).
    from outreach_app.ui.settings import AppSettings

    database = existing_database(args.db)
    settings = AppSettings()
    if args.to is not None:
        folder = args.to.expanduser()
    else:
        from outreach_app.storage.backup import default_backup_folder

        chosen = settings.backup_folder()
        folder = Path(chosen).expanduser() if chosen else default_backup_folder()
    keep = settings.backups_kept() if args.keep is None else args.keep
    if not 1 <= keep <= MAX_KEEP:
        raise UsageError(f"--keep must be from 1 to {MAX_KEEP} (default {DEFAULT_KEEP})")
    key = _key_of(database, "the database")
    path = backup_now(database, folder, key=key, keep=keep)
    print(path)
    return 0


def _restore(args: argparse.Namespace) -> int:
    backup: Path = args.backup.expanduser()
    if not backup.is_file():
        raise UsageError(f"there is no backup file at {backup}")
    database = command_database(args.db)
    key = None
    if is_encrypted(backup):
        # Most often the database's own passphrase, so the keyring's entry for it is tried too.
        for candidate in (key_from_environment(), stored_key(database)):
            if candidate is not None and _opens(backup, candidate):
                key = candidate
                break
        else:
            key = _prompt(
                f"Passphrase of the backup {backup}: ",
                why=f"{backup} is encrypted (or not a database at all)",
            )
    aside = restore(backup, database, key=key)
    print(f"Restored {backup} into {database}.")
    if aside is not None:
        print(f"The database as it was is kept as {aside}.")
    return 0


def _opens(path: Path, key: str) -> bool:
    try:
        check_key(path, key)
    except StoreError:
        return False
    return True


def _new_passphrase() -> str:
    key = key_from_environment()
    if key is None:
        why = "encrypting needs a new passphrase"
        key = _prompt("New passphrase: ", why=why)
        if _prompt("Repeat it: ", why=why) != key:
            raise Failure("the two passphrases differ; nothing was changed")
    problem = passphrase_problem(key)
    if problem is not None:
        raise Failure(f"{problem}; nothing was changed")
    return key


def _encrypt(args: argparse.Namespace) -> int:
    database = existing_database(args.db)
    if is_encrypted(database):
        raise Failure(f"{database} is already encrypted")
    key = _new_passphrase()
    encrypt_database(database, key)
    print(f"Encrypted {database}.")
    if keyring_available() and remember_key(database, key):
        print("The passphrase is kept in the system keyring.")
    else:
        print(
            "There is no system keyring: the app asks for the passphrase at each start"
            f" (or set {KEY_ENVIRONMENT})."
        )
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    database = existing_database(args.db)
    if not is_encrypted(database):
        raise Failure(f"{database} is not encrypted")
    key = _key_of(database, "the database")
    assert key is not None
    decrypt_database(database, key)
    forget_key(database)
    print(f"{database} is no longer encrypted.")
    return 0


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = {"backup": _backup, "restore": _restore, "encrypt": _encrypt, "decrypt": _decrypt}
    try:
        return run[args.command](args)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"{parser.prog} {args.command}: error: {exc}\n")
    except (Failure, StoreError) as exc:
        print(f"{parser.prog} {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"\n{parser.prog} {args.command}: interrupted", file=sys.stderr)
        return EXIT_FAILED
