"""The browser pages: their files, read once, and how they are served under a strict policy.

The join and check pages are plain files in ``static/`` with ES modules and no build step,
shipped as package data. A page is served only by its own route (which checks the token first)
with a Content-Security-Policy that allows nothing but its own files and its WebSocket; a page
for a refused invitation says why in both languages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from aiohttp import web

from outreach_app.core.invitations import InvalidReason, InvalidToken
from outreach_app.server.rooms import SessionEnded

STATIC_DIR: Final = Path(__file__).with_name("static")
JOIN_PAGE: Final = "join.html"
_CONTENT_TYPES: Final = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}
# A Host header fit to be written into a policy: a name or address and a port, nothing else.
_POLICY_HOST = re.compile(r"(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?")
# The token is in the address: keep it out of caches and Referer headers.
_PRIVATE_HEADERS: Final = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@dataclass(frozen=True)
class StaticFile:
    name: str
    body: bytes
    content_type: str


STATIC_FILES: Final = web.AppKey("static_files", dict[str, StaticFile])


def load_static_files(folder: Path = STATIC_DIR) -> dict[str, StaticFile]:
    """The browser pages' files by name, read once: serving them never touches the disk again."""
    files: dict[str, StaticFile] = {}
    for path in sorted(folder.iterdir()):
        content_type = _CONTENT_TYPES.get(path.suffix)
        if content_type is not None and path.is_file():
            files[path.name] = StaticFile(path.name, path.read_bytes(), content_type)
    if JOIN_PAGE not in files:
        raise FileNotFoundError(f"{folder / JOIN_PAGE} is missing: the package is incomplete")
    return files


def serve_page(request: web.Request, name: str) -> web.Response:
    """One of the static pages (the join page, the check page) with its policy headers."""
    # The page is the same for every invitation: its script reads the token from the address,
    # so no request data is ever written into the HTML.
    page = request.app[STATIC_FILES].get(name)
    if page is None:
        raise web.HTTPNotFound()
    return web.Response(
        body=page.body,
        content_type=page.content_type,
        charset="utf-8",
        headers={
            **_PRIVATE_HEADERS,
            "Content-Security-Policy": join_page_policy(request.host),
            # Only this page may ask for the camera and microphone, and never a frame inside it.
            "Permissions-Policy": "camera=(self), microphone=(self), display-capture=()",
        },
    )


async def static_file(request: web.Request) -> web.Response:
    """A script, style sheet or image of the pages (never a page itself)."""
    static = request.app[STATIC_FILES].get(request.match_info["name"])
    # Pages are served only by their own routes, which check the token and send their policy.
    if static is None or static.content_type == "text/html":
        raise web.HTTPNotFound()
    return web.Response(
        body=static.body,
        content_type=static.content_type,
        charset="utf-8",
        headers={
            # Revalidate every time: a page from a newer app must not run an older script.
            "Cache-Control": "no-cache",
            "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Resource-Policy": "same-origin",
        },
    )


def join_page_policy(host: str | None = None) -> str:
    """The join page's Content-Security-Policy: nothing but its own files and its WebSocket.

    CSP 3 lets 'self' match ws: and wss: on the page's own host, but older WebKit (iPhones
    that are not updated) does not, so the page's host is also named for both schemes. Video
    elements play MediaStreams (srcObject), which no fetch directive governs.
    """
    connect = "'self'"
    if host is not None and _POLICY_HOST.fullmatch(host):
        connect += f" ws://{host} wss://{host}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        f"connect-src {connect}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def refusal_page(refused: Exception) -> web.Response:
    """The page a browser gets for an invitation that admits nobody, saying why."""
    if isinstance(refused, InvalidToken) and refused.reason is InvalidReason.EXPIRED:
        return _page(
            403,
            "邀请已过期 · Invitation expired",
            "这个邀请链接已过期，请向组织方索取新的链接。",
            "This invitation link has expired. Ask the organiser for a new one.",
        )
    if isinstance(refused, InvalidToken) and refused.reason is InvalidReason.NOT_YET_VALID:
        return _page(
            403,
            "邀请尚未生效 · Invitation not valid yet",
            "这个邀请链接要到连线日期临近时才能使用，请稍后再试。",
            "This invitation link opens closer to the day of the session. Try again later.",
        )
    if isinstance(refused, SessionEnded):
        return _page(
            403,
            "连线已结束 · Session ended",
            "这次连线已经结束。",
            "This session has ended.",
        )
    return _page(
        403,
        "邀请无效 · Invalid invitation",
        "这个邀请链接无效，请检查链接是否完整。",
        "This invitation link is not valid. Check that you copied all of it.",
    )


def _page(status: int, title: str, chinese: str, english: str) -> web.Response:
    body = (
        "<!doctype html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>"
        '<body style="font-family: sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em">'
        f"<h1>{html.escape(title)}</h1>"
        f'<p>{html.escape(chinese)}</p><p lang="en">{html.escape(english)}</p>'
        "</body></html>\n"
    )
    return web.Response(
        status=status,
        text=body,
        content_type="text/html",
        charset="utf-8",
        headers={
            **_PRIVATE_HEADERS,
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        },
    )
