"""Fuzzing what the server accepts, end to end: random frames over real WebSockets from a host
and a site of one session while a second session looks on, and random pre-call check bodies.

Whatever arrives: the server answers with a clear error or does what was asked, never raises
into its loop, never relays anything to another session or from one site to another, and keeps
serving. The server runs on its own loop in a thread for the whole module, so that hypothesis
can drive it from ordinary (synchronous) tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import aiohttp
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from outreach_app.core.invitations import Claims, TokenRole, issue_host_token, issue_site_token
from outreach_app.core.model import CheckResult
from outreach_app.core.signaling_protocol import CloseCode, Error, ErrorCode
from outreach_app.server.checks import MAX_DETAIL_CHARS, CheckRejected, parse_check
from outreach_app.server.embedded import EmbeddedServer
from tests.server.test_signaling import json_values, message_like

SECRET = b"f" * 32
RECEIVE_SECONDS = 3.0
# What a relayed message may carry: the validated fields and the sender, nothing else.
RELAYED_FIELDS = {
    "offer": {"type", "from", "sdp"},
    "answer": {"type", "from", "sdp"},
    "candidate": {"type", "from", "candidate", "sdpMid", "sdpMLineIndex"},
    "bye": {"type", "from", "reason"},
}
# How a fuzzed connection may end: refused as abusive, or a frame beyond the hard size limit.
ACCEPTABLE_CLOSE_CODES = {CloseCode.ABUSE, aiohttp.WSCloseCode.MESSAGE_TOO_BIG}
_session_ids = itertools.count(1000, 2)


@dataclass
class LiveServer:
    server: EmbeddedServer
    loop: asyncio.AbstractEventLoop
    loop_errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    loop = asyncio.new_event_loop()
    live = LiveServer(EmbeddedServer(SECRET), loop)
    loop.set_exception_handler(lambda _loop, context: live.loop_errors.append(context))
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(live.server.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, name="fuzzed-server", daemon=True)
    thread.start()
    assert started.wait(10), "the server did not start"
    yield live
    asyncio.run_coroutine_threadsafe(live.server.stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


class Client:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse, name: str) -> None:
        self.ws = ws
        self.name = name
        self.received: list[dict[str, Any]] = []
        self.close_code: int | None = None

    async def join(self, token: str) -> None:
        await self.ws.send_str(json.dumps({"type": "join", "token": token}))
        joined = await self.next()
        assert joined is not None and joined["type"] == "joined", joined

    async def next(self) -> dict[str, Any] | None:
        """The next message, or None once the server has closed the connection."""
        if self.close_code is not None:
            return None
        frame = await self.ws.receive(timeout=RECEIVE_SECONDS)
        if frame.type is aiohttp.WSMsgType.TEXT:
            message = json.loads(frame.data)
            assert isinstance(message, dict), message
            return message
        assert frame.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), frame
        self.close_code = frame.data if frame.type is aiohttp.WSMsgType.CLOSE else -1
        return None

    async def drain(self) -> None:
        """Everything sent to this client so far (a ping's pong comes after it), or until the
        server closes the connection."""
        if self.ws.closed:
            self.close_code = self.close_code or self.ws.close_code or -1
            return
        # When the connection is already closing, read what is left, up to the close frame.
        with contextlib.suppress(ConnectionError, RuntimeError):
            await self.ws.send_str('{"type": "ping", "id": "drain"}')
        while (message := await self.next()) is not None:
            if message == {"type": "pong", "id": "drain"}:
                return
            self.received.append(message)


def check_error(message: dict[str, Any]) -> None:
    assert message["code"] in {code.value for code in ErrorCode}, message
    assert message["code"] != ErrorCode.INTERNAL.value, message
    assert isinstance(message["message"], str) and message["message"], message


peer_targets = st.one_of(st.just("host"), st.sampled_from([0, 1, 2, 3]), st.integers())
frames = st.one_of(
    message_like.map(json.dumps),
    st.fixed_dictionaries(
        {
            "type": st.sampled_from(["offer", "answer", "candidate", "bye"]),
            "to": peer_targets,
            "sdp": st.text(min_size=1, max_size=40),
            "candidate": st.one_of(st.none(), st.text(min_size=1, max_size=40)),
            "reason": st.text(max_size=20),
        }
    ).map(json.dumps),
    st.fixed_dictionaries(
        {"type": st.just("floor"), "site_id": st.one_of(st.none(), peer_targets)}
    ).map(json.dumps),
    st.sampled_from(['{"type": "end"}', '{"type": "ping"}']),
    json_values.map(json.dumps),
    st.text(max_size=60),
    st.binary(max_size=60),
)
senders = st.sampled_from(["site", "host"])


async def fuzz_once(url: str, script: list[tuple[str, str | bytes]]) -> None:
    session_a, session_b = next(_session_ids), next(_session_ids)
    expires = int(time.time()) + 3600
    async with aiohttp.ClientSession() as http:

        async def client(name: str, token: str) -> Client:
            peer = Client(await http.ws_connect(f"{url}/ws"), name)
            await peer.join(token)
            return peer

        host_a = await client("host A", issue_host_token(SECRET, session_a, expires))
        site_a1 = await client("site A1", issue_site_token(SECRET, session_a, 1, expires))
        site_a2 = await client("site A2", issue_site_token(SECRET, session_a, 2, expires))
        host_b = await client("host B", issue_host_token(SECRET, session_b, expires))
        site_b1 = await client("site B1", issue_site_token(SECRET, session_b, 1, expires))
        everyone = (host_a, site_a1, site_a2, host_b, site_b1)
        for peer in everyone:
            await peer.drain()
            peer.received.clear()

        for sender_name, frame in script:
            sender = site_a1 if sender_name == "site" else host_a
            if sender.ws.closed:
                continue
            try:
                if isinstance(frame, bytes):
                    await sender.ws.send_bytes(frame)
                else:
                    await sender.ws.send_str(frame)
            except (ConnectionError, RuntimeError):
                continue
        for peer in everyone:
            await peer.drain()

        # Session B saw nothing at all of session A.
        assert host_b.received == [] and host_b.close_code is None
        assert site_b1.received == [] and site_b1.close_code is None
        ended = any(m.get("code") == "session_ended" for m in host_a.received)
        for peer in (host_a, site_a1, site_a2):
            for message in peer.received:
                if message["type"] == Error.TYPE:
                    check_error(message)
            if ended:
                # The host ended session A: everyone in it was told and disconnected. A client
                # still sending into the closed socket may lose the close frame to the reset
                # (-1: closed without a code); it was disconnected all the same.
                assert peer.close_code in (CloseCode.SESSION_ENDED, -1, *ACCEPTABLE_CLOSE_CODES)
            else:
                assert peer.close_code in (None, *ACCEPTABLE_CLOSE_CODES), peer.name
        # Site A2 hears only the host (never site A1): the floor or the host's relayed messages.
        for message in site_a2.received:
            assert message["type"] in ("floor", "error", *RELAYED_FIELDS), message
            if message["type"] in RELAYED_FIELDS:
                assert message["from"] == "host" and set(message) == RELAYED_FIELDS[message["type"]]
        # The host hears sites of its own session, with validated fields only.
        for message in host_a.received:
            if message["type"] in RELAYED_FIELDS:
                assert message["from"] == 1 and set(message) == RELAYED_FIELDS[message["type"]]
            else:
                assert message["type"] in ("error", "pong", "peer-left", "peer-joined"), message
        for peer in (host_a, site_a1):
            event(f"{peer.name}: closed {peer.close_code}")
            for message in peer.received:
                event(f"{peer.name}: got {message.get('code', message['type'])}")
        for message in site_a2.received:
            event(f"site A2: got {message.get('code', message['type'])}")
        for peer in everyone:
            await peer.ws.close()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.tuples(senders, frames), min_size=1, max_size=12))
def test_random_frames_from_a_host_and_a_site_never_leak_or_break_the_server(
    live_server: LiveServer, script: list[tuple[str, str | bytes]]
) -> None:
    asyncio.run(asyncio.wait_for(fuzz_once(live_server.url, script), 30))
    assert live_server.loop_errors == []


def test_the_fuzzed_server_still_admits_and_relays(live_server: LiveServer) -> None:
    # Runs after the fuzzing in file order; on its own it is a plain smoke test.
    async def relay() -> None:
        session = next(_session_ids)
        expires = int(time.time()) + 3600
        async with aiohttp.ClientSession() as http:
            host = Client(await http.ws_connect(f"{live_server.url}/ws"), "host")
            site = Client(await http.ws_connect(f"{live_server.url}/ws"), "site")
            await host.join(issue_host_token(SECRET, session, expires))
            await site.join(issue_site_token(SECRET, session, 4, expires))
            await site.ws.send_str(json.dumps({"type": "offer", "to": "host", "sdp": "v=0"}))
            await host.drain()
            assert {"type": "offer", "from": 4, "sdp": "v=0"} in host.received
            async with http.get(f"{live_server.url}/health") as response:
                assert (await response.json())["status"] == "ok"

    asyncio.run(asyncio.wait_for(relay(), 20))
    assert live_server.loop_errors == []


# The pre-call check's body: a check, or CheckRejected with a reason; nothing else.

_check_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
check_like = st.fixed_dictionaries(
    {},
    optional={
        **{
            name: st.one_of(st.sampled_from([r.value for r in CheckResult]), _check_values)
            for name in ("camera", "microphone", "connection")
        },
        "round_trip_ms": st.one_of(st.floats(), st.integers(), _check_values),
        "detail": st.one_of(st.text(max_size=400), _check_values),
        "source": st.one_of(st.sampled_from(["browser", "app"]), _check_values),
    },
)
SITE_CLAIMS = Claims(5, TokenRole.SITE, 9, 2**40, "n")


def parses_or_rejects(body: bytes) -> None:
    try:
        check = parse_check(body, SITE_CLAIMS, datetime(2025, 1, 1, 12))
    except CheckRejected as rejected:
        assert str(rejected)
    else:
        assert (check.session_id, check.site_id) == (5, 9)
        assert len(check.detail) <= MAX_DETAIL_CHARS
        assert check.round_trip_ms is None or 0 <= check.round_trip_ms < 600_000


@settings(max_examples=300, deadline=None)
@given(check_like)
def test_any_check_shaped_object_is_a_check_or_rejected(value: dict[str, object]) -> None:
    parses_or_rejects(json.dumps(value).encode())


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_any_body_is_a_check_or_rejected(body: bytes) -> None:
    parses_or_rejects(body)
