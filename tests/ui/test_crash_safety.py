"""Killing the app while someone types loses at most the last second and never corrupts data."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.storage.repository import Repository
from tests.ui.notes_typist import ANSWER

REPO_ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3
# What the app promises: text typed more than this long before a crash is on disk.
GRACE_S = 1.0


def seed(db_path: Path) -> int:
    repo = Repository.open(db_path)
    try:
        site = repo.save_site(Site("克拉2气田中控室"))
        return repo.save_session(
            Session(
                "安全生产调度",
                SessionKind.ON_SITE_WORK,
                "王建国",
                datetime.now().replace(microsecond=0) + timedelta(minutes=10),
                30,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(site, 0, 30)],
            )
        )
    finally:
        repo.close()


class TypistProcess:
    def __init__(self, db_path: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.notes_typist", str(db_path)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.typed: list[tuple[float, int]] = []
        self.first_keystroke = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("typed "):
                self.typed.append((time.monotonic(), int(line.split()[1])))
                self.first_keystroke.set()

    def kill(self) -> float:
        killed_at = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        self._reader.join(5)
        return killed_at

    def typed_before(self, moment: float) -> int:
        return max((count for at, count in self.typed if at <= moment), default=0)


@pytest.mark.slow
def test_killed_while_typing_keeps_everything_older_than_a_second(tmp_path: Path) -> None:
    rng = random.Random()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    for round_number in range(ROUNDS):
        db_path = tmp_path / f"round{round_number}.db"
        session_id = seed(db_path)
        typist = TypistProcess(db_path, env)
        if not typist.first_keystroke.wait(30):
            typist.kill()
            assert typist.process.stderr is not None
            pytest.fail(f"the typist never started typing: {typist.process.stderr.read()}")
        time.sleep(rng.uniform(1.2, 3.5))
        killed_at = typist.kill()
        must_have = typist.typed_before(killed_at - GRACE_S)
        assert must_have > 0

        repo = Repository.open(db_path)
        try:
            assert repo.integrity_check() == "ok"
            questions = repo.list_questions(session_id)
        finally:
            repo.close()
        assert len(questions) == 1
        saved = questions[0].answer.text if questions[0].answer else ""
        assert ANSWER.startswith(saved), "saved text is not what was typed"
        assert len(saved) >= must_have, (
            f"round {round_number}: {len(saved)} characters saved, "
            f"{must_have} were typed more than {GRACE_S} s before the kill"
        )
