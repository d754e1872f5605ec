"""A Janus configuration made for Outreach, written as the `.jcfg` files Janus reads.

What it keeps out is the point: Janus's own API (WebSocket only) listens on 127.0.0.1, where only
`outreach-server` on the same host reaches it, and asks for a secret besides; no admin API, no
HTTP, Unix-socket, MQTT, nanomsg or RabbitMQ transport; no plugin but VideoRoom, with no demo
rooms, and rooms created only with the secret (its `admin_key`); no event handlers or external
loggers. Media (ICE) uses only the interfaces or addresses named, on a fixed range of UDP ports
for the firewall; with a 1:1 NAT (a cloud host with a private address) the public address is
announced instead. Candidates stay inside Janus's SDP (half trickle, its default): aiortc
gathers all of its own before it answers and reads the other side's from the SDP only.

    python -m outreach_app.janus.config --folder /etc/outreach/janus --ice eth0
    (the same as `outreach-server janus-config ...`)

writes the three files and the secret (`janus-secret`, readable by its owner only) that
`outreach-server --janus-secret-file` reads.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import secrets
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

DEFAULT_API_PORT: Final = 8188
DEFAULT_RTP_PORTS: Final = (20000, 20999)
SECRET_FILE_NAME: Final = "janus-secret"
MAIN_FILE_NAME: Final = "janus.jcfg"
TRANSPORT_FILE_NAME: Final = "janus.transport.websockets.jcfg"
VIDEOROOM_FILE_NAME: Final = "janus.plugin.videoroom.jcfg"
LOOPBACK: Final = "127.0.0.1"

# Everything the Debian package ships besides VideoRoom and the WebSocket transport.
_OTHER_PLUGINS: Final = (
    "audiobridge",
    "duktape",
    "echotest",
    "lua",
    "nosip",
    "recordplay",
    "sip",
    "streaming",
    "textroom",
    "videocall",
    "voicemail",
)
_OTHER_TRANSPORTS: Final = ("http", "mqtt", "nanomsg", "pfunix", "rabbitmq")
_EVENT_HANDLERS: Final = ("gelfevh", "mqttevh", "nanomsgevh", "rabbitmqevh", "sampleevh", "wsevh")
_LOGGERS: Final = ("jsonlog",)
# Interface names as Linux allows them, and secrets made of URL-safe characters: nothing that
# needs quoting inside a .jcfg string.
_INTERFACE_NAME = re.compile(r"[A-Za-z0-9_.:-]{1,15}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{16,128}")
_LIBRARY_CANDIDATES: Final = (
    "/usr/lib/x86_64-linux-gnu/janus",
    "/usr/lib/aarch64-linux-gnu/janus",
    "/usr/lib/janus",
    "/usr/local/lib/janus",
    "/opt/janus/lib/janus",
)


def new_secret() -> str:
    """A secret for `api_secret` and the VideoRoom `admin_key`: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def find_library_folder() -> Path:
    """Where Janus's plugins and transports are installed (the Debian package's by default)."""
    for candidate in _LIBRARY_CANDIDATES:
        folder = Path(candidate)
        if (folder / "plugins" / "libjanus_videoroom.so").exists():
            return folder
    return Path(_LIBRARY_CANDIDATES[0])


def _check_ice_entry(entry: str) -> str:
    try:
        address = ipaddress.ip_address(entry)
    except ValueError:
        if not _INTERFACE_NAME.fullmatch(entry):
            raise ValueError(f"{entry!r} is neither an IP address nor an interface name") from None
        return entry
    if address.is_loopback or address.is_unspecified:
        # Janus gathers no candidate on loopback, and "every address" is what this avoids.
        raise ValueError(f"{entry} cannot carry media: name a real interface or address")
    return str(address)


