"""Words only team mode uses: what went wrong reaching the server, where this computer stands
with it, and the changes the person has to look at, in the person's language."""

from __future__ import annotations

import json
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from outreach_app.core.model import FollowUpStatus, Role, SessionKind, SessionStatus
from outreach_app.ui.labels import (
    follow_up_label,
    kind_label,
    role_label,
    status_label,
    translate_message,
)


# ------------------------------------------------------------------------------ signing in
def certificate_text() -> str:
    return QCoreApplication.translate(
        "TeamLabels",
        "The server's certificate is not trusted by this computer.\n\n"
        "If your office uses its own certificate, ask your administrator for the certificate "
        "file and choose it under “Certificate file”.\n\n"
        "If you did not expect this, do not continue: someone may be pretending to be your "
        "office's server.",
    )


def unreadable_certificate_text(path: str) -> str:
    return QCoreApplication.translate(
        "TeamLabels",
        "“%1” is not a certificate file this computer can read. Ask your administrator for "
        "the office's certificate (a .pem or .crt file).",
    ).replace("%1", path)


# ------------------------------------------------------------------------------ problems
def operation_label(operation: str, subject: str) -> str:
    """A change as the person made it: "Site “Gas field” edited"."""
    labels = {
        "sites.save_site": QCoreApplication.translate("TeamLabels", "Site “%1” edited"),
        "sites.import_sites": QCoreApplication.translate("TeamLabels", "Sites imported"),
        "sites.set_site_archived": QCoreApplication.translate(
            "TeamLabels", "Site “%1” archived or brought back"
        ),
        "sites.delete_site": QCoreApplication.translate("TeamLabels", "Site “%1” deleted"),
        "sessions.save_session": QCoreApplication.translate("TeamLabels", "Session “%1” edited"),
        "sessions.set_session_status": QCoreApplication.translate(
            "TeamLabels", "Status of session “%1” changed"
        ),
        "sessions.add_agenda_item": QCoreApplication.translate(
            "TeamLabels", "Agenda item “%1” added"
        ),
        "sessions.update_agenda_item": QCoreApplication.translate(
            "TeamLabels", "Agenda item “%1” edited"
        ),
        "sessions.delete_agenda_item": QCoreApplication.translate(
            "TeamLabels", "Agenda item “%1” deleted"
        ),
        "sessions.reorder_agenda": QCoreApplication.translate("TeamLabels", "Agenda reordered"),
        "sessions.save_briefing": QCoreApplication.translate("TeamLabels", "Briefing edited"),
        "sessions.record_site_joined": QCoreApplication.translate(
            "TeamLabels", "A site joined the call"
        ),
        "sessions.record_site_left": QCoreApplication.translate(
            "TeamLabels", "A site left the call"
        ),
        "meta.set_categories": QCoreApplication.translate("TeamLabels", "Note categories changed"),
        "calls.record_site_check": QCoreApplication.translate(
            "TeamLabels", "A pre-call check recorded"
        ),
        "calls.end_interrupted_session": QCoreApplication.translate(
            "TeamLabels", "Interrupted session “%1” ended"
        ),
        "notes.add_question": QCoreApplication.translate("TeamLabels", "Question “%1” added"),
        "notes.update_question": QCoreApplication.translate("TeamLabels", "Question “%1” edited"),
        "notes.delete_question": QCoreApplication.translate("TeamLabels", "Question “%1” deleted"),
        "notes.save_answer": QCoreApplication.translate("TeamLabels", "Answer “%1” saved"),
        "notes.set_commitment": QCoreApplication.translate(
            "TeamLabels", "Commitment “%1” recorded"
        ),
        "notes.remove_commitment": QCoreApplication.translate("TeamLabels", "Commitment removed"),
        "follow_ups.claim_follow_up": QCoreApplication.translate(
            "TeamLabels", "Follow-up “%1” claimed"
        ),
        "follow_ups.respond_to_follow_up": QCoreApplication.translate(
            "TeamLabels", "Response to follow-up “%1” recorded"
        ),
        "follow_ups.solve_follow_up": QCoreApplication.translate(
            "TeamLabels", "Follow-up “%1” solved"
        ),
        "follow_ups.reopen_follow_up": QCoreApplication.translate(
            "TeamLabels", "Follow-up “%1” reopened"
        ),
        "follow_ups.set_follow_up_due_dates": QCoreApplication.translate(
            "TeamLabels", "Due dates of follow-up “%1” changed"
        ),
        "follow_ups.import_demands": QCoreApplication.translate("TeamLabels", "Demands imported"),
        "review.set_review": QCoreApplication.translate("TeamLabels", "Minutes reviewed"),
    }
    label = labels.get(operation)
    if label is None:
        return QCoreApplication.translate("TeamLabels", "A change (%1)").replace("%1", operation)
    return label.replace("%1", shorten(subject) or "…")


