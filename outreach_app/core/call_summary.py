"""What a session's call came to, shown when it ends: how long, how many sites were heard,
how many notes and follow-ups it left."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from outreach_app.core.model import Question, Session


@dataclass(frozen=True)
class CallSummary:
    duration_seconds: int | None  # None: the session never started
    sites_heard: int  # sites that had the floor
    sites: int
    notes: int  # questions noted, with or without an answer
    follow_ups: int  # commitments, each a follow-up


def summarize_call(
    session: Session, heard: Iterable[int], questions: Iterable[Question]
) -> CallSummary:
    """`heard`: the sites that had the floor at some time; `questions`: the session's notes."""
    noted = list(questions)
    site_ids = {slot.site_id for slot in session.sites}
    duration = None
    if session.started_at is not None and session.ended_at is not None:
        duration = session.seconds_into(session.ended_at)
    return CallSummary(
        duration_seconds=duration,
        sites_heard=len(site_ids & set(heard)),
        sites=len(site_ids),
        notes=len(noted),
        follow_ups=sum(1 for question in noted if question.follow_up is not None),
    )
