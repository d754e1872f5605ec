"""The signaling protocol: what participants and the signaling server say over its WebSocket.

JSON text frames, each an object with a ``type`` (see `message_codec`). A participant (the
official's hub, a site's app or browser page, the pre-call check) sends `CLIENT_MESSAGES`::

    join       token, session_id (optional: refused when the token is for another session)
    offer      to ("host" or a site id), sdp
    answer     to, sdp
    candidate  to, candidate (null: the end of candidates), sdpMid, sdpMLineIndex
    floor      site_id (null: nobody has it)                                     host only
    bye        to, reason (optional)
    ping       id (optional); answered also before joining
    end        the session ends for good                                         host only
    control    to, message (a control-channel message as JSON text, see below)

and receives `SERVER_MESSAGES`: ``joined``, ``peer-joined``, ``peer-left``, ``pong``, ``error``
and the relayed ``offer``/``answer``/``candidate``/``bye``/``floor``/``control``, with ``from``
("host" or a site id) in place of ``to``. A host learns which sites come and go; a site learns
only about the host. ``peer-joined`` with ``rejoined`` true means the peer's previous connection
was replaced (a reload or a reconnect): its peer connection must be rebuilt. An ``error``
carries an `ErrorCode`; a connection closed by the server carries a `CloseCode`.

A session runs on one of two engines. On the ``hub`` (the default) the official's app holds a
peer connection with every site and relays everything. On ``janus`` every participant sends its
media to the server's media server (Janus VideoRoom) and receives the media of others from it;
the participants never speak to Janus themselves, the signaling server does for them:

    engine               engine ("hub" or "janus")                               host only
    publish              sdp (an offer carrying this participant's media)
    subscribe            id, peer, video ("full", "reduced", "none"), audio
    subscription-answer  id, sdp
    unsubscribe          id

and the server answers with ``engine`` (engine, ready, reason: to everyone in the session,
whenever the media server comes or goes), ``published`` (the answer to ``publish``),
``publication-ended``, ``subscription-offer`` (the media server's offer for subscription `id`),
``subscription-ended`` and ``feed`` (peer, published, simulcast: whose media can be received).
A site may receive only the host and the site that has the floor. With no peer connection
between them, the host and a site exchange the control channel's messages
(`outreach_app.core.control_protocol`) as ``control`` messages through the server.

After ``end`` everyone in the room is told (``session_ended``) and disconnected, and the
session's tokens admit nobody from then on.

The browser pages declare the same messages in ``server/static/protocol.js``; a test compares
the two declarations.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import ClassVar, Final, Literal, TypeAlias

from outreach_app.core.message_codec import JSONValue, MessageFamily, wire
from outreach_app.core.settings_rules import IceServer

HOST: Final = "host"
PeerAddress: TypeAlias = int | Literal["host"]

MAX_TOKEN_CHARS: Final = 1024
MAX_SDP_CHARS: Final = 64 * 1024
MAX_CANDIDATE_CHARS: Final = 2048
MAX_PING_ID_CHARS: Final = 64
MAX_ERROR_TEXT_CHARS: Final = 1024
MAX_SUBSCRIPTION_ID_CHARS: Final = 32
# Room for a standing with its names (up to 3 + MAX_HANDS_TOLD of MAX_NAME_CHARS), escaped as
# ASCII (six characters for each Chinese one).
MAX_CONTROL_CHARS: Final = 16384

# What runs a session's media: the official's app ("hub") or the server's Janus ("janus").
EngineName: TypeAlias = Literal["hub", "janus"]
HUB: Final = "hub"
JANUS: Final = "janus"
# What a subscription receives of a publisher's video: the best it sends, the reduced copy meant
# for waiting sites (a second stream, or a simulcast layer), or nothing.
VideoChoice: TypeAlias = Literal["full", "reduced", "none"]


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
    MEDIA_SERVER_UNAVAILABLE = "media_server_unavailable"
    INTERNAL = "internal"


# The server's answers after which joining again with the same token cannot succeed.
FINAL_ERROR_CODES: Final = frozenset(
    {
        ErrorCode.TOKEN_INVALID,
        ErrorCode.TOKEN_EXPIRED,
        ErrorCode.WRONG_SESSION,
        ErrorCode.SESSION_ENDED,
        ErrorCode.REPLACED,
    }
)


class CloseCode(enum.IntEnum):
    """WebSocket close codes of our own (the 4000-4999 range is for applications)."""

    GOING_AWAY = 1001
    UNAUTHORIZED = 4001
    REPLACED = 4002
    ABUSE = 4003
    SESSION_ENDED = 4004
    JOIN_TIMEOUT = 4008


class _IceServerList:
    """ICE servers as a browser's RTCPeerConnection takes them: ``urls`` and, when there is a
    user name, ``username`` and ``credential``. Entries that are not well formed are left out
    when reading: a site without them still works on a LAN."""

    description = "a list of ICE servers"

    def encode(self, value: object) -> JSONValue:
        entries: list[JSONValue] = []
        for server in value if isinstance(value, tuple) else ():
            if not isinstance(server, IceServer):
                raise TypeError(f"not an IceServer: {server!r}")
            entry: dict[str, JSONValue] = {"urls": server.url}
            if server.username:
                entry.update(username=server.username, credential=server.credential)
            entries.append(entry)
        return entries

    def decode(self, value: JSONValue) -> object:
        if not isinstance(value, list):
            raise ValueError("ICE servers come as a list")
        servers: list[IceServer] = []
        for entry in value:
            if not isinstance(entry, dict) or not isinstance(url := entry.get("urls"), str):
                continue
            username, credential = entry.get("username", ""), entry.get("credential", "")
            servers.append(
                IceServer(
                    url,
                    username if isinstance(username, str) else "",
                    credential if isinstance(credential, str) else "",
                )
            )
        return tuple(servers)


# ----- Participant to server -----


@dataclass(frozen=True)
class Join:
    TYPE: ClassVar[str] = "join"
    token: str = field(metadata=wire(max_chars=MAX_TOKEN_CHARS))
    session_id: int | None = None


@dataclass(frozen=True)
class Offer:
    TYPE: ClassVar[str] = "offer"
    to: PeerAddress
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class Answer:
    TYPE: ClassVar[str] = "answer"
    to: PeerAddress
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class Candidate:
    """One ICE candidate; `candidate` None marks the end of candidates."""

    TYPE: ClassVar[str] = "candidate"
    to: PeerAddress
    candidate: str | None = field(default=None, metadata=wire(max_chars=MAX_CANDIDATE_CHARS))
    sdp_mid: str | None = field(default=None, metadata=wire("sdpMid"))
    sdp_mline_index: int | None = field(default=None, metadata=wire("sdpMLineIndex"))


@dataclass(frozen=True)
class Floor:
    """The host gives the floor to `site_id` (None: nobody has it)."""

    TYPE: ClassVar[str] = "floor"
    site_id: int | None


@dataclass(frozen=True)
class Bye:
    TYPE: ClassVar[str] = "bye"
    to: PeerAddress
    reason: str = ""


@dataclass(frozen=True)
class Ping:
    TYPE: ClassVar[str] = "ping"
    id: str | int | None = field(
        default=None, metadata=wire(max_chars=MAX_PING_ID_CHARS, may_be_empty=True, signed=True)
    )


@dataclass(frozen=True)
class End:
    """The host ends the session: its tokens are refused from now on."""

    TYPE: ClassVar[str] = "end"


@dataclass(frozen=True)
class Control:
    """A control-channel message (`control_protocol`, as JSON text) for `to`, where no data
    channel joins the host and the site (on the media server)."""

    TYPE: ClassVar[str] = "control"
    to: PeerAddress
    message: str = field(metadata=wire(max_chars=MAX_CONTROL_CHARS))


@dataclass(frozen=True)
class ChooseEngine:
    """The host runs the session on `engine`; the server tells everyone (``engine``)."""

    TYPE: ClassVar[str] = "engine"
    engine: EngineName


@dataclass(frozen=True)
class Publish:
    """An offer with this participant's media, for the session's room on the media server."""

    TYPE: ClassVar[str] = "publish"
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class Subscribe:
    """Receive `peer`'s media as subscription `id` (a name of the participant's choosing).

    The same id and peer again changes what is received on the same connection; another peer
    under the same id starts a new connection in place of the old."""

    TYPE: ClassVar[str] = "subscribe"
    id: str = field(metadata=wire(max_chars=MAX_SUBSCRIPTION_ID_CHARS))
    peer: PeerAddress
    video: VideoChoice
    audio: bool


@dataclass(frozen=True)
class SubscriptionAnswer:
    TYPE: ClassVar[str] = "subscription-answer"
    id: str = field(metadata=wire(max_chars=MAX_SUBSCRIPTION_ID_CHARS))
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class Unsubscribe:
    TYPE: ClassVar[str] = "unsubscribe"
    id: str = field(metadata=wire(max_chars=MAX_SUBSCRIPTION_ID_CHARS))


ClientMessage: TypeAlias = (
    Join
    | Offer
    | Answer
    | Candidate
    | Floor
    | Bye
    | Ping
    | End
    | Control
    | ChooseEngine
    | Publish
    | Subscribe
    | SubscriptionAnswer
    | Unsubscribe
)
RelayedMessage: TypeAlias = Offer | Answer | Candidate | Bye | Control
MediaServerRequest: TypeAlias = (
    ChooseEngine | Publish | Subscribe | SubscriptionAnswer | Unsubscribe
)

CLIENT_MESSAGES: Final = MessageFamily[ClientMessage](
    "signaling, participant to server",
    (
        Join,
        Offer,
        Answer,
        Candidate,
        Floor,
        Bye,
        Ping,
        End,
        Control,
        ChooseEngine,
        Publish,
        Subscribe,
        SubscriptionAnswer,
        Unsubscribe,
    ),
)


# ----- Server to participant -----


@dataclass(frozen=True)
class Joined:
    """The reply to a successful join: who the connection is, which peers are already there,
    who has the floor, and the STUN/TURN servers to use. A host learns the sites present; a
    site learns only whether the host is. `engine` is what the session runs on now;
    `media_server` says whether this server can run sessions on Janus."""

    TYPE: ClassVar[str] = "joined"
    role: Literal["host", "site"]
    session_id: int | None
    site_id: int | None
    peers: tuple[PeerAddress, ...]
    floor: int | None
    ice_servers: tuple[IceServer, ...] = field(default=(), metadata=wire(codec=_IceServerList()))
    engine: EngineName = HUB
    media_server: bool = False


@dataclass(frozen=True)
class PeerJoined:
    TYPE: ClassVar[str] = "peer-joined"
    peer: PeerAddress
    rejoined: bool


@dataclass(frozen=True)
class PeerLeft:
    TYPE: ClassVar[str] = "peer-left"
    peer: PeerAddress


@dataclass(frozen=True)
class Pong:
    TYPE: ClassVar[str] = "pong"
    id: str | int | None = field(
        metadata=wire(max_chars=MAX_PING_ID_CHARS, may_be_empty=True, signed=True)
    )


@dataclass(frozen=True)
class Error:
    """`code` is an `ErrorCode` value; `in_reply_to` the type of the message that caused it."""

    TYPE: ClassVar[str] = "error"
    code: str
    message: str = field(metadata=wire(max_chars=MAX_ERROR_TEXT_CHARS))
    in_reply_to: str | None = None


@dataclass(frozen=True)
class RelayedOffer:
    TYPE: ClassVar[str] = "offer"
    sender: PeerAddress = field(metadata=wire("from"))
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class RelayedAnswer:
    TYPE: ClassVar[str] = "answer"
    sender: PeerAddress = field(metadata=wire("from"))
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class RelayedCandidate:
    TYPE: ClassVar[str] = "candidate"
    sender: PeerAddress = field(metadata=wire("from"))
    candidate: str | None = field(default=None, metadata=wire(max_chars=MAX_CANDIDATE_CHARS))
    sdp_mid: str | None = field(default=None, metadata=wire("sdpMid"))
    sdp_mline_index: int | None = field(default=None, metadata=wire("sdpMLineIndex"))


@dataclass(frozen=True)
class RelayedBye:
    TYPE: ClassVar[str] = "bye"
    sender: PeerAddress = field(metadata=wire("from"))
    reason: str = field(default="", metadata=wire(may_be_empty=True))


@dataclass(frozen=True)
class RelayedFloor:
    TYPE: ClassVar[str] = "floor"
    sender: PeerAddress = field(metadata=wire("from"))
    site_id: int | None


@dataclass(frozen=True)
class RelayedControl:
    TYPE: ClassVar[str] = "control"
    sender: PeerAddress = field(metadata=wire("from"))
    message: str = field(metadata=wire(max_chars=MAX_CONTROL_CHARS))


@dataclass(frozen=True)
class EngineState:
    """What the session runs on; on Janus, whether its room is `ready` (it is not while the
    media server is away: everyone's media connections to it are gone and start again when
    it is back). `reason` says why, for people."""

    TYPE: ClassVar[str] = "engine"
    engine: EngineName
    ready: bool
    reason: str = field(
        default="", metadata=wire(may_be_empty=True, max_chars=MAX_ERROR_TEXT_CHARS)
    )


@dataclass(frozen=True)
class Published:
    """The media server's answer to ``publish``."""

    TYPE: ClassVar[str] = "published"
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class PublicationEnded:
    """The media server dropped this participant's media connection: publish again."""

    TYPE: ClassVar[str] = "publication-ended"
    reason: str = field(
        default="", metadata=wire(may_be_empty=True, max_chars=MAX_ERROR_TEXT_CHARS)
    )


