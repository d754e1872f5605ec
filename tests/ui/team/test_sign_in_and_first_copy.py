"""The first copy of a large record shows its progress and can be stopped, leaving nothing of
it behind; a sign-in the server no longer takes is asked for again, and nothing is lost."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach_app.core.model import Role, Site
from outreach_app.storage.repository import Repository
from outreach_app.sync.client import Link, SyncStatus
from outreach_app.sync.connection import sign_out
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.team.desk import abandon_first_copy
from outreach_app.ui.team.saved_sign_in import SavedSignIn
from tests.ui.conftest import until
from tests.ui.team.desks import team_desk
from tests.ui.team.threaded_server import PASSWORD, threaded_team_server

# Enough for a copy of several MB, which arrives in 1 MB pieces.
SITES = 30_000


def _many_sites(repo: Repository) -> None:
    with repo.db.conn:
        repo.db.conn.executemany(
            "INSERT INTO sites (name, created_at, updated_at, uid) VALUES (?, ?, ?, ?)",
            [
                (f"Site {n}", "2026-01-01T00:00:00", "2026-01-01T00:00:00", uuid.uuid4().hex)
                for n in range(SITES)
            ],
        )


async def test_the_first_copy_shows_progress_and_cancelling_leaves_nothing(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(tmp_path / "server", ("anna", Role.STAFF)) as server:
        service = server.server.service
        assert service is not None
        service.worker.call(_many_sites, timeout=None)
        async with team_desk(server, tmp_path, "anna") as desk:
            seen: list[tuple[int, int, str, bool]] = []
            cancelled: list[bool] = []
            desk.desk.firstCopyCancelled.connect(lambda: cancelled.append(True))

            def stop_after_the_first_page(status: SyncStatus) -> None:
                dialog = desk.desk.first_copy_dialog
                if status.first_copy and status.first_copy[0] and dialog and not seen:
                    bar = dialog.bar
                    seen.append(
                        (bar.value(), bar.maximum(), dialog.count_label.text(), dialog.isVisible())
                    )
                    dialog.cancel_button.click()

            desk.presenter.statusChanged.connect(stop_after_the_first_page)
            await until(lambda: bool(cancelled), timeout=30)
            [(done, total, words, visible)] = seen
            assert visible
            assert 0 < done < total  # the bar counts KiB of the record's copy
            assert re.fullmatch(r"[\d,]+\.\d MB of [\d,]+\.\d MB", words), words
            replica = desk.presenter.replica_path
            await abandon_first_copy(desk.presenter, AppSettings(), SavedSignIn(tmp_path / "c"))
            assert not replica.exists()
            assert list(replica.parent.iterdir()) == []


async def test_a_refused_sign_in_is_asked_again_and_work_goes_on(
    tmp_path: Path, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    use_language("en")
    with threaded_team_server(tmp_path / "server", ("anna", Role.STAFF)) as server:
        async with team_desk(server, tmp_path, "anna") as desk:
            await until(lambda: desk.presenter.status.link is Link.ONLINE, timeout=30)
            # The sign-in is ended elsewhere (an administrator, or the same person).
            await sign_out(server.address, desk.presenter.session.credentials.token)
            await until(lambda: desk.presenter.status.link is Link.SIGNED_OUT, timeout=30)
            assert desk.desk.status_bar.state_text() == "Signed out — sign in again"
            dialog = desk.desk.sign_in_dialog
            assert dialog is not None and dialog.isVisible()
            assert dialog.form.account_edit.text() == "anna"
            assert dialog.form.account_edit.isReadOnly()
            # Work goes on meanwhile, kept for when the person is back.
            await desk.context.store.run(lambda r: r.sites.save_site(Site(name="Gas field")))
            dialog.form.password_edit.setText(PASSWORD)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            await until(lambda: desk.desk.status_bar.state_text() == "Synced", timeout=30)
            service = server.server.service
            assert service is not None
            names = service.worker.call(lambda r: [s.name for s in r.sites.list_sites()])
            assert names == ["Gas field"]