@dataclass(frozen=True)
class JanusConfiguration:
    """What Outreach's Janus is told. `ice` names the interfaces (eth0) or addresses that media
    may use; `public_addresses` replace them in candidates behind a 1:1 NAT."""

    secret: str
    ice: tuple[str, ...]
    api_port: int = DEFAULT_API_PORT
    rtp_ports: tuple[int, int] = DEFAULT_RTP_PORTS
    public_addresses: tuple[str, ...] = ()
    library_folder: Path = field(default_factory=find_library_folder)
    debug_level: int = 4

    def __post_init__(self) -> None:
        if not _SECRET.fullmatch(self.secret):
            raise ValueError("the secret must be 16 to 128 URL-safe characters")
        if not self.ice:
            raise ValueError("name at least one interface or address for media")
        for entry in self.ice:
            _check_ice_entry(entry)
        for address in self.public_addresses:
            if ipaddress.ip_address(address).is_loopback:
                raise ValueError(f"{address} is no public address")
        low, high = self.rtp_ports
        if not 1024 <= low < high <= 65535:
            raise ValueError(f"the media ports {low}-{high} are not a range above 1023")
        if not 1 <= self.api_port <= 65535:
            raise ValueError(f"the API port {self.api_port} is out of range")
        if not 0 <= self.debug_level <= 7:
            raise ValueError("Janus's debug level is 0 to 7")

    @property
    def api_url(self) -> str:
        """Where `outreach-server --janus` finds the API."""
        return f"ws://{LOOPBACK}:{self.api_port}"

    def files(self, folder: Path) -> dict[str, str]:
        """The content of each configuration file, for Janus started with `folder` as its
        configuration folder."""
        ice = ",".join(_check_ice_entry(entry) for entry in self.ice)
        low, high = self.rtp_ports
        nat_lines = [
            "\tfull_trickle = false",
            "\tignore_mdns = true",
            f'\tice_enforce_list = "{ice}"',
        ]
        if self.public_addresses:
            mapping = ",".join(str(ipaddress.ip_address(a)) for a in self.public_addresses)
            nat_lines.append(f'\tnat_1_1_mapping = "{mapping}"')
        library = self.library_folder
        main = "\n".join(
            [
                "# Written by Outreach (outreach-server janus-config): see its README,",
                '# "Deploying on a host". Janus\'s API on 127.0.0.1 only, VideoRoom only.',
                "general: {",
                f'\tconfigs_folder = "{folder}"',
                f'\tplugins_folder = "{library / "plugins"}"',
                f'\ttransports_folder = "{library / "transports"}"',
                f'\tevents_folder = "{library / "events"}"',
                f'\tloggers_folder = "{library / "loggers"}"',
                f"\tdebug_level = {self.debug_level}",
                f'\tapi_secret = "{self.secret}"',
                '\tserver_name = "Outreach"',
                "\tsession_timeout = 60",
                "}",
                "certificates: {",
                "}",
                "media: {",
                "\tipv6 = false",
                f'\trtp_port_range = "{low}-{high}"',
                "\tno_media_timer = 1",
                "}",
                "nat: {",
                "\tnice_debug = false",
                *nat_lines,
                "}",
                "plugins: {",
                f'\tdisable = "{_library_list(_OTHER_PLUGINS)}"',
                "}",
                "transports: {",
                f'\tdisable = "{_library_list(_OTHER_TRANSPORTS)}"',
                "}",
                "loggers: {",
                f'\tdisable = "{_library_list(_LOGGERS)}"',
                "}",
                "events: {",
                "\tbroadcast = false",
                f'\tdisable = "{_library_list(_EVENT_HANDLERS)}"',
                "}",
                "",
            ]
        )
        transport = "\n".join(
            [
                "general: {",
                '\tjson = "compact"',
                "\tws = true",
                f"\tws_port = {self.api_port}",
                f'\tws_ip = "{LOOPBACK}"',
                f'\tws_acl = "{LOOPBACK}"',
                "\twss = false",
                "}",
                "admin: {",
                "\tadmin_ws = false",
                "\tadmin_wss = false",
                "}",
                "",
            ]
        )
        videoroom = "\n".join(
            [
                "general: {",
                f'\tadmin_key = "{self.secret}"',
                "\tstring_ids = true",
                "\tlock_rtp_forward = true",
                "}",
                "",
            ]
        )
        return {
            MAIN_FILE_NAME: main,
            TRANSPORT_FILE_NAME: transport,
            VIDEOROOM_FILE_NAME: videoroom,
        }

    def write(self, folder: Path) -> Path:
        """Write the files (readable by their owner only: they hold the secret) into `folder`;
        returns the main file, for `janus --config`."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.files(folder.resolve()).items():
            _write_private(folder / name, text)
        return folder / MAIN_FILE_NAME

    def command(self, folder: Path, janus: str = "janus") -> list[str]:
        """The command line that runs Janus in the foreground with the files in `folder`."""
        resolved = folder.resolve()
        return [
            janus,
            "--configs-folder",
            str(resolved),
            "--config",
            str(resolved / MAIN_FILE_NAME),
            "--disable-colors",
        ]


def _library_list(names: Sequence[str]) -> str:
    return ",".join(f"libjanus_{name}.so" for name in names)


def _write_private(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    os.chmod(path, 0o600)


def read_secret(path: Path) -> str:
    """The secret in `path` (as `janus-config` writes it); ValueError when it is not one."""
    text = path.read_text(encoding="ascii", errors="replace").strip()
    if not _SECRET.fullmatch(text):
        raise ValueError(f"{path} does not hold a Janus secret (16 to 128 URL-safe characters)")
    return text


def port_range(text: str) -> tuple[int, int]:
    low, separator, high = text.partition("-")
    try:
        if not separator:
            raise ValueError
        return int(low), int(high)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a range such as 20000-20999") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="outreach-server janus-config",
        description="Write a Janus configuration for Outreach: its API on 127.0.0.1 only, "
        "VideoRoom only, media on the interfaces named.",
    )
    parser.add_argument("--folder", type=Path, required=True, help="where to write the files")
    parser.add_argument(
        "--ice",
        action="append",
        required=True,
        metavar="INTERFACE_OR_ADDRESS",
        help="an interface (eth0) or address that carries media; repeatable",
    )
    parser.add_argument(
        "--public-address",
        action="append",
        default=[],
        metavar="IP",
        help="the host's public address when its interface has a private one (1:1 NAT)",
    )
    parser.add_argument("--api-port", type=int, default=DEFAULT_API_PORT, metavar="PORT")
    parser.add_argument(
        "--rtp-ports",
        type=port_range,
        default=DEFAULT_RTP_PORTS,
        metavar="LOW-HIGH",
        help=f"UDP ports for media, to open in the firewall (default "
        f"{DEFAULT_RTP_PORTS[0]}-{DEFAULT_RTP_PORTS[1]})",
    )
    arguments = parser.parse_args(argv)
    folder: Path = arguments.folder
    secret_path = folder / SECRET_FILE_NAME
    try:
        secret = read_secret(secret_path) if secret_path.exists() else new_secret()
        configuration = JanusConfiguration(
            secret,
            tuple(arguments.ice),
            api_port=arguments.api_port,
            rtp_ports=arguments.rtp_ports,
            public_addresses=tuple(arguments.public_address),
        )
        configuration.write(folder)
        _write_private(secret_path, secret + "\n")
    except (OSError, ValueError) as error:
        parser.error(str(error))
    print(f"Janus configuration written to {folder}")
    print("Start Janus with: " + " ".join(configuration.command(folder)))
    print(
        f"Start outreach-server with: --janus {configuration.api_url} "
        f"--janus-secret-file {secret_path}"
    )
    print(f"Open UDP ports {configuration.rtp_ports[0]}-{configuration.rtp_ports[1]} for media.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