@dataclass(frozen=True)
class SubscriptionOffer:
    TYPE: ClassVar[str] = "subscription-offer"
    id: str = field(metadata=wire(max_chars=MAX_SUBSCRIPTION_ID_CHARS))
    sdp: str = field(metadata=wire(max_chars=MAX_SDP_CHARS))


@dataclass(frozen=True)
class SubscriptionEnded:
    """Subscription `id` of `peer` is gone (the publisher left, the floor moved, the media
    server dropped it). `peer` tells an old subscription's end from the one that replaced it."""

    TYPE: ClassVar[str] = "subscription-ended"
    id: str = field(metadata=wire(max_chars=MAX_SUBSCRIPTION_ID_CHARS))
    peer: PeerAddress
    reason: str = field(
        default="", metadata=wire(may_be_empty=True, max_chars=MAX_ERROR_TEXT_CHARS)
    )


@dataclass(frozen=True)
class Feed:
    """Whether `peer`'s media can be received now; `simulcast`: its video comes in layers, so
    the media server chooses the quality (else the sender is asked for it)."""

    TYPE: ClassVar[str] = "feed"
    peer: PeerAddress
    published: bool
    simulcast: bool = False


ServerMessage: TypeAlias = (
    Joined
    | PeerJoined
    | PeerLeft
    | Pong
    | Error
    | RelayedOffer
    | RelayedAnswer
    | RelayedCandidate
    | RelayedBye
    | RelayedFloor
    | RelayedControl
    | EngineState
    | Published
    | PublicationEnded
    | SubscriptionOffer
    | SubscriptionEnded
    | Feed
)

SERVER_MESSAGES: Final = MessageFamily[ServerMessage](
    "signaling, server to participant",
    (
        Joined,
        PeerJoined,
        PeerLeft,
        Pong,
        Error,
        RelayedOffer,
        RelayedAnswer,
        RelayedCandidate,
        RelayedBye,
        RelayedFloor,
        RelayedControl,
        EngineState,
        Published,
        PublicationEnded,
        SubscriptionOffer,
        SubscriptionEnded,
        Feed,
    ),
)


def relayed(message: RelayedMessage, sender: PeerAddress) -> ServerMessage:
    """What the addressee of `message` receives: its fields, with `from` in place of `to`."""
    match message:
        case Offer(sdp=sdp):
            return RelayedOffer(sender, sdp)
        case Answer(sdp=sdp):
            return RelayedAnswer(sender, sdp)
        case Candidate():
            return RelayedCandidate(
                sender, message.candidate, message.sdp_mid, message.sdp_mline_index
            )
        case Bye(reason=reason):
            return RelayedBye(sender, reason)
        case Control(message=text):
            return RelayedControl(sender, text)


def relayed_floor(floor: Floor) -> RelayedFloor:
    """What every site hears when the host passes the floor."""
    return RelayedFloor(HOST, floor.site_id)
