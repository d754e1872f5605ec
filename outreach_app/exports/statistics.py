"""Statistics as files: the formats, their file names, and every word of a report, translated
beforehand on the GUI thread, as the writers get them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from outreach_app.core.statistics import Dimension, Group, Period


@dataclass(frozen=True)
class ReportTexts:
    """Every word of an exported report, translated on the GUI thread."""

    title: str
    period: str
    comparison: str
    generated: str
    previous_heading: str
    year_heading: str
    change_heading: str
    year_change_heading: str
    figure_heading: str
    figure_total: str
    at_end: str  # "At period end: %1", %1 a state
    this_period_heading: str
    key_figures: str
    trend_title: str
    month_heading: str
    state_title: str
    definitions_title: str
    definitions: list[str]
    empty: str
    sheet_key_figures: str
    sheet_trend: str
    points_suffix: str
    measures: dict[str, str]
    states: dict[str, str]
    dimension_titles: dict[Dimension, str]
    dimension_columns: dict[Dimension, str]
    groups: dict[tuple[Dimension, str], str]
    months: dict[str, str]
    changes: dict[tuple[str, str], str] = field(default_factory=dict)
    values: dict[tuple[str, str], str] = field(default_factory=dict)
    # Whether the month is closed (published), every publication and reopening, and what the
    # record counts differently since (the first line says as of when); empty where none.
    status: str = ""
    history: list[str] = field(default_factory=list)
    revision_title: str = ""
    revision: list[str] = field(default_factory=list)
    # Claims by leaders: the heading, each measure's name, and its value as shown.
    claims_title: str = ""
    claim_labels: dict[str, str] = field(default_factory=dict)
    claim_values: dict[str, str] = field(default_factory=dict)
    # January to the period's last month against the same months a year earlier.
    cumulative_title: str = ""
    cumulative_heading: str = ""
    cumulative_year_heading: str = ""
    cumulative_values: dict[tuple[str, str], str] = field(default_factory=dict)
    cumulative_changes: dict[str, str] = field(default_factory=dict)
    sheet_cumulative: str = ""
    counting_note: str = ""

    def group(self, dimension: Dimension, group: Group) -> str:
        return self.groups.get((dimension, group.key), group.name)


class ExportFormat(enum.StrEnum):
    JSON = "json"
    XLSX = "xlsx"
    PDF = "pdf"


def format_for_path(path: Path) -> ExportFormat | None:
    try:
        return ExportFormat(path.suffix.lstrip(".").lower())
    except ValueError:
        return None


def default_file_name(period: Period, fmt: ExportFormat) -> str:
    span = str(period.first) if period.is_single_month else f"{period.first}_{period.last}"
    return f"outreach-statistics-{span}.{fmt.value}"
