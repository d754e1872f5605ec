"""Pre-call checks: before the day, a site tests its camera, microphone and connection.

Times are local wall-clock times, like every time the app stores.

`GET /check/{token}` serves the check page (plain files in ``static/``) for a site's invitation;
the page posts its findings to `POST /check/{token}`. The server keeps the latest check of each
site per session, hands it to the app that runs the embedded server (`on_check`, which stores it
with the session), and shows a session's checks to its host: `GET /checks` with the host token
as a bearer credential, for an app that uses a standalone server.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Final

from aiohttp import web

from outreach_app.core.invitations import Claims, InvalidToken, verify
from outreach_app.core.model import CheckResult, SiteCheck
from outreach_app.server.frames import TokenBucket

log = logging.getLogger(__name__)

CHECK_PAGE: Final = "check.html"
MAX_CHECK_BYTES: Final = 2048
MAX_DETAIL_CHARS: Final = 300
# A site runs its check a few times before the day; each post is written to the app's database,
# so a page (or a script) posting in a loop is slowed down rather than stored every time.
CHECK_POSTS_BURST: Final = 5.0
CHECK_POSTS_PER_SECOND: Final = 1 / 12
CheckListener = Callable[[SiteCheck], Awaitable[None]]


class CheckRejected(ValueError):
    """The posted check is not one the page could have sent."""


def parse_check(body: bytes, claims: Claims, now: datetime) -> SiteCheck:
    """A SiteCheck from the page's JSON; CheckRejected for anything else."""
    if len(body) > MAX_CHECK_BYTES:
        raise CheckRejected("the check is too large")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise CheckRejected("the check is not JSON") from error
    if not isinstance(data, dict):
        raise CheckRejected("the check must be a JSON object")
    parts: dict[str, CheckResult] = {}
    for name in ("camera", "microphone", "connection"):
        try:
            parts[name] = CheckResult(str(data.get(name)))
        except ValueError as error:
            raise CheckRejected(
                f"{name} must be one of {[r.value for r in CheckResult]}"
            ) from error
    round_trip = data.get("round_trip_ms")
    if round_trip is not None and (
        isinstance(round_trip, bool)
        or not isinstance(round_trip, int | float)
        or not math.isfinite(round_trip)
        or not 0 <= round_trip < 600_000
    ):
        raise CheckRejected("round_trip_ms must be a number of milliseconds or null")
    detail = data.get("detail", "")
    if not isinstance(detail, str):
        raise CheckRejected("detail must be text")
    source = data.get("source", "browser")
    if source not in ("browser", "app"):
        raise CheckRejected("source must be browser or app")
    if claims.site_id is None:
        raise CheckRejected("a host credential does not run a site's check")
    return SiteCheck(
        session_id=claims.session_id,
        site_id=claims.site_id,
        checked_at=now,
        camera=parts["camera"],
        microphone=parts["microphone"],
        connection=parts["connection"],
        round_trip_ms=None if round_trip is None else float(round_trip),
        source=source,
        detail=detail[:MAX_DETAIL_CHARS],
    )


class CheckBoard:
    """The latest check per session and site, and who to tell about new ones."""

    def __init__(
        self,
        on_check: CheckListener | None = None,
        *,
        posts_burst: float = CHECK_POSTS_BURST,
        posts_per_second: float = CHECK_POSTS_PER_SECOND,
    ) -> None:
        self.on_check = on_check
        self.latest: dict[int, dict[int, SiteCheck]] = {}
        self._posts_burst = posts_burst
        self._posts_per_second = posts_per_second
        # One bucket per invited site: only valid invitations get one, so their number is bounded.
        self._posts: dict[tuple[int, int | None], TokenBucket] = {}

    def may_post(self, claims: Claims) -> bool:
        """Whether the site of `claims` may post a check now (the rate limit)."""
        key = (claims.session_id, claims.site_id)
        bucket = self._posts.get(key)
        if bucket is None:
            bucket = self._posts[key] = TokenBucket(self._posts_burst, self._posts_per_second)
        return bucket.try_take()

    async def record(self, check: SiteCheck) -> None:
        self.latest.setdefault(check.session_id, {})[check.site_id] = check
        if self.on_check is not None:
            try:
                await self.on_check(check)
            except Exception:
                # The site's answer must not depend on the app's database being happy.
                log.exception("could not pass on the check of site %s", check.site_id)

    def as_json(self, session_id: int) -> list[dict[str, object]]:
        return [
            {
                "site_id": check.site_id,
                "checked_at": check.checked_at.isoformat(),
                "camera": check.camera.value,
                "microphone": check.microphone.value,
                "connection": check.connection.value,
                "round_trip_ms": check.round_trip_ms,
                "passed": check.passed,
                "detail": check.detail,
            }
            for check in sorted(self.latest.get(session_id, {}).values(), key=lambda c: c.site_id)
        ]


CHECK_BOARD: Final = web.AppKey("check_board", CheckBoard)


async def _read_at_most(request: web.Request, limit: int) -> bytes:
    """The body up to `limit` bytes; one read() returns only what has arrived so far."""
    body = bytearray()
    while len(body) < limit:
        chunk = await request.content.read(limit - len(body))
        if not chunk:
            break
        body += chunk
    return bytes(body)


def add_check_routes(
    app: web.Application,
    *,
    secret: bytes,
    clock: Callable[[], float],
    verify_invitation: Callable[[str], Claims],
    page: Callable[[web.Request], web.Response],
    refusal: Callable[[Exception], web.Response],
    on_check: CheckListener | None = None,
    record: str | None = None,
) -> CheckBoard:
    """Register the check routes; `verify_invitation` raises for tokens that admit nobody,
    `page` serves the check page and `refusal` turns a refused token into a page."""
    board = CheckBoard(on_check)
    app[CHECK_BOARD] = board

    async def check_page(request: web.Request) -> web.Response:
        try:
            verify_invitation(request.match_info["token"])
        except Exception as refused:
            return refusal(refused)
        return page(request)

    async def post_check(request: web.Request) -> web.Response:
        try:
            claims = verify_invitation(request.match_info["token"])
        except Exception:
            return web.json_response({"error": "this invitation is not valid"}, status=403)
        if request.content_length is not None and request.content_length > MAX_CHECK_BYTES:
            return web.json_response({"error": "the check is too large"}, status=413)
        if not board.may_post(claims):
            return web.json_response(
                {"error": "too many checks in a short time; try again in a minute"},
                status=429,
                headers={"Retry-After": "60"},
            )
        body = await _read_at_most(request, MAX_CHECK_BYTES + 1)
        try:
            check = parse_check(body, claims, datetime.fromtimestamp(clock()))
        except CheckRejected as rejected:
            return web.json_response({"error": str(rejected)}, status=400)
        await board.record(check)
        return web.json_response({"stored": True, "passed": check.passed})

    async def list_checks(request: web.Request) -> web.Response:
        credential = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        try:
            claims = verify(secret, credential, clock(), record=record)
        except InvalidToken:
            return web.json_response({"error": "a host credential is needed"}, status=401)
        if not claims.is_host:
            return web.json_response({"error": "a host credential is needed"}, status=403)
        return web.json_response({"checks": board.as_json(claims.session_id)})

    app.router.add_get("/check/{token}", check_page)
    app.router.add_post("/check/{token}", post_check)
    app.router.add_get("/checks", list_checks)
    return board
