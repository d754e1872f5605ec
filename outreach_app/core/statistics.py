"""Monthly statistics of demands: periods, counts, rates and their changes. No Qt, no I/O.

Every follow-up is a demand: a commitment made in a session, or a demand imported from a
message board. For a period of whole months (core/history_counts.py counts them from each
item's history):

- received, claimed, responded, solved: the items that were made, or reached that step, in the
  period (what happened in the period);
- responded or solved: the items that had a response or a solution in the period, each once
  (the measure message boards publish);
- claim rate and solve rate: of the items received in the period, the share that stood claimed
  (or further) or solved at the period's end;
- on-time rate: of the items solved in the period, the share solved by their due date (an item
  without one counts as on time);
- claims by leaders: how many people claimed items, and the share of the office's units (the
  regions of its sites) where at least one item was claimed.

Changes compare a period with the one just before it (the previous month for a month) and with
the same months a year earlier: a count's change is a percentage of the earlier count, a rate's
change is in percentage points. Both are rounded half up to two decimals, None when there is
nothing to compare with. The cumulative figures run from January to the period's last month.

A month a reviewer closed keeps the figures it was published with (`Publication`); what the
record counts for it later, if different, is a `Revision` beside them, never merged into them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

TREND_MONTHS = 13
MAX_PERIOD_MONTHS = 120
_MONTH_RE = re.compile(r"(\d{4})-(\d{1,2})")
_TWO_PLACES = Decimal("0.01")


class Dimension(enum.StrEnum):
    """What the figures can be broken down by."""

    CHANNEL = "channel"  # key "": commitments made in sessions
    CATEGORY = "category"  # key "": no category
    SITE = "site"  # key: the site's id
    SESSION_KIND = "session_kind"  # key "": imported, no session


COUNT_MEASURES = ("received", "claimed", "responded", "solved", "responded_or_solved")
RATE_MEASURES = ("claim_rate", "on_time_rate", "solve_rate")
MEASURES = COUNT_MEASURES + RATE_MEASURES


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9999:
            raise ValueError(f"{self.year:04d}-{self.month:02d} is not a month")

    @classmethod
    def parse(cls, text: str) -> Month:
        """`2026-11` -> Month(2026, 11); ValueError for anything else."""
        match = _MONTH_RE.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a month; write it like 2026-11")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def shifted(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        following = self.shifted(1)
        return date(following.year, following.month, 1) - timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months_between(first: Month, last: Month) -> int:
    """How many months from `first` to `last`, both included."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


@dataclass(frozen=True)
class Period:
    """Whole months, from `first` to `last` included."""

    first: Month
    last: Month

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the period ends ({self.last}) before it starts ({self.first})")

    @classmethod
    def month(cls, month: Month) -> Period:
        return cls(month, month)

    @property
    def months(self) -> int:
        return months_between(self.first, self.last)

    @property
    def is_single_month(self) -> bool:
        return self.first == self.last

    @property
    def start(self) -> date:
        return self.first.first_day

    @property
    def end(self) -> date:
        """The last day, included."""
        return self.last.last_day

    def shifted(self, months: int) -> Period:
        return Period(self.first.shifted(months), self.last.shifted(months))

    def previous(self) -> Period:
        """The period of the same length just before: the previous month for a month."""
        return self.shifted(-self.months)

    def year_earlier(self) -> Period:
        return self.shifted(-12)

    def each_month(self) -> Iterator[Month]:
        for offset in range(self.months):
            yield self.first.shifted(offset)

    def __str__(self) -> str:
        return str(self.first) if self.is_single_month else f"{self.first} – {self.last}"


def day_counted_to(period: Period, today: date) -> date | None:
    """The day a period not over yet is counted to (`today`), or None once it is over. Part of
    a month is not compared with whole ones: its changes would say little but look alarming."""
    return today if period.start <= today <= period.end else None


def trend_period(period: Period, months: int = TREND_MONTHS) -> Period:
    """The `months` months that end with the period's last month."""
    return Period(period.last.shifted(1 - months), period.last)


def _round(value: Fraction) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(_TWO_PLACES, rounding=ROUND_HALF_UP))


