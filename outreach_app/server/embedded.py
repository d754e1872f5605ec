"""Run the signaling server inside an already running asyncio loop (the app's qasync loop).

The server listens on 127.0.0.1 unless the user chooses a network address; port 0 picks a free
port, and `start()` returns the URL actually bound. Connections come in through
`outreach_app.server.listener`, which admits each under the `ConnectionLimits` before aiohttp
sees it; aiohttp closes HTTP connections idle for `ConnectionLimits.idle_seconds`.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Sequence

from aiohttp import web

from outreach_app.core.settings_rules import IceServer
from outreach_app.server.admission import Admission, ConnectionLimits
from outreach_app.server.app import ADMISSION, SIGNALING, create_app
from outreach_app.server.checks import CHECK_BOARD, CheckBoard, CheckListener
from outreach_app.server.frames import Limits
from outreach_app.server.listener import Listener
from outreach_app.server.media_rooms import JanusAccess
from outreach_app.server.rooms import EndedSessions, Signaling
from outreach_app.server.turn import TurnRest

DEFAULT_HOST = "127.0.0.1"
# How long stopping waits for open requests; WebSocket handlers end sooner (they are closed).
_SHUTDOWN_SECONDS = 3.0


class EmbeddedServer:
    """A signaling server that starts and stops with the app."""

    def __init__(
        self,
        secret: bytes,
        *,
        host: str = DEFAULT_HOST,
        port: int = 0,
        ssl_context: ssl.SSLContext | None = None,
        ended_sessions: EndedSessions = None,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.time,
        on_check: CheckListener | None = None,
        ice_servers: Sequence[IceServer] = (),
        turn: TurnRest | None = None,
        on_session_ended: Callable[[int], None] | None = None,
        connection_limits: ConnectionLimits | None = None,
        janus: JanusAccess | None = None,
        record: str | None = None,
    ) -> None:
        if not 0 <= port <= 65535:
            raise ValueError(f"port must be between 0 and 65535, not {port}")
        self._host = host
        self._port = port
        self._ssl_context = ssl_context
        self.app = create_app(
            secret,
            ended_sessions=ended_sessions,
            limits=limits,
            clock=clock,
            on_check=on_check,
            ice_servers=ice_servers,
            turn=turn,
            on_session_ended=on_session_ended,
            admission=Admission(connection_limits),
            janus=janus,
            record=record,
        )
        self._runner: web.AppRunner | None = None
        self._listener: Listener | None = None
        self._url: str | None = None

    @property
    def signaling(self) -> Signaling:
        """The live state: rooms, connections, and `end_session`."""
        return self.app[SIGNALING]

    def end_session(self, session_id: int) -> None:
        """Tell everyone in the session's room that it ended, and refuse its tokens from now on."""
        self.signaling.end_session(session_id)

    @property
    def admission(self) -> Admission:
        """The connections held: strangers and members, and the limits on them."""
        return self.app[ADMISSION]

    @property
    def checks(self) -> CheckBoard:
        """The sites' latest pre-call checks."""
        return self.app[CHECK_BOARD]

    @property
    def url(self) -> str:
        """The base URL clients use, such as http://127.0.0.1:41234."""
        if self._url is None:
            raise RuntimeError("the signaling server is not running")
        return self._url

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> str:
        if self._runner is not None:
            return self.url
        sock = bind_socket(self._host, self._port)
        admission = self.admission
        idle = admission.limits.idle_seconds
        runner = web.AppRunner(
            self.app,
            handle_signals=False,
            shutdown_timeout=_SHUTDOWN_SECONDS,
            access_log=None,
            # Also the deadline for a new connection's first request head: aiohttp starts
            # this timer when the connection opens and closes it if no request has come.
            keepalive_timeout=idle,
            lingering_time=idle,
        )
        try:
            await runner.setup()
            assert runner.server is not None
            listener = Listener(sock, runner.server, admission, ssl_context=self._ssl_context)
            listener.start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        self._runner = runner
        self._listener = listener
        self._url = base_url(sock, tls=self._ssl_context is not None)
        return self._url

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        listener, self._listener = self._listener, None
        self._url = None
        if listener is not None:
            await listener.close()
        if runner is not None:
            await runner.cleanup()


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on `host` (an address or a name) and `port` (0: any free port)."""
    family = socket.AF_INET
    try:
        if ipaddress.ip_address(host).version == 6:
            family = socket.AF_INET6
    except ValueError:
        # A host name: let the resolver choose the address family.
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    return socket.create_server((host, port), family=family, backlog=128)


def base_url(sock: socket.socket, *, tls: bool) -> str:
    address, port = sock.getsockname()[:2]
    host = f"[{address}]" if ":" in address else address
    return f"{'https' if tls else 'http'}://{host}:{port}"
