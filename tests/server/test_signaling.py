"""The signaling server, running on 127.0.0.1, driven by real WebSocket clients.

Session A (sites 1 and 2) and session B (site 1: the same site id in another session) run side
by side; every misbehaviour in one must leave the other untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.core.invitations import issue_host_token, issue_site_token
from outreach_app.core.message_codec import to_json
from outreach_app.core.signaling_protocol import (
    CLIENT_MESSAGES,
    SERVER_MESSAGES,
    Answer,
    Bye,
    Candidate,
    CloseCode,
    End,
    ErrorCode,
    Floor,
    Join,
    Offer,
    Ping,
    relayed,
)
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.frames import Limits, ProtocolError, TokenBucket, parse_message
from outreach_app.server.pages import STATIC_DIR, join_page_policy

SECRET = b"s" * 32
SESSION_A = 918273
SESSION_B = 202
ENDED_SESSION = 303
RECEIVE_SECONDS = 3.0
LIMITS = Limits(
    messages_burst=30,
    messages_per_second=5,
    errors_burst=6,
    errors_recovered_per_second=0.01,
    join_timeout_seconds=0.5,
)


def in_an_hour() -> int:
    return int(time.time()) + 3600


def in_days(days: int) -> int:
    return int(time.time()) + days * 86400


def site_token(session_id: int, site_id: int, *, expires_at: int | None = None) -> str:
    return issue_site_token(SECRET, session_id, site_id, expires_at or in_an_hour())


def host_token(session_id: int) -> str:
    return issue_host_token(SECRET, session_id, in_an_hour())


class Peer:
    """One WebSocket client with helpers to send and expect JSON messages."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws

    async def send(self, message: object) -> None:
        await self.ws.send_str(json.dumps(message))

    async def receive(self) -> dict[str, Any]:
        frame = await self.ws.receive(timeout=RECEIVE_SECONDS)
        assert frame.type is aiohttp.WSMsgType.TEXT, frame
        message = json.loads(frame.data)
        assert isinstance(message, dict)
        return message

    async def expect(self, type_name: str, **fields: object) -> dict[str, Any]:
        message = await self.receive()
        assert message["type"] == type_name, message
        assert {key: message.get(key) for key in fields} == fields, message
        return message

    async def expect_error(self, code: str) -> dict[str, Any]:
        message = await self.expect("error", code=code)
        assert isinstance(message["message"], str) and message["message"]
        return message

    async def close_code(self) -> int | None:
        """Read until the server closes the connection; the code in its close frame."""
        while True:
            frame = await self.ws.receive(timeout=RECEIVE_SECONDS)
            if frame.type is aiohttp.WSMsgType.CLOSE:
                code: int = frame.data
                return code
            if frame.type is aiohttp.WSMsgType.CLOSED:
                return self.ws.close_code

    async def nothing_else_arrived(self) -> None:
        """A ping round trip: anything relayed to this peer earlier would arrive before the pong."""
        await self.send({"type": "ping", "id": "probe"})
        await self.expect("pong", id="probe")


@pytest.fixture
def loop_errors() -> Iterator[list[dict[str, Any]]]:
    errors: list[dict[str, Any]] = []
    yield errors
    assert errors == []


@pytest.fixture
async def server(loop_errors: list[dict[str, Any]]) -> AsyncIterator[EmbeddedServer]:
    # An exception escaping a server task must fail the test, not only print a log line.
    asyncio.get_running_loop().set_exception_handler(lambda _loop, ctx: loop_errors.append(ctx))
    embedded = EmbeddedServer(SECRET, ended_sessions={ENDED_SESSION}, limits=LIMITS)
    await embedded.start()
    yield embedded
    await embedded.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


class Connect:
    def __init__(self, server: EmbeddedServer, http: aiohttp.ClientSession) -> None:
        self._server = server
        self._http = http

    async def raw(self) -> Peer:
        return Peer(await self._http.ws_connect(f"{self._server.url}/ws"))

    async def __call__(self, token: str) -> Peer:
        peer = await self.raw()
        await peer.send({"type": "join", "token": token})
        await peer.expect("joined")
        return peer


