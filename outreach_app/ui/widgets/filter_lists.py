"""The filter lists the review page and the follow-up board share: site, session kind, category
and status, each starting with its "all" choice (no data: None)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox

from outreach_app.core.model import SessionKind, Site
from outreach_app.ui.labels import kind_label


def site_filter() -> QComboBox:
    """Filled by `show_sites` once the sites are loaded."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("FilterLists", "Site filter"))
    return combo


def kind_filter() -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("FilterLists", "Kind filter"))
    combo.addItem(QCoreApplication.translate("FilterLists", "All kinds"), None)
    for kind in SessionKind:
        combo.addItem(kind_label(kind), kind.value)
    return combo


def category_filter() -> QComboBox:
    """Filled by `show_categories` once the categories are loaded."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("FilterLists", "Category filter"))
    return combo


def status_filter(statuses: Iterable[tuple[str, str]]) -> QComboBox:
    """`statuses`: the name and the value of each status to filter by."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("FilterLists", "Status filter"))
    combo.addItem(QCoreApplication.translate("FilterLists", "Any status"), None)
    for label, value in statuses:
        combo.addItem(label, value)
    return combo


def show_sites(combo: QComboBox, sites: Iterable[Site]) -> None:
    """Replace the sites listed, keeping the one chosen if it is still there; no signal."""
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(QCoreApplication.translate("FilterLists", "All sites"), None)
        for site in sites:
            name = site.name
            if site.archived:
                name = QCoreApplication.translate("FilterLists", "%1 (archived)").replace(
                    "%1", site.name
                )
            combo.addItem(name, site.id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))


def show_categories(combo: QComboBox, categories: Iterable[str]) -> None:
    """Replace the categories listed, keeping the one chosen if it is still there; no signal."""
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(QCoreApplication.translate("FilterLists", "All categories"), None)
        for name in categories:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
