"""Signed, expiring invitation tokens: one token admits one site (or the host) to one session.

A token reads ``o1.<payload>.<mac>``: a version prefix, the urlsafe base64 (unpadded) of a compact
JSON payload, and the urlsafe base64 of HMAC-SHA256 over ``o1.<payload>``. The payload is signed,
not encrypted: it carries ids and an expiry, nothing secret. Tokens use only URL-safe characters, so
they go into a join link as they are.

Pure: no clock, no files, no network. The caller passes the secret and the current time.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

TOKEN_VERSION: Final = "o1"
# Long enough for every payload we issue, short enough that a hostile token costs nothing to reject.
MAX_TOKEN_LENGTH: Final = 512
MIN_SECRET_BYTES: Final = 16
SECRET_BYTES: Final = 32
JOIN_PATH: Final = "/join/"

_MAC_BYTES: Final = hashlib.sha256().digest_size
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
_NONCE = re.compile(r"[A-Za-z0-9_-]{1,32}")
# Session and site ids are SQLite rowids; the bound keeps them exact in JavaScript too.
_MAX_ID: Final = 2**53 - 1


class TokenRole(enum.StrEnum):
    SITE = "site"
    HOST = "host"


class InvalidReason(enum.StrEnum):
    MALFORMED = "malformed"
    UNSUPPORTED_VERSION = "unsupported_version"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"


class InvalidToken(Exception):
    """The token does not admit anyone; `reason` says why, in a form a program can act on."""

    def __init__(self, reason: InvalidReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


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


def generate_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def issue_site_token(
    secret: bytes, session_id: int, site_id: int, expires_at: int, *, nonce: str | None = None
) -> str:
    """A token that admits site `site_id` to session `session_id` until `expires_at` (epoch s)."""
    _check_id("site_id", site_id)
    return _issue(secret, session_id, TokenRole.SITE, site_id, expires_at, nonce)


def issue_host_token(
    secret: bytes, session_id: int, expires_at: int, *, nonce: str | None = None
) -> str:
    """The official's credential: admits the hub of session `session_id` until `expires_at`."""
    return _issue(secret, session_id, TokenRole.HOST, None, expires_at, nonce)


def verify(secret: bytes, token: object, now: float) -> Claims:
    """The claims of `token` if it is well formed, signed with `secret` and not expired at `now`.

    Raises InvalidToken and nothing else, whatever `token` is.
    """
    _check_secret(secret)
    if not isinstance(token, str):
        raise InvalidToken(InvalidReason.MALFORMED, "not text")
    if len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken(InvalidReason.MALFORMED, "too long")
    parts = token.split(".")
    if len(parts) != 3:
        raise InvalidToken(InvalidReason.MALFORMED, "expected three dot-separated parts")
    version, payload_text, mac_text = parts
    if version != TOKEN_VERSION:
        # Only a plausible version name is reported as such; anything else is plain garbage.
        if re.fullmatch(r"o[0-9]{1,3}", version):
            raise InvalidToken(InvalidReason.UNSUPPORTED_VERSION, version)
        raise InvalidToken(InvalidReason.MALFORMED, "unknown prefix")
    payload_bytes = _decode_base64url(payload_text)
    mac = _decode_base64url(mac_text)
    if len(mac) != _MAC_BYTES:
        raise InvalidToken(InvalidReason.MALFORMED, "signature has the wrong length")
    expected = _mac(secret, f"{version}.{payload_text}")
    # The signature is checked before the payload is parsed: unsigned input never reaches json.
    if not hmac.compare_digest(mac, expected):
        raise InvalidToken(InvalidReason.BAD_SIGNATURE)
    claims = _parse_payload(payload_bytes)
    if now >= claims.expires_at:
        raise InvalidToken(InvalidReason.EXPIRED)
    return claims


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


def _issue(
    secret: bytes,
    session_id: int,
    role: TokenRole,
    site_id: int | None,
    expires_at: int,
    nonce: str | None,
) -> str:
    _check_secret(secret)
    _check_id("session_id", session_id)
    if isinstance(expires_at, bool) or not isinstance(expires_at, int) or expires_at < 0:
        raise ValueError("expires_at must be a non-negative integer (UTC epoch seconds)")
    nonce = secrets.token_urlsafe(9) if nonce is None else nonce
    if not _NONCE.fullmatch(nonce):
        raise ValueError("nonce must be 1-32 URL-safe base64 characters")
    payload: dict[str, object] = {"s": session_id, "r": role.value, "e": expires_at, "n": nonce}
    if site_id is not None:
        payload["t"] = site_id
    payload_text = _encode_base64url(
        json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    )
    signed = f"{TOKEN_VERSION}.{payload_text}"
    return f"{signed}.{_encode_base64url(_mac(secret, signed))}"


def _parse_payload(payload_bytes: bytes) -> Claims:
    # Reached only with a valid signature, so a failure here means a bug or a leaked secret;
    # it is still reported as MALFORMED rather than trusted.
    try:
        payload = json.loads(payload_bytes)
    except (ValueError, RecursionError) as exc:
        raise InvalidToken(InvalidReason.MALFORMED, "payload is not JSON") from exc
    if not isinstance(payload, dict):
        raise InvalidToken(InvalidReason.MALFORMED, "payload is not an object")
    session_id = payload.get("s")
    role_text = payload.get("r")
    expires_at = payload.get("e")
    nonce = payload.get("n")
    site_id = payload.get("t")
    if not (_is_id(session_id) and _is_id(expires_at) and isinstance(nonce, str)):
        raise InvalidToken(InvalidReason.MALFORMED, "payload fields have the wrong types")
    assert isinstance(session_id, int) and isinstance(expires_at, int)
    if role_text == TokenRole.HOST.value and site_id is None:
        return Claims(session_id, TokenRole.HOST, None, expires_at, nonce)
    if role_text == TokenRole.SITE.value and _is_id(site_id):
        assert isinstance(site_id, int)
        return Claims(session_id, TokenRole.SITE, site_id, expires_at, nonce)
    raise InvalidToken(InvalidReason.MALFORMED, "payload role and site do not match")


def _mac(secret: bytes, signed_text: str) -> bytes:
    return hmac.new(secret, signed_text.encode("ascii"), hashlib.sha256).digest()


def _encode_base64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode_base64url(text: str) -> bytes:
    if not _BASE64URL.fullmatch(text):
        raise InvalidToken(InvalidReason.MALFORMED, "not URL-safe base64")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise InvalidToken(InvalidReason.MALFORMED, "not URL-safe base64") from exc
    # The last character of a base64 string has spare bits that decoding ignores; without this
    # check a token with an altered last character would still verify.
    if _encode_base64url(data) != text:
        raise InvalidToken(InvalidReason.MALFORMED, "non-canonical base64")
    return data


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MAX_ID


def _check_id(name: str, value: int) -> None:
    if not _is_id(value):
        raise ValueError(f"{name} must be an integer between 0 and 2**53 - 1, not {value!r}")


def _check_secret(secret: bytes) -> None:
    if not isinstance(secret, bytes) or len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"the signing secret must be at least {MIN_SECRET_BYTES} bytes")
