"""Render every main screen of the app to PNG files, to look at them.

    xvfb-run -a -s "-screen 0 2000x1200x24" python -m tests.ui.screenshots OUT_DIR \
        [--empty] [--dark] [--language zh_CN] [--size 1920x1080]
    QT_QPA_PLATFORM=offscreen python -m tests.ui.screenshots OUT_DIR [...]

The demo database by default; --empty starts from a new, empty one; --dark uses a dark palette;
--size is the windows' size (1360x840 by default). With the demo, the first session's invitation
QR code is shown, and today's session is run as a call: three synthetic sites join from a child
process over loopback and a fourth from a site window of this app, which raises its hand and
gets a notice (call_waiting.png, call.png with the floor and a note, call_hands.png,
site_window.png, notice_dialog.png, call_overrun.png, call_summary.png).

Under Xvfb the real X11 window is captured (window frame and fonts as a user sees them).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from outreach_app.app import build_main_window, create_application
from outreach_app.core.model import Role, User
from outreach_app.storage.demo import ensure_demo_database
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.first_run import FirstRunDialog
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.schedule.view import ScheduleView
from outreach_app.ui.settings import AppSettings
from tests.ui.local_call_windows import local_call_windows

SETTLE_S = 1.2
DEFAULT_SIZE = QSize(1360, 840)


def grab(widget: QWidget, path: Path, *, framed: bool = True) -> None:
    """`framed`: the window as the screen shows it, frame and all; else only its contents
    (for a window another one may cover)."""
    screen = widget.screen()
    if framed and QApplication.platformName() == "xcb" and screen is not None:
        image = screen.grabWindow(widget.winId())
    else:
        image = widget.grab()
    image.save(str(path))
    print(path, flush=True)


async def capture(
    app: QApplication, out_dir: Path, db_path: Path, *, demo: bool, size: QSize
) -> None:
    user = User("王建国", Role.OFFICIAL)
    store = StoreWorker.open_path(db_path, user)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings(), demo=demo)
    window = build_main_window(context)
    window.resize(size)
    window.show()
    try:
        for key in window.pages:
            window.show_page(key)
            await asyncio.sleep(SETTLE_S)
            grab(window, out_dir / f"{key}.png")
        schedule = window.pages["schedule"].widget
        assert isinstance(schedule, ScheduleView)
        ids = schedule.upcoming_session_ids()
        if ids:
            window.show_page("schedule")
            schedule.open_session(ids[0])
            await asyncio.sleep(SETTLE_S)
            schedule.tabs.setCurrentIndex(1)
            await asyncio.sleep(SETTLE_S)
            grab(window, out_dir / "agenda.png")
            await capture_invitation_qr(context, schedule, ids[0], out_dir)
        notes = window.pages["notes"].widget
        assert isinstance(notes, NotesView)
        presenter = notes.presenter
        if presenter.notes is not None and presenter.notes.agenda:
            window.show_page("notes")
            first_site = presenter.notes.session.sites[0].site_id
            planned = [
                a
                for a in presenter.notes.agenda
                if a.kind.value == "question" and a.site_id == first_site
            ]
            presenter.ask_planned(planned[0])
            await asyncio.sleep(SETTLE_S)
            editor = notes.editor
            editor.answer_edit.setPlainText("排了三班倒，每人能休四天，家在外地的优先。")
            editor.speaker_combo.setEditText("艾力·买买提")
            await asyncio.sleep(SETTLE_S)
            grab(window, out_dir / "notes_taking.png")
        dialog = FirstRunDialog(window)
        dialog.show()
        await asyncio.sleep(0.3)
        grab(dialog, out_dir / "first_run.png")
        dialog.close()
        if demo:
            await capture_call(context, out_dir, size)
    finally:
        window.close()
        store.close()


async def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"not within {seconds} s: {what}")
        await asyncio.sleep(0.1)


async def capture_invitation_qr(
    context: UiContext, schedule: ScheduleView, session_id: int, out_dir: Path
) -> None:
    """The QR code of the first site's invitation, as staff show it from the speaking order."""
    session = await context.store.run(lambda r: r.sessions.get_session(session_id))
    if not session.sites:
        return
    with tempfile.TemporaryDirectory() as keys:
        calls = local_call_windows(context, Path(keys) / "secret")
        try:
            menu = schedule.invitation_bar.site_menu(session.sites[0].site_id, schedule)
            if menu is None:
                return
            menu.actions()[-1].trigger()
            bar = schedule.invitation_bar
            await _wait_for(lambda: bar.qr_dialog is not None, 30, "the QR code")
            await asyncio.sleep(SETTLE_S)
            if bar.qr_dialog is not None:
                grab(bar.qr_dialog, out_dir / "invitation_qr.png")
                bar.qr_dialog.close()
        finally:
            await calls.close()


