"""A period's figures as the record keeps them once published: plain JSON, read back whole.

A closed month keeps the figures it was published with, so that they never move by themselves;
the store writes them with `figures_json` and reads them with `figures_from_json`. No Qt, no I/O.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from outreach_app.core.statistics import (
    ClaimFigures,
    Counts,
    Dimension,
    Group,
    Month,
    Period,
    PeriodFigures,
)

FORMAT = 1


def _counts(counts: Counts) -> dict[str, int]:
    return {f.name: getattr(counts, f.name) for f in fields(counts)}


def _read_counts(data: dict[str, Any]) -> Counts:
    known = {f.name for f in fields(Counts)}
    return Counts(**{name: int(value) for name, value in data.items() if name in known})


def figures_data(figures: PeriodFigures) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "first_month": str(figures.period.first),
        "last_month": str(figures.period.last),
        "totals": _counts(figures.totals),
        "claims": {
            "claimants": figures.claims.claimants,
            "units": figures.claims.units,
            "units_claiming": figures.claims.units_claiming,
        },
        "groups": {
            dimension.value: [
                {"key": g.key, "name": g.name, "counts": _counts(g.counts)}
                for g in figures.breakdown(dimension)
            ]
            for dimension in Dimension
        },
    }


def figures_from_data(data: dict[str, Any]) -> PeriodFigures:
    """Raises ValueError (or KeyError, TypeError) for data that is not such figures."""
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown format of published figures: {data.get('format')!r}")
    period = Period(Month.parse(data["first_month"]), Month.parse(data["last_month"]))
    groups = {
        dimension: [
            Group(dimension, str(g["key"]), str(g["name"]), _read_counts(g["counts"]))
            for g in data["groups"].get(dimension.value, [])
        ]
        for dimension in Dimension
    }
    claims = ClaimFigures(**{k: int(v) for k, v in data["claims"].items()})
    return PeriodFigures(period, _read_counts(data["totals"]), groups, claims)


def figures_json(figures: PeriodFigures) -> str:
    return json.dumps(figures_data(figures), ensure_ascii=False, sort_keys=True)


def figures_from_json(text: str) -> PeriodFigures:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("published figures must be an object")
    return figures_from_data(data)
