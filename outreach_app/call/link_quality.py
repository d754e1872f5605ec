"""Telling a poor link from a passing hiccup, from the hub's statistics of each site.

A link is poor when video cannot get through it well: packets are lost even after the
receiver asked for them again, or the heartbeat takes longer than a conversation bears. One bad
reading is a hiccup; `PoorLinkJudge` calls a link poor after `READINGS_TO_CALL_POOR` bad readings
in a row and good again only after `READINGS_TO_CALL_GOOD` good ones, so the official's window
does not flicker between the two.
"""

from __future__ import annotations

from typing import Final

from outreach_app.call.official_engine import LinkStatistics

# Loss that remains after retransmissions, over the last reading. On a link losing 5% of
# packets each way about 2% remains and video still flows; at 30% about 15% remains.
POOR_LOSS_PERCENT: Final = 8.0
POOR_ROUND_TRIP_MS: Final = 1000.0
READINGS_TO_CALL_POOR: Final = 2
READINGS_TO_CALL_GOOD: Final = 5


def reading_is_poor(statistics: LinkStatistics) -> bool:
    loss = statistics.loss_percent
    round_trip = statistics.round_trip_ms
    return (loss is not None and loss >= POOR_LOSS_PERCENT) or (
        round_trip is not None and round_trip >= POOR_ROUND_TRIP_MS
    )


class PoorLinkJudge:
    """Whether one site's link is poor, from its readings in order."""

    def __init__(self) -> None:
        self.poor = False
        self._streak = 0

    def add(self, statistics: LinkStatistics | None) -> bool:
        """Take one reading (None: no connection, which says nothing about quality)."""
        if statistics is None:
            return self.poor
        if reading_is_poor(statistics) != self.poor:
            self._streak += 1
            needed = READINGS_TO_CALL_GOOD if self.poor else READINGS_TO_CALL_POOR
            if self._streak >= needed:
                self.poor = not self.poor
                self._streak = 0
        else:
            self._streak = 0
        return self.poor
