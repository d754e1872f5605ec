"""The store interface: every operation the application performs on its data.

A Repository owns one SQLite connection and must be used on the thread that opened it (see
worker.py). Every change that touches more than one row runs in one transaction together with
its audit entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from outreach_app.core.demand_import import DemandRow
from outreach_app.core.follow_ups import (
    TARGET,
    FollowUpAction,
    FollowUpRuleError,
    StepInput,
    check_due_dates,
    step_note,
    validate_step,
)
from outreach_app.core.interruptions import InterruptedSession
from outreach_app.core.model import (
    DEFAULT_CATEGORIES,
    AgendaItem,
    AgendaItemKind,
    Answer,
    AuditEntry,
    CheckResult,
    Contact,
    FollowUp,
    FollowUpFilters,
    FollowUpStatus,
    FollowUpStep,
    Question,
    Recording,
    Review,
    ReviewState,
    Role,
    Satisfaction,
    SearchFilters,
    SearchHit,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    SiteCheck,
    User,
)
from outreach_app.core.scheduling import Conflict, find_conflicts
from outreach_app.core.statistics import (
    Counts,
    FigureRow,
    Period,
    PeriodFigures,
    StatisticsReport,
    TrendPoint,
    figures_from_rows,
    trend_period,
)
from outreach_app.core.text_search import SearchPlan, matches_all_terms, plan_search
from outreach_app.storage.schema import migrate
from outreach_app.storage.sqlite_driver import (  # plain SQLite or SQLCipher
    DATABASE_ERRORS,
    INTEGRITY_ERRORS,
    OPERATIONAL_ERRORS,
    connect,
)

Clock = Callable[[], datetime]
SYSTEM_USER = User("system", Role.STAFF)
NO_FILTERS = SearchFilters()
NO_FOLLOW_UP_FILTERS = FollowUpFilters()
# Below this many notes left by the filters, a search reads them and matches in Python.
NARROW_FILTER_MAX_NOTES = 2000
# Saving as the user types must not write one audit row per keystroke: edits to the same record
# by the same person within this window extend the previous entry.
AUDIT_COALESCE_WINDOW = timedelta(minutes=5)


class StoreError(Exception):
    """A request the store refuses. `template` (English) is translated by the UI, then filled in
    with `params`; str() gives the English message."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


class NotFoundError(StoreError):
    pass


class SiteInUseError(StoreError):
    pass


