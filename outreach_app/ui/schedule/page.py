"""The Sessions page: the week, what is coming up, and the session being prepared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from outreach_app.ui.context import UiContext
from outreach_app.ui.pages import Page

if TYPE_CHECKING:
    from outreach_app.ui.schedule.view import ScheduleView

PAGE_KEY = "schedule"


def build_page(context: UiContext) -> Page[ScheduleView]:
    def build() -> ScheduleView:
        # Imported when the page is first shown, for a fast start.
        from outreach_app.ui.schedule.view import ScheduleView

        return ScheduleView(context)

    page = Page(
        PAGE_KEY,
        QCoreApplication.translate("pages", "Sessions"),
        QStyle.StandardPixmap.SP_FileDialogListView,
        build,
        flush=lambda view: view.flush(),
    )
    page.add_action(
        QCoreApplication.translate("pages", "&New session"),
        QKeySequence.StandardKey.New,
        lambda view: view.new_session(),
        needs="sessions.save_session",
    )
    page.add_action(
        QCoreApplication.translate("pages", "Save &invitations as .ics…"),
        QKeySequence("Ctrl+Shift+J"),
        lambda view: view.save_invitations(),
        needs="invitations",
        tooltip=QCoreApplication.translate(
            "pages", "Save the open session's invitations as calendar files (Ctrl+Shift+J)"
        ),
    )
    return page
