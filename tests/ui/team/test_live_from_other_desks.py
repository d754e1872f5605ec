"""While the official runs a call on their computer, a reviewer's desk sees it live, which site
has the floor, and the notes as they are taken; changes made on another computer refresh the
pages by themselves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from outreach_app.core.model import Role, Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import uid_of
from tests.ui.conftest import until
from tests.ui.team.desks import team_desk
from tests.ui.team.threaded_server import OtherDesk, threaded_team_server


def _prepare(repo: Repository) -> tuple[int, int, int]:
    gas = repo.sites.save_site(Site(name="Gas field"))
    village = repo.sites.save_site(Site(name="Red Flag village"))
    session = repo.sessions.save_session(
        Session(
            title="Holiday call",
            kind=SessionKind.INVESTIGATION,
            official="zhang",
            start=datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=10),
            duration_minutes=90,
            status=SessionStatus.SCHEDULED,
            sites=[SessionSite(gas, 0, 30), SessionSite(village, 1, 30)],
        )
    )
    return session, gas, village


async def test_a_reviewer_sees_the_call_live_the_floor_and_the_notes(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(
        tmp_path / "server",
        ("li", Role.STAFF),
        ("zhang", Role.OFFICIAL),
        ("wang", Role.REVIEWER),
    ) as server:
        staff = OtherDesk(server, tmp_path / "staff.db", "li", Role.STAFF)
        official = OtherDesk(server, tmp_path / "official.db", "zhang", Role.OFFICIAL)
        try:
            staff.write(_prepare)
            async with team_desk(server, tmp_path, "wang") as desk:
                schedule = desk.window.pages["schedule"].widget
                await until(lambda: schedule.upcoming_session_ids(), timeout=30)  # type: ignore[attr-defined]
                [session_id] = schedule.upcoming_session_ids()  # type: ignore[attr-defined]
                schedule.open_session(session_id)  # type: ignore[attr-defined]
                await until(
                    lambda: official.write(
                        lambda r: r.sessions.list_sessions_between(
                            datetime.now() - timedelta(days=1), datetime.now() + timedelta(days=1)
                        )
                    ),
                    timeout=30,
                )

                def uids(repo: Repository) -> tuple[str | None, str | None, int]:
                    session = repo.db.execute("SELECT id FROM sessions").fetchone()[0]
                    gas = repo.db.execute("SELECT id FROM sites WHERE name = 'Gas field'")
                    site = gas.fetchone()[0]
                    return (
                        uid_of(repo.db, "sessions", session),
                        uid_of(repo.db, "sites", site),
                        session,
                    )

                session_uid, gas_uid, official_session = official.write(uids)
                assert session_uid is not None
                server.run(official.client.report_live(session_uid, gas_uid, True))
                upcoming = schedule.upcoming  # type: ignore[attr-defined]
                await until(
                    lambda: (
                        upcoming.topLevelItem(0).text(3) == "Live now — Gas field has the floor"
                    ),
                    timeout=30,
                )
                live_label = schedule.live_label  # type: ignore[attr-defined]
                assert live_label.isVisibleTo(schedule)
                assert live_label.text() == "● Live now — Gas field has the floor"

                desk.window.show_page("notes")
                notes = desk.window.pages["notes"].widget
                await until(lambda: notes.presenter.notes is not None, timeout=10)  # type: ignore[attr-defined]
                assert "● Live now — Gas field has the floor" in notes.session_info.text()  # type: ignore[attr-defined]
                floor_item = notes.sites_list.item(0)  # type: ignore[attr-defined]
                assert floor_item.text().startswith("▶ 1. Gas field")

                # The official takes a note: it shows on the reviewer's notes page by itself.
                def take_note(repo: Repository) -> None:
                    site = repo.db.execute("SELECT id FROM sites WHERE name = 'Gas field'")
                    question = repo.notes.add_question(
                        official_session, site.fetchone()[0], "Is the gas supply steady?"
                    )
                    repo.notes.save_answer(question.id or 0, "Yes, at full pressure.", "站长")

                official.write(take_note)
                notes_list = notes.notes_list  # type: ignore[attr-defined]
                await until(
                    lambda: "Is the gas supply steady?" in notes_list.item(0).text(), timeout=15
                )
                assert "Yes, at full pressure." in notes_list.item(0).text()

                # The floor passes, then the call ends.
                village_uid = official.write(
                    lambda r: uid_of(
                        r.db,
                        "sites",
                        r.db.execute("SELECT id FROM sites WHERE name != 'Gas field'").fetchone()[
                            0
                        ],
                    )
                )
                server.run(official.client.report_live(session_uid, village_uid, True))
                await until(
                    lambda: "Red Flag village has the floor" in notes.session_info.text(),  # type: ignore[attr-defined]
                    timeout=30,
                )
                # The notes follow the site that has the floor.
                assert notes.notes_title.text() == "Notes — Red Flag village"  # type: ignore[attr-defined]
                server.run(official.client.report_live(session_uid, None, False))
                await until(lambda: "Live now" not in notes.session_info.text(), timeout=30)  # type: ignore[attr-defined]
                await until(lambda: not live_label.isVisibleTo(schedule))
        finally:
            official.close()
            staff.close()


async def test_a_site_added_on_another_computer_appears_on_the_sites_page(
    tmp_path: Path, qtbot: QtBot
) -> None:
    with threaded_team_server(
        tmp_path / "server", ("anna", Role.STAFF), ("li", Role.STAFF)
    ) as server:
        other = OtherDesk(server, tmp_path / "other.db", "li", Role.STAFF)
        try:
            async with team_desk(server, tmp_path, "anna") as desk:
                desk.window.show_page("sites")
                sites = desk.window.pages["sites"].widget
                await until(lambda: desk.presenter.status.link.value == "online", timeout=30)
                assert sites.visible_site_names() == []  # type: ignore[attr-defined]
                other.write(lambda r: r.sites.save_site(Site(name="红旗村村委会")))
                await until(lambda: sites.visible_site_names() == ["红旗村村委会"], timeout=30)  # type: ignore[attr-defined]
        finally:
            other.close()
