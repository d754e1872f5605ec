"""Domain types shared by every layer. Plain dataclasses: no Qt, no I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from outreach_app.core.call_engines import EngineChoice


class SessionKind(enum.StrEnum):
    """The four recognised forms of grassroots work."""

    POLICY_BRIEFING = "policy_briefing"
    INVESTIGATION = "investigation"
    LETTERS_AND_VISITS = "letters_and_visits"
    ON_SITE_WORK = "on_site_work"


class SessionStatus(enum.StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    LIVE = "live"
    ENDED = "ended"
    CANCELLED = "cancelled"


class Role(enum.StrEnum):
    STAFF = "staff"
    OFFICIAL = "official"
    REVIEWER = "reviewer"
    # Accounts on a team server only: a note-taker beside the official, and whoever keeps
    # the accounts. A person working alone chooses one of the three above.
    NOTE_TAKER = "note_taker"
    ADMIN = "admin"


SOLO_ROLES = (Role.STAFF, Role.OFFICIAL, Role.REVIEWER)


class FollowUpStatus(enum.StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    RESPONDED = "responded"
    SOLVED = "solved"


class ReviewState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    RETURNED = "returned"


class AgendaItemKind(enum.StrEnum):
    TOPIC = "topic"
    QUESTION = "question"


@dataclass(frozen=True)
class User:
    name: str
    role: Role


@dataclass
class Contact:
    name: str
    phone: str = ""
    position: str = ""


@dataclass
class Site:
    name: str
    region: str = ""
    address: str = ""
    contacts: list[Contact] = field(default_factory=list)
    connection_notes: str = ""
    tags: list[str] = field(default_factory=list)
    archived: bool = False
    id: int | None = None


@dataclass
class SessionSite:
    """A site's place in a session: its turn to speak and its time box."""

    site_id: int
    position: int
    time_box_minutes: int
    site_name: str = ""
    invitation_state: str = "not_sent"
    joined_at: datetime | None = None
    left_at: datetime | None = None


@dataclass
class Session:
    title: str
    kind: SessionKind
    official: str
    start: datetime
    duration_minutes: int
    status: SessionStatus = SessionStatus.DRAFT
    sites: list[SessionSite] = field(default_factory=list)
    notes: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    id: int | None = None
    # What carries the call: chosen by size (the default), the hub, or the media server.
    call_engine: EngineChoice = EngineChoice.AUTO

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes)

    def seconds_into(self, moment: datetime) -> int | None:
        """Time in the session at `moment`, counted from when it went live; None before that."""
        if self.started_at is None or moment < self.started_at:
            return None
        return int((moment - self.started_at).total_seconds())


@dataclass
class AgendaItem:
    session_id: int
    site_id: int
    kind: AgendaItemKind
    text: str
    position: int = 0
    id: int | None = None


@dataclass
class Briefing:
    session_id: int
    site_id: int
    text: str = ""


@dataclass
class Answer:
    question_id: int
    text: str = ""
    speaker: str = ""
    answered_at: datetime | None = None
    id: int | None = None


class Satisfaction(enum.StrEnum):
    """How the site judged a solved follow-up, when it said so."""

    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    UNSATISFIED = "unsatisfied"


@dataclass
class FollowUp:
    """A commitment to a site, tracked from open through claimed and responded to solved.

    `owner` is the unit responsible; `claimed_by` the named person in it who took the item.
    `due` is the date by which it must be solved; `claim_due` and `respond_due` are the dates
    for the earlier steps. The `*_at` times are when the item last reached that step (cleared
    when it is reopened); every step is also kept in its history (FollowUpStep).
    """

    commitment: str
    owner: str
    due: date | None
    site_id: int
    status: FollowUpStatus = FollowUpStatus.OPEN
    question_id: int | None = None
    session_id: int | None = None
    resolution: str = ""
    created_at: datetime | None = None
    id: int | None = None
    claimed_by: str = ""
    response: str = ""
    satisfaction: Satisfaction | None = None
    claim_due: date | None = None
    respond_due: date | None = None
    claimed_at: datetime | None = None
    responded_at: datetime | None = None
    solved_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class FollowUpStep:
    """One step in a follow-up's history: the status it reached, when, who recorded it, and the
    note of that step (who claimed it, what was done, the outcome, or why it was reopened)."""

    follow_up_id: int
    status: FollowUpStatus
    at: datetime
    actor: str
    note: str = ""
    id: int | None = None


