"""`outreach-server init|users|import|backup|restore`: keeping an office's record on its server.

    outreach-server init --data DIR [--office NAME]
    outreach-server users add --data DIR NAME --role ROLE [--display-name TEXT]
    outreach-server users list --data DIR
    outreach-server users disable|enable --data DIR NAME
    outreach-server users reset-password --data DIR NAME
    outreach-server import --data DIR FILE
    outreach-server backup --data DIR
    outreach-server restore --data DIR BACKUP

A password is asked for twice on a terminal, or read as the first line of standard input
(`printf '%s\\n' "$PASSWORD" | outreach-server users add ...`); never taken as an argument,
where other users of the machine could read it. Exit status: 0 done, 1 it could not be done
(the message says why), 2 a mistake in the command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from outreach_app.core.model import Role
from outreach_app.storage.errors import StoreError
from outreach_app.team import admin
from outreach_app.team.accounts import ACCOUNT_ROLES, AccountError
from outreach_app.team.importer import ImportRefusedError
from outreach_app.team.passwords import PasswordRuleError
from outreach_app.team.record import RecordFolderError

COMMANDS = ("init", "users", "import", "backup", "restore")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-server",
        description="Keep an office's shared record: its data folder, accounts, imports and "
        "backups. Serve it with: outreach-server --data DIR ...",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser("init", help="make a new record in an empty data folder")
    _data(init)
    init.add_argument("--office", default="", help="the office's name, shown to its people")

    users = commands.add_parser("users", help="add, list, disable or enable accounts")
    actions = users.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add an account (the password is asked for)")
    _data(add)
    add.add_argument("name", help="the name the person signs in with")
    add.add_argument(
        "--role", required=True, choices=[role.value for role in ACCOUNT_ROLES], help="what they do"
    )
    add.add_argument("--display-name", default="", help="how the app shows them")
    _data(actions.add_parser("list", help="list every account"))
    for action, text in (
        ("disable", "refuse an account's sign-ins and cut its connections"),
        ("enable", "let a disabled account sign in again"),
        ("reset-password", "give an account a new password (its sign-ins end)"),
    ):
        command = actions.add_parser(action, help=text)
        _data(command)
        command.add_argument("name")

    imported = commands.add_parser(
        "import", help="bring a database kept on one computer into the record"
    )
    _data(imported)
    imported.add_argument("file", type=Path, help="the computer's outreach.db")

    backup = commands.add_parser("backup", help="make a consistent copy of the record now")
    _data(backup)
    restore = commands.add_parser(
        "restore", help="put a backup in place of the record (stop the server first)"
    )
    _data(restore)
    restore.add_argument("backup", type=Path)
    return parser


def _data(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, required=True, metavar="DIR", help="the record's data folder"
    )


def read_password(stdin: TextIO, *, confirm: bool) -> str:
    if stdin.isatty():
        first = getpass.getpass("Password: ")
        if confirm and getpass.getpass("Again: ") != first:
            raise PasswordRuleError("the two passwords differ")
        return first
    line = stdin.readline()
    if not line:
        raise PasswordRuleError("no password on standard input")
    return line.rstrip("\r\n")


def main(
    argv: Sequence[str] | None = None, *, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args, stdin, out)
    except (
        AccountError,
        PasswordRuleError,
        RecordFolderError,
        ImportRefusedError,
        StoreError,
        OSError,
    ) as exc:
        print(f"outreach-server: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    data: Path = args.data
    if args.command == "init":
        folder = admin.initialise(data, args.office)
        print(f"A new record in {folder.path}. Add its first administrator with:", file=out)
        print(f"  outreach-server users add --data {data} NAME --role admin", file=out)
        return 0
    if args.command == "users":
        return _users(args, data, stdin, out)
    if args.command == "import":
        summary = admin.import_computer_database(
            data, args.file, progress=lambda table, rows: print(f"  {table}: {rows}", file=out)
        )
        print(
            f"Imported {summary.total} rows from {args.file}"
            f" ({sum(summary.already_there.values())} were there already).",
            file=out,
        )
        return 0
    if args.command == "backup":
        print(admin.back_up(data), file=out)
        return 0
    aside = admin.restore_backup(data, args.backup)
    print(
        f"Restored {args.backup}." + (f" The record before it is {aside}." if aside else ""),
        file=out,
    )
    return 0


def _users(args: argparse.Namespace, data: Path, stdin: TextIO, out: TextIO) -> int:
    if args.action == "list":
        for account in admin.list_accounts(data):
            state = "disabled" if account.disabled else "active"
            print(
                f"{account.name}\t{account.role.value}\t{state}\t{account.display_name}", file=out
            )
        return 0
    if args.action == "add":
        password = read_password(stdin, confirm=True)
        account = admin.add_account(data, args.name, Role(args.role), password, args.display_name)
        print(f"Added {account.name} ({account.role.value}).", file=out)
        return 0
    if args.action in ("disable", "enable"):
        account = admin.set_disabled(data, args.name, args.action == "disable")
        print(f"{account.name} is {'disabled' if account.disabled else 'enabled'}.", file=out)
        return 0
    password = read_password(stdin, confirm=True)
    admin.reset_password(data, args.name, password)
    print(f"{args.name} has a new password; their sign-ins have ended.", file=out)
    return 0
