"""Assembles the store, presenters and main window, and runs Qt and asyncio on one loop."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from outreach_app.config import APP_NAME, ORGANIZATION
from outreach_app.core.model import User
from outreach_app.storage.repository import StoreError
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.interrupted import watch_interrupted_calls
from outreach_app.ui.call.launcher import call_available, call_windows
from outreach_app.ui.context import UiContext
from outreach_app.ui.data_safety import DataSafety, UnlockCancelledError, unlock_database
from outreach_app.ui.first_run import FirstRunDialog
from outreach_app.ui.follow_ups.page import build_page as follow_ups_page
from outreach_app.ui.follow_ups.page import show_follow_up
from outreach_app.ui.fonts import install_cjk_font
from outreach_app.ui.i18n import install_translations
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.notes.page import build_page as notes_page
from outreach_app.ui.pages import Page
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.reminders import ReminderService, app_icon
from outreach_app.ui.review.page import build_page as review_page
from outreach_app.ui.schedule.page import build_page as schedule_page
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.single_instance import InstanceServer, hand_over
from outreach_app.ui.sites.page import build_page as sites_page
from outreach_app.ui.statistics.page import build_page as statistics_page

_log = logging.getLogger(__name__)


def create_application(argv: list[str], *, language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    install_cjk_font(app)
    install_translations(app, language)
    return app


def build_pages(context: UiContext) -> list[Page[QWidget]]:
    """Every page, in the order of the navigation; each view is built when first shown."""
    review = review_page(context)
    follow_ups = follow_ups_page(context)
    # The minutes link each commitment to the board.
    review.when_built(
        lambda view: view.followUpRequested.connect(
            lambda follow_up_id: show_follow_up(follow_ups, follow_up_id)
        )
    )
    return [
        schedule_page(context),
        sites_page(context),
        notes_page(context),
        review,
        follow_ups,
        statistics_page(context),
    ]


def build_main_window(context: UiContext) -> MainWindow:
    return MainWindow(context, build_pages(context))


@dataclass
class OpenedWindow:
    """The main window and what works alongside it while the app runs."""

    window: MainWindow
    data_safety: DataSafety
    reminders: ReminderService


def open_main_window(context: UiContext, db_path: Path, key: str | None) -> OpenedWindow:
    """The main window with its companions: the File menu's backup, restore and encryption and
    the backup schedule, session reminders and pre-call check results, and the notice of calls
    cut short when the app last stopped. Not shown yet."""
    window = build_main_window(context)
    window.setWindowIcon(app_icon())
    data_safety = DataSafety(context, window, db_path, key)
    reminders = ReminderService(context, window)
    calls = call_windows(context)
    calls.checkReceived.connect(reminders.check_received)
    calls.serverProblem.connect(lambda text: window.statusBar().showMessage(text))
    watch_interrupted_calls(context, window)
    return OpenedWindow(window, data_safety, reminders)


def ask_user(settings: AppSettings, *, demo: bool) -> User | None:
    user = settings.user()
    if user is not None:
        return user
    dialog = FirstRunDialog(suggested_name="")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    user = dialog.user()
    settings.set_user(user)
    return user


def _bring_to_front(window: MainWindow) -> None:
    _log.info("brought to the front by a second launch")
    window.showNormal()
    window.raise_()
    window.activateWindow()


def _close_on_termination_signals(
    window: MainWindow, context: UiContext, starting: list[asyncio.Task[None]]
) -> None:
    """SIGTERM and Ctrl+C end the app like the user would: calls are ended (their notes saved
    and the sites told), site windows leave, then the main window saves and closes."""
    terminating: list[asyncio.Task[None]] = []

    async def terminate() -> None:
        # Whatever is still starting (the call server, the demo's call) stops first, so that
        # nothing is left pending when Qt's loop ends.
        for task in starting:
            task.cancel()
        await asyncio.gather(*starting, return_exceptions=True)
        await call_windows(context).end_all()
        for site_window in list(window.site_windows):
            site_window.close()
        window.close()

    def close(_signum: int, _frame: object) -> None:
        if not terminating:
            QTimer.singleShot(0, lambda: terminating.append(asyncio.ensure_future(terminate())))

    signal.signal(signal.SIGTERM, close)
    signal.signal(signal.SIGINT, close)
    # Python handles signals only when it runs; a light timer lets it run while Qt waits.
    wake = QTimer(window)
    wake.setInterval(250)
    wake.timeout.connect(lambda: None)
    wake.start()


def _handle_message(window: MainWindow, message: dict[str, object]) -> None:
    """A second launch handed its request over: come to the front, or join with its link."""
    _bring_to_front(window)
    link = message.get("link")
    if message.get("action") == "join" and isinstance(link, str):
        window.open_site_window(link)


async def _open_todays_call(context: UiContext) -> None:
    """The demo starts with today's session live, its simulated sites joining."""
    today = context.clock().date()
    sessions = await context.store.run(
        lambda r: r.sessions.upcoming_sessions(limit=10, now=context.clock())
    )
    for session in sessions:
        if session.id is not None and call_available(session, today):
            call_windows(context).open_call(session.id)
            return


def run_gui(
    db_path: Path,
    *,
    demo: bool,
    user_override: User | None = None,
    language: str | None = None,
    join_link: str | None = None,
) -> int:
    settings = AppSettings()
    app = create_application(sys.argv, language=language or settings.language() or None)
    if user_override is not None:
        settings.set_user(user_override)
    request = {"action": "join", "link": join_link} if join_link else {"action": "show"}
    if hand_over(request):
        print(
            QCoreApplication.translate(
                "app", "Outreach is already running; it was brought to the front."
            )
        )
        return 0
    instance = InstanceServer()
    instance.listen()
    user = ask_user(settings, demo=demo)
    if user is None:
        return 0
    try:
        # An encrypted database's passphrase: from the environment, the keyring or the person.
        key = unlock_database(db_path)
    except UnlockCancelledError:
        return 0
    try:
        store = StoreWorker.open_path(db_path, user, key=key)
    except StoreError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "Cannot open the database"), str(exc)
        )
        return 1
    import qasync  # the loop is only needed once the database is open

    # Pages start loading in their constructors: the loop must exist before they do.
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    context = UiContext(store=store, bus=ChangeBus(), user=user, settings=settings, demo=demo)
    opened = open_main_window(context, db_path, key)
    window, reminders, calls = opened.window, opened.reminders, call_windows(context)
    instance.messageReceived.connect(lambda message: _handle_message(window, message))
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    app.setQuitOnLastWindowClosed(True)

    starting: list[asyncio.Task[None]] = []
    _close_on_termination_signals(window, context, starting)

    async def run() -> None:
        window.show()
        reminders.check()
        QTimer.singleShot(0, lambda: _log.info("main window shown"))
        if join_link:
            window.open_site_window(join_link)

        async def start_calls() -> None:
            # Sites open their check and join links before the call: the server runs from now.
            await calls.start_server()
            if demo and not join_link:
                await _open_todays_call(context)

        starting.append(asyncio.ensure_future(start_calls()))
        # Nothing may be awaited after this: Qt's loop is already stopping. The embedded server
        # goes with the process; simulated sites leave when our end of their pipe closes.
        await closed.wait()

    try:
        with loop:
            loop.run_until_complete(run())
    finally:
        # Drains queued saves before the database closes.
        store.close()
        # Then the backup due at quit, or the restore or encryption change that closed the app.
        opened.data_safety.finish()
    return 0
