"""What the audit trail of a session says: who did what, when, in the user's words."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from outreach_app.core.model import AuditEntry, FollowUpStatus, ReviewState, SessionStatus
from outreach_app.ui.formatting import format_datetime
from outreach_app.ui.labels import (
    audit_action_label,
    audit_entity_label,
    follow_up_label,
    review_label,
    role_short_label,
    status_label,
)


def audit_rows(
    entries: list[AuditEntry], site_names: Mapping[int, str] | None = None
) -> list[list[str]]:
    """When, who, action and what, one row per entry; `site_names` names the sites of the
    session (by id) where an entry is about one of them."""
    return [
        [
            format_datetime(entry.at),
            f"{entry.actor} ({role_short_label(entry.role)})",
            audit_action_label(entry.action),
            audit_what(entry, site_names),
        ]
        for entry in entries
    ]


def audit_what(entry: AuditEntry, site_names: Mapping[int, str] | None = None) -> str:
    if entry.action == "notice":
        return _notice_what(entry, site_names or {})
    if entry.action == "review":
        state_value, _, comment = entry.detail.partition(": ")
        try:
            state = review_label(ReviewState(state_value))
        except ValueError:
            return entry.detail
        return f"{state}: {comment}" if comment else state
    what = audit_entity_label(entry.entity)
    detail = entry.detail
    if entry.action == "status" and entry.entity == "session":
        detail = _label_or_value(detail, lambda v: status_label(SessionStatus(v)))
    elif entry.action == "status" and entry.entity == "follow_up":
        detail = _label_or_value(detail, lambda v: follow_up_label(FollowUpStatus(v)))
    return f"{what}: {detail}" if detail else what


def _label_or_value(value: str, label: Callable[[str], str]) -> str:
    try:
        return label(value)
    except ValueError:
        return value


def _notice_what(entry: AuditEntry, site_names: Mapping[int, str]) -> str:
    if entry.entity == "site" and entry.entity_id is not None:
        to = site_names.get(entry.entity_id) or QCoreApplication.translate(
            "audit", "site %1"
        ).replace("%1", str(entry.entity_id))
    else:
        to = QCoreApplication.translate("audit", "every site")
    return (
        QCoreApplication.translate("audit", "To %1: %2")
        .replace("%1", to)
        .replace("%2", entry.detail)
    )
