"""What every page is built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from outreach_app.core.model import User
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings


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
