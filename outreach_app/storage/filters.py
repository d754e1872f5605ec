"""The reviewers' filters (site, category, kind, period, status) as SQL conditions, shared by
the search and the review list."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from outreach_app.core.model import SearchFilters
from outreach_app.storage.errors import StoreError

Clause = tuple[str, list[Any]]
NO_FILTERS = SearchFilters()
STATUS_FILTERS = (
    "minutes_pending",
    "minutes_approved",
    "minutes_returned",
    "follow_up_open",
    "follow_up_solved",
)


def filter_clauses(
    filters: SearchFilters,
    session_alias: str,
    site_column: str,
    category_column: str,
    *,
    now: datetime,
) -> list[Clause]:
    """SQL conditions for the filters, each with its own parameters; `now` tells the sessions
    already held from those still to come."""
    clauses: list[Clause] = []
    if filters.site_id is not None:
        clauses.append((f"{site_column} = ?", [filters.site_id]))
    if filters.category:
        clauses.append((f"{category_column} = ?", [filters.category]))
    if filters.kind is not None:
        clauses.append((f"{session_alias}.kind = ?", [filters.kind.value]))
    clauses.extend(period_clauses(filters, session_alias))
    if filters.status:
        clauses.append(_status_clause(filters.status, session_alias, now))
    return clauses


def period_clauses(filters: SearchFilters, session_alias: str) -> list[Clause]:
    """The period's conditions on the start of the session."""
    clauses: list[Clause] = []
    if filters.period_start is not None:
        clauses.append((f"{session_alias}.start >= ?", [filters.period_start.isoformat()]))
    if filters.period_end is not None:
        end = (filters.period_end + timedelta(days=1)).isoformat()
        clauses.append((f"{session_alias}.start < ?", [end]))
    return clauses


def joined(clauses: list[Clause]) -> tuple[str, list[Any]]:
    """The conditions joined with AND, and their parameters in order."""
    return " AND ".join(c for c, _ in clauses), [p for _, ps in clauses for p in ps]


def _status_clause(status: str, session_alias: str, now: datetime) -> Clause:
    latest = (
        f"(SELECT r.state FROM reviews r WHERE r.session_id = {session_alias}.id"
        " ORDER BY r.id DESC LIMIT 1)"
    )
    if status == "minutes_pending":
        # Only a session that is over has minutes to review (as the review page's buttons
        # say): ended, or past its end without anyone marking it ended.
        s = session_alias
        held = (
            f"({s}.status = 'ended' OR ({s}.status NOT IN ('live', 'cancelled')"
            f" AND datetime({s}.start, '+' || {s}.duration_minutes || ' minutes') <= ?))"
        )
        return f"{held} AND coalesce({latest}, 'pending') = 'pending'", [
            now.isoformat(sep=" ", timespec="seconds")
        ]
    if status == "minutes_approved":
        return f"{latest} = 'approved'", []
    if status == "minutes_returned":
        return f"{latest} = 'returned'", []
    if status == "follow_up_open":
        return (
            "EXISTS (SELECT 1 FROM follow_ups f WHERE f.session_id = "
            f"{session_alias}.id AND f.status != 'solved')",
            [],
        )
    if status == "follow_up_solved":
        return (
            "EXISTS (SELECT 1 FROM follow_ups f WHERE f.session_id = "
            f"{session_alias}.id AND f.status = 'solved')",
            [],
        )
    raise StoreError("unknown status filter “{status}”", status=status)
