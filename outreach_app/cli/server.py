"""`outreach-server`: the signaling server on its own, for deployment, and an office's team
server.

    outreach-server --host 0.0.0.0 --port 8443 --cert fullchain.pem --key privkey.pem \
        --turn-url turn:turn.example.org:3478 --turn-secret-file /etc/outreach/turn-secret
    outreach-server --data /var/lib/outreach --host 0.0.0.0 --port 443 --cert ... --key ...

With ``--data`` the server also holds the office's shared record (made with ``outreach-server
init``; accounts, imports and backups: see cli/team_admin.py) and serves it to the apps on the
same port; it then signs the invitations itself with the record's secret. Without it, the app
that issues the invitations and this server must share the secret file. The server
holds at most ``--max-connections`` connections (by default what the open-files limit allows)
and ``--max-connections-per-address`` from one address before they sign in. With
``--turn-url`` the server hands every participant TURN credentials of its own that expire
(coturn's ``use-auth-secret``); the TURN secret can also come from $OUTREACH_TURN_SECRET and the
URLs from $OUTREACH_TURN_URLS (separated by spaces or commas). With ``--janus`` large sessions
run on that Janus (its API on this host's 127.0.0.1, with the secret of
``--janus-secret-file``); ``outreach-server janus-config`` writes its configuration.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import os
import signal
import ssl
import sys
from collections.abc import Sequence
from pathlib import Path

from outreach_app import __version__
from outreach_app.cli import team_admin
from outreach_app.cli.team_admin import COMMANDS as ADMIN_COMMANDS
from outreach_app.config import config_dir
from outreach_app.janus import check as janus_check
from outreach_app.janus import config as janus_config
from outreach_app.server.admission import (
    DEFAULT_MAX_PER_ADDRESS,
    MAX_DEFAULT_CONNECTIONS,
    SPARE_DESCRIPTORS,
    ConnectionLimits,
    connections_allowed_by,
    descriptor_limit,
)
from outreach_app.server.embedded import DEFAULT_HOST, EmbeddedServer
from outreach_app.server.media_rooms import JanusAccess
from outreach_app.server.state_files import (
    ENDED_SESSIONS_FILE_NAME,
    SECRET_FILE_NAME,
    EndedSessionsFile,
    load_or_create_secret,
)
from outreach_app.server.turn import DEFAULT_LIFETIME_SECONDS, TurnRest
from outreach_app.team.record import (
    SECRET_FILE,
    RecordFolder,
    RecordFolderError,
    folder_record_id,
    open_folder,
)
from outreach_app.team.record import read_secret as read_record_secret
from outreach_app.team.routes import add_team_routes
from outreach_app.team.service import TeamService

DEFAULT_PORT = 8765
TURN_SECRET_VARIABLE = "OUTREACH_TURN_SECRET"
TURN_URLS_VARIABLE = "OUTREACH_TURN_URLS"


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"port {port} is out of range: use 1-65535, or 0 for any free port"
        )
    return port


def positive_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too small: at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-server",
        description="Signaling server for Outreach video sessions: rooms per session, "
        "invitation links, a /health endpoint; with --data, an office's team server. "
        "Keeping a team record: outreach-server init|users|import|backup|restore --help",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}; 0.0.0.0 for every network)",
    )
    parser.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"port to listen on (default {DEFAULT_PORT}; 0 picks a free port)",
    )
    parser.add_argument("--cert", type=Path, metavar="PEM", help="TLS certificate (chain)")
    parser.add_argument(
        "--key", type=Path, metavar="PEM", help="TLS private key, if not inside --cert"
    )
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="serve an office's shared record from this data folder (team mode; make it with "
        "outreach-server init --data DIR); the record's own secret signs the invitations",
    )
    parser.add_argument(
        "--secret-file",
        type=Path,
        metavar="PATH",
        help="file with the secret that signs invitations, shared with the app; created "
        f"(readable by you only) when missing (default: {SECRET_FILE_NAME} in the config folder)",
    )
    parser.add_argument(
        "--ended-sessions-file",
        type=Path,
        metavar="PATH",
        help="file where ended sessions are kept, so their invitations stay refused after a "
        f"restart (default: {ENDED_SESSIONS_FILE_NAME} next to the secret file)",
    )
    limits = parser.add_argument_group(
        "connection limits",
        "connections that have not joined a session are closed after 10 s (5 s for idle HTTP); "
        "when the connections are full, the oldest of those makes room for a new one",
    )
    allowed = connections_allowed_by(descriptor_limit())
    limits.add_argument(
        "--max-connections",
        type=positive_number,
        metavar="N",
        help=f"connections held at once (default: the open-files limit less {SPARE_DESCRIPTORS}, "
        f"at most {MAX_DEFAULT_CONNECTIONS}; {allowed} here); at most three quarters of them "
        "for connections that have not joined",
    )
    limits.add_argument(
        "--max-connections-per-address",
        type=positive_number,
        default=DEFAULT_MAX_PER_ADDRESS,
        metavar="N",
        help="connections that have not joined, from one address at once (an IPv6 /64 counts "
        f"as one; default {DEFAULT_MAX_PER_ADDRESS}); raise it behind a reverse proxy",
    )
    turn = parser.add_argument_group(
        "TURN relay",
        "hand every participant short-lived credentials for a TURN server configured with "
        "use-auth-secret (coturn)",
    )
    turn.add_argument(
        "--turn-url",
        action="append",
        metavar="URL",
        help="TURN server, such as turn:turn.example.org:3478 or "
        "turns:turn.example.org:5349?transport=tcp; repeat for several "
        f"(default: ${TURN_URLS_VARIABLE})",
    )
    turn.add_argument(
        "--turn-secret-file",
        type=Path,
        metavar="PATH",
        help="file holding coturn's static-auth-secret (default: "
        f"${TURN_SECRET_VARIABLE}); never on the command line, where other users can read it",
    )
    turn.add_argument(
        "--turn-lifetime",
        type=int,
        default=DEFAULT_LIFETIME_SECONDS,
        metavar="SECONDS",
        help=f"how long a credential stays valid (default {DEFAULT_LIFETIME_SECONDS}: "
        "longer than the longest session)",
    )
    media = parser.add_argument_group(
        "media server",
        "run large sessions on Janus VideoRoom next to this server (see `outreach-server "
        "janus-config --help`); participants never reach Janus's API, this server does",
    )
    media.add_argument(
        "--janus",
        metavar="URL",
        help="Janus's WebSocket API on this host, such as ws://127.0.0.1:8188",
    )
    media.add_argument(
        "--janus-secret-file",
        type=Path,
        metavar="PATH",
        help="the secret janus-config wrote (Janus's api_secret and VideoRoom admin_key)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every join and leave")
    return parser


def turn_settings(parser: argparse.ArgumentParser, args: argparse.Namespace) -> TurnRest | None:
    urls: list[str] = list(args.turn_url or [])
    if not urls:
        urls = os.environ.get(TURN_URLS_VARIABLE, "").replace(",", " ").split()
    secret_file: Path | None = args.turn_secret_file
    if secret_file is not None:
        try:
            secret = secret_file.expanduser().read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            parser.error(f"--turn-secret-file {secret_file}: {exc}")
    else:
        secret = os.environ.get(TURN_SECRET_VARIABLE, "").strip()
    if not urls:
        if secret_file is not None:
            parser.error("--turn-secret-file needs --turn-url: say where the TURN server is")
        return None
    if not secret:
        parser.error(
            f"--turn-url needs the TURN secret: --turn-secret-file or ${TURN_SECRET_VARIABLE}"
        )
    try:
        return TurnRest(tuple(urls), secret, args.turn_lifetime)
    except ValueError as exc:
        parser.error(f"TURN: {exc}")


def janus_access(parser: argparse.ArgumentParser, args: argparse.Namespace) -> JanusAccess | None:
    url: str | None = args.janus
    secret_file: Path | None = args.janus_secret_file
    if url is None:
        if secret_file is not None:
            parser.error("--janus-secret-file needs --janus: say where Janus's API is")
        return None
    if not url.startswith(("ws://127.", "ws://localhost:", "ws://[::1]:")):
        parser.error(
            "--janus must be Janus's API on this host's loopback, such as ws://127.0.0.1:8188"
        )
    if secret_file is None:
        parser.error("--janus needs --janus-secret-file (written by outreach-server janus-config)")
    try:
        secret = janus_config.read_secret(secret_file.expanduser())
    except (OSError, ValueError) as exc:
        parser.error(f"--janus-secret-file {secret_file}: {exc}")
    return JanusAccess(url, secret)


def tls_context(parser: argparse.ArgumentParser, args: argparse.Namespace) -> ssl.SSLContext | None:
    cert: Path | None = args.cert
    key: Path | None = args.key
    if key is not None and cert is None:
        parser.error("--key needs --cert: give the certificate that goes with the key")
    if cert is None:
        return None
    for option, path in (("--cert", cert), ("--key", key)):
        if path is not None and not path.is_file():
            parser.error(f"{option} {path}: no such file")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except (ssl.SSLError, OSError) as exc:
        parser.error(f"cannot load the TLS certificate and key: {exc}")
    return context


def connection_limits(args: argparse.Namespace) -> ConnectionLimits:
    descriptors = descriptor_limit()
    allowed = connections_allowed_by(descriptors)
    wanted: int | None = args.max_connections
    if wanted is not None and wanted > allowed and descriptors is not None:
        print(
            f"warning: --max-connections {wanted} needs more open files than this process may "
            f"have ({descriptors}); holding at most {allowed} (raise the limit: ulimit -n, or "
            "LimitNOFILE= in the systemd unit)",
            file=sys.stderr,
        )
        wanted = allowed
    return ConnectionLimits(
        max_connections=wanted or allowed, max_per_address=args.max_connections_per_address
    )


def read_secret(parser: argparse.ArgumentParser, path: Path) -> bytes:
    path = path.expanduser()
    if path.is_dir():
        parser.error(f"--secret-file {path} is a folder; give the path of a file")
    try:
        return load_or_create_secret(path)
    except (OSError, ValueError) as exc:
        parser.error(f"--secret-file {path}: {exc}")


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


async def serve(server: EmbeddedServer, team: RecordFolder | None = None) -> None:
    if team is not None:
        service = TeamService(team)
        add_team_routes(server.app, service)
        server.checks.on_check = service.record_check
    url = await server.start()
    what = "team server" if team is not None else "signaling server"
    print(f"Outreach {what} listening on {url}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["janus-config"]:
        return janus_config.main(arguments[1:])
    if arguments[:1] == ["janus-check"]:
        return janus_check.main(arguments[1:])
    if arguments[:1] and arguments[0] in ADMIN_COMMANDS:
        return team_admin.main(arguments)
    parser = build_parser()
    args = parser.parse_args(arguments)
    context = tls_context(parser, args)
    turn = turn_settings(parser, args)
    janus = janus_access(parser, args)
    team: RecordFolder | None = None
    record: str | None = None
    if args.data is not None:
        if args.secret_file is not None:
            parser.error("--data and --secret-file go apart: a team record has its own secret")
        try:
            team = open_folder(args.data)
            secret = read_record_secret(team)
            record = folder_record_id(team)
        except RecordFolderError as exc:
            parser.error(str(exc))
        secret_path: Path = team.path / SECRET_FILE
    else:
        secret_path = args.secret_file or config_dir() / SECRET_FILE_NAME
        secret = read_secret(parser, secret_path)
    ended_path: Path = (
        args.ended_sessions_file or secret_path.expanduser().parent / ENDED_SESSIONS_FILE_NAME
    )
    try:
        ended = EndedSessionsFile(ended_path.expanduser())
    except OSError as exc:
        parser.error(f"--ended-sessions-file {ended_path}: {exc}")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if context is None and not is_loopback(args.host):
        print(
            f"warning: serving {args.host} without TLS; invitation tokens cross the network "
            "in clear text (use --cert and --key)",
            file=sys.stderr,
        )
    server = EmbeddedServer(
        secret,
        host=args.host,
        port=args.port,
        ssl_context=context,
        ended_sessions=ended.__contains__,
        on_session_ended=ended.add,
        turn=turn,
        connection_limits=connection_limits(args),
        janus=janus,
        record=record,
    )
    try:
        asyncio.run(serve(server, team))
    except OSError as exc:
        print(f"outreach-server: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
