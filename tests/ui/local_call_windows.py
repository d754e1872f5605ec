"""The app's call windows on a call service working alone: its embedded server on a free
loopback port, signing with a secret of its own."""

from __future__ import annotations

from pathlib import Path

from outreach_app.ui.call.launcher import open_call_windows
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.context import UiContext
from tests.local_calls import local_call_service


def local_call_windows(context: UiContext, secret_file: Path) -> CallWindows:
    return open_call_windows(
        context,
        service_factory=lambda: local_call_service("http://127.0.0.1:0", secret_file),
    )
