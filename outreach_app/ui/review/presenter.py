"""The review page's view-model: the filtered list or search results, one open session's minutes
and audit trail, and the reviewer's decisions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from outreach_app.core.model import (
    AuditEntry,
    Recording,
    ReviewState,
    SearchFilters,
    SearchHit,
    Session,
    SessionStatus,
    Site,
)
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Minutes, Repository, SessionSummary, StoreError
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.labels import translate_message
from outreach_app.ui.presenter import ChangeBus, ChangeFollower, Presenter

# Typing in the notes panel announces Topic.NOTES every few hundred milliseconds; coalesce those.
REFRESH_DELAY_MS = 300
LIST_TOPICS = frozenset(
    {Topic.SESSIONS, Topic.NOTES, Topic.AGENDA, Topic.FOLLOW_UPS, Topic.REVIEWS, Topic.SITES}
)
OPTION_TOPICS = frozenset({Topic.SITES})


def is_reviewable(session: Session, now: datetime) -> bool:
    """Minutes can be reviewed once the session is over, even if nobody marked it ended."""
    if session.status in (SessionStatus.LIVE, SessionStatus.CANCELLED):
        return False
    return session.status is SessionStatus.ENDED or session.end <= now


@dataclass(frozen=True)
class FilterOptions:
    sites: list[Site]
    categories: list[str]


@dataclass(frozen=True)
class SessionRecord:
    """What the right-hand side shows for one session."""

    minutes: Minutes
    audit: list[AuditEntry]
    recordings: list[Recording] = field(default_factory=list)

    @property
    def session_id(self) -> int:
        session_id = self.minutes.session.id
        assert session_id is not None
        return session_id


def _load_record(repo: Repository, session_id: int) -> SessionRecord:
    return SessionRecord(
        minutes=repo.review.minutes(session_id),
        audit=repo.review.audit_trail(session_id),
        recordings=repo.calls.recordings(session_id),
    )


class ReviewPresenter(Presenter):
    optionsLoaded = Signal(object)  # FilterOptions
    sessionsLoaded = Signal(list)  # list[SessionSummary]
    hitsLoaded = Signal(str, list)  # query, list[SearchHit]
    searchFailed = Signal(str, str)  # query, message
    recordLoaded = Signal(object)  # SessionRecord
    recordCleared = Signal()
    reviewSaved = Signal(object)  # Review
    # A decision is being stored (True) or done (False): the review buttons wait meanwhile.
    decidingChanged = Signal(bool)

    def __init__(self, store: StoreWorker, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(store, bus, parent)
        self.filters = SearchFilters()
        self.query_text = ""
        self.options = FilterOptions([], [])
        self.summaries: list[SessionSummary] = []
        self.hits: list[SearchHit] = []
        self.record: SessionRecord | None = None
        self.deciding = False
        # The session decided last: it stays open when the decision takes it off the list,
        # so that a second click lands on nothing new.
        self.decided_session: int | None = None
        # Answers may arrive out of order (a slow search after a fast one); only the newest counts.
        self._list_generation = 0
        self._changes = ChangeFollower(
            self, LIST_TOPICS, self._refresh_after_changes, REFRESH_DELAY_MS
        )

    @property
    def searching(self) -> bool:
        return bool(self.query_text.strip())

    @property
    def site_names(self) -> dict[int, str]:
        return {s.id: s.name for s in self.options.sites if s.id is not None}

    # ------------------------------------------------------------------------- loading
    def load(self) -> None:
        self.load_options()
        self.refresh_list()

    def load_options(self) -> None:
        def load(repo: Repository) -> FilterOptions:
            return FilterOptions(
                repo.sites.list_sites(include_archived=True), repo.meta.list_categories()
            )

        self.spawn(self.query(load), on_done=self._set_options)

    def _set_options(self, options: FilterOptions) -> None:
        self.options = options
        self.optionsLoaded.emit(options)

    def set_filters(self, filters: SearchFilters) -> None:
        if filters != self.filters:
            self.filters = filters
            self.decided_session = None
            self.refresh_list()

    def set_query(self, text: str) -> None:
        if text.strip() != self.query_text.strip():
            self.query_text = text
            self.refresh_list()
        else:
            self.query_text = text

    def refresh_list(self) -> None:
        self._list_generation += 1
        generation = self._list_generation
        filters = self.filters
        query = self.query_text.strip()
        if not query:

            def show_sessions(summaries: list[SessionSummary]) -> None:
                if generation == self._list_generation:
                    self.summaries = summaries
                    self.sessionsLoaded.emit(summaries)

            self.spawn(
                self.query(lambda r: r.review.list_review_sessions(filters)), on_done=show_sessions
            )
            return

        async def search() -> tuple[list[SearchHit], str]:
            try:
                return await self.query(lambda r: r.search.search(query, filters)), ""
            except StoreError as exc:
                return [], translate_message(exc.template, exc.params)

        def show_hits(result: tuple[list[SearchHit], str]) -> None:
            if generation != self._list_generation:
                return
            hits, problem = result
            self.hits = hits
            if problem:
                self.searchFailed.emit(query, problem)
            else:
                self.hitsLoaded.emit(query, hits)

        self.spawn(search(), on_done=show_hits)

    def open_session(self, session_id: int | None) -> None:
        if session_id != self.decided_session:
            self.decided_session = None
        if session_id is None:
            self.supersede("record")
            self.record = None
            self.recordCleared.emit()
            return

        def show(record: SessionRecord) -> None:
            self.record = record
            self.recordLoaded.emit(record)

        self.spawn_latest("record", self.query(lambda r: _load_record(r, session_id)), show)

    # -------------------------------------------------------------------------- review
    def approve(self) -> None:
        self._decide(ReviewState.APPROVED, "")

    def send_back(self, comment: str) -> bool:
        """Refuses (with an error) a send-back that does not say what must change."""
        if not comment.strip():
            self.error.emit(self.tr("Say what must change before sending the minutes back."))
            return False
        self._decide(ReviewState.RETURNED, comment)
        return True

    def _decide(self, state: ReviewState, comment: str) -> None:
        if self.record is None or self.deciding:
            return
        session_id = self.record.session_id
        self._set_deciding(True)

        async def decide() -> SessionRecord:
            try:
                await self.query(lambda r: r.review.set_review(session_id, state, comment))
                return await self.query(lambda r: _load_record(r, session_id))
            finally:
                self._set_deciding(False)

        def decided(record: SessionRecord) -> None:
            self.supersede("record")
            self.record = record
            self.decided_session = session_id
            self.summaries = [
                replace(s, review_state=record.minutes.review_state)
                if s.session.id == session_id
                else s
                for s in self.summaries
            ]
            if not self.searching:
                self.sessionsLoaded.emit(self.summaries)
            self.recordLoaded.emit(record)
            self.reviewSaved.emit(record.minutes.reviews[-1])
            self.refresh_list()
            self._changes.announce(Topic.REVIEWS)

        self.spawn(decide(), on_done=decided)

    def _set_deciding(self, deciding: bool) -> None:
        self.deciding = deciding
        self.decidingChanged.emit(deciding)

    # ------------------------------------------------------------------------- changes
    def _refresh_after_changes(self, topics: set[Topic]) -> None:
        if topics & OPTION_TOPICS:
            self.load_options()
        self.refresh_list()
        if self.record is not None:
            self.open_session(self.record.session_id)