@pytest.fixture
def connect(server: EmbeddedServer, http: aiohttp.ClientSession) -> Connect:
    return Connect(server, http)


@pytest.fixture
async def session_b(connect: Connect) -> tuple[Peer, Peer]:
    """A second session whose host and site must keep working whatever happens in A."""
    host = await connect(host_token(SESSION_B))
    site = await connect(site_token(SESSION_B, 1))
    await host.expect("peer-joined", peer=1)
    return host, site


async def assert_still_working(session: tuple[Peer, Peer]) -> None:
    host, site = session
    await host.send({"type": "offer", "to": 1, "sdp": "v=0 b-offer"})
    await site.expect("offer", sdp="v=0 b-offer")
    await site.send({"type": "answer", "to": "host", "sdp": "v=0 b-answer"})
    await host.expect("answer", sdp="v=0 b-answer")


async def test_host_and_site_exchange_offer_answer_and_candidates(connect: Connect) -> None:
    host = await connect(host_token(SESSION_A))
    site = await connect(site_token(SESSION_A, 1))
    await host.expect("peer-joined", peer=1, rejoined=False)

    await host.send({"type": "offer", "to": 1, "sdp": "v=0 offer"})
    await site.expect("offer", **{"from": "host", "sdp": "v=0 offer"})
    await site.send({"type": "answer", "to": "host", "sdp": "v=0 answer"})
    await host.expect("answer", **{"from": 1, "sdp": "v=0 answer"})
    candidate = {"candidate": "candidate:1 1 udp 1 10.0.0.2 5000 typ host", "sdpMid": "0"}
    await site.send({"type": "candidate", "to": "host", **candidate, "sdpMLineIndex": 0})
    await host.expect("candidate", **{"from": 1, **candidate, "sdpMLineIndex": 0})
    await host.send({"type": "bye", "to": 1, "reason": "done"})
    await site.expect("bye", **{"from": "host", "reason": "done"})


async def test_join_replies_say_who_is_present_and_who_has_the_floor(connect: Connect) -> None:
    site = await connect.raw()
    await site.send({"type": "join", "token": site_token(SESSION_A, 2), "session_id": SESSION_A})
    await site.expect("joined", role="site", session_id=SESSION_A, site_id=2, peers=[], floor=None)

    host = await connect.raw()
    await host.send({"type": "join", "token": host_token(SESSION_A)})
    await host.expect("joined", role="host", site_id=None, peers=[2])
    await site.expect("peer-joined", peer="host")
    await host.send({"type": "floor", "site_id": 2})
    await site.expect("floor", site_id=2)

    late = await connect.raw()
    await late.send({"type": "join", "token": site_token(SESSION_A, 1)})
    await late.expect("joined", peers=["host"], floor=2)


async def test_peers_learn_when_the_other_side_leaves(connect: Connect) -> None:
    host = await connect(host_token(SESSION_A))
    site = await connect(site_token(SESSION_A, 1))
    await host.expect("peer-joined", peer=1)

    await site.ws.close()
    await host.expect("peer-left", peer=1)
    site = await connect(site_token(SESSION_A, 1))
    await host.expect("peer-joined", peer=1)
    await host.ws.close()
    await site.expect("peer-left", peer="host")


async def test_a_second_connection_with_the_same_token_replaces_the_first(
    connect: Connect,
) -> None:
    host = await connect(host_token(SESSION_A))
    token = site_token(SESSION_A, 1)
    first = await connect(token)
    await host.expect("peer-joined", peer=1, rejoined=False)

    second = await connect(token)
    await first.expect_error("replaced")
    assert await first.close_code() == CloseCode.REPLACED
    await host.expect("peer-joined", peer=1, rejoined=True)
    await host.send({"type": "offer", "to": 1, "sdp": "v=0 again"})
    await second.expect("offer", sdp="v=0 again")
    # The replaced connection's departure must not remove the new one.
    await host.nothing_else_arrived()


