"""The main window: a navigation list on the left, one page at a time on the right."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app import __version__
from outreach_app.core.model import Role
from outreach_app.ui.context import UiContext
from outreach_app.ui.labels import role_label
from outreach_app.ui.pages import Page
from outreach_app.ui.window_shortcuts import WindowShortcutsFirst

if TYPE_CHECKING:
    from outreach_app.ui.settings_dialog import SettingsDialog

ROLE_START_PAGE = {
    Role.STAFF: "schedule",
    Role.OFFICIAL: "notes",
    Role.NOTE_TAKER: "notes",
    Role.REVIEWER: "review",
}


class MainWindow(QMainWindow):
    # Working alone, the person chose another role in the settings: the pages offer what a
    # role may do from when they are built, so the app opens the window anew.
    roleChanged = Signal()

    def __init__(self, context: UiContext, pages: Sequence[Page[QWidget]]) -> None:
        super().__init__()
        self.context = context
        self.pages = {p.key: p for p in pages}
        self.site_windows: list[QWidget] = []
        self._quitting: asyncio.Task[None] | None = None
        title = self.tr("Outreach")
        if context.demo:
            title += " — " + self.tr("demo")
        self.setWindowTitle(title)
        self.setObjectName("mainWindow")

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setIconSize(QSize(20, 20))
        # Exactly as wide as its longest name: a layout saved narrow or a longer translation
        # must not cut a name or bring a scroll bar into the list, and a page that needs more
        # room must not squeeze the list (the list jumping between pages).
        widest = max(self.navigation.fontMetrics().horizontalAdvance(p.title) for p in pages)
        item_width = widest + self.navigation.iconSize().width() + 28
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setFixedWidth(item_width + 2 * self.navigation.frameWidth())
        self.stack = QStackedWidget()
        for page in pages:
            icon: QIcon = self.style().standardIcon(page.icon)
            item = QListWidgetItem(icon, page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            item.setSizeHint(QSize(item_width, 36))
            self.navigation.addItem(item)
            # The page's place in the stack, until its view is built and takes it.
            place = QWidget()
            self.stack.addWidget(place)
            page.host = self
            page.when_built(partial(self._adopt, place))
        self.navigation.currentRowChanged.connect(self._page_chosen)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        # Notices across the top of every page (add_banner), above the navigation and pages.
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(0, 0, 0, 0)
        central_layout.addLayout(self.banners)
        central_layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._shortcuts_first = WindowShortcutsFirst(self)
        self._build_status_bar()
        self.resize(1280, 800)
        self._restore_geometry()
        self.show_page(ROLE_START_PAGE.get(context.user.role, pages[0].key))

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        for page in self.pages.values():
            for action in page.actions:
                file_menu.addAction(action)
        file_menu.addSeparator()
        self.join_action = QAction(self.tr("&Join a session as a site…"), self)
        self.join_action.setShortcut(QKeySequence("Ctrl+J"))
        self.join_action.triggered.connect(self.ask_join_link)
        file_menu.addAction(self.join_action)
        file_menu.addSeparator()
        # Named: ui/data_safety.py puts the backup actions before it.
        settings_action = self.settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit"), self)
        # StandardKey.Quit is empty on desktops without a platform theme; Ctrl+Q is universal.
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, page in enumerate(self.pages.values(), start=1):
            action = QAction(page.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _=False, key=page.key: self.show_page(key))
            view_menu.addAction(action)
            self.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Outreach"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self._user_text())
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        if self.context.demo:
            badge = QLabel(self.tr("Demo data"))
            badge.setObjectName("demoBadge")
            badge.setStyleSheet(
                "#demoBadge { background: #b35c00; color: white; padding: 1px 8px;"
                " border-radius: 3px; }"
            )
            self.statusBar().addPermanentWidget(badge)

    def add_banner(self, banner: QWidget) -> None:
        """Show `banner` across the top of the window, above every page (it hides itself)."""
        self.banners.addWidget(banner)

    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        if key in keys:
            self.navigation.setCurrentRow(keys.index(key))

    def _page_chosen(self, row: int) -> None:
        pages = list(self.pages.values())
        if 0 <= row < len(pages):
            pages[row].widget  # noqa: B018 - built on first sight
        self.stack.setCurrentIndex(row)

    def _adopt(self, place: QWidget, view: QWidget) -> None:
        index = self.stack.indexOf(place)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(place)
        place.deleteLater()
        self.stack.setCurrentIndex(current)
        self._restore_splitters(view)

    def current_page_key(self) -> str:
        return list(self.pages)[self.stack.currentIndex()]

    def ask_join_link(self) -> None:
        link, accepted = QInputDialog.getText(
            self,
            self.tr("Join a session as a site"),
            self.tr("Paste the invitation link you received:"),
        )
        if accepted and link.strip():
            self.open_site_window(link.strip())

    def open_site_window(self, link: str) -> QWidget | None:
        """Join with `link` in a window of its own; a message if it is not an invitation."""
        # Imported when a site first joins, for a fast start: it loads the call stack (aiortc).
        from outreach_app.ui.site_call.window import SiteWindow

        try:
            window = SiteWindow(link, self.context.settings)
        except ValueError:
            QMessageBox.warning(
                self,
                self.tr("Join a session as a site"),
                self.tr(
                    "This is not an invitation link. It looks like"
                    " https://server/join/… — copy all of it from the invitation."
                ),
            )
            return None
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.start()
        self.site_windows.append(window)
        window.destroyed.connect(lambda _=None, w=window: self._forget_site_window(w))
        return window

    def _forget_site_window(self, window: QWidget) -> None:
        self.site_windows = [w for w in self.site_windows if w is not window]

    def open_settings(self) -> SettingsDialog:
        # Imported when first opened, for a fast start: the device lists load Qt Multimedia
        # and the call's media stack.
        from outreach_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.context.settings, self.context.user, self, team=self.context.team is not None
        )
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        user = dialog.saved_user
        if user is not None and user != self.context.user:
            role_changed = user.role is not self.context.user.role
            self.context.user = user
            # From now on the audit trail names the new identity.
            self.context.store.submit(lambda repo: setattr(repo, "actor", user))
            self.user_label.setText(self._user_text())
            if role_changed:
                self.roleChanged.emit()
        if dialog.restart_needed:
            QMessageBox.information(
                self,
                self.tr("Settings saved"),
                self.tr("The new database or language is used the next time Outreach starts."),
            )

    def _user_text(self) -> str:
        user = self.context.user
        return self.tr("%1 — %2").replace("%1", user.name).replace("%2", role_label(user.role))

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Outreach"),
            self.tr(
                "<h3>Outreach %1</h3><p>Scheduled video sessions between officials and "
                "grassroots sites, with structured notes, follow-ups and review.</p>"
                "<p>Built with Qt for Python and Qt Multimedia (LGPLv3), aiortc and aioice (BSD), "
                "PyAV (BSD) with FFmpeg (LGPL) and x264 (GPLv2), libvpx and Opus (BSD), "
                "WebRTC audio processing via pywebrtc-audio (BSD), aiohttp and sqlite-utils "
                "(Apache 2.0), qasync and NumPy (BSD). Chinese text uses WenQuanYi Micro Hei "
                "(GPLv3 with font exception), bundled with the app.</p>"
            ).replace("%1", __version__),
        )

    def _restore_geometry(self) -> None:
        settings = self.context.settings
        geometry = settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._restore_splitters(self)

    def _restore_splitters(self, within: QWidget) -> None:
        for splitter in self._named_splitters(within):
            state = self.context.settings.window_state(f"splitter/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)

    def _named_splitters(self, within: QWidget) -> list[QSplitter]:
        """Every splitter that has a name: their positions are remembered (those of pages not
        built yet stay as they were saved)."""
        return [s for s in within.findChildren(QSplitter) if s.objectName()]

    def quit(self) -> None:
        """Close every window of the app, so that it quits: each live call asks its own
        question first (ending it for every site, or Cancel, which keeps everything open),
        then its notes are saved and it ends; site windows leave their calls."""
        if self._quitting is not None:
            return
        calls = self.context.calls
        if calls is not None and not calls.confirm_quit():
            return
        self._quitting = asyncio.ensure_future(self._quit_after_calls())

    async def _quit_after_calls(self) -> None:
        try:
            if self.context.calls is not None:
                await self.context.calls.end_all()
            for site_window in list(self.site_windows):
                site_window.close()
            self.close()
        finally:
            self._quitting = None

    def flush_pending_edits(self) -> None:
        for page in self.pages.values():
            page.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_pending_edits()
        settings = self.context.settings
        settings.set_window_state("geometry", self.saveGeometry())
        for splitter in self._named_splitters(self):
            settings.set_window_state(f"splitter/{splitter.objectName()}", splitter.saveState())
        settings.sync()
        super().closeEvent(event)
