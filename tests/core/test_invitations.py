from __future__ import annotations

from collections.abc import Callable

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.core import tokens
from outreach_app.core.invitations import (
    MAX_HOST_TOKEN_SECONDS,
    MAX_SITE_TOKEN_SECONDS,
    MAX_TOKEN_LENGTH,
    Claims,
    InvalidReason,
    InvalidToken,
    TokenRole,
    generate_secret,
    issue_host_token,
    issue_site_token,
    join_url,
    token_from_join_url,
    verify,
)

SECRET = b"k" * 32
OTHER_SECRET = b"q" * 32
NOW = 1_790_000_000
LATER = NOW + 3600
URL_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
# The JOSE header of every token: HS256, nothing else.
HEADER = "eyJhbGciOiJIUzI1NiJ9"
# A site token in the older "o1" format, signed with SECRET and not expired at NOW.
OLD_FORMAT_TOKEN = (
    "o1.eyJlIjoxNzkwMDAzNjAwLCJuIjoiRGFtWnEwNkpHWUt1IiwiciI6InNpdGUiLCJzIjoxMjMsInQiOjQ1Njd9"
    ".nYiZ-yJ4MLqPM2H5Z-Ii4_dEVpsE6UZW8xZL09m9fFs"
)


def reason_of(token: object, *, secret: bytes = SECRET, now: float = NOW) -> InvalidReason:
    with pytest.raises(InvalidToken) as raised:
        verify(secret, token, now)
    return raised.value.reason


def test_a_site_token_round_trips() -> None:
    token = issue_site_token(SECRET, 12, 7, LATER, nonce="abc")

    assert verify(SECRET, token, NOW) == Claims(12, TokenRole.SITE, 7, LATER, "abc")


def test_a_host_token_round_trips_and_names_no_site() -> None:
    claims = verify(SECRET, issue_host_token(SECRET, 12, LATER), NOW)

    assert claims.is_host
    assert (claims.session_id, claims.site_id, claims.expires_at) == (12, None, LATER)


def test_site_and_host_tokens_of_one_session_differ_in_role() -> None:
    site = verify(SECRET, issue_site_token(SECRET, 3, 0, LATER), NOW)
    host = verify(SECRET, issue_host_token(SECRET, 3, LATER), NOW)

    assert (site.role, host.role) == (TokenRole.SITE, TokenRole.HOST)
    assert not site.is_host


def test_each_issue_gets_a_fresh_nonce() -> None:
    first = issue_site_token(SECRET, 1, 1, LATER)
    second = issue_site_token(SECRET, 1, 1, LATER)

    assert first != second
    assert verify(SECRET, first, NOW).nonce != verify(SECRET, second, NOW).nonce


def test_tokens_are_url_safe_short_json_web_tokens() -> None:
    token = issue_site_token(SECRET, 2**40, 2**40, 2**40)

    assert token.startswith(HEADER + ".")
    assert set(token) <= set(URL_SAFE + ".")
    # Join links are pasted into chat groups: even ids and times of 2**40 give a short token.
    assert len(token) <= 220
    assert len(issue_site_token(SECRET, 120, 4500, LATER)) <= 190


def test_a_token_reads_as_a_standard_json_web_token() -> None:
    # PyJWT checks the expiry against the system clock here: a time far ahead.
    token = issue_site_token(SECRET, 12, 7, 2**33, nonce="abc")

    assert jwt.get_unverified_header(token) == {"alg": "HS256"}
    assert jwt.decode(token, SECRET, algorithms=["HS256"], audience="site", issuer="outreach") == {
        "iss": "outreach",
        "aud": "site",
        "exp": 2**33,
        "jti": "abc",
        "ses": 12,
        "site": 7,
    }


def test_a_token_is_valid_until_the_second_it_expires() -> None:
    token = issue_site_token(SECRET, 1, 1, LATER)

    assert verify(SECRET, token, LATER - 0.001).session_id == 1
    assert reason_of(token, now=LATER) is InvalidReason.EXPIRED
    assert reason_of(token, now=LATER + 86400) is InvalidReason.EXPIRED