@pytest.mark.parametrize(
    ("make_token", "code", "close_code"),
    [
        (lambda: issue_site_token(b"x" * 32, SESSION_A, 1, in_an_hour()), "token_invalid", 4001),
        (lambda: site_token(SESSION_A, 1, expires_at=int(time.time()) - 1), "token_expired", 4001),
        (lambda: site_token(ENDED_SESSION, 1), "session_ended", 4004),
        (lambda: issue_host_token(SECRET, ENDED_SESSION, in_an_hour()), "session_ended", 4004),
        (lambda: "o1.not.atoken", "token_invalid", 4001),
        (lambda: site_token(SESSION_A, 1)[:-2], "token_invalid", 4001),
        (lambda: site_token(SESSION_A, 1, expires_at=in_days(31)), "token_invalid", 4001),
        (lambda: issue_host_token(SECRET, SESSION_A, in_days(3)), "token_invalid", 4001),
    ],
    ids=[
        "wrong-secret",
        "expired",
        "ended-session",
        "ended-host",
        "garbage",
        "truncated",
        "site-too-far-ahead",
        "host-too-far-ahead",
    ],
)
async def test_tokens_that_do_not_admit_are_refused_and_disconnected(
    connect: Connect, session_b: tuple[Peer, Peer], make_token: Any, code: str, close_code: int
) -> None:
    peer = await connect.raw()
    await peer.send({"type": "join", "token": make_token()})

    await peer.expect_error(code)
    assert await peer.close_code() == close_code
    await assert_still_working(session_b)


async def test_a_token_of_another_session_is_refused(connect: Connect) -> None:
    peer = await connect.raw()
    await peer.send({"type": "join", "token": site_token(SESSION_B, 1), "session_id": SESSION_A})

    await peer.expect_error("wrong_session")
    assert await peer.close_code() == CloseCode.UNAUTHORIZED


async def test_ending_a_session_closes_its_room_and_refuses_its_tokens(
    server: EmbeddedServer, connect: Connect, session_b: tuple[Peer, Peer]
) -> None:
    token = site_token(SESSION_A, 1)
    host = await connect(host_token(SESSION_A))
    site = await connect(token)
    await host.expect("peer-joined", peer=1)

    server.signaling.end_session(SESSION_A)

    for peer in (host, site):
        await peer.expect_error("session_ended")
        assert await peer.close_code() == CloseCode.SESSION_ENDED
    replay = await connect.raw()
    await replay.send({"type": "join", "token": token})
    await replay.expect_error("session_ended")
    await assert_still_working(session_b)


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "malformed_json"),
        ('{"type": "ping", "id": NaN}', "malformed_json"),
        ("[" * 50_000 + "]" * 50_000, "too_large"),
        ("[" * 30_000 + "]" * 30_000, "malformed_json"),
        (json.dumps({"type": "offer", "to": "host", "sdp": "x" * 70_000}), "too_large"),
        (json.dumps({"type": "listparticipants", "room": SESSION_B}), "unknown_type"),
        (json.dumps({"kind": "offer"}), "invalid_message"),
        (json.dumps(["offer"]), "invalid_message"),
        (json.dumps({"type": "offer", "to": "host"}), "invalid_message"),
        (json.dumps({"type": "answer", "sdp": "v=0"}), "invalid_message"),
        (json.dumps({"type": "candidate", "to": True, "candidate": "c"}), "invalid_message"),
        (json.dumps({"type": "floor"}), "invalid_message"),
        (json.dumps({"type": "joined"}), "unknown_type"),
        (json.dumps({"type": "join", "token": site_token(SESSION_A, 2)}), "already_joined"),
        (b"\x00\x01binary", "malformed_json"),
    ],
    ids=[
        "malformed",
        "nan",
        "oversized-nesting",
        "deep-nesting",
        "oversized",
        "unknown-type",
        "no-type",
        "not-an-object",
        "missing-sdp",
        "missing-to",
        "bad-address",
        "floor-without-site",
        "server-only-type",
        "second-join",
        "binary",
    ],
)
async def test_bad_messages_are_answered_with_errors_while_other_sessions_go_on(
    connect: Connect, session_b: tuple[Peer, Peer], frame: str | bytes, code: str
) -> None:
    host = await connect(host_token(SESSION_A))
    site = await connect(site_token(SESSION_A, 1))

    if isinstance(frame, bytes):
        await site.ws.send_bytes(frame)
    else:
        await site.ws.send_str(frame)

    await site.expect_error(code)
    await assert_still_working(session_b)
    # The offender stays connected and its own session keeps working too.
    await site.nothing_else_arrived()
    await site.send({"type": "answer", "to": "host", "sdp": "v=0 after"})
    await host.expect("peer-joined", peer=1)
    await host.expect("answer", sdp="v=0 after")


