"""The sites directory's view-models: list, edit, archive and delete sites; import a CSV file."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from outreach_app.core.model import Session, Site
from outreach_app.core.site_import import SiteImportResult, decode_csv_bytes, parse_sites_csv
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.import_files import ImportFileError, read_import_bytes
from outreach_app.ui.presenter import ChangeBus, Presenter

MAX_IMPORT_BYTES = 5 * 1024 * 1024
# What a site's history and its "in use" state depend on.
_HISTORY_TOPICS = (Topic.SESSIONS, Topic.NOTES, Topic.FOLLOW_UPS)
_log = logging.getLogger(__name__)


@dataclass
class SiteDetails:
    site: Site
    history: list[Session]
    referenced: bool


def read_import_file(path: Path, existing_names: list[str]) -> SiteImportResult:
    """Runs off the GUI thread: read, decode and parse a CSV file of sites."""
    data = read_import_bytes(path, MAX_IMPORT_BYTES)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            "{file} is larger than 5 MB; split it into smaller files", file=path.name
        )
    # Spreadsheets (.xlsx is a zip, .xls a compound file) and images all have NUL bytes early.
    if b"\x00" in data[:4096]:
        raise ImportFileError("{file} is not a text file; save it as CSV first", file=path.name)
    try:
        text = decode_csv_bytes(data)
    except ValueError as exc:
        raise ImportFileError("{file} is neither UTF-8 nor GB18030 text", file=path.name) from exc
    return parse_sites_csv(text, existing_names)


def _details(repo: Repository, site_id: int) -> SiteDetails:
    return SiteDetails(
        site=repo.sites.get_site(site_id),
        history=repo.sites.site_history(site_id),
        referenced=repo.sites.site_is_referenced(site_id),
    )


def _log_failed_save(future: Future[int]) -> None:
    if future.exception() is not None:
        _log.warning("site not saved on close: %s", future.exception())


class SitesPresenter(Presenter):
    sitesLoaded = Signal(list)  # list[Site]
    detailsLoaded = Signal(object)  # SiteDetails: the site to edit
    historyLoaded = Signal(object)  # SiteDetails: fresh history of the site being edited
    saved = Signal(int)  # site id
    deleted = Signal(int)

    def __init__(self, store: StoreWorker, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(store, bus, parent)
        self.open_site_id: int | None = None
        bus.changed.connect(self._on_bus_changed)

    def _on_bus_changed(self, topic: Topic) -> None:
        if topic is Topic.SITES:
            self.load()
        if topic in _HISTORY_TOPICS and self.open_site_id is not None:
            site_id = self.open_site_id
            self.spawn(self.query(lambda r: _details(r, site_id)), on_done=self._history_loaded)

    def _history_loaded(self, details: SiteDetails) -> None:
        # The user may have moved on to another site while the store was working.
        if details.site.id == self.open_site_id:
            self.historyLoaded.emit(details)

    def load(self) -> None:
        """Every site, archived ones too: the view decides what to show."""

        self.spawn(
            self.query(lambda r: r.sites.list_sites(include_archived=True)),
            on_done=self.sitesLoaded.emit,
        )

    def open(self, site_id: int) -> None:
        self.open_site_id = site_id

        def loaded(details: SiteDetails) -> None:
            if details.site.id == self.open_site_id:
                self.detailsLoaded.emit(details)

        self.spawn(self.query(lambda r: _details(r, site_id)), on_done=loaded)

    def close_site(self) -> None:
        """The editor shows a new, unsaved site."""
        self.open_site_id = None

    def save(self, site: Site) -> None:
        def done(site_id: int) -> None:
            self.saved.emit(site_id)
            self.announce(Topic.SITES)

        self.spawn(self.query(lambda r: r.sites.save_site(site)), on_done=done)

    def save_before_close(self, site: Site) -> Future[int]:
        """Queue the save at once: on close the loop may not turn again, the store's worker
        still finishes every queued operation."""
        future = self.store.submit(lambda r: r.sites.save_site(site))
        future.add_done_callback(_log_failed_save)
        return future

    def set_archived(self, site_id: int, archived: bool) -> None:
        def done(_: None) -> None:
            self.announce(Topic.SITES)
            if self.open_site_id == site_id:
                self.open(site_id)

        self.spawn(self.query(lambda r: r.sites.set_site_archived(site_id, archived)), on_done=done)

    def delete(self, site_id: int) -> None:
        def done(_: None) -> None:
            if self.open_site_id == site_id:
                self.open_site_id = None
            self.deleted.emit(site_id)
            self.announce(Topic.SITES)

        self.spawn(self.query(lambda r: r.sites.delete_site(site_id)), on_done=done)


class SiteImportPresenter(Presenter):
    """One per import dialog: reads and checks a file off the GUI thread, then imports it."""

    parsed = Signal(object)  # SiteImportResult
    failed = Signal(str, dict)  # untranslated message template, its values
    imported = Signal(int)  # number of sites

    def __init__(self, store: StoreWorker, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(store, bus, parent)
        self._generation = 0

    def parse(self, path: Path) -> None:
        # Only the last file chosen counts, however long an earlier one takes to read.
        self._generation += 1
        generation = self._generation

        async def parse() -> SiteImportResult | ImportFileError:
            sites = await self.query(lambda r: r.sites.list_sites(include_archived=True))
            names = [s.name for s in sites]
            try:
                return await asyncio.to_thread(read_import_file, path, names)
            except ImportFileError as exc:
                return exc

        def done(result: SiteImportResult | ImportFileError) -> None:
            if generation != self._generation:
                return
            if isinstance(result, ImportFileError):
                self.failed.emit(result.template, result.params)
            else:
                self.parsed.emit(result)

        self.spawn(parse(), on_done=done)

    def import_sites(self, sites: list[Site]) -> None:
        def done(ids: list[int]) -> None:
            self.imported.emit(len(ids))
            self.announce(Topic.SITES)

        self.spawn(self.query(lambda r: r.sites.import_sites(sites)), on_done=done)
