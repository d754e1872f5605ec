"""The Sites page: the directory of sites staff keep for preparing sessions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import PageSpec, page_action
from outreach_app.ui.sites.view import SitesView


def build_page(context: UiContext) -> PageSpec:
    view = SitesView(context)
    new_site = page_action(
        view,
        "sites",
        QCoreApplication.translate("pages", "New &site"),
        QKeySequence("Ctrl+Shift+N"),
        view.new_site,
    )
    import_sites = page_action(
        view,
        "sites",
        QCoreApplication.translate("pages", "&Import sites from CSV…"),
        QKeySequence("Ctrl+I"),
        view.open_import,
    )
    return PageSpec(
        key="sites",
        title=QCoreApplication.translate("pages", "Sites"),
        widget=view,
        icon=QStyle.StandardPixmap.SP_DirHomeIcon,
        flush=view.flush,
        actions=[new_site, import_sites],
    )
