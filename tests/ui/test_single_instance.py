from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from outreach_app.app import _handle_message, build_main_window
from outreach_app.ui.context import UiContext
from outreach_app.ui.single_instance import InstanceServer, hand_over
from tests.ui.conftest import until

ROOT = Path(__file__).resolve().parents[2]


def unique_name() -> str:
    return f"outreach-test-{uuid.uuid4().hex[:12]}"


async def test_a_second_launch_hands_its_message_to_the_first() -> None:
    name = unique_name()
    server = InstanceServer(name)
    assert server.listen()
    received: list[dict[str, object]] = []
    server.messageReceived.connect(received.append)

    assert hand_over({"action": "show"}, name)
    await until(lambda: received == [{"action": "show"}])
    assert not hand_over({"action": "show"}, unique_name())  # nobody listening


async def test_garbage_on_the_socket_is_ignored() -> None:
    name = unique_name()
    server = InstanceServer(name)
    assert server.listen()
    received: list[dict[str, object]] = []
    server.messageReceived.connect(received.append)
    for payload in (b"not json\n", b"[1, 2]\n", b"\xff\xfe\n"):
        socket = QLocalSocket()
        socket.connectToServer(name)
        assert socket.waitForConnected(500)
        socket.write(payload)
        socket.waitForBytesWritten(500)
        socket.disconnectFromServer()
    assert hand_over({"action": "show"}, name)
    await until(lambda: received == [{"action": "show"}])


def test_a_socket_left_by_a_crashed_instance_is_taken_over() -> None:
    name = unique_name()
    crashed = InstanceServer(name)
    assert crashed.listen()
    # A crash leaves the socket file; a new listener must still succeed.
    crashed._server.close()  # stands in for the process dying
    assert InstanceServer(name).listen()


@pytest.mark.slow
def test_two_real_launches_leave_one_app_running(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OUTREACH_CONFIG_DIR": str(tmp_path / "config"),
        "OUTREACH_DATA_DIR": str(tmp_path / "data"),
    }
    command = [
        sys.executable,
        "-m",
        "outreach_app",
        "--demo",
        "--user",
        "王芳",
        "--role",
        "staff",
        "-v",
    ]
    first = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert first.stdout is not None
    try:
        while "main window shown" not in (line := first.stdout.readline()):
            assert line, "the first launch ended early"
        second = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 0
        assert "already running" in second.stdout
        while "brought to the front" not in (line := first.stdout.readline()):
            assert line, "the first launch ended early"
    finally:
        first.send_signal(signal.SIGTERM)
        assert first.wait(15) == 0


async def test_an_invitation_link_from_a_second_launch_joins_in_the_running_app(
    context: UiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = unique_name()
    server = InstanceServer(name)
    assert server.listen()
    window = build_main_window(context)
    qtbot.addWidget(window)
    joined: list[str] = []
    monkeypatch.setattr(window, "open_site_window", joined.append)
    server.messageReceived.connect(lambda message: _handle_message(window, message))

    link = "http://127.0.0.1:8765/join/o1.abc.def"
    assert hand_over({"action": "join", "link": link}, name)
    await until(lambda: joined == [link])
    assert hand_over({"action": "join", "link": 5}, name)  # not a link: only brought forward
    assert hand_over({"action": "show"}, name)
    await until(lambda: window.isVisible())
    assert joined == [link]
