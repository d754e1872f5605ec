"""What calls leave on record: sites' pre-call checks, recordings, and sessions a crash left
live."""

from __future__ import annotations

from datetime import datetime

from outreach_app.core.interruptions import InterruptedSession
from outreach_app.core.model import (
    CheckResult,
    Recording,
    SessionStatus,
    SiteCheck,
    SiteNotice,
    notice_text,
)
from outreach_app.storage.base import (
    Aggregate,
    StoreConnection,
    parse_timestamp,
    read,
    timestamp,
    write,
)
from outreach_app.storage.errors import NotFoundError
from outreach_app.storage.sessions import SessionStore


class CallStore(Aggregate):
    aggregate = "calls"

    def __init__(self, connection: StoreConnection, sessions: SessionStore) -> None:
        super().__init__(connection)
        self._sessions = sessions

    @write
    def record_site_check(self, check: SiteCheck) -> None:
        """Keep `check` as the site's latest for the session (the session must invite it)."""
        invited = self._one(
            "SELECT 1 AS yes FROM session_sites WHERE session_id = ? AND site_id = ?",
            (check.session_id, check.site_id),
        )
        if invited is None:
            raise NotFoundError(
                "site {site} is not in session {session}",
                site=check.site_id,
                session=check.session_id,
            )
        self._execute(
            "INSERT OR REPLACE INTO site_checks (session_id, site_id, checked_at, camera,"
            " microphone, connection, round_trip_ms, source, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                check.session_id,
                check.site_id,
                timestamp(check.checked_at),
                check.camera.value,
                check.microphone.value,
                check.connection.value,
                check.round_trip_ms,
                check.source,
                check.detail[:500],
            ),
        )
        self._audit(
            "check",
            "site",
            check.site_id,
            session_id=check.session_id,
            detail="passed" if check.passed else "failed",
        )

    @read
    def site_checks(self, session_id: int) -> dict[int, SiteCheck]:
        """The latest pre-call check of each site of the session that ran one."""
        return {
            row["site_id"]: SiteCheck(
                session_id=row["session_id"],
                site_id=row["site_id"],
                checked_at=parse_timestamp(row["checked_at"]) or self._now(),
                camera=CheckResult(row["camera"]),
                microphone=CheckResult(row["microphone"]),
                connection=CheckResult(row["connection"]),
                round_trip_ms=row["round_trip_ms"],
                source=row["source"],
                detail=row["detail"],
            )
            for row in self._rows("SELECT * FROM site_checks WHERE session_id = ?", (session_id,))
        }

    @write
    def record_notice(self, session_id: int, site_id: int | None, text: str) -> SiteNotice:
        """Keep a notice sent to `site_id` (None: every site) with the session's record."""
        line = notice_text(text)
        if not line:
            raise ValueError("a notice needs some text")
        if site_id is not None:
            invited = self._one(
                "SELECT 1 AS yes FROM session_sites WHERE session_id = ? AND site_id = ?",
                (session_id, site_id),
            )
            if invited is None:
                raise NotFoundError(
                    "site {site} is not in session {session}", site=site_id, session=session_id
                )
        sent_at = self._now()
        cursor = self._execute(
            "INSERT INTO site_notices (session_id, site_id, text, sent_at, sent_by)"
            " VALUES (?, ?, ?, ?, ?)",
            (session_id, site_id, line, timestamp(sent_at), self._actor.name),
        )
        notice_id = int(cursor.lastrowid or 0)
        # The audit trail says to whom: the site, or the session (every site).
        entity, entity_id = ("session", session_id) if site_id is None else ("site", site_id)
        self._audit("notice", entity, entity_id, session_id=session_id, detail=line)
        return SiteNotice(notice_id, session_id, site_id, line, sent_at, self._actor.name)

    @read
    def notices(self, session_id: int) -> list[SiteNotice]:
        """The session's notices to sites, oldest first."""
        return [
            SiteNotice(
                row["id"],
                row["session_id"],
                row["site_id"],
                row["text"],
                parse_timestamp(row["sent_at"]) or self._now(),
                row["sent_by"],
            )
            for row in self._rows(
                "SELECT * FROM site_notices WHERE session_id = ? ORDER BY id", (session_id,)
            )
        ]

    @write
    def start_recording(self, session_id: int, path: str) -> Recording:
        started = self._now()
        cursor = self._execute(
            "INSERT INTO recordings (session_id, path, started_at) VALUES (?, ?, ?)",
            (session_id, path, timestamp(started)),
        )
        recording_id = int(cursor.lastrowid or 0)
        self._audit("record", "session", session_id, session_id=session_id, detail=path)
        return Recording(recording_id, session_id, path, started)

    @write
    def finish_recording(self, recording_id: int) -> None:
        self._execute(
            "UPDATE recordings SET ended_at = coalesce(ended_at, ?) WHERE id = ?",
            (timestamp(self._now()), recording_id),
        )

    @read
    def recordings(self, session_id: int) -> list[Recording]:
        return [
            Recording(
                row["id"],
                row["session_id"],
                row["path"],
                parse_timestamp(row["started_at"]) or self._now(),
                parse_timestamp(row["ended_at"]),
            )
            for row in self._rows(
                "SELECT * FROM recordings WHERE session_id = ? ORDER BY started_at", (session_id,)
            )
        ]

    @read
    def interrupted_sessions(self) -> list[InterruptedSession]:
        """Sessions left live, soonest first, with when their last note was written.

        Whether a call of the running app still carries one is for the app to say
        (`core.interruptions.still_interrupted`); at start-up none does.
        """
        found = []
        for row in self._rows(
            "SELECT id, title, start, started_at FROM sessions WHERE status = ? ORDER BY start",
            (SessionStatus.LIVE.value,),
        ):
            notes = self._one(
                "SELECT max(q.updated_at) AS question_at, max(a.updated_at) AS answer_at"
                " FROM questions q LEFT JOIN answers a ON a.question_id = q.id"
                " WHERE q.session_id = ?",
                (row["id"],),
            )
            written = [
                moment
                for moment in (
                    parse_timestamp(notes["question_at"]) if notes else None,
                    parse_timestamp(notes["answer_at"]) if notes else None,
                )
                if moment is not None
            ]
            found.append(
                InterruptedSession(
                    session_id=row["id"],
                    title=row["title"],
                    start=datetime.fromisoformat(row["start"]),
                    started_at=parse_timestamp(row["started_at"]),
                    last_note_at=max(written) if written else None,
                )
            )
        return found

    @write
    def end_interrupted_session(self, session_id: int) -> None:
        """End a session left live without starting its call again, as ending the call would:
        sites on record as present leave, and the session is ended. A session that is no longer
        live (its call was started again and ended meanwhile) is left as it is."""
        if self._sessions.get_session(session_id).status is not SessionStatus.LIVE:
            return
        present = self._rows(
            "SELECT site_id FROM session_sites WHERE session_id = ?"
            " AND joined_at IS NOT NULL AND left_at IS NULL",
            (session_id,),
        )
        for row in present:
            self._sessions.record_site_left(session_id, row["site_id"])
        self._sessions.set_session_status(session_id, SessionStatus.ENDED)
