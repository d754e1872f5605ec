"""A scripted note-taker for the crash test: opens the real notes view on a database and types an
answer one character at a time, printing how much it has typed after every keystroke.

Run as `python -m tests.ui.notes_typist DB_PATH`; the test kills it with SIGKILL.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from outreach_app.core.model import Role, User
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.notes.page import NotesView
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from tests.ui.conftest import type_text, until

ANSWER = (
    "今年冬天天然气外输压力稳定，关键阀门都加了伴热，每两小时巡检一次。"
    "The control room runs three shifts over the holiday; everyone gets four days off. "
    "春节期间值班人员家在外地的优先休息，应急物资储备充足，演练两次。"
) * 4
KEYSTROKE_INTERVAL_S = 0.02


async def type_answer(view: NotesView) -> None:
    await until(lambda: view.presenter.notes is not None, timeout=10)
    assert view.presenter.ask_new(view._selected_site or 0, "节日期间如何保障安全生产？")
    await until(lambda: view.editor.question_id is not None, timeout=10)
    print(f"question {view.editor.question_id}", flush=True)
    for count, char in enumerate(ANSWER, start=1):
        type_text(view.editor.answer_edit, char)
        print(f"typed {count}", flush=True)
        await asyncio.sleep(KEYSTROKE_INTERVAL_S)
    print("done", flush=True)
    await asyncio.sleep(3600)


def main(db_path: Path) -> None:
    app = QApplication(sys.argv[:1])
    store = StoreWorker.open_path(db_path, User("记录员", Role.OFFICIAL))
    context = UiContext(
        store=store, bus=ChangeBus(), user=User("记录员", Role.OFFICIAL), settings=AppSettings()
    )
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    view = NotesView(context)
    view.show()
    with loop:
        loop.run_until_complete(type_answer(view))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
