"""The words of exported documents in the user's language, for the Qt-free writers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from outreach_app.core.ics import InvitationWords
from outreach_app.core.minutes_document import (
    Vocabulary,
    arabic_section_number,
    chinese_section_number,
)
from outreach_app.ui.formatting import format_date, format_time
from outreach_app.ui.labels import follow_up_label, kind_label, review_label


def format_long_date(day: date) -> str:
    """2026年11月23日星期一, Monday, November 23, 2026; ISO in the plain C locale."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return day.isoformat()
    return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def minutes_vocabulary() -> Vocabulary:
    return Vocabulary(
        title=QCoreApplication.translate("MinutesDocument", "Minutes of %1"),
        date_field=QCoreApplication.translate("MinutesDocument", "Date"),
        time_field=QCoreApplication.translate("MinutesDocument", "Time"),
        planned=QCoreApplication.translate("MinutesDocument", "%1–%2 (%3 min)"),
        held=QCoreApplication.translate("MinutesDocument", "held %1–%2"),
        official=QCoreApplication.translate("MinutesDocument", "Official"),
        kind=QCoreApplication.translate("MinutesDocument", "Kind"),
        sites=QCoreApplication.translate("MinutesDocument", "Sites in speaking order"),
        site_entry=QCoreApplication.translate("MinutesDocument", "%1 (%2–%3)"),
        no_sites=QCoreApplication.translate("MinutesDocument", "none"),
        review=QCoreApplication.translate("MinutesDocument", "Review"),
        review_entry=QCoreApplication.translate("MinutesDocument", "%1 (%2, %3)"),
        site_heading=QCoreApplication.translate("MinutesDocument", "%1 %2"),
        site_fallback=QCoreApplication.translate("MinutesDocument", "Site %1"),
        time_box=QCoreApplication.translate("MinutesDocument", "Time box: %1–%2 (%3 min)"),
        joined=QCoreApplication.translate("MinutesDocument", "Joined %1, left %2"),
        questions=QCoreApplication.translate("MinutesDocument", "Questions and answers"),
        number=QCoreApplication.translate("MinutesDocument", "No."),
        question=QCoreApplication.translate("MinutesDocument", "Question"),
        answer=QCoreApplication.translate("MinutesDocument", "Answer"),
        speaker=QCoreApplication.translate("MinutesDocument", "Speaker"),
        at=QCoreApplication.translate("MinutesDocument", "Time"),
        asked_by=QCoreApplication.translate("MinutesDocument", "Asked by %1"),
        category=QCoreApplication.translate("MinutesDocument", "Category: %1"),
        no_answer=QCoreApplication.translate("MinutesDocument", "No answer recorded."),
        no_notes=QCoreApplication.translate("MinutesDocument", "No notes for this site."),
        no_sites_no_notes=QCoreApplication.translate(
            "MinutesDocument", "No sites and no notes yet."
        ),
        commitments=QCoreApplication.translate("MinutesDocument", "Commitments"),
        commitment=QCoreApplication.translate("MinutesDocument", "Commitment"),
        owner=QCoreApplication.translate("MinutesDocument", "Owner unit"),
        claimed_by=QCoreApplication.translate("MinutesDocument", "claimed by %1"),
        due=QCoreApplication.translate("MinutesDocument", "Due"),
        status=QCoreApplication.translate("MinutesDocument", "Status"),
        no_due=QCoreApplication.translate("MinutesDocument", "no date"),
        resolution=QCoreApplication.translate("MinutesDocument", "Resolution: %1"),
        current_state=QCoreApplication.translate("MinutesDocument", "Current state:"),
        not_reviewed=QCoreApplication.translate("MinutesDocument", "Not reviewed yet."),
        review_when=QCoreApplication.translate("MinutesDocument", "When"),
        reviewer=QCoreApplication.translate("MinutesDocument", "Reviewer"),
        decision=QCoreApplication.translate("MinutesDocument", "Decision"),
        comment=QCoreApplication.translate("MinutesDocument", "Comment"),
        approved_by=QCoreApplication.translate("MinutesDocument", "Approved by:"),
        approval_date=QCoreApplication.translate("MinutesDocument", "Date:"),
        page_footer=QCoreApplication.translate("MinutesDocument", "Page %1 of %2"),
        draft=QCoreApplication.translate("MinutesDocument", "DRAFT — not approved (%1)"),
        separator=QCoreApplication.translate(
            "MinutesDocument", "; ", "between two items on one line"
        ),
        format_date=format_date,
        format_long_date=format_long_date,
        format_time=format_time,
        kind_label=kind_label,
        review_label=review_label,
        follow_up_label=follow_up_label,
        section_number=chinese_section_number if _chinese() else arabic_section_number,
    )


def invitation_words() -> InvitationWords:
    return InvitationWords(
        summary=QCoreApplication.translate("Invitations", "%1 — %2"),
        turn=QCoreApplication.translate(
            "Invitations", "Your turn: %1–%2 (%3 min), %4 of %5 in the speaking order."
        ),
        session=QCoreApplication.translate("Invitations", "Session: %1, %2 %3–%4, with %5."),
        join=QCoreApplication.translate("Invitations", "Join link: %1"),
        check=QCoreApplication.translate(
            "Invitations", "Test your camera and microphone beforehand: %1"
        ),
        advice=QCoreApplication.translate(
            "Invitations",
            "Open the join link a few minutes before your turn, in Chrome, Edge or Firefox or in"
            " the Outreach app. The link is for your site only: do not pass it on.",
        ),
        reminder=QCoreApplication.translate("Invitations", "Your turn in “%1” starts soon"),
        format_date=format_date,
        format_time=format_time,
    )
