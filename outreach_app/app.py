"""Assembles the store, presenters and main window, and runs Qt and asyncio on one loop.

The app works alone on its own database, or in team mode on this computer's copy of an
office's record, kept in step with the office's team server. The first start asks which; in
team mode, signing out (or stopping the first copy of the record) closes the window and asks
again, and working alone can connect to an office's server from the File menu.
"""

from __future__ import annotations

import asyncio
import enum
import importlib
import logging
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from outreach_app.config import APP_NAME, ORGANIZATION, config_dir, data_dir
from outreach_app.core.model import User
from outreach_app.core.permissions import RUNNING_CALLS
from outreach_app.storage.repository import StoreError
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.interrupted import (
    InterruptedBanner,
    until_first_look,
    watch_interrupted_calls,
)
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
from outreach_app.ui.roles import restrict_pages
from outreach_app.ui.schedule.page import build_page as schedule_page
from outreach_app.ui.settings import AppSettings, TeamSettings
from outreach_app.ui.single_instance import InstanceServer, hand_over
from outreach_app.ui.sites.page import build_page as sites_page
from outreach_app.ui.statistics.page import build_page as statistics_page
from outreach_app.ui.team.saved_sign_in import SavedSignIn
from outreach_app.ui.team.sign_in import SignedIn, SignInDialog

if TYPE_CHECKING:
    from outreach_app.sync.connection import Credentials, TeamAddress
    from outreach_app.ui.team.presenter import TeamPresenter

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
    # None in team mode: the office's server keeps the record and its backups.
    data_safety: DataSafety | None
    reminders: ReminderService
    # None where the person's role does not deal with interrupted sessions.
    interrupted: InterruptedBanner | None = None


def open_main_window(context: UiContext, db_path: Path | None, key: str | None) -> OpenedWindow:
    """The main window, its pages offering what the person's role may do, with its companions:
    the File menu's backup, restore and encryption and
    the backup schedule (for a database of this computer's own, `db_path`), session reminders
    and pre-call check results, and the notice of calls cut short when the app last stopped.
    Not shown yet."""
    window = build_main_window(context)
    restrict_pages(window.pages.values(), context.user.role)
    window.setWindowIcon(app_icon())
    data_safety = DataSafety(context, window, db_path, key) if db_path is not None else None
    reminders = ReminderService(context, window)
    calls = call_windows(context)
    calls.checkReceived.connect(reminders.check_received)
    calls.serverProblem.connect(lambda text: window.statusBar().showMessage(text))
    calls.quitRequested.connect(window.quit)
    interrupted = None
    if context.allows("calls.end_interrupted_session"):
        interrupted = watch_interrupted_calls(context, window)
    return OpenedWindow(window, data_safety, reminders, interrupted)


async def show_main_window(opened: OpenedWindow) -> None:
    """Show the window once its banner knows what it shows, so that the pages stay put."""
    await until_first_look(opened.interrupted, timeout=1.0)
    opened.window.show()


class Next(enum.Enum):
    """What comes after a main window closed."""

    QUIT = "quit"
    # Ask again how to work (signed out, or the first copy of the record was stopped).
    CHOOSE = "choose"
    # Open what the settings say now (this computer was just connected to a team server, or
    # the person working alone chose another role).
    OPEN = "open"


@dataclass
class RoundEnd:
    next: Next
    # Done once the windows are closed: signing out, removing the copy.
    then: Callable[[], Awaitable[None]] | None = None
    # A sign-in made while the window was open, used by the next window.
    signed_in: SignedIn | None = None


@dataclass
class Start:
    """How the next window works: alone as `user`, or in team mode (`team`), with a sign-in
    just made if there is one."""

    user: User | None = None
    team: TeamSettings | None = None
    signed_in: SignedIn | None = None


async def ask(dialog: QDialog) -> bool:
    """Show `dialog` on the running loop (never a nested exec) until it closes; accepted?"""
    closed: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not closed.done():
            closed.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    return await closed == QDialog.DialogCode.Accepted


