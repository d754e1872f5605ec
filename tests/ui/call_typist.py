"""A scripted official for the crash test: the app's call window on a live call, typing notes.

    python -m tests.ui.call_typist DB_PATH SESSION_ID PORT SECRET_PATH

It loads (the imports take most of a start-up), prints `ready` and waits for a line on standard
input: the question to ask. Then, as the app would, it opens the database and the session's call
window through the app's `CallWindows` (the embedded signaling server on the fixed PORT, so that
sites rejoin each new instance by themselves), waits until the call is live and a site is on
air, asks the question in the notes panel and types the answer one character at a time. It
prints what it has reached, one line each, flushed:

    ready                                     loaded; waiting for the question
    live <json: site id -> invitation link>   the call started
    connected <site id>                       a site is on air (first one)
    question <id>                             the question is stored
    typed <n>                                 n characters of the answer typed
    stall <s>                                 the GUI thread was held up s seconds while typing
    done                                      everything typed; it then waits to be killed

The test kills it with SIGKILL at random moments.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService
from outreach_app.call.media import VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.core.model import Role, User
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.launcher import open_call_windows
from outreach_app.ui.call.presenter import CallPhase, CallPresenter, synthetic_official_media
from outreach_app.ui.call.window import CallWindow
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from tests.local_calls import local_call_service

ANSWER = (
    "今年冬天天然气外输压力稳定，关键阀门都加了伴热，每两小时巡检一次。"
    "The control room runs three shifts over the holiday; everyone gets four days off. "
    "春节期间值班人员家在外地的优先休息，应急物资储备充足，演练两次。"
) * 4
KEYSTROKE_INTERVAL_S = 0.02

# Small pictures: the crash test runs 50 rounds on two shared cores.
OFFICIAL = VideoQuality(160, 120, 10)
QUALITY = QualityPolicy(floor=VideoQuality(320, 240, 15), waiting=VideoQuality(160, 120, 5))
SITE_WAIT_S = 60.0
# A keystroke this much later than planned is reported as a stall of the GUI thread.
STALL_S = 0.2


def say(line: str) -> None:
    print(line, flush=True)


def fail(message: str) -> NoReturn:
    """End the process at once with `message` on standard error (the test shows it)."""
    print(f"call_typist: {message}", file=sys.stderr, flush=True)
    os._exit(3)


async def until(
    predicate: Callable[[], object], timeout: float, what: str | Callable[[], str]
) -> None:
    # Not tests.ui.conftest's: importing pytest would lengthen every start-up.
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            fail(f"not within {timeout:.0f} s: {what if isinstance(what, str) else what()}")
        await asyncio.sleep(0.01)


def type_text(widget: QWidget, text: str) -> None:
    """As an input method delivers Chinese: one committed string per character."""
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


async def take_notes(calls: CallWindows, session_id: int, question: str) -> None:
    window = calls.open_call(session_id)
    assert isinstance(window, CallWindow)
    presenter = window.presenter
    await until(lambda: presenter.phase is not CallPhase.STARTING, 60, "the call started")
    if presenter.phase is not CallPhase.LIVE:
        fail(f"the call did not start: {window.messages.label.text()}")
    links = {site: presenter.invitation_link(site) for site in presenter.order}
    say(f"live {json.dumps(links)}")

    def on_air() -> list[int]:
        return [site for site in presenter.order if presenter.state(site) is PeerState.CONNECTED]

    await until(on_air, SITE_WAIT_S, "a site on air")
    say(f"connected {on_air()[0]}")

    notes = window.notes
    await until(lambda: notes.presenter.notes is not None, 30, "the notes loaded")
    site = notes.selected_site_id or presenter.order[0]
    added: list[int] = []
    notes.presenter.questionAdded.connect(lambda q: added.append(q.id))
    assert notes.presenter.ask_new(site, question)
    # The editor may show an earlier round's question first: type only into the new one.
    await until(
        lambda: added and notes.editor.question_id == added[0],
        30,
        lambda: f"the new question in the editor (added {added}, shown {notes.editor.question_id})",
    )
    say(f"question {added[0]}")
    last = time.monotonic()
    for count, char in enumerate(ANSWER, start=1):
        type_text(notes.editor.answer_edit, char)
        say(f"typed {count}")
        await asyncio.sleep(KEYSTROKE_INTERVAL_S)
        # The GUI thread held up (by the call or a starved CPU): saving waits as typing does.
        now = time.monotonic()
        if now - last > KEYSTROKE_INTERVAL_S + STALL_S:
            say(f"stall {now - last - KEYSTROKE_INTERVAL_S:.3f}")
        last = now
    say("done")
    await asyncio.sleep(3600)


def main(db_path: Path, session_id: int, port: int, secret_path: Path) -> None:
    app = QApplication(sys.argv[:1])
    say("ready")
    question = sys.stdin.readline().strip()
    if not question:
        return  # not needed after all: the test is over
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    user = User("记录员", Role.OFFICIAL)
    store = StoreWorker.open_path(db_path, user)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())
    service = local_call_service(
        f"http://127.0.0.1:{port}", secret_path, host_addresses=("127.0.0.1",)
    )

    def window(context: UiContext, session_id: int, service: CallService) -> QWidget:
        presenter = CallPresenter(
            context.store,
            context.bus,
            session_id,
            service,
            media=synthetic_official_media(quality=OFFICIAL),
            quality=QUALITY,
        )
        return CallWindow(context, session_id, service, presenter=presenter)

    calls = open_call_windows(context, service_factory=lambda: service, window_factory=window)
    with loop:
        loop.run_until_complete(take_notes(calls, session_id, question))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
