from __future__ import annotations

from pathlib import Path

import pytest

from outreach_app.core.model import Role
from outreach_app.storage.repository import Repository
from outreach_app.team.accounts import AccountError, Accounts
from outreach_app.team.passwords import PasswordRuleError, ScryptCost
from outreach_app.team.schema import migrate_team

CHEAP = ScryptCost(log2_n=10)
PASSWORD = "a long enough password"


@pytest.fixture
def accounts(tmp_path: Path) -> Accounts:
    repo = Repository.open(tmp_path / "record.db")
    migrate_team(repo.db)
    return Accounts(repo.db, cost=CHEAP)


def test_an_added_account_signs_in_with_its_password_only(accounts: Accounts) -> None:
    added = accounts.add("王芳", Role.REVIEWER, PASSWORD, display_name="王芳 (审核)")
    assert (added.name, added.role, added.disabled) == ("王芳", Role.REVIEWER, False)
    assert accounts.check_password("王芳", PASSWORD) == added
    assert accounts.check_password("王芳", PASSWORD + "!") is None
    assert accounts.check_password("nobody", PASSWORD) is None
    assert [a.name for a in accounts.all()] == ["王芳"]


def test_names_are_unique_whatever_their_case(accounts: Accounts) -> None:
    accounts.add("anna", Role.STAFF, PASSWORD)
    with pytest.raises(AccountError):
        accounts.add("ANNA", Role.OFFICIAL, PASSWORD)


@pytest.mark.parametrize("name", ["", "two words", "a/b", "x" * 65])
def test_unusable_names_are_refused(accounts: Accounts, name: str) -> None:
    with pytest.raises(AccountError):
        accounts.add(name, Role.STAFF, PASSWORD)


def test_weak_passwords_are_refused(accounts: Accounts) -> None:
    with pytest.raises(PasswordRuleError):
        accounts.add("anna", Role.STAFF, "short")


def test_the_password_is_never_stored_as_given(accounts: Accounts, tmp_path: Path) -> None:
    accounts.add("anna", Role.STAFF, PASSWORD)
    for path in tmp_path.iterdir():
        assert PASSWORD.encode() not in path.read_bytes()


def test_disabling_an_account_refuses_it_and_revokes_its_sign_ins(accounts: Accounts) -> None:
    anna = accounts.add("anna", Role.STAFF, PASSWORD)
    sign_in = accounts.record_sign_in(
        anna, device="laptop", address="10.0.0.2", now=100, lifetime=60
    )
    assert accounts.live_sign_in(sign_in.token_id, now=110) is not None
    accounts.set_disabled("anna", True, now=120)
    assert accounts.live_sign_in(sign_in.token_id, now=121) is None
    assert accounts.check_password("anna", PASSWORD) is None
    assert accounts.revoked_since(120) == {sign_in.token_id}
    accounts.set_disabled("anna", False, now=130)
    assert accounts.check_password("anna", PASSWORD) is not None
    assert accounts.live_sign_in(sign_in.token_id, now=131) is None  # stays revoked


def test_a_new_password_revokes_every_sign_in(accounts: Accounts) -> None:
    anna = accounts.add("anna", Role.STAFF, PASSWORD)
    first = accounts.record_sign_in(anna, device="a", address="x", now=100, lifetime=60)
    accounts.set_password("anna", "another long password", now=105)
    assert accounts.live_sign_in(first.token_id, now=106) is None
    assert accounts.check_password("anna", "another long password") is not None


def test_sign_ins_expire_and_can_be_revoked_one_by_one(accounts: Accounts) -> None:
    anna = accounts.add("anna", Role.STAFF, PASSWORD)
    laptop = accounts.record_sign_in(anna, device="laptop", address="x", now=100, lifetime=60)
    phone = accounts.record_sign_in(anna, device="phone", address="y", now=100, lifetime=60)
    assert accounts.live_sign_in(laptop.token_id, now=161) is None
    accounts.revoke(phone.token_id, now=120)
    assert accounts.live_sign_in(phone.token_id, now=121) is None
    assert accounts.live_sign_in("made-up", now=121) is None
