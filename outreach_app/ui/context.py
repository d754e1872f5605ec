"""What every page is built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from outreach_app.core.model import User
from outreach_app.core.permissions import may_run
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings

if TYPE_CHECKING:
    from outreach_app.ui.team.presenter import TeamPresenter


def _local_now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class UiContext:
    store: StoreWorker
    bus: ChangeBus
    user: User
    settings: AppSettings
    demo: bool = False
    clock: Callable[[], datetime] = field(default=_local_now)
    # The open call windows; created with the first call (ui/call/launcher.py).
    calls: CallWindows | None = None
    # Signed in to an office's team server; None while working alone.
    team: TeamPresenter | None = None

    def allows(self, operation: str) -> bool:
        """Whether the person's role may run a store operation ("sites.save_site"), as the
        office's server decides in team mode; working alone the chosen role decides alike."""
        return may_run(self.user.role, operation)

    def live_elsewhere(self) -> dict[int, int | None]:
        """Sessions whose call runs now on an official's computer (team mode), each with the
        site that has the floor (None: nobody yet)."""
        return dict(self.team.live) if self.team is not None else {}
