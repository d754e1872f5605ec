"""Killing the app during a live call loses at most the last second of notes, never corrupts the
database, and leaves the session interrupted and resumable.

Each round a scripted official (tests/ui/call_typist.py: the app's call window with its
embedded signaling server on a fixed port) goes live on the same session of the same database,
waits for a site, asks a question and types the answer. The test kills it with SIGKILL at a
random moment: during start-up (opening the database, the server, the call, the sites
rejoining), within the first keystrokes, or while typing. After each kill: `PRAGMA
integrity_check` is ok, every character typed more than a second before the kill is saved, the
notes of earlier rounds are untouched, and the store reports the session interrupted; every
10th round the main window opens on the database and offers to resume the call.

The sites run in one process for all rounds (started when the first call is live): they rejoin
each new instance of the app by themselves, as real sites would after the official's restart.
A round's official process is started while the previous round runs (it imports; the app's work
starts when it is told the question), so the rounds are not spent waiting for imports.

OUTREACH_CRASH_ROUNDS changes the number of rounds for local runs.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtWidgets import QApplication

from outreach_app.app import build_main_window
from outreach_app.core.model import (
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.interrupted import watch_interrupted_calls
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from tests.ui.call_typist import ANSWER
from tests.ui.conftest import until

REPO_ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("OUTREACH_CRASH_ROUNDS", "50"))
# What the app promises: text typed more than this long before a crash is on disk.
GRACE_S = 1.0
# Every this many rounds (and after the last) the main window opens on the database.
MAIN_WINDOW_EVERY = 10
STAGES = ("start-up", "live", "typing")
# Starting, getting the call live and a site on air, loaded machine included.
START_TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def seed(db_path: Path) -> int:
    repo = Repository.open(db_path)
    try:
        gas = repo.sites.save_site(Site("克拉2气田中控室"))
        village = repo.sites.save_site(Site("红旗村村委会"))
        return repo.sessions.save_session(
            Session(
                "安全生产调度",
                SessionKind.ON_SITE_WORK,
                "王建国",
                datetime.now().replace(microsecond=0) - timedelta(minutes=1),
                240,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(gas, 0, 30), SessionSite(village, 1, 30)],
            )
        )
    finally:
        repo.close()


class Typist:
    """One start of the scripted official; its progress lines with when they were read."""

    def __init__(self, arguments: Sequence[str], env: dict[str, str], log: IO[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.call_typist", *arguments],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        self.ready = threading.Event()
        self.live = threading.Event()
        self.typing = threading.Event()
        self.links: list[str] = []
        self.question_id: int | None = None
        self.typed: list[tuple[float, int]] = []
        self.first_keystroke_at: float | None = None
        self.stalls: list[float] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            now = time.monotonic()
            word, _, rest = line.strip().partition(" ")
            if word == "ready":
                self.ready.set()
            elif word == "live":
                self.links = [link for link in json.loads(rest).values() if link]
                self.live.set()
            elif word == "question":
                self.question_id = int(rest)
            elif word == "typed":
                self.typed.append((now, int(rest)))
                if self.first_keystroke_at is None:
                    self.first_keystroke_at = now
                    self.typing.set()
            elif word == "stall":
                self.stalls.append(float(rest))

    def go(self, question: str) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(question + "\n")
        self.process.stdin.flush()
        return time.monotonic()

    def kill(self) -> float:
        killed_at = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        self._reader.join(5)
        return killed_at

    def stop_unused(self) -> None:
        """The spare started for a round that will not come: it leaves on an empty question."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def typed_before(self, moment: float) -> int:
        return max((count for at, count in self.typed if at <= moment), default=0)

    def typed_at(self, count: int) -> float | None:
        """When the `count`-th character was seen typed."""
        return next((at for at, typed in self.typed if typed >= count), None)

    @property
    def typed_in_all(self) -> int:
        return max((count for _, count in self.typed), default=0)


class Sites:
    """The simulated sites, one process for every round; started again if it ever ends."""

    def __init__(self, env: dict[str, str], log: IO[bytes]) -> None:
        self._env = env
        self._log = log
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def ensure_running(self, links: list[str]) -> None:
        if not links or (self.process is not None and self.process.poll() is None):
            return
        self.starts += 1
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "outreach_app.cli.site",
                *links,
                "--synthetic",
                "--host-address",
                "127.0.0.1",
                "--report-every",
                "30",
                # The official's app comes back within seconds: look for it every second.
                "--max-retry-delay",
                "1",
                "--leave-on-eof",
            ],
            cwd=REPO_ROOT,
            env=self._env,
            stdin=subprocess.PIPE,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def status(self) -> str:
        if self.process is None:
            return "not started"
        code = self.process.poll()
        return "running" if code is None else f"ended ({code})"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        assert self.process.stdin is not None
        self.process.stdin.close()  # --leave-on-eof
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


