"""What encryption at rest costs: the storage benchmark's operations on the plain database and
on an SQLCipher copy of it, in the same run, as ratios (`python -m tests.bench --part encryption`).

The encrypted copy of the cached benchmark database is made once with sqlcipher_export and kept
beside it. Each measurement alternates plain and encrypted runs so that a busy machine slows
both alike.
"""

from __future__ import annotations

import functools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from outreach_app.core.model import SearchFilters
from outreach_app.storage.backup import backup_now
from outreach_app.storage.repository import Repository
from outreach_app.storage.sqlite_driver import cipher_module, cipher_sqlite_version, quote_key
from tests.bench.storage_bench import FILTERED_QUERIES, QUERIES, cached_database, percentile

BENCH_KEY = "benchmark passphrase 2026"
INSERTED_NOTES = 200


def _row(name: str, value: str, target: str, verdict: str) -> str:
    return f"| {name:<46} | {value:>22} | {target:>12} | {verdict:<4} |"


def cached_encrypted_copy(plain: Path, *, progress: Callable[[str], None]) -> Path:
    cipher = cipher_module()
    if cipher is None:
        raise SystemExit("the encryption benchmark needs sqlcipher3 (pip install sqlcipher3)")
    path = plain.with_name(plain.stem + "-encrypted.db")
    if path.exists():
        return path
    progress(f"Encrypting a copy of {plain.name} into {path.name} (once)…")
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    conn = cipher.connect(str(plain), isolation_level=None)
    try:
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {quote_key(BENCH_KEY)}", (str(partial),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    partial.rename(path)
    return path


@dataclass
class Pair:
    """Samples (ms) of one operation on the plain and on the encrypted database."""

    plain: list[float]
    encrypted: list[float]

    def p50(self) -> tuple[float, float]:
        return statistics.median(self.plain), statistics.median(self.encrypted)

    def p95(self) -> tuple[float, float]:
        return percentile(self.plain, 0.95), percentile(self.encrypted, 0.95)


def _timed(call: Callable[[], object]) -> float:
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000


def _alternate(plain: Callable[[], object], encrypted: Callable[[], object], repeats: int) -> Pair:
    pair = Pair([], [])
    for _ in range(repeats):
        pair.plain.append(_timed(plain))
        pair.encrypted.append(_timed(encrypted))
    return pair


def _ratio_text(plain_ms: float, encrypted_ms: float, digits: int = 2) -> str:
    ratio = encrypted_ms / max(plain_ms, 1e-6)
    return f"{plain_ms:.{digits}f} → {encrypted_ms:.{digits}f} ×{ratio:.2f}"


def _insert_notes(repo: Repository, count: int) -> list[float]:
    """Save `count` notes with answers as the app does (one transaction each, synchronous=FULL),
    then remove them so that the cached database stays as it was generated."""
    session_id, site_id = repo.db.execute(
        "SELECT session_id, site_id FROM session_sites ORDER BY session_id DESC LIMIT 1"
    ).fetchone()
    marks = {
        table: repo.db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        for table in ("questions", "answers", "audit_log")
    }
    samples = []
    try:
        for number in range(count):
            began = time.perf_counter()
            question = repo.notes.add_question(
                session_id, site_id, f"基准测试问题{number}：供暖温度不达标"
            )
            assert question.id is not None
            repo.notes.save_answer(
                question.id, "已经安排维修 the supply pressure is stable", "张德明"
            )
            samples.append((time.perf_counter() - began) * 1000)
    finally:
        with repo.db.atomic():
            for table in ("answers", "questions", "audit_log"):
                repo.db.execute(f"DELETE FROM {table} WHERE id > ?", (marks[table],))
    return samples


