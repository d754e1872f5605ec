"""Reminders before sessions the user takes part in: a tray notification, or a small window
where the desktop has no tray. Clicking it opens the session's notes."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

from outreach_app.config import resources_dir
from outreach_app.core.model import Session, SiteCheck
from outreach_app.core.reminders import due_reminders
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.formatting import format_time
from outreach_app.ui.labels import failing_parts
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.presenter import Presenter

CHECK_INTERVAL_MS = 30_000


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "outreach.svg"))


class ReminderService(Presenter):
    reminded = Signal(int)  # session id
    checkFailed = Signal(int)  # site id whose pre-call check failed

    def __init__(self, context: UiContext, window: MainWindow, parent: QObject | None = None):
        super().__init__(context.store, context.bus, parent or window)
        self.context = context
        self.window = window
        self._reminded: set[int] = set()
        self._last_clicked: int | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(self.tr("Outreach"))
            self.tray.messageClicked.connect(self._open_last)
            self.tray.activated.connect(lambda _reason: self._show_window())
            self.tray.show()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        # A method, not a lambda: Qt drops a method's connection when this object is deleted
        # with its window, while a lambda would go on calling into the deleted presenter.
        context.bus.changed.connect(self._changed)

    def _changed(self, topic: Topic) -> None:
        if topic is Topic.SESSIONS:
            self.check()

    def check(self) -> None:
        now = self.context.clock()
        lead = timedelta(minutes=self.context.settings.reminder_minutes())
        user = self.context.user

        def remind(sessions: list[Session]) -> None:
            for session in due_reminders(sessions, user, now, lead, self._reminded):
                assert session.id is not None
                self._reminded.add(session.id)
                self._notify(session)

        self.spawn(self.query(lambda r: r.sessions.upcoming_sessions(limit=20)), on_done=remind)

    def _notify(self, session: Session) -> None:
        assert session.id is not None
        title = self.tr("Session at %1").replace("%1", format_time(session.start))
        text = self.tr("“%1” starts at %2 with %n site(s).", "", len(session.sites))
        text = text.replace("%1", session.title).replace("%2", format_time(session.start))
        self._last_clicked = session.id
        if self.tray is not None:
            self.tray.showMessage(title, text, app_icon(), 20_000)
        else:
            self._show_fallback(session.id, title, text)
        self.reminded.emit(session.id)

    def check_received(self, check: SiteCheck) -> None:
        """A site's pre-call check failed: tell the staff now, not on the day."""
        if check.passed:
            return

        def tell(found: tuple[Session, str]) -> None:
            session, site_name = found
            problems = failing_parts(check)
            title = self.tr("Pre-call check failed: %1").replace("%1", site_name)
            text = (
                self.tr("%1 for “%2”: %3 not working.")
                .replace("%1", site_name)
                .replace("%2", session.title)
                .replace("%3", self.tr(", ").join(problems))
            )
            assert session.id is not None
            self._last_clicked = session.id
            if self.tray is not None:
                self.tray.showMessage(title, text, app_icon(), 20_000)
            else:
                self._show_fallback(session.id, title, text)
            self.checkFailed.emit(check.site_id)

        def load(repo: Repository) -> tuple[Session, str]:
            session = repo.sessions.get_session(check.session_id)
            name = next(
                (slot.site_name for slot in session.sites if slot.site_id == check.site_id),
                str(check.site_id),
            )
            return session, name

        self.spawn(self.query(load), on_done=tell)

    def _show_fallback(self, session_id: int, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.window)
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Dismiss"), QMessageBox.ButtonRole.RejectRole)
        box.setModal(False)
        box.buttonClicked.connect(
            lambda button: self.open_session(session_id) if button is open_button else None
        )
        box.show()

    def _open_last(self) -> None:
        if self._last_clicked is not None:
            self.open_session(self._last_clicked)

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def open_session(self, session_id: int) -> None:
        self._show_window()
        self.window.show_page("notes")
        notes = self.window.pages["notes"].widget
        select = getattr(notes, "select_session", None)
        if callable(select):
            select(session_id)
