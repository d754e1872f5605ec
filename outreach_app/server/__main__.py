"""`outreach-server`: the signaling server on its own, for deployment.

    outreach-server --host 0.0.0.0 --port 8443 --cert fullchain.pem --key privkey.pem

The app that issues the invitations and this server must share the secret file.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import signal
import ssl
import sys
from collections.abc import Sequence
from pathlib import Path

from outreach_app import __version__
from outreach_app.config import config_dir
from outreach_app.server.app import load_or_create_secret
from outreach_app.server.embedded import DEFAULT_HOST, EmbeddedServer

DEFAULT_PORT = 8765
SECRET_FILE_NAME = "signaling-secret"


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-server",
        description="Signaling server for Outreach video sessions: rooms per session, "
        "invitation links, a /health endpoint.",
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
        "--secret-file",
        type=Path,
        metavar="PATH",
        help="file with the secret that signs invitations, shared with the app; created "
        f"(readable by you only) when missing (default: {SECRET_FILE_NAME} in the config folder)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every join and leave")
    return parser


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


def read_secret(parser: argparse.ArgumentParser, path: Path) -> bytes:
    path = path.expanduser()
    if path.is_dir():
        parser.error(f"--secret-file {path} is a folder; give the path of a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return load_or_create_secret(path)
    except (OSError, ValueError) as exc:
        parser.error(f"--secret-file {path}: {exc}")


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


async def serve(server: EmbeddedServer) -> None:
    url = await server.start()
    print(f"Outreach signaling server listening on {url}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    context = tls_context(parser, args)
    secret = read_secret(parser, args.secret_file or config_dir() / SECRET_FILE_NAME)
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
    server = EmbeddedServer(secret, host=args.host, port=args.port, ssl_context=context)
    try:
        asyncio.run(serve(server))
    except OSError as exc:
        print(f"outreach-server: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
