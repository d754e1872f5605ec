"""The notes panel's view-model: one open session, its agenda and the notes taken in it.

Edits are saved as they are typed. A change starts a short timer that is not restarted by later
keystrokes, so continuous typing is still written at least every SAVE_DELAY_MS; a pause, a
switch to another note, or closing the window writes at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from outreach_app.core.model import (
    AgendaItem,
    AgendaItemKind,
    Answer,
    Question,
    Session,
    SessionStatus,
    Site,
    notice_text,
)
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import NotFoundError, Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.presenter import ChangeBus, Presenter

SAVE_DELAY_MS = 400
RECENT_DAYS = 120
AHEAD_DAYS = 60


@dataclass
class SessionNotes:
    """Everything the panel shows for one session, loaded in one store round trip."""

    session: Session
    agenda: list[AgendaItem]
    questions: list[Question]
    categories: list[str]
    sites: dict[int, Site]
    briefings: dict[int, str]

    def planned_questions(self, site_id: int) -> list[AgendaItem]:
        return [
            a for a in self.agenda if a.site_id == site_id and a.kind is AgendaItemKind.QUESTION
        ]

    def questions_for(self, site_id: int) -> list[Question]:
        return [q for q in self.questions if q.site_id == site_id]

    def asked_agenda_ids(self) -> set[int]:
        return {q.agenda_item_id for q in self.questions if q.agenda_item_id is not None}


@dataclass
class PendingEdit:
    question_text: str | None = None
    category: str | None = None
    asked_by: str | None = None
    answer: tuple[str, str] | None = None
    commitment: tuple[str, str, date | None] | None = None
    remove_commitment: bool = False


def _load_session_notes(repo: Repository, session_id: int) -> SessionNotes:
    session = repo.sessions.get_session(session_id)
    return SessionNotes(
        session=session,
        agenda=repo.sessions.list_agenda(session_id),
        questions=repo.notes.list_questions(session_id),
        categories=repo.meta.list_categories(),
        sites={s.id: s for s in repo.sites.list_sites(include_archived=True) if s.id is not None},
        briefings={
            slot.site_id: repo.sessions.get_briefing(session_id, slot.site_id)
            for slot in session.sites
        },
    )


def choose_default_session(sessions: list[Session], now: datetime) -> Session | None:
    """Live first, then the next one still to come today or later, then the latest past one."""
    live = [s for s in sessions if s.status is SessionStatus.LIVE]
    if live:
        return live[0]
    coming = [s for s in sessions if s.end >= now and s.status is not SessionStatus.ENDED]
    if coming:
        return min(coming, key=lambda s: s.start)
    past = [s for s in sessions if s.start <= now]
    return max(past, key=lambda s: s.start) if past else None


class NotesPresenter(Presenter):
    sessionsLoaded = Signal(list, object)  # sessions, default session id or None
    notesLoaded = Signal(object)  # SessionNotes
    questionAdded = Signal(object)  # Question
    saveStateChanged = Signal(str)  # "pending", "saving", "saved"

    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        *,
        actor_name: str,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, bus, parent)
        self.actor_name = actor_name
        self._clock = clock
        self.notes: SessionNotes | None = None
        self._pending: dict[int, PendingEdit] = {}
        self._saves_in_flight = 0
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._announcing = False
        bus.changed.connect(self._on_bus_changed)

    def now(self) -> datetime:
        return self._clock()

    # ------------------------------------------------------------------------- loading
    def load_sessions(self) -> None:
        now = self.now()

        async def load() -> tuple[list[Session], int | None]:
            sessions = await self.query(
                lambda r: r.sessions.list_sessions_between(
                    now - timedelta(days=RECENT_DAYS), now + timedelta(days=AHEAD_DAYS)
                )
            )
            sessions = [s for s in sessions if s.status is not SessionStatus.CANCELLED]
            default = choose_default_session(sessions, now)
            return sessions, default.id if default else None

        self.spawn(load(), on_done=lambda result: self.sessionsLoaded.emit(*result))

    def open_session(self, session_id: int) -> None:
        self.flush()
        self.spawn(
            self.query(lambda r: _load_session_notes(r, session_id)), on_done=self._set_notes
        )

    def _set_notes(self, notes: SessionNotes) -> None:
        self.notes = notes
        self.notesLoaded.emit(notes)

    def announce(self, topic: Topic) -> None:
        self._announcing = True
        try:
            super().announce(topic)
        finally:
            self._announcing = False

    def _on_bus_changed(self, topic: Topic) -> None:
        # Notes taken elsewhere (the call window, another desk in team mode) are shown as they
        # are saved; what this presenter saved itself it shows already.
        followed = (Topic.SESSIONS, Topic.AGENDA, Topic.SITES, Topic.NOTES)
        if topic in followed and self.notes is not None and not self._announcing:
            session_id = self.notes.session.id
            assert session_id is not None
            self.open_session(session_id)

    def send_notice(self, site_id: int | None, text: str) -> None:
        """Record a notice to `site_id` (None: every site); the app that holds the session's
        call hands it on to the sites."""
        line = notice_text(text)
        if self.notes is None or self.notes.session.id is None or not line:
            return
        session_id = self.notes.session.id

        async def record() -> None:
            await self.query(lambda r: r.calls.record_notice(session_id, site_id, line))
            self.announce(Topic.SESSIONS)

        self.spawn(record())

    # ------------------------------------------------------------------------ questions
    def _offset_now(self) -> int | None:
        return self.notes.session.seconds_into(self.now()) if self.notes else None

    def ask_planned(self, item: AgendaItem) -> None:
        self._add_question(item.site_id, item.text, agenda_item_id=item.id)

    def ask_new(self, site_id: int, text: str) -> bool:
        text = text.strip()
        if not text:
            self.error.emit(self.tr("Type the question first."))
            return False
        self._add_question(site_id, text, agenda_item_id=None)
        return True

    def _add_question(self, site_id: int, text: str, *, agenda_item_id: int | None) -> None:
        if self.notes is None or self.notes.session.id is None:
            return
        session_id = self.notes.session.id
        offset = self._offset_now()
        asked_by = self.notes.session.official or self.actor_name

        def added(question: Question) -> None:
            if self.notes is not None and self.notes.session.id == question.session_id:
                self.notes.questions.append(question)
            self.questionAdded.emit(question)
            self.announce(Topic.NOTES)

        self.spawn(
            self.query(
                lambda r: r.notes.add_question(
                    session_id,
                    site_id,
                    text,
                    asked_by=asked_by,
                    agenda_item_id=agenda_item_id,
                    offset_seconds=offset,
                )
            ),
            on_done=added,
        )

    def delete_question(self, question_id: int) -> None:
        self._pending.pop(question_id, None)
        if self.notes is not None:
            self.notes.questions = [q for q in self.notes.questions if q.id != question_id]

        def deleted(_: None) -> None:
            if self.notes is not None:
                self.notesLoaded.emit(self.notes)
            self.announce(Topic.NOTES)

        self.spawn(self.query(lambda r: r.notes.delete_question(question_id)), on_done=deleted)

    def question(self, question_id: int) -> Question | None:
        if self.notes is None:
            return None
        return next((q for q in self.notes.questions if q.id == question_id), None)

    # -------------------------------------------------------------------------- editing
    def _edit(self, question_id: int) -> PendingEdit:
        edit = self._pending.setdefault(question_id, PendingEdit())
        if not self._save_timer.isActive():
            self._save_timer.start()
        self.saveStateChanged.emit("pending")
        return edit

    def edit_question_text(self, question_id: int, text: str) -> None:
        self._edit(question_id).question_text = text
        self._update_local(question_id, text=text)

    def edit_category(self, question_id: int, category: str) -> None:
        self._edit(question_id).category = category
        self._update_local(question_id, category=category)

    def edit_asked_by(self, question_id: int, asked_by: str) -> None:
        self._edit(question_id).asked_by = asked_by
        self._update_local(question_id, asked_by=asked_by)

    def edit_answer(self, question_id: int, text: str, speaker: str) -> None:
        self._edit(question_id).answer = (text, speaker)
        question = self.question(question_id)
        if question is not None:
            answer = question.answer
            if answer is None:
                answer = Answer(question_id, text, speaker, self.now())
            question.answer = replace(answer, text=text, speaker=speaker)

    def edit_commitment(
        self, question_id: int, commitment: str, owner: str, due: date | None
    ) -> None:
        edit = self._edit(question_id)
        edit.remove_commitment = False
        edit.commitment = (commitment, owner, due)

    def clear_commitment(self, question_id: int) -> None:
        edit = self._edit(question_id)
        edit.commitment = None
        edit.remove_commitment = True

    def _update_local(self, question_id: int, **changes: str) -> None:
        question = self.question(question_id)
        if question is not None:
            for name, value in changes.items():
                setattr(question, name, value)

    def flush(self) -> None:
        """Send every pending edit to the store now (queued in order on the store's thread)."""
        self._save_timer.stop()
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        self._saves_in_flight += 1
        self.saveStateChanged.emit("saving")

        def write_all(repo: Repository) -> None:
            for question_id, edit in pending.items():
                _apply_edit(repo, question_id, edit)

        def saved(_: None) -> None:
            self._saves_in_flight -= 1
            if not self._pending and self._saves_in_flight == 0:
                self.saveStateChanged.emit("saved")
            self.announce(Topic.NOTES)

        task = self.spawn(self.query(write_all), on_done=saved)

        def failed(_: object) -> None:
            if task.cancelled() or task.exception() is None:
                return
            self._saves_in_flight -= 1
            if not isinstance(task.exception(), NotFoundError):
                # Keep the text for the next attempt; newer edits of the same note win.
                for question_id, edit in pending.items():
                    self._pending.setdefault(question_id, edit)
            self.saveStateChanged.emit("failed")

        task.add_done_callback(failed)

    # ------------------------------------------------------------------ session status
    def set_status(self, status: SessionStatus) -> None:
        if self.notes is None or self.notes.session.id is None:
            return
        session_id = self.notes.session.id
        self.flush()

        async def change() -> SessionNotes:
            await self.query(lambda r: r.sessions.set_session_status(session_id, status))
            return await self.query(lambda r: _load_session_notes(r, session_id))

        def changed(notes: SessionNotes) -> None:
            self._set_notes(notes)
            self.announce(Topic.SESSIONS)

        self.spawn(change(), on_done=changed)


def _apply_edit(repo: Repository, question_id: int, edit: PendingEdit) -> None:
    if edit.question_text is not None or edit.category is not None or edit.asked_by is not None:
        text = edit.question_text
        if text is not None and not text.strip():
            text = None  # an emptied question keeps its last text rather than vanishing
        repo.notes.update_question(
            question_id, text=text, category=edit.category, asked_by=edit.asked_by
        )
    if edit.answer is not None:
        repo.notes.save_answer(question_id, *edit.answer)
    if edit.remove_commitment:
        repo.notes.remove_commitment(question_id)
    elif edit.commitment is not None:
        commitment, owner, due = edit.commitment
        if commitment.strip():
            repo.notes.set_commitment(question_id, commitment, owner, due)
