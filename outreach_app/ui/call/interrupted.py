"""Calls cut short last time: a banner across the top of the main window offers to resume them.

When the app stopped mid-call (killed, crashed, the power went) the session stays live in the
database with every note typed so far. At start-up no call of this app is running, so each such
session was interrupted (see core/interruptions.py). The banner says so and offers to resume
the call (the call window opens, the call starts again and the sites rejoin by their links by
themselves) or to end the session. It never blocks the window: the notes are there either way.
"""

from __future__ import annotations

import asyncio
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.interruptions import InterruptedSession, still_interrupted
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.launcher import call_windows
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.context import UiContext
from outreach_app.ui.formatting import format_datetime, format_time
from outreach_app.ui.presenter import Presenter
from outreach_app.ui.widgets.messages import MessageBar


class InterruptedCallsPresenter(Presenter):
    """The sessions left live that no call of this app carries, and what can be done to them."""

    changed = Signal(list)  # list[InterruptedSession], latest interruption first

    def __init__(
        self, context: UiContext, calls: CallWindows, parent: QObject | None = None
    ) -> None:
        super().__init__(context.store, context.bus, parent)
        self._calls = calls
        self._found: list[InterruptedSession] = []
        self._dismissed: set[int] = set()
        self._running: set[int] = set()
        self.sessions: list[InterruptedSession] = []
        context.bus.changed.connect(self._on_bus_changed)
        calls.callsChanged.connect(self._calls_changed)

    def refresh(self) -> asyncio.Task[list[InterruptedSession]]:
        return self.spawn(
            self.query(lambda r: r.calls.interrupted_sessions()), on_done=self._loaded
        )

    def _loaded(self, found: list[InterruptedSession]) -> None:
        self._found = found
        self._publish()

    def _publish(self) -> None:
        hidden = self._calls.running_session_ids() | self._dismissed
        self.sessions = still_interrupted(self._found, hidden)
        self.changed.emit(self.sessions)

    def _calls_changed(self) -> None:
        running = self._calls.running_session_ids()
        # A call that went away may have ended its session: not shown before the store says.
        gone = self._running - running
        self._found = [s for s in self._found if s.session_id not in gone]
        self._running = running
        self._publish()
        if gone:
            self.refresh()

    def _on_bus_changed(self, topic: Topic) -> None:
        if topic is Topic.SESSIONS:
            self.refresh()

    def resume(self, session_id: int) -> QWidget:
        """Open the session's call window: the call starts again, the sites rejoin."""
        return self._calls.open_call(session_id)

    def end(self, session_id: int) -> None:
        """End the session without its call; the notes stay as they are."""

        def end_it(repo: Repository) -> None:
            repo.calls.end_interrupted_session(session_id)

        def ended(_: None) -> None:
            self._calls.end_on_server(session_id)
            self.announce(Topic.SESSIONS)

        self.spawn(self.query(end_it), on_done=ended)

    def dismiss(self, session_id: int) -> None:
        """Hide the notice until the app starts again; the session stays as it is."""
        self._dismissed.add(session_id)
        self._publish()


class InterruptedNotice(QFrame):
    """One interrupted session: what happened, and Resume / End / ×."""

    def __init__(
        self, session: InterruptedSession, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("interruptedNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#interruptedNotice { background: #fff4d6; border: 1px solid #d9a520;"
            " border-radius: 4px; } #interruptedNotice QLabel { color: #5c4100; }"
        )
        moment = session.interrupted_at
        when = format_time(moment) if moment.date() == today else format_datetime(moment)
        self.label = QLabel(
            self.tr("«%1» was interrupted at about %2 — the notes taken are kept.")
            .replace("%1", session.title)
            .replace("%2", when)
        )
        self.label.setObjectName("interruptedText")
        self.label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume the call"))
        self.resume_button.setObjectName("resumeCallButton")
        self.resume_button.setToolTip(
            self.tr("Open the call window again; the sites rejoin by their invitation links")
        )
        self.end_button = QPushButton(self.tr("End the session"))
        self.end_button.setObjectName("endInterruptedButton")
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Dismiss this notice"))
        self.close_button.setToolTip(self.tr("Hide this notice; the session stays live"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.end_button)
        layout.addWidget(self.close_button)


class InterruptedBanner(QWidget):
    """The notices of every interrupted session, stacked; hidden when there are none."""

    resumed = Signal(int, object)  # session id, the call window

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interruptedBanner")
        self.context = context
        self.presenter = InterruptedCallsPresenter(context, call_windows(context), self)
        self.notices: list[InterruptedNotice] = []
        self.first_look: asyncio.Task[list[InterruptedSession]] | None = None
        # A failure (the database could not end the session) is said here too, not in a dialog.
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.messages)
        self.presenter.changed.connect(self._show)
        self.presenter.error.connect(self.show)
        self.hide()

    def notice_for(self, session_id: int) -> InterruptedNotice | None:
        return next((n for n in self.notices if n.session.session_id == session_id), None)

    def _show(self, sessions: list[InterruptedSession]) -> None:
        for notice in self.notices:
            self._layout.removeWidget(notice)
            notice.deleteLater()
        self.notices = []
        today = self.context.clock().date()
        for session in sessions:
            notice = InterruptedNotice(session, today, self)
            sid = session.session_id
            notice.resume_button.clicked.connect(lambda _=False, s=sid: self.resume(s))
            notice.end_button.clicked.connect(lambda _=False, n=notice: self.end(n.session))
            notice.close_button.clicked.connect(lambda _=False, s=sid: self.presenter.dismiss(s))
            self._layout.addWidget(notice)
            self.notices.append(notice)
        self.setVisible(bool(sessions) or self.messages.isVisibleTo(self))

    def resume(self, session_id: int) -> None:
        window = self.presenter.resume(session_id)
        self.resumed.emit(session_id, window)

    def end(self, session: InterruptedSession) -> None:
        if self.confirm_end(session):
            self.presenter.end(session.session_id)

    def confirm_end(self, session: InterruptedSession) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("End the session"),
            self.tr(
                "End «%1» without resuming its call? Sites still waiting are told it has ended;"
                " the notes taken are kept and can still be edited."
            ).replace("%1", session.title),
        )
        return answer == QMessageBox.StandardButton.Yes


def watch_interrupted_calls(context: UiContext, window: QWidget) -> InterruptedBanner:
    """Put the banner at the top of the main window and look for interrupted sessions now."""
    banner = InterruptedBanner(context)
    add_banner = getattr(window, "add_banner", None)
    if callable(add_banner):
        add_banner(banner)
    banner.first_look = banner.presenter.refresh()
    return banner


async def until_first_look(banner: InterruptedBanner | None, timeout: float) -> None:
    """Wait (at most `timeout` seconds) until the banner knows whether it shows anything.

    A window shown before then would push its pages down under the user's pointer when the
    banner appears a moment later."""
    if banner is not None and banner.first_look is not None:
        await asyncio.wait([banner.first_look], timeout=timeout)
