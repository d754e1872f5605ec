"""`outreach-app report`: the statistics page without the window, as JSON, XLSX or PDF.

    outreach-app report --month 2026-11 [--to 2027-01] --format json|xlsx|pdf
                        [--db PATH] [--output FILE] [--language en|zh_CN]

Exit codes: 0 written; 1 failed (the database cannot be read, or is an empty file, another
program's database or a newer version's, all left as they were; the file cannot be written);
2 bad command line (a bad month, a missing database); 130 stopped with Ctrl+C (nothing written).
Qt draws the PDF's charts and translates the words, on its offscreen platform: no display needed.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from outreach_app.cli.usage import (
    Failure,
    UsageError,
    add_database_option,
    database_key,
    existing_database,
    run_command,
)
from outreach_app.core.statistics import (
    MAX_PERIOD_MONTHS,
    Month,
    Period,
    StatisticsReport,
    day_counted_to,
)
from outreach_app.exports.files import Progress
from outreach_app.exports.statistics import ExportFormat, default_file_name

EXIT_INTERRUPTED = 130
FORMATS = ("json", "xlsx", "pdf")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-app report",
        description="Demands received, claimed, responded to and solved in a month or a range of"
        " months, by channel, category, site and session kind, with the changes on the previous"
        " period and year on year: every figure of the Statistics page.",
        epilog="Exit codes: 0 written, 1 failed, 2 bad command line.",
    )
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help="the (first) month")
    parser.add_argument("--to", metavar="YYYY-MM", help="the last month of a range")
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    add_database_option(parser)
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="the file to write (default: JSON to standard output, XLSX and PDF to"
        " outreach-statistics-YYYY-MM.xlsx|pdf in the current folder); - for standard output",
    )
    parser.add_argument(
        "--language",
        choices=["en", "zh_CN"],
        help="language of the names and headings (default: as in Settings, else the system's)",
    )
    return parser


def parse_period(month: str, to: str | None) -> Period:
    try:
        first = Month.parse(month)
    except ValueError as exc:
        raise UsageError(f"--month {month!r} is not a month; write it like 2026-11") from exc
    last = first
    if to is not None:
        try:
            last = Month.parse(to)
        except ValueError as exc:
            raise UsageError(f"--to {to!r} is not a month; write it like 2026-12") from exc
    if last < first:
        raise UsageError(f"--to {last} is before --month {first}")
    period = Period(first, last)
    if period.months > MAX_PERIOD_MONTHS:
        raise UsageError(f"a range may span at most {MAX_PERIOD_MONTHS} months")
    return period


def load_report(path: Path, period: Period) -> StatisticsReport:
    from outreach_app.storage.repository import Repository, StoreError

    try:
        repo = Repository.open(path, key=database_key(path), create=False)
    except StoreError as exc:
        raise Failure(str(exc)) from exc
    try:
        report = repo.statistics.statistics_report(period)
    finally:
        repo.close()
    # A period not over is reported so far, as on the statistics page.
    return replace(report, counted_to=day_counted_to(period, date.today()))


def _start_qt(language: str | None) -> None:
    """Qt for the words and the charts, on the offscreen platform: no window is ever shown."""
    # Imported here, where Qt is needed: a bad command line is refused without loading it.
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from outreach_app.config import APP_NAME, ORGANIZATION
    from outreach_app.ui.fonts import install_cjk_font
    from outreach_app.ui.i18n import install_translations

    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(["outreach-app", "-platform", "offscreen"])
    )
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    if language is None:
        from outreach_app.ui.settings import AppSettings

        language = AppSettings().language() or None
    install_cjk_font(app)
    install_translations(app, language)


def _progress() -> Progress:
    """Progress on the terminal, when there is one to show it on."""
    if not sys.stderr.isatty():
        return Progress()

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\rexporting… {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return Progress(show)


def _output(args: argparse.Namespace, period: Period, fmt: str) -> Path | None:
    """The file to write; None for standard output."""
    output: Path | None = args.output
    if output == Path("-") or (output is None and fmt == "json"):
        if fmt != "json":
            raise UsageError(f"a {fmt.upper()} file cannot go to standard output; give --output")
        return None
    if output is None:
        return Path.cwd() / default_file_name(period, ExportFormat(fmt))
    if output.is_dir():
        raise UsageError(f"--output {output} is a folder; give a file name")
    if not output.parent.exists():
        raise UsageError(f"the folder {output.parent} does not exist")
    return output


def run(args: argparse.Namespace) -> int:
    period = parse_period(args.month, args.to)
    database = existing_database(args.db)
    output = _output(args, period, args.format)
    report = load_report(database, period)
    _start_qt(args.language)
    # Qt words and draws the report: loaded only now that the command line and the data are good.
    from outreach_app.ui.exports.statistics import write_export
    from outreach_app.ui.statistics.export import prepare_export

    prepared = prepare_export(
        report, ExportFormat(args.format), generated_at=datetime.now().replace(microsecond=0)
    )
    if output is None:
        sys.stdout.write(prepared.json_text)
        return 0
    try:
        write_export(prepared, output, _progress())
    except OSError as exc:
        raise Failure(f"cannot write {output}: {exc.strerror or exc}") from exc
    print(f"statistics for {period} written to {output}")
    return 0


def main(argv: list[str]) -> int:
    return run_command(
        build_parser(), run, argv, interrupted=(EXIT_INTERRUPTED, "stopped; nothing was written")
    )
