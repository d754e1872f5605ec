"""Parse demands residents posted on a message board, exported as CSV or JSON.

All-or-nothing like the site import (and sharing its CSV reading): the caller imports only when
no row is bad. Each demand is matched to a site by the site's name or region. The parser takes
the file's bytes and either returns demands and row errors, or raises DemandFileError when the
file as a whole cannot be read; nothing else escapes it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from outreach_app.core.model import Site
from outreach_app.core.site_import import (
    MAX_FIELD_CHARS,
    RowError,
    decode_csv_bytes,
    normalise_header,
    read_csv_records,
)

DEMAND_COLUMNS = ("date", "site", "channel", "text", "category")
REQUIRED_DEMAND_COLUMNS = ("date", "site", "channel", "text")
# Column names as message boards and office spreadsheets write them.
DEMAND_ALIASES = {
    "日期": "date",
    "留言日期": "date",
    "area": "site",
    "站点": "site",
    "地区": "site",
    "区域": "site",
    "渠道": "channel",
    "栏目": "channel",
    "内容": "text",
    "诉求": "text",
    "留言内容": "text",
    "类别": "category",
    "分类": "category",
}
MAX_DEMAND_BYTES = 5 * 1024 * 1024
MAX_DEMAND_ROWS = 20_000
MAX_TEXT_CHARS = MAX_FIELD_CHARS
MAX_LABEL_CHARS = 100  # channel, category, site or area
EARLIEST_DATE = date(2000, 1, 1)

_DATE_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    # A time after the date is allowed and ignored: 2026-11-03 14:22, 2026-11-03T14:22:05+08:00.
    r"(?:[ T]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)


class DemandFileError(ValueError):
    """The file as a whole cannot be read. `template` is translated by the UI, then formatted."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


@dataclass(frozen=True)
class DemandRow:
    """One demand from the file, checked and matched to a site."""

    line: int
    received_on: date
    area: str  # the site or area as the file writes it
    site_id: int
    site_name: str
    channel: str
    text: str
    category: str = ""
    # The first line with the same demand, when the file holds it twice; this one is skipped.
    duplicate_of: int | None = None

    @property
    def fingerprint(self) -> str:
        return demand_fingerprint(self.received_on, self.channel, self.area, self.text)