def shorten(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def reason_text(message: str, params: Mapping[str, str]) -> str:
    """Why the office's server did not take a change, from its answer."""
    if message == "your role ({role}) may not do this: {name}":
        role = params.get("role", "")
        name = role_label(Role(role)) if role in Role.__members__.values() else role
        return QCoreApplication.translate("TeamLabels", "Your role, %1, may not do this.").replace(
            "%1", name
        )
    if message == "someone else changed this meanwhile":
        return QCoreApplication.translate(
            "TeamLabels", "Someone else changed this in the office's record meanwhile."
        )
    if message == "something this change refers to was deleted meanwhile":
        return QCoreApplication.translate(
            "TeamLabels",
            "Something this change refers to was deleted in the office's record meanwhile.",
        )
    if not message:
        return ""
    try:
        text = translate_message(message, dict(params))
    except (KeyError, IndexError, ValueError):
        text = message
    return QCoreApplication.translate(
        "TeamLabels", "The office's server did not take this change: %1"
    ).replace("%1", text)


# Columns that say nothing to a person comparing two versions: ids, references, bookkeeping.
HIDDEN_COLUMNS = frozenset(
    {"uid", "id", "created_at", "updated_at", "imported_at", "fingerprint", "position"}
)


def field_label(column: str) -> str:
    labels = {
        "name": QCoreApplication.translate("TeamLabels", "Name"),
        "region": QCoreApplication.translate("TeamLabels", "Region"),
        "address": QCoreApplication.translate("TeamLabels", "Address"),
        "contacts": QCoreApplication.translate("TeamLabels", "Contacts"),
        "connection_notes": QCoreApplication.translate("TeamLabels", "Connection notes"),
        "tags": QCoreApplication.translate("TeamLabels", "Tags"),
        "archived": QCoreApplication.translate("TeamLabels", "Archived"),
        "title": QCoreApplication.translate("TeamLabels", "Title"),
        "kind": QCoreApplication.translate("TeamLabels", "Kind"),
        "official": QCoreApplication.translate("TeamLabels", "Official"),
        "start": QCoreApplication.translate("TeamLabels", "Start"),
        "duration_minutes": QCoreApplication.translate("TeamLabels", "Duration (min)"),
        "status": QCoreApplication.translate("TeamLabels", "Status"),
        "notes": QCoreApplication.translate("TeamLabels", "Notes"),
        "started_at": QCoreApplication.translate("TeamLabels", "Started"),
        "ended_at": QCoreApplication.translate("TeamLabels", "Ended"),
        "time_box_minutes": QCoreApplication.translate("TeamLabels", "Time box (min)"),
        "invitation_state": QCoreApplication.translate("TeamLabels", "Invitation"),
        "joined_at": QCoreApplication.translate("TeamLabels", "Joined"),
        "left_at": QCoreApplication.translate("TeamLabels", "Left"),
        "text": QCoreApplication.translate("TeamLabels", "Text"),
        "asked_by": QCoreApplication.translate("TeamLabels", "Asked by"),
        "category": QCoreApplication.translate("TeamLabels", "Category"),
        "offset_seconds": QCoreApplication.translate("TeamLabels", "Time in the session (s)"),
        "speaker": QCoreApplication.translate("TeamLabels", "Speaker"),
        "answered_at": QCoreApplication.translate("TeamLabels", "Answered"),
        "commitment": QCoreApplication.translate("TeamLabels", "Commitment"),
        "owner": QCoreApplication.translate("TeamLabels", "Owner"),
        "due": QCoreApplication.translate("TeamLabels", "Due"),
        "resolution": QCoreApplication.translate("TeamLabels", "Outcome"),
        "claimed_by": QCoreApplication.translate("TeamLabels", "Claimed by"),
        "response": QCoreApplication.translate("TeamLabels", "Response"),
        "satisfaction": QCoreApplication.translate("TeamLabels", "Satisfaction"),
        "claim_due": QCoreApplication.translate("TeamLabels", "Claim by"),
        "respond_due": QCoreApplication.translate("TeamLabels", "Respond by"),
        "claimed_at": QCoreApplication.translate("TeamLabels", "Claimed"),
        "responded_at": QCoreApplication.translate("TeamLabels", "Responded"),
        "solved_at": QCoreApplication.translate("TeamLabels", "Solved"),
        "state": QCoreApplication.translate("TeamLabels", "State"),
        "reviewer": QCoreApplication.translate("TeamLabels", "Reviewer"),
        "comment": QCoreApplication.translate("TeamLabels", "Comment"),
        "at": QCoreApplication.translate("TeamLabels", "When"),
        "actor": QCoreApplication.translate("TeamLabels", "By"),
        "note": QCoreApplication.translate("TeamLabels", "Note"),
    }
    return labels.get(column, column)


def value_text(table: str, column: str, value: object) -> str:
    """A stored value as the person knows it (kinds and states named in their language)."""
    if value is None:
        return ""
    text = str(value)
    if table == "sessions" and column == "kind" and text in SessionKind.__members__.values():
        return kind_label(SessionKind(text))
    if table == "sessions" and column == "status" and text in SessionStatus.__members__.values():
        return status_label(SessionStatus(text))
    if table == "follow_ups" and column == "status" and text in FollowUpStatus.__members__.values():
        return follow_up_label(FollowUpStatus(text))
    if text.startswith(("[", "{")):
        return _listed(text)
    if column == "archived":
        return (
            QCoreApplication.translate("TeamLabels", "yes")
            if text not in ("0", "False", "")
            else QCoreApplication.translate("TeamLabels", "no")
        )
    return text


def table_label(table: str) -> str:
    labels = {
        "categories": QCoreApplication.translate("TeamLabels", "Note category"),
        "sites": QCoreApplication.translate("TeamLabels", "Site"),
        "sessions": QCoreApplication.translate("TeamLabels", "Session"),
        "session_sites": QCoreApplication.translate("TeamLabels", "Site in a session"),
        "agenda_items": QCoreApplication.translate("TeamLabels", "Agenda item"),
        "briefings": QCoreApplication.translate("TeamLabels", "Briefing"),
        "questions": QCoreApplication.translate("TeamLabels", "Question"),
        "answers": QCoreApplication.translate("TeamLabels", "Answer"),
        "follow_ups": QCoreApplication.translate("TeamLabels", "Follow-up"),
        "follow_up_steps": QCoreApplication.translate("TeamLabels", "Follow-up step"),
        "demands": QCoreApplication.translate("TeamLabels", "Demand"),
        "reviews": QCoreApplication.translate("TeamLabels", "Review"),
        "site_checks": QCoreApplication.translate("TeamLabels", "Pre-call check"),
        "site_notices": QCoreApplication.translate("TeamLabels", "Notice to sites"),
    }
    return labels.get(table, table)


def _listed(text: str) -> str:
    """A list kept as JSON (tags, contacts) as a person reads it: "a; b" and "name phone"."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    items = value if isinstance(value, list) else [value]
    parts = []
    for item in items:
        if isinstance(item, dict):
            parts.append(" ".join(str(v) for v in item.values() if v not in (None, "")))
        else:
            parts.append(str(item))
    return "; ".join(part for part in parts if part)
