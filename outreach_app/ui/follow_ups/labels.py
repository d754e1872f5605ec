"""Words only the follow-up board uses: actions, steps, due dates (shared ones: ui/labels.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from outreach_app.core.follow_ups import FollowUpAction, next_due
from outreach_app.core.model import FollowUp, FollowUpStatus
from outreach_app.ui.formatting import format_date
from outreach_app.ui.labels import days_text, overdue_text


def action_label(action: FollowUpAction) -> str:
    """The name of a step as a command (buttons, dialog titles)."""
    return {
        FollowUpAction.CLAIM: QCoreApplication.translate("FollowUpLabels", "Claim"),
        FollowUpAction.RESPOND: QCoreApplication.translate("FollowUpLabels", "Respond"),
        FollowUpAction.SOLVE: QCoreApplication.translate("FollowUpLabels", "Solve"),
        FollowUpAction.REOPEN: QCoreApplication.translate("FollowUpLabels", "Reopen"),
    }[action]


def step_label(status: FollowUpStatus, *, first: bool) -> str:
    """A row of the history: what happened at that step."""
    if status is FollowUpStatus.OPEN:
        return (
            QCoreApplication.translate("FollowUpLabels", "Opened")
            if first
            else QCoreApplication.translate("FollowUpLabels", "Reopened")
        )
    return {
        FollowUpStatus.CLAIMED: QCoreApplication.translate("FollowUpLabels", "Claimed"),
        FollowUpStatus.RESPONDED: QCoreApplication.translate("FollowUpLabels", "Responded"),
        FollowUpStatus.SOLVED: QCoreApplication.translate("FollowUpLabels", "Solved"),
    }[status]


def step_due_label(step: FollowUpStatus) -> str:
    """The name of a step's due date."""
    return {
        FollowUpStatus.OPEN: "",
        FollowUpStatus.CLAIMED: QCoreApplication.translate("FollowUpLabels", "Claim by"),
        FollowUpStatus.RESPONDED: QCoreApplication.translate("FollowUpLabels", "Respond by"),
        FollowUpStatus.SOLVED: QCoreApplication.translate("FollowUpLabels", "Solve by"),
    }[step]


def due_text(follow_up: FollowUp, today: date) -> str:
    """What the board's due column says: the lateness, the next date, or when it was solved."""
    if follow_up.status is FollowUpStatus.SOLVED:
        if follow_up.solved_at is None:
            return QCoreApplication.translate("FollowUpLabels", "Solved")
        return QCoreApplication.translate("FollowUpLabels", "Solved on %1").replace(
            "%1", format_date(follow_up.solved_at.date())
        )
    late = overdue_text(follow_up, today)
    if late:
        return late
    upcoming = next_due(follow_up)
    if upcoming is None:
        return QCoreApplication.translate("FollowUpLabels", "No due date")
    step, day = upcoming
    left = (day - today).days
    when = format_date(day)
    if left == 0:
        when = QCoreApplication.translate("FollowUpLabels", "%1 (today)").replace("%1", when)
    elif left <= 7:
        when = (
            QCoreApplication.translate("FollowUpLabels", "%1 (in %2)")
            .replace("%1", when)
            .replace("%2", days_text(left))
        )
    return f"{step_due_label(step)} {when}"
