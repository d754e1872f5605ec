"""Two people change the same site while apart: the second learns of it in the status bar, sees
both versions side by side and chooses; a change the office's server refuses is discarded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from outreach_app.core.model import Role, Site
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.team.dialogs import DIFFERENT, ProblemsDialog
from tests.ui.conftest import until
from tests.ui.team.desks import Desk, team_desk
from tests.ui.team.threaded_server import OtherDesk, threaded_team_server


def _set_region(region: str) -> Callable[[Repository], None]:
    def change(repo: Repository) -> None:
        site = repo.sites.list_sites()[0]
        site.region = region
        repo.sites.save_site(site)

    return change


def _region(store: StoreWorker) -> str:
    return str(store.call(lambda r: r.sites.list_sites())[0].region)


async def _both_change_apart(desk: Desk, other: OtherDesk, mine: str, theirs: str) -> None:
    """This desk is offline while both change the region; back online, it conflicts."""
    await desk.presenter.stop()
    other.write(_set_region(theirs))
    await until(other.settled, timeout=30)
    await desk.context.store.run(_set_region(mine))
    desk.presenter.start()
    await until(lambda: desk.presenter.status.problems == 1, timeout=30)


def _versions(dialog: ProblemsDialog) -> dict[str, tuple[str, str, bool]]:
    table = dialog.table
    rows = {}
    for row in range(table.rowCount()):
        cells = [table.item(row, column) for column in range(3)]
        if all(cells):
            field, mine, theirs = (c.text() for c in cells)  # type: ignore[union-attr]
            marked = cells[1].background().color() == DIFFERENT  # type: ignore[union-attr]
            rows[field] = (mine, theirs, marked)
    return rows


async def test_a_conflict_shows_both_versions_and_either_choice_is_kept(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(
        tmp_path / "server", ("anna", Role.STAFF), ("li", Role.STAFF)
    ) as server:
        other = OtherDesk(server, tmp_path / "other.db", "li", Role.STAFF)
        try:
            other.write(lambda r: r.sites.save_site(Site(name="Gas field", region="West")))
            async with team_desk(server, tmp_path, "anna") as desk:
                sites = desk.window.pages["sites"].widget
                await until(lambda: sites.visible_site_names() == ["Gas field"], timeout=30)  # type: ignore[attr-defined]

                await _both_change_apart(desk, other, mine="South", theirs="North")
                bar = desk.desk.status_bar
                await until(lambda: bar.problems_button.isVisibleTo(bar))
                assert bar.problems_button.text() == "1 conflict to resolve"
                bar.problems_button.click()
                dialog = desk.desk.problems_dialog
                assert dialog is not None and dialog.isVisible()
                await until(lambda: dialog.list.count() == 1)
                assert dialog.list.item(0).text().startswith("Site “Gas field” edited\n")
                assert dialog.title_label.text() == "Site “Gas field” edited"
                versions = _versions(dialog)
                assert versions["Region"] == ("South", "North", True)
                assert versions["Name"] == ("Gas field", "Gas field", False)
                assert dialog.keep_mine_button.isVisibleTo(dialog)
                assert dialog.keep_theirs_button.isVisibleTo(dialog)
                assert not dialog.discard_button.isVisibleTo(dialog)

                dialog.keep_mine_button.click()
                await until(lambda: dialog.list.count() == 0, timeout=30)
                await until(lambda: desk.presenter.status.problems == 0)
                await until(lambda: _region(other.store) == "South", timeout=30)
                assert dialog.title_label.text().startswith("Nothing to resolve")
                dialog.close()

                announced: list[Topic] = []
                desk.context.bus.changed.connect(announced.append)
                await _both_change_apart(desk, other, mine="West", theirs="East")
                desk.desk.open_problems()
                await until(lambda: dialog.list.count() == 1)
                dialog.keep_theirs_button.click()
                await until(lambda: desk.presenter.status.problems == 0, timeout=30)
                assert _region(desk.context.store) == "East"
                assert Topic.SITES in announced
                # The Sites page shows the record's version without being asked.
                await until(
                    lambda: [s.region for s in sites.model.sites] == ["East"],  # type: ignore[attr-defined]
                    timeout=5,
                )
        finally:
            other.close()


async def test_a_change_the_server_refuses_says_why_and_is_discarded(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(
        tmp_path / "server", ("li", Role.STAFF), ("wang", Role.REVIEWER)
    ) as server:
        other = OtherDesk(server, tmp_path / "other.db", "li", Role.STAFF)
        try:
            other.write(lambda r: r.sites.save_site(Site(name="Gas field", region="West")))
            async with team_desk(server, tmp_path, "wang") as desk:
                await until(lambda: desk.presenter.status.link.value == "online", timeout=30)
                await until(lambda: desk.context.store.call(lambda r: r.sites.list_sites()))
                # A reviewer's page offers no editing of sites; a change made anyway is refused.
                await desk.context.store.run(_set_region("Mine"))
                await until(lambda: desk.presenter.status.problems == 1, timeout=30)
                dialog = desk.desk.open_problems()
                await until(lambda: dialog.list.count() == 1)
                assert dialog.list.item(0).text().endswith("· refused")
                assert "Your role, Reviewer (reviews minutes), may not do this." in (
                    dialog.reason_label.text()
                )
                assert dialog.discard_button.isVisibleTo(dialog)
                assert not dialog.keep_mine_button.isVisibleTo(dialog)
                dialog.discard_button.click()
                await until(lambda: desk.presenter.status.problems == 0, timeout=30)
                assert _region(desk.context.store) == "West"
        finally:
            other.close()
