"""Render every main screen of the app to PNG files, to look at them.

    xvfb-run -a -s "-screen 0 1400x900x24" python -m tests.ui.screenshots OUT_DIR [--empty] [--dark]
    QT_QPA_PLATFORM=offscreen python -m tests.ui.screenshots OUT_DIR [--empty] [--dark]

The demo database by default; --empty starts from a new, empty one; --dark uses a dark palette.

Under Xvfb the real X11 window is captured (window frame and fonts as a user sees them).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from outreach_app.app import build_main_window, create_application
from outreach_app.core.model import Role, User
from outreach_app.storage.demo import ensure_demo_database
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.first_run import FirstRunDialog
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


async def capture(app: QApplication, out_dir: Path, db_path: Path, *, demo: bool) -> None:
    user = User("王建国", Role.OFFICIAL)
    store = StoreWorker.open_path(db_path, user)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings(), demo=demo)
    window = build_main_window(context)
    window.resize(1360, 840)
    window.show()
    try:
        for key in window.pages:
            window.show_page(key)
            await asyncio.sleep(SETTLE_S)
            grab(window, out_dir / f"{key}.png")
        schedule = window.pages["schedule"].widget
        ids = schedule.upcoming_session_ids()  # type: ignore[attr-defined]
        if ids:
            window.show_page("schedule")
            schedule.open_session(ids[0])  # type: ignore[attr-defined]
            await asyncio.sleep(SETTLE_S)
            schedule.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
            await asyncio.sleep(SETTLE_S)
            grab(window, out_dir / "agenda.png")
        notes = window.pages["notes"].widget
        presenter = getattr(notes, "presenter", None)
        if presenter is not None and presenter.notes is not None and presenter.notes.agenda:
            window.show_page("notes")
            first_site = presenter.notes.session.sites[0].site_id
            planned = [
                a
                for a in presenter.notes.agenda
                if a.kind.value == "question" and a.site_id == first_site
            ]
            presenter.ask_planned(planned[0])
            await asyncio.sleep(SETTLE_S)
            editor = notes.editor  # type: ignore[attr-defined]
            editor.answer_edit.setPlainText("排了三班倒，每人能休四天，家在外地的优先。")
            editor.speaker_combo.setEditText("艾力·买买提")
            await asyncio.sleep(SETTLE_S)
            grab(window, out_dir / "notes_taking.png")
        dialog = FirstRunDialog(window)
        dialog.show()
        await asyncio.sleep(0.3)
        grab(dialog, out_dir / "first_run.png")
        dialog.close()
    finally:
        window.close()
        store.close()


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


def main(out_dir: Path, *, empty: bool, dark: bool = False) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.setdefault("OUTREACH_CONFIG_DIR", scratch)
        db_path = Path(scratch) / "outreach.db"
        if not empty:
            ensure_demo_database(db_path)
        app = create_application(sys.argv[:1])
        if dark:
            app.setStyle("Fusion")
            app.setPalette(dark_palette())
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(capture(app, out_dir, db_path, demo=not empty))


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(
        Path(arguments[0] if arguments else "screenshots"),
        empty="--empty" in sys.argv[1:],
        dark="--dark" in sys.argv[1:],
    )
