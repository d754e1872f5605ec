"""`outreach-app`: the desktop app, and the commands that run without a window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from outreach_app import __version__
from outreach_app.cli.usage import UsageError, configured_database, resolve_database
from outreach_app.core.model import SOLO_ROLES, Role, User

DATA_SAFETY_COMMANDS = ("backup", "restore", "encrypt", "decrypt")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-app",
        description="Scheduled video sessions with grassroots sites: schedule, notes, review.",
        epilog="Data safety: outreach-app backup|restore|encrypt|decrypt --help. Figures and"
        " demands: outreach-app report --help, outreach-app import-demands --help.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo database with sample sites, sessions and notes (never your real data)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="database file to open (default: outreach.db in your data folder)",
    )
    parser.add_argument("--user", metavar="NAME", help="act as this person (skips the welcome)")
    parser.add_argument(
        "--role",
        choices=[r.value for r in SOLO_ROLES],
        help="the role that goes with --user",
    )
    parser.add_argument(
        "--language",
        choices=["en", "zh_CN"],
        help="language of the interface (default: the system's)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    parser.add_argument(
        "link",
        nargs="?",
        metavar="JOIN_URL",
        help="an invitation link: join that session as a site (in the running app if open)",
    )
    return parser


def resolve_user(args: argparse.Namespace) -> User | None:
    if args.user is None and args.role is None:
        return None
    if not args.user or not args.user.strip() or args.role is None:
        raise UsageError("--user and --role go together, e.g. --user 王芳 --role staff")
    return User(args.user.strip(), Role(args.role))


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["site"]:
        # The headless test site, reachable from the bundled app too (no `python -m` there).
        from outreach_app.cli.site import main as site_main

        return site_main(arguments[1:])
    if arguments[:1] == ["report"]:
        # Statistics as JSON, XLSX or PDF: see report.py.
        from outreach_app.cli.report import main as report_main

        return report_main(arguments[1:])
    if arguments[:1] == ["import-demands"]:
        # A message board's export into the database: see demands.py.
        from outreach_app.cli.demands import main as demands_main

        return demands_main(arguments[1:])
    if arguments[:1] and arguments[0] in DATA_SAFETY_COMMANDS:
        # backup, restore, encrypt, decrypt: see safety.py.
        from outreach_app.cli.safety import main as safety_main

        return safety_main(arguments)
    parser = build_parser()
    args = parser.parse_args(arguments)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    # The store (sqlite-utils, numpy, the core) is loaded before Qt: PySide6 reads the source
    # of every module imported after it, which makes a fast start slower by tens of ms.
    import outreach_app.storage.worker  # noqa: F401

    # A database, the demo or a person given here: this start works alone, whatever Settings say.
    solo = args.db is not None or args.demo or args.user is not None
    try:
        if args.db is None and not args.demo:
            args.db = configured_database()
        db_path = resolve_database(args)
        user = resolve_user(args)
        if args.demo:
            from outreach_app.storage.demo import DemoRefusedError, ensure_demo_database

            try:
                ensure_demo_database(db_path)
            except DemoRefusedError as exc:
                raise UsageError(str(exc)) from exc
        if args.link is not None:
            from outreach_app.core.invitations import token_from_join_url

            try:
                token_from_join_url(args.link)
            except ValueError as exc:
                raise UsageError(f"{args.link!r} is not an invitation link") from exc
    except UsageError as exc:
        parser.exit(2, f"{parser.prog}: error: {exc}\n")

    from outreach_app.app import run_gui

    return run_gui(
        db_path,
        demo=args.demo,
        user_override=user,
        language=args.language,
        join_link=args.link,
        solo=solo,
    )


if __name__ == "__main__":
    sys.exit(main())
