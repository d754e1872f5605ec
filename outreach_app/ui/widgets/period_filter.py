"""A period filter: any time, this month, last month, this year, or two dates.

One widget for the pages that filter by period (the review page, the follow-up board).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

PERIOD_KEYS = ("any", "this_month", "last_month", "this_year", "custom")


def period_range(key: str, today: date) -> tuple[date, date] | None:
    """The first and last day of a named period around `today`; None for any time or custom."""
    month_start = today.replace(day=1)
    if key == "this_month":
        next_month = (month_start + timedelta(days=32)).replace(day=1)
        return month_start, next_month - timedelta(days=1)
    if key == "last_month":
        last_end = month_start - timedelta(days=1)
        return last_end.replace(day=1), last_end
    if key == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    return None


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class PeriodFilter(QWidget):
    """Emits `changed` whenever the period changes; editing a date switches to the last choice,
    the dates chosen. With `dates_below` the dates stand under the choices (narrow panels)."""

    changed = Signal()

    def __init__(
        self,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        dates_below: bool = False,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Period"))
        for label, key in zip(
            (
                self.tr("Any time"),
                self.tr("This month"),
                self.tr("Last month"),
                self.tr("This year"),
                self.tr("Dates below") if dates_below else self.tr("Dates chosen"),
            ),
            PERIOD_KEYS,
            strict=True,
        ):
            self.combo.addItem(label, key)
        self.from_edit = QDateEdit()
        self.from_edit.setAccessibleName(self.tr("Period from"))
        self.to_edit = QDateEdit()
        self.to_edit.setAccessibleName(self.tr("Period to"))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = clock().date()
        self.from_edit.setDate(QDate(today.year, 1, 1))
        self.to_edit.setDate(_to_qdate(today))
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.from_edit, 1)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.to_edit, 1)
        layout = QVBoxLayout(self) if dates_below else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addLayout(dates, 1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._period_chosen)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        self._period_chosen()

    def key(self) -> str:
        return str(self.combo.currentData())

    def is_set(self) -> bool:
        return self.key() != "any"

    def span(self) -> tuple[date, date] | None:
        """The first and last day chosen, or None for any time (the dates may be reversed:
        see is_valid)."""
        if not self.is_set():
            return None
        return _to_date(self.from_edit.date()), _to_date(self.to_edit.date())

    def is_valid(self) -> bool:
        span = self.span()
        return span is None or span[0] <= span[1]

    def reset(self) -> None:
        self.combo.setCurrentIndex(0)

    def _period_chosen(self) -> None:
        key = self.key()
        span = period_range(key, self._clock().date())
        if span is not None:
            with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
                self.from_edit.setDate(_to_qdate(span[0]))
                self.to_edit.setDate(_to_qdate(span[1]))
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(key != "any")
        self.changed.emit()

    def _dates_edited(self) -> None:
        custom = self.combo.findData("custom")
        if self.combo.currentIndex() != custom:
            with QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(custom)
        self.changed.emit()
