"""Search, review list, size and memory with a large database of notes.

Builds (once, cached under tests/bench/.cache) a database with N questions, each with an answer,
in mixed Chinese and English, then measures what reviewers wait for.
"""

from __future__ import annotations

import functools
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from outreach_app.core.model import (
    SearchFilters,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
)
from outreach_app.storage.repository import Repository

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
GENERATOR_VERSION = 2
QUESTIONS_PER_SESSION = 50
SITES = 60

CHINESE_PHRASES = (
    "天然气外输压力稳定",
    "节日期间大家能轮流休息吗",
    "供暖温度不达标",
    "老旧小区加装电梯",
    "马铃薯销路有困难",
    "易地搬迁安置点",
    "地质灾害隐患排查",
    "快递柜数量不够",
    "家庭医生签约服务",
    "拖欠农民工工资",
    "饮水工程水压不足",
    "冬季取暖电费补贴",
    "安全生产应急演练",
    "学生上学路上安全",
    "停车难问题突出",
    "村里留守老人照料",
    "防汛物资储备充足",
    "电商平台对接销售",
    "医保报销流程复杂",
    "新能源汽车充电桩",
)
ENGLISH_PHRASES = (
    "the supply pressure is stable",
    "residents asked about heating",
    "flood warning by SMS",
    "foreign residents need help with visas",
    "the clinic has enough medicine",
    "night shift rotation works well",
    "broadband in the village is slow",
)
QUERIES = {
    "1 char (水)": "水",
    "2 chars (供暖)": "供暖",
    "3 chars (安全生)": "安全生",
    "8 chars (天然气外输压力稳)": "天然气外输压力稳",
    "English word (pressure)": "pressure",
}


# Filters change the plan (see outreach_app/storage/search.py): the slow cases are frequent
# terms whose matches the filters mostly reject.
FILTERED_QUERIES = {
    "水, category no note has": ("水", SearchFilters(category="教育")),
    "水, one site": ("水", SearchFilters(site_id=5)),
    "安全生, oldest month": (
        "安全生",
        SearchFilters(period_start=date(2020, 1, 1), period_end=date(2020, 1, 31)),
    ),
    "水, oldest year": (
        "水",
        SearchFilters(period_start=date(2020, 1, 1), period_end=date(2020, 12, 31)),
    ),
    "pressure, one site, one month": (
        "pressure",
        SearchFilters(site_id=7, period_start=date(2021, 3, 1), period_end=date(2021, 3, 31)),
    ),
}


