"""`outreach-app --demo --team [--role ROLE]`: the demo office on this computer, in one command.

The first copy of the app started this way builds the demo office's record (team/demo.py; again
each day, like the single-computer demo), starts `outreach-server` on 127.0.0.1 for it and
signs in as the role's demo account; copies started while it runs sign in to the same server as
other roles. The server lives as long as the copy that started it.

Each role has a desk of its own (settings, kept sign-in, copy of the record) in the demo's
folder, so several roles run side by side on one computer and nothing touches the person's
own settings or databases.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from outreach_app.config import data_dir
from outreach_app.core.model import Role
from outreach_app.sync.connection import Credentials, TeamAddress, TeamServerError, sign_in
from outreach_app.team.demo import DEMO_ACCOUNTS, DEMO_PORT, demo_account, ensure_demo_record

DEMO_FOLDER_NAME: Final = "demo-team"
# Roles with a demo account (an administrator has no window of their own to show).
DEMO_ROLES: Final = tuple(DEMO_ACCOUNTS)
_START_SECONDS: Final = 30.0
_STOP_SECONDS: Final = 5.0
_PR_SET_PDEATHSIG: Final = 1


class DemoOfficeError(Exception):
    """The demo office cannot be reached or started; the message says why, in plain words."""


@dataclass
class DemoOffice:
    address: TeamAddress
    credentials: Credentials
    # The server this copy of the app started, stopped when it quits; None: another copy's.
    server: subprocess.Popen[bytes] | None

    def close(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            stop_server(server)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Asked to stop, then killed if it has not within a few seconds."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def demo_folder() -> Path:
    return data_dir() / DEMO_FOLDER_NAME


def server_command(record_folder: Path, port: int) -> list[str]:
    """`outreach-server` serving the record in `record_folder` on 127.0.0.1:`port`."""
    if getattr(sys, "frozen", False):
        program = [sys.executable, "server"]
    else:
        program = [sys.executable, "-m", "outreach_app.cli.server"]
    return [*program, "--data", str(record_folder), "--host", "127.0.0.1", "--port", str(port)]


def server_answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1.0) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _die_with_parent() -> None:
    # Linux: the server goes when the app that started it goes, even if the app is killed.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def start_server(record_folder: Path, port: int) -> subprocess.Popen[bytes]:
    """The demo's server, answering; DemoOfficeError with its own words if it stops first."""
    log_path = record_folder / "demo-server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            server_command(record_folder, port),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            said = log_path.read_text(errors="replace").strip().splitlines()[-3:]
            raise DemoOfficeError(
                "The demo office's server stopped as it started: " + " ".join(said)
            )
        if server_answers(port):
            return server
        time.sleep(0.1)
    stop_server(server)
    raise DemoOfficeError(f"The demo office's server did not answer within {_START_SECONDS:.0f} s.")


def use_desk(folder: Path) -> None:
    """This process's settings, kept sign-in and copy of the record live in `folder`."""
    os.environ["OUTREACH_DATA_DIR"] = str(folder / "data")
    os.environ["OUTREACH_CONFIG_DIR"] = str(folder / "config")


def remove_old_copies(desk_data: Path, record: str) -> None:
    """Copies of earlier days' demo records (each rebuild is a new record) go."""
    team = desk_data / "team"
    if not team.is_dir():
        return
    for path in team.iterdir():
        if record not in path.name:
            path.unlink(missing_ok=True)


def open_demo_office(role: Role, port: int = DEMO_PORT) -> DemoOffice:
    """Signed in to the demo office as `role`'s account, its server started if none runs.
    Afterwards this process works in that role's desk folder (see `use_desk`)."""
    if role not in DEMO_ACCOUNTS:
        raise DemoOfficeError(
            "The demo office has no account for that role; choose one of: "
            + ", ".join(r.value for r in DEMO_ROLES)
        )
    folder = demo_folder()
    server = None
    if not server_answers(port):
        record_folder, _built = ensure_demo_record(folder / "record")
        server = start_server(record_folder.path, port)
    name, password = demo_account(role)
    address = TeamAddress(f"http://127.0.0.1:{port}", None)
    office = DemoOffice(address, _sign_in(address, name, password, server, port), server)
    desk = folder / "desks" / role.value
    use_desk(desk)
    remove_old_copies(desk / "data", office.credentials.record)
    return office


def _sign_in(
    address: TeamAddress,
    name: str,
    password: str,
    server: subprocess.Popen[bytes] | None,
    port: int,
) -> Credentials:
    try:
        return asyncio.run(sign_in(address, name, password, "demo"))
    except TeamServerError as exc:
        if server is not None:
            stop_server(server)
        raise DemoOfficeError(
            f"The demo office on 127.0.0.1:{port} did not let {name} in "
            f"({exc.problem.value.replace('_', ' ')}). If another "
            f"program uses port {port}, stop it and start the demo again."
        ) from exc
