"""Follow-ups through their workflow (claim, respond, solve, reopen), the board, and demands
imported from message boards.

Each step checks the workflow's rules (core/follow_ups.py) against the stored status, then
writes the follow-up, a row of its history and an audit entry in one transaction. A demand from
a message board is a follow-up without a session plus a row in `demands` saying where it came
from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from outreach_app.core.demand_import import DemandRow
from outreach_app.core.demand_update import (
    DemandPlan,
    Disagreement,
    ImportAction,
    StoredDemand,
    plan_new,
    plan_repeated,
    plan_update,
)
from outreach_app.core.follow_ups import (
    TARGET,
    FollowUpAction,
    StepInput,
    check_due_dates,
    step_note,
    validate_step,
)
from outreach_app.core.model import (
    FollowUp,
    FollowUpFilters,
    FollowUpStatus,
    FollowUpStep,
    Satisfaction,
    SessionKind,
)
from outreach_app.storage.base import (
    Aggregate,
    Row,
    StoreConnection,
    parse_date,
    parse_timestamp,
    read,
    timestamp,
    write,
)
from outreach_app.storage.errors import NotFoundError

NO_FOLLOW_UP_FILTERS = FollowUpFilters()
# A stored demand with its item and what the board said about it last.
_STORED_DEMAND = (
    "SELECT d.follow_up_id, d.received_on, d.board_id, d.fingerprint, d.board_unit,"
    " d.board_claimed_by, d.board_response, f.status, f.owner, f.claimed_by, f.response"
    " FROM demands d JOIN follow_ups f ON f.id = d.follow_up_id"
)
# A board entry: the follow-up with its site, session, question, answer and demand.
_ENTRY_CATEGORY = "coalesce(nullif(q.category, ''), d.category, '')"
_ENTRY_SELECT = (
    "SELECT f.*, st.name AS site_name, coalesce(s.title, '') AS session_title,"
    " s.kind AS session_kind, s.start AS session_start,"
    f" {_ENTRY_CATEGORY} AS category,"
    " coalesce(q.text, '') AS question_text, coalesce(a.text, '') AS answer_text,"
    " coalesce(d.channel, '') AS channel"
    " FROM follow_ups f JOIN sites st ON st.id = f.site_id"
    " LEFT JOIN sessions s ON s.id = f.session_id"
    " LEFT JOIN questions q ON q.id = f.question_id"
    " LEFT JOIN answers a ON a.question_id = q.id"
    " LEFT JOIN demands d ON d.follow_up_id = f.id"
)


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
    """What an import of demands stored: new items, items the board's progress updated, the
    lines that changed nothing (already there, or repeated in the file), and where the board
    and the work done here disagree (by line)."""

    follow_up_ids: list[int] = field(default_factory=list)
    skipped_lines: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)
    disagreements: list[tuple[int, Disagreement]] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return len(self.follow_up_ids)

    @property
    def updated(self) -> int:
        return len(self.updated_ids)


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


def follow_up_from_row(row: Row) -> FollowUp:
    return FollowUp(
        id=row["id"],
        question_id=row["question_id"],
        session_id=row["session_id"],
        site_id=row["site_id"],
        commitment=row["commitment"],
        owner=row["owner"],
        due=parse_date(row["due"]),
        status=FollowUpStatus(row["status"]),
        resolution=row["resolution"],
        created_at=parse_timestamp(row["created_at"]),
        claimed_by=row["claimed_by"],
        response=row["response"],
        satisfaction=Satisfaction(row["satisfaction"]) if row["satisfaction"] else None,
        claim_due=parse_date(row["claim_due"]),
        respond_due=parse_date(row["respond_due"]),
        claimed_at=parse_timestamp(row["claimed_at"]),
        responded_at=parse_timestamp(row["responded_at"]),
        solved_at=parse_timestamp(row["solved_at"]),
        updated_at=parse_timestamp(row["updated_at"]),
    )


def load_follow_up(connection: StoreConnection, follow_up_id: int) -> FollowUp:
    row = connection.one("SELECT * FROM follow_ups WHERE id = ?", (follow_up_id,))
    if row is None:
        raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
    return follow_up_from_row(row)


def add_follow_up_step(
    connection: StoreConnection,
    follow_up_id: int,
    status: FollowUpStatus,
    note: str,
    *,
    at: datetime | None = None,
    due: str | None = None,
) -> None:
    """A row of the item's history: it reached `status` at `at` (by default now), recorded now
    by whoever acts. `due`: for a solution, the date to solve by in force then."""
    now = timestamp(connection.now())
    connection.execute(
        "INSERT INTO follow_up_steps (follow_up_id, status, at, actor, note, recorded_at, due)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            follow_up_id,
            status.value,
            timestamp(at) if at is not None else now,
            connection.actor.name,
            note,
            now,
            due if status is FollowUpStatus.SOLVED else None,
        ),
    )


def _entry_from_row(row: Row) -> FollowUpEntry:
    return FollowUpEntry(
        follow_up=follow_up_from_row(row),
        site_name=row["site_name"],
        session_title=row["session_title"],
        session_kind=SessionKind(row["session_kind"]) if row["session_kind"] else None,
        session_start=parse_timestamp(row["session_start"]),
        category=row["category"],
        question_text=row["question_text"],
        answer_text=row["answer_text"],
        channel=row["channel"],
    )


class FollowUpStore(Aggregate):
    aggregate = "follow_ups"

    @read
    def get_follow_up(self, follow_up_id: int) -> FollowUp:
        return load_follow_up(self._connection, follow_up_id)

    @read
    def open_follow_ups_for_site(
        self, site_id: int, *, excluding_session: int | None = None
    ) -> list[FollowUp]:
        """Unsolved commitments made to a site, for the briefing of its next session."""
        return [
            follow_up_from_row(r)
            for r in self._rows(
                "SELECT * FROM follow_ups WHERE site_id = ? AND status != 'solved'"
                " AND (session_id IS NULL OR session_id IS NOT ?)"
                " ORDER BY due IS NULL, due, id",
                (site_id, excluding_session),
            )
        ]

    @write
    def claim_follow_up(self, follow_up_id: int, claimed_by: str, owner: str = "") -> FollowUp:
        """A named person of the owner unit takes the item; `owner` changes the unit."""
        return self._take_step(
            follow_up_id, FollowUpAction.CLAIM, StepInput(claimed_by=claimed_by, owner=owner)
        )

    @write
    def respond_to_follow_up(self, follow_up_id: int, response: str) -> FollowUp:
        """Record what has been done so far."""
        return self._take_step(follow_up_id, FollowUpAction.RESPOND, StepInput(response=response))

    @write
    def solve_follow_up(
        self, follow_up_id: int, resolution: str, satisfaction: Satisfaction | None = None
    ) -> FollowUp:
        """The outcome and, when the site said so, how satisfied it is."""
        return self._take_step(
            follow_up_id,
            FollowUpAction.SOLVE,
            StepInput(resolution=resolution, satisfaction=satisfaction),
        )

    @write
    def reopen_follow_up(self, follow_up_id: int, reason: str) -> FollowUp:
        """Back to open; what was done before stays in the history."""
        return self._take_step(follow_up_id, FollowUpAction.REOPEN, StepInput(reason=reason))

    def _take_step(self, follow_up_id: int, action: FollowUpAction, given: StepInput) -> FollowUp:
        row = self._one(
            "SELECT session_id, status, owner, due FROM follow_ups WHERE id = ?", (follow_up_id,)
        )
        if row is None:
            raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
        cleaned = validate_step(FollowUpStatus(row["status"]), row["owner"], action, given)
        now = timestamp(self._now())
        values: dict[str, object] = {"status": TARGET[action].value, "updated_at": now}
        if action is FollowUpAction.CLAIM:
            values.update(claimed_by=cleaned.claimed_by, owner=cleaned.owner, claimed_at=now)
        elif action is FollowUpAction.RESPOND:
            values.update(response=cleaned.response, responded_at=now)
        elif action is FollowUpAction.SOLVE:
            satisfaction = cleaned.satisfaction.value if cleaned.satisfaction else ""
            values.update(resolution=cleaned.resolution, satisfaction=satisfaction, solved_at=now)
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
        self._execute(
            f"UPDATE follow_ups SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
            [*values.values(), follow_up_id],
        )
        note = step_note(action, cleaned)
        add_follow_up_step(self._connection, follow_up_id, TARGET[action], note, due=row["due"])
        detail = f"{note} ({cleaned.owner})" if action is FollowUpAction.CLAIM else note
        self._audit(
            action.value, "follow_up", follow_up_id, session_id=row["session_id"], detail=detail
        )
        return self.get_follow_up(follow_up_id)

    @read
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
                    follow_up_id, FollowUpStatus.OPEN, follow_up.created_at or self._now(), ""
                )
            ]
        return steps

    @write
    def set_follow_up_due_dates(
        self,
        follow_up_id: int,
        *,
        claim_due: date | None,
        respond_due: date | None,
        due: date | None,
    ) -> FollowUp:
        """The dates to claim, respond and solve by (None: no date for that step)."""
        check_due_dates(claim_due, respond_due, due)
        row = self._one("SELECT session_id FROM follow_ups WHERE id = ?", (follow_up_id,))
        if row is None:
            raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
        dates = [d.isoformat() if d else None for d in (claim_due, respond_due, due)]
        self._execute(
            "UPDATE follow_ups SET claim_due = ?, respond_due = ?, due = ?, updated_at = ?"
            " WHERE id = ?",
            [*dates, timestamp(self._now()), follow_up_id],
        )
        self._audit(
            "due",
            "follow_up",
            follow_up_id,
            session_id=row["session_id"],
            detail=" / ".join(d or "—" for d in dates),
        )
        return self.get_follow_up(follow_up_id)

    @read
    def follow_up_owner_units(self) -> list[str]:
        """Every owner unit named on a follow-up, for the board's filter."""
        return [
            r["owner"]
            for r in self._rows(
                "SELECT DISTINCT owner FROM follow_ups WHERE owner != '' ORDER BY owner"
            )
        ]

    @read
    def follow_up_claimers(self) -> list[str]:
        """Everyone who ever claimed a follow-up, for suggestions when the next one is claimed."""
        return [
            r["note"]
            for r in self._rows(
                "SELECT DISTINCT note FROM follow_up_steps WHERE status = 'claimed'"
                " AND note != '' ORDER BY note"
            )
        ]

    @read
    def list_follow_ups(
        self,
        filters: FollowUpFilters = NO_FOLLOW_UP_FILTERS,
        *,
        today: date | None = None,
        limit: int = 2000,
    ) -> list[FollowUpEntry]:
        """Follow-ups for the board, newest first. The period is when the item was made (in a
        session, or the day an imported demand was received); `today` decides what is overdue."""
        where: list[str] = []
        params: dict[str, Any] = {"today": (today or self._now().date()).isoformat()}

        def when(clause: str, **values: Any) -> None:
            where.append(clause)
            params.update(values)

        if filters.site_id is not None:
            when("f.site_id = :site", site=filters.site_id)
        if filters.kind is not None:
            when("s.kind = :kind", kind=filters.kind.value)
        if filters.category:
            when(f"{_ENTRY_CATEGORY} = :category", category=filters.category)
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
            _ENTRY_SELECT
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + " ORDER BY f.created_at DESC, f.id DESC LIMIT :limit",
            {**params, "limit": limit},
        )
        return [_entry_from_row(r) for r in rows]

    @read
    def get_follow_up_entry(self, follow_up_id: int) -> FollowUpEntry:
        """One follow-up with what the board shows about it, whatever the filters."""
        row = self._one(f"{_ENTRY_SELECT} WHERE f.id = ?", (follow_up_id,))
        if row is None:
            raise NotFoundError("follow-up {id} does not exist", id=follow_up_id)
        return _entry_from_row(row)

    def _stored_demand(self, demand: DemandRow) -> StoredDemand | None:
        """The demand the record holds for this row: by the board's id, else by its text."""
        row = None
        if demand.message_id:
            row = self._one(f"{_STORED_DEMAND} WHERE d.board_id = ?", (demand.message_id,))
        if row is None:
            row = self._one(f"{_STORED_DEMAND} WHERE d.fingerprint = ?", (demand.fingerprint,))
        if row is None:
            return None
        steps = [
            (FollowUpStatus(r["status"]), datetime.fromisoformat(r["at"]))
            for r in self._rows(
                "SELECT status, at FROM follow_up_steps WHERE follow_up_id = ? ORDER BY at, id",
                (row["follow_up_id"],),
            )
        ]
        return StoredDemand(
            follow_up_id=row["follow_up_id"],
            received_on=date.fromisoformat(row["received_on"]),
            message_id=row["board_id"] or "",
            fingerprint=row["fingerprint"],
            status=FollowUpStatus(row["status"]),
            steps=steps,
            owner=row["owner"],
            claimed_by=row["claimed_by"],
            response=row["response"],
            board_unit=row["board_unit"],
            board_claimed_by=row["board_claimed_by"],
            board_response=row["board_response"],
        )

    def _plans(self, demands: Sequence[DemandRow]) -> list[tuple[DemandPlan, StoredDemand | None]]:
        plans: list[tuple[DemandPlan, StoredDemand | None]] = []
        for demand in demands:
            if demand.duplicate_of is not None:
                plans.append((plan_repeated(demand), None))
                continue
            stored = self._stored_demand(demand)
            plans.append(
                (plan_new(demand), None)
                if stored is None
                else (plan_update(stored, demand), stored)
            )
        return plans

    @read
    def plan_demand_import(self, demands: Sequence[DemandRow]) -> list[DemandPlan]:
        """What importing these demands would do, line by line (for a preview or a dry run)."""
        return [plan for plan, _ in self._plans(demands)]

    @write
    def import_demands(self, demands: Sequence[DemandRow], source: str) -> DemandImportSummary:
        """Store checked demands in one transaction. A demand the record holds already (the
        same board message id, or the same date, channel, area and text from any file) takes
        the board's progress where it goes further (core/demand_update.py); what disagrees
        with the work done here is listed in the summary, never written over."""
        summary = DemandImportSummary()
        for (plan, stored), demand in zip(self._plans(demands), demands, strict=True):
            summary.disagreements.extend((plan.line, d) for d in plan.disagreements)
            if plan.action is ImportAction.NEW:
                summary.follow_up_ids.append(self._insert_demand(demand, plan, source))
                continue
            if stored is not None and plan.action is not ImportAction.OTHER_MESSAGE:
                self._update_demand(stored, demand, plan)
            if plan.action is ImportAction.UPDATE:
                summary.updated_ids.append(stored.follow_up_id if stored else 0)
            else:
                summary.skipped_lines.append(plan.line)
        if summary.follow_up_ids or summary.updated_ids:
            detail = f"{len(summary.follow_up_ids)} demands from {source}"
            if summary.updated_ids:
                detail += f", {len(summary.updated_ids)} updated"
            if summary.disagreements:
                detail += f", {len(summary.disagreements)} disagreements listed"
            self._audit("import", "follow_up", None, detail=detail)
        return summary

    def _insert_demand(self, demand: DemandRow, plan: DemandPlan, source: str) -> int:
        if self._one("SELECT 1 FROM sites WHERE id = ?", (demand.site_id,)) is None:
            raise NotFoundError("site {id} does not exist", id=demand.site_id)
        now = timestamp(self._now())
        received = datetime.combine(demand.received_on, datetime.min.time())
        cursor = self._execute(
            "INSERT INTO follow_ups (site_id, commitment, owner, status, created_at,"
            " updated_at) VALUES (?, ?, '', 'open', ?, ?)",
            (demand.site_id, demand.text, timestamp(received), now),
        )
        follow_up_id = int(cursor.lastrowid or 0)
        # Opened when the resident posted it; the history starts there.
        add_follow_up_step(
            self._connection, follow_up_id, FollowUpStatus.OPEN, demand.channel, at=received
        )
        self._execute(
            "INSERT INTO demands (follow_up_id, channel, received_on, area, category,"
            " source, line, fingerprint, imported_at, board_id) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                follow_up_id,
                demand.channel,
                demand.received_on.isoformat(),
                demand.area,
                demand.category,
                source,
                demand.line,
                demand.fingerprint,
                now,
                demand.message_id or None,
            ),
        )
        self._apply_plan(follow_up_id, plan, FollowUpStatus.OPEN)
        self._remember_board(follow_up_id, demand)
        if demand.category:
            # Search filters by category like the notes of a session.
            self._execute(
                "UPDATE search_docs SET category = ? WHERE kind = 'follow_up' AND ref_id = ?",
                (demand.category, follow_up_id),
            )
        return follow_up_id

    def _update_demand(self, stored: StoredDemand, demand: DemandRow, plan: DemandPlan) -> None:
        self._apply_plan(stored.follow_up_id, plan, stored.status)
        if demand.message_id and not stored.message_id:
            self._execute(
                "UPDATE demands SET board_id = ? WHERE follow_up_id = ?",
                (demand.message_id, stored.follow_up_id),
            )
        self._remember_board(stored.follow_up_id, demand)

    def _apply_plan(self, follow_up_id: int, plan: DemandPlan, before: FollowUpStatus) -> None:
        """The plan's steps into the item's history and its values onto the item."""
        if not plan.steps and not plan.values:
            return
        values: dict[str, object] = dict(plan.values)
        row = self._one("SELECT due FROM follow_ups WHERE id = ?", (follow_up_id,))
        due: str | None = row["due"] if row else None
        for status, at, note in plan.steps:
            add_follow_up_step(self._connection, follow_up_id, status, note, at=at, due=due)
            stamp = timestamp(at)
            if before is FollowUpStatus.OPEN:
                values["claimed_at"] = stamp  # an answer or solution with no claim claims it
                before = FollowUpStatus.CLAIMED
            if status is FollowUpStatus.RESPONDED:
                values["responded_at"] = stamp
            elif status is FollowUpStatus.SOLVED:
                values["solved_at"] = stamp
        if plan.steps:
            values["status"] = plan.status.value
        values["updated_at"] = timestamp(self._now())
        self._execute(
            f"UPDATE follow_ups SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
            [*values.values(), follow_up_id],
        )

    def _remember_board(self, follow_up_id: int, demand: DemandRow) -> None:
        """What the board said this time, for telling its changes from work done here next
        time; written only when it says something new."""
        said = {
            "board_status": demand.board_status.value,
            "board_unit": demand.unit,
            "board_claimed_by": demand.claimed_by,
            "board_response": demand.response,
        }
        said = {k: v for k, v in said.items() if v}
        row = self._one(
            f"SELECT {', '.join(said)} FROM demands WHERE follow_up_id = ?", (follow_up_id,)
        )
        if row is None or all(row[k] == v for k, v in said.items()):
            return
        self._execute(
            f"UPDATE demands SET {', '.join(f'{k} = ?' for k in said)} WHERE follow_up_id = ?",
            [*said.values(), follow_up_id],
        )

    @read
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
