"""Reading a message board export off the GUI thread, checking it, and importing it whole."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from outreach_app.core.demand_import import (
    MAX_DEMAND_BYTES,
    DemandFileError,
    DemandImportResult,
    DemandRow,
    parse_demands,
)
from outreach_app.core.demand_update import DemandPlan, ImportAction
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import DemandImportSummary
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.import_files import ImportFileError, read_import_bytes
from outreach_app.ui.presenter import ChangeBus, Presenter


@dataclass
class DemandPreview:
    """A checked file, and what importing each of its demands would do (in the same order)."""

    file_name: str
    result: DemandImportResult
    plans: list[DemandPlan] = field(default_factory=list)

    def plan(self, demand: DemandRow) -> DemandPlan | None:
        index = self.result.demands.index(demand)
        return self.plans[index] if index < len(self.plans) else None

    @property
    def to_import(self) -> list[DemandPlan]:
        return [p for p in self.plans if p.action is ImportAction.NEW]

    @property
    def to_update(self) -> list[DemandPlan]:
        return [p for p in self.plans if p.action is ImportAction.UPDATE]

    @property
    def skipped(self) -> int:
        return len(self.plans) - len(self.to_import) - len(self.to_update)

    @property
    def disagreements(self) -> int:
        return sum(len(p.disagreements) for p in self.plans)


class DemandImportPresenter(Presenter):
    """One per import dialog."""

    parsed = Signal(object)  # DemandPreview
    failed = Signal(str, dict)  # untranslated message template, its values
    imported = Signal(object)  # DemandImportSummary

    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, bus, parent)
        self.clock = clock

    def parse(self, path: Path) -> None:
        today = self.clock().date()

        async def parse() -> DemandPreview | ImportFileError | DemandFileError:
            sites = await self.query(lambda r: r.sites.list_sites(include_archived=True))
            try:
                data = await asyncio.to_thread(read_import_bytes, path, MAX_DEMAND_BYTES)
                result = await asyncio.to_thread(
                    parse_demands, data, file_name=path.name, sites=sites, today=today
                )
            except (ImportFileError, DemandFileError) as exc:
                return exc
            demands = result.demands
            plans = (
                await self.query(lambda r: r.follow_ups.plan_demand_import(demands))
                if result.ok
                else []
            )
            return DemandPreview(path.name, result, plans)

        def done(outcome: DemandPreview | ImportFileError | DemandFileError) -> None:
            if isinstance(outcome, DemandPreview):
                self.parsed.emit(outcome)
            else:
                self.failed.emit(outcome.template, outcome.params)

        # Only the last file chosen counts, however long an earlier one takes to read.
        self.spawn_latest("preview", parse(), done)

    def import_demands(self, preview: DemandPreview) -> None:
        demands = preview.result.demands
        source = preview.file_name

        def done(summary: DemandImportSummary) -> None:
            self.imported.emit(summary)
            self.announce(Topic.FOLLOW_UPS)

        self.spawn(self.query(lambda r: r.follow_ups.import_demands(demands, source)), on_done=done)