def _ts(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ", timespec="seconds") if value else None


def _parse_ts(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _local_now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class SessionSummary:
    """A row of the review list: a session with its latest review state and counts."""

    session: Session
    review_state: ReviewState
    question_count: int
    open_follow_ups: int


@dataclass(frozen=True)
class FollowUpEntry:
    """A follow-up on the board, with where it comes from: the session and question it was
    committed in, or (imported demands) the channel it arrived through."""

    follow_up: FollowUp
    site_name: str
    session_title: str = ""
    session_kind: SessionKind | None = None
    session_start: datetime | None = None
    category: str = ""
    question_text: str = ""
    answer_text: str = ""
    channel: str = ""


@dataclass
class DemandImportSummary:
    """What an import of demands stored, and the lines it skipped as already there."""

    follow_up_ids: list[int] = field(default_factory=list)
    skipped_lines: list[int] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return len(self.follow_up_ids)


@dataclass(frozen=True)
class DemandSource:
    """Where an imported demand came from: the message board's channel and the file."""

    follow_up_id: int
    channel: str
    received_on: date
    area: str
    category: str
    source: str
    line: int


@dataclass
class Minutes:
    session: Session
    questions: list[Question]
    reviews: list[Review] = field(default_factory=list)

    @property
    def review_state(self) -> ReviewState:
        return self.reviews[-1].state if self.reviews else ReviewState.PENDING


class Repository:
    def __init__(self, db: Database, *, clock: Clock = _local_now) -> None:
        self.db = db
        # Replaceable so that imported or demo history carries its own timestamps.
        self.clock = clock
        self.actor: User = SYSTEM_USER

    @classmethod
    def open(
        cls, path: Path | str, *, clock: Clock = _local_now, key: str | None = None
    ) -> Repository:
        """`key`: the passphrase of an encrypted database (see encryption.py); None for plain."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = connect(path, key)
            db = Database(conn)
            db.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit reaches the disk before the user's next keystroke is saved, so a
            # power cut, not only a killed process, loses at most the last second of typing.
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db)
        except DATABASE_ERRORS as exc:
            raise StoreError(
                "{path} is not a usable Outreach database: {error}", path=path, error=exc
            ) from exc
        _restrict_permissions(path)
        repo = cls(db, clock=clock)
        if not repo.list_categories():
            with repo.db.atomic():
                repo._set_categories(DEFAULT_CATEGORIES)
        return repo

    def close(self) -> None:
        self.db.close()

    def now(self) -> datetime:
        return self.clock()

    # ----------------------------------------------------------------------------- internals
    @contextmanager
    def _write(self) -> Iterator[None]:
        with self.db.atomic():
            yield

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        *,
        session_id: int | None = None,
        detail: str = "",
        coalesce: bool = False,
    ) -> None:
        now = self.now()
        if coalesce:
            last = self._one(
                "SELECT id, at, actor, action FROM audit_log WHERE entity = ? AND entity_id = ?"
                " ORDER BY id DESC LIMIT 1",
                (entity, entity_id),
            )
            if (
                last is not None
                and last["actor"] == self.actor.name
                and last["action"] == action
                and now - datetime.fromisoformat(last["at"]) <= AUDIT_COALESCE_WINDOW
            ):
                self.db.execute(
                    "UPDATE audit_log SET at = ?, detail = ? WHERE id = ?",
                    (_ts(now), detail[:200], last["id"]),
                )
                return
        self.db.execute(
            "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, session_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _ts(now),
                self.actor.name,
                self.actor.role.value,
                action,
                entity,
                entity_id,
                session_id,
                detail[:200],
            ),
        )

    # ------------------------------------------------------------------------------- meta
    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        with self._write():
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def integrity_check(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------------------- categories
    def list_categories(self) -> list[str]:
        return [r["name"] for r in self._rows("SELECT name FROM categories ORDER BY position")]

    def _set_categories(self, names: Sequence[str]) -> None:
        self.db.execute("DELETE FROM categories")
        for position, name in enumerate(dict.fromkeys(n.strip() for n in names if n.strip())):
            self.db.execute(
                "INSERT INTO categories(name, position) VALUES (?, ?)", (name, position)
            )

    # ------------------------------------------------------------------------------ sites
    @staticmethod
    def _site_from_row(row: dict[str, Any]) -> Site:
        return Site(
            id=row["id"],
            name=row["name"],
            region=row["region"],
            address=row["address"],
            contacts=[Contact(**c) for c in json.loads(row["contacts"])],
            connection_notes=row["connection_notes"],
            tags=list(json.loads(row["tags"])),
            archived=bool(row["archived"]),
        )

    def list_sites(self, *, include_archived: bool = False) -> list[Site]:
        where = "" if include_archived else "WHERE archived = 0"
        rows = self._rows(f"SELECT * FROM sites {where} ORDER BY archived, region, name")
        return [self._site_from_row(r) for r in rows]

    def get_site(self, site_id: int) -> Site:
        row = self._one("SELECT * FROM sites WHERE id = ?", (site_id,))
        if row is None:
            raise NotFoundError("site {id} does not exist", id=site_id)
        return self._site_from_row(row)

    def _site_values(self, site: Site) -> dict[str, Any]:
        name = site.name.strip()
        if not name:
            raise StoreError("a site needs a name")
        return {
            "name": name,
            "region": site.region.strip(),
            "address": site.address.strip(),
            "contacts": json.dumps(
                [{"name": c.name, "phone": c.phone, "position": c.position} for c in site.contacts],
                ensure_ascii=False,
            ),
            "connection_notes": site.connection_notes,
            "tags": json.dumps(site.tags, ensure_ascii=False),
            "archived": int(site.archived),
            "updated_at": _ts(self.now()),
        }

    def _insert_site(self, site: Site) -> int:
        values = self._site_values(site)
        values["created_at"] = values["updated_at"]
        try:
            cursor = self.db.execute(
                f"INSERT INTO sites ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
        except INTEGRITY_ERRORS as exc:
            raise StoreError(
                "a site named “{name}” already exists", name=site.name.strip()
            ) from exc
        site_id = int(cursor.lastrowid or 0)
        self._audit("create", "site", site_id, detail=values["name"])
        return site_id

    def save_site(self, site: Site) -> int:
        with self._write():
            if site.id is None:
                return self._insert_site(site)
            values = self._site_values(site)
            assignments = ", ".join(f"{k} = ?" for k in values)
            try:
                cursor = self.db.execute(
                    f"UPDATE sites SET {assignments} WHERE id = ?", [*values.values(), site.id]
                )
            except INTEGRITY_ERRORS as exc:
                raise StoreError(
                    "a site named “{name}” already exists", name=values["name"]
                ) from exc
            if cursor.rowcount == 0:
                raise NotFoundError("site {id} does not exist", id=site.id)
            self._audit("edit", "site", site.id, detail=values["name"])
            return site.id

    def import_sites(self, sites: Sequence[Site]) -> list[int]:
        """All or nothing: one bad site rolls the whole import back."""
        with self._write():
            ids = [self._insert_site(s) for s in sites]
            self._audit("import", "site", None, detail=f"{len(ids)} sites")
            return ids

    def set_site_archived(self, site_id: int, archived: bool) -> None:
        with self._write():
            cursor = self.db.execute(
                "UPDATE sites SET archived = ?, updated_at = ? WHERE id = ?",
                (int(archived), _ts(self.now()), site_id),
            )
            if cursor.rowcount == 0:
                raise NotFoundError("site {id} does not exist", id=site_id)
            self._audit("archive" if archived else "restore", "site", site_id)

    def site_is_referenced(self, site_id: int) -> bool:
        row = self._one(
            "SELECT EXISTS(SELECT 1 FROM session_sites WHERE site_id = :id)"
            " OR EXISTS(SELECT 1 FROM questions WHERE site_id = :id)"
            " OR EXISTS(SELECT 1 FROM follow_ups WHERE site_id = :id) AS used",
            {"id": site_id},
        )
        return bool(row and row["used"])

    def delete_site(self, site_id: int) -> None:
        """Only a site nothing refers to may go; anything else is archived instead."""
        with self._write():
            if self.site_is_referenced(site_id):
                raise SiteInUseError(
                    "this site appears in sessions or notes; archive it instead of deleting it"
                )
            self.db.execute("DELETE FROM sites WHERE id = ?", (site_id,))
            self._audit("delete", "site", site_id)

    def site_history(self, site_id: int) -> list[Session]:
        ids = [
            r["session_id"]
            for r in self._rows(
                "SELECT ss.session_id FROM session_sites ss JOIN sessions s ON s.id = ss.session_id"
                " WHERE ss.site_id = ? ORDER BY s.start DESC",
                (site_id,),
            )
        ]
        return [self.get_session(i) for i in ids]

    # --------------------------------------------------------------------------- sessions
    def _sessions_where(
        self, where: str, params: Sequence[Any], *, limit: int = -1
    ) -> list[Session]:
        rows = self._rows(
            f"SELECT * FROM sessions WHERE {where} ORDER BY start LIMIT ?", [*params, limit]
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        slots: dict[int, list[SessionSite]] = {i: [] for i in ids}
        placeholders = ", ".join("?" * len(ids))
        for slot in self._rows(
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
                    joined_at=_parse_ts(slot["joined_at"]),
                    left_at=_parse_ts(slot["left_at"]),
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
                started_at=_parse_ts(r["started_at"]),
                ended_at=_parse_ts(r["ended_at"]),
            )
            for r in rows
        ]

    def get_session(self, session_id: int) -> Session:
        found = self._sessions_where("id = ?", (session_id,))
        if not found:
            raise NotFoundError("session {id} does not exist", id=session_id)
        return found[0]

    def list_sessions_between(self, start: datetime, end: datetime) -> list[Session]:
        """Sessions that overlap [start, end)."""
        # A session may begin before `start` and still run into the range; none lasts a day.
        return [
            s
            for s in self._sessions_where(
                "start < ? AND start >= ?", (_ts(end), _ts(start - timedelta(days=1)))
            )
            if s.end > start
        ]

    def upcoming_sessions(self, *, limit: int = 50, now: datetime | None = None) -> list[Session]:
        """Sessions not yet over at `now` (default: the store's clock), soonest first."""
        now = now or self.now()
        return [
            s
            for s in self._sessions_where(
                "start >= ? AND status NOT IN ('ended', 'cancelled')",
                (_ts(now - timedelta(days=1)),),
                limit=limit * 2,
            )
            if s.end >= now
        ][:limit]

    def conflicts_for(self, session: Session) -> list[Conflict]:
        nearby = self.list_sessions_between(session.start, session.end)
        return find_conflicts(session, nearby)

    def save_session(self, session: Session) -> int:
        if not session.title.strip():
            raise StoreError("a session needs a title")
        if session.duration_minutes <= 0:
            raise StoreError("a session must last at least one minute")
        if any(s.time_box_minutes <= 0 for s in session.sites):
            raise StoreError("every site's time box must be at least one minute")
        now = _ts(self.now())
        values: dict[str, object] = {
            "title": session.title.strip(),
            "kind": session.kind.value,
            "official": session.official.strip(),
            "start": _ts(session.start),
            "duration_minutes": session.duration_minutes,
            "status": session.status.value,
            "notes": session.notes,
            "updated_at": now,
        }
        with self._write():
            if session.id is None:
                values["created_at"] = now
                cursor = self.db.execute(
                    f"INSERT INTO sessions ({', '.join(values)})"
                    f" VALUES ({', '.join('?' * len(values))})",
                    list(values.values()),
                )
                session_id = int(cursor.lastrowid or 0)
                self._audit(
                    "create",
                    "session",
                    session_id,
                    session_id=session_id,
                    detail=session.title.strip(),
                )
            else:
                session_id = session.id
                cursor = self.db.execute(
                    f"UPDATE sessions SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                    [*values.values(), session_id],
                )
                if cursor.rowcount == 0:
                    raise NotFoundError("session {id} does not exist", id=session_id)
                self._audit(
                    "edit",
                    "session",
                    session_id,
                    session_id=session_id,
                    detail=session.title.strip(),
                )
            self._replace_session_sites(session_id, session.sites)
            return session_id

    def _replace_session_sites(self, session_id: int, slots: Sequence[SessionSite]) -> None:
        previous = {
            r["site_id"]: r
            for r in self._rows("SELECT * FROM session_sites WHERE session_id = ?", (session_id,))
        }
        self.db.execute("DELETE FROM session_sites WHERE session_id = ?", (session_id,))
        for position, slot in enumerate(slots):
            kept = previous.get(slot.site_id, {})
            self.db.execute(
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

    def ended_session_ids(self) -> set[int]:
        """The sessions that have ended: their invitations must admit nobody any more."""
        rows = self.db.execute(
            "SELECT id FROM sessions WHERE status = ?", (SessionStatus.ENDED.value,)
        )
        return {row[0] for row in rows}

    def set_session_status(self, session_id: int, status: SessionStatus) -> None:
        with self._write():
            now = _ts(self.now())
            cursor = self.db.execute(
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

    def record_site_joined(self, session_id: int, site_id: int) -> None:
        """A site's link came up: the first time sets joined_at; coming back clears left_at."""
        self._record_presence(
            session_id,
            site_id,
            "joined_at = coalesce(joined_at, :now), left_at = NULL",
        )

    def record_site_left(self, session_id: int, site_id: int) -> None:
        """A site that had joined went away, or the call ended with it on air."""
        self._record_presence(
            session_id, site_id, "left_at = :now", extra_where=" AND joined_at IS NOT NULL"
        )

    def _record_presence(
        self, session_id: int, site_id: int, assignments: str, *, extra_where: str = ""
    ) -> None:
        # Connection events, not edits by a person: no audit entry.
        with self._write():
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
            self.db.execute(
                f"UPDATE session_sites SET {assignments}"
                f" WHERE session_id = :session AND site_id = :site{extra_where}",
                {"now": _ts(self.now()), "session": session_id, "site": site_id},
            )

    # ----------------------------------------------------------------------------- agenda
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

    def add_agenda_item(
        self, session_id: int, site_id: int, kind: AgendaItemKind, text: str
    ) -> AgendaItem:
        text = text.strip()
        if not text:
            raise StoreError("an agenda item needs text")
        with self._write():
            row = self._one(
                "SELECT coalesce(max(position) + 1, 0) AS next FROM agenda_items"
                " WHERE session_id = ? AND site_id = ?",
                (session_id, site_id),
            )
            position = int(row["next"]) if row else 0
            cursor = self.db.execute(
                "INSERT INTO agenda_items (session_id, site_id, kind, text, position)"
                " VALUES (?, ?, ?, ?, ?)",
                (session_id, site_id, kind.value, text, position),
            )
            item_id = int(cursor.lastrowid or 0)
            self._audit("create", "agenda_item", item_id, session_id=session_id, detail=text)
        return AgendaItem(session_id, site_id, kind, text, position, item_id)

    def update_agenda_item(self, item_id: int, text: str, kind: AgendaItemKind) -> None:
        text = text.strip()
        if not text:
            raise StoreError("an agenda item needs text")
        with self._write():
            row = self._one("SELECT session_id FROM agenda_items WHERE id = ?", (item_id,))
            if row is None:
                raise NotFoundError("agenda item {id} does not exist", id=item_id)
            self.db.execute(
                "UPDATE agenda_items SET text = ?, kind = ? WHERE id = ?",
                (text, kind.value, item_id),
            )
            self._audit(
                "edit",
                "agenda_item",
                item_id,
                session_id=row["session_id"],
                detail=text,
                coalesce=True,
            )

    def delete_agenda_item(self, item_id: int) -> None:
        with self._write():
            row = self._one("SELECT session_id, text FROM agenda_items WHERE id = ?", (item_id,))
            if row is None:
                return
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", (item_id,))
            self._audit(
                "delete", "agenda_item", item_id, session_id=row["session_id"], detail=row["text"]
            )

    def reorder_agenda(self, session_id: int, site_id: int, ordered_ids: Sequence[int]) -> None:
        with self._write():
            current = {
                r["id"]
                for r in self._rows(
                    "SELECT id FROM agenda_items WHERE session_id = ? AND site_id = ?",
                    (session_id, site_id),
                )
            }
            if set(ordered_ids) != current or len(ordered_ids) != len(current):
                raise StoreError("the new order must list every agenda item of the site once")
            for position, item_id in enumerate(ordered_ids):
                self.db.execute(
                    "UPDATE agenda_items SET position = ? WHERE id = ?", (position, item_id)
                )
            self._audit("reorder", "agenda", site_id, session_id=session_id)

    def get_briefing(self, session_id: int, site_id: int) -> str:
        row = self._one(
            "SELECT text FROM briefings WHERE session_id = ? AND site_id = ?",
            (session_id, site_id),
        )
        return "" if row is None else str(row["text"])

    def save_briefing(self, session_id: int, site_id: int, text: str) -> None:
        with self._write():
            self.db.execute(
                "INSERT INTO briefings (session_id, site_id, text) VALUES (?, ?, ?)"
                " ON CONFLICT(session_id, site_id) DO UPDATE SET text = excluded.text",
                (session_id, site_id, text),
            )
            self._audit("edit", "briefing", site_id, session_id=session_id, coalesce=True)

    # ------------------------------------------------------------------------------ notes
    def _follow_up_from_row(self, row: dict[str, Any]) -> FollowUp:
        return FollowUp(
            id=row["id"],
            question_id=row["question_id"],
            session_id=row["session_id"],
            site_id=row["site_id"],
            commitment=row["commitment"],
            owner=row["owner"],
            due=_parse_date(row["due"]),
            status=FollowUpStatus(row["status"]),
            resolution=row["resolution"],
            created_at=_parse_ts(row["created_at"]),
            claimed_by=row["claimed_by"],
            response=row["response"],
            satisfaction=Satisfaction(row["satisfaction"]) if row["satisfaction"] else None,
            claim_due=_parse_date(row["claim_due"]),
            respond_due=_parse_date(row["respond_due"]),
            claimed_at=_parse_ts(row["claimed_at"]),
            responded_at=_parse_ts(row["responded_at"]),
            solved_at=_parse_ts(row["solved_at"]),
            updated_at=_parse_ts(row["updated_at"]),
        )

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
                follow_ups[f["id"]] = self._follow_up_from_row(f)
        questions = []
        for r in rows:
            answer = None
            if r["a_id"] is not None:
                answer = Answer(
                    id=r["a_id"],
                    question_id=r["id"],
                    text=r["a_text"],
                    speaker=r["a_speaker"],
                    answered_at=_parse_ts(r["a_answered_at"]),
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
                    created_at=_parse_ts(r["created_at"]),
                    answer=answer,
                    follow_up=follow_ups.get(r["f_id"]) if r["f_id"] is not None else None,
                )
            )
        return questions

    def list_questions(self, session_id: int) -> list[Question]:
        return self._questions_where("q.session_id = ?", (session_id,))

    def get_question(self, question_id: int) -> Question:
        found = self._questions_where("q.id = ?", (question_id,))
        if not found:
            raise NotFoundError("question {id} does not exist", id=question_id)
        return found[0]

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
        now = _ts(self.now())
        with self._write():
            cursor = self.db.execute(
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
        with self._write():
            row = self._one("SELECT session_id FROM questions WHERE id = ?", (question_id,))
            if row is None:
                raise NotFoundError("question {id} does not exist", id=question_id)
            changes["updated_at"] = _ts(self.now())
            self.db.execute(
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

    def delete_question(self, question_id: int) -> None:
        with self._write():
            row = self._one("SELECT session_id, text FROM questions WHERE id = ?", (question_id,))
            if row is None:
                return
            self.db.execute("DELETE FROM follow_ups WHERE question_id = ?", (question_id,))
            self.db.execute("DELETE FROM questions WHERE id = ?", (question_id,))
            self._audit(
                "delete", "question", question_id, session_id=row["session_id"], detail=row["text"]
            )

    def save_answer(self, question_id: int, text: str, speaker: str) -> Answer:
        """Create or update the answer; called as the user types, so it must stay cheap."""
        now = self.now()
        with self._write():
            question = self._one("SELECT session_id FROM questions WHERE id = ?", (question_id,))
            if question is None:
                raise NotFoundError("question {id} does not exist", id=question_id)
            existing = self._one(
                "SELECT id, answered_at FROM answers WHERE question_id = ?", (question_id,)
            )
            if existing is None:
                cursor = self.db.execute(
                    "INSERT INTO answers (question_id, text, speaker, answered_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (question_id, text, speaker, _ts(now), _ts(now)),
                )
                answer_id = int(cursor.lastrowid or 0)
                answered_at = now
            else:
                answer_id = existing["id"]
                answered_at = datetime.fromisoformat(existing["answered_at"])
                self.db.execute(
                    "UPDATE answers SET text = ?, speaker = ?, updated_at = ? WHERE id = ?",
                    (text, speaker, _ts(now), answer_id),
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

    def set_commitment(
        self, question_id: int, commitment: str, owner: str, due: date | None
    ) -> FollowUp:
        """Mark the question's answer as a commitment: create or update its follow-up."""
        commitment = commitment.strip()
        if not commitment:
            raise StoreError("describe what was committed")
        now = _ts(self.now())
        with self._write():
            question = self._one(
                "SELECT session_id, site_id FROM questions WHERE id = ?", (question_id,)
            )
            if question is None:
                raise NotFoundError("question {id} does not exist", id=question_id)
            existing = self._one("SELECT id FROM follow_ups WHERE question_id = ?", (question_id,))
            if existing is None:
                cursor = self.db.execute(
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
                self._add_follow_up_step(follow_up_id, FollowUpStatus.OPEN, "")
                self._audit(
                    "create",
                    "follow_up",
                    follow_up_id,
                    session_id=question["session_id"],
                    detail=commitment,
                )
            else:
                follow_up_id = existing["id"]
                self.db.execute(
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
        return self.get_follow_up(follow_up_id)

    def remove_commitment(self, question_id: int) -> None:
        with self._write():
            row = self._one(
                "SELECT id, session_id FROM follow_ups WHERE question_id = ?", (question_id,)
            )
            if row is None:
                return
            self.db.execute("DELETE FROM follow_ups WHERE id = ?", (row["id"],))
            self._audit("delete", "follow_up", row["id"], session_id=row["session_id"])

    def get_follow_up(self, follow_up_id: int) -> FollowUp:
        row = self._one("SELECT * FROM follow_ups WHERE id = ?", (follow_up_id,))
        if row is None:
            raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
        return self._follow_up_from_row(row)

    def open_follow_ups_for_site(
        self, site_id: int, *, excluding_session: int | None = None
    ) -> list[FollowUp]:
        """Unsolved commitments made to a site, for the briefing of its next session."""
        return [
            self._follow_up_from_row(r)
            for r in self._rows(
                "SELECT * FROM follow_ups WHERE site_id = ? AND status != 'solved'"
                " AND (session_id IS NULL OR session_id IS NOT ?)"
                " ORDER BY due IS NULL, due, id",
                (site_id, excluding_session),
            )
        ]

    def set_follow_up_status(
        self, follow_up_id: int, status: FollowUpStatus, resolution: str = ""
    ) -> None:
        """Put a follow-up straight into `status`, without the workflow's checks: for callers
        that predate the workflow (seeding data). People go through claim_follow_up,
        respond_to_follow_up, solve_follow_up and reopen_follow_up, which check each step."""
        with self._write():
            row = self._one("SELECT session_id FROM follow_ups WHERE id = ?", (follow_up_id,))
            if row is None:
                raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
            self.db.execute(
                "UPDATE follow_ups SET status = :status, resolution = :resolution,"
                " updated_at = :now,"
                " claimed_at = CASE WHEN :status = 'open' THEN NULL"
                "   ELSE coalesce(claimed_at, :now) END,"
                " responded_at = CASE WHEN :status = 'responded' THEN :now"
                "   WHEN :status IN ('open', 'claimed') THEN NULL ELSE responded_at END,"
                " solved_at = CASE WHEN :status = 'solved' THEN :now END"
                " WHERE id = :id",
                {
                    "status": status.value,
                    "resolution": resolution,
                    "now": _ts(self.now()),
                    "id": follow_up_id,
                },
            )
            self._add_follow_up_step(follow_up_id, status, resolution)
            self._audit(
                "status",
                "follow_up",
                follow_up_id,
                session_id=row["session_id"],
                detail=status.value,
            )

    # ------------------------------------------------- follow-up workflow and board (issue 4)
    # Each step checks the workflow's rules (core/follow_ups.py) against the stored status,
    # then writes the follow-up, a row of its history and an audit entry in one transaction.
    def _add_follow_up_step(self, follow_up_id: int, status: FollowUpStatus, note: str) -> None:
        self.db.execute(
            "INSERT INTO follow_up_steps (follow_up_id, status, at, actor, note)"
            " VALUES (?, ?, ?, ?, ?)",
            (follow_up_id, status.value, _ts(self.now()), self.actor.name, note),
        )

    def claim_follow_up(self, follow_up_id: int, claimed_by: str, owner: str = "") -> FollowUp:
        """A named person of the owner unit takes the item; `owner` changes the unit."""
        return self._take_follow_up_step(
            follow_up_id, FollowUpAction.CLAIM, StepInput(claimed_by=claimed_by, owner=owner)
        )

    def respond_to_follow_up(self, follow_up_id: int, response: str) -> FollowUp:
        """Record what has been done so far."""
        return self._take_follow_up_step(
            follow_up_id, FollowUpAction.RESPOND, StepInput(response=response)
        )

    def solve_follow_up(
        self, follow_up_id: int, resolution: str, satisfaction: Satisfaction | None = None
    ) -> FollowUp:
        """The outcome and, when the site said so, how satisfied it is."""
        return self._take_follow_up_step(
            follow_up_id,
            FollowUpAction.SOLVE,
            StepInput(resolution=resolution, satisfaction=satisfaction),
        )

    def reopen_follow_up(self, follow_up_id: int, reason: str) -> FollowUp:
        """Back to open; what was done before stays in the history."""
        return self._take_follow_up_step(
            follow_up_id, FollowUpAction.REOPEN, StepInput(reason=reason)
        )

    def _take_follow_up_step(
        self, follow_up_id: int, action: FollowUpAction, given: StepInput
    ) -> FollowUp:
        with self._write():
            row = self._one(
                "SELECT session_id, status, owner FROM follow_ups WHERE id = ?", (follow_up_id,)
            )
            if row is None:
                raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
            try:
                cleaned = validate_step(FollowUpStatus(row["status"]), row["owner"], action, given)
            except FollowUpRuleError as exc:
                raise StoreError(exc.template, **exc.params) from exc
            now = _ts(self.now())
            values: dict[str, object] = {"status": TARGET[action].value, "updated_at": now}
            if action is FollowUpAction.CLAIM:
                values.update(claimed_by=cleaned.claimed_by, owner=cleaned.owner, claimed_at=now)
            elif action is FollowUpAction.RESPOND:
                values.update(response=cleaned.response, responded_at=now)
            elif action is FollowUpAction.SOLVE:
                satisfaction = cleaned.satisfaction.value if cleaned.satisfaction else ""
                values.update(
                    resolution=cleaned.resolution, satisfaction=satisfaction, solved_at=now
                )
            else:
                # Back to square one; the history keeps who claimed it and what was done.
                values.update(
                    claimed_by="",
                    response="",
                    resolution="",
                    satisfaction="",
                    claimed_at=None,
                    responded_at=None,
                    solved_at=None,
                )
            self.db.execute(
                f"UPDATE follow_ups SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                [*values.values(), follow_up_id],
            )
            note = step_note(action, cleaned)
            self._add_follow_up_step(follow_up_id, TARGET[action], note)
            detail = f"{note} ({cleaned.owner})" if action is FollowUpAction.CLAIM else note
            self._audit(
                action.value, "follow_up", follow_up_id, session_id=row["session_id"], detail=detail
            )
        return self.get_follow_up(follow_up_id)

    def follow_up_steps(self, follow_up_id: int) -> list[FollowUpStep]:
        """The item's history, oldest first. An item made without one (an import that wrote
        the row only) shows the step that opened it, at its creation."""
        steps = [
            FollowUpStep(
                id=r["id"],
                follow_up_id=r["follow_up_id"],
                status=FollowUpStatus(r["status"]),
                at=datetime.fromisoformat(r["at"]),
                actor=r["actor"],
                note=r["note"],
            )
            for r in self._rows(
                "SELECT * FROM follow_up_steps WHERE follow_up_id = ? ORDER BY id",
                (follow_up_id,),
            )
        ]
        if not steps:
            follow_up = self.get_follow_up(follow_up_id)
            steps = [
                FollowUpStep(
                    follow_up_id, FollowUpStatus.OPEN, follow_up.created_at or self.now(), ""
                )
            ]
        return steps

    def set_follow_up_due_dates(
        self,
        follow_up_id: int,
        *,
        claim_due: date | None,
        respond_due: date | None,
        due: date | None,
    ) -> FollowUp:
        """The dates to claim, respond and solve by (None: no date for that step)."""
        try:
            check_due_dates(claim_due, respond_due, due)
        except FollowUpRuleError as exc:
            raise StoreError(exc.template, **exc.params) from exc
        with self._write():
            row = self._one("SELECT session_id FROM follow_ups WHERE id = ?", (follow_up_id,))
            if row is None:
                raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
            dates = [d.isoformat() if d else None for d in (claim_due, respond_due, due)]
            self.db.execute(
                "UPDATE follow_ups SET claim_due = ?, respond_due = ?, due = ?, updated_at = ?"
                " WHERE id = ?",
                [*dates, _ts(self.now()), follow_up_id],
            )
            self._audit(
                "due",
                "follow_up",
                follow_up_id,
                session_id=row["session_id"],
                detail=" / ".join(d or "—" for d in dates),
            )
        return self.get_follow_up(follow_up_id)

    def follow_up_owner_units(self) -> list[str]:
        """Every owner unit named on a follow-up, for the board's filter."""
        return [
            r["owner"]
            for r in self._rows(
                "SELECT DISTINCT owner FROM follow_ups WHERE owner != '' ORDER BY owner"
            )
        ]

    def follow_up_claimers(self) -> list[str]:
        """Everyone who ever claimed a follow-up, for suggestions when the next one is claimed."""
        return [
            r["note"]
            for r in self._rows(
                "SELECT DISTINCT note FROM follow_up_steps WHERE status = 'claimed'"
                " AND note != '' ORDER BY note"
            )
        ]

    def _has_demands_table(self) -> bool:
        # Imported demands (migration 0006) carry their own category and channel.
        row = self._one(
            "SELECT count(*) AS n FROM pragma_table_info('demands')"
            " WHERE name IN ('category', 'channel')"
        )
        return bool(row and row["n"] == 2)

    def _entry_query(self) -> tuple[str, str]:
        """The SELECT ... FROM of a board entry, and the expression of its category."""
        demands = self._has_demands_table()
        category = "coalesce(nullif(q.category, ''), d.category, '')" if demands else "q.category"
        sql = (
            "SELECT f.*, st.name AS site_name, coalesce(s.title, '') AS session_title,"
            " s.kind AS session_kind, s.start AS session_start,"
            f" coalesce({category}, '') AS category, coalesce(q.text, '') AS question_text,"
            " coalesce(a.text, '') AS answer_text,"
            + (" coalesce(d.channel, '') AS channel" if demands else " '' AS channel")
            + " FROM follow_ups f JOIN sites st ON st.id = f.site_id"
            " LEFT JOIN sessions s ON s.id = f.session_id"
            " LEFT JOIN questions q ON q.id = f.question_id"
            " LEFT JOIN answers a ON a.question_id = q.id"
            + (" LEFT JOIN demands d ON d.follow_up_id = f.id" if demands else "")
        )
        return sql, category

    def list_follow_ups(
        self,
        filters: FollowUpFilters = NO_FOLLOW_UP_FILTERS,
        *,
        today: date | None = None,
        limit: int = 2000,
    ) -> list[FollowUpEntry]:
        """Follow-ups for the board, newest first. The period is when the item was made (in a
        session, or the day an imported demand was received); `today` decides what is overdue."""
        select, category = self._entry_query()
        where: list[str] = []
        params: dict[str, Any] = {"today": (today or self.now().date()).isoformat()}

        def when(clause: str, **values: Any) -> None:
            where.append(clause)
            params.update(values)

        if filters.site_id is not None:
            when("f.site_id = :site", site=filters.site_id)
        if filters.kind is not None:
            when("s.kind = :kind", kind=filters.kind.value)
        if filters.category:
            when(f"{category} = :category", category=filters.category)
        if filters.status is not None:
            when("f.status = :status", status=filters.status.value)
        if filters.owner is not None:
            when("f.owner = :owner", owner=filters.owner)
        if filters.period_start is not None:
            when("f.created_at >= :period_start", period_start=filters.period_start.isoformat())
        if filters.period_end is not None:
            end = (filters.period_end + timedelta(days=1)).isoformat()
            when("f.created_at < :period_end", period_end=end)
        if filters.overdue_only:
            # The rule of core.follow_ups.overdue: a step not reached yet whose date is past.
            when(
                "f.status != 'solved' AND ((f.status = 'open' AND f.claim_due < :today)"
                " OR (f.status IN ('open', 'claimed') AND f.respond_due < :today)"
                " OR f.due < :today)"
            )
        for number, term in enumerate(filters.text.split()):
            # Every word must appear; follow-ups are few enough to read them all.
            when(
                "instr(lower(f.commitment || ' ' || f.resolution || ' ' || f.response || ' '"
                f" || f.claimed_by || ' ' || f.owner || ' ' || st.name), :term{number}) > 0",
                **{f"term{number}": term.lower()},
            )
        rows = self._rows(
            select
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + " ORDER BY f.created_at DESC, f.id DESC LIMIT :limit",
            {**params, "limit": limit},
        )
        return [self._entry_from_row(r) for r in rows]

    def get_follow_up_entry(self, follow_up_id: int) -> FollowUpEntry:
        """One follow-up with what the board shows about it, whatever the filters."""
        select, _category = self._entry_query()
        row = self._one(f"{select} WHERE f.id = ?", (follow_up_id,))
        if row is None:
            raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
        return self._entry_from_row(row)

    def _entry_from_row(self, row: dict[str, Any]) -> FollowUpEntry:
        return FollowUpEntry(
            follow_up=self._follow_up_from_row(row),
            site_name=row["site_name"],
            session_title=row["session_title"],
            session_kind=SessionKind(row["session_kind"]) if row["session_kind"] else None,
            session_start=_parse_ts(row["session_start"]),
            category=row["category"],
            question_text=row["question_text"],
            answer_text=row["answer_text"],
            channel=row["channel"],
        )

    # ----------------------------------------------------- end of follow-up workflow and board

    # ------------------------------------------- imported demands and statistics (issue 4, B)
    # A demand from a message board is a follow-up without a session plus a row in `demands`
    # saying where it came from (migration 0006).
    def import_demands(self, demands: Sequence[DemandRow], source: str) -> DemandImportSummary:
        """Store checked demands in one transaction; those already stored (same date, channel,
        area and text, from any file) or repeated in the file are skipped and reported."""
        now = _ts(self.now())
        summary = DemandImportSummary()
        with self._write():
            for demand in demands:
                fingerprint = demand.fingerprint
                if demand.duplicate_of is not None or self._one(
                    "SELECT 1 FROM demands WHERE fingerprint = ?", (fingerprint,)
                ):
                    summary.skipped_lines.append(demand.line)
                    continue
                if self._one("SELECT 1 FROM sites WHERE id = ?", (demand.site_id,)) is None:
                    raise NotFoundError("site {id} does not exist", id=demand.site_id)
                received = _ts(datetime.combine(demand.received_on, datetime.min.time()))
                cursor = self.db.execute(
                    "INSERT INTO follow_ups (site_id, commitment, owner, status, created_at,"
                    " updated_at) VALUES (?, ?, '', 'open', ?, ?)",
                    (demand.site_id, demand.text, received, now),
                )
                follow_up_id = int(cursor.lastrowid or 0)
                # Opened when the resident posted it; the history starts there.
                self.db.execute(
                    "INSERT INTO follow_up_steps (follow_up_id, status, at, actor, note)"
                    " VALUES (?, 'open', ?, ?, ?)",
                    (follow_up_id, received, self.actor.name, demand.channel),
                )
                self.db.execute(
                    "INSERT INTO demands (follow_up_id, channel, received_on, area, category,"
                    " source, line, fingerprint, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        follow_up_id,
                        demand.channel,
                        demand.received_on.isoformat(),
                        demand.area,
                        demand.category,
                        source,
                        demand.line,
                        fingerprint,
                        now,
                    ),
                )
                if demand.category:
                    # Search filters by category like the notes of a session.
                    self.db.execute(
                        "UPDATE search_docs SET category = ? WHERE kind = 'follow_up'"
                        " AND ref_id = ?",
                        (demand.category, follow_up_id),
                    )
                summary.follow_up_ids.append(follow_up_id)
            if summary.follow_up_ids:
                self._audit(
                    "import",
                    "follow_up",
                    None,
                    detail=f"{len(summary.follow_up_ids)} demands from {source}",
                )
        return summary

    def known_demand_fingerprints(self, fingerprints: Sequence[str]) -> set[str]:
        """Which of these demands are stored already (for the import's preview)."""
        known: set[str] = set()
        unique = list(dict.fromkeys(fingerprints))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            known.update(
                r["fingerprint"]
                for r in self._rows(
                    "SELECT fingerprint FROM demands"
                    f" WHERE fingerprint IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return known

    def demand_sources(self, follow_up_ids: Sequence[int]) -> dict[int, DemandSource]:
        """Where imported follow-ups came from, by follow-up id (others are left out)."""
        if not follow_up_ids:
            return {}
        ids = list(dict.fromkeys(follow_up_ids))
        return {
            r["follow_up_id"]: DemandSource(
                follow_up_id=r["follow_up_id"],
                channel=r["channel"],
                received_on=date.fromisoformat(r["received_on"]),
                area=r["area"],
                category=r["category"],
                source=r["source"],
                line=r["line"],
            )
            for r in self._rows(
                f"SELECT * FROM demands WHERE follow_up_id IN ({', '.join('?' * len(ids))})",
                ids,
            )
        }

    def statistics_figures(self, period: Period) -> PeriodFigures:
        """Counts of the period by channel, category, site and session kind (see
        core/statistics.py for what each figure means)."""
        params = {
            "a": period.start.isoformat(),
            "b": (period.end + timedelta(days=1)).isoformat(),
        }

        def within(column: str) -> str:
            return f"(f.{column} >= :a AND f.{column} < :b)"

        received = within("created_at")
        rows = self._rows(
            "SELECT coalesce(d.channel, '') AS channel,"
            " coalesce(nullif(q.category, ''), d.category, '') AS category,"
            " f.site_id, st.name AS site_name, coalesce(s.kind, '') AS session_kind,"
            f" sum({received}) AS received,"
            f" sum({within('claimed_at')}) AS claimed,"
            f" sum({within('responded_at')}) AS responded,"
            f" sum({within('solved_at')}) AS solved,"
            f" sum({received} AND (f.claimed_at < :b OR f.responded_at < :b"
            " OR f.solved_at < :b)) AS received_claimed,"
            f" sum({received} AND (f.responded_at < :b OR f.solved_at < :b))"
            " AS received_responded,"
            f" sum({received} AND f.solved_at < :b) AS received_solved,"
            f" sum({within('solved_at')} AND (f.due IS NULL"
            " OR substr(f.solved_at, 1, 10) <= f.due)) AS solved_on_time"
            " FROM follow_ups f JOIN sites st ON st.id = f.site_id"
            " LEFT JOIN demands d ON d.follow_up_id = f.id"
            " LEFT JOIN questions q ON q.id = f.question_id"
            " LEFT JOIN sessions s ON s.id = f.session_id"
            f" WHERE {received} OR {within('claimed_at')} OR {within('responded_at')}"
            f" OR {within('solved_at')}"
            " GROUP BY 1, 2, 3, 5",
            params,
        )
        counted = [
            "received",
            "claimed",
            "responded",
            "solved",
            "received_claimed",
            "received_responded",
            "received_solved",
            "solved_on_time",
        ]
        return figures_from_rows(
            period,
            (
                FigureRow(
                    channel=r["channel"],
                    category=r["category"],
                    site_id=r["site_id"],
                    site_name=r["site_name"],
                    session_kind=r["session_kind"],
                    counts=Counts(**{name: int(r[name] or 0) for name in counted}),
                )
                for r in rows
            ),
        )

    def statistics_report(self, period: Period) -> StatisticsReport:
        """The period with the one before it, the same period a year earlier, and the monthly
        totals of the 13 months up to its end."""
        trend = [
            TrendPoint(month, self.statistics_figures(Period.month(month)).totals)
            for month in trend_period(period).each_month()
        ]
        return StatisticsReport(
            current=self.statistics_figures(period),
            previous=self.statistics_figures(period.previous()),
            year_earlier=self.statistics_figures(period.year_earlier()),
            trend=trend,
        )

    # ------------------------------------------- end of imported demands and statistics

    # ----------------------------------------------------------------------------- review
    def minutes(self, session_id: int) -> Minutes:
        return Minutes(
            session=self.get_session(session_id),
            questions=self.list_questions(session_id),
            reviews=self.review_history(session_id),
        )

    def review_history(self, session_id: int) -> list[Review]:
        return [
            Review(
                id=r["id"],
                session_id=r["session_id"],
                state=ReviewState(r["state"]),
                reviewer=r["reviewer"],
                comment=r["comment"],
                at=_parse_ts(r["at"]),
            )
            for r in self._rows(
                "SELECT * FROM reviews WHERE session_id = ? ORDER BY id", (session_id,)
            )
        ]

    def set_review(self, session_id: int, state: ReviewState, comment: str = "") -> Review:
        comment = comment.strip()
        if state is ReviewState.RETURNED and not comment:
            raise StoreError("say what must change when sending minutes back")
        now = self.now()
        with self._write():
            if self._one("SELECT id FROM sessions WHERE id = ?", (session_id,)) is None:
                raise NotFoundError("session {id} does not exist", id=session_id)
            cursor = self.db.execute(
                "INSERT INTO reviews (session_id, state, reviewer, comment, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (session_id, state.value, self.actor.name, comment, _ts(now)),
            )
            self._audit(
                "review",
                "session",
                session_id,
                session_id=session_id,
                detail=f"{state.value}: {comment}" if comment else state.value,
            )
        return Review(session_id, state, self.actor.name, comment, now, int(cursor.lastrowid or 0))

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

    def _filter_clauses(
        self, filters: SearchFilters, session_alias: str, site_column: str, category_column: str
    ) -> list[tuple[str, list[Any]]]:
        """SQL conditions for the filters, each with its own parameters."""
        clauses: list[tuple[str, list[Any]]] = []
        if filters.site_id is not None:
            clauses.append((f"{site_column} = ?", [filters.site_id]))
        if filters.category:
            clauses.append((f"{category_column} = ?", [filters.category]))
        if filters.kind is not None:
            clauses.append((f"{session_alias}.kind = ?", [filters.kind.value]))
        if filters.period_start is not None:
            clauses.append((f"{session_alias}.start >= ?", [filters.period_start.isoformat()]))
        if filters.period_end is not None:
            end = (filters.period_end + timedelta(days=1)).isoformat()
            clauses.append((f"{session_alias}.start < ?", [end]))
        if filters.status:
            clauses.append(_status_clause(filters.status, session_alias))
        return clauses

    def list_review_sessions(
        self, filters: SearchFilters = NO_FILTERS, *, limit: int = 200
    ) -> list[SessionSummary]:
        """Sessions for review, newest first; site and category match any of their notes."""
        clauses = self._filter_clauses(filters, "s", "q.site_id", "q.category")
        note_level = [c for c in clauses if c[0].startswith("q.")]
        where: list[tuple[str, list[Any]]] = [
            ("s.status != 'cancelled'", []),
            *(c for c in clauses if not c[0].startswith("q.")),
        ]
        if note_level:
            where.append(
                (
                    "EXISTS (SELECT 1 FROM questions q WHERE q.session_id = s.id AND "
                    + " AND ".join(c for c, _ in note_level)
                    + ")",
                    [p for _, ps in note_level for p in ps],
                )
            )
        rows = self._rows(
            "SELECT s.id,"
            " (SELECT count(*) FROM questions q2 WHERE q2.session_id = s.id) AS question_count,"
            " (SELECT count(*) FROM follow_ups f WHERE f.session_id = s.id"
            "   AND f.status != 'solved') AS open_follow_ups"
            f" FROM sessions s WHERE {' AND '.join(c for c, _ in where)}"
            " ORDER BY s.start DESC LIMIT ?",
            [*(p for _, ps in where for p in ps), limit],
        )
        if not rows:
            return []
        sessions = {
            s.id: s
            for s in self._sessions_where(
                f"id IN ({', '.join('?' * len(rows))})", [r["id"] for r in rows]
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

    # ----------------------------------------------------------------------------- search
    _HIT_COLUMNS = (
        "SELECT d.id, d.kind, d.ref_id, d.session_id, coalesce(s.title, '') AS session_title,"
        " d.site_id, coalesce(st.name, '') AS site_name, d.category, d.at, d.body"
    )

    def search(
        self, query: str, filters: SearchFilters = NO_FILTERS, *, limit: int = 100
    ) -> list[SearchHit]:
        """Newest matches first.

        Unfiltered, or when the filters leave many notes, the FTS index drives: ordering by rowid
        lets FTS5 stop after `limit` matches. When the filters leave few notes (one day, a rare
        category), walking a frequent term's whole match list would be slow, so those few notes
        are read and matched here instead.
        """
        plan = plan_search(query)
        if plan.is_empty:
            return []
        clauses = self._filter_clauses(filters, "s", "d.site_id", "d.category")
        try:
            if clauses:
                narrow = self._search_within_filters(query, clauses, limit)
                if narrow is not None:
                    return narrow
            rows = self._search_by_index(plan, clauses, self._period_id_range(filters), limit)
        except OPERATIONAL_ERRORS as exc:
            raise StoreError(
                "cannot search for “{query}”: {error}", query=query, error=exc
            ) from exc
        return [self._hit_from_row(r) for r in rows]

    def _period_id_range(self, filters: SearchFilters) -> tuple[int, int] | None:
        """The lowest and highest note ids in the period. Notes are written in time order, so
        bounding the index scan by them skips the years outside the period."""
        if filters.period_start is None and filters.period_end is None:
            return None
        clauses = self._filter_clauses(
            SearchFilters(period_start=filters.period_start, period_end=filters.period_end),
            "s",
            "d.site_id",
            "d.category",
        )
        # Two index seeks per session rather than a walk over every note in the period.
        row = self._one(
            "SELECT min((SELECT min(d.id) FROM search_docs d WHERE d.session_id = s.id)) AS low,"
            " max((SELECT max(d.id) FROM search_docs d WHERE d.session_id = s.id)) AS high"
            f" FROM sessions s WHERE {' AND '.join(c for c, _ in clauses)}",
            [p for _, ps in clauses for p in ps],
        )
        if row is None or row["low"] is None:
            return (0, -1)  # nothing in the period: an empty range
        return int(row["low"]), int(row["high"])

    def _search_by_index(
        self,
        plan: SearchPlan,
        clauses: list[tuple[str, list[Any]]],
        id_range: tuple[int, int] | None,
        limit: int,
    ) -> list[dict[str, Any]]:
        sources = [
            (table, match)
            for table, match in (
                ("search_trigram", plan.trigram_match),
                ("search_unigram", plan.unigram_match),
            )
            if match is not None
        ]
        driver_table, driver_match = sources[0]
        where = [f"{driver_table} MATCH ?"]
        params: list[Any] = [driver_match]
        for table, match in sources[1:]:
            where.append(f"d.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
            params.append(match)
        if id_range is not None:
            where.append("m.rowid BETWEEN ? AND ?")
            params.extend(id_range)
        for clause, clause_params in clauses:
            where.append(clause)
            params.extend(clause_params)
        return self._rows(
            f"{self._HIT_COLUMNS} FROM {driver_table} m JOIN search_docs d ON d.id = m.rowid"
            " LEFT JOIN sessions s ON s.id = d.session_id"
            " LEFT JOIN sites st ON st.id = d.site_id"
            f" WHERE {' AND '.join(where)} ORDER BY m.rowid DESC LIMIT ?",
            [*params, limit],
        )

    def _search_within_filters(
        self, query: str, clauses: list[tuple[str, list[Any]]], limit: int
    ) -> list[SearchHit] | None:
        """Match the notes the filters leave, if they are few; None when they are too many."""
        where = " AND ".join(c for c, _ in clauses)
        params = [p for _, ps in clauses for p in ps]
        joins = (
            " FROM search_docs d LEFT JOIN sessions s ON s.id = d.session_id"
            " LEFT JOIN sites st ON st.id = d.site_id"
        )
        counted = self._one(
            f"SELECT count(*) AS n FROM (SELECT 1{joins} WHERE {where} LIMIT ?)",
            [*params, NARROW_FILTER_MAX_NOTES + 1],
        )
        if counted is None or counted["n"] > NARROW_FILTER_MAX_NOTES:
            return None
        hits: list[SearchHit] = []
        for row in self._rows(
            f"{self._HIT_COLUMNS}{joins} WHERE {where} ORDER BY d.id DESC", params
        ):
            if matches_all_terms(row["body"], query):
                hits.append(self._hit_from_row(row))
                if len(hits) == limit:
                    break
        return hits

    @staticmethod
    def _hit_from_row(r: dict[str, Any]) -> SearchHit:
        return SearchHit(
            doc_kind=r["kind"],
            ref_id=r["ref_id"],
            session_id=r["session_id"],
            session_title=r["session_title"],
            site_id=r["site_id"],
            site_name=r["site_name"],
            category=r["category"],
            at=_parse_ts(r["at"]),
            body=r["body"],
        )

    # ------------------------------------------------------------ pre-call checks, recordings
    def record_site_check(self, check: SiteCheck) -> None:
        """Keep `check` as the site's latest for the session (the session must invite it)."""
        with self._write():
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
            self.db.execute(
                "INSERT OR REPLACE INTO site_checks (session_id, site_id, checked_at, camera,"
                " microphone, connection, round_trip_ms, source, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    check.session_id,
                    check.site_id,
                    _ts(check.checked_at),
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

    def site_checks(self, session_id: int) -> dict[int, SiteCheck]:
        """The latest pre-call check of each site of the session that ran one."""
        return {
            row["site_id"]: SiteCheck(
                session_id=row["session_id"],
                site_id=row["site_id"],
                checked_at=_parse_ts(row["checked_at"]) or self.now(),
                camera=CheckResult(row["camera"]),
                microphone=CheckResult(row["microphone"]),
                connection=CheckResult(row["connection"]),
                round_trip_ms=row["round_trip_ms"],
                source=row["source"],
                detail=row["detail"],
            )
            for row in self._rows("SELECT * FROM site_checks WHERE session_id = ?", (session_id,))
        }

    def start_recording(self, session_id: int, path: str) -> Recording:
        with self._write():
            started = self.now()
            cursor = self.db.execute(
                "INSERT INTO recordings (session_id, path, started_at) VALUES (?, ?, ?)",
                (session_id, path, _ts(started)),
            )
            recording_id = int(cursor.lastrowid or 0)
            self._audit("record", "session", session_id, session_id=session_id, detail=path)
        return Recording(recording_id, session_id, path, started)

    def finish_recording(self, recording_id: int) -> None:
        with self._write():
            self.db.execute(
                "UPDATE recordings SET ended_at = coalesce(ended_at, ?) WHERE id = ?",
                (_ts(self.now()), recording_id),
            )

    def recordings(self, session_id: int) -> list[Recording]:
        return [
            Recording(
                row["id"],
                row["session_id"],
                row["path"],
                _parse_ts(row["started_at"]) or self.now(),
                _parse_ts(row["ended_at"]),
            )
            for row in self._rows(
                "SELECT * FROM recordings WHERE session_id = ? ORDER BY started_at", (session_id,)
            )
        ]

    # ------------------------------------------------ interrupted calls (issue 5, crashes)
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
                    _parse_ts(notes["question_at"]) if notes else None,
                    _parse_ts(notes["answer_at"]) if notes else None,
                )
                if moment is not None
            ]
            found.append(
                InterruptedSession(
                    session_id=row["id"],
                    title=row["title"],
                    start=datetime.fromisoformat(row["start"]),
                    started_at=_parse_ts(row["started_at"]),
                    last_note_at=max(written) if written else None,
                )
            )
        return found

    def end_interrupted_session(self, session_id: int) -> None:
        """End a session left live without starting its call again, as ending the call would:
        sites on record as present leave, and the session is ended. A session that is no longer
        live (its call was started again and ended meanwhile) is left as it is."""
        if self.get_session(session_id).status is not SessionStatus.LIVE:
            return
        present = self._rows(
            "SELECT site_id FROM session_sites WHERE session_id = ?"
            " AND joined_at IS NOT NULL AND left_at IS NULL",
            (session_id,),
        )
        for row in present:
            self.record_site_left(session_id, row["site_id"])
        self.set_session_status(session_id, SessionStatus.ENDED)

    # ------------------------------------------------ end of interrupted calls


STATUS_FILTERS = (
    "minutes_pending",
    "minutes_approved",
    "minutes_returned",
    "follow_up_open",
    "follow_up_solved",
)


def _status_clause(status: str, session_alias: str) -> tuple[str, list[Any]]:
    latest = (
        f"(SELECT r.state FROM reviews r WHERE r.session_id = {session_alias}.id"
        " ORDER BY r.id DESC LIMIT 1)"
    )
    if status == "minutes_pending":
        return f"coalesce({latest}, 'pending') = 'pending'", []
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


def _restrict_permissions(path: Path) -> None:
    """The database holds people's names and phone numbers: readable by its owner only."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if candidate.exists():
                candidate.chmod(0o600)
        except OSError:
            pass