def demand_fingerprint(received_on: date, channel: str, area: str, text: str) -> str:
    """What makes two demands the same one, whatever file or line they came from: importing a
    file again, or a later export that overlaps it, adds nothing twice."""

    def squeeze(value: str) -> str:
        return " ".join(value.split()).casefold()

    key = "\x1f".join((received_on.isoformat(), squeeze(channel), squeeze(area), squeeze(text)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass
class DemandImportResult:
    demands: list[DemandRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_format: str = "csv"

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def new_demands(self) -> list[DemandRow]:
        """The demands to store: those the file does not repeat."""
        return [d for d in self.demands if d.duplicate_of is None]


@dataclass(frozen=True)
class RowErrorTemplate:
    """A row's problem, before the row's line is known."""

    template: str
    params: dict[str, object]


class SiteMatcher:
    """Finds the site a demand belongs to from the name or area the file gives."""

    def __init__(self, sites: Sequence[Site]) -> None:
        self._sites = [s for s in sites if s.id is not None]

    @staticmethod
    def _key(value: str) -> str:
        return "".join(value.split()).casefold()

    def match(self, area: str) -> Site | RowErrorTemplate:
        key = self._key(area)
        by_name = [s for s in self._sites if self._key(s.name) == key]
        if by_name:
            return by_name[0]
        by_region = [s for s in self._sites if s.region and self._key(s.region) == key]
        if not by_region and len(key) >= 2:
            # 安定区 for 甘肃省定西市安定区, or an area that names the site and more.
            by_region = [
                s
                for s in self._sites
                if key in self._key(s.name)
                or (s.region and key in self._key(s.region))
                or self._key(s.name) in key
            ]
        if len(by_region) == 1:
            return by_region[0]
        if by_region:
            names = "、".join(s.name for s in by_region[:5])
            return RowErrorTemplate(
                "“{area}” fits several sites ({sites}); write the site's name",
                {"area": area, "sites": names},
            )
        return RowErrorTemplate("no site is called “{area}” or lies there", {"area": area})


def parse_date(value: str, today: date) -> date | RowErrorTemplate:
    match = _DATE_RE.fullmatch(value.strip())
    if match is None:
        return RowErrorTemplate(
            "“{value}” is not a date; write it like 2026-11-03", {"value": value[:40]}
        )
    year, month, day = (int(g) for g in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        return RowErrorTemplate("“{value}” is not a valid date", {"value": value[:40]})
    if parsed < EARLIEST_DATE:
        return RowErrorTemplate("“{value}” is not a valid date", {"value": value[:40]})
    if parsed > today:
        return RowErrorTemplate("the date {value} is in the future", {"value": parsed.isoformat()})
    return parsed


def parse_demands(
    data: bytes, *, file_name: str, sites: Sequence[Site], today: date
) -> DemandImportResult:
    """Check every demand in a CSV or JSON export. Raises only DemandFileError."""
    if len(data) > MAX_DEMAND_BYTES:
        raise DemandFileError(
            "{file} is larger than 5 MB; split it into smaller files", file=file_name
        )
    # Spreadsheets (.xlsx is a zip, .xls a compound file) and images all have NUL bytes early.
    if b"\x00" in data[:4096]:
        raise DemandFileError(
            "{file} is not a text file; save it as CSV or JSON first", file=file_name
        )
    try:
        text = decode_csv_bytes(data)
    except ValueError as exc:
        raise DemandFileError("{file} is neither UTF-8 nor GB18030 text", file=file_name) from exc
    if "\x00" in text:
        raise DemandFileError(
            "{file} is not a text file; save it as CSV or JSON first", file=file_name
        )
    checker = _RowChecker(SiteMatcher(sites), today)
    if _looks_like_json(file_name, text):
        checker.result.file_format = "json"
        _parse_json(text, checker)
    else:
        _parse_csv(text, checker)
    checker.result.errors.sort(key=lambda e: e.line)
    return checker.result


def _looks_like_json(file_name: str, text: str) -> bool:
    suffix = file_name.rsplit(".", 1)[-1].casefold() if "." in file_name else ""
    if suffix in ("json", "csv"):
        return suffix == "json"
    return text.lstrip()[:1] in ("[", "{")


class _RowChecker:
    def __init__(self, matcher: SiteMatcher, today: date) -> None:
        self.matcher = matcher
        self.today = today
        self.result = DemandImportResult()
        self._seen: dict[str, int] = {}

    def add(self, error: RowError) -> None:
        self.result.errors.append(error)

    def check(self, line: int, values: dict[str, str], headers: dict[str, str]) -> None:
        """Check one row's values (stripped, keyed by column); add a demand or an error."""
        for column, value in values.items():
            limit = MAX_TEXT_CHARS if column == "text" else MAX_LABEL_CHARS
            if len(value) > limit:
                self.add(
                    RowError(
                        line,
                        "field {field} is longer than {limit} characters",
                        {"field": headers.get(column, column), "limit": limit},
                    )
                )
                return
        text = values.get("text", "")
        if not text:
            self.add(RowError(line, "the demand has no text"))
            return
        received = parse_date(values.get("date", ""), self.today)
        if isinstance(received, RowErrorTemplate):
            self.add(RowError(line, received.template, received.params))
            return
        channel = values.get("channel", "")
        if not channel:
            self.add(RowError(line, "the demand has no channel (such as Ask Politics)"))
            return
        area = values.get("site", "")
        if not area:
            self.add(RowError(line, "the demand has no site or area"))
            return
        site = self.matcher.match(area)
        if isinstance(site, RowErrorTemplate):
            self.add(RowError(line, site.template, site.params))
            return
        assert site.id is not None
        row = DemandRow(
            line=line,
            received_on=received,
            area=area,
            site_id=site.id,
            site_name=site.name,
            channel=channel,
            text=text,
            category=values.get("category", ""),
        )
        first = self._seen.setdefault(row.fingerprint, line)
        if first != line:
            row = replace(row, duplicate_of=first)
        self.result.demands.append(row)


def _parse_csv(text: str, checker: _RowChecker) -> None:
    records = read_csv_records(
        text,
        known=DEMAND_COLUMNS,
        required=REQUIRED_DEMAND_COLUMNS,
        aliases=DEMAND_ALIASES,
        max_rows=MAX_DEMAND_ROWS,
    )
    checker.result.errors.extend(records.errors)
    if not records.columns:
        return
    for line, values in records.rows:
        checker.check(line, values, records.headers)
    if records.row_count == 0 and not records.errors:
        checker.add(RowError(2, "the file has a header but no demands"))


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _parse_json(text: str, checker: _RowChecker) -> None:
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        checker.add(RowError(exc.lineno, "not valid JSON: {error}", {"error": exc.msg}))
        return
    except (RecursionError, ValueError) as exc:  # nesting too deep, numbers too long
        checker.add(RowError(1, "not valid JSON: {error}", {"error": type(exc).__name__}))
        return
    if not isinstance(whole, list):
        checker.add(RowError(1, "a JSON file must hold a list of demands, each in braces"))
        return
    if not whole:
        checker.add(RowError(1, "the file holds no demands"))
        return
    if len(whole) > MAX_DEMAND_ROWS:
        checker.add(
            RowError(1, "more than {limit} rows; split the file", {"limit": MAX_DEMAND_ROWS})
        )
        return
    # The list is valid JSON: walk it again element by element to learn each one's line.
    decoder = json.JSONDecoder()
    index = _skip_space(text, 0) + 1  # past "["
    for record in whole:
        index = _skip_space(text, index)
        line = _line_at(text, index)
        _, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index) + 1  # past "," or "]"
        _check_json_record(line, record, checker)


def _check_json_record(line: int, record: object, checker: _RowChecker) -> None:
    if not isinstance(record, dict):
        checker.add(
            RowError(line, "each demand must be an object with date, site, channel and text")
        )
        return
    values: dict[str, str] = {}
    headers: dict[str, str] = {}
    unknown: list[str] = []
    for key, value in record.items():
        column = normalise_header(key, DEMAND_ALIASES)
        if column not in DEMAND_COLUMNS:
            unknown.append(key)
            continue
        if column in values:
            checker.add(RowError(line, "a column appears twice"))
            return
        if value is None:
            value = ""
        if not isinstance(value, str):
            checker.add(RowError(line, "field {field} must be text in quotes", {"field": key}))
            return
        values[column] = value.strip()
        headers[column] = key
    if unknown:
        checker.add(
            RowError(
                line,
                "unknown column(s): {unknown}; expected {expected}",
                {"unknown": ", ".join(unknown), "expected": ", ".join(DEMAND_COLUMNS)},
            )
        )
        return
    missing = [c for c in REQUIRED_DEMAND_COLUMNS if c not in values]
    if missing:
        checker.add(
            RowError(line, "missing required column “{required}”", {"required": missing[0]})
        )
        return
    checker.check(line, values, headers)
