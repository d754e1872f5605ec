"""What storage tests share: sessions to put notes in, a database with a session at a site, and
another process holding a database open."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from outreach_app.core.model import Session, SessionKind, SessionSite, Site
from outreach_app.storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
NOON = datetime(2026, 11, 23, 12, 0)
START = datetime(2026, 11, 23, 9, 0)

HOLD_OPEN = """
import sys
from outreach_app.storage.repository import Repository
repo = Repository.open(sys.argv[1])
repo.sites.list_sites()
print("open", flush=True)
sys.stdin.read()
repo.close()
"""


def add_session(
    repo: Repository,
    site_ids: list[int],
    *,
    start: datetime = START,
    official: str = "王建国",
    minutes: int = 60,
) -> int:
    """A policy briefing "连线" with the sites in this order, 20 minutes each."""
    return repo.sessions.save_session(
        Session(
            "连线",
            SessionKind.POLICY_BRIEFING,
            official,
            start,
            minutes,
            sites=[SessionSite(s, i, 20) for i, s in enumerate(site_ids)],
        )
    )


def one_session(repo: Repository) -> tuple[int, int]:
    """东风村 and a policy briefing with it at NOON: (site id, session id)."""
    site = repo.sites.save_site(Site("东风村"))
    session = repo.sessions.save_session(
        Session(
            "连线",
            SessionKind.POLICY_BRIEFING,
            "王建国",
            NOON,
            60,
            sites=[SessionSite(site, 0, 20)],
        )
    )
    return site, session


@contextmanager
def held_open_elsewhere(database: Path) -> Iterator[None]:
    """Another process has `database` open (and has read it) until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(database)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(10)
