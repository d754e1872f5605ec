"""Rules every HTTP exchange on the server follows, whatever the route.

- A request body must arrive whole within `ConnectionLimits.request_body_seconds` of the request
  head, or the request is answered 408 and its connection closed: a client that trickles a body
  holds a connection only that long. Handlers read the body as they like (nothing is read for
  them), and once it has arrived they take as long as their work needs. The head itself is
  bounded by aiohttp's keep-alive timer (see `outreach_app.server.embedded`).
- Over TLS every response carries Strict-Transport-Security, so a browser that has once reached
  the server over https never again sends an invitation link in clear text.
"""

from __future__ import annotations

import asyncio
from typing import Final

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

# One year, what browsers' preload lists ask for. A browser that has seen it reaches this host
# only over https for that long: a server once on TLS is meant to stay on it.
HSTS_MAX_AGE_SECONDS: Final = 365 * 24 * 3600
STRICT_TRANSPORT_SECURITY: Final = f"max-age={HSTS_MAX_AGE_SECONDS}"


def body_deadline(seconds: float) -> Middleware:
    """A middleware that answers 408 when a request's body has not arrived `seconds` after its
    head (see the module docstring)."""

    @web.middleware
    async def within_deadline(request: web.Request, handler: Handler) -> web.StreamResponse:
        body = request.content
        if not request.body_exists or body.is_eof():
            return await handler(request)
        handling = True

        def arrived() -> None:
            # The body may also end after the handler has answered (aiohttp reads the rest).
            if handling and not deadline.expired():
                deadline.reschedule(None)

        try:
            async with asyncio.timeout(seconds) as deadline:
                body.on_eof(arrived)
                return await handler(request)
        except TimeoutError:
            if not deadline.expired():
                raise
            late = web.HTTPRequestTimeout(text="The request did not arrive in time.\n")
            late.force_close()
            raise late from None
        finally:
            handling = False

    return within_deadline


async def strict_transport_security(request: web.Request, response: web.StreamResponse) -> None:
    """An `on_response_prepare` signal handler: HSTS on every response sent over TLS."""
    if request.secure:
        response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