@dataclass
class Outcome:
    kind: str
    reached: str  # "start-up", "live" (the call, not yet typing) or "typing"
    killed_after_s: float  # since the official was told to start
    typed: int
    saved: int
    # How long before the kill the oldest unsaved character was typed (0: nothing lost).
    oldest_loss_s: float
    longest_stall_s: float
    stored_notes: dict[int, str] = field(default_factory=dict)


def kill_plan(rounds: int, rng: random.Random) -> list[str]:
    """A fifth killed during start-up, a fifth within the first keystrokes, the rest typing."""
    early = max(1, rounds // 5) if rounds >= 3 else 0
    kinds = ["start-up"] * early + ["first keys"] * early
    kinds += ["typing"] * (rounds - len(kinds))
    rng.shuffle(kinds)
    return kinds


async def wait_for(
    event: threading.Event,
    timeout: float,
    what: str,
    typist: Typist,
    meanwhile: Callable[[], None] = lambda: None,
) -> None:
    deadline = time.monotonic() + timeout
    while not event.is_set():
        meanwhile()
        if typist.process.poll() is not None:
            pytest.fail(f"the official's process ended before {what} ({typist.process.returncode})")
        if time.monotonic() > deadline:
            typist.kill()
            pytest.fail(f"not within {timeout:.0f} s: {what}")
        await asyncio.sleep(0.01)


async def sleep_until(moment: float) -> None:
    delay = moment - time.monotonic()
    if delay > 0:
        await asyncio.sleep(delay)


def check_database(
    db_path: Path, session_id: int, earlier: dict[int, str], ever_live: bool
) -> dict[int, str]:
    """Integrity, the notes of earlier rounds untouched, the session interrupted if it was live.
    Returns every answer of the session by question id."""
    repo = Repository.open(db_path)
    try:
        assert repo.integrity_check() == "ok"
        answers = {
            q.id: (q.answer.text if q.answer else "")
            for q in repo.notes.list_questions(session_id)
            if q.id is not None
        }
        for question_id, text in earlier.items():
            assert answers.get(question_id) == text, f"question {question_id} changed after a kill"
        status = repo.sessions.get_session(session_id).status
        assert status in (SessionStatus.SCHEDULED, SessionStatus.LIVE), status
        interrupted = [s.session_id for s in repo.calls.interrupted_sessions()]
        if ever_live:
            assert status is SessionStatus.LIVE
            assert interrupted == [session_id]
        return answers
    finally:
        repo.close()


async def main_window_offers_to_resume(db_path: Path, session_id: int) -> None:
    """The app opens again on the database: the banner says the session was interrupted."""
    user = User("记录员", Role.OFFICIAL)
    store = StoreWorker.open_path(db_path, user)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())
    window = build_main_window(context)
    try:
        banner = watch_interrupted_calls(context, window)
        window.show()
        await until(lambda: banner.notice_for(session_id) is not None, timeout=15)
        notice = banner.notice_for(session_id)
        assert notice is not None and banner.isVisible()
        assert "安全生产调度" in notice.label.text() and "interrupted" in notice.label.text()
        assert notice.resume_button.isVisible() and notice.resume_button.isEnabled()
        assert notice.end_button.isEnabled()
    finally:
        window.close()
        window.deleteLater()
        # The loop, not processEvents(): events handled inside this coroutine's step would run
        # other tasks' steps within it, which asyncio refuses, leaving them stuck for good.
        await asyncio.sleep(0.3)
        store.close()


