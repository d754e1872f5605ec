"""Sites asking for the floor: who raised a hand, in the order they raised it.

A site's requests come from outside; one that changes its hand too often is ignored for a
while, so that a stuck key or a hostile page cannot flood the official's run sheet.
"""

from __future__ import annotations

from collections import deque
from typing import Final

# A site may raise or lower its hand this many times in any window of this many seconds.
MAX_CHANGES: Final = 4
CHANGE_WINDOW_SECONDS: Final = 10.0


class RaisedHands:
    def __init__(self) -> None:
        self._order: list[int] = []
        self._changes: dict[int, deque[float]] = {}

    def order(self) -> list[int]:
        """Site ids whose hands are raised, the first raised first."""
        return list(self._order)

    def is_raised(self, site_id: int) -> bool:
        return site_id in self._order

    def asked_by_site(self, site_id: int, raised: bool, now: float) -> bool:
        """The site raises or lowers its own hand; whether anything changed (False when it
        already was so, or when the site changes it too often)."""
        if raised == self.is_raised(site_id):
            return False
        changes = self._changes.setdefault(site_id, deque())
        while changes and now - changes[0] >= CHANGE_WINDOW_SECONDS:
            changes.popleft()
        if len(changes) >= MAX_CHANGES:
            return False
        changes.append(now)
        if raised:
            self._order.append(site_id)
        else:
            self._order.remove(site_id)
        return True

    def lower(self, site_id: int) -> bool:
        """The official lowers the hand (or gave the site the floor); whether it was raised."""
        if site_id not in self._order:
            return False
        self._order.remove(site_id)
        return True

    def lower_all(self) -> bool:
        """Every hand goes down (the call is over); whether any was raised."""
        raised = bool(self._order)
        self._order.clear()
        return raised
