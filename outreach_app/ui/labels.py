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


def translate_message(template: str, params: dict[str, object] | None = None) -> str:
    """Translate a message the core or store wrote in English, then fill in its values."""
    text = QCoreApplication.translate("messages", template)
    return text.format(**params) if params else text
