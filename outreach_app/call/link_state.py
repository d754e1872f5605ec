"""The state of one link between the hub and a site, and the timings that move it.

aiortc has no ICE restart and its consent checks take ~30 s to notice a dead link, so a
heartbeat on the control channel decides: no answer for `LinkTimings.heartbeat_timeout` and the
link is RECONNECTING while the hub rebuilds the peer connection, retrying with exponential
backoff until the site answers again (or FAILED after `attempts_before_failed`, or LEFT once its
signaling has been gone for `LinkTimings.absent_timeout`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final


class PeerState(enum.Enum):
    INVITED = "invited"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    LEFT = "left"


_ALLOWED_TRANSITIONS: Final[dict[PeerState, frozenset[PeerState]]] = {
    PeerState.INVITED: frozenset({PeerState.CONNECTING, PeerState.LEFT}),
    PeerState.CONNECTING: frozenset(
        {PeerState.CONNECTED, PeerState.RECONNECTING, PeerState.FAILED, PeerState.LEFT}
    ),
    PeerState.CONNECTED: frozenset({PeerState.RECONNECTING, PeerState.LEFT}),
    PeerState.RECONNECTING: frozenset({PeerState.CONNECTED, PeerState.FAILED, PeerState.LEFT}),
    # A failed or departed site that joins signaling again starts over.
    PeerState.FAILED: frozenset({PeerState.CONNECTING, PeerState.LEFT}),
    PeerState.LEFT: frozenset({PeerState.CONNECTING}),
}


class InvalidTransition(RuntimeError):
    def __init__(self, current: PeerState, requested: PeerState) -> None:
        super().__init__(f"a link cannot go from {current.value} to {requested.value}")
        self.current = current
        self.requested = requested


class PeerStateMachine:
    """The state of one link; refuses moves that the table above does not allow."""

    def __init__(self, initial: PeerState = PeerState.INVITED) -> None:
        self._state = initial

    @property
    def state(self) -> PeerState:
        return self._state

    def can_move_to(self, state: PeerState) -> bool:
        return state in _ALLOWED_TRANSITIONS[self._state]

    def move_to(self, state: PeerState) -> PeerState:
        """Enter `state`; returns the previous state or raises InvalidTransition."""
        if not self.can_move_to(state):
            raise InvalidTransition(self._state, state)
        previous, self._state = self._state, state
        return previous


@dataclass(frozen=True)
class LinkTimings:
    heartbeat_interval: float = 1.0
    heartbeat_timeout: float = 3.0
    first_retry_delay: float = 0.5
    max_retry_delay: float = 8.0
    # From offer to open control channel; aiortc on a LAN needs well under a second.
    attempt_timeout: float = 10.0
    attempts_before_failed: int = 8
    # A site whose link broke while its signaling is gone this long has left without a word
    # (a closed or crashed browser): a site that only lost its network for a moment joins
    # signaling again well within it, and one that returns later simply starts over.
    absent_timeout: float = 6.0

    def retry_delay(self, failed_attempts: int) -> float:
        if failed_attempts <= 0:
            return 0.0
        return min(self.max_retry_delay, self.first_retry_delay * 2.0 ** (failed_attempts - 1))
