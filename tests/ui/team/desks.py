"""A desk in team mode inside a test: signed in for real, its replica in the test's folder, its
main window built as the app builds it (pages restricted by role, the team desk attached)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from outreach_app.app import open_main_window
from outreach_app.sync.connection import TeamAddress, sign_in
from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.team.desk import TeamDesk
from outreach_app.ui.team.presenter import TeamPresenter
from outreach_app.ui.team.saved_sign_in import SavedSignIn
from tests.ui.team.threaded_server import PASSWORD


class TeamServer(Protocol):
    """A team server a test started: on a thread of the test (threaded_server.py) or the real
    `outreach-server` in a process of its own (tests/team/server_process.py)."""

    @property
    def address(self) -> TeamAddress: ...


@dataclass
class Desk:
    window: MainWindow
    desk: TeamDesk
    presenter: TeamPresenter
    context: UiContext


@asynccontextmanager
async def team_desk(
    server: TeamServer, folder: Path, name: str, *, start: bool = True
) -> AsyncIterator[Desk]:
    credentials = await sign_in(server.address, name, PASSWORD, f"test-{name}")
    bus = ChangeBus()
    presenter = TeamPresenter(bus, folder / name, server.address, credentials, f"test-{name}")
    context = UiContext(
        store=presenter.store,
        bus=bus,
        user=presenter.user,
        settings=AppSettings(),
        team=presenter,
    )
    opened = open_main_window(context, None, None)
    desk = TeamDesk(context, opened.window, presenter, SavedSignIn(folder / f"{name}-config"))
    opened.window.show()
    if start:
        presenter.start()
    try:
        yield Desk(opened.window, desk, presenter, context)
    finally:
        for page in opened.window.pages.values():
            view = page.built_widget
            busy = getattr(view, "presenter", None)
            if busy is not None:
                await busy.wait_idle()
        await presenter.wait_idle()
        opened.window.close()
        await asyncio.wait_for(presenter.stop(), 10)
        presenter.session.close()
        opened.window.deleteLater()
