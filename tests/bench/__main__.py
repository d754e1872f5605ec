"""Run the benchmarks and print tables:
`python -m tests.bench [--part all|storage|startup|calls|server-load|sync|encryption|sfu]`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

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
FIRST_FRAME_TARGET_MS = 300.0
LATENCY_RATIO_TARGET = 1.10
FLOOR_FPS_TARGET = 28.0
HUB_CORES_TARGET = 1.5
HUB_MEMORY_TARGET_MB = 500.0
LOAD_P99_TARGET_MS = 20.0
LOAD_MEMORY_TARGET_MB = 200.0
VISIBLE_TARGET_MS = 1000.0
STARTUP_TARGET_MS = 1000.0


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
    parser.add_argument(
        "--part",
        choices=["all", "storage", "startup", "calls", "server-load", "sync", "encryption", "sfu"],
        default="all",
        help="run only the storage, the start-up, the call, the signaling server load or the "
        "team sync benchmarks (default: all), or on request only: the cost of encryption (plain vs "
        "SQLCipher), or large sessions on the media server against the hub (sfu: needs root "
        "for a network namespace, and Janus)",
    )
    parser.add_argument(
        "--startup-runs",
        type=int,
        default=7,
        help="starts of the app (and of a bare PySide6 window) for the start-up median (default 7)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="short call measurements (checks the command works; numbers are rough)",
    )
    parser.add_argument(
        "--hub-seconds", type=float, default=10.0, help="measuring time per hub row (default 10)"
    )
    parser.add_argument(
        "--hub-sites",
        default="1,2,4,6",
        help="site counts for the hub benchmark, comma-separated (default 1,2,4,6)",
    )
    sfu = parser.add_argument_group("sfu")
    sfu.add_argument(
        "--sfu-sites",
        default="3,6,12,24",
        help="session sizes on Janus, comma-separated (default 3,6,12,24)",
    )
    sfu.add_argument(
        "--sfu-hub-sites",
        default="3,6,12,24",
        help="the same sizes on the hub, for comparison (default 3,6,12,24; a size the hub "
        "cannot carry says so in the table)",
    )
    sfu.add_argument(
        "--sfu-seconds", type=float, default=10.0, help="measuring time per row (default 10)"
    )
    load = parser.add_argument_group("server-load")
    load.add_argument(
        "--load-sessions", type=int, default=100, help="sessions at once (default 100)"
    )
    load.add_argument(
        "--load-sites",
        type=int,
        default=4,
        help="sites per session, each with the host (default 4)",
    )
    load.add_argument(
        "--load-rate",
        type=float,
        default=2.0,
        help="messages a second each way between the host and each site (default 2)",
    )
    load.add_argument(
        "--load-seconds", type=float, default=10.0, help="measuring time (default 10)"
    )
    load.add_argument("--load-clients", type=int, default=1, help="client processes (default 1)")
    sync = parser.add_argument_group("sync")
    sync.add_argument(
        "--sync-clients",
        default="3,50",
        help="connected apps for change-to-visible, comma-separated (default 3,50)",
    )
    sync.add_argument(
        "--fan-out-clients", type=int, default=200, help="syncing apps for the server's fan-out"
    )
    sync.add_argument(
        "--skip-first-copy",
        action="store_true",
        help="leave out the first copy of the --notes database (its first run imports it)",
    )
    args = parser.parse_args(argv)
    if args.load_sessions < 1 or args.load_sites < 1 or args.load_clients < 1:
        parser.error("--load-sessions, --load-sites and --load-clients must be at least 1")
    if not 0 < args.load_rate * args.load_sites <= 15:
        parser.error(
            "--load-rate x --load-sites must be above 0 and at most 15: a host sends that many "
            "messages a second and the server allows 20"
        )
    if args.notes < 100 or args.repeats < 1:
        parser.error("--notes must be at least 100 and --repeats at least 1")
    if args.startup_runs < 1:
        parser.error("--startup-runs must be at least 1")
    try:
        hub_sites = [int(count) for count in args.hub_sites.split(",")]
    except ValueError:
        parser.error("--hub-sites takes numbers separated by commas, e.g. 1,2,4,6")
    if any(not 1 <= count <= 12 for count in hub_sites):
        parser.error("--hub-sites: each count must be from 1 to 12")
    failures = 0
    if args.part in ("all", "storage"):
        failures += storage_benchmark(args)
    if args.part in ("all", "startup"):
        failures += startup_benchmark(args.startup_runs)
    if args.part in ("all", "calls"):
        failures += call_benchmark(hub_sites, args.hub_seconds, quick=args.quick)
    if args.part in ("all", "server-load"):
        failures += server_load_benchmark(args)
    if args.part in ("all", "sync"):
        failures += sync_benchmark(args)
    if args.part == "sfu":
        from tests.bench.sfu_bench import sfu_benchmark

        try:
            janus_sites = [int(count) for count in args.sfu_sites.split(",")]
            sfu_hub_sites = [int(count) for count in args.sfu_hub_sites.split(",") if count]
        except ValueError:
            parser.error("--sfu-sites and --sfu-hub-sites take numbers separated by commas")
        if not janus_sites or any(not 2 <= count <= 60 for count in janus_sites + sfu_hub_sites):
            parser.error("--sfu-sites: each count must be from 2 to 60")
        seconds = 4.0 if args.quick else args.sfu_seconds
        failures += sfu_benchmark(janus_sites, sfu_hub_sites, seconds)
    if args.part == "encryption":
        # Plain vs SQLCipher on the storage benchmark's database (tests/bench/encryption_bench.py);
        # only on request: the first run encrypts a copy of that database.
        from tests.bench.encryption_bench import encryption_benchmark

        failures += encryption_benchmark(args.notes, args.repeats, SEARCH_TARGET_MS)
    return 1 if failures else 0


def sync_benchmark(args: argparse.Namespace) -> int:
    """Team mode: change to visible with few and many apps, a new app's first copy of the
    --notes record, the server with many syncing apps (tests/bench/sync_bench.py)."""
    import tempfile

    from tests.bench.sync_bench import measure_fan_out, measure_first_copy, measure_visible

    failures = 0
    lines = [
        "",
        "Team mode: the real outreach-server --data on 127.0.0.1; apps in processes of their "
        f"own; load average before {os.getloadavg()[0]:.1f}",
        _row("measurement", "result", "target", "ok?"),
        "|" + "-" * 48 + "|" + "-" * 24 + "|" + "-" * 14 + "|------|",
    ]
    with tempfile.TemporaryDirectory(prefix="outreach-sync-bench-") as folder:
        for clients in [int(c) for c in args.sync_clients.split(",")]:
            print(f"sync: change to visible with {clients} apps…", file=sys.stderr, flush=True)
            figures = measure_visible(Path(folder), clients, changes=10 if args.quick else 30)
            ok = figures.p95_ms < VISIBLE_TARGET_MS and figures.seen_fraction == 1.0
            failures += not ok
            lines.append(
                _row(
                    f"change to visible, {clients} apps: p50 / p95",
                    f"{figures.p50_ms:.0f} / {figures.p95_ms:.0f} ms "
                    f"x{figures.p95_ms / figures.reference_ms:.0f}",
                    f"p95 < {VISIBLE_TARGET_MS / 1000:.0f} s",
                    "yes" if ok else "NO",
                )
            )
            lines.append(
                _row(
                    "  reference: ping round trip, same server",
                    f"p50 {figures.reference_ms:.1f} ms",
                    "",
                    "",
                )
            )
        print(
            f"sync: the server with {args.fan_out_clients} syncing apps…",
            file=sys.stderr,
            flush=True,
        )
        fan = measure_fan_out(Path(folder), args.fan_out_clients, changes=8 if args.quick else 20)
        lines += [
            _row(
                f"fan-out to {fan.clients} apps: p50 / p99",
                f"{fan.p50_ms:.0f} / {fan.p99_ms:.0f} ms",
                "",
                "",
            ),
            _row(
                f"server with {fan.clients} apps: memory, cores",
                f"{fan.server_rss_mb:.0f} MB, {fan.server_cores:.2f}",
                "",
                "",
            ),
        ]
        if not args.skip_first_copy:
            from tests.bench.storage_bench import cached_database

            database = cached_database(
                args.notes, progress=lambda text: print(text, file=sys.stderr)
            )
            print("sync: a new app's first copy…", file=sys.stderr, flush=True)
            copy = measure_first_copy(database, Path(folder))
            lines.append(
                _row(
                    f"first copy of the record ({copy.size_bytes / 2**20:,.0f} MB file)",
                    f"{copy.seconds:.0f} s, peak {copy.peak_rss_mb:.0f} MB",
                    "",
                    "",
                )
            )
    print("\n".join(lines))
    return failures


def startup_benchmark(runs: int) -> int:
    """Start to a usable main window on a demo database, against a bare PySide6 window started
    in the same run (tests/bench/startup_bench.py); prints its table, returns missed targets."""
    from tests.bench.startup_bench import measure_startup

    print(f"start-up: {runs} starts of the app and of a bare window…", file=sys.stderr, flush=True)
    load_before = os.getloadavg()[0]
    result = measure_startup(runs)
    ok = result.app_median_ms < STARTUP_TARGET_MS
    lines = [
        "",
        f"Start-up: python -m outreach_app on a demo database (role staff, bytecode cached), "
        f"median of {runs} starts; load average before {load_before:.1f}",
        _row("measurement", "result", "target", "ok?"),
        "|" + "-" * 48 + "|" + "-" * 24 + "|" + "-" * 14 + "|------|",
        _row(
            "reference: bare PySide6 window shown",
            f"p50 {result.bare_median_ms:.0f} ms",
            "",
            "",
        ),
        _row(
            "start to a usable main window",
            f"p50 {result.app_median_ms:.0f} ms ×{result.ratio:.1f}",
            f"< {STARTUP_TARGET_MS:.0f} ms",
            "yes" if ok else "NO",
        ),
    ]
    print("\n".join(lines))
    return 0 if ok else 1


def server_load_benchmark(args: argparse.Namespace) -> int:
    """The signaling server under load; prints its table and returns the number of missed
    targets. The reference is one session on the same server, measured in the same run."""
    from tests.bench.server_load import measure_server_load, percentile

    seconds = 2.0 if args.quick else args.load_seconds
    warmup = 0.5 if args.quick else 2.0
    failures = 0

    def verdict(ok: bool) -> str:
        nonlocal failures
        failures += not ok
        return "yes" if ok else "NO"

    # Latency here is mostly scheduling: other busy processes on the machine show in the figures
    # (and in the clients' send lag), so the load average is printed with them.
    load_before = os.getloadavg()[0]
    print("server load: reference, one session…", file=sys.stderr, flush=True)
    reference = measure_server_load(
        1,
        args.load_sites,
        rate=args.load_rate,
        seconds=seconds,
        warmup_seconds=warmup,
        client_processes=1,
    )
    print(
        f"server load: {args.load_sessions} sessions of 1 + {args.load_sites}…",
        file=sys.stderr,
        flush=True,
    )
    result = measure_server_load(
        args.load_sessions,
        args.load_sites,
        rate=args.load_rate,
        seconds=seconds,
        warmup_seconds=warmup,
        client_processes=args.load_clients,
    )
    tally = result.tally
    lines = [
        "",
        f"Signaling server load: outreach-server on 127.0.0.1, {args.load_rate:g} messages/s "
        f"each way per host-site pair, {seconds:g} s measured, {args.load_clients} client "
        f"process(es); load average before {load_before:.1f}",
        _row("measurement", "result", "target", "ok?"),
        "|" + "-" * 48 + "|" + "-" * 24 + "|" + "-" * 14 + "|------|",
    ]
    ref = reference.tally.latencies_ms
    lines.append(
        _row(
            f"reference: relay, 1 session ({reference.connections} conn.)",
            f"p50 {percentile(ref, 0.5):.2f} / p99 {percentile(ref, 0.99):.2f} ms",
            "",
            "",
        )
    )
    p99 = percentile(tally.latencies_ms, 0.99)
    lines.append(
        _row(
            f"relay, {result.sessions} sessions ({tally.connections} conn.)",
            f"p50 {percentile(tally.latencies_ms, 0.5):.2f} / p99 {p99:.2f} ms",
            f"p99 < {LOAD_P99_TARGET_MS:.0f} ms",
            verdict(
                p99 < LOAD_P99_TARGET_MS
                and tally.connections == result.sessions * (args.load_sites + 1)
            ),
        )
    )
    ratio = p99 / max(percentile(ref, 0.99), 1e-3)
    lines.append(
        _row(
            "  max latency / ratio p99 to reference",
            f"{max(tally.latencies_ms, default=0):.1f} ms / ×{ratio:.1f}",
            "",
            "",
        )
    )
    lines.append(
        _row(
            "  messages relayed / lost / misrouted",
            f"{tally.sent:,} / {tally.missing} / {len(tally.problems)}",
            "0 / 0",
            verdict(tally.missing == 0 and not tally.problems and tally.sent > 0),
        )
    )
    for problem in tally.problems[:5]:
        lines.append(f"    {problem}")
    lines.append(
        _row(
            "  server memory idle / peak / after",
            f"{result.rss_idle_mb:.0f} / {result.rss_peak_mb:.0f} / {result.rss_after_mb:.0f} MB",
            f"< {LOAD_MEMORY_TARGET_MB:.0f} MB",
            verdict(result.rss_peak_mb < LOAD_MEMORY_TARGET_MB),
        )
    )
    lag = percentile(tally.send_lag_ms, 0.99)
    client_cores = tally.client_cpu_seconds / max(tally.client_seconds, 1e-3)
    lines.append(
        _row(
            "  clients: send lag p99 / CPU",
            f"{lag:.1f} ms / {client_cores:.2f} cores",
            "",
            "" if lag < LOAD_P99_TARGET_MS else "busy",
        )
    )
    per_connection = (result.rss_peak_mb - result.rss_idle_mb) * 1000 / max(tally.connections, 1)
    lines.append(
        _row(
            "  memory per connection / server CPU",
            f"{per_connection:.0f} kB / {result.server_cores:.2f} cores",
            "",
            "",
        )
    )
    print("\n".join(lines))
    return failures


def call_benchmark(hub_sites: list[int], hub_seconds: float = 10.0, *, quick: bool = False) -> int:
    """The call benchmarks; prints their table and returns the number of missed targets."""
    import asyncio
    import tempfile
    from pathlib import Path

    from tests.bench.call_bench import HubResult, measure_first_frame, measure_hub, measure_latency

    failures = 0
    lines = [
        "",
        "Call benchmark: every peer on 127.0.0.1; sites of the hub rows in a second process,",
        "kept to one core as the demo keeps them (the last row: free to run anywhere)",
        _row("measurement", "result", "target", "ok?"),
        "|" + "-" * 48 + "|" + "-" * 24 + "|" + "-" * 14 + "|------|",
    ]

    def verdict(ok: bool) -> str:
        nonlocal failures
        failures += not ok
        return "yes" if ok else "NO"

    print("call benchmark: first frames…", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        first = asyncio.run(measure_first_frame(Path(folder), repeats=2 if quick else 5))
    median_first = sorted(first)[len(first) // 2]
    lines.append(
        _row(
            "start call to first remote frame",
            f"p50 {median_first:.0f} / max {max(first):.0f} ms",
            f"p50 < {FIRST_FRAME_TARGET_MS:.0f} ms",
            verdict(median_first < FIRST_FRAME_TARGET_MS),
        )
    )
    print("call benchmark: frame latency…", file=sys.stderr, flush=True)
    latency = asyncio.run(measure_latency(seconds=2.0, rounds=1) if quick else measure_latency())
    ratio = latency.engine_ms / latency.bare_ms
    lines.append(
        _row("reference: frame latency, bare aiortc", f"p50 {latency.bare_ms:.1f} ms", "", "")
    )
    lines.append(
        _row(
            "frame latency through the engine",
            f"p50 {latency.engine_ms:.1f} ms ×{ratio:.2f}",
            f"× ≤ {LATENCY_RATIO_TARGET:.2f}",
            verdict(ratio <= LATENCY_RATIO_TARGET),
        )
    )
    for count in hub_sites:
        print(f"call benchmark: hub with {count} sites…", file=sys.stderr, flush=True)
        result = measure_hub(count, hub_seconds)
        if not isinstance(result, HubResult):
            lines.append(_row(f"hub, {count} sites", f"failed: {result}"[:22], "", verdict(False)))
            continue
        judged = count == max(hub_sites)
        lines.append(
            _row(
                f"hub, {count} sites: floor fps / waiting fps",
                f"{result.floor_fps:.1f} / {result.waiting_fps:.1f}",
                f"floor ≥ {FLOOR_FPS_TARGET:.0f}" if judged else "",
                verdict(result.floor_fps >= FLOOR_FPS_TARGET) if judged else "",
            )
        )
        lines.append(
            _row(
                "  cores: hub / sites process",
                f"{result.hub_cores:.2f} / {result.sites_cores:.2f}",
                f"hub < {HUB_CORES_TARGET}" if judged else "",
                verdict(result.hub_cores < HUB_CORES_TARGET) if judged else "",
            )
        )
        lines.append(
            _row("  frames painted in the floor view", f"{result.floor_view_fps:.1f} fps", "", "")
        )
        lines.append(
            _row(
                "  hub memory / longest GUI stall",
                f"{result.hub_rss_mb:.0f} MB / {result.longest_stall_ms:.0f} ms",
                f"< {HUB_MEMORY_TARGET_MB:.0f} MB / {STALL_TARGET_MS:.0f}" if judged else "",
                verdict(
                    result.hub_rss_mb < HUB_MEMORY_TARGET_MB
                    and result.longest_stall_ms < STALL_TARGET_MS
                )
                if judged
                else "",
            )
        )
    if hub_sites and not quick:
        # For reference: on a 2-core machine the sites' threads, free to move, preempt the
        # hub's event loop on both cores (not judged: sites run on machines of their own).
        count = max(hub_sites)
        print(f"call benchmark: hub with {count} sites anywhere…", file=sys.stderr, flush=True)
        shared = measure_hub(count, hub_seconds, cores="shared")
        lines.append(
            _row(
                f"hub, {count} sites anywhere: floor / waiting fps",
                f"{shared.floor_fps:.1f} / {shared.waiting_fps:.1f}"
                if isinstance(shared, HubResult)
                else f"failed: {shared}"[:22],
                "(reference)",
                "",
            )
        )
    print("\n".join(lines))
    return failures


def storage_benchmark(args: argparse.Namespace) -> int:
    """The storage benchmarks; prints their table and returns the number of missed targets."""

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
    reference, _ = time_call(lambda: repo.notes.get_question(args.notes // 2), args.repeats)
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
    summaries = repo.review.list_review_sessions()
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
    return failures


if __name__ == "__main__":
    sys.exit(main())
