"""The sites directory's view-model: list, edit, archive and import sites."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from outreach_app.core.model import Session, Site
from outreach_app.core.site_import import SiteImportResult, decode_csv_bytes, parse_sites_csv
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.presenter import ChangeBus, Presenter

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportFileError(Exception):
    """The file cannot be read as a CSV of sites. `template` is translated by the view."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


@dataclass
class SiteDetails:
    site: Site
    history: list[Session]
    referenced: bool


def read_import_file(path: Path, existing_names: list[str]) -> SiteImportResult:
    """Runs off the GUI thread: read, decode and parse a CSV file of sites."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(
            "cannot open {file}: {error}", file=path.name, error=exc.strerror
        ) from exc
    if size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            "{file} is larger than 5 MB; split it into smaller files", file=path.name
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            "cannot read {file}: {error}", file=path.name, error=exc.strerror
        ) from exc
    if b"\x00" in data[:4096]:
        raise ImportFileError("{file} is not a text file; save it as CSV first", file=path.name)
    try:
        text = decode_csv_bytes(data)
    except ValueError as exc:
        raise ImportFileError("{file} is neither UTF-8 nor GB18030 text", file=path.name) from exc
    return parse_sites_csv(text, existing_names)


def _details(repo: Repository, site_id: int) -> SiteDetails:
    return SiteDetails(
        site=repo.get_site(site_id),
        history=repo.site_history(site_id),
        referenced=repo.site_is_referenced(site_id),
    )


class SitesPresenter(Presenter):
    sitesLoaded = Signal(list)  # list[Site]
    detailsLoaded = Signal(object)  # SiteDetails
    saved = Signal(int)  # site id
    deleted = Signal(int)
    importParsed = Signal(object)  # SiteImportResult
    importFailed = Signal(str, dict)  # untranslated message template, its values
    imported = Signal(int)  # number of sites

    def __init__(self, store: StoreWorker, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(store, bus, parent)
        self.include_archived = False
        self.sites: list[Site] = []
        bus.changed.connect(self._on_bus_changed)

    def _on_bus_changed(self, topic: str) -> None:
        if topic in ("sites", "sessions"):
            self.load()

    def load(self) -> None:
        include = self.include_archived

        def loaded(sites: list[Site]) -> None:
            self.sites = sites
            self.sitesLoaded.emit(sites)

        self.spawn(self.query(lambda r: r.list_sites(include_archived=include)), on_done=loaded)

    def set_include_archived(self, include: bool) -> None:
        self.include_archived = include
        self.load()

    def open(self, site_id: int) -> None:
        self.spawn(self.query(lambda r: _details(r, site_id)), on_done=self.detailsLoaded.emit)

    def save(self, site: Site) -> None:
        def done(site_id: int) -> None:
            self.saved.emit(site_id)
            self.announce("sites")

        self.spawn(self.query(lambda r: r.save_site(site)), on_done=done)

    def set_archived(self, site_id: int, archived: bool) -> None:
        def done(_: None) -> None:
            self.announce("sites")
            self.open(site_id)

        self.spawn(self.query(lambda r: r.set_site_archived(site_id, archived)), on_done=done)

    def delete(self, site_id: int) -> None:
        def done(_: None) -> None:
            self.deleted.emit(site_id)
            self.announce("sites")

        self.spawn(self.query(lambda r: r.delete_site(site_id)), on_done=done)

    # ------------------------------------------------------------------------- import
    def parse_import(self, path: Path) -> None:
        async def parse() -> SiteImportResult | ImportFileError:
            sites = await self.query(lambda r: r.list_sites(include_archived=True))
            try:
                return await asyncio.to_thread(read_import_file, path, [s.name for s in sites])
            except ImportFileError as exc:
                return exc

        def parsed(result: SiteImportResult | ImportFileError) -> None:
            if isinstance(result, ImportFileError):
                self.importFailed.emit(result.template, result.params)
            else:
                self.importParsed.emit(result)

        self.spawn(parse(), on_done=parsed)

    def import_sites(self, sites: list[Site]) -> None:
        def done(ids: list[int]) -> None:
            self.imported.emit(len(ids))
            self.announce("sites")

        self.spawn(self.query(lambda r: r.import_sites(sites)), on_done=done)
