"""The messages of a call: every one survives its trip over the wire, and nothing else decodes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.core.control_protocol import (
    CONTROL_MESSAGES,
    HandRequest,
    Heartbeat,
    HeartbeatEcho,
    MediaRequest,
    Notice,
    QualityRequest,
    ReducedCopyRequest,
    Standing,
)
from outreach_app.core.message_codec import (
    JSONValue,
    MessageError,
    MessageFamily,
    Problem,
    WireMessage,
    WireObject,
    encode,
    to_json,
    wire_field_names,
)
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import (
    CLIENT_MESSAGES,
    HOST,
    SERVER_MESSAGES,
    Answer,
    Bye,
    Candidate,
    ChooseEngine,
    Control,
    End,
    EngineState,
    Error,
    ErrorCode,
    Feed,
    Floor,
    Join,
    Joined,
    Offer,
    PeerJoined,
    PeerLeft,
    Ping,
    Pong,
    PublicationEnded,
    Publish,
    Published,
    RelayedAnswer,
    RelayedBye,
    RelayedCandidate,
    RelayedControl,
    RelayedFloor,
    RelayedOffer,
    Subscribe,
    SubscriptionAnswer,
    SubscriptionEnded,
    SubscriptionOffer,
    Unsubscribe,
    relayed,
    relayed_floor,
)

FAMILIES: tuple[MessageFamily[WireMessage], ...] = (
    CLIENT_MESSAGES,
    SERVER_MESSAGES,
    CONTROL_MESSAGES,
)

SAMPLES: dict[MessageFamily[WireMessage], list[WireMessage]] = {
    FAMILIES[0]: [
        Join("o1.token.signature", 12),
        Join("o1.token.signature"),
        Offer(HOST, "v=0 offer"),
        Answer(3, "v=0 answer"),
        Candidate(3, "candidate:1 1 udp 1 10.0.0.1 9 typ host", "0", 0),
        Candidate(HOST, None),
        Floor(4),
        Floor(None),
        Bye(HOST, "the page was closed"),
        Ping("probe"),
        Ping(-7),
        End(),
        Control(3, '{"type":"ping","seq":1,"sent":2.5}'),
        ChooseEngine("janus"),
        Publish("v=0 offer"),
        Subscribe("floor", 4, "reduced", True),
        SubscriptionAnswer("floor", "v=0 answer"),
        Unsubscribe("floor"),
    ],
    FAMILIES[1]: [
        Joined("host", 41, None, (2, 3), 2, (IceServer("stun:stun.example.cn:3478"),)),
        Joined("site", 41, 2, (HOST,), None, (IceServer("turn:t.example.cn", "u", "p"),)),
        Joined("site", 41, 2, (HOST,), 2, (), engine="janus", media_server=True),
        PeerJoined(HOST, rejoined=True),
        PeerLeft(3),
        Pong(None),
        Error(ErrorCode.PEER_UNAVAILABLE, "Site 3 is not connected.", "offer"),
        RelayedOffer(HOST, "v=0 offer"),
        RelayedAnswer(3, "v=0 answer"),
        RelayedCandidate(3, "candidate:1 1 udp 1 10.0.0.1 9 typ host", "0", 0),
        RelayedBye(HOST, ""),
        RelayedFloor(HOST, None),
        RelayedControl(HOST, '{"type":"media","video":false}'),
        EngineState("janus", False, "The media server restarted; reconnecting."),
        Published("v=0 answer"),
        PublicationEnded(""),
        SubscriptionOffer("official", "v=0 offer"),
        SubscriptionEnded("floor", 4, "the floor moved"),
        Feed(HOST, published=True, simulcast=False),
    ],
    FAMILIES[2]: [
        Heartbeat(17, 1234.5),
        HeartbeatEcho(17, 1234.5),
        QualityRequest(640, 480, 30.0, floor=True),
        MediaRequest(video=False),
        ReducedCopyRequest(320, 240, 10.0),
        Standing("Heating", "Riverside", 2, 6, "Hillview", False, True, 170),
        Standing("供暖", "河畔", 1, 1, None, False, False, None),
        Standing("S", "A", 2, 3, "B", False, False, 60, True, ("C", "A")),
        HandRequest(raised=True),
        Notice(3, "Please prepare the figures on heating", to_all=True),
    ],
}


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.name)
def test_every_message_survives_the_wire_unchanged(family: MessageFamily[WireMessage]) -> None:
    samples = SAMPLES[family]
    assert {type(sample) for sample in samples} == set(family.classes)
    for sample in samples:
        text = to_json(sample)
        assert family.from_json(text) == sample
        # What is sent is what the declaration says: the type and every field, nothing else.
        assert list(json.loads(text)) == ["type", *wire_field_names(type(sample))]


def test_wire_names_differ_from_attributes_only_where_javascript_spells_them_so() -> None:
    assert encode(Candidate(1, "c", "0", 0)) == {
        "type": "candidate",
        "to": 1,
        "candidate": "c",
        "sdpMid": "0",
        "sdpMLineIndex": 0,
    }
    assert encode(RelayedBye(2, "left")) == {"type": "bye", "from": 2, "reason": "left"}


def test_the_relayed_form_carries_the_sender_in_place_of_the_addressee() -> None:
    assert relayed(Offer(3, "v=0"), HOST) == RelayedOffer(HOST, "v=0")
    assert relayed(Answer(HOST, "v=0"), 3) == RelayedAnswer(3, "v=0")
    assert relayed(Candidate(HOST, None), 3) == RelayedCandidate(3, None, None, None)
    assert relayed(Bye(3, "done"), HOST) == RelayedBye(HOST, "done")
    assert relayed(Control(3, "{}"), HOST) == RelayedControl(HOST, "{}")
    assert relayed_floor(Floor(5)) == RelayedFloor(HOST, 5)


def test_ice_servers_in_the_joined_message_skip_what_is_malformed() -> None:
    joined: WireObject = {
        "type": "joined",
        "role": "site",
        "session_id": 1,
        "site_id": 2,
        "peers": [],
        "floor": None,
        "ice_servers": [
            {"urls": "turn:turn.example.cn:3478", "username": "u", "credential": "p"},
            {"urls": "stun:stun.example.cn"},
            {"urls": 5},
            "turn:nope",
        ],
    }
    message = SERVER_MESSAGES.decode(joined)
    assert isinstance(message, Joined)
    assert message.ice_servers == (
        IceServer("turn:turn.example.cn:3478", "u", "p"),
        IceServer("stun:stun.example.cn", "", ""),
    )
    without = SERVER_MESSAGES.decode({**joined, "ice_servers": None})
    assert isinstance(without, Joined) and without.ice_servers == ()


@pytest.mark.parametrize(
    ("family", "value", "problem"),
    [
        (CLIENT_MESSAGES, [1], Problem.INVALID_MESSAGE),
        (CLIENT_MESSAGES, {"to": 1}, Problem.INVALID_MESSAGE),
        (CLIENT_MESSAGES, {"type": "joined"}, Problem.UNKNOWN_TYPE),
        (CLIENT_MESSAGES, {"type": "floor"}, Problem.INVALID_MESSAGE),
        (CLIENT_MESSAGES, {"type": "bye", "to": "host", "reason": ""}, Problem.INVALID_MESSAGE),
        (SERVER_MESSAGES, {"type": "peer-joined", "peer": "site"}, Problem.INVALID_MESSAGE),
        (SERVER_MESSAGES, {"type": "join", "token": "t"}, Problem.UNKNOWN_TYPE),
        (CONTROL_MESSAGES, {"type": "quality", "width": "640"}, Problem.INVALID_MESSAGE),
        (CONTROL_MESSAGES, {"type": "media", "video": 1}, Problem.INVALID_MESSAGE),
        (CONTROL_MESSAGES, {"type": "ping", "seq": 1, "sent": 1e400}, Problem.INVALID_MESSAGE),
    ],
)
def test_what_is_not_a_message_of_the_family_is_refused(
    family: MessageFamily[WireMessage], value: JSONValue, problem: Problem
) -> None:
    with pytest.raises(MessageError) as raised:
        family.decode(value)
    assert raised.value.problem is problem and raised.value.message


def test_nan_and_infinity_are_not_json() -> None:
    with pytest.raises(MessageError) as raised:
        CONTROL_MESSAGES.from_json('{"type": "ping", "seq": 1, "sent": NaN}')
    assert raised.value.problem is Problem.MALFORMED_JSON


def test_decoding_problems_are_error_codes_of_the_protocol() -> None:
    assert {problem.value for problem in Problem} <= {code.value for code in ErrorCode}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(FAMILIES),
    st.one_of(
        json_values,
        st.dictionaries(
            st.sampled_from(["type", "to", "from", "sdp", "peer", "peers", "seq", "width"]),
            json_values | st.sampled_from(["offer", "joined", "ping", "quality", "host"]),
        ),
    ),
)
def test_any_json_value_decodes_to_a_message_or_a_message_error(
    family: MessageFamily[WireMessage], value: JSONValue
) -> None:
    try:
        message = family.decode(value)
    except MessageError as error:
        assert error.message
    else:
        assert type(message) in family.classes
