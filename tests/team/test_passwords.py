from __future__ import annotations

import pytest

from outreach_app.team.passwords import (
    PasswordRuleError,
    ScryptCost,
    check_password_rules,
    hash_password,
    verify_password,
)

CHEAP = ScryptCost(log2_n=10)


def test_a_hash_verifies_its_password_and_no_other() -> None:
    stored = hash_password("correct horse battery", CHEAP)
    assert verify_password("correct horse battery", stored)
    assert not verify_password("correct horse batterY", stored)
    assert "correct" not in stored


def test_two_hashes_of_one_password_differ_by_their_salt() -> None:
    assert hash_password("same password!", CHEAP) != hash_password("same password!", CHEAP)


def test_the_default_cost_is_memory_hard() -> None:
    assert ScryptCost().memory_bytes >= 32 * 1024 * 1024


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain",
        "scrypt$10$8$1$salt",
        "scrypt$x$8$1$AAAA$AAAA",
        "scrypt$40$8$1$AAAA$AAAA",  # a cost nobody may force on the server
        "bcrypt$10$8$1$AAAA$AAAA",
        "scrypt$10$8$1$!!!$AAAA",
    ],
)
def test_a_damaged_hash_never_verifies(stored: str) -> None:
    assert not verify_password("whatever password", stored)


@pytest.mark.parametrize("password", ["short", " leading space1", "trailing space1 ", "x" * 2000])
def test_password_rules_refuse_with_a_reason(password: str) -> None:
    with pytest.raises(PasswordRuleError):
        check_password_rules(password)