@pytest.mark.parametrize(
    ("issue", "longest"),
    [
        (lambda expires: issue_site_token(SECRET, 1, 1, expires), MAX_SITE_TOKEN_SECONDS),
        (lambda expires: issue_host_token(SECRET, 1, expires), MAX_HOST_TOKEN_SECONDS),
    ],
    ids=["site", "host"],
)
def test_a_token_that_expires_too_far_ahead_is_honoured_only_once_it_comes_within_reach(
    issue: Callable[[int], str], longest: int
) -> None:
    far = issue(NOW + longest + 1)

    assert reason_of(issue(2**40)) is InvalidReason.NOT_YET_VALID
    assert reason_of(far) is InvalidReason.NOT_YET_VALID
    assert verify(SECRET, far, NOW + 1).expires_at == NOW + longest + 1
    assert verify(SECRET, issue(NOW + longest), NOW).expires_at == NOW + longest
    assert MAX_HOST_TOKEN_SECONDS < MAX_SITE_TOKEN_SECONDS == 30 * 86400


def test_another_secret_does_not_verify() -> None:
    token = issue_site_token(SECRET, 1, 1, LATER)

    assert reason_of(token, secret=OTHER_SECRET) is InvalidReason.BAD_SIGNATURE
    assert reason_of(token, secret=generate_secret()) is InvalidReason.BAD_SIGNATURE


@pytest.mark.parametrize("role", list(TokenRole))
def test_a_token_of_one_role_is_refused_where_the_other_is_expected(role: TokenRole) -> None:
    site = issue_site_token(SECRET, 1, 1, LATER)
    host = issue_host_token(SECRET, 1, LATER)
    wanted, unwanted = (site, host) if role is TokenRole.SITE else (host, site)

    assert verify(SECRET, wanted, NOW, role=role).role is role
    with pytest.raises(InvalidToken) as raised:
        verify(SECRET, unwanted, NOW, role=role)
    assert raised.value.reason is InvalidReason.WRONG_KIND


def test_tokens_of_other_kinds_are_not_invitations() -> None:
    member = tokens.sign(SECRET, {"ses": 1}, "member", expires_at=LATER)

    assert reason_of(member) is InvalidReason.WRONG_KIND


@pytest.mark.parametrize(
    ("kind", "claims"),
    [
        ("site", {"ses": 1}),
        ("site", {"ses": 1, "site": "7"}),
        ("site", {"ses": True, "site": 7}),
        ("host", {"ses": 1, "site": 7}),
        ("host", {"ses": -1}),
        ("host", {}),
    ],
)
def test_signed_tokens_with_the_wrong_claims_are_malformed(
    kind: str, claims: dict[str, tokens.JSONValue]
) -> None:
    token = tokens.sign(SECRET, claims, kind, expires_at=LATER)

    assert reason_of(token) is InvalidReason.MALFORMED


def test_links_in_the_old_format_are_refused_as_outdated() -> None:
    assert reason_of(OLD_FORMAT_TOKEN) is InvalidReason.UNSUPPORTED_VERSION


@pytest.mark.parametrize("maker", ["site", "host"])
def test_changing_any_character_invalidates_the_token(maker: str) -> None:
    token = (
        issue_site_token(SECRET, 12, 7, LATER)
        if maker == "site"
        else issue_host_token(SECRET, 12, LATER)
    )
    alphabet = URL_SAFE + "."

    for index, original in enumerate(token):
        for replacement in alphabet:
            if replacement == original:
                continue
            tampered = token[:index] + replacement + token[index + 1 :]
            with pytest.raises(InvalidToken):
                verify(SECRET, tampered, NOW)