async def test_a_frame_beyond_the_hard_limit_closes_only_that_connection(
    connect: Connect, session_b: tuple[Peer, Peer]
) -> None:
    site = await connect(site_token(SESSION_A, 1))

    await site.ws.send_str("x" * (LIMITS.max_message_bytes * 4 + 1))

    assert await site.close_code() == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
    await assert_still_working(session_b)


async def test_a_message_before_join_is_refused_and_join_still_works(connect: Connect) -> None:
    peer = await connect.raw()
    await peer.send({"type": "offer", "to": "host", "sdp": "v=0"})
    await peer.expect_error("not_joined")

    await peer.send({"type": "join", "token": site_token(SESSION_A, 1)})
    await peer.expect("joined", site_id=1)


async def test_a_connection_that_never_joins_is_closed(connect: Connect) -> None:
    peer = await connect.raw()

    await peer.expect_error("join_timeout")
    assert await peer.close_code() == CloseCode.JOIN_TIMEOUT


async def test_websocket_pings_do_not_keep_a_connection_that_never_joins(
    connect: Connect,
) -> None:
    peer = await connect.raw()
    opened = time.monotonic()

    async def ping_until_closed() -> None:
        with contextlib.suppress(ConnectionError):
            while not peer.ws.closed:
                await peer.ws.ping()
                await asyncio.sleep(0.02)

    pinging = asyncio.create_task(ping_until_closed())
    try:
        # The client's receive() restarts its own timeout with each pong, too.
        async with asyncio.timeout(RECEIVE_SECONDS):
            await peer.expect_error("join_timeout")
            assert await peer.close_code() == CloseCode.JOIN_TIMEOUT
    finally:
        pinging.cancel()
    assert time.monotonic() - opened < LIMITS.join_timeout_seconds + 0.5


async def test_pings_before_joining_do_not_extend_the_time_to_join(connect: Connect) -> None:
    # The pre-call check pings before it joins (if ever); the deadline stays where it was.
    peer = await connect.raw()
    opened = time.monotonic()
    for number in range(100):
        await peer.send({"type": "ping", "id": str(number)})
        message = await peer.receive()
        if message["type"] != "pong":
            break
        await asyncio.sleep(0.02)
    assert message["code"] == "join_timeout"
    assert await peer.close_code() == CloseCode.JOIN_TIMEOUT
    assert time.monotonic() - opened < LIMITS.join_timeout_seconds + 0.5


async def test_a_flood_is_rate_limited_then_disconnected_while_other_sessions_go_on(
    connect: Connect, session_b: tuple[Peer, Peer]
) -> None:
    flooder = await connect(site_token(SESSION_A, 1))

    for index in range(200):
        await flooder.send({"type": "ping", "id": index})
    replies: list[dict[str, Any]] = []
    close_code = None
    while close_code is None:
        frame = await flooder.ws.receive(timeout=RECEIVE_SECONDS)
        if frame.type is aiohttp.WSMsgType.TEXT:
            replies.append(json.loads(frame.data))
        else:
            close_code = frame.data

    kinds = [reply.get("code", reply["type"]) for reply in replies]
    assert kinds[0] == "pong"
    assert "rate_limited" in kinds
    assert kinds[-1] == "too_many_errors"
    assert kinds.count("pong") <= LIMITS.messages_burst + 5
    assert close_code == CloseCode.ABUSE
    await assert_still_working(session_b)


async def test_repeated_bad_messages_disconnect_the_sender(connect: Connect) -> None:
    peer = await connect(site_token(SESSION_A, 1))

    for _ in range(int(LIMITS.errors_burst) + 1):
        await peer.ws.send_str("{broken")
        await peer.expect_error("malformed_json")

    await peer.expect_error("too_many_errors")
    assert await peer.close_code() == CloseCode.ABUSE


