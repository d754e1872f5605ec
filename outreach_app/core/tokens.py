"""Signed, expiring tokens of named kinds: JSON Web Tokens (RFC 7519) signed with HS256 by PyJWT.

A token's kind is its audience (``aud``) and its issuer (``iss``) is always ``outreach``, so a token
issued for one purpose (a site's invitation, the host's credential, a team member's session) is
refused wherever another kind is expected. A token may name one record (``rec``): a verifier for a
record accepts only tokens for that record, and a verifier for no record only tokens that name none.

The payload is signed, not encrypted: it carries ids and times, nothing secret. Tokens use only
URL-safe characters, so they go into a link as they are.

Pure: no clock, no files, no network. The caller passes the secret and the current time, which is
why ``exp`` is compared here rather than by PyJWT, whose check reads the system clock.
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Final, TypeAlias

import jwt
from jwt.types import Options

ISSUER: Final = "outreach"
ALGORITHM: Final = "HS256"
# Long enough for every token we issue, short enough that a hostile one costs nothing to reject.
MAX_TOKEN_LENGTH: Final = 512
# RFC 7518 section 3.2: an HS256 key is at least as long as the hash it feeds.
MIN_SECRET_BYTES: Final = 32
SECRET_BYTES: Final = 32
MAX_RECORD_LENGTH: Final = 64
# Claims this module writes and checks; the issuer's own claims may not use these names.
REGISTERED_CLAIMS: Final = frozenset({"iss", "aud", "exp", "jti", "rec", "iat", "nbf", "sub"})

JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None

_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
_TOKEN_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
_KIND = re.compile(r"[a-z][a-z0-9-]{0,31}")
# Links in the older "o1.<payload>.<mac>" format: reported as outdated rather than as garbage.
_OLD_FORMAT = re.compile(r"o[0-9]{1,3}")
# Ids and times stay exact in JavaScript too.
MAX_INTEGER: Final = 2**53 - 1
# Without a header "typ" the token is 16 characters shorter; the kind is in "aud" anyway.
_HEADERS: Final = {"typ": None}
_DECODE_OPTIONS: Final[Options] = {
    "require": ["iss", "aud", "exp", "jti"],
    "verify_exp": False,  # compared with the caller's time below
    "verify_iat": False,  # neither is issued; the library would read the system clock
    "verify_nbf": False,
    "enforce_minimum_key_length": True,
}


class InvalidReason(enum.StrEnum):
    MALFORMED = "malformed"
    UNSUPPORTED_VERSION = "unsupported_version"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    # Its expiry is further ahead than its kind may run: refused until it comes within reach.
    NOT_YET_VALID = "not_yet_valid"
    WRONG_KIND = "wrong_kind"
    WRONG_RECORD = "wrong_record"


class InvalidToken(Exception):
    """The token admits no one; `reason` says why, in a form a program can act on."""

    def __init__(self, reason: InvalidReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


@dataclass(frozen=True)
class VerifiedToken:
    """A valid token: its kind, the issuer's own claims, its expiry, id and record."""

    kind: str
    claims: Mapping[str, JSONValue] = field(hash=False)
    expires_at: int
    token_id: str
    record: str | None = None


def generate_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def sign(
    secret: bytes,
    claims: Mapping[str, JSONValue],
    kind: str,
    *,
    expires_at: int,
    token_id: str | None = None,
    record: str | None = None,
) -> str:
    """A token of `kind` carrying `claims`, valid until `expires_at` (UTC epoch seconds).

    `token_id` (``jti``) is fresh and random unless given; `record` binds the token to one record.
    """
    check_secret(secret)
    if not isinstance(kind, str) or not _KIND.fullmatch(kind):
        raise ValueError(f"a token kind is a short lower-case name, not {kind!r}")
    if not is_integer(expires_at):
        raise ValueError("expires_at must be a non-negative integer (UTC epoch seconds)")
    reserved = REGISTERED_CLAIMS.intersection(claims)
    if reserved:
        raise ValueError(f"claims may not use the registered names {sorted(reserved)}")
    token_id = new_token_id() if token_id is None else token_id
    if not _TOKEN_ID.fullmatch(token_id):
        raise ValueError("a token id is 1-32 URL-safe base64 characters")
    payload: dict[str, JSONValue] = {
        "iss": ISSUER,
        "aud": kind,
        "exp": expires_at,
        "jti": token_id,
    }
    if record is not None:
        _check_record(record)
        payload["rec"] = record
    payload.update(claims)
    return jwt.encode(payload, secret, algorithm=ALGORITHM, headers=_HEADERS)


