"""A `CallService` as the app makes one: its secret in a file, and the embedded signaling
server when the address is on this machine."""

from __future__ import annotations

import functools
from pathlib import Path

from outreach_app.call.live import CallService, CallSettings
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.state_files import load_or_create_secret


def local_call_service(
    address: str, secret_path: Path, *, host_addresses: tuple[str, ...] | None = None
) -> CallService:
    return CallService(
        CallSettings(address, host_addresses=host_addresses),
        secret=functools.partial(load_or_create_secret, secret_path),
        local_server=EmbeddedServer,
    )
