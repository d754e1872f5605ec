"""The signaling protocol: JSON text frames, each an object with a ``type``.

Client to server::

    {"type": "join", "token": "<invitation or host token>", "session_id": 12}   session_id optional
    {"type": "offer" | "answer", "to": "host" | <site id>, "sdp": "..."}
    {"type": "candidate", "to": ..., "candidate": "..." | null, "sdpMid": ..., "sdpMLineIndex": ...}
    {"type": "floor", "site_id": <site id> | null}                              host only
    {"type": "bye", "to": ..., "reason": "..."}                                 reason optional
    {"type": "ping", "id": "..." | <int>}                                       id optional
    {"type": "end"}                                                             host only

Server to client: ``joined``, ``peer-joined``, ``peer-left``, ``pong``, ``error`` and the relayed
``offer``/``answer``/``candidate``/``bye``/``floor``, each with ``from`` ("host" or a site id).
Every error is ``{"type": "error", "code": ..., "message": ...}`` (plus ``in_reply_to``, the
type of the offending message when it had one). A host learns which sites come and go; a site
learns only about the host. ``peer-joined`` with ``"rejoined": true`` means the peer's previous
connection was replaced (a reload or a reconnect): its peer connection must be rebuilt.
Connections closed by the server carry a `CloseCode` (4001 unauthorized, 4002 replaced, ...).

``end`` ends the session for good: everyone in the room is told (``session_ended``) and
disconnected, and the session's tokens admit nobody from then on (a standalone server keeps the
ended sessions in a file, so this survives a restart).

Every incoming frame goes through `parse_message`, which returns a typed message or raises
`ProtocolError` and nothing else. Only the validated fields are relayed, never the raw frame.
"""

from __future__ import annotations

import enum
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, TypeGuard

HOST: Final = "host"
MAX_MESSAGE_BYTES: Final = 64 * 1024
MAX_CANDIDATE_CHARS: Final = 2048
MAX_SHORT_TEXT_CHARS: Final = 256
_MAX_SAFE_INT: Final = 2**53 - 1

PeerAddress: TypeAlias = int | Literal["host"]
JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None
ServerMessage: TypeAlias = dict[str, JSONValue]


class MessageType(enum.StrEnum):
    JOIN = "join"
    OFFER = "offer"
    ANSWER = "answer"
    CANDIDATE = "candidate"
    FLOOR = "floor"
    BYE = "bye"
    PING = "ping"
    END = "end"
    # Sent by the server only.
    JOINED = "joined"
    PEER_JOINED = "peer-joined"
    PEER_LEFT = "peer-left"
    PONG = "pong"
    ERROR = "error"


CLIENT_MESSAGE_TYPES: Final = frozenset(
    {
        MessageType.JOIN,
        MessageType.OFFER,
        MessageType.ANSWER,
        MessageType.CANDIDATE,
        MessageType.FLOOR,
        MessageType.BYE,
        MessageType.PING,
        MessageType.END,
    }
)


class ErrorCode(enum.StrEnum):
    MALFORMED_JSON = "malformed_json"
    TOO_LARGE = "too_large"
    UNKNOWN_TYPE = "unknown_type"
    INVALID_MESSAGE = "invalid_message"
    RATE_LIMITED = "rate_limited"
    NOT_JOINED = "not_joined"
    ALREADY_JOINED = "already_joined"
    JOIN_TIMEOUT = "join_timeout"
    TOKEN_INVALID = "token_invalid"
    TOKEN_EXPIRED = "token_expired"
    WRONG_SESSION = "wrong_session"
    SESSION_ENDED = "session_ended"
    FORBIDDEN = "forbidden"
    PEER_UNAVAILABLE = "peer_unavailable"
    REPLACED = "replaced"
    TOO_MANY_ERRORS = "too_many_errors"
    SLOW_CONSUMER = "slow_consumer"
    SHUTTING_DOWN = "shutting_down"
    INTERNAL = "internal"