@dataclass
class Question:
    """A question put to a site, with at most one recorded answer."""

    session_id: int
    site_id: int
    text: str
    asked_by: str = ""
    category: str = ""
    offset_seconds: int | None = None
    agenda_item_id: int | None = None
    created_at: datetime | None = None
    answer: Answer | None = None
    follow_up: FollowUp | None = None
    id: int | None = None


@dataclass
class Review:
    session_id: int
    state: ReviewState
    reviewer: str
    comment: str = ""
    at: datetime | None = None
    id: int | None = None


@dataclass
class Minutes:
    """A session's record: its questions (with answers and commitments) and its reviews."""

    session: Session
    questions: list[Question]
    reviews: list[Review] = field(default_factory=list)
    # Whether a question, answer or commitment was written after the latest review.
    notes_changed_since_review: bool = False

    @property
    def review_state(self) -> ReviewState:
        return self.reviews[-1].state if self.reviews else ReviewState.PENDING


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    role: str
    action: str
    entity: str
    entity_id: int | None
    detail: str


@dataclass(frozen=True)
class SearchFilters:
    site_id: int | None = None
    kind: SessionKind | None = None
    category: str | None = None
    status: str | None = None
    period_start: date | None = None
    period_end: date | None = None


@dataclass(frozen=True)
class FollowUpFilters:
    """What the follow-up board shows. `owner` is a unit ('' for items no unit has yet);
    the period is when the item was made; `text` words must all appear."""

    site_id: int | None = None
    kind: SessionKind | None = None
    category: str | None = None
    status: FollowUpStatus | None = None
    owner: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    overdue_only: bool = False
    text: str = ""


@dataclass(frozen=True)
class SearchHit:
    """One matching note: the text that matched and where it belongs."""

    doc_kind: str
    ref_id: int
    session_id: int | None
    session_title: str
    site_id: int | None
    site_name: str
    category: str
    at: datetime | None
    body: str


DEFAULT_CATEGORIES: tuple[str, ...] = (
    "安全生产",
    "民生保障",
    "基础设施",
    "医疗卫生",
    "教育",
    "就业社保",
    "生态环境",
    "其他",
)


class CheckResult(enum.StrEnum):
    """One part of a site's pre-call check."""

    OK = "ok"
    FAILED = "failed"  # present but not working (no frames, silence, no answer)
    MISSING = "missing"  # no such device
    DENIED = "denied"  # the person or the browser refused access
    SKIPPED = "skipped"


# A notice is one line that a site's screen shows whole.
MAX_NOTICE_CHARS = 200


@dataclass(frozen=True)
class SiteNotice:
    """A short notice the official sent during a session to one site (`site_id`) or, with
    `site_id` None, to every site."""

    id: int
    session_id: int
    site_id: int | None
    text: str
    sent_at: datetime
    sent_by: str = ""


def notice_text(text: str) -> str:
    """`text` as a notice: one line, spaces collapsed, at most MAX_NOTICE_CHARS."""
    return " ".join(text.split())[:MAX_NOTICE_CHARS]


@dataclass(frozen=True)
class SiteCheck:
    """The latest pre-call check a site ran for a session (camera, microphone, server)."""

    session_id: int
    site_id: int
    checked_at: datetime
    camera: CheckResult
    microphone: CheckResult
    connection: CheckResult
    round_trip_ms: float | None = None
    source: str = "browser"  # "browser" or "app"
    detail: str = ""

    @property
    def passed(self) -> bool:
        return all(
            part is CheckResult.OK for part in (self.camera, self.microphone, self.connection)
        )


@dataclass(frozen=True)
class Recording:
    """A session's recording: the mixed audio and the floor video, from `started_at`."""

    id: int | None
    session_id: int
    path: str
    started_at: datetime
    ended_at: datetime | None = None