def encryption_benchmark(notes: int, repeats: int, search_target_ms: float) -> int:
    """Prints the table; returns the number of missed targets (encrypted search p95 within the
    storage benchmark's search target)."""

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    plain_path = cached_database(notes, progress=progress)
    encrypted_path = cached_encrypted_copy(plain_path, progress=progress)
    failures = 0
    lines = [
        "",
        f"Encryption benchmark: SQLCipher {cipher_sqlite_version()} vs plain SQLite, "
        f"{notes:,} questions with answers, {repeats} runs each, plain → encrypted ×ratio",
        _row("measurement (ms unless noted)", "plain → encrypted ×", "target", "ok?"),
        "|" + "-" * 48 + "|" + "-" * 24 + "|" + "-" * 14 + "|------|",
    ]

    opened: dict[str, Repository] = {}

    def open_plain() -> None:
        opened["plain"] = Repository.open(plain_path)

    def open_encrypted() -> None:
        opened["encrypted"] = Repository.open(encrypted_path, key=BENCH_KEY)

    progress("encryption benchmark: opening…")
    open_times = Pair([], [])
    for _ in range(3):
        open_times.plain.append(_timed(open_plain))
        open_times.encrypted.append(_timed(open_encrypted))
        opened["plain"].close()
        opened["encrypted"].close()
    open_plain()
    open_encrypted()
    plain, encrypted = opened["plain"], opened["encrypted"]
    lines.append(
        _row(
            "open the database (key derivation)", "p50 " + _ratio_text(*open_times.p50(), 0), "", ""
        )
    )
    try:
        middle = notes // 2
        read = _alternate(
            lambda: plain.notes.get_question(middle),
            lambda: encrypted.notes.get_question(middle),
            repeats,
        )
        lines.append(_row("read one note by id", "p50 " + _ratio_text(*read.p50(), 3), "", ""))

        progress("encryption benchmark: searching…")
        cases = {name: (query, SearchFilters()) for name, query in QUERIES.items()}
        cases.update({f"filtered: {name}": case for name, case in FILTERED_QUERIES.items()})
        search_ratios = []
        for name, (query, filters) in cases.items():
            # The first run of each pays for reading pages from disk.
            plain.search.search(query, filters)
            encrypted.search.search(query, filters)
            pair = _alternate(
                functools.partial(plain.search.search, query, filters, limit=100),
                functools.partial(encrypted.search.search, query, filters, limit=100),
                repeats,
            )
            plain_p95, encrypted_p95 = pair.p95()
            search_ratios.append(encrypted_p95 / max(plain_p95, 1e-6))
            ok = encrypted_p95 < search_target_ms
            failures += not ok
            lines.append(
                _row(
                    f"search {name}",
                    "p95 " + _ratio_text(plain_p95, encrypted_p95, 1),
                    f"< {search_target_ms:.0f} ms",
                    "yes" if ok else "NO",
                )
            )
        lines.append(
            _row(
                "  search: median ratio over the queries",
                f"×{statistics.median(search_ratios):.2f}",
                "",
                "",
            )
        )

        progress("encryption benchmark: saving notes…")
        inserted = Pair(
            _insert_notes(plain, INSERTED_NOTES), _insert_notes(encrypted, INSERTED_NOTES)
        )
        lines.append(
            _row(
                f"save a note with its answer ({INSERTED_NOTES} times)",
                "p50 " + _ratio_text(*inserted.p50(), 2),
                "",
                "",
            )
        )
        lines.append(_row("", "p95 " + _ratio_text(*inserted.p95(), 2), "", ""))
    finally:
        plain.close()
        encrypted.close()

    progress("encryption benchmark: backing up…")
    with tempfile.TemporaryDirectory(dir=plain_path.parent) as folder:
        backup = Pair([], [])
        backup.plain.append(_timed(lambda: backup_now(plain_path, Path(folder) / "plain")))
        backup.encrypted.append(
            _timed(lambda: backup_now(encrypted_path, Path(folder) / "enc", key=BENCH_KEY))
        )
    size_mb = plain_path.stat().st_size / 1e6
    lines.append(
        _row(
            f"back up the whole database ({size_mb:,.0f} MB), s",
            _ratio_text(backup.plain[0] / 1000, backup.encrypted[0] / 1000, 2),
            "",
            "",
        )
    )
    print("\n".join(lines))
    return failures