async def choose_start(
    settings: AppSettings, saved: SavedSignIn, *, solo: bool, ask_again: bool
) -> Start | None:
    """How to work this time: as remembered, else as the person chooses. `solo`: this start
    works alone (a database or the demo on the command line). None: the person cancelled."""
    user = settings.user()
    team = settings.team()
    if not ask_again:
        if not solo and team is not None:
            return Start(team=team)
        if user is not None:
            return Start(user=user)
    server, account, certificate = settings.last_team_server()
    dialog = FirstRunDialog(
        suggested_name=user.name if user is not None else "",
        team_offered=not solo,
        server=server,
        account=account,
        certificate=certificate,
        team_first=ask_again and bool(server),
    )
    if not await ask(dialog):
        return None
    if dialog.signed_in is not None:
        remember_sign_in_lazily(settings, saved, dialog.signed_in)
        return Start(team=settings.team(), signed_in=dialog.signed_in)
    user = dialog.user()
    settings.set_user(user)
    settings.leave_team()
    return Start(user=user)


def _load_team_early(saved: SavedSignIn, team: TeamSettings) -> Future[str | None]:
    def load() -> str | None:
        importlib.import_module("outreach_app.ui.team.desk")
        return saved.load(team.server, team.account)

    pool = ThreadPoolExecutor(1, thread_name_prefix="outreach-team-start")
    loading = pool.submit(load)
    pool.shutdown(wait=False)
    return loading


def remember_sign_in_lazily(settings: AppSettings, saved: SavedSignIn, signed_in: SignedIn) -> None:
    # The desk loads the sync client (aiohttp): imported once team mode is chosen.
    from outreach_app.ui.team.desk import remember_sign_in

    remember_sign_in(settings, saved, signed_in)


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
    """The demo starts with today's session live, its simulated sites joining, for a role
    that runs calls only (in the demo office the official's desk, once its copy of the record
    has arrived): staff and reviewers are never put into the call as its official."""
    if context.user.role not in RUNNING_CALLS:
        return
    if context.team is not None:
        await context.team.caught_up()
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
    solo: bool = False,
    team_sign_in: tuple[TeamAddress, Credentials] | None = None,
) -> int:
    """`solo`: work alone on `db_path` whatever the settings say (the command line gave a
    database, the demo or a user). `team_sign_in`: start in team mode with this sign-in (the
    demo office; with `demo`, the official's desk opens today's call with simulated sites)."""
    settings = AppSettings()
    saved = SavedSignIn(config_dir())
    signed_in: SignedIn | None = None
    if team_sign_in is not None:
        signed_in = SignedIn(*team_sign_in)
        remember_sign_in_lazily(settings, saved, signed_in)
    else:
        solo = solo or demo or user_override is not None
    team = None if solo else settings.team()
    # In team mode the sync client (aiohttp) and the kept sign-in load on a thread while Qt
    # starts, so that the window comes up about as soon as when working alone.
    early_token = _load_team_early(saved, team) if team is not None else None
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
    import qasync  # the loop runs the first start's sign-in and everything after

    # Pages start loading in their constructors: the loop must exist before they do.
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ask_again = False
    with loop:
        while True:
            # A dialog between windows must not end the app when it closes.
            app.setQuitOnLastWindowClosed(False)
            start = loop.run_until_complete(
                choose_start(settings, saved, solo=solo, ask_again=ask_again)
            )
            if start is None:
                return 0
            rounds = Rounds(loop, app, settings, saved, instance, early_token)
            early_token = None
            if start.team is not None:
                end, code = rounds.team(
                    start.team, start.signed_in or signed_in, join_link, demo=demo
                )
            else:
                assert start.user is not None
                end, code = rounds.alone(
                    db_path, start.user, demo=demo, join_link=join_link, offer_team=not solo
                )
            if end.next is Next.QUIT:
                return code
            ask_again = end.next is Next.CHOOSE
            signed_in = end.signed_in
            join_link = None