def _sentence(rng: random.Random) -> str:
    parts = [rng.choice(CHINESE_PHRASES) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        parts.insert(rng.randint(0, len(parts)), rng.choice(ENGLISH_PHRASES))
    return "，".join(parts) + rng.choice(("？", "。", "！"))


def build_database(path: Path, questions: int, *, progress: Callable[[str], None]) -> None:
    rng = random.Random(questions)
    repo = Repository.open(path)
    try:
        db = repo.db
        db.execute("PRAGMA synchronous = OFF")  # generation only; the app itself uses FULL
        with db.atomic():
            site_ids = [
                repo.sites.save_site(Site(f"基层站点{i:03d}", region="测试")) for i in range(SITES)
            ]
        sessions = max(1, questions // QUESTIONS_PER_SESSION)
        start = datetime(2020, 1, 1, 9, 0)
        question_id = 0
        started = time.monotonic()
        for number in range(sessions):
            when = start + timedelta(hours=number * 2)
            sites = rng.sample(site_ids, 5)
            with db.atomic():
                session_id = repo.sessions.save_session(
                    Session(
                        f"连线 {number}",
                        rng.choice(list(SessionKind)),
                        "王建国",
                        when,
                        60,
                        status=SessionStatus.ENDED,
                        sites=[SessionSite(s, i, 12) for i, s in enumerate(sites)],
                    )
                )
                stamp = when.isoformat(sep=" ")
                rows = []
                for _ in range(QUESTIONS_PER_SESSION):
                    question_id += 1
                    rows.append(
                        (
                            question_id,
                            session_id,
                            rng.choice(sites),
                            _sentence(rng),
                            rng.choice(("民生保障", "安全生产", "基础设施", "医疗卫生")),
                            stamp,
                            stamp,
                        )
                    )
                db.conn.executemany(
                    "INSERT INTO questions (id, session_id, site_id, text, category, created_at,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                db.conn.executemany(
                    "INSERT INTO answers (question_id, text, speaker, answered_at, updated_at)"
                    " VALUES (?, ?, '张德明', ?, ?)",
                    [(r[0], _sentence(rng), stamp, stamp) for r in rows],
                )
            if number % 1000 == 999:
                done = (number + 1) * QUESTIONS_PER_SESSION
                rate = done / (time.monotonic() - started)
                progress(f"  {done:,} notes written ({rate:,.0f}/s)")
        db.execute("INSERT INTO search_trigram(search_trigram) VALUES ('optimize')")
        db.execute("INSERT INTO search_unigram(search_unigram) VALUES ('optimize')")
        repo.meta.set_meta("bench_version", str(GENERATOR_VERSION))
    finally:
        repo.close()


def cached_database(questions: int, *, progress: Callable[[str], None]) -> Path:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"notes-{questions}-v{GENERATOR_VERSION}.db"
    if not path.exists():
        progress(f"Generating {questions:,} questions with answers into {path} (once)…")
        partial = path.with_suffix(".partial")
        for leftover in CACHE_DIR.glob(partial.name + "*"):
            leftover.unlink()
        build_database(partial, questions, progress=progress)
        partial.rename(path)
    return path


@dataclass
class Timing:
    name: str
    p50_ms: float
    p95_ms: float
    hits: int


def time_call(call: Callable[[], object], repeats: int) -> tuple[list[float], object]:
    samples: list[float] = []
    result: object = None
    for _ in range(repeats):
        began = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - began) * 1000)
    return samples, result


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_search(repo: Repository, repeats: int) -> list[Timing]:
    timings = []
    cases = {name: (query, SearchFilters()) for name, query in QUERIES.items()}
    cases.update({f"filtered: {name}": case for name, case in FILTERED_QUERIES.items()})
    for name, (query, filters) in cases.items():
        repo.search.search(query, filters)  # first run pays for reading pages from disk
        samples, result = time_call(
            functools.partial(repo.search.search, query, filters, limit=100), repeats
        )
        assert isinstance(result, list)
        timings.append(
            Timing(name, statistics.median(samples), percentile(samples, 0.95), len(result))
        )
    return timings


def measure_gui_stall(db_path: Path) -> float | None:
    """Longest GUI-thread stall (ms) while the real window is used on this database."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.setdefault("OUTREACH_CONFIG_DIR", str(CACHE_DIR / "config"))
    env.setdefault("OUTREACH_DATA_DIR", str(CACHE_DIR / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.gui_bench", str(db_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).resolve().parents[2],
    )
    if result.returncode != 0:
        return None
    return float(result.stdout.strip().splitlines()[-1])


def measure_app_memory(db_path: Path, settle_s: float = 4.0) -> float | None:
    """Resident memory (MB) of the real app with this database open, on the offscreen platform."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.setdefault("OUTREACH_CONFIG_DIR", str(CACHE_DIR / "config"))
    # Its own data folder: a running Outreach would otherwise take the launch over.
    env.setdefault("OUTREACH_DATA_DIR", str(CACHE_DIR / "data"))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "outreach_app",
            "--db",
            str(db_path),
            "--user",
            "基准测试",
            "--role",
            "reviewer",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(settle_s)
        if process.poll() is not None:
            return None
        status = Path(f"/proc/{process.pid}/status").read_text()
        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        return kb / 1024
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
