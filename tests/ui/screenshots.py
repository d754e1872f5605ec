"""Render every main screen of the app on the demo database to PNG files, to look at them.

    xvfb-run -a -s "-screen 0 1400x900x24" python -m tests.ui.screenshots OUT_DIR
    QT_QPA_PLATFORM=offscreen python -m tests.ui.screenshots OUT_DIR

Under Xvfb the real X11 window is captured (window frame and fonts as a user sees them).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication, QWidget

from outreach_app.app import build_main_window, create_application
from outreach_app.core.model import Role, User
from outreach_app.storage.demo import ensure_demo_database
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings

SETTLE_S = 1.2


def grab(widget: QWidget, path: Path) -> None:
    screen = widget.screen()
    if QApplication.platformName() == "xcb" and screen is not None:
        image = screen.grabWindow(widget.winId())
    else:
        image = widget.grab()
    image.save(str(path))
    print(path, flush=True)


async def capture(app: QApplication, out_dir: Path, db_path: Path) -> None:
    user = User("王建国", Role.OFFICIAL)
    store = StoreWorker.open_path(db_path, user)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings(), demo=True)
    window = build_main_window(context)
    window.resize(1360, 840)
    window.show()
    try:
        for key in window.pages:
            window.show_page(key)
            await asyncio.sleep(SETTLE_S)
            grab(window, out_dir / f"{key}.png")
    finally:
        window.close()
        store.close()


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.setdefault("OUTREACH_CONFIG_DIR", scratch)
        db_path = Path(scratch) / "demo.db"
        ensure_demo_database(db_path)
        app = create_application(sys.argv[:1])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(capture(app, out_dir, db_path))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
