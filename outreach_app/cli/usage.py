"""What the commands share: the error for bad command-line input, and finding the database
to work on."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from outreach_app.config import default_db_path, demo_db_path


class UsageError(Exception):
    """Bad command-line input; the message says what to do instead."""


class Failure(Exception):
    """The command was refused or failed (exit code 1); the message says why."""


EXIT_FAILED = 1
EXIT_USAGE = 2


DATABASE_HELP = "the database (default: the one in Settings, else outreach.db in your data folder)"


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="PATH", help=DATABASE_HELP)


def run_command(
    parser: argparse.ArgumentParser,
    run: Callable[[argparse.Namespace], int],
    argv: list[str],
    *,
    interrupted: tuple[int, str],
) -> int:
    """Parse `argv` (exit 2 on bad arguments), run the command, and turn its refusals into a
    message and an exit code: UsageError 2, Failure 1, Ctrl+C `interrupted` (code, message)."""
    args = parser.parse_args(argv)
    try:
        return run(args)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {exc}\n")
    except Failure as exc:
        parser.exit(EXIT_FAILED, f"{parser.prog}: {exc}\n")
    except KeyboardInterrupt:
        code, message = interrupted
        parser.exit(code, f"{parser.prog}: {message}\n")


def resolve_database(args: argparse.Namespace) -> Path:
    path: Path = (
        args.db if args.db is not None else (demo_db_path() if args.demo else default_db_path())
    )
    path = path.expanduser()
    if path.exists() and path.is_dir():
        raise UsageError(f"--db {path} is a folder; give the path of a database file")
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(f"cannot create the folder {path.parent}: {exc.strerror}") from exc
    return path


def command_database(given: Path | None) -> Path:
    """The database a command without a window works on: `given` (--db), else the one chosen
    in Settings, else the default. Never a folder; it may not exist yet."""
    path = (given or configured_database() or default_db_path()).expanduser()
    if path.is_dir():
        raise UsageError(f"--db {path} is a folder; give the path of a database file")
    return path


def existing_database(given: Path | None) -> Path:
    """The database a command works on, which must exist: commands never make one. Whether it
    is an Outreach database the store checks when it opens it."""
    path = command_database(given)
    if not path.exists():
        raise UsageError(f"there is no database at {path}; give its path with --db")
    return path


def database_key(path: Path) -> str | None:
    """The passphrase of an encrypted database, from the environment or the keyring; None
    for a plain one."""
    from outreach_app.storage.encryption import KEY_ENVIRONMENT, find_key, is_encrypted

    if not is_encrypted(path):
        return None
    key = find_key(path)
    if key is None:
        # An encrypted file looks like any other file that is not SQLite.
        raise Failure(
            f"{path} is not a plain Outreach database; if it is an encrypted one, set"
            f" {KEY_ENVIRONMENT} to its passphrase or keep that in the system keyring"
        )
    return key


def configured_database() -> Path | None:
    """The database chosen in Settings, if any (the command line's --db wins)."""
    # Settings are kept by Qt (QSettings): Qt is loaded here, where they are read, not before.
    from outreach_app.ui.settings import AppSettings

    configured = AppSettings().database_path()
    return Path(configured) if configured else None
