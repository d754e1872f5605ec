"""Connections that never show who they are cannot hold the server: idle and half-sent HTTP
requests are cut, each address and all strangers together are capped, and participants who have
joined keep being served while strangers' sockets pile up, also in a real `outreach-server`
that may open only a few hundred files.

Loopback has a whole /8: connections made from 127.0.0.2, 127.0.1.7, ... come from different
addresses as far as the server can tell.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import signal
import ssl
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest

from outreach_app.core.invitations import issue_host_token, issue_site_token
from outreach_app.core.model import SiteCheck
from outreach_app.server.admission import (
    DEFAULT_MAX_PER_ADDRESS,
    Admission,
    ConnectionLimits,
    Ticket,
    address_key,
    connections_allowed_by,
)
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.http_policy import STRICT_TRANSPORT_SECURITY
from outreach_app.server.state_files import load_or_create_secret
from tests.server.certificates import write_self_signed_certificate

ROOT = Path(__file__).resolve().parents[2]
SECRET = b"c" * 32
SESSION = 44
GOOD_CHECK = {"camera": "ok", "microphone": "ok", "connection": "ok", "round_trip_ms": 2.5}
QUICK = ConnectionLimits(
    max_connections=40,
    max_per_address=40,
    idle_seconds=0.4,
    request_body_seconds=0.4,
    tls_handshake_seconds=0.4,
)
# How late a deadline may fire on a busy two-core machine.
SLACK_SECONDS = 0.8


def in_an_hour() -> int:
    return int(time.time()) + 3600


# The decisions, without sockets.


class FakeTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.closed = False

    def abort(self) -> None:
        self.closed = True

    def close(self) -> None:
        self.closed = True


def admit(admission: Admission, address: str) -> tuple[Ticket, FakeTransport]:
    ticket = admission.admit(address)
    assert ticket is not None, address
    transport = FakeTransport()
    admission.attach(ticket, transport)
    return ticket, transport


def test_strangers_from_one_address_are_capped_and_members_do_not_count() -> None:
    admission = Admission(ConnectionLimits(max_connections=100, max_per_address=2))
    _, first = admit(admission, "198.51.100.7")
    second, _ = admit(admission, "198.51.100.7")

    assert admission.admit("198.51.100.7") is None
    assert admission.admit("198.51.100.8") is not None
    assert admission.trust(first)
    assert admission.admit("198.51.100.7") is not None
    assert admission.admit("198.51.100.7") is None
    admission.release(second)
    admission.release(second)
    assert admission.admit("198.51.100.7") is not None
    assert admission.refused == 2
    assert (admission.members, admission.strangers) == (1, 3)


def test_an_ipv6_slash_64_counts_as_one_address_and_mapped_ipv4_as_ipv4() -> None:
    assert address_key("2001:db8:1:2::5") == address_key("2001:db8:1:2:ffff::1")
    assert address_key("2001:db8:1:2::5") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::5") != address_key("2001:db8:1:2::5")
    assert address_key("::ffff:198.51.100.7") == "198.51.100.7"
    assert address_key("fe80::1%eth0") == "fe80::/64"
    assert address_key("/run/outreach.sock") == "/run/outreach.sock"


def test_when_the_strangers_share_is_full_the_oldest_stranger_makes_room() -> None:
    # Eight in all, six of them for strangers.
    admission = Admission(ConnectionLimits(max_connections=8, max_per_address=10))
    _, member = admit(admission, "203.0.113.200")
    admission.trust(member)
    strangers = [admit(admission, f"203.0.113.{n}")[1] for n in range(6)]

    newcomer, _ = admit(admission, "203.0.113.99")

    assert [transport.closed for transport in strangers] == [True] + [False] * 5
    assert not member.closed
    assert (admission.members, admission.strangers, admission.pushed_out) == (1, 6, 1)
    assert not newcomer.released


def test_members_are_never_pushed_out_and_a_server_full_of_members_refuses() -> None:
    admission = Admission(ConnectionLimits(max_connections=4, max_per_address=10))
    members = []
    for n in range(4):
        ticket, transport = admit(admission, f"203.0.113.{n}")
        assert admission.trust(transport)
        members.append((ticket, transport))

    assert admission.admit("203.0.113.50") is None
    assert not any(transport.closed for _, transport in members)
    admission.release(members[0][0])
    assert admission.admit("203.0.113.50") is not None


def test_a_connection_pushed_out_during_its_handshake_is_cancelled_and_never_opens() -> None:
    admission = Admission(ConnectionLimits(max_connections=1, max_per_address=10))
    cancelled: list[bool] = []
    handshaking = admission.admit("203.0.113.1")
    assert handshaking is not None
    handshaking.close_with(lambda: cancelled.append(True))

    assert admission.admit("203.0.113.2") is not None

    assert cancelled == [True]
    late = FakeTransport()
    admission.attach(handshaking, late)
    assert late.closed
    assert not admission.trust(late)


def test_the_default_cap_leaves_descriptors_for_everything_else() -> None:
    assert connections_allowed_by(256) == 192
    assert connections_allowed_by(8192) == 4096
    assert connections_allowed_by(None) == 500
    assert connections_allowed_by(10) == 1
    assert ConnectionLimits(max_connections=100).max_strangers == 75


# A server in this process, and raw clients.


@contextlib.asynccontextmanager
async def running(
    limits: ConnectionLimits,
    *,
    ssl_context: ssl.SSLContext | None = None,
    on_check: Callable[[SiteCheck], Awaitable[None]] | None = None,
) -> AsyncIterator[EmbeddedServer]:
    server = EmbeddedServer(
        SECRET, connection_limits=limits, ssl_context=ssl_context, on_check=on_check
    )
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def host_and_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    return parts.hostname, parts.port


async def open_from(
    url: str, source: str = "127.0.0.1"
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    host, port = host_and_port(url)
    return await asyncio.open_connection(host, port, local_addr=(source, 0))


async def read_until_closed(reader: asyncio.StreamReader, timeout: float) -> bytes:
    """Everything the server sends until it closes the connection (a reset counts as closed)."""
    received = b""
    with contextlib.suppress(ConnectionResetError):
        async with asyncio.timeout(timeout):
            while chunk := await reader.read(4096):
                received += chunk
    return received


async def still_open(reader: asyncio.StreamReader, seconds: float = 0.3) -> bool:
    try:
        await asyncio.wait_for(reader.read(1), seconds)
    except TimeoutError:
        return True
    except ConnectionResetError:
        return False
    return False


async def eventually(condition: Callable[[], bool], what: str, timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.02)


def check_path(site: int = 1) -> str:
    return f"/check/{issue_site_token(SECRET, SESSION, site, in_an_hour())}"


async def test_a_connection_that_sends_nothing_is_closed_after_the_idle_time() -> None:
    async with running(QUICK) as server:
        started = time.monotonic()
        reader, writer = await open_from(server.url)

        assert await read_until_closed(reader, 3) == b""
        assert QUICK.idle_seconds * 0.8 < time.monotonic() - started
        assert time.monotonic() - started < QUICK.idle_seconds + SLACK_SECONDS
        writer.close()


async def test_a_kept_alive_connection_is_closed_once_idle() -> None:
    async with running(QUICK) as server:
        reader, writer = await open_from(server.url)
        writer.write(b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
        await reader.readuntil(b"\r\n\r\n")
        answered = time.monotonic()

        assert b'{"status": "ok"}' in await read_until_closed(reader, 3)
        assert time.monotonic() - answered < QUICK.idle_seconds + SLACK_SECONDS
        writer.close()


async def test_a_request_head_sent_a_byte_at_a_time_is_cut_at_the_idle_time() -> None:
    async with running(QUICK) as server:
        started = time.monotonic()
        reader, writer = await open_from(server.url)

        async def trickle() -> None:
            head = b"GET /health HTTP/1.1\r\nHost: test\r\nX-Slow: " + b"a" * 4000
            for byte in head:
                if reader.at_eof() or writer.is_closing():
                    return
                writer.write(bytes([byte]))
                await asyncio.sleep(0.01)

        trickling = asyncio.create_task(trickle())
        try:
            assert await read_until_closed(reader, 3) == b""
        finally:
            trickling.cancel()
        assert time.monotonic() - started < QUICK.idle_seconds + SLACK_SECONDS
        writer.close()


async def test_a_request_body_sent_a_byte_at_a_time_is_answered_408_and_cut() -> None:
    async with running(QUICK) as server:
        reader, writer = await open_from(server.url)
        writer.write(
            f"POST {check_path()} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            "Content-Length: 1000\r\n\r\n{".encode()
        )
        started = time.monotonic()

        async def trickle() -> None:
            while not (reader.at_eof() or writer.is_closing()):
                writer.write(b" ")
                await asyncio.sleep(0.02)

        trickling = asyncio.create_task(trickle())
        try:
            answer = await read_until_closed(reader, 3)
        finally:
            trickling.cancel()
        assert answer.startswith(b"HTTP/1.1 408 ")
        assert time.monotonic() - started < QUICK.request_body_seconds + SLACK_SECONDS
        assert server.checks.latest == {}
        writer.close()


async def test_a_body_that_ends_after_the_answer_is_read_and_dropped_quietly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with running(QUICK) as server:
        reader, writer = await open_from(server.url)
        writer.write(
            b"POST /check/not-a-token HTTP/1.1\r\nHost: test\r\nContent-Length: 20\r\n\r\n{"
        )
        assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 403 ")
        writer.write(b" " * 18 + b"}")
        writer.write(b"GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")

        assert b'{"status": "ok"}' in await read_until_closed(reader, 3)
        writer.close()
    assert [record for record in caplog.records if record.levelname == "ERROR"] == []


async def test_once_the_body_has_arrived_the_handler_may_take_longer_than_the_deadline() -> None:
    heard: list[SiteCheck] = []

    async def slow_listener(check: SiteCheck) -> None:
        await asyncio.sleep(QUICK.request_body_seconds * 2)
        heard.append(check)

    async with (
        running(QUICK, on_check=slow_listener) as server,
        aiohttp.ClientSession() as http,
        http.post(server.url + check_path(), json=GOOD_CHECK) as response,
    ):
        assert response.status == 200
        assert await response.json() == {"stored": True, "passed": True}
    assert len(heard) == 1


async def test_connections_over_the_cap_of_their_address_are_refused_at_once() -> None:
    limits = ConnectionLimits(max_connections=40, max_per_address=3)
    async with running(limits) as server:
        held = [await open_from(server.url, "127.0.0.2") for _ in range(3)]
        await eventually(lambda: server.admission.strangers == 3, "three connections held")

        reader, writer = await open_from(server.url, "127.0.0.2")
        started = time.monotonic()
        assert await read_until_closed(reader, 3) == b""
        assert time.monotonic() - started < 0.5
        writer.close()
        assert all([await still_open(r) for r, _ in held])

        async with (
            aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(local_addr=("127.0.0.3", 0))
            ) as http,
            http.get(f"{server.url}/health") as response,
        ):
            assert response.status == 200

        held[0][1].close()
        await eventually(lambda: server.admission.strangers == 2, "the closed one released")
        reader, writer = await open_from(server.url, "127.0.0.2")
        writer.write(b"GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        assert (await read_until_closed(reader, 3)).startswith(b"HTTP/1.1 200 ")
        writer.close()
        for _, held_writer in held:
            held_writer.close()
    assert server.admission.refused == 1


class Participant:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws

    async def expect(self, type_name: str) -> dict[str, Any]:
        message = await self.ws.receive_json(timeout=5)
        assert message["type"] == type_name, message
        assert isinstance(message, dict)
        return message


async def join(http: aiohttp.ClientSession, url: str, token: str) -> Participant:
    participant = Participant(await http.ws_connect(f"{url}/ws"))
    await participant.ws.send_json({"type": "join", "token": token})
    await participant.expect("joined")
    return participant


async def relay_and_ping(host: Participant, site: Participant, site_id: int) -> None:
    await site.ws.send_json({"type": "offer", "to": "host", "sdp": "v=0 offer"})
    offer = await host.expect("offer")
    assert offer["from"] == site_id
    await host.ws.send_json({"type": "answer", "to": site_id, "sdp": "v=0 answer"})
    assert (await site.expect("answer"))["sdp"] == "v=0 answer"
    for participant in (host, site):
        await participant.ws.send_json({"type": "ping", "id": "p"})
        assert (await participant.expect("pong"))["id"] == "p"


async def test_members_keep_working_while_strangers_are_pushed_out_to_make_room() -> None:
    limits = ConnectionLimits(max_connections=8, max_per_address=8)
    async with running(limits) as server, aiohttp.ClientSession() as http:
        host = await join(http, server.url, issue_host_token(SECRET, SESSION, in_an_hour()))
        first = await join(http, server.url, issue_site_token(SECRET, SESSION, 1, in_an_hour()))
        await host.expect("peer-joined")
        assert server.admission.members == 2

        idle = [await open_from(server.url, f"127.0.1.{n}") for n in range(1, 21)]
        await eventually(lambda: server.admission.pushed_out >= 14, "strangers pushed out")
        assert server.admission.total <= limits.max_connections

        await relay_and_ping(host, first, 1)
        second = await join(http, server.url, issue_site_token(SECRET, SESSION, 2, in_an_hour()))
        await host.expect("peer-joined")
        await relay_and_ping(host, second, 2)
        async with http.get(f"{server.url}/health") as response:
            assert await response.json() == {"status": "ok"}
        assert server.admission.members == 3
        assert sum([not await still_open(reader, 0.05) for reader, _ in idle]) >= 14
        for _, writer in idle:
            writer.close()


async def test_over_tls_a_silent_client_is_dropped_and_every_response_carries_hsts(
    tmp_path: Path,
) -> None:
    cert, key = write_self_signed_certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    trusting = ssl.create_default_context(cafile=str(cert))
    async with running(QUICK, ssl_context=context) as server:
        started = time.monotonic()
        reader, writer = await open_from(server.url)
        assert await read_until_closed(reader, 3) == b""
        assert time.monotonic() - started < QUICK.tls_handshake_seconds + SLACK_SECONDS
        writer.close()
        await eventually(lambda: server.admission.total == 0, "the silent one released")

        async with aiohttp.ClientSession() as http:
            for path, status in (("/health", 200), ("/nowhere", 404), ("/join/nonsense", 403)):
                async with http.get(f"{server.url}{path}", ssl=trusting) as response:
                    assert response.status == status
                    assert response.headers["Strict-Transport-Security"] == (
                        STRICT_TRANSPORT_SECURITY
                    )
            ws_url = "wss://" + server.url.removeprefix("https://") + "/ws"
            async with http.ws_connect(ws_url, ssl=trusting) as ws:
                await ws.send_json(
                    {"type": "join", "token": issue_host_token(SECRET, SESSION, in_an_hour())}
                )
                assert (await ws.receive_json(timeout=5))["type"] == "joined"
                assert server.admission.members == 1

    async with (
        running(QUICK) as plain,
        aiohttp.ClientSession() as http,
        http.get(f"{plain.url}/health") as response,
    ):
        assert "Strict-Transport-Security" not in response.headers


# The real command with few descriptors.

DESCRIPTORS = 256
IDLE_SOCKETS = 400
PING_SOCKETS = 40
GREEDY_SOCKETS = 100


class Flood:
    """Strangers' sockets that never sign in, reopened as the server closes them."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.opened = 0
        self.closed_by_server = 0
        self.refused_at_once = 0
        self.stop = asyncio.Event()
        self._writers: list[asyncio.StreamWriter] = []
        self._opening = asyncio.Semaphore(64)

    async def idle_socket(self, source: str) -> None:
        while not self.stop.is_set():
            try:
                async with self._opening:
                    reader, writer = await open_from(self.url, source)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            self.opened += 1
            self._writers.append(writer)
            reader_closed = asyncio.create_task(read_until_closed(reader, 60))
            stopped = asyncio.create_task(self.stop.wait())
            await asyncio.wait({reader_closed, stopped}, return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            reader_closed.cancel()
            if not self.stop.is_set():
                self.closed_by_server += 1

    async def ping_socket(self, source: str) -> None:
        connector = aiohttp.TCPConnector(local_addr=(source, 0), limit=0)
        async with aiohttp.ClientSession(connector=connector) as http:
            while not self.stop.is_set():
                try:
                    async with self._opening:
                        ws = await http.ws_connect(f"{self.url}/ws", heartbeat=None)
                except (aiohttp.ClientError, OSError):
                    await asyncio.sleep(0.05)
                    continue
                self.opened += 1
                with contextlib.suppress(aiohttp.ClientError, ConnectionError):
                    while not ws.closed and not self.stop.is_set():
                        await ws.ping()
                        await asyncio.sleep(0.1)
                if not self.stop.is_set():
                    self.closed_by_server += 1
                await ws.close()

    async def greedy_address(self, source: str, count: int) -> None:
        """`count` connections at once from one address; counts those refused at once."""
        opened = await asyncio.gather(
            *(open_from(self.url, source) for _ in range(count)), return_exceptions=True
        )
        readers = []
        for outcome in opened:
            if isinstance(outcome, BaseException):
                self.refused_at_once += 1
            else:
                readers.append(outcome[0])
                self._writers.append(outcome[1])
        open_now = await asyncio.gather(*(still_open(reader) for reader in readers))
        self.refused_at_once += open_now.count(False)

    def close(self) -> None:
        for writer in self._writers:
            writer.close()


async def flood_and_use(url: str, secret: bytes) -> Flood:
    flood = Flood(url)
    async with aiohttp.ClientSession() as http:
        host = await join(http, url, issue_host_token(secret, SESSION, in_an_hour()))
        await flood.greedy_address("127.0.40.1", GREEDY_SOCKETS)
        tasks = [
            *(
                asyncio.create_task(flood.idle_socket(f"127.0.{1 + n // 20}.{1 + n % 20}"))
                for n in range(IDLE_SOCKETS)
            ),
            *(
                asyncio.create_task(flood.ping_socket(f"127.0.30.{1 + n}"))
                for n in range(PING_SOCKETS)
            ),
        ]
        try:
            while flood.opened < DESCRIPTORS * 2:
                await asyncio.sleep(0.05)
            for _ in range(3):
                async with (
                    aiohttp.ClientSession() as fresh,
                    fresh.get(f"{url}/health") as response,
                ):
                    assert await response.json() == {"status": "ok"}
            site = await join(http, url, issue_site_token(secret, SESSION, 1, in_an_hour()))
            await host.expect("peer-joined")
            await relay_and_ping(host, site, 1)
            while flood.opened < DESCRIPTORS * 3:
                await asyncio.sleep(0.05)
            await relay_and_ping(host, site, 1)
        finally:
            flood.stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            flood.close()
    return flood


@pytest.mark.slow
def test_a_server_with_few_descriptors_keeps_serving_participants_while_idle_sockets_pile_up(
    tmp_path: Path,
) -> None:
    secret_file = tmp_path / "secret"
    secret = load_or_create_secret(secret_file)

    def few_descriptors() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (DESCRIPTORS, DESCRIPTORS))

    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "outreach_app.cli.server"),
            *("--port", "0", "--secret-file", str(secret_file), "--verbose"),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=few_descriptors,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert "listening on http://127.0.0.1:" in line, line
        url = line.rsplit(" ", 1)[1].strip()
        flood = asyncio.run(asyncio.wait_for(flood_and_use(url, secret), 40))
    finally:
        server.send_signal(signal.SIGTERM)
        _, stderr = server.communicate(timeout=15)
    assert server.returncode == 0, stderr
    # Never out of descriptors: accept() would have failed, and /health with it.
    assert "cannot accept" not in stderr and "Too many open files" not in stderr, stderr
    assert flood.opened >= DESCRIPTORS * 3
    assert flood.closed_by_server >= DESCRIPTORS
    assert flood.refused_at_once == GREEDY_SOCKETS - DEFAULT_MAX_PER_ADDRESS
