"""Password hashes: scrypt, a memory-hard function, from the standard library.

A stored hash names its parameters, so that they can be raised later without invalidating the
hashes already kept: `scrypt$<log2 n>$<r>$<p>$<salt>$<hash>` with URL-safe base64 fields.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Final

MIN_PASSWORD_CHARS: Final = 10
MAX_PASSWORD_CHARS: Final = 1024
_SALT_BYTES: Final = 16
_HASH_BYTES: Final = 32
_SCHEME: Final = "scrypt"


class PasswordRuleError(ValueError):
    """A password that the office's rules refuse; the message says why in plain words."""


@dataclass(frozen=True)
class ScryptCost:
    """n = 2**log2_n, block size r, parallelism p. The default costs 32 MiB and about 0.1 s
    on the reference machine: slow for someone guessing, unnoticeable at sign-in."""

    log2_n: int = 15
    r: int = 8
    p: int = 1

    @property
    def memory_bytes(self) -> int:
        return 128 * self.r * (1 << self.log2_n) * self.p


DEFAULT_COST: Final = ScryptCost()


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise PasswordRuleError(f"a password has at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise PasswordRuleError(f"a password has at most {MAX_PASSWORD_CHARS} characters")
    if password.strip() != password:
        raise PasswordRuleError("a password does not begin or end with a space")


def _derive(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=1 << cost.log2_n,
        r=cost.r,
        p=cost.p,
        maxmem=2 * cost.memory_bytes,
        dklen=_HASH_BYTES,
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, cost: ScryptCost = DEFAULT_COST) -> str:
    check_password_rules(password)
    salt = os.urandom(_SALT_BYTES)
    digest = _derive(password, salt, cost)
    return f"{_SCHEME}${cost.log2_n}${cost.r}${cost.p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches `stored`; False for a wrong password or a damaged hash."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME or len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        cost = ScryptCost(int(parts[1]), int(parts[2]), int(parts[3]))
        salt, expected = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        return False
    if not (10 <= cost.log2_n <= 20 and 1 <= cost.r <= 32 and 1 <= cost.p <= 4):
        return False
    return hmac.compare_digest(_derive(password, salt, cost), expected)


# Compared against when the account does not exist, so that a wrong name costs as much time as
# a wrong password and the timing does not tell which names exist.
def dummy_hash(cost: ScryptCost = DEFAULT_COST) -> str:
    return hash_password("x" * MIN_PASSWORD_CHARS, cost)