@pytest.mark.slow
@pytest.mark.timeout(900)
async def test_killed_during_a_call_keeps_notes_and_the_session_resumable(
    tmp_path: Path, qapp: QApplication
) -> None:
    seed_value = random.randrange(2**32)
    rng = random.Random(seed_value)
    db_path = tmp_path / "outreach.db"
    session_id = seed(db_path)
    arguments = [str(db_path), str(session_id), str(free_port()), str(tmp_path / "secret")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    typist_log = (tmp_path / "officials.log").open("w")
    sites_log = (tmp_path / "sites.log").open("wb")
    sites = Sites(env, sites_log)
    plan = kill_plan(ROUNDS, rng)
    outcomes: list[Outcome] = []
    stored: dict[int, str] = {}
    ever_live = False
    started = time.monotonic()
    spare = Typist(arguments, env, typist_log)

    def context_for_failure() -> str:
        typist_log.flush()
        sites_log.flush()
        officials = (tmp_path / "officials.log").read_text(errors="replace")[-3000:]
        sites_said = (tmp_path / "sites.log").read_text(errors="replace")[-3000:]
        return (
            f"seed {seed_value}; round {len(outcomes) + 1} of {len(plan)};"
            f" sites process started {sites.starts}x, now {sites.status()}"
            f"\nofficials' log ends:\n{officials}\nsites' log ends:\n{sites_said}"
        )

    try:
        for round_number, kind in enumerate(plan):
            typist = spare
            await wait_for(typist.ready, START_TIMEOUT_S, "the official's app loaded", typist)
            told_at = typist.go(f"第{round_number + 1}轮：节日期间如何保障安全生产？")
            # The next round's app loads while this one runs.
            spare = Typist(arguments, env, typist_log)

            if kind == "start-up":
                # Opening the database, the window, the server and the call (all within about
                # half a second of being told), then the sites rejoining.
                early = rng.uniform(0.0, 0.5) if rng.random() < 0.6 else rng.uniform(0.5, 1.5)
                await sleep_until(told_at + early)
            else:
                await wait_for(typist.live, START_TIMEOUT_S, "the call live", typist)
                # Started only while a call is live: the first join of a site needs the server.
                # Restarted if it ended (a first join that met a server just killed).
                await wait_for(
                    typist.typing,
                    START_TIMEOUT_S,
                    "a site on air and typing",
                    typist,
                    meanwhile=functools.partial(sites.ensure_running, typist.links),
                )
                assert typist.first_keystroke_at is not None
                after = rng.uniform(0.0, 0.9) if kind == "first keys" else rng.uniform(1.2, 3.0)
                await sleep_until(typist.first_keystroke_at + after)
            killed_at = typist.kill()
            assert typist.process.returncode == -signal.SIGKILL
            ever_live = ever_live or typist.live.is_set()

            try:
                answers = check_database(db_path, session_id, stored, ever_live)
            except AssertionError as error:
                raise AssertionError(f"round {round_number + 1}: {error}") from error
            must_have = typist.typed_before(killed_at - GRACE_S)
            saved = ""
            if typist.question_id is not None:
                saved = answers.get(typist.question_id, "")
                assert ANSWER.startswith(saved), f"round {round_number + 1}: not what was typed"
                stored[typist.question_id] = saved
            assert len(saved) >= must_have, (
                f"round {round_number + 1} ({kind}): {len(saved)} characters saved,"
                f" {must_have} were typed more than {GRACE_S} s before the kill; the last"
                f" keystroke was seen {killed_at - typist.typed[-1][0]:.2f} s before it;"
                f" stalls of the official's GUI thread: {typist.stalls}"
            )
            first_lost = typist.typed_at(len(saved) + 1)
            outcomes.append(
                Outcome(
                    kind,
                    "typing" if typist.typed else "live" if typist.live.is_set() else "start-up",
                    killed_at - told_at,
                    typist.typed_in_all,
                    len(saved),
                    0.0 if first_lost is None else max(0.0, killed_at - first_lost),
                    max(typist.stalls, default=0.0),
                )
            )
            if round_number % MAIN_WINDOW_EVERY == MAIN_WINDOW_EVERY - 1 or (
                round_number == len(plan) - 1
            ):
                assert ever_live, "the call never went live"
                await main_window_offers_to_resume(db_path, session_id)
    except BaseException:
        print(context_for_failure())
        raise
    finally:
        spare.stop_unused()
        sites.stop()
        typist_log.close()
        sites_log.close()

    total = time.monotonic() - started
    kills = [o.killed_after_s for o in outcomes]
    worst = max(outcomes, key=lambda o: o.oldest_loss_s)
    reached = {stage: sum(o.reached == stage for o in outcomes) for stage in STAGES}
    print(
        f"\ncrash safety: {len(outcomes)} rounds in {total:.0f} s (seed {seed_value});"
        f" kills {min(kills):.2f}-{max(kills):.2f} s after start, median"
        f" {statistics.median(kills):.2f} s; {reached['start-up']} before the call was live,"
        f" {reached['live']} live but not yet typing, {reached['typing']} while typing;"
        f" worst loss {worst.typed - worst.saved} characters, the oldest typed"
        f" {worst.oldest_loss_s:.2f} s before the kill; longest stall of the official's GUI"
        f" thread while typing {max(o.longest_stall_s for o in outcomes):.2f} s;"
        f" sites started {sites.starts}x"
    )
    assert reached["typing"] >= len(outcomes) // 2, "too few rounds got as far as typing"
    assert sum(o.saved for o in outcomes) > 0


def test_the_kill_plan_mixes_early_and_late_kills() -> None:
    plan = kill_plan(50, random.Random(1))
    assert plan.count("start-up") == 10 and plan.count("first keys") == 10
    assert plan.count("typing") == 30
    assert kill_plan(1, random.Random(1)) == ["typing"]
