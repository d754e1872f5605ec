"""The Sessions page's view-model: the week, upcoming sessions, one session being edited and its
agenda."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from outreach_app.core.model import (
    AgendaItem,
    AgendaItemKind,
    FollowUp,
    Session,
    SessionStatus,
)
from outreach_app.core.scheduling import Conflict, week_start
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import DemandSource, Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.presenter import ChangeBus, Presenter

CONFLICT_CHECK_DELAY_MS = 300
BRIEFING_SAVE_DELAY_MS = 500


@dataclass
class AgendaBundle:
    """One site's agenda in one session, with what the briefing must show."""

    session_id: int
    site_id: int
    items: list[AgendaItem]
    briefing: str
    open_follow_ups: list[FollowUp] = field(default_factory=list)
    # Where the open items that residents posted on a message board came from, by id.
    demands: dict[int, DemandSource] = field(default_factory=dict)


def _agenda_bundle(repo: Repository, session_id: int, site_id: int) -> AgendaBundle:
    open_follow_ups = repo.follow_ups.open_follow_ups_for_site(
        site_id, excluding_session=session_id
    )
    return AgendaBundle(
        session_id=session_id,
        site_id=site_id,
        items=repo.sessions.list_agenda(session_id, site_id),
        briefing=repo.sessions.get_briefing(session_id, site_id),
        open_follow_ups=open_follow_ups,
        demands=repo.follow_ups.demand_sources([f.id for f in open_follow_ups if f.id is not None]),
    )


def _conflicts_with_starts(
    repo: Repository, draft: Session
) -> tuple[list[Conflict], dict[int, datetime]]:
    """The conflicts, and when each other session starts, so that warnings can say when."""
    conflicts = repo.sessions.conflicts_for(draft)
    other_ids = {c.other_session_id for c in conflicts if c.other_session_id is not None}
    return conflicts, {i: repo.sessions.get_session(i).start for i in other_ids}


