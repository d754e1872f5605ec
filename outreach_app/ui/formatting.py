"""Dates and times in the user's locale: 2026/11/23 in Chinese, 11/23/26 in US English.

The plain C locale (servers, tests) gets ISO dates and 24-hour times.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime


def _locale() -> QLocale:
    return QLocale()


def _is_plain() -> bool:
    return _locale().language() == QLocale.Language.C


def format_date(day: date) -> str:
    if _is_plain():
        return day.isoformat()
    return _locale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def format_time(moment: datetime | time) -> str:
    if _is_plain():
        return f"{moment.hour:02d}:{moment.minute:02d}"
    return _locale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def format_datetime(moment: datetime) -> str:
    return f"{format_date(moment.date())} {format_time(moment)}"


def count_text(number: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with %1 the number: "1 note", "3 notes" (translated texts)."""
    return one if number == 1 else many.replace("%1", str(number))


def format_offset(seconds: int | None) -> str:
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def format_number(value: float, decimals: int) -> str:
    return QLocale().toString(float(value), "f", decimals)


def format_count(value: int | float | None) -> str:
    return "—" if value is None else QLocale().toString(int(value))


def format_rate(value: int | float | None) -> str:
    return "—" if value is None else f"{format_number(value, 2)}%"
