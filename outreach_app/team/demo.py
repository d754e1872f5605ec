"""A demo office on this computer: a team record of the demo's sessions and notes, with one
account for each kind of person, rebuilt every day like the single-computer demo.

    outreach-app --demo --team [--role staff|official|reviewer]

starts (or finds already running) `outreach-server --data DEMO_FOLDER --port DEMO_PORT` on
127.0.0.1 and signs in as that role's account; a second copy of the app (another user account of
the computer, or another computer pointed at this one) signs in as another.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Final

from outreach_app.core.model import Role
from outreach_app.storage.demo import ensure_demo_database
from outreach_app.team.accounts import Accounts
from outreach_app.team.admin import COMMAND_LINE
from outreach_app.team.importer import import_database
from outreach_app.team.record import RecordFolder, init_folder, open_folder, open_record, setting

DEMO_PORT: Final = 8766
DEMO_PASSWORD: Final = "outreach-demo"
# One person for each role, named as in the demo's sessions.
DEMO_ACCOUNTS: Final = {
    Role.STAFF: ("limin", "李敏"),
    Role.OFFICIAL: ("wangjianguo", "王建国"),
    Role.REVIEWER: ("chenjing", "陈静"),
    Role.NOTE_TAKER: ("zhaolei", "赵磊"),
}
_BUILT_ON: Final = "demo_built_on"


def ensure_demo_record(folder: Path, today: date | None = None) -> tuple[RecordFolder, bool]:
    """The demo office's record in `folder`, built for `today`; True if it was (re)built."""
    today = today or date.today()
    if (folder / "record.db").exists():
        existing = open_folder(folder)
        repo = open_record(existing)
        try:
            built_on = setting(repo, _BUILT_ON)
        finally:
            repo.close()
        if built_on == today.isoformat():
            return existing, False
        shutil.rmtree(folder)
    record_folder = init_folder(folder, "演示办公室 · Demo office")
    repo = open_record(record_folder)
    try:
        with tempfile.TemporaryDirectory(prefix="outreach-demo-") as scratch:
            demo = Path(scratch) / "demo.db"
            ensure_demo_database(demo, today)
            import_database(repo, demo, COMMAND_LINE)
        accounts = Accounts(repo.db)
        for role, (name, display) in DEMO_ACCOUNTS.items():
            accounts.add(name, role, DEMO_PASSWORD, display_name=display)
        with repo.db.conn:
            repo.db.execute(
                "INSERT INTO team_settings (key, value) VALUES (?, ?)",
                (_BUILT_ON, today.isoformat()),
            )
    finally:
        repo.close()
    return record_folder, True


def demo_account(role: Role) -> tuple[str, str]:
    """The account name and password of the demo's person with `role`."""
    name, _display = DEMO_ACCOUNTS.get(role, DEMO_ACCOUNTS[Role.OFFICIAL])
    return name, DEMO_PASSWORD