def test_a_payload_swapped_between_tokens_fails_the_signature() -> None:
    site_one = issue_site_token(SECRET, 1, 1, LATER)
    site_two = issue_site_token(SECRET, 1, 2, LATER)
    header, payload_two, _ = site_two.split(".")
    spliced = f"{header}.{payload_two}.{site_one.split('.')[2]}"

    assert reason_of(spliced) is InvalidReason.BAD_SIGNATURE


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("", InvalidReason.MALFORMED),
        ("o1", InvalidReason.MALFORMED),
        ("..", InvalidReason.MALFORMED),
        (f"{HEADER}..", InvalidReason.MALFORMED),
        ("abc.def.ghi.jkl", InvalidReason.MALFORMED),
        (f"{HEADER}.a+b.cd", InvalidReason.MALFORMED),
        (f"{HEADER}.YQ==.YQ", InvalidReason.MALFORMED),
        ("YQ.YQ.YQ", InvalidReason.MALFORMED),
        (f"{HEADER}.YQ.YQ", InvalidReason.BAD_SIGNATURE),
        ("o1.YQ.YQ", InvalidReason.UNSUPPORTED_VERSION),
        ("o2.YQ.YQ", InvalidReason.UNSUPPORTED_VERSION),
        ("x1.YQ.YQ", InvalidReason.MALFORMED),
        (f"{HEADER}." + "A" * MAX_TOKEN_LENGTH + ".AA", InvalidReason.MALFORMED),
        (f"{HEADER}.全角.字符", InvalidReason.MALFORMED),
    ],
)
def test_garbage_is_malformed_or_unsupported(token: str, reason: InvalidReason) -> None:
    assert reason_of(token) is reason


@pytest.mark.parametrize("value", [None, 42, HEADER.encode() + b".YQ.YQ", ["o1"]])
def test_values_that_are_not_text_are_malformed(value: object) -> None:
    assert reason_of(value) is InvalidReason.MALFORMED


def test_a_secret_shorter_than_the_hash_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 32 bytes"):
        issue_site_token(b"k" * 31, 1, 1, LATER)
    with pytest.raises(ValueError, match="at least 32 bytes"):
        verify(b"k" * 16, issue_site_token(SECRET, 1, 1, LATER), NOW)


@pytest.mark.parametrize(
    ("session_id", "site_id", "expires_at"),
    [(-1, 1, LATER), (1, -1, LATER), (True, 1, LATER), (1, 2**60, LATER), (1, 1, -5)],
)
def test_issuing_refuses_ids_and_times_out_of_range(
    session_id: int, site_id: int, expires_at: int
) -> None:
    with pytest.raises(ValueError):
        issue_site_token(SECRET, session_id, site_id, expires_at)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_random_text_never_verifies_and_raises_only_invalid_token(text: str) -> None:
    with pytest.raises(InvalidToken):
        verify(SECRET, text, NOW)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=URL_SAFE, max_size=160),
    st.text(alphabet=URL_SAFE, max_size=60),
)
def test_random_well_shaped_tokens_never_verify(payload: str, mac: str) -> None:
    with pytest.raises(InvalidToken):
        verify(SECRET, f"{HEADER}.{payload}.{mac}", NOW)


def test_join_url_puts_the_token_under_join() -> None:
    token = issue_site_token(SECRET, 1, 1, LATER)

    assert join_url("http://127.0.0.1:8765", token) == f"http://127.0.0.1:8765/join/{token}"
    assert join_url("https://meet.example.org/outreach/", token) == (
        f"https://meet.example.org/outreach/join/{token}"
    )


@pytest.mark.parametrize("base", ["ftp://host", "127.0.0.1:8765", "http://", "http://h/?q=1"])
def test_join_url_refuses_bases_that_are_not_http(base: str) -> None:
    with pytest.raises(ValueError):
        join_url(base, issue_site_token(SECRET, 1, 1, LATER))


def test_the_token_comes_back_out_of_a_join_url() -> None:
    token = issue_site_token(SECRET, 5, 9, LATER)

    assert token_from_join_url(join_url("https://h.example/x", token)) == token
    assert token_from_join_url(f"  http://127.0.0.1:1/join/{token}/ ") == token


@pytest.mark.parametrize(
    "url", ["http://h/join/", "http://h/other/abc", "mailto:x", "http://h/join/a/b", "join/abc"]
)
def test_links_without_a_token_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        token_from_join_url(url)
