"""Words for the follow-up workflow: actions, steps, satisfaction, due dates and lateness."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from outreach_app.core.follow_ups import FollowUpAction, Overdue, next_due, overdue
from outreach_app.core.model import FollowUp, FollowUpStatus, Satisfaction
from outreach_app.ui.formatting import format_date


def action_label(action: FollowUpAction) -> str:
    """The name of a step as a command (buttons, dialog titles)."""
    return {
        FollowUpAction.CLAIM: QCoreApplication.translate("FollowUpLabels", "Claim"),
        FollowUpAction.RESPOND: QCoreApplication.translate("FollowUpLabels", "Respond"),
        FollowUpAction.SOLVE: QCoreApplication.translate("FollowUpLabels", "Solve"),
        FollowUpAction.REOPEN: QCoreApplication.translate("FollowUpLabels", "Reopen"),
    }[action]


def satisfaction_label(satisfaction: Satisfaction) -> str:
    return {
        Satisfaction.SATISFIED: QCoreApplication.translate("FollowUpLabels", "Satisfied"),
        Satisfaction.BASICALLY_SATISFIED: QCoreApplication.translate(
            "FollowUpLabels", "Basically satisfied"
        ),
        Satisfaction.UNSATISFIED: QCoreApplication.translate("FollowUpLabels", "Unsatisfied"),
    }[satisfaction]


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


def days_text(days: int) -> str:
    return (
        QCoreApplication.translate("FollowUpLabels", "1 day")
        if days == 1
        else QCoreApplication.translate("FollowUpLabels", "%1 days").replace("%1", str(days))
    )


def overdue_text(follow_up: FollowUp, today: date) -> str:
    """'Claim overdue by 3 days (due 2026-11-20)', or '' when the item is on time."""
    late = overdue(follow_up, today)
    return "" if late is None else late_text(late)


def late_text(late: Overdue) -> str:
    if late.step is FollowUpStatus.CLAIMED:
        template = QCoreApplication.translate("FollowUpLabels", "Claim overdue by %1 (due %2)")
    elif late.step is FollowUpStatus.RESPONDED:
        template = QCoreApplication.translate("FollowUpLabels", "Response overdue by %1 (due %2)")
    else:
        template = QCoreApplication.translate("FollowUpLabels", "Solution overdue by %1 (due %2)")
    return template.replace("%1", days_text(late.days)).replace("%2", format_date(late.due))


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


def owner_text(follow_up: FollowUp) -> str:
    """The unit and, once claimed, the person in it."""
    unit = follow_up.owner or QCoreApplication.translate("FollowUpLabels", "No unit yet")
    if follow_up.claimed_by and follow_up.status is not FollowUpStatus.OPEN:
        return f"{unit} · {follow_up.claimed_by}"
    return unit
