"""The browser pages and the Python side speak the same protocol.

protocol.js declares every message type with its fields; it is loaded as the pages load it, as
a module in headless Chromium, and compared both ways with the dataclasses of
`outreach_app.core.signaling_protocol` and `control_protocol`. The other scripts may only build
and read messages through protocol.js, and the Python side only through core's codec.
"""

from __future__ import annotations

import ast
import re
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import TypedDict

import pytest
import pytest_asyncio
from playwright.async_api import Browser

from outreach_app.core.control_protocol import CONTROL_CHANNEL, CONTROL_MESSAGES
from outreach_app.core.invitations import generate_secret
from outreach_app.core.message_codec import MessageFamily, WireMessage
from outreach_app.core.signaling_protocol import (
    CLIENT_MESSAGES,
    FINAL_ERROR_CODES,
    HOST,
    SERVER_MESSAGES,
    CloseCode,
    ErrorCode,
)
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.pages import STATIC_DIR
from tests.netns import NetworkNamespace

PACKAGE = Path(__file__).resolve().parents[2] / "outreach_app"
# protocol.js's name for each direction, and the Python family it must match.
FAMILIES: dict[str, MessageFamily[WireMessage]] = {
    "client": CLIENT_MESSAGES,
    "server": SERVER_MESSAGES,
    "control": CONTROL_MESSAGES,
}
# Copies what protocol.js exports into plain values (its tables refuse unknown names).
READ_DECLARATIONS = """async () => {
  const protocol = await import("/static/protocol.js");
  const plain = (value) =>
    Array.isArray(value)
      ? [...value]
      : value !== null && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]))
        : value;
  return {
    messages: plain(protocol.MESSAGES),
    host: protocol.HOST,
    controlChannel: protocol.CONTROL_CHANNEL,
    errorCodes: plain(protocol.ERROR_CODES),
    finalErrorCodes: plain(protocol.FINAL_ERROR_CODES),
    closeCodes: plain(protocol.CLOSE_CODES),
  };
}"""


class Declarations(TypedDict):
    """What READ_DECLARATIONS returns: each family's message types with their field names,
    the names and the codes."""

    messages: dict[str, dict[str, list[str]]]
    host: str
    controlChannel: str
    errorCodes: dict[str, str]
    finalErrorCodes: list[str]
    closeCodes: dict[str, int]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def declared(
    browser: Browser, network_namespace: NetworkNamespace
) -> AsyncIterator[Declarations]:
    """What protocol.js exports, read in Chromium from the server that serves the pages."""
    server = EmbeddedServer(generate_secret(), host=network_namespace.root_address, port=0)
    await server.start()
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(f"{server.url}/health")
        found: Declarations = await page.evaluate(READ_DECLARATIONS)
        yield found
    finally:
        await context.close()
        await server.stop()


def disagreements(
    python: Mapping[str, list[str]], javascript: Mapping[str, list[str]]
) -> list[str]:
    """Every message type and field that one side has and the other has not."""
    found = [f"type {name!r} only in Python" for name in python.keys() - javascript.keys()]
    found += [f"type {name!r} only in protocol.js" for name in javascript.keys() - python.keys()]
    for name in sorted(python.keys() & javascript.keys()):
        ours, theirs = set(python[name]), set(javascript[name])
        found += [f"{name}.{field} only in Python" for field in sorted(ours - theirs)]
        found += [f"{name}.{field} only in protocol.js" for field in sorted(theirs - ours)]
    return found


@pytest.mark.parametrize("direction", FAMILIES)
def test_every_message_and_field_exists_on_both_sides(
    declared: Declarations, direction: str
) -> None:
    assert declared["messages"].keys() == FAMILIES.keys()
    python = FAMILIES[direction].declaration()
    assert disagreements(python, declared["messages"][direction]) == []


def test_the_names_and_codes_the_pages_use_are_the_protocols(declared: Declarations) -> None:
    assert (declared["host"], declared["controlChannel"]) == (HOST, CONTROL_CHANNEL)
    assert declared["errorCodes"] == {code.name: code.value for code in ErrorCode}
    assert set(declared["finalErrorCodes"]) == set(FINAL_ERROR_CODES)
    assert declared["closeCodes"] == {code.name: code.value for code in CloseCode}


def test_a_type_or_field_on_one_side_only_is_found() -> None:
    python: dict[str, list[str]] = {"ping": ["seq", "sent"], "media": ["video"]}
    assert disagreements(python, {"ping": ["seq", "sent"], "media": ["video"]}) == []
    assert disagreements(python, {"ping": ["seq"], "media": ["video"], "stop": []}) == [
        "type 'stop' only in protocol.js",
        "ping.sent only in Python",
    ]


def test_the_page_scripts_send_and_read_messages_only_through_protocol_js() -> None:
    offenders = []
    for script in sorted(STATIC_DIR.glob("*.js")):
        if script.name == "protocol.js":
            continue
        text = script.read_text(encoding="utf-8")
        if "JSON.parse(" in text:
            offenders.append(f"{script.name} parses JSON itself")
        # A socket's or data channel's send() takes only what encode() made; the page's
        # Signaling.send(type, fields) encodes inside.
        for call in re.finditer(r"(\w+)\.send\(", text):
            if call.group(1) != "signaling" and not text.startswith("encode(", call.end()):
                offenders.append(f"{script.name} sends something encode() did not make")
    assert offenders == []


def test_the_python_side_turns_json_into_messages_only_through_the_codec() -> None:
    # The check page's HTTP post is not a message of the protocol.
    allowed = {PACKAGE / "server" / "checks.py"}
    offenders = []
    for path in [*(PACKAGE / "call").rglob("*.py"), *(PACKAGE / "server").rglob("*.py")]:
        if path in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            ) + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            if "json" in names:
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def _every_message_class() -> list[type[WireMessage]]:
    return [cls for family in FAMILIES.values() for cls in family.classes]


def test_every_message_class_of_core_is_in_a_family() -> None:
    # A message dataclass left out of its family would be missed by the comparison above.
    from outreach_app.core import control_protocol, signaling_protocol

    defined = {
        value
        for module in (signaling_protocol, control_protocol)
        for value in vars(module).values()
        if isinstance(value, type) and isinstance(getattr(value, "TYPE", None), str)
    }
    assert defined == set(_every_message_class())
