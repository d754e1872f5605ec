"""Run the benchmarks and print a table: `python -m tests.bench [--notes N] [--repeats R]`."""

from __future__ import annotations

import argparse
import sys
import time

from outreach_app.storage.repository import Repository
from tests.bench.storage_bench import (
    cached_database,
    measure_app_memory,
    measure_gui_stall,
    measure_search,
    percentile,
    time_call,
)

SEARCH_TARGET_MS = 50.0
REVIEW_LIST_TARGET_MS = 300.0
MEMORY_TARGET_MB = 300.0
STALL_TARGET_MS = 50.0


def _row(name: str, value: str, target: str, verdict: str) -> str:
    return f"| {name:<46} | {value:>22} | {target:>12} | {verdict:<4} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument(
        "--notes",
        type=int,
        default=1_000_000,
        help="questions (each with an answer) in the database (default 1,000,000)",
    )
    parser.add_argument("--repeats", type=int, default=40, help="timed runs per measurement")
    parser.add_argument(
        "--skip-memory", action="store_true", help="do not start the app (memory, GUI stalls)"
    )
    args = parser.parse_args(argv)
    if args.notes < 100 or args.repeats < 1:
        parser.error("--notes must be at least 100 and --repeats at least 1")

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    path = cached_database(args.notes, progress=progress)
    repo = Repository.open(path)
    failures = 0
    lines = [
        f"Storage benchmark: {args.notes:,} questions with answers, {args.repeats} runs each",
        _row("measurement", "result", "target", "ok?"),
        "|" + "-" * 48 + "|" + "-" * 24 + "|" + "-" * 14 + "|------|",
    ]

    # The reference: SQLite reading one row by primary key on this machine, in this run. Ratios
    # to it stay comparable across machines that are faster, slower or busy.
    reference, _ = time_call(lambda: repo.get_question(args.notes // 2), args.repeats)
    reference_ms = max(percentile(reference, 0.5), 1e-3)
    lines.append(_row("reference: read one note by id", f"p50 {reference_ms:.3f} ms", "", ""))

    for timing in measure_search(repo, args.repeats):
        ok = timing.p95_ms < SEARCH_TARGET_MS
        failures += not ok
        value = f"p50 {timing.p50_ms:.1f} / p95 {timing.p95_ms:.1f} ms"
        lines.append(
            _row(
                f"search {timing.name}",
                value,
                f"p95 < {SEARCH_TARGET_MS:.0f} ms",
                "yes" if ok else "NO",
            )
        )
        lines.append(
            _row(
                "  hits / ratio p95 to reference",
                f"{timing.hits} / ×{timing.p95_ms / reference_ms:,.0f}",
                "",
                "",
            )
        )

    began = time.perf_counter()
    summaries = repo.list_review_sessions()
    review_ms = (time.perf_counter() - began) * 1000
    ok = review_ms < REVIEW_LIST_TARGET_MS
    failures += not ok
    lines.append(
        _row(
            f"open review list ({len(summaries)} sessions)",
            f"{review_ms:.1f} ms",
            f"< {REVIEW_LIST_TARGET_MS:.0f} ms",
            "yes" if ok else "NO",
        )
    )
    repo.close()

    size_mb = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6
    lines.append(_row("database size", f"{size_mb:,.0f} MB", "", ""))

    if not args.skip_memory:
        stall = measure_gui_stall(path)
        if stall is None:
            lines.append(
                _row("longest GUI stall (pages, searches)", "window did not run", "", "NO")
            )
            failures += 1
        else:
            ok = stall < STALL_TARGET_MS
            failures += not ok
            lines.append(
                _row(
                    "longest GUI stall (pages, searches)",
                    f"{stall:.1f} ms",
                    f"< {STALL_TARGET_MS:.0f} ms",
                    "yes" if ok else "NO",
                )
            )
        rss = measure_app_memory(path)
        if rss is None:
            lines.append(_row("app resident memory", "app did not start", "", "NO"))
            failures += 1
        else:
            ok = rss < MEMORY_TARGET_MB
            failures += not ok
            lines.append(
                _row(
                    "app resident memory, db open",
                    f"{rss:.0f} MB",
                    f"< {MEMORY_TARGET_MB:.0f} MB",
                    "yes" if ok else "NO",
                )
            )
    print("\n".join(lines))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
