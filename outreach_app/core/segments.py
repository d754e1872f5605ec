"""The run of a live session: who speaks after whom, and how much of each time box is left.

A site's segment is the time it holds the floor. Time boxes are budgets: a site that gets the
floor back (the official went back to ask once more, or pressed "next" too early) continues
from what it had left instead of starting over.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence


class SegmentClock:
    """Time spoken per site, measured on a monotonic clock from the moments the floor moves."""

    def __init__(
        self, time_boxes: Mapping[int, float], *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """`time_boxes`: seconds per site id."""
        self._boxes = dict(time_boxes)
        self._clock = clock
        self._spoken: dict[int, float] = dict.fromkeys(self._boxes, 0.0)
        self._current: int | None = None
        self._since = 0.0

    @property
    def current(self) -> int | None:
        return self._current

    def floor_moved(self, site_id: int | None) -> None:
        now = self._clock()
        if self._current is not None:
            self._spoken[self._current] = self._spoken.get(self._current, 0.0) + (now - self._since)
        self._current = site_id
        self._since = now

    def time_box(self, site_id: int) -> float:
        return self._boxes.get(site_id, 0.0)

    def spoken(self, site_id: int) -> float:
        seconds = self._spoken.get(site_id, 0.0)
        if site_id == self._current:
            seconds += self._clock() - self._since
        return seconds

    def remaining(self, site_id: int) -> float:
        """Seconds left of the site's time box; negative once it runs over."""
        return self.time_box(site_id) - self.spoken(site_id)

    def has_spoken(self, site_id: int) -> bool:
        return site_id == self._current or self._spoken.get(site_id, 0.0) > 0


def format_countdown(remaining: float) -> str:
    """Time left as 04:32, time over as +01:05; hours only when needed (1:02:03)."""
    if remaining > 0:
        # Rounded up: a fresh ten-minute box reads 10:00 and 00:00 only once it is over.
        seconds, sign = math.ceil(remaining - 1e-9), ""
    else:
        seconds, sign = math.floor(-remaining), "+"
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def next_in_order(order: Sequence[int], current: int | None) -> int | None:
    """The site after `current` in speaking order (the first when nobody has the floor)."""
    if not order:
        return None
    if current not in order:
        return order[0]
    index = order.index(current)
    return order[index + 1] if index + 1 < len(order) else None


def previous_in_order(order: Sequence[int], current: int | None) -> int | None:
    if current not in order:
        return None
    index = order.index(current)
    return order[index - 1] if index > 0 else None
