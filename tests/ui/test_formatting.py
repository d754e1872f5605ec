from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from outreach_app.ui.formatting import format_date, format_datetime, format_time

MOMENT = datetime(2026, 11, 23, 9, 5)


@pytest.mark.parametrize(
    ("language", "day", "clock"),
    [("zh_CN", "2026/11/23", "09:05"), ("en", "11/23/26", "9:05\u202fAM")],
)
def test_dates_and_times_follow_the_locale(
    use_language: Callable[[str], QLocale], language: str, day: str, clock: str
) -> None:
    use_language(language)
    assert format_date(date(2026, 11, 23)) == day
    assert format_time(MOMENT) == clock
    assert format_datetime(MOMENT) == f"{day} {clock}"


def test_the_plain_c_locale_gets_iso_dates(use_language: Callable[[str], QLocale]) -> None:
    QLocale.setDefault(QLocale.c())
    assert format_datetime(MOMENT) == "2026-11-23 09:05"
