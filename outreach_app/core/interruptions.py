"""Calls cut short by a crash or power loss. Pure: the store finds them, the UI offers to resume.

A session is live from the moment its call starts until the call is ended. While the app runs,
its call windows know which live sessions they carry; a live session that no call of this app
carries was left live by an app that stopped without ending it (killed, crashed, the power
went). Such a session is *interrupted*: its notes are kept and its call can be started again,
the sites joining by their invitation links as before.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from outreach_app.core.model import SessionStatus


@dataclass(frozen=True)
class InterruptedSession:
    """A session left live, and what the record says about when it stopped."""

    session_id: int
    title: str
    start: datetime
    started_at: datetime | None
    # When a note of the session was last written (question or answer); None without notes.
    last_note_at: datetime | None

    @property
    def interrupted_at(self) -> datetime:
        """About when the call stopped: its last recorded sign of life."""
        moments = [m for m in (self.started_at, self.last_note_at) if m is not None]
        return max(moments) if moments else self.start


def is_interrupted(status: SessionStatus, call_running: bool) -> bool:
    """Whether a session with `status` was cut short: live, yet no call of this app carries it."""
    return status is SessionStatus.LIVE and not call_running


def still_interrupted(
    sessions: Iterable[InterruptedSession], running_session_ids: Collection[int]
) -> list[InterruptedSession]:
    """The left-live sessions whose call has not been started again, latest interruption first."""
    return sorted(
        (s for s in sessions if s.session_id not in running_session_ids),
        key=lambda s: s.interrupted_at,
        reverse=True,
    )
