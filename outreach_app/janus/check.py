"""`outreach-server janus-check`: is Outreach's Janus there and does it do what sessions need?

    outreach-server janus-check --janus ws://127.0.0.1:8188 --janus-secret-file FILE

Connects to Janus's API as `outreach-server` would, with the same secret, and makes and removes
a private VideoRoom room. Prints what it found; exit status 0 when everything worked, 1 if not.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path

import aiohttp

from outreach_app.janus.api import JanusConnection, JanusError, JanusGone, text_of
from outreach_app.janus.config import read_secret


async def check(url: str, secret: str) -> list[str]:
    """What was found, line by line; raises JanusError, JanusGone, OSError or TimeoutError at
    the first step that fails."""
    connection = await JanusConnection.open(url, secret)
    try:
        info = await connection.request({"janus": "info"})
        found = [f"Janus {text_of(info.get('version_string'), '?')} answers on {url}"]
        session = await connection.create_session()
        handle = await session.attach()
        room = f"outreach-check-{secrets.token_hex(4)}"
        try:
            await handle.message({"request": "create", "room": room, "is_private": True})
        except JanusError:
            found.append("VideoRoom refuses rooms to anyone without the secret")
        else:
            await handle.message({"request": "destroy", "room": room})
            raise JanusError(0, "VideoRoom makes rooms without the secret: set its admin_key")
        room_secret = secrets.token_urlsafe(16)
        await handle.message(
            {
                "request": "create",
                "room": room,
                "admin_key": secret,
                "secret": room_secret,
                "is_private": True,
            }
        )
        await handle.message({"request": "destroy", "room": room, "secret": room_secret})
        found.append("VideoRoom makes and removes rooms for outreach-server")
        await session.destroy()
        return found
    finally:
        await connection.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="outreach-server janus-check",
        description="Check that Janus answers outreach-server and makes its rooms.",
    )
    parser.add_argument("--janus", required=True, metavar="URL", help="ws://127.0.0.1:8188")
    parser.add_argument("--janus-secret-file", type=Path, required=True, metavar="PATH")
    arguments = parser.parse_args(argv)
    try:
        secret = read_secret(arguments.janus_secret_file)
    except (OSError, ValueError) as error:
        parser.error(str(error))
    try:
        for line in asyncio.run(check(arguments.janus, secret)):
            print(line)
    except (JanusError, JanusGone, OSError, TimeoutError, aiohttp.ClientError) as error:
        print(f"janus-check: {error or type(error).__name__}", file=sys.stderr)
        return 1
    return 0
