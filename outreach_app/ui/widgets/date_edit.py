"""A date field (yyyy-MM-dd, with a calendar) that takes a whole date typed over it."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

DATE_FORMAT = "yyyy-MM-dd"

# How many digits each section of DATE_FORMAT holds.
_SECTION_DIGITS = {
    QDateTimeEdit.Section.YearSection: 4,
    QDateTimeEdit.Section.MonthSection: 2,
    QDateTimeEdit.Section.DaySection: 2,
}


class DateEdit(QDateEdit):
    """Typing digits into a full section starts that section over.

    Qt inserts a typed digit at the cursor: with the cursor in "2027", typing "2026" makes
    "22027" and the like, which Qt refuses, digit by digit; the separator then moves on to the
    month, so "2026-12-31" typed after a click became 2027-12-31. Here the first digit typed
    into a full section (or over the whole selected text) replaces the section instead, and a
    separator typed after a section that Qt completed and left by itself does not skip the next.
    """

    def __init__(self, value: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value if value is not None else QDate.currentDate(), parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        # Whether the last digit typed filled its section and Qt moved on to the next.
        self._advanced = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        advanced, self._advanced = self._advanced, False
        if text.isdigit():
            self._prepare_section_for_digit()
            before = self.currentSection()
            super().keyPressEvent(event)
            self._advanced = self.currentSection() != before
            return
        if advanced and text and not text.isalnum() and not text.isspace():
            # The section just filled moved on to the next by itself; the separator typed
            # after it must not skip that one as well.
            event.accept()
            return
        super().keyPressEvent(event)

    def _prepare_section_for_digit(self) -> None:
        line = self.lineEdit()
        if line.hasSelectedText() and line.selectedText() != line.text():
            return  # a section is selected: Qt replaces it
        if line.hasSelectedText():
            # Everything selected (Ctrl+A): the date is typed from its first section.
            self.setSelectedSection(self.sectionAt(0))
            return
        section = self.currentSection()
        digits = _SECTION_DIGITS.get(section)
        if digits is not None and len(self.sectionText(section)) >= digits:
            self.setSelectedSection(section)
