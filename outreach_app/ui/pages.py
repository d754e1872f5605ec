"""A page of the main window: its key, title, icon and menu actions, and its view.

The view is built when it is first needed (the page is shown, an action of its runs, another
part asks for it), so that start-up pays only for the page it shows. A page's actions exist from
the start: the File menu lists them, and running one shows the page (building it) first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

View = TypeVar("View", bound=QWidget, covariant=True)


class PageHost(Protocol):
    """What shows pages: the main window."""

    def show_page(self, key: str) -> None: ...


class Page(Generic[View]):
    def __init__(
        self,
        key: str,
        title: str,
        icon: QStyle.StandardPixmap,
        build: Callable[[], View],
        *,
        flush: Callable[[View], None] | None = None,
    ) -> None:
        """`flush`: called before the window closes, so that unsaved typing reaches the
        database (only once the view exists: there is nothing to save before)."""
        self.key = key
        self.title = title
        self.icon = icon
        self.actions: list[QAction] = []
        self.host: PageHost | None = None
        self._build = build
        self._flush = flush
        self._view: View | None = None
        self._when_built: list[Callable[[View], object]] = []

    @property
    def widget(self) -> View:
        """The page's view, built now if it was not yet."""
        if self._view is None:
            self._view = self._build()
            for callback in self._when_built:
                callback(self._view)
        return self._view

    @property
    def built_widget(self) -> View | None:
        return self._view

    def when_built(self, callback: Callable[[View], object]) -> None:
        """Call `callback` with the view once it exists (at once if it does)."""
        self._when_built.append(callback)
        if self._view is not None:
            callback(self._view)

    def add_action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        act: Callable[[View], object],
        *,
        tooltip: str = "",
        needs: str = "",
    ) -> QAction:
        """A menu action that brings the page to the front, then acts on its view. `needs`:
        the store operation (or ui/roles.py capability) it leads to, so that team mode
        can offer it only to the roles that may."""
        action = QAction(text)
        action.setShortcut(shortcut)
        if needs:
            action.setProperty("needs", needs)
        if tooltip:
            action.setToolTip(tooltip)
        action.triggered.connect(lambda: act(self.show()))
        self.actions.append(action)
        return action

    def show(self) -> View:
        """Bring the page to the front of its window (if it has one yet); its view."""
        if self.host is not None:
            self.host.show_page(self.key)
        return self.widget

    def flush(self) -> None:
        if self._view is not None and self._flush is not None:
            self._flush(self._view)
