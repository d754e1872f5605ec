"""TURN REST credentials: the pure function, the checks on the settings, and what the server
hands each participant in ``joined``. (tests/call/test_turn.py runs them against coturn.)"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from outreach_app.cli.server import build_parser, turn_settings
from outreach_app.core.invitations import issue_host_token, issue_site_token
from outreach_app.core.settings_rules import IceServer
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.turn import (
    DEFAULT_LIFETIME_SECONDS,
    TurnRest,
    turn_credential,
    turn_user,
)

SECRET = b"k" * 32
TURN_SECRET = "a shared secret for coturn"
NOW = 1_700_000_000.0
LIFETIME = 3600


def test_the_credential_is_the_base64_hmac_sha1_of_the_user_name() -> None:
    # Computed independently: echo -n 1700000000:s7-site3 | openssl dgst -sha1 -hmac ... | base64
    credential = turn_credential(TURN_SECRET, "s7-site3", NOW, 0)

    assert credential.username == "1700000000:s7-site3"
    assert credential.credential == "HQ2RYr5HZjYld1af54BgGZGk9pA="
    assert credential.expires_at == 1_700_000_000


def test_the_user_name_carries_the_expiry() -> None:
    credential = turn_credential(TURN_SECRET, "s7-host", NOW + 0.9, LIFETIME)

    assert credential.expires_at == int(NOW) + LIFETIME
    assert credential.username == f"{int(NOW) + LIFETIME}:s7-host"
    assert turn_credential(TURN_SECRET, "s7-host", NOW + 1, LIFETIME) != credential


@pytest.mark.parametrize("user", ["", "a:b", "a b", "站点", "x" * 65, "s1\n"])
def test_a_user_that_would_break_the_user_name_is_refused(user: str) -> None:
    with pytest.raises(ValueError, match="TURN user"):
        turn_credential(TURN_SECRET, user, NOW)


@pytest.mark.parametrize(
    ("urls", "secret", "lifetime", "message"),
    [
        ((), TURN_SECRET, LIFETIME, "at least one TURN URL"),
        (("stun:turn.example.org:3478",), TURN_SECRET, LIFETIME, "not a TURN URL"),
        (("turn:bad host:3478",), TURN_SECRET, LIFETIME, "not a TURN URL"),
        (("turn:turn.example.org:99999",), TURN_SECRET, LIFETIME, "not a TURN URL"),
        (("turn:turn.example.org:3478",), "short", LIFETIME, "at least 16 characters"),
        (("turn:turn.example.org:3478",), TURN_SECRET, 10, "lifetime"),
        (("turn:turn.example.org:3478",), TURN_SECRET, 10**9, "lifetime"),
    ],
)
def test_turn_settings_that_cannot_work_are_refused_with_a_reason(
    urls: tuple[str, ...], secret: str, lifetime: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        TurnRest(urls, secret, lifetime)


def test_turn_and_turns_urls_with_a_transport_are_accepted() -> None:
    rest = TurnRest(
        ("turn:turn.example.org:3478", "turns:turn.example.org:5349?transport=tcp"), TURN_SECRET
    )
    servers = rest.ice_servers("s1-host", NOW)

    assert [server.url for server in servers] == list(rest.urls)
    assert len({(server.username, server.credential) for server in servers}) == 1
    assert servers[0].username == f"{int(NOW) + DEFAULT_LIFETIME_SECONDS}:s1-host"


def test_a_credential_never_outlives_the_invitation_it_comes_with() -> None:
    rest = TurnRest(("turn:turn.example.org:3478",), TURN_SECRET, LIFETIME)

    (soon,) = rest.ice_servers("s1-site1", NOW, not_after=int(NOW) + 600)
    (later,) = rest.ice_servers("s1-site1", NOW, not_after=int(NOW) + LIFETIME * 5)

    assert soon.username == f"{int(NOW) + 600}:s1-site1"
    assert later.username == f"{int(NOW) + LIFETIME}:s1-site1"


@pytest.fixture
async def server() -> AsyncIterator[EmbeddedServer]:
    embedded = EmbeddedServer(
        SECRET,
        clock=lambda: NOW,
        ice_servers=[IceServer("stun:stun.example.cn:3478")],
        turn=TurnRest(("turn:127.0.0.1:3478",), TURN_SECRET, LIFETIME),
    )
    await embedded.start()
    yield embedded
    await embedded.stop()


async def joined_with(server: EmbeddedServer, token: str) -> dict[str, object]:
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{server.url}/ws") as ws:
        await ws.send_json({"type": "join", "token": token})
        joined: dict[str, object] = await ws.receive_json(timeout=3)
    assert joined["type"] == "joined", joined
    return joined


async def test_each_participant_gets_turn_credentials_of_its_own_in_joined(
    server: EmbeddedServer,
) -> None:
    expires = int(NOW) + 7200
    seen: dict[str, object] = {}
    for name, token in (
        ("host", issue_host_token(SECRET, 7, expires)),
        ("site 3", issue_site_token(SECRET, 7, 3, expires)),
        ("site 4", issue_site_token(SECRET, 7, 4, expires)),
        ("other session", issue_site_token(SECRET, 8, 3, expires)),
    ):
        seen[name] = (await joined_with(server, token))["ice_servers"]

    def turn_entry(user: str) -> dict[str, str]:
        credential = turn_credential(TURN_SECRET, user, NOW, LIFETIME)
        return {
            "urls": "turn:127.0.0.1:3478",
            "username": credential.username,
            "credential": credential.credential,
        }

    stun = {"urls": "stun:stun.example.cn:3478"}
    assert seen == {
        "host": [stun, turn_entry(turn_user(7, None))],
        "site 3": [stun, turn_entry("s7-site3")],
        "site 4": [stun, turn_entry("s7-site4")],
        "other session": [stun, turn_entry("s8-site3")],
    }


async def test_a_participant_whose_invitation_ends_soon_gets_a_credential_that_ends_with_it(
    server: EmbeddedServer,
) -> None:
    expires = int(NOW) + 900
    joined = await joined_with(server, issue_site_token(SECRET, 7, 3, expires))

    servers = joined["ice_servers"]
    assert isinstance(servers, list)
    turn = servers[1]
    assert turn["username"] == f"{expires}:s7-site3"
    assert turn["credential"] == turn_credential(TURN_SECRET, "s7-site3", NOW, 900).credential


def parse(argv: list[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    parser = build_parser()
    return parser, parser.parse_args(argv)


def test_the_standalone_server_reads_the_turn_secret_from_a_file_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret_file = tmp_path / "turn-secret"
    secret_file.write_text(TURN_SECRET + "\n")
    monkeypatch.delenv("OUTREACH_TURN_SECRET", raising=False)
    monkeypatch.delenv("OUTREACH_TURN_URLS", raising=False)

    assert turn_settings(*parse([])) is None
    from_file = turn_settings(
        *parse(["--turn-url", "turn:t.example.org:3478", "--turn-secret-file", str(secret_file)])
    )
    assert from_file == TurnRest(("turn:t.example.org:3478",), TURN_SECRET)

    monkeypatch.setenv("OUTREACH_TURN_SECRET", TURN_SECRET)
    monkeypatch.setenv("OUTREACH_TURN_URLS", "turn:a.example.org:3478, turns:a.example.org:5349")
    from_environment = turn_settings(*parse(["--turn-lifetime", "7200"]))
    assert from_environment == TurnRest(
        ("turn:a.example.org:3478", "turns:a.example.org:5349"), TURN_SECRET, 7200
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--turn-url", "turn:t.example.org:3478"], "--turn-url needs the TURN secret"),
        (["--turn-secret-file", "{secret}"], "--turn-secret-file needs --turn-url"),
        (
            ["--turn-url", "turn:t.example.org:3478", "--turn-secret-file", "/nonexistent/s"],
            "--turn-secret-file /nonexistent/s",
        ),
        (
            ["--turn-url", "http://t.example.org", "--turn-secret-file", "{secret}"],
            "not a TURN URL",
        ),
        (
            ["--turn-url", "turn:t.example.org", "--turn-secret-file", "{short}"],
            "at least 16 characters",
        ),
    ],
    ids=["no-secret", "no-url", "missing-file", "bad-url", "short-secret"],
)
def test_bad_turn_options_are_explained(
    argv: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("OUTREACH_TURN_SECRET", raising=False)
    monkeypatch.delenv("OUTREACH_TURN_URLS", raising=False)
    (tmp_path / "secret").write_text(TURN_SECRET)
    (tmp_path / "short").write_text("abc")
    argv = [a.format(secret=tmp_path / "secret", short=tmp_path / "short") for a in argv]

    with pytest.raises(SystemExit) as raised:
        turn_settings(*parse(argv))

    assert raised.value.code == 2
    assert message in capsys.readouterr().err
