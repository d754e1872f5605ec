"""The Sites page: the directory of sites staff keep for preparing sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.pages import Page

if TYPE_CHECKING:
    from outreach_app.ui.sites.view import SitesView

PAGE_KEY = "sites"


def build_page(context: UiContext) -> Page[SitesView]:
    def build() -> SitesView:
        # Imported when the page is first shown, for a fast start.
        from outreach_app.ui.sites.view import SitesView

        return SitesView(context)

    page = Page(
        PAGE_KEY,
        QCoreApplication.translate("pages", "Sites"),
        QStyle.StandardPixmap.SP_DirHomeIcon,
        build,
        flush=lambda view: view.flush(),
    )
    page.add_action(
        QCoreApplication.translate("pages", "New &site"),
        QKeySequence("Ctrl+Shift+N"),
        lambda view: view.new_site(),
        needs="sites.save_site",
    )
    page.add_action(
        QCoreApplication.translate("pages", "&Import sites from CSV…"),
        QKeySequence("Ctrl+I"),
        lambda view: view.open_import(),
        needs="sites.import_sites",
    )
    return page
