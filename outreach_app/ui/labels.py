"""Translated names for domain values and the words several features share. Domain code stores
values; only the UI names them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from outreach_app.core.follow_ups import Overdue, overdue
from outreach_app.core.interruptions import is_interrupted
from outreach_app.core.model import (
    CheckResult,
    FollowUp,
    FollowUpStatus,
    ReviewState,
    Role,
    Satisfaction,
    SessionKind,
    SessionStatus,
    SiteCheck,
)
from outreach_app.ui.formatting import format_date


def kind_label(kind: SessionKind) -> str:
    return {
        SessionKind.POLICY_BRIEFING: QCoreApplication.translate("labels", "Policy briefing"),
        SessionKind.INVESTIGATION: QCoreApplication.translate(
            "labels", "Investigation and research"
        ),
        SessionKind.LETTERS_AND_VISITS: QCoreApplication.translate(
            "labels", "Reception of letters and visits"
        ),
        SessionKind.ON_SITE_WORK: QCoreApplication.translate("labels", "On-site work"),
    }[kind]


def status_label(status: SessionStatus) -> str:
    return {
        SessionStatus.DRAFT: QCoreApplication.translate("labels", "Draft"),
        SessionStatus.SCHEDULED: QCoreApplication.translate("labels", "Scheduled"),
        SessionStatus.LIVE: QCoreApplication.translate("labels", "Live"),
        SessionStatus.ENDED: QCoreApplication.translate("labels", "Ended"),
        SessionStatus.CANCELLED: QCoreApplication.translate("labels", "Cancelled"),
    }[status]


def call_status_label(status: SessionStatus, call_running: bool) -> str:
    """A session's status as lists show it: a live session without a call of this app running
    for it was interrupted (the app stopped mid-call) and says so."""
    if is_interrupted(status, call_running):
        return QCoreApplication.translate("labels", "Interrupted")
    return status_label(status)


def live_now_text(floor_site: str) -> str:
    """A call going on now (on the official's computer, seen from any desk), with the site
    that has the floor ("" when none has it yet)."""
    if floor_site:
        return QCoreApplication.translate("labels", "Live now — %1 has the floor").replace(
            "%1", floor_site
        )
    return QCoreApplication.translate("labels", "Live now")


def role_label(role: Role) -> str:
    return {
        Role.STAFF: QCoreApplication.translate("labels", "Staff (prepares sessions)"),
        Role.OFFICIAL: QCoreApplication.translate("labels", "Official (runs sessions)"),
        Role.REVIEWER: QCoreApplication.translate("labels", "Reviewer (reviews minutes)"),
        Role.NOTE_TAKER: QCoreApplication.translate("labels", "Note-taker (takes notes in calls)"),
        Role.ADMIN: QCoreApplication.translate("labels", "Administrator (keeps accounts)"),
    }[role]


def follow_up_label(status: FollowUpStatus) -> str:
    return {
        FollowUpStatus.OPEN: QCoreApplication.translate("labels", "Open"),
        FollowUpStatus.CLAIMED: QCoreApplication.translate("labels", "Claimed"),
        FollowUpStatus.RESPONDED: QCoreApplication.translate("labels", "Responded"),
        FollowUpStatus.SOLVED: QCoreApplication.translate("labels", "Solved"),
    }[status]


def check_result_label(result: CheckResult) -> str:
    return {
        CheckResult.OK: QCoreApplication.translate("labels", "working"),
        CheckResult.FAILED: QCoreApplication.translate("labels", "not working"),
        CheckResult.MISSING: QCoreApplication.translate("labels", "none found"),
        CheckResult.DENIED: QCoreApplication.translate("labels", "not allowed"),
        CheckResult.SKIPPED: QCoreApplication.translate("labels", "not tested"),
    }[result]


def failing_parts(check: SiteCheck) -> list[str]:
    """The names of the parts of a pre-call check that did not pass, in the user's language."""
    parts = (
        (QCoreApplication.translate("labels", "camera"), check.camera),
        (QCoreApplication.translate("labels", "microphone"), check.microphone),
        (QCoreApplication.translate("labels", "connection"), check.connection),
    )
    return [name for name, result in parts if result is not CheckResult.OK]


def review_label(state: ReviewState) -> str:
    return {
        ReviewState.PENDING: QCoreApplication.translate("labels", "Awaiting review"),
        ReviewState.APPROVED: QCoreApplication.translate("labels", "Approved"),
        ReviewState.RETURNED: QCoreApplication.translate("labels", "Sent back"),
    }[state]


def role_short_label(role: str) -> str:
    """A role's name alone, for tight spaces such as table cells; `role` is a stored value."""
    return {
        Role.STAFF.value: QCoreApplication.translate("labels", "Staff"),
        Role.OFFICIAL.value: QCoreApplication.translate("labels", "Official"),
        Role.REVIEWER.value: QCoreApplication.translate("labels", "Reviewer"),
    }.get(role, role)


def status_filter_label(status: str) -> str:
    """Names for the values of storage.repository.STATUS_FILTERS."""
    return {
        "minutes_pending": QCoreApplication.translate("labels", "Minutes awaiting review"),
        "minutes_approved": QCoreApplication.translate("labels", "Minutes approved"),
        "minutes_returned": QCoreApplication.translate("labels", "Minutes sent back"),
        "follow_up_open": QCoreApplication.translate("labels", "Has open follow-ups"),
        "follow_up_solved": QCoreApplication.translate("labels", "Has solved follow-ups"),
    }.get(status, status)


def note_kind_label(kind: str) -> str:
    """What a search hit is: the `doc_kind` of a SearchHit."""
    return {
        "question": QCoreApplication.translate("labels", "Question"),
        "answer": QCoreApplication.translate("labels", "Answer"),
        "agenda": QCoreApplication.translate("labels", "Agenda"),
        "follow_up": QCoreApplication.translate("labels", "Follow-up"),
    }.get(kind, kind)


def audit_action_label(action: str) -> str:
    return {
        "create": QCoreApplication.translate("labels", "Created"),
        "edit": QCoreApplication.translate("labels", "Edited"),
        "delete": QCoreApplication.translate("labels", "Deleted"),
        "status": QCoreApplication.translate("labels", "Changed status"),
        "review": QCoreApplication.translate("labels", "Reviewed"),
        "archive": QCoreApplication.translate("labels", "Archived"),
        "restore": QCoreApplication.translate("labels", "Restored"),
        "import": QCoreApplication.translate("labels", "Imported"),
        "reorder": QCoreApplication.translate("labels", "Reordered"),
        # Steps of a follow-up (storage: claim_follow_up ... set_follow_up_due_dates).
        "claim": QCoreApplication.translate("labels", "Claimed"),
        "respond": QCoreApplication.translate("labels", "Responded"),
        "solve": QCoreApplication.translate("labels", "Solved"),
        "reopen": QCoreApplication.translate("labels", "Reopened"),
        "due": QCoreApplication.translate("labels", "Set due dates"),
        "notice": QCoreApplication.translate("labels", "Sent a notice"),
    }.get(action, action)


def audit_entity_label(entity: str) -> str:
    return {
        "session": QCoreApplication.translate("labels", "Session"),
        "question": QCoreApplication.translate("labels", "Question"),
        "answer": QCoreApplication.translate("labels", "Answer"),
        "follow_up": QCoreApplication.translate("labels", "Follow-up"),
        "agenda_item": QCoreApplication.translate("labels", "Agenda item"),
        "agenda": QCoreApplication.translate("labels", "Agenda"),
        "briefing": QCoreApplication.translate("labels", "Briefing"),
        "site": QCoreApplication.translate("labels", "Site"),
        "categories": QCoreApplication.translate("labels", "Categories"),
    }.get(entity, entity)


def translate_message(template: str, params: dict[str, object] | None = None) -> str:
    """Translate a message the core or store wrote in English, then fill in its values."""
    text = QCoreApplication.translate("messages", template)
    return text.format(**params) if params else text


def satisfaction_label(satisfaction: Satisfaction) -> str:
    return {
        Satisfaction.SATISFIED: QCoreApplication.translate("FollowUpLabels", "Satisfied"),
        Satisfaction.BASICALLY_SATISFIED: QCoreApplication.translate(
            "FollowUpLabels", "Basically satisfied"
        ),
        Satisfaction.UNSATISFIED: QCoreApplication.translate("FollowUpLabels", "Unsatisfied"),
    }[satisfaction]


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


def owner_text(follow_up: FollowUp) -> str:
    """The unit and, once claimed, the person in it."""
    unit = follow_up.owner or QCoreApplication.translate("FollowUpLabels", "No unit yet")
    if follow_up.claimed_by and follow_up.status is not FollowUpStatus.OPEN:
        return f"{unit} · {follow_up.claimed_by}"
    return unit
