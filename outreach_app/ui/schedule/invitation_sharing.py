"""Handing out one site's invitation any day before the session: its link, a ready-made message
to paste into a chat or an e-mail, or its QR code to send into a chat group or open on a phone.

The links come from the page's link source, the one the .ics invitations use: the office's team
server in team mode, this computer's signing secret working alone. So they open the session on
the right server from any day before it, and are refused once it has ended.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Callable, Coroutine
from typing import Any, Final

import shiboken6
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from outreach_app.core.ics import invitation_message
from outreach_app.core.minutes_document import file_name_stem
from outreach_app.core.model import Session, SessionSite
from outreach_app.ui.exports.vocabulary import invitation_words
from outreach_app.ui.formatting import format_date, format_time
from outreach_app.ui.presenter import Presenter
from outreach_app.ui.schedule.invitation_qr import InvitationQrDialog
from outreach_app.ui.settings import AppSettings

# As in the call window, where the same key copies the link of the site chosen in the run sheet.
COPY_LINK_SHORTCUT: Final = "Ctrl+Shift+C"
COPY_MESSAGE_SHORTCUT: Final = "Ctrl+Shift+T"

LinkSource = Callable[[Session], Coroutine[Any, Any, dict[int, str]]]


class Share(enum.Enum):
    LINK = "link"
    MESSAGE = "message"
    QR_CODE = "qr_code"


class InvitationBar(QWidget):
    """Under the open session: choose one of its sites, then copy its link or its message, or
    show its QR code. The page says why when the invitations cannot be handed out."""

    confirmed = Signal(str)  # something was copied: a short confirmation
    refused = Signal(str)  # why nothing was handed out
    siteChosen = Signal(int)  # a site chosen here, for the speaking order to select it too

    def __init__(
        self,
        presenter: Presenter,
        settings: AppSettings,
        links: LinkSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("invitationBar")
        self._presenter = presenter
        self._settings = settings
        self._links = links
        self.session: Session | None = None
        self._problem = ""
        self.qr_dialog: InvitationQrDialog | None = None

        self.site_combo = QComboBox()
        self.site_combo.setObjectName("inviteSiteCombo")
        self.site_combo.setAccessibleName(self.tr("Site to invite"))
        self.site_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.site_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        label = QLabel(self.tr("Invitation for:"))
        label.setBuddy(self.site_combo)
        self.copy_link_action = self._action(
            self.tr("Copy &link"), Share.LINK, COPY_LINK_SHORTCUT, "copyInviteLinkButton"
        )
        self.copy_message_action = self._action(
            self.tr("Copy &message"), Share.MESSAGE, COPY_MESSAGE_SHORTCUT, "copyInviteTextButton"
        )
        self.qr_action = self._action(self.tr("&QR code…"), Share.QR_CODE, "", "inviteQrButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.site_combo, 1)
        for action in self.actions_for_a_site():
            button = QToolButton()
            button.setObjectName(str(action.property("buttonName")))
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            layout.addWidget(button)
        self.site_combo.currentIndexChanged.connect(self._site_changed)
        self._update()

    def _action(self, text: str, share: Share, shortcut: str, button_name: str) -> QAction:
        action = QAction(text, self)
        action.setProperty("buttonName", button_name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self.share(share))
        return action

    def actions_for_a_site(self) -> list[QAction]:
        """What can be done with the chosen site's invitation (buttons here, a list's menu)."""
        return [self.copy_link_action, self.copy_message_action, self.qr_action]

    # ------------------------------------------------------------------ what is offered
    def show_session(self, session: Session | None, problem: str) -> None:
        """The saved `session` whose sites are offered, and why its invitations cannot be
        handed out now ("" when they can)."""
        chosen = self.current_site_id()
        self.session = session
        self._problem = problem
        slots = sorted(session.sites, key=lambda s: s.position) if session else []
        with QSignalBlocker(self.site_combo):
            self.site_combo.clear()
            for slot in slots:
                self.site_combo.addItem(slot.site_name or str(slot.site_id), slot.site_id)
            if chosen is not None:
                self.site_combo.setCurrentIndex(max(0, self.site_combo.findData(chosen)))
        self._update()

    def set_problem(self, problem: str) -> None:
        self._problem = problem
        self._update()

    def current_site_id(self) -> int | None:
        site_id = self.site_combo.currentData()
        return int(site_id) if site_id is not None else None

    def select_site(self, site_id: int) -> bool:
        """Choose `site_id` here (a row chosen in the speaking order); whether it is offered."""
        index = self.site_combo.findData(site_id)
        if index < 0:
            return False
        with QSignalBlocker(self.site_combo):
            self.site_combo.setCurrentIndex(index)
        self._update()
        return True

    def _site_changed(self) -> None:
        self._update()
        site_id = self.current_site_id()
        if site_id is not None:
            self.siteChosen.emit(site_id)

    def _update(self) -> None:
        offered = self.site_combo.count() > 0
        self.site_combo.setEnabled(offered)
        name = self.site_combo.currentText()
        tips = {
            self.copy_link_action: self.tr(
                "Copy %1's join link, to send it any day before the session (%2)"
            ).replace("%2", COPY_LINK_SHORTCUT),
            self.copy_message_action: self.tr(
                "Copy a message for %1 with the session, its turn, the join link and the"
                " pre-call check link (%2)"
            ).replace("%2", COPY_MESSAGE_SHORTCUT),
            self.qr_action: self.tr(
                "Show the QR code of %1's join link, to send into a chat group or open on a phone"
            ),
        }
        for action, tip in tips.items():
            action.setEnabled(offered and not self._problem)
            action.setToolTip(self._problem or tip.replace("%1", name))

    # ------------------------------------------------------------------ handing out
    def share(self, share: Share, site_id: int | None = None) -> asyncio.Task[None] | None:
        """Hand out the invitation of `site_id` (the chosen site when None) as `share` asks;
        the links come from the link source, so this may take a moment the first time."""
        session = self.session
        site_id = self.current_site_id() if site_id is None else site_id
        if self._problem:
            self.refused.emit(self._problem)
            return None
        if session is None or site_id is None:
            return None
        return self._presenter.spawn(self._hand_out(share, session, site_id))

    async def _hand_out(self, share: Share, session: Session, site_id: int) -> None:
        failure = ""
        try:
            links = await self._links(session)
        except OSError as exc:
            links, failure = {}, exc.strerror or str(exc)
        if not shiboken6.isValid(self):
            return  # the page closed meanwhile
        if failure:
            self.refused.emit(
                self.tr("The invitations need the call server, which could not start: %1").replace(
                    "%1", failure
                )
            )
            return
        slot = next((s for s in session.sites if s.site_id == site_id), None)
        link = links.get(site_id)
        if slot is None or not link:
            self.refused.emit(self.tr("No invitation could be made for this site."))
            return
        name = slot.site_name or str(site_id)
        if share is Share.LINK:
            QGuiApplication.clipboard().setText(link)
            self.confirmed.emit(self.tr("Copied the invitation link for %1.").replace("%1", name))
        elif share is Share.MESSAGE:
            text = invitation_message(session, site_id, link, words=invitation_words())
            QGuiApplication.clipboard().setText(text)
            self.confirmed.emit(
                self.tr("Copied the invitation message for %1.").replace("%1", name)
            )
        else:
            self._show_qr_code(session, slot, link)

    def _show_qr_code(self, session: Session, slot: SessionSite, link: str) -> None:
        if self.qr_dialog is not None and shiboken6.isValid(self.qr_dialog):
            self.qr_dialog.close()
            self.qr_dialog.deleteLater()
        name = slot.site_name or str(slot.site_id)
        when = (
            f"{format_date(session.start.date())} "
            f"{format_time(session.start)}–{format_time(session.end)}"
        )
        self.qr_dialog = InvitationQrDialog(
            link,
            site_name=name,
            session_line=f"{session.title} · {when}",
            file_stem=file_name_stem(session.start.date(), session.title, name),
            settings=self._settings,
            parent=self.window(),
        )
        self.qr_dialog.show()

    def site_menu(self, site_id: int, parent: QWidget) -> QMenu | None:
        """The menu of a site's row elsewhere (the speaking order): its invitation's actions,
        under its name; None when this bar is not offered or the site is not one of its own."""
        if self.isHidden() or not self.select_site(site_id):
            return None
        menu = QMenu(parent)
        title = menu.addAction(
            self.tr("Invitation for %1").replace("%1", self.site_combo.currentText())
        )
        title.setEnabled(False)
        menu.addSeparator()
        menu.addActions(self.actions_for_a_site())
        return menu
