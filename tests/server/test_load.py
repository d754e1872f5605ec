"""Many sessions at once through one server: every message reaches the peer it was addressed
to, in its own session, in order, exactly once. (Timing and memory: `python -m tests.bench
--part server-load`, which drives the standalone server with the same clients.)"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from outreach_app.core.invitations import generate_secret
from outreach_app.server.embedded import EmbeddedServer
from tests.bench.server_load import FIRST_SESSION, Participant, run_load

SESSIONS, SITES = 20, 4


@pytest.fixture
def secret() -> bytes:
    return generate_secret()


@pytest.fixture
async def server(secret: bytes) -> AsyncIterator[EmbeddedServer]:
    embedded = EmbeddedServer(secret)
    await embedded.start()
    yield embedded
    await embedded.stop()


async def test_100_connections_in_20_sessions_each_get_exactly_their_own_messages(
    server: EmbeddedServer, secret: bytes
) -> None:
    sessions = range(FIRST_SESSION, FIRST_SESSION + SESSIONS)

    tally = await run_load(
        server.url, secret, sessions, SITES, rate=2.0, warmup_seconds=0.5, seconds=2.0
    )

    assert tally.connections == SESSIONS * (1 + SITES) == 100
    assert tally.problems == []
    assert tally.missing == 0
    # Each pair exchanged messages both ways for 2.5 s at 2 a second.
    assert tally.sent >= SESSIONS * SITES * 2 * 4
    assert tally.received == tally.sent
    assert tally.latencies_ms
    for _ in range(100):
        if not server.signaling.connections:
            break
        await asyncio.sleep(0.02)
    assert server.signaling.connections == set() and server.signaling.rooms == {}


def test_the_load_clients_notice_a_message_from_another_session() -> None:
    # The check the load test relies on, fed a message relayed across sessions.
    site = Participant(ws=None, session=5, address=1)  # type: ignore[arg-type]
    site.peers = ["host"]
    stamp = "candidate:1 1 udp 1 198.51.100.7 1 typ srflx"
    site.check(f'{{"type": "candidate", "from": "host", "candidate": "{stamp} 5 host 1 0 1"}}')
    site.check(f'{{"type": "candidate", "from": "host", "candidate": "{stamp} 6 host 1 0 1"}}')
    site.check(f'{{"type": "candidate", "from": "host", "candidate": "{stamp} 5 host 1 2 1"}}')

    assert len(site.problems) == 2
    assert "session 6" in site.problems[0] and "#2, expected #1" in site.problems[1]


@pytest.mark.slow
def test_the_server_load_benchmark_prints_every_measurement(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.bench import __main__ as bench

    bench.main(["--part", "server-load", "--quick", "--load-sessions", "4", "--load-sites", "2"])

    table = capsys.readouterr().out
    for row in (
        "reference: relay, 1 session (3 conn.)",
        "relay, 4 sessions (12 conn.)",
        "max latency / ratio p99 to reference",
        "messages relayed / lost / misrouted",
        "server memory idle / peak / after",
        "clients: send lag p99 / CPU",
        "memory per connection / server CPU",
    ):
        assert row in table, row
    # Timing depends on the machine's load; correctness does not.
    (relayed,) = [line for line in table.splitlines() if "relayed / lost / misrouted" in line]
    assert relayed.split("|")[2].strip().endswith(" / 0 / 0") and relayed.rstrip("| ").endswith(
        "yes"
    ), relayed