@dataclass
class Rounds:
    """One main window each: opened, run until it closes, and what comes next."""

    loop: asyncio.AbstractEventLoop
    app: QApplication
    settings: AppSettings
    saved: SavedSignIn
    instance: InstanceServer
    # The kept sign-in's token, being read since the app started (team mode's first window).
    early_token: Future[str | None] | None = None

    def alone(
        self, db_path: Path, user: User, *, demo: bool, join_link: str | None, offer_team: bool
    ) -> tuple[RoundEnd, int]:
        try:
            # An encrypted database's passphrase: from the environment, the keyring or the person.
            key = unlock_database(db_path)
        except UnlockCancelledError:
            return RoundEnd(Next.QUIT), 0
        try:
            store = StoreWorker.open_path(db_path, user, key=key)
        except StoreError as exc:
            QMessageBox.critical(
                None, QCoreApplication.translate("app", "Cannot open the database"), str(exc)
            )
            return RoundEnd(Next.QUIT), 1
        context = UiContext(
            store=store, bus=ChangeBus(), user=user, settings=self.settings, demo=demo
        )
        opened = open_main_window(context, db_path, key)
        ending: asyncio.Future[RoundEnd] = self.loop.create_future()
        if offer_team:
            self._offer_team(opened.window, ending)

        def reopen_for_new_role() -> None:
            if not ending.done():
                ending.set_result(RoundEnd(Next.OPEN))

        opened.window.roleChanged.connect(reopen_for_new_role)
        try:
            end = self._run(context, opened, ending, demo=demo, join_link=join_link)
        finally:
            # Drains queued saves before the database closes.
            store.close()
            # Then the backup due at quit, or the restore or encryption change that closed the app.
            assert opened.data_safety is not None
            opened.data_safety.finish()
            # Another window may follow: this one goes with what it holds.
            opened.window.deleteLater()
        return end, 0

    def _offer_team(self, window: MainWindow, ending: asyncio.Future[RoundEnd]) -> None:
        """File ▸ Connect to an office's server…: signed in, the app reopens in team mode."""
        action = QAction(
            QCoreApplication.translate("app", "Connect to an office's &server…"), window
        )
        action.setToolTip(
            QCoreApplication.translate(
                "app", "Work on your office's shared record from now on (signing in)"
            )
        )

        def connect() -> None:
            server, account, certificate = self.settings.last_team_server()
            dialog = SignInDialog(window, server=server, account=account, certificate=certificate)

            def accepted() -> None:
                signed_in = dialog.signed_in
                if signed_in is not None and not ending.done():
                    remember_sign_in_lazily(self.settings, self.saved, signed_in)
                    ending.set_result(RoundEnd(Next.OPEN, signed_in=signed_in))

            dialog.accepted.connect(accepted)
            dialog.open()

        action.triggered.connect(connect)
        window.file_menu.insertAction(window.settings_action, action)
        window.file_menu.insertSeparator(window.settings_action)

    def team(
        self,
        team: TeamSettings,
        signed_in: SignedIn | None,
        join_link: str | None,
        *,
        demo: bool = False,
    ) -> tuple[RoundEnd, int]:
        # The sync client (aiohttp) loads here: working alone never needs it.
        from outreach_app.ui.team.desk import (
            TeamDesk,
            abandon_first_copy,
            leave_team,
            saved_credentials,
            team_address,
        )
        from outreach_app.ui.team.presenter import TeamPresenter
        from outreach_app.ui.team.sign_in import this_computer

        if signed_in is None:
            early = self.early_token
            token = early.result() if early else self.saved.load(team.server, team.account)
            if token and team.expires_at > time.time():
                signed_in = SignedIn(team_address(team), saved_credentials(team, token))
            else:
                again = self.loop.run_until_complete(self._sign_in_again(team))
                if not isinstance(again, SignedIn):
                    return again, 0
                signed_in = again
        bus = ChangeBus()
        presenter = TeamPresenter(
            bus, data_dir(), signed_in.address, signed_in.credentials, this_computer()
        )
        context = UiContext(
            store=presenter.store,
            bus=bus,
            user=presenter.user,
            settings=self.settings,
            demo=demo,
            team=presenter,
        )
        opened = open_main_window(context, None, None)
        desk = TeamDesk(context, opened.window, presenter, self.saved)
        ending: asyncio.Future[RoundEnd] = self.loop.create_future()

        def end(round_end: RoundEnd) -> None:
            if not ending.done():
                ending.set_result(round_end)

        desk.signOutChosen.connect(
            lambda remove: end(
                RoundEnd(
                    Next.CHOOSE,
                    then=partial(
                        leave_team, presenter, self.settings, self.saved, remove_copy=remove
                    ),
                )
            )
        )
        desk.firstCopyCancelled.connect(
            lambda: end(
                RoundEnd(
                    Next.CHOOSE,
                    then=partial(abandon_first_copy, presenter, self.settings, self.saved),
                )
            )
        )
        round_end = RoundEnd(Next.QUIT)
        try:
            round_end = self._run(
                context, opened, ending, demo=demo, join_link=join_link, starting=presenter.start
            )
        finally:
            if round_end.then is None:
                # Signing out closed the copy already; otherwise it closes here, its queued
                # saves kept in the outbox for the next start.
                self.loop.run_until_complete(_stop_quietly(presenter))
            opened.window.deleteLater()
        return round_end, 0

    async def _sign_in_again(self, team: TeamSettings) -> SignedIn | RoundEnd:
        """The sign-in ran out or was forgotten: signed in anew, or what the person chose
        instead (working alone, or not now)."""
        dialog = SignInDialog(
            server=team.server,
            account=team.account,
            certificate=team.certificate,
            again=True,
            offer_alone=True,
        )
        if not await ask(dialog) or dialog.signed_in is None:
            return RoundEnd(Next.CHOOSE if dialog.alone_chosen else Next.QUIT)
        remember_sign_in_lazily(self.settings, self.saved, dialog.signed_in)
        return dialog.signed_in

    def _run(
        self,
        context: UiContext,
        opened: OpenedWindow,
        ending: asyncio.Future[RoundEnd],
        *,
        demo: bool,
        join_link: str | None,
        starting: Callable[[], None] | None = None,
    ) -> RoundEnd:
        """Show the window and run until the app quits (QUIT) or `ending` says what next."""
        app, loop = self.app, self.loop
        window, reminders, calls = opened.window, opened.reminders, call_windows(context)

        def handle_message(message: dict[str, object]) -> None:
            _handle_message(window, message)

        self.instance.messageReceived.connect(handle_message)
        quitting: list[bool] = []

        def quit_soon() -> None:
            # Qt's loop is stopping: the round ends in the one turn of the loop that is left.
            quitting.append(True)
            if not ending.done():
                ending.set_result(RoundEnd(Next.QUIT))

        app.aboutToQuit.connect(quit_soon)
        app.setQuitOnLastWindowClosed(True)
        tasks: list[asyncio.Task[None]] = []
        _close_on_termination_signals(window, context, tasks)

        async def run() -> RoundEnd:
            await show_main_window(opened)
            reminders.check()
            QTimer.singleShot(0, lambda: _log.info("main window shown"))
            if starting is not None:
                starting()
            if join_link:
                window.open_site_window(join_link)

            async def start_calls() -> None:
                # Sites open their check and join links before the call: the server runs from now.
                await calls.start_server()
                if demo and not join_link:
                    await _open_todays_call(context)

            tasks.append(asyncio.ensure_future(start_calls()))
            end = await ending
            if quitting:
                # Nothing may be awaited after this: Qt's loop is already stopping. The embedded
                # server goes with the process; simulated sites leave when our end of their
                # pipe closes.
                return end
            return await _close_for(end, app, window, context, tasks)

        try:
            return loop.run_until_complete(run())
        finally:
            self.instance.messageReceived.disconnect(handle_message)
            app.aboutToQuit.disconnect(quit_soon)


async def _close_for(
    end: RoundEnd,
    app: QApplication,
    window: MainWindow,
    context: UiContext,
    tasks: list[asyncio.Task[None]],
) -> RoundEnd:
    """Close everything of this window so that another can open: calls ended, the call
    server stopped, the window closed (its edits saved); then what `end` asks."""
    app.setQuitOnLastWindowClosed(False)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    calls = call_windows(context)
    await calls.end_all()
    for site_window in list(window.site_windows):
        site_window.close()
    window.close()
    await calls.close()
    if end.then is not None:
        await end.then()
    return end


async def _stop_quietly(presenter: TeamPresenter) -> None:
    try:
        await asyncio.wait_for(presenter.stop(), 5)
    except (TimeoutError, asyncio.CancelledError):
        _log.warning("the team sync did not stop in time")
    finally:
        # The replica's queued writes are finished whatever stopping the sync met.
        presenter.session.close()
