from __future__ import annotations

import base64
import json

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from outreach_app.core.tokens import (
    InvalidReason,
    InvalidToken,
    JSONValue,
    VerifiedToken,
    sign,
    verify,
)

SECRET = b"k" * 32
NOW = 1_790_000_000
LATER = NOW + 3600
CLAIMS: dict[str, JSONValue] = {"iss": "outreach", "aud": "member", "exp": LATER, "jti": "abc"}


def reason_of(
    token: object, kind: str = "member", *, now: float = NOW, record: str | None = None
) -> InvalidReason:
    with pytest.raises(InvalidToken) as raised:
        verify(SECRET, token, kind, now, record=record)
    return raised.value.reason


def segment(data: dict[str, JSONValue]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_a_token_carries_its_kind_claims_expiry_and_id() -> None:
    token = sign(SECRET, {"user": 4, "name": "王"}, "member", expires_at=LATER, token_id="t1")

    assert verify(SECRET, token, "member", NOW) == VerifiedToken(
        "member", {"user": 4, "name": "王"}, LATER, "t1", None
    )


def test_each_token_gets_a_fresh_id() -> None:
    first = verify(SECRET, sign(SECRET, {}, "member", expires_at=LATER), "member", NOW)
    second = verify(SECRET, sign(SECRET, {}, "member", expires_at=LATER), "member", NOW)

    assert first.token_id != second.token_id


def test_a_verifier_for_several_kinds_accepts_each_and_tells_which() -> None:
    token = sign(SECRET, {}, "host", expires_at=LATER)

    assert verify(SECRET, token, ["site", "host"], NOW).kind == "host"
    assert reason_of(token, "site") is InvalidReason.WRONG_KIND
    assert reason_of(token, "hos") is InvalidReason.WRONG_KIND


def test_expiry_is_checked_against_the_callers_clock() -> None:
    # The system clock is long past 1000: only the time passed in counts.
    token = sign(SECRET, {}, "member", expires_at=1000)

    assert verify(SECRET, token, "member", 999.999).expires_at == 1000
    assert reason_of(token, now=1000) is InvalidReason.EXPIRED
    assert reason_of(sign(SECRET, {}, "member", expires_at=LATER), now=LATER + 1) is (
        InvalidReason.EXPIRED
    )


def test_a_token_for_one_record_opens_no_other() -> None:
    for_a = sign(SECRET, {}, "member", expires_at=LATER, record="A")
    for_none = sign(SECRET, {}, "member", expires_at=LATER)

    assert verify(SECRET, for_a, "member", NOW, record="A").record == "A"
    assert reason_of(for_a, record="B") is InvalidReason.WRONG_RECORD
    assert reason_of(for_a) is InvalidReason.WRONG_RECORD
    assert reason_of(for_none, record="A") is InvalidReason.WRONG_RECORD


def test_an_unsigned_token_is_refused() -> None:
    header = segment({"alg": "none"})
    payload = segment(CLAIMS)

    assert reason_of(f"{header}.{payload}.") is InvalidReason.MALFORMED
    assert reason_of(f"{header}.{payload}.AAAA") is InvalidReason.BAD_SIGNATURE


# PyJWT warns that our 32-byte key is short for these hashes: the test signs with them on purpose.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
def test_a_token_signed_with_our_key_by_another_algorithm_is_refused(algorithm: str) -> None:
    token = jwt.encode(CLAIMS, SECRET, algorithm=algorithm)

    assert verify(SECRET, jwt.encode(CLAIMS, SECRET, algorithm="HS256"), "member", NOW)
    assert reason_of(token) is InvalidReason.BAD_SIGNATURE


def test_a_token_signed_with_a_public_key_algorithm_is_refused() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jwt.encode(CLAIMS, key, algorithm="RS256")

    assert len(token) <= 512  # short enough to reach the algorithm check
    assert reason_of(token) is InvalidReason.BAD_SIGNATURE


def test_a_token_signed_with_another_key_is_refused() -> None:
    token = jwt.encode(CLAIMS, b"q" * 32, algorithm="HS256")

    assert reason_of(token) is InvalidReason.BAD_SIGNATURE


def test_another_issuer_is_refused() -> None:
    token = jwt.encode({**CLAIMS, "iss": "someone else"}, SECRET, algorithm="HS256")

    assert reason_of(token) is InvalidReason.WRONG_KIND


@pytest.mark.parametrize("missing", ["iss", "aud", "exp", "jti"])
def test_a_signed_token_without_a_registered_claim_is_malformed(missing: str) -> None:
    claims = {name: value for name, value in CLAIMS.items() if name != missing}
    token = jwt.encode(claims, SECRET, algorithm="HS256")

    assert reason_of(token) is InvalidReason.MALFORMED


@pytest.mark.parametrize(
    "changes",
    [
        {"aud": ["member", "host"]},
        {"exp": "1790003600"},
        {"exp": 1.5e9},
        {"jti": 5},
        {"jti": "a/b"},
        {"rec": 7},
    ],
)
def test_a_signed_token_with_registered_claims_of_the_wrong_type_is_malformed(
    changes: dict[str, JSONValue],
) -> None:
    token = jwt.encode({**CLAIMS, **changes}, SECRET, algorithm="HS256")

    assert reason_of(token) is InvalidReason.MALFORMED


@pytest.mark.parametrize("name", ["iss", "aud", "exp", "jti", "rec", "sub"])
def test_the_issuers_claims_may_not_use_registered_names(name: str) -> None:
    with pytest.raises(ValueError, match="registered names"):
        sign(SECRET, {name: "x"}, "member", expires_at=LATER)


@pytest.mark.parametrize("kind", ["", "Member", "a b", "x" * 33, "会员"])
def test_kinds_are_short_lower_case_names(kind: str) -> None:
    with pytest.raises(ValueError, match="kind"):
        sign(SECRET, {}, kind, expires_at=LATER)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"expires_at": -1}, "expires_at"),
        ({"expires_at": True}, "expires_at"),
        ({"expires_at": 2**60}, "expires_at"),
        ({"expires_at": LATER, "token_id": ""}, "token id"),
        ({"expires_at": LATER, "token_id": "x" * 33}, "token id"),
        ({"expires_at": LATER, "record": ""}, "record"),
        ({"expires_at": LATER, "record": "r" * 65}, "record"),
    ],
)
def test_signing_refuses_values_out_of_range(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sign(SECRET, {}, "member", **arguments)  # type: ignore[arg-type]
