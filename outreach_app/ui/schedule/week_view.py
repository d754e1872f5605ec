"""A week at a glance: seven day columns, working hours, sessions as blocks coloured by kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from outreach_app.core.model import Session, SessionKind, SessionStatus
from outreach_app.ui.formatting import format_datetime, format_time
from outreach_app.ui.labels import kind_label, status_label

FIRST_HOUR = 7
LAST_HOUR = 21
HEADER_HEIGHT = 40
FOOTER_HEIGHT = 10  # room for the last hour's label
GUTTER_WIDTH = 46
TODAY_TINT = QColor(59, 111, 182, 28)
KIND_COLOURS = {
    SessionKind.POLICY_BRIEFING: QColor("#3b6fb6"),
    SessionKind.INVESTIGATION: QColor("#2e8b57"),
    SessionKind.LETTERS_AND_VISITS: QColor("#b5651d"),
    SessionKind.ON_SITE_WORK: QColor("#7b4fa0"),
}


@dataclass
class _Block:
    session: Session
    rect: QRectF


def fitted_text(metrics: QFontMetrics, box: QRect, text: str) -> tuple[int, str]:
    """How to draw `text` inside `box`: the drawing flags and the text, elided with "…" if cut.

    Wrapped into the lines that fit, the last one elided, rather than a line cut in half.
    """
    lines = max(box.height() // metrics.lineSpacing(), 1)
    top = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if lines == 1:
        return top, metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
    wrap = top | int(Qt.TextFlag.TextWordWrap)
    wrapped = metrics.boundingRect(box, wrap, text)
    if wrapped.height() <= box.height() and wrapped.width() <= box.width():
        return wrap, text
    anywhere = top | int(Qt.TextFlag.TextWrapAnywhere)
    fitted = ""
    for char in text:
        if metrics.boundingRect(box, anywhere, fitted + char + "…").height() > box.height():
            break
        fitted += char
    return anywhere, fitted.rstrip() + "…"


class WeekView(QWidget):
    """Click (or the arrow keys) selects a session; double-click (or Enter) opens it."""

    sessionSelected = Signal(int)
    sessionActivated = Signal(int)
    emptySlotActivated = Signal(object)  # datetime at the double-clicked half hour

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setAccessibleName(self.tr("Week of sessions"))
        # Small enough that the whole app fits a 1280-pixel-wide screen (about 64 pixels a day).
        self.setMinimumSize(490, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.today = date.today()
        self.sessions: list[Session] = []
        self.selected_id: int | None = None
        self._blocks: list[_Block] = []

    def sizeHint(self) -> QSize:
        return QSize(760, 560)

    def set_week(self, monday: date, sessions: list[Session], today: date) -> None:
        self.monday = monday
        self.today = today
        self.sessions = sessions
        self.update()

    def select(self, session_id: int | None) -> None:
        self.selected_id = session_id
        self.update()

    # ------------------------------------------------------------------ geometry
    def _day_width(self) -> float:
        return (self.width() - GUTTER_WIDTH - 1) / 7

    def _hour_height(self) -> float:
        return (self.height() - HEADER_HEIGHT - FOOTER_HEIGHT) / (LAST_HOUR - FIRST_HOUR)

    def _y_for(self, moment: time) -> float:
        hours = moment.hour + moment.minute / 60 - FIRST_HOUR
        hours = min(max(hours, 0), LAST_HOUR - FIRST_HOUR)
        return HEADER_HEIGHT + hours * self._hour_height()

    def _layout_blocks(self) -> list[_Block]:
        blocks: list[_Block] = []
        day_width = self._day_width()
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            todays = sorted(
                (s for s in self.sessions if s.start.date() == day), key=lambda s: s.start
            )
            # Overlapping sessions share the column side by side.
            lanes: list[datetime] = []
            placed: list[tuple[Session, int]] = []
            for session in todays:
                lane = next((i for i, end in enumerate(lanes) if end <= session.start), None)
                if lane is None:
                    lanes.append(session.end)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = session.end
                placed.append((session, lane))
            lane_width = day_width / max(len(lanes), 1)
            for session, lane in placed:
                top = self._y_for(session.start.time())
                end_time = session.end.time() if session.end.date() == day else time(23, 59)
                bottom = max(self._y_for(end_time), top + 18)
                left = GUTTER_WIDTH + offset * day_width + lane * lane_width + 2
                blocks.append(
                    _Block(session, QRectF(left, top + 1, lane_width - 4, bottom - top - 2))
                )
        return blocks

    def session_at(self, point: QPointF) -> Session | None:
        for block in reversed(self._blocks):
            if block.rect.contains(point):
                return block.session
        return None

    def _moment_at(self, point: QPointF) -> datetime | None:
        if point.x() < GUTTER_WIDTH or point.y() < HEADER_HEIGHT:
            return None
        day = self.monday + timedelta(
            days=min(int((point.x() - GUTTER_WIDTH) / self._day_width()), 6)
        )
        hours = FIRST_HOUR + (point.y() - HEADER_HEIGHT) / self._hour_height()
        half_hours = int(hours * 2)
        return datetime.combine(day, time(min(half_hours // 2, 23), 30 * (half_hours % 2)))

    # ------------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        day_width = self._day_width()
        hour_height = self._hour_height()
        grid = QPen(palette.mid().color())
        grid.setWidthF(0.5)
        locale = QLocale()
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            x = GUTTER_WIDTH + offset * day_width
            if day == self.today:
                painter.fillRect(QRectF(x, 0, day_width, self.height()), TODAY_TINT)
            painter.setPen(palette.text().color())
            header_font = QFont(self.font())
            header_font.setBold(day == self.today)
            painter.setFont(header_font)
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRectF(x, 2, day_width, HEADER_HEIGHT - 4),
                Qt.AlignmentFlag.AlignCenter,
                f"{name}\n{day.month}/{day.day}",
            )
            painter.setPen(grid)
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.setFont(self.font())
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = HEADER_HEIGHT + (hour - FIRST_HOUR) * hour_height
            painter.setPen(grid)
            painter.drawLine(QPointF(GUTTER_WIDTH, y), QPointF(self.width(), y))
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                QRectF(0, y - 8, GUTTER_WIDTH - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{hour:02d}:00",
            )
        self._blocks = self._layout_blocks()
        for block in self._blocks:
            self._paint_block(painter, block)
        if self.hasFocus():
            focus = QPen(palette.highlight().color())
            focus.setWidthF(2)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        if not self.sessions:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                QRectF(GUTTER_WIDTH, HEADER_HEIGHT, self.width() - GUTTER_WIDTH, 60),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No sessions this week — double-click a time to schedule one"),
            )
        painter.end()

    def _paint_block(self, painter: QPainter, block: _Block) -> None:
        session = block.session
        colour = QColor(KIND_COLOURS[session.kind])
        cancelled = session.status is SessionStatus.CANCELLED
        if cancelled:
            colour = QColor("#9a9a9a")
        elif session.status is SessionStatus.DRAFT:
            colour = colour.lighter(135)
        painter.setBrush(colour)
        outline = QPen(QColor("#111111") if session.id == self.selected_id else colour.darker(130))
        outline.setWidthF(2.5 if session.id == self.selected_id else 1)
        painter.setPen(outline)
        painter.drawRoundedRect(block.rect, 4, 4)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7))
        font.setStrikeOut(cancelled)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        text = f"{format_time(session.start)} {session.title}"
        if session.status in (SessionStatus.DRAFT, SessionStatus.LIVE, SessionStatus.CANCELLED):
            text += f" · {status_label(session.status)}"
        # One whole-pixel box for measuring and drawing alike: measured in a rounded box and
        # drawn in a fractional one, the last line (with its "…") can fall out of sight.
        box = block.rect.adjusted(4, 2, -3, -2).toAlignedRect()
        flags, shown = fitted_text(painter.fontMetrics(), box, text)
        painter.drawText(box, flags, shown)

    def tooltip_for(self, session: Session) -> str:
        sites = "、".join(s.site_name for s in session.sites)
        return (
            f"{session.title}\n{format_datetime(session.start)}–{format_time(session.end)}"
            f"\n{kind_label(session.kind)} · {status_label(session.status)}"
            f"\n{session.official}\n{sites}"
        )

    # -------------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        session = self.session_at(event.position())
        if session is not None and session.id is not None:
            self.select(session.id)
            self.sessionSelected.emit(session.id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        session = self.session_at(event.position())
        if session is not None and session.id is not None:
            self.sessionActivated.emit(session.id)
            return
        moment = self._moment_at(event.position())
        if moment is not None:
            self.emptySlotActivated.emit(moment)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ordered = [s.id for s in sorted(self.sessions, key=lambda s: s.start) if s.id is not None]
        current = ordered.index(self.selected_id) if self.selected_id in ordered else None
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self.sessionActivated.emit(ordered[current])
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down) and ordered:
            step = -1 if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) else 1
            if current is None:
                index = 0 if step > 0 else len(ordered) - 1
            else:
                index = min(max(current + step, 0), len(ordered) - 1)
            self.select(ordered[index])
            self.sessionSelected.emit(ordered[index])
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        session = self.session_at(event.position())
        self.setToolTip(self.tooltip_for(session) if session else "")
