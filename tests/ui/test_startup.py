"""Start-up pays only for what it shows: the main window, as the app opens it, loads no call stack
(aiortc, PyAV, aiohttp), no document writers and no Qt Multimedia. Not timed (see
tests/bench/startup_bench.py for that): a fresh process opens the window and lists what it loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.core.model import Role

ROOT = Path(__file__).resolve().parents[2]
LOADED_LATER = (
    "aiortc",
    "aioice",
    "av",
    "aiohttp",
    "outreach_app.call.engine",
    "outreach_app.call.live",
    "outreach_app.server",
    "docx",
    "openpyxl",
    "PySide6.QtMultimedia",
)
OPEN_THE_WINDOW = """
import asyncio, json, sys
from pathlib import Path

import qasync
from PySide6.QtCore import QTimer

from outreach_app.app import create_application, open_main_window
from outreach_app.core.model import Role, User
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings

database, role, watched = Path(sys.argv[1]), Role(sys.argv[2]), sys.argv[3].split(",")
app = create_application(["outreach-app"])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
user = User("王芳", role)
store = StoreWorker.open_path(database, user)
context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())
opened = open_main_window(context, database, None)
opened.window.show()
with loop:
    # Long enough for the first page to load what it shows.
    loop.run_until_complete(asyncio.sleep(1.0))
page = opened.window.current_page_key()
built = [key for key, p in opened.window.pages.items() if p.built_widget is not None]
loaded = [n for n in watched if any(m == n or m.startswith(n + ".") for m in sys.modules)]
print(json.dumps({"page": page, "built": built, "loaded": loaded}))
opened.window.close()
store.close()
"""


@pytest.mark.slow
@pytest.mark.parametrize("role", list(Role))
def test_the_main_window_loads_no_call_stack(tmp_path: Path, role: Role) -> None:
    from outreach_app.storage.demo import ensure_demo_database

    database = tmp_path / "demo.db"
    ensure_demo_database(database)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OUTREACH_CONFIG_DIR": str(tmp_path / "config"),
        "OUTREACH_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", OPEN_THE_WINDOW, str(database), role.value, ",".join(LOADED_LATER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    # Only the page the role starts on is built; the others wait until they are shown.
    assert seen["built"] == [seen["page"]]
    assert seen["loaded"] == []