def verify(
    secret: bytes,
    token: object,
    kind: str | Collection[str],
    now: float,
    *,
    record: str | None = None,
) -> VerifiedToken:
    """`token` if it is well formed, signed with `secret` by HS256, of `kind` (or of any of the
    kinds given), for `record` (or for none), and not expired at `now` (UTC epoch seconds).

    Raises InvalidToken and nothing else, whatever `token` is.
    """
    check_secret(secret)
    kinds = [kind] if isinstance(kind, str) else list(kind)
    _check_shape(token)
    assert isinstance(token, str)
    try:
        payload = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=kinds,
            issuer=ISSUER,
            options=_DECODE_OPTIONS,
        )
    except jwt.InvalidAlgorithmError as exc:
        raise InvalidToken(InvalidReason.BAD_SIGNATURE, f"not signed with {ALGORITHM}") from exc
    except jwt.InvalidSignatureError as exc:
        raise InvalidToken(InvalidReason.BAD_SIGNATURE) from exc
    except (jwt.InvalidAudienceError, jwt.InvalidIssuerError) as exc:
        raise InvalidToken(InvalidReason.WRONG_KIND, str(exc)) from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken(InvalidReason.MALFORMED, str(exc)) from exc
    # Reached only with a valid signature, so a failure below means a bug or a leaked secret;
    # it is still reported rather than trusted.
    token_kind = payload["aud"]
    expires_at = payload["exp"]
    token_id = payload["jti"]
    token_record = payload.get("rec")
    if not isinstance(token_kind, str) or token_kind not in kinds:
        raise InvalidToken(InvalidReason.MALFORMED, "the audience is not one kind")
    if not (is_integer(expires_at) and isinstance(token_id, str) and _TOKEN_ID.fullmatch(token_id)):
        raise InvalidToken(InvalidReason.MALFORMED, "registered claims have the wrong types")
    if token_record is not None and not isinstance(token_record, str):
        raise InvalidToken(InvalidReason.MALFORMED, "the record is not text")
    if token_record != record:
        raise InvalidToken(InvalidReason.WRONG_RECORD)
    if now >= expires_at:
        raise InvalidToken(InvalidReason.EXPIRED)
    claims = {name: value for name, value in payload.items() if name not in REGISTERED_CLAIMS}
    return VerifiedToken(token_kind, claims, expires_at, token_id, token_record)


def new_token_id() -> str:
    return secrets.token_urlsafe(9)


def is_integer(value: object) -> bool:
    """A non-negative integer that JSON and JavaScript carry exactly (bool excluded)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_INTEGER


def check_secret(secret: bytes) -> None:
    if not isinstance(secret, bytes) or len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"the signing secret must be at least {MIN_SECRET_BYTES} bytes")


def _check_record(record: str) -> None:
    if not isinstance(record, str) or not 0 < len(record) <= MAX_RECORD_LENGTH:
        raise ValueError(f"a record is 1-{MAX_RECORD_LENGTH} characters of text")


def _check_shape(token: object) -> None:
    """Refuse, before any decoding, what cannot be one of our tokens.

    PyJWT also accepts padded segments and standard base64; ours are canonical URL-safe base64
    only, so that a token has exactly one spelling. Without the canonical check, the spare bits
    of a segment's last character would let an altered token verify.
    """
    if not isinstance(token, str):
        raise InvalidToken(InvalidReason.MALFORMED, "not text")
    if len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken(InvalidReason.MALFORMED, "too long")
    segments = token.split(".")
    if len(segments) != 3:
        raise InvalidToken(InvalidReason.MALFORMED, "expected three dot-separated parts")
    if _OLD_FORMAT.fullmatch(segments[0]):
        raise InvalidToken(InvalidReason.UNSUPPORTED_VERSION, segments[0])
    for segment in segments:
        if not _is_canonical_base64url(segment):
            raise InvalidToken(InvalidReason.MALFORMED, "not URL-safe base64")


def _is_canonical_base64url(text: str) -> bool:
    if not _BASE64URL.fullmatch(text):
        return False
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return False
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii") == text
