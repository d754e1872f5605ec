"""The run sheet: the sites in speaking order with their time boxes, the floor, link states."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from outreach_app.call.link_state import PeerState
from outreach_app.core.model import SessionSite
from outreach_app.core.segments import SegmentClock, format_countdown

ID_ROLE: Final = Qt.ItemDataRole.UserRole
ORDER_COLUMN, SITE_COLUMN, BOX_COLUMN, LEFT_COLUMN, STATE_COLUMN, HAND_COLUMN = range(6)

# (light palette, dark palette): each readable on its own background.
_STATE_COLOURS: Final = {
    PeerState.INVITED: ("#5f6368", "#a8abaf"),
    PeerState.CONNECTING: ("#1a5fb4", "#8ab4f8"),
    PeerState.CONNECTED: ("#1d7a33", "#7bd88f"),
    PeerState.RECONNECTING: ("#a35200", "#ffb35c"),
    PeerState.FAILED: ("#b3261e", "#ff8a80"),
    PeerState.LEFT: ("#5f6368", "#a8abaf"),
}
_OVERRUN_COLOURS: Final = ("#b3261e", "#ff8a80")
_STATE_MARKS: Final = {
    PeerState.INVITED: "○",
    PeerState.CONNECTING: "◌",
    PeerState.CONNECTED: "●",
    PeerState.RECONNECTING: "◐",
    PeerState.FAILED: "✕",
    PeerState.LEFT: "–",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def state_label(state: PeerState) -> str:
    return {
        PeerState.INVITED: QCoreApplication.translate("CallStates", "Invited"),
        PeerState.CONNECTING: QCoreApplication.translate("CallStates", "Connecting…"),
        PeerState.CONNECTED: QCoreApplication.translate("CallStates", "Connected"),
        PeerState.RECONNECTING: QCoreApplication.translate("CallStates", "Reconnecting…"),
        PeerState.FAILED: QCoreApplication.translate("CallStates", "Failed"),
        PeerState.LEFT: QCoreApplication.translate("CallStates", "Left"),
    }[state]


def state_text(state: PeerState) -> str:
    """A mark and a word, so that the state never rests on colour alone."""
    return f"{_STATE_MARKS[state]} {state_label(state)}"


def state_colour(state: PeerState, palette: QPalette) -> QColor:
    light, dark = _STATE_COLOURS[state]
    return QColor(dark if is_dark(palette) else light)


def warning_colour(palette: QPalette) -> QColor:
    """A link that works badly: the colour of reconnecting, readable on light and dark."""
    return state_colour(PeerState.RECONNECTING, palette)


def overrun_colour(palette: QPalette) -> QColor:
    light, dark = _OVERRUN_COLOURS
    return QColor(dark if is_dark(palette) else light)


def hand_text(place: int) -> str:
    """A raised hand with its place in the line of raised hands (1: raised first); a flag,
    which the usual fonts have (a hand is an emoji, which many lack)."""
    return f"⚑ {place}"


class RunSheet(QTreeWidget):
    """Double-click or Enter gives a site the floor; the context menu copies its link, takes
    notes for it or lowers its raised hand. Selecting a row only selects it."""

    floorRequested = Signal(int)
    lowerHandRequested = Signal(int)
    copyLinkRequested = Signal(int)
    notesRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runSheet")
        self.setAccessibleName(self.tr("Run sheet"))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setColumnCount(6)
        self.setHeaderLabels(
            [
                "#",
                self.tr("Site"),
                self.tr("Time box"),
                self.tr("Time left"),
                self.tr("State"),
                "⚑",
            ]
        )
        self.headerItem().setToolTip(
            HAND_COLUMN, self.tr("Raised hands, in the order they were raised")
        )
        self.headerItem().setToolTip(LEFT_COLUMN, self.tr("Time left of the segment; +: over"))
        header = self.header()
        header.setStretchLastSection(False)
        for column in range(self.columnCount()):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == SITE_COLUMN
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemDoubleClicked.connect(lambda item, _column: self._request_floor(item))
        self._items: dict[int, QTreeWidgetItem] = {}
        self._floor: int | None = None
        self._hands: list[int] = []

    def set_sites(self, slots: list[SessionSite]) -> None:
        self.clear()
        self._items = {}
        for slot in sorted(slots, key=lambda s: s.position):
            item = QTreeWidgetItem(
                [
                    str(slot.position + 1),
                    slot.site_name,
                    self.tr("%1 min").replace("%1", str(slot.time_box_minutes)),
                    "",
                    "",
                    "",
                ]
            )
            item.setData(ORDER_COLUMN, ID_ROLE, slot.site_id)
            item.setTextAlignment(ORDER_COLUMN, Qt.AlignmentFlag.AlignCenter)
            for column in (BOX_COLUMN, LEFT_COLUMN):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.addTopLevelItem(item)
            self._items[slot.site_id] = item
            self.set_state(slot.site_id, PeerState.INVITED)
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)

    def site_ids(self) -> list[int]:
        return list(self._items)

    def current_site_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(ORDER_COLUMN, ID_ROLE))

    def row_texts(self, site_id: int) -> list[str]:
        item = self._items[site_id]
        return [item.text(column) for column in range(self.columnCount())]

    def set_state(self, site_id: int, state: PeerState) -> None:
        item = self._items.get(site_id)
        if item is None:
            return
        item.setText(STATE_COLUMN, state_text(state))
        item.setForeground(STATE_COLUMN, QBrush(state_colour(state, self.palette())))

    def set_floor(self, site_id: int | None) -> None:
        self._floor = site_id
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(70)
        for item_site, item in self._items.items():
            on_floor = item_site == site_id
            font = QFont(self.font())
            font.setBold(on_floor)
            position = self.indexOfTopLevelItem(item) + 1
            item.setText(ORDER_COLUMN, f"▶ {position}" if on_floor else str(position))
            # The whole name too: a narrow run sheet cuts long names short.
            state = self.tr("%1 — has the floor") if on_floor else self.tr("%1 — waiting")
            item.setToolTip(SITE_COLUMN, state.replace("%1", item.text(SITE_COLUMN)))
            for column in range(self.columnCount()):
                item.setFont(column, font)
                item.setBackground(column, QBrush(highlight) if on_floor else QBrush())
        if site_id in self._items:
            self.setCurrentItem(self._items[site_id])

    def set_hands(self, hands: list[int]) -> None:
        """Mark the sites whose hands are raised with their place in line."""
        self._hands = list(hands)
        for site_id, item in self._items.items():
            raised = site_id in self._hands
            place = self._hands.index(site_id) + 1 if raised else 0
            item.setText(HAND_COLUMN, hand_text(place) if raised else "")
            item.setToolTip(
                HAND_COLUMN,
                self.tr("Asks for the floor: %1 in line").replace("%1", str(place))
                if raised
                else "",
            )

    def update_times(self, segments: SegmentClock) -> None:
        for site_id, item in self._items.items():
            if site_id == segments.current or segments.has_spoken(site_id):
                remaining = segments.remaining(site_id)
                item.setText(LEFT_COLUMN, format_countdown(remaining))
                colour = overrun_colour(self.palette()) if remaining <= 0 else None
                item.setForeground(LEFT_COLUMN, QBrush(colour) if colour else QBrush())
            else:
                item.setText(LEFT_COLUMN, "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._request_floor(self.currentItem())
            return
        super().keyPressEvent(event)

    def _request_floor(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.floorRequested.emit(int(item.data(ORDER_COLUMN, ID_ROLE)))

    def _context_menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is None:
            return
        site_id = int(item.data(ORDER_COLUMN, ID_ROLE))
        menu = QMenu(self)
        give = menu.addAction(self.tr("Give the floor"))
        give.triggered.connect(lambda: self.floorRequested.emit(site_id))
        copy = menu.addAction(self.tr("Copy invitation link"))
        copy.triggered.connect(lambda: self.copyLinkRequested.emit(site_id))
        notes = menu.addAction(self.tr("Take notes for this site"))
        notes.triggered.connect(lambda: self.notesRequested.emit(site_id))
        if site_id in self._hands:
            lower = menu.addAction(self.tr("Lower the hand"))
            lower.triggered.connect(lambda: self.lowerHandRequested.emit(site_id))
        menu.popup(self.viewport().mapToGlobal(position))