def _share(part: int, whole: int) -> Fraction | None:
    return Fraction(part * 100, whole) if whole else None


def percent(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`, two decimals; None when `whole` is 0."""
    share = _share(part, whole)
    return None if share is None else _round(share)


def change_percent(current: int, base: int) -> float | None:
    """The change from `base` to `current` as a percentage of `base`; None when `base` is 0."""
    if base == 0:
        return None
    return _round(Fraction((current - base) * 100, base))


def change_points(current: tuple[int, int], base: tuple[int, int]) -> float | None:
    """The change between two rates given as (part, whole), in percentage points, computed from
    the exact rates; None when either rate has nothing to be a share of."""
    now, then = _share(*current), _share(*base)
    if now is None or then is None:
        return None
    return _round(now - then)


@dataclass(frozen=True)
class StateAtEnd:
    """Where the items received in a period stood at its end (they add up to received)."""

    open: int
    claimed: int
    responded: int
    solved: int


@dataclass(frozen=True)
class Counts:
    received: int = 0
    claimed: int = 0
    responded: int = 0
    solved: int = 0
    # Of the items received in the period, how many had been claimed (or gone further),
    # responded to (or solved) and solved by its end.
    received_claimed: int = 0
    received_responded: int = 0
    received_solved: int = 0
    # Of the items solved in the period, how many by their due date.
    solved_on_time: int = 0
    # Items with a response or a solution in the period, each once.
    responded_or_solved: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def claim_rate(self) -> float | None:
        return percent(self.received_claimed, self.received)

    @property
    def solve_rate(self) -> float | None:
        return percent(self.received_solved, self.received)

    @property
    def on_time_rate(self) -> float | None:
        return percent(self.solved_on_time, self.solved)

    def rate_parts(self, rate: str) -> tuple[int, int]:
        """The (part, whole) a rate is made of."""
        return {
            "claim_rate": (self.received_claimed, self.received),
            "solve_rate": (self.received_solved, self.received),
            "on_time_rate": (self.solved_on_time, self.solved),
        }[rate]

    def value(self, measure: str) -> int | float | None:
        value: int | float | None = getattr(self, measure)
        return value

    @property
    def state_at_end(self) -> StateAtEnd:
        return StateAtEnd(
            open=self.received - self.received_claimed,
            claimed=self.received_claimed - self.received_responded,
            responded=self.received_responded - self.received_solved,
            solved=self.received_solved,
        )

    def as_dict(self) -> dict[str, Any]:
        figures: dict[str, Any] = {m: self.value(m) for m in MEASURES}
        figures["received_claimed_by_end"] = self.received_claimed
        figures["received_responded_by_end"] = self.received_responded
        figures["received_solved_by_end"] = self.received_solved
        figures["solved_on_time"] = self.solved_on_time
        state = self.state_at_end
        figures["state_at_end"] = {
            "open": state.open,
            "claimed": state.claimed,
            "responded": state.responded,
            "solved": state.solved,
        }
        return figures


@dataclass(frozen=True)
class ClaimFigures:
    """Claims by leaders in a period: how many people claimed items, and how many of the
    office's units had at least one item claimed. Not a sum of groups: each is counted once."""

    claimants: int = 0
    units: int = 0
    units_claiming: int = 0

    @property
    def unit_share(self) -> float | None:
        return percent(self.units_claiming, self.units)

    def as_dict(self) -> dict[str, Any]:
        return {
            "claimants": self.claimants,
            "units": self.units,
            "units_claiming": self.units_claiming,
            "unit_share": self.unit_share,
        }


@dataclass(frozen=True)
class FigureRow:
    """Counts of one combination of the dimensions, as the store groups them."""

    channel: str
    category: str
    site_id: int
    site_name: str
    session_kind: str
    counts: Counts


@dataclass(frozen=True)
class Group:
    dimension: Dimension
    key: str
    name: str  # the site's name, else the key itself ("" is named by the UI)
    counts: Counts


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    totals: Counts = field(default_factory=Counts)
    groups: dict[Dimension, list[Group]] = field(default_factory=dict)
    claims: ClaimFigures = field(default_factory=ClaimFigures)

    def breakdown(self, dimension: Dimension) -> list[Group]:
        return self.groups.get(dimension, [])


def figures_from_rows(
    period: Period, rows: Iterable[FigureRow], claims: ClaimFigures | None = None
) -> PeriodFigures:
    """Fold the store's rows into totals and one breakdown per dimension, the groups with the
    most items received first (then by name)."""
    rows = list(rows)
    totals = sum((r.counts for r in rows), Counts())
    groups: dict[Dimension, list[Group]] = {}
    keyers: dict[Dimension, Callable[[FigureRow], tuple[str, str]]] = {
        Dimension.CHANNEL: lambda r: (r.channel, r.channel),
        Dimension.CATEGORY: lambda r: (r.category, r.category),
        Dimension.SITE: lambda r: (str(r.site_id), r.site_name),
        Dimension.SESSION_KIND: lambda r: (r.session_kind, r.session_kind),
    }
    for dimension, keyer in keyers.items():
        folded: dict[str, tuple[str, Counts]] = {}
        for row in rows:
            key, name = keyer(row)
            _, counts = folded.get(key, (name, Counts()))
            folded[key] = (name, counts + row.counts)
        groups[dimension] = sorted(
            (Group(dimension, key, name, counts) for key, (name, counts) in folded.items()),
            key=lambda g: (-g.counts.received, -g.counts.solved, g.key == "", g.name),
        )
    return PeriodFigures(period, totals, groups, claims or ClaimFigures())


@dataclass(frozen=True)
class Kpi:
    """A key figure of the period with the same figure in the periods it is compared with."""

    measure: str
    value: int | float | None
    previous: int | float | None
    year_earlier: int | float | None
    change_previous: float | None
    change_year: float | None

    @property
    def is_rate(self) -> bool:
        return self.measure in RATE_MEASURES


def _kpi(measure: str, now: Counts, previous: Counts, year: Counts) -> Kpi:
    if measure in RATE_MEASURES:
        change_prev = change_points(now.rate_parts(measure), previous.rate_parts(measure))
        change_year = change_points(now.rate_parts(measure), year.rate_parts(measure))
    else:
        value, before, year_before = (int(getattr(c, measure)) for c in (now, previous, year))
        change_prev = change_percent(value, before)
        change_year = change_percent(value, year_before)
    return Kpi(
        measure,
        now.value(measure),
        previous.value(measure),
        year.value(measure),
        change_prev,
        change_year,
    )


@dataclass(frozen=True)
class TrendPoint:
    month: Month
    counts: Counts


@dataclass(frozen=True)
class Publication:
    """A month as a reviewer closed (published) it: its figures and the year to date as they
    were then, who closed it and when. A reopened one keeps all that, with who reopened it,
    when and why."""

    month: Month
    closed_at: datetime
    closed_by: str
    figures: PeriodFigures
    cumulative: PeriodFigures
    reopened_at: datetime | None = None
    reopened_by: str = ""
    reopen_reason: str = ""

    @property
    def in_force(self) -> bool:
        return self.reopened_at is None


# What a revision compares besides the counts and rates: the claims by leaders.
CLAIM_MEASURES = ("claimants", "units_claiming", "unit_share")


@dataclass(frozen=True)
class FigureChange:
    """One figure of a closed month as published and as the record counts it now."""

    scope: str  # "month", or "cumulative" for the year to date
    measure: str  # one of MEASURES or CLAIM_MEASURES
    published: int | float | None
    now: int | float | None


def _figure(figures: PeriodFigures, measure: str) -> int | float | None:
    if measure in CLAIM_MEASURES:
        value: int | float | None = getattr(figures.claims, measure)
        return value
    return figures.totals.value(measure)


def figure_changes(scope: str, published: PeriodFigures, now: PeriodFigures) -> list[FigureChange]:
    """The figures that differ between what was published and what is counted now."""
    return [
        FigureChange(scope, measure, _figure(published, measure), _figure(now, measure))
        for measure in (*MEASURES, *CLAIM_MEASURES)
        if _figure(published, measure) != _figure(now, measure)
    ]


@dataclass(frozen=True)
class Revision:
    """What the record counts for a closed month now, where it differs from the publication:
    shown beside the published figures, never in their place. `as_of` is when the latest change
    behind it was recorded (a late import, a correction)."""

    as_of: datetime
    figures: PeriodFigures
    cumulative: PeriodFigures
    changes: tuple[FigureChange, ...]
    # A demand counted under another channel, category, site or kind than when published.
    breakdowns_differ: bool = False


def revision_of(
    publication: Publication, figures: PeriodFigures, cumulative: PeriodFigures, as_of: datetime
) -> Revision | None:
    """The revision of `publication` given the figures counted now; None if nothing differs."""
    changes = figure_changes("month", publication.figures, figures) + figure_changes(
        "cumulative", publication.cumulative, cumulative
    )
    breakdowns_differ = publication.figures.groups != figures.groups
    if not changes and not breakdowns_differ:
        return None
    return Revision(as_of, figures, cumulative, tuple(changes), breakdowns_differ)


@dataclass(frozen=True)
class StatisticsReport:
    current: PeriodFigures
    previous: PeriodFigures
    year_earlier: PeriodFigures
    trend: list[TrendPoint] = field(default_factory=list)
    # January to the period's last month, and the same months a year earlier.
    cumulative: PeriodFigures | None = None
    cumulative_year_earlier: PeriodFigures | None = None
    # Every closing of the month shown (a single month only), oldest first.
    publications: tuple[Publication, ...] = ()
    revision: Revision | None = None
    # The period is not over: counted to this day, and its key figures compared with nothing.
    counted_to: date | None = None

    @property
    def period(self) -> Period:
        return self.current.period

    @property
    def publication(self) -> Publication | None:
        """The publication in force: the month is closed and shows these figures."""
        if self.publications and self.publications[-1].in_force:
            return self.publications[-1]
        return None

    @property
    def cumulative_kpis(self) -> list[Kpi]:
        """The year to date with its change on the same months a year earlier."""
        if self.cumulative is None or self.cumulative_year_earlier is None:
            return []
        empty = Counts()
        # Its last month not over, the year to date is not compared with whole months either.
        running = self.counted_to is not None
        return [
            replace(
                kpi,
                previous=None,
                change_previous=None,
                change_year=None if running else kpi.change_year,
            )
            for kpi in (
                _kpi(m, self.cumulative.totals, empty, self.cumulative_year_earlier.totals)
                for m in MEASURES
            )
        ]

    @property
    def kpis(self) -> list[Kpi]:
        kpis = [
            _kpi(m, self.current.totals, self.previous.totals, self.year_earlier.totals)
            for m in MEASURES
        ]
        if self.counted_to is not None:
            return [replace(k, change_previous=None, change_year=None) for k in kpis]
        return kpis

    @property
    def is_empty(self) -> bool:
        """Nothing happened in the period (the page says so instead of showing zeros)."""
        totals = self.current.totals
        return not (totals.received or totals.claimed or totals.responded or totals.solved)

    def as_dict(
        self,
        *,
        label: Callable[[Dimension, Group], str] | None = None,
        measure_label: Callable[[str], str] | None = None,
        generated_at: str | None = None,
    ) -> dict[str, Any]:
        """Every figure of the report, for JSON: the key figures with both comparisons, each
        breakdown with its rates and the items' state at the period's end, and the trend.
        `label` names a group (in the reader's language); by default its name."""

        def period_dict(period: Period) -> dict[str, Any]:
            return {
                "label": str(period),
                "first_month": str(period.first),
                "last_month": str(period.last),
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "months": period.months,
            }

        def group_dict(group: Group) -> dict[str, Any]:
            return {
                "key": group.key,
                "label": label(group.dimension, group) if label else group.name,
                **group.counts.as_dict(),
            }

        data: dict[str, Any] = {
            "period": period_dict(self.period),
            "counted_to": self.counted_to.isoformat() if self.counted_to else None,
            "compared_with": {
                "previous": period_dict(self.previous.period),
                "year_earlier": period_dict(self.year_earlier.period),
            },
            "definitions": DEFINITIONS,
            "kpis": [_kpi_dict(k, measure_label, with_previous=True) for k in self.kpis],
            "totals": {
                "current": self.current.totals.as_dict(),
                "previous": self.previous.totals.as_dict(),
                "year_earlier": self.year_earlier.totals.as_dict(),
            },
            "breakdowns": {
                dimension.value: [group_dict(g) for g in self.current.breakdown(dimension)]
                for dimension in Dimension
            },
            "trend": [
                {
                    "month": str(point.month),
                    **{m: point.counts.value(m) for m in MEASURES},
                }
                for point in self.trend
            ],
        }
        data["claims"] = {
            **self.current.claims.as_dict(),
            "claim_rate": self.current.totals.claim_rate,
        }
        data["cumulative"] = self._cumulative_dict(period_dict)
        data["status"] = self._status_dict()
        data["revision"] = self._revision_dict()
        if generated_at is not None:
            data["generated_at"] = generated_at
        return data

    def _cumulative_dict(
        self, period_dict: Callable[[Period], dict[str, Any]]
    ) -> dict[str, Any] | None:
        if self.cumulative is None or self.cumulative_year_earlier is None:
            return None
        return {
            "period": period_dict(self.cumulative.period),
            "year_earlier": period_dict(self.cumulative_year_earlier.period),
            "kpis": [_kpi_dict(k, None, with_previous=False) for k in self.cumulative_kpis],
            "claims": self.cumulative.claims.as_dict(),
        }

    def _status_dict(self) -> dict[str, Any]:
        in_force = self.publication
        return {
            "closed": in_force is not None,
            "closed_at": _stamp(in_force.closed_at) if in_force else None,
            "closed_by": in_force.closed_by if in_force else None,
            "publications": [
                {
                    "closed_at": _stamp(p.closed_at),
                    "closed_by": p.closed_by,
                    "reopened_at": _stamp(p.reopened_at) if p.reopened_at else None,
                    "reopened_by": p.reopened_by or None,
                    "reopen_reason": p.reopen_reason or None,
                }
                for p in self.publications
            ],
        }

    def _revision_dict(self) -> dict[str, Any] | None:
        revision = self.revision
        if revision is None:
            return None
        return {
            "as_of": _stamp(revision.as_of),
            "changes": [
                {
                    "scope": c.scope,
                    "measure": c.measure,
                    "published": c.published,
                    "now": c.now,
                }
                for c in revision.changes
            ],
            "breakdowns_differ": revision.breakdowns_differ,
            "totals_now": revision.figures.totals.as_dict(),
        }


def _kpi_dict(
    kpi: Kpi, measure_label: Callable[[str], str] | None, *, with_previous: bool
) -> dict[str, Any]:
    previous = (
        {"previous": kpi.previous, "change_previous": kpi.change_previous} if with_previous else {}
    )
    return {
        "measure": kpi.measure,
        **({"label": measure_label(kpi.measure)} if measure_label else {}),
        "unit": "percent" if kpi.is_rate else "count",
        "value": kpi.value,
        **previous,
        "year_earlier": kpi.year_earlier,
        "change_year_on_year": kpi.change_year,
        "change_unit": "points" if kpi.is_rate else "percent",
    }


def _stamp(value: datetime) -> str:
    return value.isoformat(sep=" ", timespec="seconds")


DEFINITIONS: dict[str, str] = {
    "counts": "items made, or reaching the step, within the period, each once; read from each"
    " item's history, so a later reopen, correction or import changes no earlier period",
    "claimed": "items that went from open to claimed (or further) within the period",
    "responded_or_solved": "items with a response or a solution within the period, each once",
    "claim_rate": "percent of the items received in the period that stood claimed (or further)"
    " at its end",
    "solve_rate": "percent of the items received in the period that stood solved at its end",
    "on_time_rate": "percent of the items solved in the period solved by their due date (no due"
    " date counts as on time)",
    "claimants": "different people who claimed items within the period",
    "unit_share": "percent of the office's units (the regions of its sites) with at least one"
    " item claimed within the period",
    "cumulative": "January to the period's last month, against the same months a year earlier",
    "closed_month": "a month a reviewer closed shows the figures it was published with; what"
    " the record counts later, if different, is listed as a dated revision",
    "change_of_counts": "percent of the earlier figure, two decimals",
    "change_of_rates": "percentage points, two decimals",
}
