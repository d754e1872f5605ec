from __future__ import annotations

from datetime import datetime

from outreach_app.core.model import Recording
from outreach_app.core.recordings import recording_at

START = datetime(2026, 11, 23, 9, 0)


def test_a_moment_is_found_in_the_recording_running_then() -> None:
    first = Recording(1, 7, "a.mp4", datetime(2026, 11, 23, 9, 1), datetime(2026, 11, 23, 9, 10))
    second = Recording(2, 7, "b.mp4", datetime(2026, 11, 23, 9, 20), None)
    assert recording_at([first, second], START, 5 * 60) == (first, 240.0)
    assert recording_at([first, second], START, 25 * 60) == (second, 300.0)
    assert recording_at([first, second], START, 15 * 60) is None  # between recordings
    assert recording_at([first, second], START, 30) is None  # before the first
    assert recording_at([first], None, 60) is None  # the session never went live
    assert recording_at([first], START, -5) is None
