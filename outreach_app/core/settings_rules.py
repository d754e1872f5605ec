"""Validation of user settings. Pure functions: each returns the cleaned value or raises
SettingError with an English template the UI translates."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_REMINDER_MINUTES = 24 * 60
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOSTNAME_RE = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$")
ICE_SCHEMES = ("stun", "turn", "turns")


class SettingError(ValueError):
    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


@dataclass(frozen=True)
class IceServer:
    url: str
    username: str = ""
    credential: str = ""


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return bool(_HOSTNAME_RE.match(host))


def parse_server_address(text: str) -> str:
    """`host:port`, `http(s)://host:port` or `ws(s)://host:port`; returns it normalised."""
    value = text.strip()
    if not value:
        raise SettingError("give the server address, e.g. 127.0.0.1:8765")
    if "://" not in value:
        value = "http://" + value
    try:
        parts = urlsplit(value)
    except ValueError as exc:  # e.g. an unclosed "[" of an IPv6 address
        raise SettingError("“{address}” is not a valid address", address=text.strip()) from exc
    if parts.scheme not in ("http", "https", "ws", "wss"):
        raise SettingError("the server address must start with http, https, ws or wss")
    host = parts.hostname or ""
    if not _valid_host(host):
        raise SettingError("“{host}” is not a valid host name or address", host=host)
    try:
        port = parts.port
    except ValueError as exc:
        raise SettingError("the port of the server address is not valid") from exc
    if port is None:
        raise SettingError("add the port to the server address, e.g. {host}:8765", host=host)
    if parts.path not in ("", "/"):
        raise SettingError("the server address has no path; remove “{path}”", path=parts.path)
    return f"{parts.scheme}://{parts.netloc}"


def parse_ice_servers(text: str) -> list[IceServer]:
    """One server a line: `stun:host:port` or `turn:host:port user password`; # starts a comment."""
    servers: list[IceServer] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        url = fields[0]
        scheme, _, rest = url.partition(":")
        if scheme not in ICE_SCHEMES or not rest:
            raise SettingError(
                "line {line}: “{url}” must start with stun:, turn: or turns:", line=number, url=url
            )
        address = rest.split("?", 1)[0]
        host, _, port = address.rpartition(":")
        if not host:
            host, port = address, ""
        if not _valid_host(host):
            raise SettingError("line {line}: “{host}” is not a valid host", line=number, host=host)
        if port and not (port.isdigit() and 1 <= int(port) <= 65535):
            raise SettingError(
                "line {line}: port {port} must be a number from 1 to 65535", line=number, port=port
            )
        credentials = fields[1:]
        if scheme == "stun" and credentials:
            raise SettingError("line {line}: a STUN server takes no user name", line=number)
        if scheme != "stun" and len(credentials) != 2:
            raise SettingError(
                "line {line}: a TURN server needs a user name and a password", line=number
            )
        servers.append(IceServer(url, *credentials))
    return servers


def parse_reminder_minutes(value: int) -> int:
    if not 0 <= value <= MAX_REMINDER_MINUTES:
        raise SettingError(
            "the reminder must come 0 to {limit} minutes before", limit=MAX_REMINDER_MINUTES
        )
    return value
