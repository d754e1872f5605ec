"""Who may do what in an office's shared record: one table, enforced by the team server.

Every role reads the whole record. Each operation that changes it names the roles that may run
it; an operation missing here is refused for everybody (a test checks that every write of the
store is listed, so a new one cannot be forgotten). Operations that change only what one
computer keeps for itself (its recordings, its settings) never leave that computer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from outreach_app.core.model import Role

STAFF: Final = frozenset({Role.STAFF})
NOTE_TAKING: Final = frozenset({Role.OFFICIAL, Role.NOTE_TAKER})
RUNNING_CALLS: Final = frozenset({Role.OFFICIAL})
FOLLOWING_UP: Final = frozenset({Role.STAFF, Role.OFFICIAL, Role.REVIEWER})
REVIEWING: Final = frozenset({Role.REVIEWER})
KEEPING_ACCOUNTS: Final = frozenset({Role.ADMIN})

WRITE_PERMISSIONS: Final[Mapping[str, frozenset[Role]]] = {
    # The directory of sites, the schedule and the agendas: staff prepare them.
    "sites.save_site": STAFF,
    "sites.import_sites": STAFF,
    "sites.set_site_archived": STAFF,
    "sites.delete_site": STAFF,
    "sessions.save_session": STAFF,
    "sessions.add_agenda_item": STAFF,
    "sessions.update_agenda_item": STAFF,
    "sessions.delete_agenda_item": STAFF,
    "sessions.reorder_agenda": STAFF,
    "sessions.save_briefing": STAFF,
    "meta.set_categories": STAFF,
    # Staff cancel sessions; officials take them live and end them.
    "sessions.set_session_status": STAFF | RUNNING_CALLS,
    # Running a call: who joined and left, the pre-call checks, a call cut short.
    "sessions.record_site_joined": RUNNING_CALLS,
    "sessions.record_site_left": RUNNING_CALLS,
    "calls.record_site_check": STAFF | RUNNING_CALLS,
    "calls.end_interrupted_session": RUNNING_CALLS,
    # Notices to sites: the official, or a note-taker beside them.
    "calls.record_notice": NOTE_TAKING,
    # Notes: the official and the note-takers beside them.
    "notes.add_question": NOTE_TAKING,
    "notes.update_question": NOTE_TAKING,
    "notes.delete_question": NOTE_TAKING,
    "notes.save_answer": NOTE_TAKING,
    "notes.set_commitment": NOTE_TAKING,
    "notes.remove_commitment": NOTE_TAKING,
    # Follow-ups to the end, and demands from the message boards.
    "follow_ups.claim_follow_up": FOLLOWING_UP,
    "follow_ups.respond_to_follow_up": FOLLOWING_UP,
    "follow_ups.solve_follow_up": FOLLOWING_UP,
    "follow_ups.reopen_follow_up": FOLLOWING_UP,
    "follow_ups.set_follow_up_due_dates": FOLLOWING_UP,
    "follow_ups.import_demands": STAFF,
    # Minutes are approved or sent back by reviewers only; so are the figures of a month
    # published, and taken back.
    "review.set_review": REVIEWING,
    "statistics.close_month": REVIEWING,
    "statistics.reopen_month": REVIEWING,
    # Accounts live on the team server.
    "accounts.list_accounts": KEEPING_ACCOUNTS,
    "accounts.add_account": KEEPING_ACCOUNTS,
    "accounts.disable_account": KEEPING_ACCOUNTS,
    "accounts.enable_account": KEEPING_ACCOUNTS,
    "accounts.reset_password": KEEPING_ACCOUNTS,
}

# Writes that concern one computer only: they are neither sent nor accepted.
LOCAL_OPERATIONS: Final = frozenset(
    {"calls.start_recording", "calls.finish_recording", "meta.set_meta"}
)

# Facts that only accumulate: two people doing them apart both count, so they are never a
# conflict (the server still checks that each step is allowed where the item stands then).
MERGING_OPERATIONS: Final = frozenset(
    {
        "follow_ups.claim_follow_up",
        "follow_ups.respond_to_follow_up",
        "follow_ups.solve_follow_up",
        "follow_ups.reopen_follow_up",
        "review.set_review",
        "calls.record_site_check",
        "calls.record_notice",
        "sessions.record_site_joined",
        "sessions.record_site_left",
    }
)


def may_run(role: Role, operation: str) -> bool:
    return role in WRITE_PERMISSIONS.get(operation, frozenset())


def roles_for(operation: str) -> frozenset[Role]:
    return WRITE_PERMISSIONS.get(operation, frozenset())