class CloseCode(enum.IntEnum):
    """WebSocket close codes of our own (the 4000-4999 range is for applications)."""

    GOING_AWAY = 1001
    UNAUTHORIZED = 4001
    REPLACED = 4002
    ABUSE = 4003
    SESSION_ENDED = 4004
    JOIN_TIMEOUT = 4008


# Errors a well-behaved client can cause (the peer it addressed has just left); all others count
# against the connection's error budget.
BENIGN_ERRORS: Final = frozenset({ErrorCode.PEER_UNAVAILABLE})


class ProtocolError(Exception):
    def __init__(self, code: ErrorCode, message: str, in_reply_to: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.in_reply_to = in_reply_to


@dataclass(frozen=True)
class Join:
    token: str
    session_id: int | None = None


@dataclass(frozen=True)
class Offer:
    to: PeerAddress
    sdp: str


@dataclass(frozen=True)
class Answer:
    to: PeerAddress
    sdp: str


@dataclass(frozen=True)
class Candidate:
    """One ICE candidate; `candidate` None marks the end of candidates."""

    to: PeerAddress
    candidate: str | None
    sdp_mid: str | None = None
    sdp_mline_index: int | None = None


@dataclass(frozen=True)
class Floor:
    """The host gives the floor to `site_id` (None: nobody has it)."""

    site_id: int | None


@dataclass(frozen=True)
class Bye:
    to: PeerAddress
    reason: str = ""


@dataclass(frozen=True)
class Ping:
    id: str | int | None = None


@dataclass(frozen=True)
class End:
    """The host ends the session: its tokens are refused from now on."""


ClientMessage: TypeAlias = Join | Offer | Answer | Candidate | Floor | Bye | Ping | End
RelayedMessage: TypeAlias = Offer | Answer | Candidate | Bye


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
        value = json.loads(frame, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(ErrorCode.MALFORMED_JSON, "the message is not valid JSON") from exc
    return parse_value(value)


def parse_value(value: object) -> ClientMessage:
    """The typed message for a decoded JSON value; raises ProtocolError for anything else."""
    if not isinstance(value, dict):
        raise ProtocolError(ErrorCode.INVALID_MESSAGE, "a message is a JSON object with a type")
    type_name = value.get("type")
    if not isinstance(type_name, str):
        raise ProtocolError(ErrorCode.INVALID_MESSAGE, "the message has no type")
    if type_name not in CLIENT_MESSAGE_TYPES:
        raise ProtocolError(
            ErrorCode.UNKNOWN_TYPE,
            f"unknown message type {type_name[:40]!r}",
            in_reply_to=type_name[:40],
        )
    message_type = MessageType(type_name)
    fields = _Fields(value, message_type)
    match message_type:
        case MessageType.JOIN:
            return Join(fields.text("token", 1024), fields.optional_id("session_id"))
        case MessageType.OFFER:
            return Offer(fields.address(), fields.text("sdp", MAX_MESSAGE_BYTES))
        case MessageType.ANSWER:
            return Answer(fields.address(), fields.text("sdp", MAX_MESSAGE_BYTES))
        case MessageType.CANDIDATE:
            return Candidate(
                fields.address(),
                fields.optional_text("candidate", MAX_CANDIDATE_CHARS),
                fields.optional_text("sdpMid", MAX_SHORT_TEXT_CHARS),
                fields.optional_id("sdpMLineIndex"),
            )
        case MessageType.FLOOR:
            if "site_id" not in value:
                raise fields.error("floor needs site_id (a site id, or null for nobody)")
            return Floor(fields.optional_id("site_id"))
        case MessageType.BYE:
            return Bye(fields.address(), fields.optional_text("reason", MAX_SHORT_TEXT_CHARS) or "")
        case MessageType.PING:
            ping_id = value.get("id")
            if ping_id is None or _is_safe_int(ping_id):
                return Ping(ping_id)
            if isinstance(ping_id, str) and len(ping_id) <= 64:
                return Ping(ping_id)
            raise fields.error("id must be a short string or an integer")
        case MessageType.END:
            return End()
    raise fields.error("this message type is sent by the server only")


def encode(message: ServerMessage) -> str:
    # ASCII output: a lone surrogate from a client's "\\ud800" escape stays an escape instead of
    # failing to encode as UTF-8 on the way out.
    return json.dumps(message, separators=(",", ":"))


def error_message(code: ErrorCode, message: str, in_reply_to: str | None = None) -> ServerMessage:
    reply: ServerMessage = {"type": MessageType.ERROR.value, "code": code.value, "message": message}
    if in_reply_to is not None:
        reply["in_reply_to"] = in_reply_to
    return reply


def joined_message(
    session_id: int, site_id: int | None, present: list[PeerAddress], floor_site_id: int | None
) -> ServerMessage:
    """The reply to a successful join: who the connection is, which peers are already there and
    who has the floor. A host learns the sites present; a site learns only whether the host is.
    """
    return {
        "type": MessageType.JOINED.value,
        "role": HOST if site_id is None else "site",
        "session_id": session_id,
        "site_id": site_id,
        "peers": list(present),
        "floor": floor_site_id,
    }


def peer_joined_message(peer: PeerAddress, *, rejoined: bool) -> ServerMessage:
    return {"type": MessageType.PEER_JOINED.value, "peer": peer, "rejoined": rejoined}


def peer_left_message(peer: PeerAddress) -> ServerMessage:
    return {"type": MessageType.PEER_LEFT.value, "peer": peer}


def pong_message(ping: Ping) -> ServerMessage:
    return {"type": MessageType.PONG.value, "id": ping.id}


def floor_message(floor: Floor) -> ServerMessage:
    return {"type": MessageType.FLOOR.value, "from": HOST, "site_id": floor.site_id}


def relayed_message(message: RelayedMessage, sender: PeerAddress) -> ServerMessage:
    """What the addressee receives: the validated fields, with `from` in place of `to`."""
    match message:
        case Offer(sdp=sdp):
            return {"type": MessageType.OFFER.value, "from": sender, "sdp": sdp}
        case Answer(sdp=sdp):
            return {"type": MessageType.ANSWER.value, "from": sender, "sdp": sdp}
        case Candidate():
            return {
                "type": MessageType.CANDIDATE.value,
                "from": sender,
                "candidate": message.candidate,
                "sdpMid": message.sdp_mid,
                "sdpMLineIndex": message.sdp_mline_index,
            }
        case Bye(reason=reason):
            return {"type": MessageType.BYE.value, "from": sender, "reason": reason}


class _Fields:
    """Reads the fields of one message, raising INVALID_MESSAGE that names the field."""

    def __init__(self, value: dict[str, object], message_type: MessageType) -> None:
        self._value = value
        self._type = message_type

    def error(self, message: str) -> ProtocolError:
        return ProtocolError(
            ErrorCode.INVALID_MESSAGE, f"{self._type.value}: {message}", self._type.value
        )

    def text(self, name: str, max_chars: int) -> str:
        value = self._value.get(name)
        if not isinstance(value, str) or not value:
            raise self.error(f"{name} must be a non-empty string")
        if len(value) > max_chars:
            raise self.error(f"{name} is longer than {max_chars} characters")
        return value

    def optional_text(self, name: str, max_chars: int) -> str | None:
        if self._value.get(name) is None:
            return None
        return self.text(name, max_chars)

    def optional_id(self, name: str) -> int | None:
        value = self._value.get(name)
        if value is None:
            return None
        if not _is_safe_int(value) or value < 0:
            raise self.error(f"{name} must be a non-negative integer or null")
        return value

    def address(self) -> PeerAddress:
        value = self._value.get("to")
        if value == HOST:
            return HOST
        if _is_safe_int(value) and value >= 0:
            return value
        raise self.error('to must be "host" or a site id')


def _is_safe_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= _MAX_SAFE_INT


def _reject_constant(name: str) -> float:
    # NaN and Infinity are Python extensions, not JSON.
    raise ValueError(f"{name} is not JSON")