async def test_a_site_cannot_address_another_site_or_another_session(
    connect: Connect, session_b: tuple[Peer, Peer]
) -> None:
    host_a = await connect(host_token(SESSION_A))
    site_a1 = await connect(site_token(SESSION_A, 1))
    site_a2 = await connect(site_token(SESSION_A, 2))
    host_b, site_b1 = session_b

    await site_a1.send({"type": "offer", "to": 2, "sdp": "v=0 sideways"})
    await site_a1.expect_error("forbidden")
    await site_a1.send({"type": "floor", "site_id": 1})
    await site_a1.expect_error("forbidden")
    # Site 1 of session B is not reachable from session A, even by its host.
    await host_a.expect("peer-joined", peer=1)
    await host_a.expect("peer-joined", peer=2)
    await host_a.send({"type": "offer", "to": 3, "sdp": "v=0 elsewhere"})
    await host_a.expect_error("peer_unavailable")
    await host_a.send({"type": "offer", "to": "host", "sdp": "v=0 self"})
    await host_a.expect_error("forbidden")

    for bystander in (site_a2, host_b, site_b1):
        await bystander.nothing_else_arrived()
    await site_a1.send({"type": "offer", "to": "host", "sdp": "v=0 proper"})
    await host_a.expect("offer", **{"from": 1, "sdp": "v=0 proper"})


async def test_the_floor_reaches_only_the_sites_of_that_session(
    connect: Connect, session_b: tuple[Peer, Peer]
) -> None:
    host_a = await connect(host_token(SESSION_A))
    site_a1 = await connect(site_token(SESSION_A, 1))
    site_a2 = await connect(site_token(SESSION_A, 2))

    await host_a.send({"type": "floor", "site_id": 2})

    for site in (site_a1, site_a2):
        await site.expect("floor", **{"from": "host", "site_id": 2})
    await session_b[1].nothing_else_arrived()


async def test_a_site_alone_is_told_the_host_is_not_connected(connect: Connect) -> None:
    site = await connect(site_token(SESSION_A, 1))

    await site.send({"type": "offer", "to": "host", "sdp": "v=0"})

    await site.expect_error("peer_unavailable")


async def test_health_tells_strangers_only_that_the_server_is_up_and_rooms_go_when_empty(
    server: EmbeddedServer, http: aiohttp.ClientSession, connect: Connect
) -> None:
    async def health() -> dict[str, Any]:
        async with http.get(f"{server.url}/health") as response:
            assert response.status == 200
            body: dict[str, Any] = await response.json()
            return body

    assert await health() == {"status": "ok"}
    host = await connect(host_token(SESSION_A))
    site = await connect(site_token(SESSION_B, 1))
    assert len(server.signaling.rooms) == 2 and len(server.signaling.connections) == 2
    assert await health() == {"status": "ok"}

    await host.ws.close()
    await site.ws.close()
    deadline = time.monotonic() + RECEIVE_SECONDS
    while server.signaling.connections and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert server.signaling.connections == set()
    assert server.signaling.rooms == {}


async def test_the_join_page_opens_for_a_valid_invitation(
    server: EmbeddedServer, http: aiohttp.ClientSession
) -> None:
    token = site_token(SESSION_A, 1)
    async with http.get(f"{server.url}/join/{token}") as response:
        body = await response.text()
        assert response.status == 200
        assert response.content_type == "text/html"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["Cache-Control"] == "no-store"
        host = server.url.removeprefix("http://")
        policy = response.headers["Content-Security-Policy"]
        assert policy == join_page_policy(host)
    assert "script-src 'self';" in policy and "'unsafe" not in policy
    assert f"connect-src 'self' ws://{host} wss://{host};" in policy
    # The same static page for every invitation: nothing from the request is written into it.
    assert token not in body and str(SESSION_A) not in body
    assert '<script type="module" src="../static/join.js"></script>' in body
    assert "<script>" not in body and " style=" not in body and "http" not in body


@pytest.mark.parametrize(
    "host", ["evil.example; script-src *", "a b", "x" * 300, "h:123456", "[::1]x", ""]
)
def test_a_strange_host_header_never_reaches_the_join_page_policy(host: str) -> None:
    assert join_page_policy(host) == join_page_policy(None)
    assert "connect-src 'self';" in join_page_policy(host)


