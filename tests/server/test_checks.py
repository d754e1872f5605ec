"""Pre-call checks: the check page in real Chromium, what it posts, and what the server accepts."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio
from playwright.async_api import Browser

from outreach_app.core.invitations import (
    generate_secret,
    issue_host_token,
    issue_site_token,
    join_url,
)
from outreach_app.core.model import CheckResult, SiteCheck
from outreach_app.core.settings_rules import IceServer
from outreach_app.server.checks import CHECK_POSTS_BURST
from outreach_app.server.embedded import EmbeddedServer
from tests.netns import NetworkNamespace
from tests.server.conftest import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

SESSION, SITE = 31, 8
GOOD = {"camera": "ok", "microphone": "ok", "connection": "ok", "round_trip_ms": 2.5}


def in_an_hour() -> int:
    return int(time.time()) + 3600


@pytest.fixture
def secret() -> bytes:
    return generate_secret()


@pytest.fixture
def heard() -> list[SiteCheck]:
    return []


@pytest_asyncio.fixture(loop_scope="session")
async def server(secret: bytes, heard: list[SiteCheck]) -> AsyncIterator[EmbeddedServer]:
    async def on_check(check: SiteCheck) -> None:
        heard.append(check)

    embedded = EmbeddedServer(
        secret,
        on_check=on_check,
        ice_servers=[IceServer("turn:turn.example.cn:3478", "u", "p")],
    )
    await embedded.start()
    yield embedded
    await embedded.stop()


def check_url(server: EmbeddedServer, secret: bytes, site: int = SITE) -> str:
    link = join_url(server.url, issue_site_token(secret, SESSION, site, in_an_hour()))
    return link.replace("/join/", "/check/")


async def test_a_posted_check_is_kept_passed_on_and_shown_to_the_host(
    server: EmbeddedServer, secret: bytes, heard: list[SiteCheck]
) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(check_url(server, secret), json={**GOOD, "camera": "denied"}) as r:
            assert r.status == 200 and (await r.json()) == {"stored": True, "passed": False}
        host = issue_host_token(secret, SESSION, in_an_hour())
        async with http.get(
            f"{server.url}/checks", headers={"Authorization": f"Bearer {host}"}
        ) as r:
            listed = (await r.json())["checks"]
        site_token = issue_site_token(secret, SESSION, SITE, in_an_hour())
        async with http.get(
            f"{server.url}/checks", headers={"Authorization": f"Bearer {site_token}"}
        ) as r:
            assert r.status == 403
        async with http.get(f"{server.url}/checks") as r:
            assert r.status == 401
    assert [(c.site_id, c.camera, c.passed) for c in heard] == [(SITE, CheckResult.DENIED, False)]
    assert listed[0]["site_id"] == SITE and listed[0]["camera"] == "denied"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not json", 400),
        (b"[1, 2]", 400),
        (json.dumps({**GOOD, "camera": "brilliant"}).encode(), 400),
        (json.dumps({**GOOD, "round_trip_ms": True}).encode(), 400),
        (json.dumps({**GOOD, "round_trip_ms": -1}).encode(), 400),
        (json.dumps({**GOOD, "detail": 5}).encode(), 400),
        (json.dumps({**GOOD, "source": "satellite"}).encode(), 400),
        (b"{" + b" " * 5000 + b"}", 413),
    ],
    ids=["text", "array", "bad-part", "bool-time", "negative-time", "detail", "source", "huge"],
)
async def test_a_bad_check_is_refused_with_a_reason_and_nothing_is_kept(
    server: EmbeddedServer, secret: bytes, heard: list[SiteCheck], body: bytes, status: int
) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(
            check_url(server, secret), data=body, headers={"Content-Type": "application/json"}
        ) as response:
            assert response.status == status
            assert "error" in await response.json()
        async with http.get(f"{server.url}/health") as response:
            assert response.status == 200
    assert heard == []


async def test_a_check_whose_body_arrives_in_pieces_is_read_whole(
    server: EmbeddedServer, secret: bytes, heard: list[SiteCheck]
) -> None:
    body = json.dumps(GOOD).encode()
    path = check_url(server, secret).removeprefix(server.url)
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(
        f"POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body[:10]
    )
    await writer.drain()
    await asyncio.sleep(0.2)
    writer.write(body[10:])

    answer = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    assert answer.startswith(b"HTTP/1.1 200 "), answer
    assert [check.site_id for check in heard] == [SITE]


async def test_the_check_page_needs_a_valid_invitation(
    server: EmbeddedServer, secret: bytes
) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(check_url(server, secret)) as response:
            assert response.status == 200
            assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        forged = check_url(server, generate_secret())
        async with http.get(forged) as response:
            assert response.status == 403
        async with http.post(forged, json=GOOD) as response:
            assert response.status == 403


async def test_ping_answers_before_joining_and_sites_learn_the_ice_servers(
    server: EmbeddedServer, secret: bytes
) -> None:
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{server.url}/ws") as ws:
        await ws.send_json({"type": "ping", "id": 1})
        assert (await ws.receive_json())["type"] == "pong"
        assert not server.signaling.rooms  # nobody entered a room
        await ws.send_json(
            {"type": "join", "token": issue_site_token(secret, SESSION, SITE, in_an_hour())}
        )
        joined = await ws.receive_json()
    assert joined["ice_servers"] == [
        {"urls": "turn:turn.example.cn:3478", "username": "u", "credential": "p"}
    ]


async def test_the_check_page_tests_camera_microphone_and_server_in_chromium(
    browser: Browser,
    network_namespace: NetworkNamespace,
    browser_server_port: int,
    secret: bytes,
    heard: list[SiteCheck],
) -> None:
    async def on_check(check: SiteCheck) -> None:
        heard.append(check)

    embedded = EmbeddedServer(
        secret,
        host=network_namespace.root_address,
        port=browser_server_port,
        on_check=on_check,
    )
    await embedded.start()
    context = await browser.new_context(locale="zh-CN")
    try:
        page = await context.new_page()
        await page.goto(check_url(embedded, secret))
        await eventually(
            lambda: page.evaluate("window.outreachCheck.done"), "the check finished", 20
        )
        result = await page.evaluate("window.outreachCheck.result")
        assert (result["camera"], result["microphone"], result["connection"]) == (
            "ok",
            "ok",
            "ok",
        )
        assert await page.evaluate("window.outreachCheck.posted") is True
        assert "一切正常" in await page.inner_text("#summary")
        await page.screenshot(path="/tmp/check_page.png", full_page=True)
    finally:
        await context.close()
        await embedded.stop()
    (check,) = heard
    assert check.passed and check.source == "browser" and check.round_trip_ms is not None


async def test_a_site_posting_checks_in_a_loop_is_slowed_down_and_nothing_more_is_kept(
    server: EmbeddedServer, secret: bytes, heard: list[SiteCheck]
) -> None:
    statuses: list[int] = []
    async with aiohttp.ClientSession() as http:
        for _ in range(int(CHECK_POSTS_BURST) + 3):
            async with http.post(check_url(server, secret), json=GOOD) as response:
                statuses.append(response.status)
                if response.status == 429:
                    assert "too many checks" in (await response.json())["error"]
                    assert response.headers["Retry-After"] == "60"
        # Another site of the session has a budget of its own.
        async with http.post(check_url(server, secret, site=SITE + 1), json=GOOD) as response:
            assert response.status == 200

    assert statuses == [200] * int(CHECK_POSTS_BURST) + [429] * 3
    assert [check.site_id for check in heard] == [SITE] * int(CHECK_POSTS_BURST) + [SITE + 1]
