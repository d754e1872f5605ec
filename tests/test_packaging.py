"""The Linux bundle builds, carries what it needs, and starts to a usable main window."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing; run bash .ci/setup")
    return found


def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(PACKAGING / "outreach.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_appstream_metadata_is_valid() -> None:
    result = subprocess.run(
        [
            _tool("appstreamcli"),
            "validate",
            "--no-net",
            str(PACKAGING / "io.github.outreach.Outreach.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_bundle_builds_and_starts_to_a_main_window(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(PACKAGING / "outreach.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=500,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "outreach"
    resources = bundle / "_internal" / "resources"
    assert (resources / "translations" / "outreach_zh_CN.qm").is_file()
    assert list((resources / "fonts").glob("*.tt[cf]")), "no CJK font in the bundle"
    static = bundle / "_internal" / "outreach_app" / "server" / "static"
    assert (static / "join.html").is_file(), "no browser join page in the bundle"

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OUTREACH_CONFIG_DIR": str(tmp_path / "config"),
        "OUTREACH_DATA_DIR": str(tmp_path / "data"),
    }
    process = subprocess.Popen(
        [
            str(bundle / "outreach-app"),
            "--demo",
            "--user",
            "王芳",
            "--role",
            "staff",
            "--language",
            "zh_CN",
            "-v",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    try:
        seen, deadline = "", time.monotonic() + 60
        while "main window shown" not in seen and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            seen += line
        process.send_signal(signal.SIGTERM)
        # Keep reading: the demo's call logs a lot with -v, and a full pipe would block the app.
        rest, _ = process.communicate(timeout=30)
    finally:
        # A failed run must not leave the app (and its simulated sites) behind.
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, (seen + rest)[-3000:]
    assert "main window shown" in seen, seen[-2000:]
    assert (tmp_path / "data" / "demo.db").is_file()
