"""The sites table: one row per site, filtered as the user types, sorted the way Chinese readers
expect (by pinyin)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication

from outreach_app.core.model import Site

SITE_ID_ROLE = Qt.ItemDataRole.UserRole
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    REGION = 1
    ADDRESS = 2
    CONTACT = 3
    TAGS = 4


def main_contact_text(site: Site) -> str:
    if not site.contacts:
        return ""
    contact = site.contacts[0]
    return f"{contact.name} {contact.phone}".strip()


def search_text(site: Site) -> str:
    """Everything a filter may match: name, region, address, every contact and tag."""
    contacts = (f"{c.name} {c.position} {c.phone}" for c in site.contacts)
    return " ".join([site.name, site.region, site.address, *contacts, *site.tags]).casefold()


class SitesTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sites: list[Site] = []
        self._search: list[str] = []
        self._headers = [
            self.tr("Name"),
            self.tr("Region"),
            self.tr("Address"),
            self.tr("Main contact"),
            self.tr("Tags"),
        ]

    @property
    def sites(self) -> list[Site]:
        return self._sites

    def set_sites(self, sites: list[Site]) -> None:
        self.beginResetModel()
        self._sites = list(sites)
        self._search = [search_text(s) for s in self._sites]
        self.endResetModel()

    def site_at(self, row: int) -> Site:
        return self._sites[row]

    def row_of(self, site_id: int) -> int | None:
        for row, site in enumerate(self._sites):
            if site.id == site_id:
                return row
        return None

    def matches(self, row: int, needle: str) -> bool:
        return needle in self._search[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._sites)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        site = self._sites[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(site, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(site, column)
        if role == Qt.ItemDataRole.ForegroundRole and site.archived:
            return QGuiApplication.palette().placeholderText()
        if role == Qt.ItemDataRole.FontRole and site.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == SITE_ID_ROLE:
            return site.id
        if role == ARCHIVED_ROLE:
            return site.archived
        return None

    def cell_text(self, site: Site, column: Column) -> str:
        if column is Column.NAME:
            # The mark comes first: a long name is cut at its end, the mark must stay in view.
            return self.tr("Archived · %1").replace("%1", site.name) if site.archived else site.name
        if column is Column.REGION:
            return site.region
        if column is Column.ADDRESS:
            return site.address
        if column is Column.CONTACT:
            return main_contact_text(site)
        return "、".join(site.tags)

    def _tooltip(self, site: Site, column: Column) -> str:
        if column is Column.CONTACT and len(site.contacts) > 1:
            return "\n".join(
                " ".join(part for part in (c.name, c.position, c.phone) if part)
                for c in site.contacts
            )
        return self.cell_text(site, column)


class SitesFilterModel(QSortFilterProxyModel):
    """Hides archived sites unless asked and sites without the filter text; archived sites
    sort last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._show_archived = False
        # Site names are Chinese whatever language the UI speaks: pinyin order reads naturally.
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)

    @property
    def filter_text(self) -> str:
        return self._needle

    def set_show_archived(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_archived = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _source(self) -> SitesTableModel:
        model = self.sourceModel()
        assert isinstance(model, SitesTableModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        source = self._source()
        if source.site_at(source_row).archived and not self._show_archived:
            return False
        return not self._needle or source.matches(source_row, self._needle)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        source = self._source()
        a, b = source.site_at(left.row()), source.site_at(right.row())
        if a.archived != b.archived:
            return b.archived
        column = Column(left.column())
        order = self._collator.compare(source.cell_text(a, column), source.cell_text(b, column))
        if order == 0 and column is not Column.NAME:
            order = self._collator.compare(a.name, b.name)
        return order < 0
