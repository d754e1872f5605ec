"""`outreach-server`: clear command-line errors, the secret file, and a real TLS start."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import ssl
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from outreach_app.cli import server as server_main
from outreach_app.cli.server import main
from outreach_app.core.invitations import issue_host_token, issue_site_token
from outreach_app.server.state_files import EndedSessionsFile, load_or_create_secret
from outreach_app.server.turn import turn_credential
from tests.server.certificates import write_self_signed_certificate

ROOT = Path(__file__).resolve().parents[2]


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "70000"], "port 70000 is out of range"),
        (["--port", "-1"], "port -1 is out of range"),
        (["--port", "http"], "'http' is not a port number"),
        (["--key", "server.key"], "--key needs --cert"),
        (["--cert", "/nonexistent/server.pem"], "--cert /nonexistent/server.pem: no such file"),
        (["--max-connections", "0"], "0 is too small: at least 1"),
        (["--max-connections-per-address", "many"], "'many' is not a whole number"),
    ],
)
def test_bad_arguments_are_explained(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in usage_error(argv, capsys)


def test_connection_limits_come_from_the_options_within_the_descriptors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(server_main, "descriptor_limit", lambda: 1024)
    parser = server_main.build_parser()

    default = server_main.connection_limits(parser.parse_args([]))
    chosen = server_main.connection_limits(
        parser.parse_args(["--max-connections", "500", "--max-connections-per-address", "8"])
    )
    too_many = server_main.connection_limits(parser.parse_args(["--max-connections", "5000"]))

    assert (default.max_connections, default.max_per_address) == (960, 64)
    assert (chosen.max_connections, chosen.max_per_address) == (500, 8)
    assert too_many.max_connections == 960
    assert "--max-connections 5000 needs more open files" in capsys.readouterr().err


def test_a_missing_key_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cert = tmp_path / "server.pem"
    cert.write_text("not really a certificate")

    error = usage_error(["--cert", str(cert), "--key", str(tmp_path / "gone.key")], capsys)

    assert "--key" in error and "gone.key: no such file" in error


def test_a_certificate_that_does_not_load_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = tmp_path / "server.pem"
    cert.write_text("-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n")

    assert "cannot load the TLS certificate and key" in usage_error(["--cert", str(cert)], capsys)


def test_a_folder_as_secret_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "is a folder" in usage_error(["--secret-file", str(tmp_path)], capsys)


def test_a_secret_file_with_nonsense_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text("c2hvcnQ=\n")

    assert "shorter than 32 bytes" in usage_error(["--secret-file", str(secret_file)], capsys)


def test_the_secret_file_is_created_private_and_then_reused(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"

    secret = load_or_create_secret(secret_file)

    assert len(secret) == 32
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert load_or_create_secret(secret_file) == secret


@pytest.mark.slow
def test_the_standalone_server_serves_https_and_accepts_tokens_signed_with_its_secret(
    tmp_path: Path,
) -> None:
    cert, key = write_self_signed_certificate(tmp_path)
    secret_file = tmp_path / "secret"
    argv = [
        "--port",
        "0",
        "--cert",
        str(cert),
        "--key",
        str(key),
        "--secret-file",
        str(secret_file),
    ]
    server = subprocess.Popen(
        [sys.executable, "-m", "outreach_app.cli.server", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line.startswith("Outreach signaling server listening on https://127.0.0.1:"), line
        url = line.rsplit(" ", 1)[1].strip()
        context = ssl.create_default_context(cafile=str(cert))
        with urllib.request.urlopen(f"{url}/health", context=context, timeout=5) as response:
            assert json.load(response) == {"status": "ok"}
            assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
        token = issue_site_token(load_or_create_secret(secret_file), 1, 1, int(time.time()) + 60)
        with urllib.request.urlopen(f"{url}/join/{token}", context=context, timeout=5) as page:
            assert page.status == 200
            assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    finally:
        server.send_signal(signal.SIGTERM)
        _, stderr = server.communicate(timeout=10)
    assert server.returncode == 0, stderr


# Issue 5: a standalone server remembers ended sessions across restarts and hands out TURN
# credentials of its own.


def test_the_ended_sessions_file_keeps_ids_and_skips_nonsense(tmp_path: Path) -> None:
    path = tmp_path / "ended-sessions"
    path.write_text("12\nnot a number\n\n7\n")

    ended = EndedSessionsFile(path)
    ended.add(30)
    ended.add(30)

    assert 12 in ended and 7 in ended and 30 in ended and 8 not in ended
    assert path.read_text() == "12\nnot a number\n\n7\n30\n"
    assert 30 in EndedSessionsFile(path)
    assert 5 not in EndedSessionsFile(tmp_path / "missing")


def start_standalone(argv: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "outreach_app.cli.server", "--port", "0", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
    )
    assert server.stdout is not None and server.stderr is not None
    line = server.stdout.readline()
    assert "listening on https://127.0.0.1:" in line, line or server.stderr.read()
    return server, line.rsplit(" ", 1)[1].strip()


def stop_standalone(server: subprocess.Popen[str]) -> None:
    server.send_signal(signal.SIGTERM)
    _, stderr = server.communicate(timeout=10)
    assert server.returncode == 0, stderr


async def join(
    url: str, cert: Path, token: str, then: dict[str, object] | None = None
) -> list[dict[str, Any]]:
    """Join over wss with `token` (trusting `cert`), send `then` if given, and return what the
    server says until it closes the connection or goes quiet."""
    import aiohttp

    assert url.startswith("https://")
    context = ssl.create_default_context(cafile=str(cert))
    replies: list[dict[str, Any]] = []
    ws_url = "wss://" + url.removeprefix("https://") + "/ws"
    async with aiohttp.ClientSession() as http, http.ws_connect(ws_url, ssl=context) as ws:
        await ws.send_json({"type": "join", "token": token})
        if then is not None:
            replies.append(await ws.receive_json(timeout=5))
            await ws.send_json(then)
        while True:
            try:
                frame = await ws.receive(timeout=1)
            except TimeoutError:
                return replies
            if frame.type is not aiohttp.WSMsgType.TEXT:
                return replies
            replies.append(json.loads(frame.data))


@pytest.mark.slow
def test_a_restarted_standalone_server_still_refuses_a_session_its_host_ended(
    tmp_path: Path,
) -> None:
    # Over wss, with TURN credentials made by the server.
    cert, key = write_self_signed_certificate(tmp_path)
    secret_file = tmp_path / "secret"
    turn_secret = "coturn static auth secret"
    argv = [
        *("--cert", str(cert), "--key", str(key)),
        *("--secret-file", str(secret_file)),
        *("--turn-url", "turn:127.0.0.1:3478"),
    ]
    env = {"OUTREACH_TURN_SECRET": turn_secret}
    server, url = start_standalone(argv, env)
    try:
        secret = load_or_create_secret(secret_file)
        expires = int(time.time()) + 3600
        site = issue_site_token(secret, 1, 1, expires)
        (joined, *after_end) = asyncio.run(
            join(url, cert, issue_host_token(secret, 1, expires), then={"type": "end"})
        )
        (turn,) = joined["ice_servers"]
        assert turn["urls"] == "turn:127.0.0.1:3478"
        assert turn["username"].endswith(":s1-host")
        assert (
            turn["credential"]
            == turn_credential(
                turn_secret, "s1-host", int(turn["username"].split(":")[0]), 0
            ).credential
        )
        assert [reply.get("code") for reply in after_end] == ["session_ended"]
        assert asyncio.run(join(url, cert, site))[0]["code"] == "session_ended"
    finally:
        stop_standalone(server)
    assert (tmp_path / "ended-sessions").read_text() == "1\n"

    server, url = start_standalone(argv, env)
    try:
        assert asyncio.run(join(url, cert, site))[0]["code"] == "session_ended"
        other = issue_site_token(secret, 2, 1, expires)
        assert asyncio.run(join(url, cert, other))[0]["type"] == "joined"
    finally:
        stop_standalone(server)