async def capture_call(context: UiContext, out_dir: Path, size: QSize) -> None:
    """Today's demo session as a call with three synthetic sites (a child process) and one
    site in a site window of this app."""
    from outreach_app.call.link_state import PeerState
    from outreach_app.call.simulated import SimulatedSites
    from outreach_app.ui.call.presenter import CallPhase
    from outreach_app.ui.call.window import CallWindow
    from outreach_app.ui.site_call.window import SiteWindow
    from tests.local_calls import local_call_service

    now = context.clock()
    sessions = await context.store.run(lambda r: r.sessions.upcoming_sessions(now=now))
    today = [s for s in sessions if s.start.date() == now.date() and s.id is not None]
    if not today or today[0].id is None:
        return
    session_id = today[0].id
    with tempfile.TemporaryDirectory() as keys:
        service = local_call_service(
            "http://127.0.0.1:0", Path(keys) / "secret", host_addresses=("127.0.0.1",)
        )
        window = CallWindow(context, session_id, service)
        window.resize(size)
        window.show()
        presenter = window.presenter
        sites: SimulatedSites | None = None
        site_window: SiteWindow | None = None
        try:
            await _wait_for(lambda: presenter.phase is CallPhase.LIVE, 20, "the call started")
            joining = presenter.order[:3]
            links = [presenter.invitation_link(site_id) or "" for site_id in joining]
            sites = SimulatedSites(links, host_addresses=["127.0.0.1"])
            await sites.start()
            await _wait_for(
                lambda: all(presenter.state(s) is PeerState.CONNECTED for s in joining),
                60,
                "three sites connected",
            )
            await asyncio.sleep(3 * SETTLE_S)
            grab(window, out_dir / "call_waiting.png")
            presenter.next_site()
            await asyncio.sleep(2 * SETTLE_S)
            notes = window.notes.presenter
            asked = set() if notes.notes is None else notes.notes.asked_agenda_ids()
            planned = [
                item
                for item in (
                    [] if notes.notes is None else notes.notes.planned_questions(joining[0])
                )
                if item.id not in asked
            ]
            if planned:
                notes.ask_planned(planned[0])
                await asyncio.sleep(SETTLE_S)
                editor = window.notes.editor
                editor.answer_edit.setPlainText("排了三班倒，每人能休四天，家在外地的优先。")
                editor.speaker_combo.setEditText("艾力·买买提")
            await asyncio.sleep(2 * SETTLE_S)
            grab(window, out_dir / "call.png")
            if len(presenter.order) > 3:
                fourth = presenter.order[3]
                site_window = SiteWindow(presenter.invitation_link(fourth) or "", context.settings)
                site_window.resize(min(size.width(), 1100), min(size.height(), 760))
                site_window.show()
                await site_window.join()
                await _wait_for(
                    lambda: presenter.state(fourth) is PeerState.CONNECTED, 30, "the site window"
                )
                await _wait_for(site_window.hand_button.isEnabled, 10, "the hand button")
                site_window.hand_button.click()
                await _wait_for(lambda: fourth in presenter.hands.order(), 10, "the raised hand")
                presenter.send_notice(fourth, "请准备好今冬供暖的数据")
                await asyncio.sleep(3 * SETTLE_S)
                grab(window, out_dir / "call_hands.png", framed=False)
                grab(site_window, out_dir / "site_window.png", framed=False)
            window.notice_action.trigger()
            await asyncio.sleep(SETTLE_S)
            if window.notice_dialog is not None:
                grab(window.notice_dialog, out_dir / "notice_dialog.png")
                window.notice_dialog.close()
            second = joining[1]
            presenter.next_site()
            await _wait_for(lambda: presenter.floor_site_id == second, 5, "the floor moved on")
            # As if the second site had talked past its time box.
            presenter.segments._spoken[second] = presenter.segments.time_box(second) + 75
            await asyncio.sleep(2 * SETTLE_S)
            grab(window, out_dir / "call_overrun.png", framed=site_window is None)
            await presenter.end()
            await asyncio.sleep(2 * SETTLE_S)
            grab(window, out_dir / "call_summary.png", framed=site_window is None)
        finally:
            await presenter.end()
            if site_window is not None:
                site_window.close()
            if sites is not None:
                await sites.stop()
            window.close()
            await asyncio.sleep(0.5)
            await service.close()


def dark_palette() -> QPalette:
    """What a desktop in dark mode hands the app, to check every screen reads in it too."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Mid: "#555555",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e6e6e"))
    return palette


def main(
    out_dir: Path,
    *,
    empty: bool,
    dark: bool = False,
    language: str | None = None,
    size: QSize = DEFAULT_SIZE,
) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.setdefault("OUTREACH_CONFIG_DIR", scratch)
        db_path = Path(scratch) / "outreach.db"
        if not empty:
            ensure_demo_database(db_path)
        app = create_application(sys.argv[:1], language=language)
        if dark:
            app.setStyle("Fusion")
            app.setPalette(dark_palette())
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(capture(app, out_dir, db_path, demo=not empty, size=size))


def window_size(text: str) -> QSize:
    width, _, height = text.partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"not WIDTHxHEIGHT: {text!r}")
    return QSize(int(width), int(height))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("screenshots"))
    parser.add_argument("--empty", action="store_true", help="a new, empty database")
    parser.add_argument("--dark", action="store_true", help="a dark palette")
    parser.add_argument("--language", choices=["en", "zh_CN"], default="en")
    parser.add_argument("--size", type=window_size, default=DEFAULT_SIZE, help="WIDTHxHEIGHT")
    options = parser.parse_args()
    main(
        options.out,
        empty=options.empty,
        dark=options.dark,
        language=options.language,
        size=options.size,
    )
