"""What the server accepts from a client: text frames parsed into the protocol's typed messages
(`outreach_app.core.signaling_protocol`) under the server's limits of size, rate and errors.

Every incoming frame goes through `parse_message`, which returns a typed message or raises
`ProtocolError` and nothing else. Only the validated fields are relayed, never the raw frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from outreach_app.core.message_codec import MessageError
from outreach_app.core.signaling_protocol import CLIENT_MESSAGES, ClientMessage, Error, ErrorCode

MAX_MESSAGE_BYTES: Final = 64 * 1024

# Errors a well-behaved client can cause (the peer it addressed has just left, the media server
# has just gone away); all others count against the connection's error budget.
BENIGN_ERRORS: Final = frozenset({ErrorCode.PEER_UNAVAILABLE, ErrorCode.MEDIA_SERVER_UNAVAILABLE})


class ProtocolError(Exception):
    def __init__(self, code: ErrorCode, message: str, in_reply_to: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.in_reply_to = in_reply_to

    def reply(self) -> Error:
        """The error message that tells the client."""
        return Error(self.code, self.message, self.in_reply_to)


@dataclass(frozen=True)
class Limits:
    """Per-connection limits. Tests shrink them; the defaults suit a real session."""

    max_message_bytes: int = MAX_MESSAGE_BYTES
    # A browser trickles a few dozen candidates at once; the bucket lets that burst through.
    messages_burst: float = 60.0
    messages_per_second: float = 20.0
    # Protocol errors a connection may cause before it is closed, and how fast that budget returns.
    errors_burst: float = 10.0
    errors_recovered_per_second: float = 0.2
    join_timeout_seconds: float = 10.0
    # Messages waiting for a slow client before the server gives up on it.
    outbox_messages: int = 256


class TokenBucket:
    """Allows `burst` events at once and `per_second` on average after that."""

    def __init__(
        self, burst: float, per_second: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if burst < 1 or per_second < 0:
            raise ValueError("a token bucket needs burst >= 1 and per_second >= 0")
        self._burst = burst
        self._per_second = per_second
        self._clock = clock
        self._tokens = burst
        self._updated = clock()

    def try_take(self) -> bool:
        now = self._clock()
        elapsed = max(0.0, now - self._updated)
        self._updated = now
        self._tokens = min(self._burst, self._tokens + elapsed * self._per_second)
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False


def parse_message(frame: str | bytes, max_bytes: int = MAX_MESSAGE_BYTES) -> ClientMessage:
    """The typed message in one text frame; raises ProtocolError for anything else."""
    if isinstance(frame, bytes):
        raise ProtocolError(ErrorCode.MALFORMED_JSON, "send text frames with JSON, not binary")
    # A character is at most 4 bytes in UTF-8: only long frames need the exact count.
    if len(frame) * 4 > max_bytes and len(frame.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ProtocolError(ErrorCode.TOO_LARGE, f"messages are limited to {max_bytes} bytes")
    try:
        return CLIENT_MESSAGES.from_json(frame)
    except MessageError as error:
        raise ProtocolError(
            ErrorCode(error.problem.value), error.message, error.type_name
        ) from error
