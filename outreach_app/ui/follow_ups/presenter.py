"""The follow-up board's view-model: the filtered follow-ups, grouped; one item with its history;
and the steps people take on it (claim, respond, solve, reopen) and its due dates."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from PySide6.QtCore import QObject, Signal

from outreach_app.core.follow_ups import (
    FollowUpAction,
    FollowUpRuleError,
    Overdue,
    StepInput,
    check_due_dates,
    next_due,
    overdue,
    validate_step,
)
from outreach_app.core.model import (
    FollowUp,
    FollowUpFilters,
    FollowUpStatus,
    FollowUpStep,
    Site,
)
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import FollowUpEntry, Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.labels import translate_message
from outreach_app.ui.presenter import ChangeBus, ChangeFollower, Presenter

# Typing in the notes announces Topic.NOTES every few hundred milliseconds; coalesce those.
REFRESH_DELAY_MS = 300
LIST_TOPICS = frozenset({Topic.FOLLOW_UPS, Topic.NOTES, Topic.SESSIONS, Topic.SITES, Topic.REVIEWS})
# The board shows the newest this many; filters narrow the rest down.
BOARD_LIMIT = 500
OPTION_TOPICS = frozenset({Topic.SITES, Topic.FOLLOW_UPS, Topic.NOTES})


class GroupBy(enum.StrEnum):
    STATUS = "status"
    OWNER = "owner"
    SITE = "site"


@dataclass(frozen=True)
class BoardOptions:
    sites: list[Site]
    categories: list[str]
    owners: list[str]
    claimers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FollowUpDetail:
    """What the right-hand side shows for one follow-up."""

    entry: FollowUpEntry
    steps: list[FollowUpStep]

    @property
    def follow_up(self) -> FollowUp:
        return self.entry.follow_up

    @property
    def follow_up_id(self) -> int:
        follow_up_id = self.entry.follow_up.id
        assert follow_up_id is not None
        return follow_up_id


@dataclass(frozen=True)
class Group:
    """One group of the board: its key (a status value, an owner unit or a site id) and items."""

    key: str | int
    entries: list[FollowUpEntry]


def _board_options(repo: Repository) -> BoardOptions:
    return BoardOptions(
        repo.sites.list_sites(include_archived=True),
        repo.meta.list_categories(),
        repo.follow_ups.follow_up_owner_units(),
        repo.follow_ups.follow_up_claimers(),
    )


def _load_detail(repo: Repository, follow_up_id: int) -> FollowUpDetail:
    return FollowUpDetail(
        repo.follow_ups.get_follow_up_entry(follow_up_id),
        repo.follow_ups.follow_up_steps(follow_up_id),
    )


Lateness = Mapping[int | None, Overdue | None]


def lateness(entries: list[FollowUpEntry], today: date) -> dict[int | None, Overdue | None]:
    """How late each item is, worked out once per list."""
    return {e.follow_up.id: overdue(e.follow_up, today) for e in entries}


def board_order(
    entries: list[FollowUpEntry], today: date, late: Lateness | None = None
) -> list[FollowUpEntry]:
    """Within a group: the latest overdue first, then the soonest due, then the newest; solved
    items, most recently solved first."""
    late = late if late is not None else lateness(entries, today)

    def key(entry: FollowUpEntry) -> tuple[int, int, str, float]:
        follow_up = entry.follow_up
        made = -(follow_up.created_at or datetime.min).timestamp()
        if follow_up.status is FollowUpStatus.SOLVED:
            return (3, 0, "", -(follow_up.solved_at or datetime.min).timestamp())
        behind = late.get(follow_up.id)
        if behind is not None:
            return (0, -behind.days, "", made)
        upcoming = next_due(follow_up)
        if upcoming is not None:
            return (1, 0, upcoming[1].isoformat(), made)
        return (2, 0, "", made)

    return sorted(entries, key=key)


def group_entries(
    entries: list[FollowUpEntry], group_by: GroupBy, today: date, late: Lateness | None = None
) -> list[Group]:
    """By status: the four steps of the workflow in order, empty ones too, so that the board
    always shows where items can go. By owner unit or site: the groups that have items, by name
    (items no unit has taken yet last)."""
    late = late if late is not None else lateness(entries, today)
    if group_by is GroupBy.STATUS:
        return [
            Group(
                status.value,
                board_order([e for e in entries if e.follow_up.status is status], today, late),
            )
            for status in FollowUpStatus
        ]
    groups: dict[str | int, list[FollowUpEntry]] = {}
    names: dict[str | int, str] = {}
    for entry in entries:
        if group_by is GroupBy.OWNER:
            key: str | int = entry.follow_up.owner
            names[key] = entry.follow_up.owner or "\uffff"
        else:
            key = entry.follow_up.site_id
            names[key] = entry.site_name
        groups.setdefault(key, []).append(entry)
    return [
        Group(key, board_order(groups[key], today, late))
        for key in sorted(groups, key=names.__getitem__)
    ]


class FollowUpBoardPresenter(Presenter):
    optionsLoaded = Signal(object)  # BoardOptions
    entriesLoaded = Signal(list)  # list[FollowUpEntry]
    detailLoaded = Signal(object)  # FollowUpDetail
    detailCleared = Signal()
    stepSaved = Signal(object, object)  # FollowUpAction or None (due dates), FollowUp

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
        self.filters = FollowUpFilters()
        self.group_by = GroupBy.STATUS
        self.options = BoardOptions([], [], [])
        self.entries: list[FollowUpEntry] = []
        # How late each listed item is (core.follow_ups.overdue), by follow-up id.
        self.lateness: dict[int | None, Overdue | None] = {}
        self.detail: FollowUpDetail | None = None
        self.loaded = False
        # More items match than the board shows (the newest `limit`).
        self.limit = BOARD_LIMIT
        self.truncated = False
        # Answers may arrive out of order; only the newest counts.
        self._changes = ChangeFollower(
            self, LIST_TOPICS, self._refresh_after_changes, REFRESH_DELAY_MS
        )

    def today(self) -> date:
        return self._clock().date()

    def groups(self) -> list[Group]:
        return group_entries(self.entries, self.group_by, self.today(), self.lateness)

    @property
    def site_names(self) -> dict[int, str]:
        return {s.id: s.name for s in self.options.sites if s.id is not None}

    # ------------------------------------------------------------------------- loading
    def load(self) -> None:
        self.load_options()
        self.refresh_list()

    def load_options(self) -> None:
        self.spawn(self.query(_board_options), on_done=self._set_options)

    def _set_options(self, options: BoardOptions) -> None:
        self.options = options
        self.optionsLoaded.emit(options)

    def set_filters(self, filters: FollowUpFilters) -> None:
        if filters != self.filters:
            self.filters = filters
            self.refresh_list()

    def set_group_by(self, group_by: GroupBy) -> None:
        if group_by is not self.group_by:
            self.group_by = group_by
            self.entriesLoaded.emit(self.entries)

    def refresh_list(self) -> None:
        filters = self.filters
        today = self.today()
        limit = self.limit

        def show(entries: list[FollowUpEntry]) -> None:
            truncated = len(entries) > limit
            entries = entries[:limit]
            if self.loaded and (entries, truncated) == (self.entries, self.truncated):
                return  # nothing changed: the board stays as it is, scrolled where it was
            self.truncated = truncated
            self.entries = entries
            self.lateness = lateness(entries, today)
            self.loaded = True
            self.entriesLoaded.emit(entries)

        self.spawn_latest(
            "list",
            self.query(
                lambda r: r.follow_ups.list_follow_ups(filters, today=today, limit=limit + 1)
            ),
            show,
        )

    def open_follow_up(self, follow_up_id: int | None) -> None:
        if follow_up_id is None:
            self.supersede("detail")
            self.detail = None
            self.detailCleared.emit()
            return

        def show(detail: FollowUpDetail) -> None:
            self.detail = detail
            self.detailLoaded.emit(detail)

        self.spawn_latest("detail", self.query(lambda r: _load_detail(r, follow_up_id)), show)

    # --------------------------------------------------------------------------- steps
    def check_step(self, action: FollowUpAction, given: StepInput) -> str:
        """'' when the step may be taken on the open item with this input, else the reason in
        the user's language (the dialogs show it before anything is sent)."""
        if self.detail is None:
            return self.tr("Choose a follow-up first.")
        follow_up = self.detail.follow_up
        # A claim names its unit (the dialog starts with the current one): an emptied unit is
        # refused rather than quietly kept.
        owner = "" if action is FollowUpAction.CLAIM else follow_up.owner
        try:
            validate_step(follow_up.status, owner, action, given)
        except FollowUpRuleError as exc:
            return translate_message(exc.template, exc.params)
        return ""

    def take_step(self, action: FollowUpAction, given: StepInput) -> bool:
        """Refuses (with an error) a step the workflow does not allow or that lacks input."""
        problem = self.check_step(action, given)
        if problem or self.detail is None:
            self.error.emit(problem)
            return False
        follow_up_id = self.detail.follow_up_id

        def step(repo: Repository) -> FollowUp:
            if action is FollowUpAction.CLAIM:
                return repo.follow_ups.claim_follow_up(follow_up_id, given.claimed_by, given.owner)
            if action is FollowUpAction.RESPOND:
                return repo.follow_ups.respond_to_follow_up(follow_up_id, given.response)
            if action is FollowUpAction.SOLVE:
                return repo.follow_ups.solve_follow_up(
                    follow_up_id, given.resolution, given.satisfaction
                )
            return repo.follow_ups.reopen_follow_up(follow_up_id, given.reason)

        self._save(follow_up_id, step, action)
        return True

    def check_due_dates(
        self, claim_due: date | None, respond_due: date | None, due: date | None
    ) -> str:
        try:
            check_due_dates(claim_due, respond_due, due)
        except FollowUpRuleError as exc:
            return translate_message(exc.template, exc.params)
        return ""

    def set_due_dates(
        self, claim_due: date | None, respond_due: date | None, due: date | None
    ) -> bool:
        problem = self.check_due_dates(claim_due, respond_due, due)
        if problem or self.detail is None:
            self.error.emit(problem or self.tr("Choose a follow-up first."))
            return False
        follow_up_id = self.detail.follow_up_id
        self._save(
            follow_up_id,
            lambda r: r.follow_ups.set_follow_up_due_dates(
                follow_up_id, claim_due=claim_due, respond_due=respond_due, due=due
            ),
            None,
        )
        return True

    def _save(
        self,
        follow_up_id: int,
        operation: Callable[[Repository], FollowUp],
        action: FollowUpAction | None,
    ) -> None:
        async def save() -> tuple[FollowUp, FollowUpDetail]:
            saved = await self.query(operation)
            return saved, await self.query(lambda r: _load_detail(r, follow_up_id))

        def saved(result: tuple[FollowUp, FollowUpDetail]) -> None:
            follow_up, detail = result
            self.supersede("detail")
            self.detail = detail
            self.detailLoaded.emit(detail)
            self.stepSaved.emit(action, follow_up)
            self.refresh_list()
            self.load_options()
            self._changes.announce(Topic.FOLLOW_UPS)

        self.spawn(save(), on_done=saved)

    # ------------------------------------------------------------------------- changes
    def set_active(self, active: bool) -> None:
        """Changes made while the board is out of sight are caught up when it is shown again:
        typing notes in a live session must not make a hidden board reload every second."""
        self._changes.set_active(active)

    def _refresh_after_changes(self, topics: set[Topic]) -> None:
        if topics & OPTION_TOPICS:
            self.load_options()
        self.refresh_list()
        if self.detail is not None:
            self.open_follow_up(self.detail.follow_up_id)
