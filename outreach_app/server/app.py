"""The signaling server as an aiohttp application: its HTTP routes and WebSocket endpoint.

GET /health          {"status": "ok"}: the server is up (and nothing else, to anyone)
GET /join/{token}    the join page, for a site's invitation that admits it
GET /static/{name}   the pages' scripts, style sheets and images
GET /ws              the signaling WebSocket (`outreach_app.server.rooms`)
/check/...           the pre-call check (`outreach_app.server.checks`)
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from typing import Final

from aiohttp import web

from outreach_app.core.invitations import InvalidToken
from outreach_app.core.settings_rules import IceServer
from outreach_app.server.admission import Admission
from outreach_app.server.checks import CHECK_PAGE, CheckListener, add_check_routes
from outreach_app.server.frames import Limits
from outreach_app.server.http_policy import body_deadline, strict_transport_security
from outreach_app.server.media_rooms import JanusAccess, MediaRooms
from outreach_app.server.pages import (
    JOIN_PAGE,
    STATIC_FILES,
    load_static_files,
    refusal_page,
    serve_page,
    static_file,
)
from outreach_app.server.rooms import EndedSessions, SessionEnded, Signaling
from outreach_app.server.turn import TurnRest

# aiohttp drops frames beyond this without a word (close code 1009); below it, an oversized
# message is read whole and answered with a `too_large` error like any other bad message.
_HARD_LIMIT_FACTOR: Final = 4
_HEARTBEAT_SECONDS: Final = 20.0

SIGNALING: Final = web.AppKey("signaling", Signaling)
ADMISSION: Final = web.AppKey("admission", Admission)


def create_app(
    secret: bytes,
    *,
    ended_sessions: EndedSessions = None,
    limits: Limits | None = None,
    clock: Callable[[], float] = time.time,
    on_check: CheckListener | None = None,
    ice_servers: Sequence[IceServer] = (),
    turn: TurnRest | None = None,
    on_session_ended: Callable[[int], None] | None = None,
    admission: Admission | None = None,
    janus: JanusAccess | None = None,
    record: str | None = None,
) -> web.Application:
    """The signaling server as an aiohttp application.

    `ended_sessions` is a set of session ids (read live, so the caller may add to it) or a
    predicate; tokens of those sessions are refused. `clock` gives UTC epoch seconds.
    `on_check` hears every site's pre-call check; `ice_servers` are handed to every participant
    that joins, so browsers use the same STUN/TURN servers as the official's app, followed by
    the `turn` servers with credentials made for that participant. `on_session_ended` hears
    each session that ends (to remember it across restarts, see `EndedSessionsFile`).
    `admission` holds the connection limits; participants that join become its members.
    With `janus`, sessions can run on that media server (see `media_rooms`). `record` names
    the record whose invitations are admitted (see `Signaling`).
    """
    admission = admission or Admission()
    signaling = Signaling(
        secret,
        ended_sessions=ended_sessions,
        limits=limits,
        clock=clock,
        ice_servers=ice_servers,
        turn=turn,
        on_session_ended=on_session_ended,
        admission=admission,
        media=None if janus is None else lambda rooms: MediaRooms(janus.url, janus.secret, rooms),
        record=record,
    )
    app = web.Application(middlewares=[body_deadline(admission.limits.request_body_seconds)])
    app.on_response_prepare.append(strict_transport_security)
    app[SIGNALING] = signaling
    app[ADMISSION] = admission
    app[STATIC_FILES] = load_static_files()
    app.router.add_get("/health", _health)
    app.router.add_get("/join/{token}", _join_page)
    app.router.add_get("/static/{name}", static_file)
    app.router.add_get("/ws", _websocket)
    add_check_routes(
        app,
        secret=secret,
        clock=clock,
        verify_invitation=signaling.verify_site_invitation,
        page=functools.partial(serve_page, name=CHECK_PAGE),
        refusal=refusal_page,
        on_check=on_check,
        record=record,
    )

    async def close_connections(_: web.Application) -> None:
        await signaling.close_all()

    app.on_shutdown.append(close_connections)
    media = signaling.media
    if media is not None:

        async def reach_janus(_: web.Application) -> None:
            media.start()

        async def leave_janus(_: web.Application) -> None:
            await media.stop()

        app.on_startup.append(reach_janus)
        app.on_cleanup.append(leave_janus)
    return app


async def _health(_request: web.Request) -> web.Response:
    # Anyone may ask; how busy the server is (rooms, connections) is nobody's business.
    return web.json_response({"status": "ok"})


async def _websocket(request: web.Request) -> web.WebSocketResponse:
    signaling = request.app[SIGNALING]
    ws = web.WebSocketResponse(
        max_msg_size=signaling.limits.max_message_bytes * _HARD_LIMIT_FACTOR,
        heartbeat=_HEARTBEAT_SECONDS,
        # Signaling messages are small; compression would only add a decompression-bomb risk.
        compress=False,
    )
    await ws.prepare(request)
    await signaling.serve(ws, request.transport)
    return ws


async def _join_page(request: web.Request) -> web.Response:
    signaling = request.app[SIGNALING]
    try:
        signaling.verify_site_invitation(request.match_info["token"])
    except (InvalidToken, SessionEnded) as refused:
        return refusal_page(refused)
    return serve_page(request, JOIN_PAGE)
