"""`outreach-app import-demands`: a message board's export into the database, without the window,
so that an office can schedule it.

    outreach-app import-demands FILE [--db PATH] [--dry-run]

The same import as Statistics → Import demands… (core/demand_import.py reads the file,
core/demand_update.py says what each line does): all or nothing, new messages added, messages
imported before brought up to date by their board id, disagreements with the work done here
listed, never written over. It prints what it did (with --dry-run: what it would do, writing
nothing).

Exit codes: 0 imported (or checked, with --dry-run); 1 refused or failed (a line of the file is
wrong: every one is listed and nothing is imported; the database is not an Outreach database or
is a team replica); 2 bad command line (no such file, no database).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from outreach_app.cli.usage import (
    EXIT_FAILED,
    Failure,
    UsageError,
    add_database_option,
    database_key,
    existing_database,
    run_command,
)
from outreach_app.core.demand_import import (
    MAX_DEMAND_BYTES,
    DemandFileError,
    DemandRow,
    parse_demands,
)
from outreach_app.core.demand_update import DemandPlan, Disagreement, ImportAction
from outreach_app.core.model import User

# A replica of a team's record sends its changes to the team server through its outbox, which
# only the signed-in app keeps.
REPLICA_TABLE = "sync_outbox"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-app import-demands",
        description="Import a message board's export (CSV or JSON) of residents' demands: new"
        " messages are added, messages imported before are brought up to date by their board id,"
        " and where the board and the work done here disagree it is listed, not overwritten.",
        epilog="Exit codes: 0 imported, 1 refused or failed (nothing imported), 2 bad command"
        " line.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the board's export")
    add_database_option(parser)
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and say what the import would do, writing nothing",
    )
    return parser


def _read(path: Path) -> bytes:
    path = path.expanduser()
    if not path.is_file():
        raise UsageError(f"there is no file at {path}")
    try:
        with path.open("rb") as file:
            # One byte more than allowed: the parser then refuses the file as too large.
            return file.read(MAX_DEMAND_BYTES + 1)
    except OSError as exc:
        raise Failure(f"cannot read {path}: {exc.strerror or exc}") from exc


def _actor() -> User | None:
    """Who the audit trail names: the person of this computer's Settings, if any."""
    # Settings are kept by Qt (QSettings): loaded here, where they are read.
    from outreach_app.ui.settings import AppSettings

    return AppSettings().user()


def _line_report(
    demands: Sequence[DemandRow], plans: Sequence[DemandPlan]
) -> tuple[dict[ImportAction, int], list[str]]:
    counts = dict.fromkeys(ImportAction, 0)
    listed: list[str] = []
    for demand, plan in zip(demands, plans, strict=True):
        counts[plan.action] += 1
        listed.extend(_disagreement_line(demand, d) for d in plan.disagreements)
    return counts, listed


def _disagreement_line(demand: DemandRow, disagreement: Disagreement) -> str:
    message = f" (message {demand.message_id})" if demand.message_id else ""
    return f"  line {demand.line}{message}: {disagreement.english()}"


def run(args: argparse.Namespace) -> int:
    data = _read(args.file)
    database = existing_database(args.db)
    from outreach_app.storage.repository import Repository, StoreError

    try:
        repo = Repository.open(database, key=database_key(database), create=False)
    except StoreError as exc:
        raise Failure(str(exc)) from exc
    try:
        if repo.db[REPLICA_TABLE].exists():
            raise Failure(
                f"{database} is this computer's copy of a team's record; import demands in the"
                " app, signed in, so that the team server gets them"
            )
        actor = _actor()
        if actor is not None:
            repo.actor = actor
        sites = repo.sites.list_sites(include_archived=True)
        try:
            result = parse_demands(data, file_name=args.file.name, sites=sites, today=date.today())
        except DemandFileError as exc:
            raise Failure(str(exc)) from exc
        if result.errors:
            for error in result.errors:
                print(f"line {error.line}: {error.reason}", file=sys.stderr)
            raise Failure(
                f"{len(result.errors)} line(s) of {args.file.name} must be fixed; nothing was"
                " imported"
            )
        plans = repo.follow_ups.plan_demand_import(result.demands)
        counts, listed = _line_report(result.demands, plans)
        if not args.dry_run:
            repo.follow_ups.import_demands(result.demands, args.file.name)
    finally:
        repo.close()
    verb = "would import" if args.dry_run else "imported"
    print(
        f"{args.file.name}: {verb} {counts[ImportAction.NEW]} new,"
        f" {counts[ImportAction.UPDATE]} updated with the board's progress,"
        f" {counts[ImportAction.UNCHANGED] + counts[ImportAction.REPEATED]} already there or"
        f" repeated, {counts[ImportAction.OTHER_MESSAGE]} refused (the id or text belongs to"
        f" another message)"
    )
    if listed:
        print(f"{len(listed)} disagreement(s) with the work done here, listed, not overwritten:")
        print("\n".join(listed))
    if args.dry_run:
        print("dry run: nothing was written")
    return 0


def main(argv: list[str]) -> int:
    return run_command(
        build_parser(), run, argv, interrupted=(EXIT_FAILED, "stopped; nothing was imported")
    )
