"""A window's menu shortcuts before the Emacs keys of its text fields.

Under X11 (and with the GNOME and KDE themes) Qt gives text fields Emacs keys: Ctrl+E moves to
the end of the line, Ctrl+D deletes a character, Ctrl+K deletes to the end of the line. A field
that has the focus claims such a key before the window's actions see it, so Ctrl+E (Export
minutes) did nothing from the review page's search box, which has the focus by default, and
Ctrl+D (mute) nothing while a note was being typed. Here the window's enabled actions come
first; the keys of the clipboard, undo and selecting all stay the field's.
"""

from __future__ import annotations

from typing import Final

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

_FIELD_KEYS: Final = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)
_COMMAND_MODIFIERS: Final = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def window_actions(window: QMainWindow) -> list[QAction]:
    """The actions of `window`'s menus and its own."""
    menus = window.menuBar().findChildren(QMenu)
    return [*(action for menu in menus for action in menu.actions()), *window.actions()]


class WindowShortcutsFirst(QObject):
    """Watches the widget that has the focus in `window` (one at a time) for the shortcuts of
    the window's actions."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if new is not None and new.window() is self._window:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not event.modifiers() & _COMMAND_MODIFIERS or any(
            event.matches(key) for key in _FIELD_KEYS
        ):
            return False
        if self._is_window_shortcut(QKeySequence(event.keyCombination())):
            # Unaccepted and not passed on to the field: the shortcut map takes the key.
            event.ignore()
            return True
        return False

    def _is_window_shortcut(self, pressed: QKeySequence) -> bool:
        exact = QKeySequence.SequenceMatch.ExactMatch
        return any(
            action.isEnabled() and action.isVisible() and shortcut.matches(pressed) == exact
            for action in window_actions(self._window)
            for shortcut in action.shortcuts()
        )
