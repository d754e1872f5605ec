"""Start to a usable main window, against a bare PySide6 window started in the same run.

Each start is a fresh process (`python -m outreach_app` on a demo database, the way a person
starts it); the window counts as usable when it is shown and Qt's loop turns, which the app logs
as "main window shown". The reference is the least a PySide6 program can do: a QApplication and
an empty QMainWindow, shown, timed the same way. The two alternate, so that whatever else the
machine does weighs on both.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOWN = "main window shown"
BARE_WINDOW = f"""
import logging
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
logging.basicConfig(level=logging.INFO)
QTimer.singleShot(0, lambda: (logging.info({SHOWN!r}), app.quit()))
app.exec()
"""


@dataclass
class StartupResult:
    app_ms: list[float]
    bare_ms: list[float]

    @property
    def app_median_ms(self) -> float:
        return statistics.median(self.app_ms)

    @property
    def bare_median_ms(self) -> float:
        return statistics.median(self.bare_ms)

    @property
    def ratio(self) -> float:
        return self.app_median_ms / max(self.bare_median_ms, 1e-3)


def _time_to_shown(command: list[str], env: dict[str, str], timeout_s: float = 60.0) -> float:
    """Milliseconds from starting `command` to its "main window shown" line; then stops it."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    try:
        deadline = began + timeout_s
        for line in process.stderr:
            if SHOWN in line:
                return (time.perf_counter() - began) * 1000
            if time.perf_counter() > deadline:
                break
        raise RuntimeError(f"{command[-1]!r} never showed its window")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def measure_startup(runs: int = 5) -> StartupResult:
    """`runs` starts of the app on a demo database and of the bare window, alternating, after
    one of each that is not counted (it fills the bytecode and font caches)."""
    from outreach_app.storage.demo import ensure_demo_database

    with tempfile.TemporaryDirectory(prefix="outreach-startup-") as folder:
        base = Path(folder)
        database = base / "demo.db"
        ensure_demo_database(database)
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            # A folder of its own: a running Outreach would otherwise take the launch over.
            "OUTREACH_CONFIG_DIR": str(base / "config"),
            "OUTREACH_DATA_DIR": str(base / "data"),
            # Started the way people start it: with the bytecode cached (by the first run,
            # which is not counted), kept out of the source tree.
            "PYTHONPYCACHEPREFIX": str(base / "pycache"),
        }
        app = [
            sys.executable,
            "-m",
            "outreach_app",
            "--db",
            str(database),
            "--user",
            "基准测试",
            "--role",
            "staff",
            "--verbose",
        ]
        bare = [sys.executable, "-c", BARE_WINDOW]
        result = StartupResult(app_ms=[], bare_ms=[])
        for run in range(runs + 1):
            bare_ms = _time_to_shown(bare, env)
            app_ms = _time_to_shown(app, env)
            if run > 0:
                result.bare_ms.append(bare_ms)
                result.app_ms.append(app_ms)
        return result


if __name__ == "__main__":
    measured = measure_startup(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    print(
        f"app p50 {measured.app_median_ms:.0f} ms, bare window p50 {measured.bare_median_ms:.0f}"
        f" ms, ×{measured.ratio:.1f}; app {[round(v) for v in measured.app_ms]},"
        f" bare {[round(v) for v in measured.bare_ms]}"
    )
