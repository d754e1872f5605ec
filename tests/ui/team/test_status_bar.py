"""The status bar always says where this computer stands with the office's server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from outreach_app.core.model import Role, Site
from outreach_app.sync.client import Link, SyncStatus
from outreach_app.ui.formatting import format_time
from outreach_app.ui.team.status_bar import SyncStatusBar
from tests.ui.conftest import until
from tests.ui.team.desks import team_desk
from tests.ui.team.threaded_server import OtherDesk, threaded_team_server


def test_each_state_in_words(qtbot: QtBot, use_language: Callable[[str], QLocale]) -> None:
    use_language("en")
    now = datetime(2026, 12, 7, 15, 30)
    gone = datetime(2026, 12, 7, 14, 5)
    at = format_time(gone)  # 14:05 or 2:05 PM, as the person's locale writes it
    bar = SyncStatusBar(clock=lambda: now)
    qtbot.addWidget(bar)
    states = [
        (SyncStatus(Link.ONLINE), "Synced"),
        (SyncStatus(Link.ONLINE, waiting=3), "Sending 3 changes…"),
        (SyncStatus(Link.ONLINE, waiting=1), "Sending 1 change…"),
        (
            SyncStatus(Link.OFFLINE, waiting=2, offline_since=gone),
            f"Offline since {at} — 2 changes waiting",
        ),
        (SyncStatus(Link.OFFLINE, offline_since=gone), f"Offline since {at}"),
        (SyncStatus(Link.SIGNED_OUT), "Signed out — sign in again"),
        (
            SyncStatus(Link.ONLINE, first_copy=(120, 4000)),
            "Copying the office's record: 120 of 4000",
        ),
    ]
    for status, text in states:
        bar.show_status(status)
        assert bar.state_text() == text
    bar.show_status(SyncStatus(Link.ONLINE, problems=2))
    assert bar.problems_button.isVisibleTo(bar)
    assert bar.problems_button.text() == "2 conflicts to resolve"
    with qtbot.waitSignal(bar.problemsRequested):
        bar.problems_button.click()
    bar.show_status(SyncStatus(Link.SIGNED_OUT))
    with qtbot.waitSignal(bar.signInRequested):
        bar.state_button.click()


async def test_offline_while_the_server_is_down_and_synced_again_when_it_returns(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(
        tmp_path / "server", ("anna", Role.STAFF), ("li", Role.STAFF)
    ) as server:
        async with team_desk(server, tmp_path, "anna") as desk:
            bar = desk.desk.status_bar
            await until(lambda: bar.state_text() == "Synced", timeout=30)
            server.stop()
            await until(lambda: bar.state_text().startswith("Offline since"), timeout=30)
            since = desk.presenter.status.offline_since
            assert since is not None
            assert bar.state_text() == f"Offline since {format_time(since)}"
            await desk.context.store.run(lambda r: r.sites.save_site(Site(name="Gas field")))
            await desk.context.store.run(lambda r: r.sites.save_site(Site(name="Red Flag")))
            await until(lambda: bar.state_text().endswith("— 2 changes waiting"), timeout=30)
            assert bar.state_text() == f"Offline since {format_time(since)} — 2 changes waiting"

            server.start()
            await until(lambda: bar.state_text() == "Synced", timeout=30)
            other = OtherDesk(server, tmp_path / "other.db", "li", Role.STAFF)
            try:
                await until(
                    lambda: (
                        {"Gas field", "Red Flag"}
                        <= {s.name for s in other.write(lambda r: r.sites.list_sites())}
                    ),
                    timeout=30,
                )
            finally:
                other.close()