class SchedulePresenter(Presenter):
    weekLoaded = Signal(object, list)  # monday (date), sessions
    upcomingLoaded = Signal(list)
    sitesLoaded = Signal(list)  # sites offered for new sessions
    sessionOpened = Signal(object)  # Session
    sessionSaved = Signal(object)  # Session as stored
    conflictsFound = Signal(list, object)  # list[Conflict], {other session id: its start}
    agendaLoaded = Signal(object)  # AgendaBundle
    checksLoaded = Signal(int, object)  # session id, {site id: SiteCheck}
    briefingSaved = Signal()

    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(store, bus, parent)
        self._clock = clock
        self.monday = week_start(clock().date())
        self._draft_for_conflicts: Session | None = None
        self._conflict_timer = QTimer(self)
        self._conflict_timer.setSingleShot(True)
        self._conflict_timer.setInterval(CONFLICT_CHECK_DELAY_MS)
        self._conflict_timer.timeout.connect(self._check_conflicts_now)
        self._pending_briefing: tuple[int, int, str] | None = None
        self._briefing_timer = QTimer(self)
        self._briefing_timer.setSingleShot(True)
        self._briefing_timer.setInterval(BRIEFING_SAVE_DELAY_MS)
        self._briefing_timer.timeout.connect(self.flush)
        self._open_agenda: tuple[int, int] | None = None
        bus.changed.connect(self._on_bus_changed)

    def _on_bus_changed(self, topic: Topic) -> None:
        if topic in (Topic.SESSIONS, Topic.SITES):
            self.refresh()
        # A follow-up claimed or solved on the board changes what the open briefing lists.
        if topic is Topic.FOLLOW_UPS and self._open_agenda is not None:
            self.open_agenda(*self._open_agenda)

    def refresh(self) -> None:
        self.load_week(self.monday)
        self.load_upcoming()
        self.load_sites()

    # ---------------------------------------------------------------- week and lists
    def load_week(self, day: date) -> None:
        monday = week_start(day)
        self.monday = monday
        start = datetime.combine(monday, datetime.min.time())

        def loaded(sessions: list[Session]) -> None:
            if monday == self.monday:
                self.weekLoaded.emit(monday, sessions)

        self.spawn(
            self.query(
                lambda r: r.sessions.list_sessions_between(start, start + timedelta(days=7))
            ),
            on_done=loaded,
        )

    def load_upcoming(self) -> None:
        now = self._clock()
        self.spawn(
            self.query(lambda r: r.sessions.upcoming_sessions(limit=30, now=now)),
            on_done=self.upcomingLoaded.emit,
        )

    def load_sites(self) -> None:
        self.spawn(self.query(lambda r: r.sites.list_sites()), on_done=self.sitesLoaded.emit)

    # --------------------------------------------------------------------- sessions
    def load_checks(self, session_id: int) -> None:
        self.spawn(
            self.query(lambda r: r.calls.site_checks(session_id)),
            on_done=lambda checks: self.checksLoaded.emit(session_id, checks),
        )

    def open_session(self, session_id: int) -> None:
        self.flush()
        self.spawn(
            self.query(lambda r: r.sessions.get_session(session_id)),
            on_done=self.sessionOpened.emit,
        )

    def check_conflicts(self, draft: Session) -> None:
        """Debounced: the editor calls this on every change."""
        self._draft_for_conflicts = draft
        self._conflict_timer.start()

    def _check_conflicts_now(self) -> None:
        draft = self._draft_for_conflicts
        if draft is None:
            return

        def found(result: tuple[list[Conflict], dict[int, datetime]]) -> None:
            if draft is self._draft_for_conflicts:
                self.conflictsFound.emit(*result)

        self.spawn(self.query(lambda r: _conflicts_with_starts(r, draft)), on_done=found)

    def save_session(self, session: Session) -> None:
        async def save() -> Session:
            session_id = await self.query(lambda r: r.sessions.save_session(session))
            return await self.query(lambda r: r.sessions.get_session(session_id))

        def saved(stored: Session) -> None:
            self.sessionSaved.emit(stored)
            self.announce(Topic.SESSIONS)

        self.spawn(save(), on_done=saved)

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        async def change() -> Session:
            await self.query(lambda r: r.sessions.set_session_status(session_id, status))
            return await self.query(lambda r: r.sessions.get_session(session_id))

        def changed(stored: Session) -> None:
            self.sessionSaved.emit(stored)
            self.announce(Topic.SESSIONS)

        self.spawn(change(), on_done=changed)

    # ----------------------------------------------------------------------- agenda
    def open_agenda(self, session_id: int, site_id: int) -> None:
        self.flush()
        self._open_agenda = (session_id, site_id)
        self.spawn(
            self.query(lambda r: _agenda_bundle(r, session_id, site_id)),
            on_done=self.agendaLoaded.emit,
        )

    def _agenda_changed(self, session_id: int, site_id: int) -> None:
        self.announce(Topic.AGENDA)
        self.open_agenda(session_id, site_id)

    def add_agenda_item(
        self, session_id: int, site_id: int, kind: AgendaItemKind, text: str
    ) -> None:
        self.spawn(
            self.query(lambda r: r.sessions.add_agenda_item(session_id, site_id, kind, text)),
            on_done=lambda _: self._agenda_changed(session_id, site_id),
        )

    def update_agenda_item(self, item: AgendaItem, text: str) -> None:
        self.spawn(
            self.query(lambda r: r.sessions.update_agenda_item(item.id or 0, text, item.kind)),
            on_done=lambda _: self._agenda_changed(item.session_id, item.site_id),
        )

    def delete_agenda_item(self, item: AgendaItem) -> None:
        self.spawn(
            self.query(lambda r: r.sessions.delete_agenda_item(item.id or 0)),
            on_done=lambda _: self._agenda_changed(item.session_id, item.site_id),
        )

    def reorder_agenda(self, session_id: int, site_id: int, ordered_ids: list[int]) -> None:
        self.spawn(
            self.query(lambda r: r.sessions.reorder_agenda(session_id, site_id, ordered_ids)),
            on_done=lambda _: self._agenda_changed(session_id, site_id),
        )

    def edit_briefing(self, session_id: int, site_id: int, text: str) -> None:
        """Saved as typed: at most BRIEFING_SAVE_DELAY_MS after the first unsaved change."""
        pending = self._pending_briefing
        if pending is not None and pending[:2] != (session_id, site_id):
            self.flush()
        self._pending_briefing = (session_id, site_id, text)
        if not self._briefing_timer.isActive():
            self._briefing_timer.start()

    def has_unsaved_briefing(self, session_id: int, site_id: int) -> bool:
        pending = self._pending_briefing
        return pending is not None and pending[:2] == (session_id, site_id)

    def flush(self) -> None:
        self._briefing_timer.stop()
        pending, self._pending_briefing = self._pending_briefing, None
        if pending is None:
            return
        session_id, site_id, text = pending
        self.spawn(
            self.query(lambda r: r.sessions.save_briefing(session_id, site_id, text)),
            on_done=lambda _: self.briefingSaved.emit(),
        )
