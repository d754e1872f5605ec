"""Janus next to `outreach-server`: the configuration it writes, the options that point the server
at it, and the check that it works, as the README's deployment does them."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from outreach_app.call.ice import host_addresses
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.cli.server import main
from outreach_app.core.invitations import issue_host_token
from outreach_app.core.signaling_protocol import ChooseEngine, EngineState
from outreach_app.janus import check as janus_check
from outreach_app.janus.config import (
    MAIN_FILE_NAME,
    SECRET_FILE_NAME,
    TRANSPORT_FILE_NAME,
    VIDEOROOM_FILE_NAME,
    JanusConfiguration,
    new_secret,
)
from outreach_app.server.state_files import load_or_create_secret
from tests.janus import JanusProcess, free_port
from tests.netns import NetworkNamespace

ROOT = Path(__file__).resolve().parents[2]


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    return capsys.readouterr().err


def test_the_configuration_keeps_janus_to_what_outreach_uses(tmp_path: Path) -> None:
    configuration = JanusConfiguration(
        new_secret(), ("eth0", "192.0.2.10"), public_addresses=("203.0.113.10",)
    )
    files = configuration.files(tmp_path)
    main_file, transport, videoroom = (
        files[MAIN_FILE_NAME],
        files[TRANSPORT_FILE_NAME],
        files[VIDEOROOM_FILE_NAME],
    )
    assert f'api_secret = "{configuration.secret}"' in main_file
    assert 'ice_enforce_list = "eth0,192.0.2.10"' in main_file
    assert 'nat_1_1_mapping = "203.0.113.10"' in main_file
    assert "full_trickle = false" in main_file
    assert 'rtp_port_range = "20000-20999"' in main_file
    for unwanted in ("http", "nanomsg", "pfunix", "mqtt", "rabbitmq"):
        assert f"libjanus_{unwanted}.so" in main_file.split("transports: {")[1].split("}")[0]
    for demo in ("echotest", "streaming", "audiobridge", "sip", "textroom", "videocall"):
        assert f"libjanus_{demo}.so" in main_file.split("plugins: {")[1].split("}")[0]
    assert "libjanus_videoroom.so" not in main_file
    assert 'ws_ip = "127.0.0.1"' in transport and "admin_ws = false" in transport
    assert "wss = false" in transport and "admin_wss = false" in transport
    assert f'admin_key = "{configuration.secret}"' in videoroom
    assert "room-" not in videoroom  # no demo rooms


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ((), "at least one interface"),
        (("127.0.0.1",), "cannot carry media"),
        (("0.0.0.0",), "cannot carry media"),
        (("eth0; rm -rf /",), "neither an IP address nor an interface name"),
    ],
)
def test_media_must_name_real_interfaces(entries: tuple[str, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        JanusConfiguration(new_secret(), entries)


def test_janus_config_writes_private_files_and_keeps_its_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "janus"
    argv = ["janus-config", "--folder", str(folder), "--ice", "eth0", "--rtp-ports", "30000-30199"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    secret_file = folder / SECRET_FILE_NAME
    assert f"--janus ws://127.0.0.1:8188 --janus-secret-file {secret_file}" in printed
    assert "30000-30199" in printed
    for name in (MAIN_FILE_NAME, TRANSPORT_FILE_NAME, VIDEOROOM_FILE_NAME, SECRET_FILE_NAME):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    secret = secret_file.read_text().strip()
    assert secret in (folder / MAIN_FILE_NAME).read_text()
    # Written again (another interface), the secret stays: the server's copy still fits.
    assert main([*argv[:3], "--ice", "eth1"]) == 0
    assert secret_file.read_text().strip() == secret
    assert "eth1" in (folder / MAIN_FILE_NAME).read_text()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--janus", "ws://127.0.0.1:8188"], "--janus needs --janus-secret-file"),
        (["--janus-secret-file", "/tmp/x"], "--janus-secret-file needs --janus"),
        (["--janus", "ws://192.0.2.1:8188", "--janus-secret-file", "/tmp/x"], "loopback"),
        (["--janus", "ws://127.0.0.1:8188", "--janus-secret-file", "/nonexistent"], "No such"),
    ],
)
def test_bad_janus_options_are_explained(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in usage_error(argv, capsys)


def test_janus_check_says_whether_janus_does_what_sessions_need(
    janus: JanusProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_file = tmp_path / "janus-secret"
    secret_file.write_text(janus.configuration.secret + "\n")
    argv = ["--janus", janus.access.url, "--janus-secret-file", str(secret_file)]
    assert janus_check.main(argv) == 0
    out = capsys.readouterr().out
    assert "Janus 1." in out and "refuses rooms to anyone without the secret" in out
    secret_file.write_text(new_secret() + "\n")
    assert janus_check.main(argv) == 1
    janus.stop()
    assert janus_check.main(argv) == 1


async def test_the_standalone_server_runs_sessions_on_the_janus_it_was_given(
    tmp_path: Path, network_namespace: NetworkNamespace
) -> None:
    # As deployed: janus-config writes the files, Janus starts from them, outreach-server is
    # pointed at it; a host that chooses Janus finds its room ready.
    folder = tmp_path / "janus"
    assert (
        main(
            [
                "janus-config",
                "--folder",
                str(folder),
                "--ice",
                network_namespace.root_address,
                "--api-port",
                str(free_port()),
                "--rtp-ports",
                "31000-31099",
            ]
        )
        == 0
    )
    api_port = next(
        int(line.split("=")[1])
        for line in (folder / TRANSPORT_FILE_NAME).read_text().splitlines()
        if "ws_port" in line
    )
    janus = subprocess.Popen(
        ["janus", "--configs-folder", str(folder), "--config", str(folder / MAIN_FILE_NAME)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    secret_file = tmp_path / "signaling-secret"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "outreach_app.cli.server",
            "--port",
            "0",
            "--secret-file",
            str(secret_file),
            "--janus",
            f"ws://127.0.0.1:{api_port}",
            "--janus-secret-file",
            str(folder / SECRET_FILE_NAME),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().rsplit(" ", 1)[1].strip()
        token = issue_host_token(load_or_create_secret(secret_file), 5, int(time.time()) + 600)
        with host_addresses([network_namespace.root_address]):
            signaling = WebSocketSignaling(url, token)
            joined = await signaling.connect()
            assert joined.media_server
            await signaling.send(ChooseEngine("janus"))
            while True:
                message = await signaling.receive()
                if isinstance(message, EngineState) and message.ready:
                    break
            await signaling.close()
    finally:
        server.terminate()
        server.wait(10)
        janus.terminate()
        janus.wait(10)
