"""Translated names for domain values. Domain code stores values; only the UI names them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from outreach_app.core.model import FollowUpStatus, ReviewState, Role, SessionKind, SessionStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def kind_label(kind: SessionKind) -> str:
    return {
        SessionKind.POLICY_BRIEFING: _tr("Policy briefing"),
        SessionKind.INVESTIGATION: _tr("Investigation and research"),
        SessionKind.LETTERS_AND_VISITS: _tr("Reception of letters and visits"),
        SessionKind.ON_SITE_WORK: _tr("On-site work"),
    }[kind]


def status_label(status: SessionStatus) -> str:
    return {
        SessionStatus.DRAFT: _tr("Draft"),
        SessionStatus.SCHEDULED: _tr("Scheduled"),
        SessionStatus.LIVE: _tr("Live"),
        SessionStatus.ENDED: _tr("Ended"),
        SessionStatus.CANCELLED: _tr("Cancelled"),
    }[status]


def role_label(role: Role) -> str:
    return {
        Role.STAFF: _tr("Staff (prepares sessions)"),
        Role.OFFICIAL: _tr("Official (runs sessions)"),
        Role.REVIEWER: _tr("Reviewer (reviews minutes)"),
    }[role]


def follow_up_label(status: FollowUpStatus) -> str:
    return {
        FollowUpStatus.OPEN: _tr("Open"),
        FollowUpStatus.CLAIMED: _tr("Claimed"),
        FollowUpStatus.RESPONDED: _tr("Responded"),
        FollowUpStatus.SOLVED: _tr("Solved"),
    }[status]


def review_label(state: ReviewState) -> str:
    return {
        ReviewState.PENDING: _tr("Awaiting review"),
        ReviewState.APPROVED: _tr("Approved"),
        ReviewState.RETURNED: _tr("Sent back"),
    }[state]


def role_short_label(role: str) -> str:
    """A role's name alone, for tight spaces such as table cells; `role` is a stored value."""
    return {
        Role.STAFF.value: _tr("Staff"),
        Role.OFFICIAL.value: _tr("Official"),
        Role.REVIEWER.value: _tr("Reviewer"),
    }.get(role, role)


def status_filter_label(status: str) -> str:
    """Names for the values of storage.repository.STATUS_FILTERS."""
    return {
        "minutes_pending": _tr("Minutes awaiting review"),
        "minutes_approved": _tr("Minutes approved"),
        "minutes_returned": _tr("Minutes sent back"),
        "follow_up_open": _tr("Has open follow-ups"),
        "follow_up_solved": _tr("Has solved follow-ups"),
    }.get(status, status)


def note_kind_label(kind: str) -> str:
    """What a search hit is: the `doc_kind` of a SearchHit."""
    return {
        "question": _tr("Question"),
        "answer": _tr("Answer"),
        "agenda": _tr("Agenda"),
        "follow_up": _tr("Follow-up"),
    }.get(kind, kind)


def audit_action_label(action: str) -> str:
    return {
        "create": _tr("Created"),
        "edit": _tr("Edited"),
        "delete": _tr("Deleted"),
        "status": _tr("Changed status"),
        "review": _tr("Reviewed"),
        "archive": _tr("Archived"),
        "restore": _tr("Restored"),
        "import": _tr("Imported"),
        "reorder": _tr("Reordered"),
    }.get(action, action)


def audit_entity_label(entity: str) -> str:
    return {
        "session": _tr("Session"),
        "question": _tr("Question"),
        "answer": _tr("Answer"),
        "follow_up": _tr("Follow-up"),
        "agenda_item": _tr("Agenda item"),
        "agenda": _tr("Agenda"),
        "briefing": _tr("Briefing"),
        "site": _tr("Site"),
        "categories": _tr("Categories"),
    }.get(entity, entity)


def translate_message(template: str, params: dict[str, object] | None = None) -> str:
    """Translate a message the core or store wrote in English, then fill in its values."""
    text = QCoreApplication.translate("messages", template)
    return text.format(**params) if params else text