async def test_the_join_page_files_are_served_and_nothing_else(
    server: EmbeddedServer, http: aiohttp.ClientSession
) -> None:
    modules = (
        "protocol",
        "strings",
        "memory",
        "signaling",
        "link",
        "media_server",
        "devices",
        "view",
        "check",
    )
    for name, content_type in (
        ("join.js", "text/javascript"),
        *((f"{module}.js", "text/javascript") for module in modules),
        ("join.css", "text/css"),
        ("icon.svg", "image/svg+xml"),
    ):
        async with http.get(f"{server.url}/static/{name}") as response:
            assert response.status == 200, name
            assert response.content_type == content_type
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert await response.read() == (STATIC_DIR / name).read_bytes()
    for name in ("join.html", "missing.js", "..%2Fapp.py", "%2E%2E"):
        async with http.get(f"{server.url}/static/{name}") as response:
            assert response.status == 404, name


@pytest.mark.parametrize(
    ("make_token", "phrase"),
    [
        (lambda: site_token(SESSION_A, 1, expires_at=int(time.time()) - 60), "expired"),
        (lambda: issue_site_token(b"x" * 32, SESSION_A, 1, in_an_hour()), "not valid"),
        (lambda: "o1.garbage.here", "not valid"),
        (lambda: host_token(SESSION_A), "not valid"),
        (lambda: site_token(ENDED_SESSION, 1), "has ended"),
        (lambda: site_token(SESSION_A, 1, expires_at=in_days(31)), "opens closer to the day"),
    ],
    ids=["expired", "wrong-secret", "garbage", "host-credential", "ended-session", "too-early"],
)
async def test_the_join_page_refuses_bad_invitations_without_naming_the_session(
    server: EmbeddedServer, http: aiohttp.ClientSession, make_token: Any, phrase: str
) -> None:
    async with http.get(f"{server.url}/join/{make_token()}") as response:
        body = await response.text()
        assert response.status == 403
    assert phrase in body
    assert str(SESSION_A) not in body and str(ENDED_SESSION) not in body


async def test_stopping_the_server_closes_open_connections(
    server: EmbeddedServer, connect: Connect
) -> None:
    host = await connect(host_token(SESSION_A))

    await server.stop()

    await host.expect_error("shutting_down")
    assert await host.close_code() == CloseCode.GOING_AWAY
    assert not server.running


def test_the_embedded_server_runs_on_the_apps_qasync_loop() -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    async def join_and_stop() -> tuple[dict[str, Any], bool]:
        embedded = EmbeddedServer(SECRET)
        url = await embedded.start()
        assert url.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as http:
            peer = Peer(await http.ws_connect(f"{url}/ws"))
            await peer.send({"type": "join", "token": host_token(SESSION_A)})
            joined = await peer.receive()
            await embedded.stop()
            return joined, await peer.close_code() == CloseCode.GOING_AWAY

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    try:
        joined, closed_cleanly = loop.run_until_complete(join_and_stop())
    finally:
        loop.close()
    assert joined["type"] == "joined"
    assert closed_cleanly


# Protocol validation on its own: whatever arrives, parse_message returns a message or raises
# ProtocolError, never anything else.

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
message_like = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            [*sorted(CLIENT_MESSAGES.type_names() | SERVER_MESSAGES.type_names()), "nonsense"]
        )
    },
    optional={
        "to": st.one_of(st.just("host"), st.integers(), json_values),
        "sdp": st.one_of(st.text(max_size=30), json_values),
        "token": st.one_of(st.text(max_size=30), json_values),
        "session_id": json_values,
        "site_id": st.one_of(st.integers(min_value=-3, max_value=2**60), json_values),
        "candidate": json_values,
        "sdpMid": json_values,
        "sdpMLineIndex": st.one_of(st.integers(), json_values),
        "reason": json_values,
        "id": st.one_of(st.integers(), st.text(max_size=80), json_values),
    },
)


