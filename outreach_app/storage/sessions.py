"""Sessions: their sites in speaking order, agenda items, briefings and who was present."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from outreach_app.core.call_engines import EngineChoice
from outreach_app.core.model import (
    AgendaItem,
    AgendaItemKind,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
)
from outreach_app.core.rules import agenda_text, check_agenda_order, check_session
from outreach_app.core.scheduling import Conflict, find_conflicts
from outreach_app.storage.base import (
    Aggregate,
    StoreConnection,
    parse_timestamp,
    read,
    timestamp,
    write,
)
from outreach_app.storage.errors import NotFoundError


def load_sessions(
    connection: StoreConnection, where: str, params: Sequence[Any], *, limit: int = -1
) -> list[Session]:
    """The sessions `where` selects, earliest first, each with its sites in speaking order."""
    rows = connection.rows(
        f"SELECT * FROM sessions WHERE {where} ORDER BY start LIMIT ?", [*params, limit]
    )
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    slots: dict[int, list[SessionSite]] = {i: [] for i in ids}
    placeholders = ", ".join("?" * len(ids))
    for slot in connection.rows(
        "SELECT ss.*, st.name AS site_name FROM session_sites ss"
        f" JOIN sites st ON st.id = ss.site_id WHERE ss.session_id IN ({placeholders})"
        " ORDER BY ss.session_id, ss.position",
        ids,
    ):
        slots[slot["session_id"]].append(
            SessionSite(
                site_id=slot["site_id"],
                position=slot["position"],
                time_box_minutes=slot["time_box_minutes"],
                site_name=slot["site_name"],
                invitation_state=slot["invitation_state"],
                joined_at=parse_timestamp(slot["joined_at"]),
                left_at=parse_timestamp(slot["left_at"]),
            )
        )
    return [
        Session(
            id=r["id"],
            title=r["title"],
            kind=SessionKind(r["kind"]),
            official=r["official"],
            start=datetime.fromisoformat(r["start"]),
            duration_minutes=r["duration_minutes"],
            status=SessionStatus(r["status"]),
            notes=r["notes"],
            sites=slots[r["id"]],
            started_at=parse_timestamp(r["started_at"]),
            ended_at=parse_timestamp(r["ended_at"]),
            call_engine=_engine_choice(r["call_engine"]),
        )
        for r in rows
    ]


def _engine_choice(value: object) -> EngineChoice:
    # A value written by a newer version reads as the default.
    try:
        return EngineChoice(str(value))
    except ValueError:
        return EngineChoice.AUTO


class SessionStore(Aggregate):
    aggregate = "sessions"

    @read
    def get_session(self, session_id: int) -> Session:
        found = load_sessions(self._connection, "id = ?", (session_id,))
        if not found:
            raise NotFoundError("session {id} does not exist", id=session_id)
        return found[0]

    @read
    def list_sessions_between(self, start: datetime, end: datetime) -> list[Session]:
        """Sessions that overlap [start, end)."""
        # A session may begin before `start` and still run into the range; none lasts a day.
        return [
            s
            for s in load_sessions(
                self._connection,
                "start < ? AND start >= ?",
                (timestamp(end), timestamp(start - timedelta(days=1))),
            )
            if s.end > start
        ]

    @read
    def upcoming_sessions(self, *, limit: int = 50, now: datetime | None = None) -> list[Session]:
        """Sessions not yet over at `now` (default: the store's clock), soonest first."""
        now = now or self._now()
        return [
            s
            for s in load_sessions(
                self._connection,
                "start >= ? AND status NOT IN ('ended', 'cancelled')",
                (timestamp(now - timedelta(days=1)),),
                limit=limit * 2,
            )
            if s.end >= now
        ][:limit]

    @read
    def conflicts_for(self, session: Session) -> list[Conflict]:
        nearby = self.list_sessions_between(session.start, session.end)
        return find_conflicts(session, nearby)

    @read
    def ended_session_ids(self) -> set[int]:
        """The sessions that have ended: their invitations must admit nobody any more."""
        rows = self._rows("SELECT id FROM sessions WHERE status = ?", (SessionStatus.ENDED.value,))
        return {row["id"] for row in rows}

    @write
    def save_session(self, session: Session) -> int:
        check_session(session)
        now = timestamp(self._now())
        values: dict[str, object] = {
            "title": session.title.strip(),
            "kind": session.kind.value,
            "official": session.official.strip(),
            "start": timestamp(session.start),
            "duration_minutes": session.duration_minutes,
            "status": session.status.value,
            "notes": session.notes,
            "call_engine": session.call_engine.value,
            "updated_at": now,
        }
        if session.id is None:
            values["created_at"] = now
            cursor = self._execute(
                f"INSERT INTO sessions ({', '.join(values)})"
                f" VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
            session_id = int(cursor.lastrowid or 0)
            action = "create"
        else:
            session_id = session.id
            cursor = self._execute(
                f"UPDATE sessions SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                [*values.values(), session_id],
            )
            if cursor.rowcount == 0:
                raise NotFoundError("session {id} does not exist", id=session_id)
            action = "edit"
        self._audit(
            action, "session", session_id, session_id=session_id, detail=session.title.strip()
        )
        self._replace_session_sites(session_id, session.sites)
        return session_id

    def _replace_session_sites(self, session_id: int, slots: Sequence[SessionSite]) -> None:
        previous = {
            r["site_id"]: r
            for r in self._rows("SELECT * FROM session_sites WHERE session_id = ?", (session_id,))
        }
        self._execute("DELETE FROM session_sites WHERE session_id = ?", (session_id,))
        for position, slot in enumerate(slots):
            kept = previous.get(slot.site_id, {})
            self._execute(
                "INSERT INTO session_sites (session_id, site_id, position, time_box_minutes,"
                " invitation_state, joined_at, left_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    slot.site_id,
                    position,
                    slot.time_box_minutes,
                    kept.get("invitation_state", slot.invitation_state),
                    kept.get("joined_at"),
                    kept.get("left_at"),
                ),
            )

    @write
    def set_session_status(self, session_id: int, status: SessionStatus) -> None:
        now = timestamp(self._now())
        cursor = self._execute(
            "UPDATE sessions SET status = ?, updated_at = ?,"
            " started_at = CASE WHEN ? = 'live' THEN coalesce(started_at, ?)"
            "   ELSE started_at END,"
            " ended_at = CASE WHEN ? = 'ended' THEN ? ELSE ended_at END"
            " WHERE id = ?",
            (status.value, now, status.value, now, status.value, now, session_id),
        )
        if cursor.rowcount == 0:
            raise NotFoundError("session {id} does not exist", id=session_id)
        self._audit("status", "session", session_id, session_id=session_id, detail=status.value)

    @write
    def record_site_joined(self, session_id: int, site_id: int) -> None:
        """A site's link came up: the first time sets joined_at; coming back clears left_at."""
        self._record_presence(
            session_id, site_id, "joined_at = coalesce(joined_at, :now), left_at = NULL"
        )

    @write
    def record_site_left(self, session_id: int, site_id: int) -> None:
        """A site that had joined went away, or the call ended with it on air."""
        self._record_presence(
            session_id, site_id, "left_at = :now", extra_where=" AND joined_at IS NOT NULL"
        )

    def _record_presence(
        self, session_id: int, site_id: int, assignments: str, *, extra_where: str = ""
    ) -> None:
        # Connection events, not edits by a person: no audit entry.
        if (
            self._one(
                "SELECT 1 FROM session_sites WHERE session_id = ? AND site_id = ?",
                (session_id, site_id),
            )
            is None
        ):
            raise NotFoundError(
                "site {site} is not in session {session}", site=site_id, session=session_id
            )
        self._execute(
            f"UPDATE session_sites SET {assignments}"
            f" WHERE session_id = :session AND site_id = :site{extra_where}",
            {"now": timestamp(self._now()), "session": session_id, "site": site_id},
        )

    @read
    def list_agenda(self, session_id: int, site_id: int | None = None) -> list[AgendaItem]:
        where, params = "session_id = ?", [session_id]
        if site_id is not None:
            where += " AND site_id = ?"
            params.append(site_id)
        return [
            AgendaItem(
                id=r["id"],
                session_id=r["session_id"],
                site_id=r["site_id"],
                kind=AgendaItemKind(r["kind"]),
                text=r["text"],
                position=r["position"],
            )
            for r in self._rows(
                f"SELECT * FROM agenda_items WHERE {where} ORDER BY site_id, position", params
            )
        ]

    @write
    def add_agenda_item(
        self, session_id: int, site_id: int, kind: AgendaItemKind, text: str
    ) -> AgendaItem:
        text = agenda_text(text)
        row = self._one(
            "SELECT coalesce(max(position) + 1, 0) AS next FROM agenda_items"
            " WHERE session_id = ? AND site_id = ?",
            (session_id, site_id),
        )
        position = int(row["next"]) if row else 0
        cursor = self._execute(
            "INSERT INTO agenda_items (session_id, site_id, kind, text, position)"
            " VALUES (?, ?, ?, ?, ?)",
            (session_id, site_id, kind.value, text, position),
        )
        item_id = int(cursor.lastrowid or 0)
        self._audit("create", "agenda_item", item_id, session_id=session_id, detail=text)
        return AgendaItem(session_id, site_id, kind, text, position, item_id)

    @write
    def update_agenda_item(self, item_id: int, text: str, kind: AgendaItemKind) -> None:
        text = agenda_text(text)
        row = self._one("SELECT session_id FROM agenda_items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFoundError("agenda item {id} does not exist", id=item_id)
        self._execute(
            "UPDATE agenda_items SET text = ?, kind = ? WHERE id = ?", (text, kind.value, item_id)
        )
        self._audit(
            "edit", "agenda_item", item_id, session_id=row["session_id"], detail=text, coalesce=True
        )

    @write
    def delete_agenda_item(self, item_id: int) -> None:
        row = self._one("SELECT session_id, text FROM agenda_items WHERE id = ?", (item_id,))
        if row is None:
            return
        self._execute("DELETE FROM agenda_items WHERE id = ?", (item_id,))
        self._audit(
            "delete", "agenda_item", item_id, session_id=row["session_id"], detail=row["text"]
        )

    @write
    def reorder_agenda(self, session_id: int, site_id: int, ordered_ids: Sequence[int]) -> None:
        current = [
            r["id"]
            for r in self._rows(
                "SELECT id FROM agenda_items WHERE session_id = ? AND site_id = ?",
                (session_id, site_id),
            )
        ]
        check_agenda_order(current, ordered_ids)
        for position, item_id in enumerate(ordered_ids):
            self._execute("UPDATE agenda_items SET position = ? WHERE id = ?", (position, item_id))
        self._audit("reorder", "agenda", site_id, session_id=session_id)

    @read
    def get_briefing(self, session_id: int, site_id: int) -> str:
        row = self._one(
            "SELECT text FROM briefings WHERE session_id = ? AND site_id = ?",
            (session_id, site_id),
        )
        return "" if row is None else str(row["text"])

    @write
    def save_briefing(self, session_id: int, site_id: int, text: str) -> None:
        self._execute(
            "INSERT INTO briefings (session_id, site_id, text) VALUES (?, ?, ?)"
            " ON CONFLICT(session_id, site_id) DO UPDATE SET text = excluded.text",
            (session_id, site_id, text),
        )
        self._audit("edit", "briefing", site_id, session_id=session_id, coalesce=True)
