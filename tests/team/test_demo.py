from __future__ import annotations

from datetime import date
from pathlib import Path

from outreach_app.core.model import Role
from outreach_app.team.accounts import Accounts
from outreach_app.team.demo import DEMO_ACCOUNTS, demo_account, ensure_demo_record
from outreach_app.team.record import open_record


def test_the_demo_office_has_the_demo_and_one_account_per_role(tmp_path: Path) -> None:
    folder, built = ensure_demo_record(tmp_path / "demo-team", date(2026, 12, 7))
    assert built
    repo = open_record(folder)
    try:
        assert repo.sites.list_sites()
        today = [
            s
            for s in repo.sessions.upcoming_sessions(limit=50)
            if s.start.date() == date(2026, 12, 7)
        ]
        assert today, "a session scheduled for the day"
        accounts = Accounts(repo.db)
        for role in (Role.STAFF, Role.OFFICIAL, Role.REVIEWER):
            name, password = demo_account(role)
            account = accounts.check_password(name, password)
            assert account is not None and account.role is role
        assert len(accounts.all()) == len(DEMO_ACCOUNTS)
    finally:
        repo.close()
    assert ensure_demo_record(tmp_path / "demo-team", date(2026, 12, 7))[1] is False
    assert ensure_demo_record(tmp_path / "demo-team", date(2026, 12, 8))[1] is True
