"""The notes of a session: questions put to sites, their answers, and the commitments made in
them (a commitment opens a follow-up, see follow_ups.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from outreach_app.core.model import Answer, FollowUp, FollowUpStatus, Question
from outreach_app.core.rules import commitment_text
from outreach_app.storage.base import Aggregate, parse_timestamp, read, timestamp, write
from outreach_app.storage.errors import NotFoundError
from outreach_app.storage.follow_ups import add_follow_up_step, follow_up_from_row, load_follow_up


class NoteStore(Aggregate):
    aggregate = "notes"

    def _questions_where(self, where: str, params: Sequence[Any]) -> list[Question]:
        rows = self._rows(
            "SELECT q.*, a.id AS a_id, a.text AS a_text, a.speaker AS a_speaker,"
            " a.answered_at AS a_answered_at, f.id AS f_id"
            " FROM questions q LEFT JOIN answers a ON a.question_id = q.id"
            " LEFT JOIN follow_ups f ON f.question_id = q.id"
            f" WHERE {where} ORDER BY q.created_at, q.id",
            params,
        )
        follow_ups: dict[int, FollowUp] = {}
        f_ids = [r["f_id"] for r in rows if r["f_id"] is not None]
        if f_ids:
            for f in self._rows(
                f"SELECT * FROM follow_ups WHERE id IN ({', '.join('?' * len(f_ids))})", f_ids
            ):
                follow_ups[f["id"]] = follow_up_from_row(f)
        questions = []
        for r in rows:
            answer = None
            if r["a_id"] is not None:
                answer = Answer(
                    id=r["a_id"],
                    question_id=r["id"],
                    text=r["a_text"],
                    speaker=r["a_speaker"],
                    answered_at=parse_timestamp(r["a_answered_at"]),
                )
            questions.append(
                Question(
                    id=r["id"],
                    session_id=r["session_id"],
                    site_id=r["site_id"],
                    agenda_item_id=r["agenda_item_id"],
                    text=r["text"],
                    asked_by=r["asked_by"],
                    category=r["category"],
                    offset_seconds=r["offset_seconds"],
                    created_at=parse_timestamp(r["created_at"]),
                    answer=answer,
                    follow_up=follow_ups.get(r["f_id"]) if r["f_id"] is not None else None,
                )
            )
        return questions

    @read
    def list_questions(self, session_id: int) -> list[Question]:
        return self._questions_where("q.session_id = ?", (session_id,))

    @read
    def get_question(self, question_id: int) -> Question:
        found = self._questions_where("q.id = ?", (question_id,))
        if not found:
            raise NotFoundError("question {id} does not exist", id=question_id)
        return found[0]

    @write
    def add_question(
        self,
        session_id: int,
        site_id: int,
        text: str,
        *,
        asked_by: str = "",
        category: str = "",
        agenda_item_id: int | None = None,
        offset_seconds: int | None = None,
    ) -> Question:
        now = timestamp(self._now())
        cursor = self._execute(
            "INSERT INTO questions (session_id, site_id, agenda_item_id, text, asked_by,"
            " category, offset_seconds, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                site_id,
                agenda_item_id,
                text,
                asked_by,
                category,
                offset_seconds,
                now,
                now,
            ),
        )
        question_id = int(cursor.lastrowid or 0)
        self._audit("create", "question", question_id, session_id=session_id, detail=text)
        return self.get_question(question_id)

    @write
    def update_question(
        self,
        question_id: int,
        *,
        text: str | None = None,
        category: str | None = None,
        asked_by: str | None = None,
        site_id: int | None = None,
    ) -> None:
        changes: dict[str, object] = {
            k: v
            for k, v in {
                "text": text,
                "category": category,
                "asked_by": asked_by,
                "site_id": site_id,
            }.items()
            if v is not None
        }
        if not changes:
            return
        row = self._one("SELECT session_id FROM questions WHERE id = ?", (question_id,))
        if row is None:
            raise NotFoundError("question {id} does not exist", id=question_id)
        changes["updated_at"] = timestamp(self._now())
        self._execute(
            f"UPDATE questions SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?",
            [*changes.values(), question_id],
        )
        self._audit(
            "edit",
            "question",
            question_id,
            session_id=row["session_id"],
            detail=text or "",
            coalesce=True,
        )

    @write
    def delete_question(self, question_id: int) -> None:
        row = self._one("SELECT session_id, text FROM questions WHERE id = ?", (question_id,))
        if row is None:
            return
        self._execute("DELETE FROM follow_ups WHERE question_id = ?", (question_id,))
        self._execute("DELETE FROM questions WHERE id = ?", (question_id,))
        self._audit(
            "delete", "question", question_id, session_id=row["session_id"], detail=row["text"]
        )

    @write
    def save_answer(self, question_id: int, text: str, speaker: str) -> Answer:
        """Create or update the answer; called as the user types, so it must stay cheap."""
        now = self._now()
        question = self._one("SELECT session_id FROM questions WHERE id = ?", (question_id,))
        if question is None:
            raise NotFoundError("question {id} does not exist", id=question_id)
        existing = self._one(
            "SELECT id, answered_at FROM answers WHERE question_id = ?", (question_id,)
        )
        if existing is None:
            cursor = self._execute(
                "INSERT INTO answers (question_id, text, speaker, answered_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (question_id, text, speaker, timestamp(now), timestamp(now)),
            )
            answer_id = int(cursor.lastrowid or 0)
            answered_at = now
        else:
            answer_id = existing["id"]
            answered_at = datetime.fromisoformat(existing["answered_at"])
            self._execute(
                "UPDATE answers SET text = ?, speaker = ?, updated_at = ? WHERE id = ?",
                (text, speaker, timestamp(now), answer_id),
            )
        self._audit(
            "edit",
            "answer",
            answer_id,
            session_id=question["session_id"],
            detail=text,
            coalesce=True,
        )
        return Answer(question_id, text, speaker, answered_at, answer_id)

    @write
    def set_commitment(
        self, question_id: int, commitment: str, owner: str, due: date | None
    ) -> FollowUp:
        """Mark the question's answer as a commitment: create or update its follow-up."""
        commitment = commitment_text(commitment)
        now = timestamp(self._now())
        question = self._one(
            "SELECT session_id, site_id FROM questions WHERE id = ?", (question_id,)
        )
        if question is None:
            raise NotFoundError("question {id} does not exist", id=question_id)
        existing = self._one("SELECT id FROM follow_ups WHERE question_id = ?", (question_id,))
        if existing is None:
            cursor = self._execute(
                "INSERT INTO follow_ups (question_id, session_id, site_id, commitment, owner,"
                " due, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                (
                    question_id,
                    question["session_id"],
                    question["site_id"],
                    commitment,
                    owner,
                    due.isoformat() if due else None,
                    now,
                    now,
                ),
            )
            follow_up_id = int(cursor.lastrowid or 0)
            add_follow_up_step(self._connection, follow_up_id, FollowUpStatus.OPEN, "")
            self._audit(
                "create",
                "follow_up",
                follow_up_id,
                session_id=question["session_id"],
                detail=commitment,
            )
        else:
            follow_up_id = existing["id"]
            self._execute(
                "UPDATE follow_ups SET commitment = ?, owner = ?, due = ?, updated_at = ?"
                " WHERE id = ?",
                (commitment, owner, due.isoformat() if due else None, now, follow_up_id),
            )
            self._audit(
                "edit",
                "follow_up",
                follow_up_id,
                session_id=question["session_id"],
                detail=commitment,
                coalesce=True,
            )
        return load_follow_up(self._connection, follow_up_id)

    @write
    def remove_commitment(self, question_id: int) -> None:
        row = self._one(
            "SELECT id, session_id FROM follow_ups WHERE question_id = ?", (question_id,)
        )
        if row is None:
            return
        self._execute("DELETE FROM follow_ups WHERE id = ?", (row["id"],))
        self._audit("delete", "follow_up", row["id"], session_id=row["session_id"])
