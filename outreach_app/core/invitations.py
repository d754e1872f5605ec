"""Invitation tokens: one token admits one site, or the session's host, to one session.

An invitation is a signed, expiring token (`outreach_app.core.tokens`) of kind ``site``, carrying
the session (``ses``) and the site (``site``), or of kind ``host``, carrying only the session: the
official's credential. A site's pre-call check page takes the site's own invitation. Tokens use
only URL-safe characters, so they go into a join link as they are.

A token is honoured only while its expiry is at most `max_lifetime_seconds` away, so however far
ahead its expiry lies, it admits anyone for that long at most: a credential that leaks, or is
made with a mistaken expiry, does not become a key for years. An invitation made early for a
far-off session opens that long before it expires (refused as not yet valid until then).

Pure: no clock, no files, no network. The caller passes the secret and the current time.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from outreach_app.core import tokens
from outreach_app.core.tokens import (
    MAX_TOKEN_LENGTH,
    MIN_SECRET_BYTES,
    SECRET_BYTES,
    InvalidReason,
    InvalidToken,
    generate_secret,
)

__all__ = [
    "JOIN_PATH",
    "MAX_HOST_TOKEN_SECONDS",
    "MAX_SITE_TOKEN_SECONDS",
    "MAX_TOKEN_LENGTH",
    "MIN_SECRET_BYTES",
    "SECRET_BYTES",
    "Claims",
    "InvalidReason",
    "InvalidToken",
    "TokenRole",
    "generate_secret",
    "issue_host_token",
    "issue_site_token",
    "join_url",
    "max_lifetime_seconds",
    "token_from_join_url",
    "verify",
]

JOIN_PATH: Final = "/join/"
# A site's invitation expires a little after its session; sites get it days or weeks ahead and
# run their pre-call check before the day.
MAX_SITE_TOKEN_SECONDS: Final = 30 * 24 * 3600
# The official's credential is made when the call starts and outlives it by a few hours.
MAX_HOST_TOKEN_SECONDS: Final = 2 * 24 * 3600

_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")


class TokenRole(enum.StrEnum):
    """Who a token admits; also the token's kind."""

    SITE = "site"
    HOST = "host"


@dataclass(frozen=True)
class Claims:
    """What a valid token says: who may join which session, until when."""

    session_id: int
    role: TokenRole
    site_id: int | None
    expires_at: int
    nonce: str

    @property
    def is_host(self) -> bool:
        return self.role is TokenRole.HOST


def max_lifetime_seconds(role: TokenRole) -> int:
    """How far ahead a token of `role` may expire and still be honoured."""
    return MAX_HOST_TOKEN_SECONDS if role is TokenRole.HOST else MAX_SITE_TOKEN_SECONDS


def issue_site_token(
    secret: bytes,
    session_id: int,
    site_id: int,
    expires_at: int,
    *,
    nonce: str | None = None,
    record: str | None = None,
) -> str:
    """A token that admits site `site_id` to session `session_id` until `expires_at` (epoch s).
    With `record`, only a server serving that record (database) accepts it."""
    _check_id("session_id", session_id)
    _check_id("site_id", site_id)
    claims = {"ses": session_id, "site": site_id}
    return tokens.sign(
        secret, claims, TokenRole.SITE, expires_at=expires_at, token_id=nonce, record=record
    )


def issue_host_token(
    secret: bytes,
    session_id: int,
    expires_at: int,
    *,
    nonce: str | None = None,
    record: str | None = None,
) -> str:
    """The official's credential: admits the hub of session `session_id` until `expires_at`."""
    _check_id("session_id", session_id)
    claims = {"ses": session_id}
    return tokens.sign(
        secret, claims, TokenRole.HOST, expires_at=expires_at, token_id=nonce, record=record
    )


def verify(
    secret: bytes,
    token: object,
    now: float,
    *,
    role: TokenRole | None = None,
    record: str | None = None,
) -> Claims:
    """The claims of `token` if it is a valid invitation (of `role`, or of either role when
    None) signed with `secret`, for `record`, not expired at `now`, and not expiring further
    ahead than its role allows (`max_lifetime_seconds`).

    Raises InvalidToken and nothing else, whatever `token` is.
    """
    verified = tokens.verify(
        secret, token, list(TokenRole) if role is None else role, now, record=record
    )
    kind = TokenRole(verified.kind)
    session_id = verified.claims.get("ses")
    site_id = verified.claims.get("site")
    if not tokens.is_integer(session_id):
        raise InvalidToken(InvalidReason.MALFORMED, "the session is not an id")
    assert isinstance(session_id, int)
    if verified.expires_at - now > max_lifetime_seconds(kind):
        raise InvalidToken(
            InvalidReason.NOT_YET_VALID,
            f"expires more than {max_lifetime_seconds(kind) // 86400} days from now",
        )
    if kind is TokenRole.HOST and site_id is None:
        return Claims(session_id, kind, None, verified.expires_at, verified.token_id)
    if kind is TokenRole.SITE and tokens.is_integer(site_id):
        assert isinstance(site_id, int)
        return Claims(session_id, kind, site_id, verified.expires_at, verified.token_id)
    raise InvalidToken(InvalidReason.MALFORMED, "role and site do not match")


def join_url(base_url: str, token: str) -> str:
    """The invitation link for `token` on the server at `base_url` (http or https)."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"base URL must be http(s)://host[:port][/path], not {base_url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"base URL must not have a query or fragment: {base_url!r}")
    if not _BASE64URL.fullmatch(token.replace(".", "")):
        raise ValueError("not an invitation token")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}{JOIN_PATH}{token}"


def token_from_join_url(url: str) -> str:
    """The token inside an invitation link; ValueError when `url` is not one."""
    parts = urlsplit(url.strip())
    path = parts.path
    marker = path.rfind(JOIN_PATH)
    if parts.scheme not in ("http", "https") or marker < 0:
        raise ValueError("not an invitation link: expected http(s)://…/join/<token>")
    token = path[marker + len(JOIN_PATH) :].rstrip("/")
    if not token or "/" in token or not _BASE64URL.fullmatch(token.replace(".", "")):
        raise ValueError("the invitation link has no token")
    return token


def _check_id(name: str, value: int) -> None:
    if not tokens.is_integer(value):
        raise ValueError(
            f"{name} must be an integer between 0 and {tokens.MAX_INTEGER}, not {value!r}"
        )
