"""The real app started as a process, as a person starts it, for the command-line tests."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_app(argv: list[str], env: dict[str, str], timeout: float = 30) -> subprocess.Popen[str]:
    """`python -m outreach_app ARGV`, once its main window is shown (ARGV has -v: the log says
    so); fails with what it printed if the window does not show within `timeout` seconds."""
    process = subprocess.Popen(
        [sys.executable, "-m", "outreach_app", *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    seen = ""
    while "main window shown" not in seen and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen += line
    assert "main window shown" in seen, seen
    return process