def parses_or_refuses(frame: str | bytes) -> None:
    try:
        message = parse_message(frame)
    except ProtocolError as error:
        assert error.code in set(ErrorCode)
        assert error.message
    else:
        assert isinstance(message, CLIENT_MESSAGES.classes)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_value_parses_or_raises_a_protocol_error(value: object) -> None:
    parses_or_refuses(json.dumps(value))


@settings(max_examples=400, deadline=None)
@given(message_like)
def test_message_shaped_objects_parse_or_raise_a_protocol_error(value: dict[str, object]) -> None:
    parses_or_refuses(json.dumps(value))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_any_text_or_bytes_parses_or_raises_a_protocol_error(frame: str | bytes) -> None:
    parses_or_refuses(frame)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"type": "join", "token": "t"}, Join("t")),
        ({"type": "join", "token": "t", "session_id": 4}, Join("t", 4)),
        ({"type": "offer", "to": "host", "sdp": "v=0", "extra": [1]}, Offer("host", "v=0")),
        ({"type": "answer", "to": 3, "sdp": "v=0"}, Answer(3, "v=0")),
        ({"type": "candidate", "to": 3, "candidate": None}, Candidate(3, None)),
        ({"type": "floor", "site_id": None}, Floor(None)),
        ({"type": "bye", "to": "host"}, Bye("host")),
        ({"type": "ping"}, Ping()),
        ({"type": "ping", "id": "abc"}, Ping("abc")),
        ({"type": "end", "reason": "ignored"}, End()),
    ],
)
def test_valid_messages_become_typed_values(value: object, expected: object) -> None:
    assert parse_message(json.dumps(value)) == expected


@pytest.mark.parametrize(
    "value",
    [
        {"type": "offer", "to": 1.0, "sdp": "v=0"},
        {"type": "offer", "to": -1, "sdp": "v=0"},
        {"type": "offer", "to": "site", "sdp": "v=0"},
        {"type": "offer", "to": 2**60, "sdp": "v=0"},
        {"type": "offer", "to": "host", "sdp": ""},
        {"type": "join", "token": "t", "session_id": True},
        {"type": "candidate", "to": 1, "candidate": "c" * 5000},
        {"type": "ping", "id": [1]},
        {"type": 7},
    ],
)
def test_fields_of_the_wrong_type_or_size_are_invalid(value: object) -> None:
    with pytest.raises(ProtocolError) as raised:
        parse_message(json.dumps(value))
    assert raised.value.code is ErrorCode.INVALID_MESSAGE


def test_relayed_messages_escape_lone_surrogates_instead_of_failing() -> None:
    message = parse_message('{"type": "offer", "to": "host", "sdp": "\\ud800"}')
    assert isinstance(message, Offer)

    text = to_json(relayed(message, 1))

    assert json.loads(text)["sdp"] == "\ud800"
    text.encode("utf-8")


def test_the_token_bucket_allows_a_burst_then_the_refill_rate() -> None:
    now = [0.0]
    bucket = TokenBucket(3, 2.0, clock=lambda: now[0])

    assert [bucket.try_take() for _ in range(4)] == [True, True, True, False]
    now[0] += 0.5
    assert [bucket.try_take() for _ in range(2)] == [True, False]
    now[0] += 100
    assert sum(bucket.try_take() for _ in range(10)) == 3


# Issue 5: the host ends a session through the server (a standalone server learns it this way),
# forged tokens naming another site or session, and a client that stops reading.


async def test_the_host_ends_the_session_and_its_invitations_are_refused_from_then_on(
    server: EmbeddedServer, connect: Connect, session_b: tuple[Peer, Peer]
) -> None:
    site_invitation = site_token(SESSION_A, 1)
    host_credential = host_token(SESSION_A)
    host = await connect(host_credential)
    site = await connect(site_invitation)
    await host.expect("peer-joined", peer=1)

    await host.send({"type": "end"})

    for peer in (host, site):
        await peer.expect_error("session_ended")
        assert await peer.close_code() == CloseCode.SESSION_ENDED
    assert server.signaling.is_ended(SESSION_A)
    for token in (site_invitation, host_credential, site_token(SESSION_A, 2)):
        replay = await connect.raw()
        await replay.send({"type": "join", "token": token})
        await replay.expect_error("session_ended")
        assert await replay.close_code() == CloseCode.SESSION_ENDED
    await assert_still_working(session_b)


