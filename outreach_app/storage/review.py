"""Review: a session's minutes, the reviewers' verdicts on them, the audit trail, and the list
of sessions to review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from outreach_app.core.model import (
    AuditEntry,
    Minutes,
    Review,
    ReviewState,
    SearchFilters,
    Session,
)
from outreach_app.core.rules import check_review_step, review_comment
from outreach_app.storage.base import (
    Aggregate,
    StoreConnection,
    parse_timestamp,
    read,
    timestamp,
    write,
)
from outreach_app.storage.errors import NotFoundError
from outreach_app.storage.filters import NO_FILTERS, Clause, filter_clauses, joined
from outreach_app.storage.notes import NoteStore
from outreach_app.storage.sessions import SessionStore, load_sessions

# What the minutes are made of, as the audit trail names it.
NOTE_ENTITIES = ("question", "answer", "follow_up")


@dataclass(frozen=True)
class SessionSummary:
    """A row of the review list: a session with its latest review state and counts."""

    session: Session
    review_state: ReviewState
    question_count: int
    open_follow_ups: int


class ReviewStore(Aggregate):
    aggregate = "review"

    def __init__(
        self, connection: StoreConnection, sessions: SessionStore, notes: NoteStore
    ) -> None:
        super().__init__(connection)
        self._sessions = sessions
        self._notes = notes

    @read
    def minutes(self, session_id: int) -> Minutes:
        return Minutes(
            session=self._sessions.get_session(session_id),
            questions=self._notes.list_questions(session_id),
            reviews=self.review_history(session_id),
            notes_changed_since_review=self._notes_changed_since_review(session_id),
        )

    def _notes_changed_since_review(self, session_id: int) -> bool:
        """Whether the audit trail has a note written after the session's latest review. Typing
        updates an earlier entry of the trail in place (coalesced), so an entry counts when it
        is newer than the review's or was touched later than it."""
        review = self._one(
            "SELECT id, at FROM audit_log WHERE session_id = ? AND action = 'review'"
            " ORDER BY id DESC LIMIT 1",
            (session_id,),
        )
        if review is None:
            return False
        entities = ", ".join("?" * len(NOTE_ENTITIES))
        changed = self._one(
            "SELECT 1 FROM audit_log WHERE session_id = ?"
            f" AND entity IN ({entities}) AND action IN ('create', 'edit', 'delete')"
            " AND (id > ? OR at > ?) LIMIT 1",
            (session_id, *NOTE_ENTITIES, review["id"], review["at"]),
        )
        return changed is not None

    @read
    def review_history(self, session_id: int) -> list[Review]:
        return [
            Review(
                id=r["id"],
                session_id=r["session_id"],
                state=ReviewState(r["state"]),
                reviewer=r["reviewer"],
                comment=r["comment"],
                at=parse_timestamp(r["at"]),
            )
            for r in self._rows(
                "SELECT * FROM reviews WHERE session_id = ? ORDER BY id", (session_id,)
            )
        ]

    @write
    def set_review(self, session_id: int, state: ReviewState, comment: str = "") -> Review:
        comment = review_comment(state, comment)
        now = self._now()
        if self._one("SELECT id FROM sessions WHERE id = ?", (session_id,)) is None:
            raise NotFoundError("session {id} does not exist", id=session_id)
        current = self._latest_review_states([session_id]).get(session_id, ReviewState.PENDING)
        check_review_step(
            state,
            current,
            notes_changed_since_review=self._notes_changed_since_review(session_id),
        )
        cursor = self._execute(
            "INSERT INTO reviews (session_id, state, reviewer, comment, at) VALUES (?, ?, ?, ?, ?)",
            (session_id, state.value, self._actor.name, comment, timestamp(now)),
        )
        self._audit(
            "review",
            "session",
            session_id,
            session_id=session_id,
            detail=f"{state.value}: {comment}" if comment else state.value,
        )
        return Review(session_id, state, self._actor.name, comment, now, int(cursor.lastrowid or 0))

    @read
    def audit_trail(self, session_id: int | None = None, *, limit: int = 500) -> list[AuditEntry]:
        where, params = ("session_id = ?", [session_id]) if session_id is not None else ("1", [])
        return [
            AuditEntry(
                at=datetime.fromisoformat(r["at"]),
                actor=r["actor"],
                role=r["role"],
                action=r["action"],
                entity=r["entity"],
                entity_id=r["entity_id"],
                detail=r["detail"],
            )
            for r in self._rows(
                f"SELECT * FROM audit_log WHERE {where} ORDER BY id DESC LIMIT ?",
                [*params, limit],
            )
        ]

    @read
    def list_review_sessions(
        self, filters: SearchFilters = NO_FILTERS, *, limit: int = 200
    ) -> list[SessionSummary]:
        """Sessions for review, newest first; site and category match any of their notes."""
        clauses = filter_clauses(filters, "s", "q.site_id", "q.category", now=self._now())
        note_level = [c for c in clauses if c[0].startswith("q.")]
        where: list[Clause] = [
            ("s.status != 'cancelled'", []),
            *(c for c in clauses if not c[0].startswith("q.")),
        ]
        if note_level:
            conditions, params = joined(note_level)
            exists = (
                f"EXISTS (SELECT 1 FROM questions q WHERE q.session_id = s.id AND {conditions})"
            )
            where.append((exists, params))
        conditions, params = joined(where)
        rows = self._rows(
            "SELECT s.id,"
            " (SELECT count(*) FROM questions q2 WHERE q2.session_id = s.id) AS question_count,"
            " (SELECT count(*) FROM follow_ups f WHERE f.session_id = s.id"
            "   AND f.status != 'solved') AS open_follow_ups"
            f" FROM sessions s WHERE {conditions}"
            " ORDER BY s.start DESC LIMIT ?",
            [*params, limit],
        )
        if not rows:
            return []
        sessions = {
            s.id: s
            for s in load_sessions(
                self._connection,
                f"id IN ({', '.join('?' * len(rows))})",
                [r["id"] for r in rows],
            )
        }
        states = self._latest_review_states([r["id"] for r in rows])
        return [
            SessionSummary(
                session=sessions[r["id"]],
                review_state=states.get(r["id"], ReviewState.PENDING),
                question_count=r["question_count"],
                open_follow_ups=r["open_follow_ups"],
            )
            for r in rows
        ]

    def _latest_review_states(self, session_ids: Sequence[int]) -> dict[int, ReviewState]:
        if not session_ids:
            return {}
        rows = self._rows(
            "SELECT session_id, state FROM reviews WHERE id IN (SELECT max(id) FROM reviews"
            f" WHERE session_id IN ({', '.join('?' * len(session_ids))}) GROUP BY session_id)",
            list(session_ids),
        )
        return {r["session_id"]: ReviewState(r["state"]) for r in rows}
