"""The board itself: follow-ups as cards in groups, painted by a delegate."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from outreach_app.core.model import FollowUpStatus
from outreach_app.ui.labels import follow_up_label
from outreach_app.ui.widgets.placeholder import paint_placeholder

STATUS_COLOURS: dict[FollowUpStatus, tuple[str, str]] = {
    FollowUpStatus.OPEN: ("#fff4d6", "#7a5200"),
    FollowUpStatus.CLAIMED: ("#e8f0fe", "#174ea6"),
    FollowUpStatus.RESPONDED: ("#f3e8fd", "#681da8"),
    FollowUpStatus.SOLVED: ("#e3f3e6", "#1d5a2a"),
}


ROLE_CARD = Qt.ItemDataRole.UserRole + 1


def status_badge(status: FollowUpStatus) -> str:
    background, foreground = STATUS_COLOURS[status]
    return (
        f'<span style="background-color:{background}; color:{foreground};">'
        f"&nbsp;{html.escape(follow_up_label(status))}&nbsp;</span>"
    )


@dataclass(frozen=True)
class Card:
    """What a follow-up's card on the board says: its commitment, where it stands and when it
    is due; `tone` is "late", "done" or "" and `badge` the status shown when the board is not
    grouped by status."""

    title: str
    details: str
    due: str
    tone: str = ""
    badge: FollowUpStatus | None = None

    def text(self) -> str:
        badge = follow_up_label(self.badge) + " " if self.badge is not None else ""
        return f"{self.title}\n{badge}{self.details}\n{self.due}"


class CardDelegate(QStyledItemDelegate):
    """Draws a follow-up as a card of three lines, each cut to the board's width (the tooltip
    and the detail show them whole): cheap to lay out however many follow-ups there are.
    Group rows are drawn as usual."""

    PADDING = 6
    LINE_GAP = 2

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(ROLE_CARD)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else self._tree.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = opt.palette.color(text_role)

        def colour(name: str) -> QColor:
            # On the selection colour the muted and warning colours would be unreadable; the
            # words still say what is late.
            return text_colour if selected else QColor(name)

        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        y = rect.top()
        y = self._line(painter, bold, text_colour, rect, y, card.title)
        x = rect.left()
        if card.badge is not None:
            background, foreground = STATUS_COLOURS[card.badge]
            label = follow_up_label(card.badge)
            metrics = QFontMetrics(opt.font)
            badge = QRect(x, y, metrics.horizontalAdvance(label) + 8, metrics.height())
            painter.fillRect(badge, QColor(background))
            painter.setPen(QColor(foreground))
            painter.setFont(opt.font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            x = badge.right() + 6
        details = QRect(x, rect.top(), rect.right() - x, rect.height())
        y = self._line(painter, opt.font, colour(MUTED), details, y, card.details)
        tone = {"late": OVERDUE_COLOUR.name(), "done": SOLVED_COLOUR.name()}.get(card.tone, MUTED)
        self._line(
            painter, bold if card.tone == "late" else opt.font, colour(tone), rect, y, card.due
        )
        painter.restore()

    def _line(
        self, painter: QPainter, font: QFont, colour: QColor, rect: QRect, y: int, text: str
    ) -> int:
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(colour)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(rect.width(), 10))
        painter.drawText(
            QRect(rect.left(), y, rect.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            shown,
        )
        return y + metrics.height() + self.LINE_GAP

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if not isinstance(index.data(ROLE_CARD), Card):
            hint = super().sizeHint(option, index)
            return QSize(hint.width(), hint.height() + 8)
        bold = QFont(option.font)
        bold.setBold(True)
        plain = QFontMetrics(option.font).height()
        height = QFontMetrics(bold).height() + 2 * plain + 2 * self.LINE_GAP + 2 * self.PADDING
        return QSize(self._tree.viewport().width() - 2 * self._tree.indentation(), height)


class BoardTree(QTreeWidget):
    """The grouped follow-ups; says why it is empty when it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_hint = ""
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(14)
        # Every card has the same height, and so has every group row.
        self.setUniformRowHeights(False)
        self.setItemDelegate(CardDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.empty_hint:
            paint_placeholder(self, self.empty_hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a group folds or unfolds it, as a click on its arrow does.
        item = self.currentItem()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and item is not None
            and item.parent() is None
        ):
            item.setExpanded(not item.isExpanded())
            return
        super().keyPressEvent(event)

    def follow_up_items(self) -> list[QTreeWidgetItem]:
        """Every follow-up shown, group by group."""
        found = []
        for group_index in range(self.topLevelItemCount()):
            group = self.topLevelItem(group_index)
            if group is None:
                continue
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child is not None:
                    found.append(child)
        return found


OVERDUE_COLOUR = QColor("#b3261e")


SOLVED_COLOUR = QColor("#1d5a2a")


MUTED = "#5f6368"