async def test_a_site_cannot_end_the_session(connect: Connect) -> None:
    host = await connect(host_token(SESSION_A))
    site = await connect(site_token(SESSION_A, 1))
    await host.expect("peer-joined", peer=1)

    await site.send({"type": "end"})

    await site.expect_error("forbidden")
    await site.send({"type": "offer", "to": "host", "sdp": "v=0 still on"})
    await host.expect("offer", sdp="v=0 still on")


async def test_ended_sessions_are_handed_to_the_callback_once() -> None:
    ended: list[int] = []
    embedded = EmbeddedServer(SECRET, on_session_ended=ended.append)
    await embedded.start()
    try:
        embedded.signaling.end_session(5)
        embedded.signaling.end_session(5)
        embedded.signaling.end_session(6)
    finally:
        await embedded.stop()
    assert ended == [5, 6]


def forge(token: str, **changes: object) -> str:
    """`token` with its payload changed and the original signature kept."""
    import base64

    version, payload, mac = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    claims = {key: value for key, value in claims.items() if value is not None}
    forged = base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode())
    return f"{version}.{forged.rstrip(b'=').decode()}.{mac}"


@pytest.mark.parametrize(
    "changes",
    [{"t": 2}, {"s": SESSION_B}, {"r": "host", "t": None}, {"e": 2**40}],
    ids=["another-site", "another-session", "made-host", "longer-life"],
)
async def test_a_token_altered_to_admit_someone_else_is_refused(
    connect: Connect, session_b: tuple[Peer, Peer], changes: dict[str, object]
) -> None:
    peer = await connect.raw()
    await peer.send({"type": "join", "token": forge(site_token(SESSION_A, 1), **changes)})

    await peer.expect_error("token_invalid")
    assert await peer.close_code() == CloseCode.UNAUTHORIZED
    for bystander in session_b:
        await bystander.nothing_else_arrived()


async def raw_websocket_join(url: str, token: str) -> asyncio.StreamWriter:
    """A WebSocket client written by hand that joins with `token` and then never reads: its
    receive buffer is small, so the server soon cannot write to it any more."""
    import base64
    import os
    import socket
    import struct

    host, port = url.removeprefix("http://").rsplit(":", 1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, (host, int(port)))
    reader, writer = await asyncio.open_connection(sock=sock, limit=4096)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(
        f"GET /ws HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    assert b" 101 " in await reader.readuntil(b"\r\n\r\n")
    payload = json.dumps({"type": "join", "token": token}).encode()
    mask = os.urandom(4)
    header = struct.pack("!BBH", 0x81, 0x80 | 126, len(payload))
    writer.write(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    await writer.drain()
    return writer


async def test_a_client_that_stops_reading_is_dropped_instead_of_buffered_without_end() -> None:
    embedded = EmbeddedServer(
        SECRET, limits=Limits(messages_burst=400, messages_per_second=400, outbox_messages=8)
    )
    await embedded.start()
    try:
        async with aiohttp.ClientSession() as http:
            host = Peer(await http.ws_connect(f"{embedded.url}/ws"))
            await host.send({"type": "join", "token": host_token(SESSION_A)})
            await host.expect("joined")
            silent = await raw_websocket_join(embedded.url, site_token(SESSION_A, 1))
            await host.expect("peer-joined", peer=1)

            offer = {"type": "offer", "to": 1, "sdp": "v=0 " + "x" * 60_000}
            replies: list[dict[str, Any]] = []
            for _ in range(300):
                await host.send(offer)
                with contextlib.suppress(TimeoutError):
                    frame = await host.ws.receive(timeout=0.005)
                    replies.append(json.loads(frame.data))
                if {"type": "peer-left", "peer": 1} in replies:
                    break
            else:
                await host.expect("peer-left", peer=1)
            # Gone from the room; the host learned it; everything queued for it was dropped.
            assert 1 not in embedded.signaling.rooms[SESSION_A].members
            assert len(embedded.signaling.connections) == 1
            silent.close()
    finally:
        await embedded.stop()
