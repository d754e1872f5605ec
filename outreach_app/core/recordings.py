"""Where in a session's recordings a moment of the session is. Pure: no Qt, no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from outreach_app.core.model import Recording


def recording_at(
    recordings: Sequence[Recording], session_started_at: datetime | None, offset_seconds: int
) -> tuple[Recording, float] | None:
    """The recording that holds the moment `offset_seconds` into the session, and how many
    seconds into that file it is; None when nothing was being recorded then."""
    if session_started_at is None or offset_seconds < 0:
        return None
    moment = session_started_at + timedelta(seconds=offset_seconds)
    for recording in sorted(recordings, key=lambda r: r.started_at, reverse=True):
        if recording.started_at <= moment and (
            recording.ended_at is None or moment <= recording.ended_at
        ):
            return recording, (moment - recording.started_at).total_seconds()
    return None
