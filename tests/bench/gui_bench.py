"""The longest GUI-thread stall while a reviewer works on a large database.

A 5 ms timer records how late it fires while the real main window switches pages, searches and
opens minutes; every store query runs on the store's thread, so the GUI should never wait.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QTimer

from outreach_app.app import build_main_window, create_application
from outreach_app.core.model import Role, User
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings

TICK_MS = 5
SEARCHES = ("水", "供暖", "安全生", "pressure", "天然气外输压力稳")


class StallMeter:
    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - TICK_MS)
        self._last = now


async def _idle(window: object) -> None:
    pages = getattr(window, "pages", {})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        busy = [
            p
            for p in pages.values()
            if getattr(getattr(p.widget, "presenter", None), "is_busy", False)
        ]
        if not busy:
            return
        await asyncio.sleep(0.01)


async def _work(db_path: Path, meter: StallMeter) -> None:
    user = User("基准测试", Role.REVIEWER)
    store = StoreWorker.open_path(db_path, user)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())
    window = build_main_window(context)
    window.resize(1360, 840)
    window.show()
    await _idle(window)
    meter.start()
    try:
        for key in ("schedule", "sites", "notes", "review"):
            window.show_page(key)
            await _idle(window)
            await asyncio.sleep(0.2)
        review = window.pages["review"].widget
        search = getattr(review, "search_edit", None)
        for query in SEARCHES:
            if search is not None:
                search.setText(query)
            await asyncio.sleep(0.5)
            await _idle(window)
    finally:
        window.close()
        store.close()


def longest_stall_ms(db_path: Path) -> float:
    app = create_application(sys.argv[:1])
    meter = StallMeter()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(_work(db_path, meter))
    return meter.longest_ms


if __name__ == "__main__":
    print(f"{longest_stall_ms(Path(sys.argv[1])):.1f}")
