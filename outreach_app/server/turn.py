"""Short-lived TURN credentials: the "TURN REST API" scheme of coturn's ``use-auth-secret``.

The TURN server and the signaling server share a secret; nobody else learns it. For every
participant that joins, the signaling server makes a user name ``<expiry>:<who>`` (expiry in
UTC epoch seconds) and its password ``base64(HMAC-SHA1(secret, user name))``. coturn recomputes
the password from the user name and refuses it once the expiry has passed, so a credential
copied out of a browser stops working by itself and no user list is kept anywhere.

Pure: no clock, no network. The caller passes the current time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Final

from outreach_app.core.settings_rules import IceServer, SettingError, parse_ice_servers

# Long enough for a session day plus overrun: coturn checks the expiry again whenever an
# allocation is refreshed (every few minutes), so a credential must outlive the call it serves.
DEFAULT_LIFETIME_SECONDS: Final = 12 * 3600
MAX_LIFETIME_SECONDS: Final = 7 * 24 * 3600
MIN_SECRET_CHARS: Final = 16
# coturn's default separator between the expiry and the rest of the user name.
SEPARATOR: Final = ":"
_USER = re.compile(r"[A-Za-z0-9._-]{1,64}")


@dataclass(frozen=True)
class TurnCredential:
    username: str
    credential: str
    expires_at: int


def turn_credential(
    secret: str, user: str, now: float, lifetime_seconds: int = DEFAULT_LIFETIME_SECONDS
) -> TurnCredential:
    """A credential for `user` (letters, digits, ``._-``) valid from `now` for `lifetime_seconds`.

    A lifetime of 0 or less gives a credential that has already expired (tests use it).
    """
    if not secret:
        raise ValueError("the TURN secret is empty")
    if not _USER.fullmatch(user):
        raise ValueError(
            f"a TURN user is 1-64 letters, digits, dots, dashes or underscores: {user!r}"
        )
    expires_at = int(now) + int(lifetime_seconds)
    username = f"{expires_at}{SEPARATOR}{user}"
    digest = hmac.new(secret.encode("utf-8"), username.encode("ascii"), hashlib.sha1).digest()
    return TurnCredential(username, base64.b64encode(digest).decode("ascii"), expires_at)


@dataclass(frozen=True)
class TurnRest:
    """TURN servers that share `secret` with this signaling server (coturn's static-auth-secret).

    `urls` are ``turn:host:port`` or ``turns:host:port`` (with ``?transport=tcp`` where wanted).
    """

    urls: tuple[str, ...]
    secret: str
    lifetime_seconds: int = DEFAULT_LIFETIME_SECONDS

    def __post_init__(self) -> None:
        if not self.urls:
            raise ValueError("give at least one TURN URL (turn:host:3478)")
        for url in self.urls:
            check_turn_url(url)
        if len(self.secret) < MIN_SECRET_CHARS:
            raise ValueError(
                f"the TURN secret must be at least {MIN_SECRET_CHARS} characters "
                "(the static-auth-secret of coturn's configuration)"
            )
        if not 60 <= self.lifetime_seconds <= MAX_LIFETIME_SECONDS:
            raise ValueError(
                f"the TURN credential lifetime must be 60 to {MAX_LIFETIME_SECONDS} seconds"
            )

    def ice_servers(
        self, user: str, now: float, *, not_after: int | None = None
    ) -> list[IceServer]:
        """Fresh credentials for `user`, one entry per URL, valid for the configured lifetime
        but never past `not_after` (UTC epoch seconds: when the invitation that asked expires,
        so that copying the credential out of a browser buys no time)."""
        lifetime = self.lifetime_seconds
        if not_after is not None:
            lifetime = min(lifetime, not_after - int(now))
        credential = turn_credential(self.secret, user, now, lifetime)
        return [IceServer(url, credential.username, credential.credential) for url in self.urls]


def check_turn_url(url: str) -> str:
    """`url` if it is a turn: or turns: URL with a valid host and port; ValueError if not."""
    if not url.startswith(("turn:", "turns:")) or any(c.isspace() for c in url):
        raise ValueError(f"not a TURN URL (turn:host:3478 or turns:host:5349): {url!r}")
    try:
        # The settings' own rules for ICE server lines; the credentials are placeholders.
        parse_ice_servers(f"{url} user password")
    except SettingError as error:
        raise ValueError(f"not a TURN URL: {error}") from error
    return url


def turn_user(session_id: int, site_id: int | None) -> str:
    """Who a credential is for, as it shows in the TURN server's log."""
    return f"s{session_id}-host" if site_id is None else f"s{session_id}-site{site_id}"
