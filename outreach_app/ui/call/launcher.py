"""Starting calls from the pages: whether a session's call can start, and the app's call windows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from outreach_app.core.model import Session, SessionStatus
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.context import UiContext

if TYPE_CHECKING:
    from outreach_app.call.live import CallService

# Makes the window of a session's call in this context (tests give windows of their own).
ContextWindowFactory = Callable[[UiContext, int, "CallService"], QWidget]


def call_available(session: Session, today: date) -> bool:
    """A call is started on the day of a scheduled session, and joined again while it is live."""
    if session.id is None:
        return False
    if session.status is SessionStatus.LIVE:
        return True
    return session.status is SessionStatus.SCHEDULED and session.start.date() == today


def call_windows(context: UiContext) -> CallWindows:
    """The app's call windows, created with the first."""
    if context.calls is None:
        open_call_windows(context)
    assert context.calls is not None
    return context.calls


def open_call_windows(
    context: UiContext,
    *,
    service_factory: Callable[[], CallService] | None = None,
    window_factory: ContextWindowFactory | None = None,
) -> CallWindows:
    """New call windows for `context` (the app has one; tests give their own service and
    windows)."""
    factory = window_factory or _call_window
    context.calls = CallWindows(
        context.store,
        context.bus,
        context.settings,
        lambda session_id, service: factory(context, session_id, service),
        demo=context.demo,
        service_factory=service_factory,
        team=context.team.session if context.team is not None else None,
    )
    return context.calls


def _call_window(context: UiContext, session_id: int, service: CallService) -> QWidget:
    # Imported with the first call, for a fast start: the call window loads aiortc.
    from outreach_app.ui.call.window import CallWindow

    return CallWindow(context, session_id, service)
