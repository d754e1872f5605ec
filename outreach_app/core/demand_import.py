"""Parse demands residents posted on a message board, exported as CSV or JSON.

All-or-nothing like the site import (and sharing its CSV reading): the caller imports only when
no row is bad. Each demand is matched to a site by the site's name or region. The parser takes
the file's bytes and either returns demands and row errors, or raises DemandFileError when the
file as a whole cannot be read; nothing else escapes it.

Beyond date, site, channel, text and category, a board's export may carry, and the parser then
reads: the message's own id on the board, its status, when and by whom it was claimed, when it
was answered and with what, when it was solved, and the responsible unit. Its status and times
must agree: a status needs the time of its step, a time needs a status that has reached it
(the status may be left out: the times then say it), and the times run in order.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from outreach_app.core.model import FollowUpStatus, Site
from outreach_app.core.site_import import (
    MAX_FIELD_CHARS,
    RowError,
    decode_csv_bytes,
    normalise_header,
    read_csv_records,
)

DEMAND_COLUMNS = ("date", "site", "channel", "text", "category")
# What a board's export adds about each message's progress; all optional.
BOARD_COLUMNS = (
    "message_id",
    "status",
    "claimed_at",
    "claimed_by",
    "responded_at",
    "response",
    "solved_at",
    "unit",
)
ALL_DEMAND_COLUMNS = DEMAND_COLUMNS + BOARD_COLUMNS
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
    "id": "message_id",
    "message": "message_id",
    "留言编号": "message_id",
    "留言id": "message_id",
    "编号": "message_id",
    "信件编号": "message_id",
    "state": "status",
    "状态": "status",
    "办理状态": "status",
    "留言状态": "status",
    "claimed": "claimed_at",
    "claim_time": "claimed_at",
    "认领时间": "claimed_at",
    "claimant": "claimed_by",
    "认领人": "claimed_by",
    "认领领导": "claimed_by",
    "answered_at": "responded_at",
    "replied_at": "responded_at",
    "response_time": "responded_at",
    "答复时间": "responded_at",
    "回复时间": "responded_at",
    "answer": "response",
    "reply": "response",
    "答复内容": "response",
    "回复内容": "response",
    "solved": "solved_at",
    "solve_time": "solved_at",
    "办结时间": "solved_at",
    "responsible_unit": "unit",
    "owner": "unit",
    "责任单位": "unit",
    "办理单位": "unit",
}
# A board's words for where a message stands.
STATUS_WORDS: dict[str, FollowUpStatus] = {
    **dict.fromkeys(
        ("open", "new", "unclaimed", "pending", "待认领", "未认领", "未受理"), FollowUpStatus.OPEN
    ),
    **dict.fromkeys(
        ("claimed", "in progress", "processing", "已认领", "办理中", "处理中", "已受理"),
        FollowUpStatus.CLAIMED,
    ),
    **dict.fromkeys(
        ("responded", "answered", "replied", "已答复", "已回复"), FollowUpStatus.RESPONDED
    ),
    **dict.fromkeys(
        ("solved", "resolved", "closed", "done", "已办结", "已解决", "已办理", "办结"),
        FollowUpStatus.SOLVED,
    ),
}
# Each step of a board's progress: its status, the column of its time, and of its note.
BOARD_STEPS: tuple[tuple[FollowUpStatus, str, str], ...] = (
    (FollowUpStatus.CLAIMED, "claimed_at", "claimed_by"),
    (FollowUpStatus.RESPONDED, "responded_at", "response"),
    (FollowUpStatus.SOLVED, "solved_at", ""),
)
STEP_RANK = {
    FollowUpStatus.OPEN: 0,
    FollowUpStatus.CLAIMED: 1,
    FollowUpStatus.RESPONDED: 2,
    FollowUpStatus.SOLVED: 3,
}
MAX_DEMAND_BYTES = 5 * 1024 * 1024
MAX_DEMAND_ROWS = 20_000
MAX_TEXT_CHARS = MAX_FIELD_CHARS
MAX_LABEL_CHARS = 100  # channel, category, site or area
EARLIEST_DATE = date(2000, 1, 1)

_DATE_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    # A time may follow: 2026-11-03 14:22, 2026-11-03T14:22:05+08:00 (the zone is the office's).
    r"(?:[ T]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
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
    # What a board's export says about the message's progress ("" and None: nothing).
    message_id: str = ""
    status: FollowUpStatus | None = None
    claimed_at: datetime | None = None
    claimed_by: str = ""
    responded_at: datetime | None = None
    response: str = ""
    solved_at: datetime | None = None
    unit: str = ""

    @property
    def fingerprint(self) -> str:
        return demand_fingerprint(self.received_on, self.channel, self.area, self.text)

    @property
    def board_status(self) -> FollowUpStatus:
        """Where the board says the message stands: its status, else the furthest time."""
        if self.status is not None:
            return self.status
        reached = [status for status, at, _ in self.board_steps]
        return reached[-1] if reached else FollowUpStatus.OPEN

    @property
    def board_steps(self) -> list[tuple[FollowUpStatus, datetime, str]]:
        """The steps the board records, in order: status, time, note (who claimed it, what
        was answered)."""
        steps = [
            (FollowUpStatus.CLAIMED, self.claimed_at, self.claimed_by),
            (FollowUpStatus.RESPONDED, self.responded_at, self.response),
            (FollowUpStatus.SOLVED, self.solved_at, ""),
        ]
        return [(status, at, note) for status, at, note in steps if at is not None]


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


def parse_moment(value: str, today: date) -> datetime | RowErrorTemplate:
    """A date, with its time of day if the file gives one (else midnight)."""
    match = _DATE_RE.fullmatch(value.strip())
    if match is None:
        return RowErrorTemplate(
            "“{value}” is not a date; write it like 2026-11-03", {"value": value[:40]}
        )
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        parsed = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return RowErrorTemplate("“{value}” is not a valid date", {"value": value[:40]})
    if parsed.date() < EARLIEST_DATE:
        return RowErrorTemplate("“{value}” is not a valid date", {"value": value[:40]})
    if parsed.date() > today:
        return RowErrorTemplate(
            "the date {value} is in the future", {"value": parsed.date().isoformat()}
        )
    return parsed


def parse_date(value: str, today: date) -> date | RowErrorTemplate:
    parsed = parse_moment(value, today)
    return parsed if isinstance(parsed, RowErrorTemplate) else parsed.date()


def parse_status(value: str) -> FollowUpStatus | RowErrorTemplate:
    status = STATUS_WORDS.get(" ".join(value.split()).casefold())
    if status is None:
        return RowErrorTemplate(
            "“{value}” is not a status; write open, claimed, responded or solved (or 待认领,"
            " 已认领, 已答复, 已办结)",
            {"value": value[:40]},
        )
    return status


@dataclass(frozen=True)
class BoardProgress:
    """A row's progress as the board gives it, checked."""

    message_id: str = ""
    status: FollowUpStatus | None = None
    times: dict[str, datetime] = field(default_factory=dict)  # by column
    claimed_by: str = ""
    response: str = ""
    unit: str = ""


def check_progress(
    values: dict[str, str], headers: dict[str, str], received: date, today: date
) -> BoardProgress | RowErrorTemplate:
    """The board's columns of one row: times that parse, are not before the message was
    received, run in order, and agree with the status."""
    status: FollowUpStatus | None = None
    if values.get("status"):
        parsed_status = parse_status(values["status"])
        if isinstance(parsed_status, RowErrorTemplate):
            return parsed_status
        status = parsed_status
    times: dict[str, datetime] = {}
    for _, column, _ in BOARD_STEPS:
        if not values.get(column):
            continue
        moment = parse_moment(values[column], today)
        if isinstance(moment, RowErrorTemplate):
            return moment
        if moment.date() < received:
            return RowErrorTemplate(
                "{field} ({value}) is before the demand was received",
                {"field": headers.get(column, column), "value": values[column][:40]},
            )
        times[column] = moment
    ordered = [times[column] for _, column, _ in BOARD_STEPS if column in times]
    if ordered != sorted(ordered):
        return RowErrorTemplate("the times must run in order: claimed, responded, solved", {})
    furthest = max((STEP_RANK[s] for s, column, _ in BOARD_STEPS if column in times), default=0)
    if status is not None:
        for step, column, _ in BOARD_STEPS:
            if STEP_RANK[step] > STEP_RANK[status] and column in times:
                return RowErrorTemplate(
                    "the status is “{status}” but {field} is given",
                    {"status": values["status"], "field": headers.get(column, column)},
                )
        if STEP_RANK[status] > furthest:
            needed = next(c for s, c, _ in BOARD_STEPS if s is status)
            return RowErrorTemplate(
                "the status “{status}” needs {field}",
                {"status": values["status"], "field": headers.get(needed, needed)},
            )
    for _, column, note in BOARD_STEPS:
        if note and values.get(note) and column not in times:
            return RowErrorTemplate(
                "{field} is given without {time}",
                {"field": headers.get(note, note), "time": headers.get(column, column)},
            )
    return BoardProgress(
        message_id=values.get("message_id", ""),
        status=status,
        times=times,
        claimed_by=values.get("claimed_by", ""),
        response=values.get("response", ""),
        unit=values.get("unit", ""),
    )


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
        self._seen_ids: dict[str, int] = {}

    def add(self, error: RowError) -> None:
        self.result.errors.append(error)

    def check(self, line: int, values: dict[str, str], headers: dict[str, str]) -> None:
        """Check one row's values (stripped, keyed by column); add a demand or an error."""
        for column, value in values.items():
            limit = MAX_TEXT_CHARS if column in ("text", "response") else MAX_LABEL_CHARS
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
        progress = check_progress(values, headers, received, self.today)
        if isinstance(progress, RowErrorTemplate):
            self.add(RowError(line, progress.template, progress.params))
            return
        if progress.message_id:
            other = self._seen_ids.setdefault(progress.message_id, line)
            if other != line:
                self.add(
                    RowError(
                        line,
                        "message {id} is also on line {other_line}",
                        {"id": progress.message_id, "other_line": other},
                    )
                )
                return
        row = DemandRow(
            line=line,
            received_on=received,
            area=area,
            site_id=site.id,
            site_name=site.name,
            channel=channel,
            text=text,
            category=values.get("category", ""),
            message_id=progress.message_id,
            status=progress.status,
            claimed_at=progress.times.get("claimed_at"),
            claimed_by=progress.claimed_by,
            responded_at=progress.times.get("responded_at"),
            response=progress.response,
            solved_at=progress.times.get("solved_at"),
            unit=progress.unit,
        )
        first = self._seen.setdefault(row.fingerprint, line)
        if first != line:
            row = replace(row, duplicate_of=first)
        self.result.demands.append(row)


def _parse_csv(text: str, checker: _RowChecker) -> None:
    records = read_csv_records(
        text,
        known=ALL_DEMAND_COLUMNS,
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
        if column not in ALL_DEMAND_COLUMNS:
            unknown.append(key)
            continue
        if column in values:
            checker.add(RowError(line, "a column appears twice"))
            return
        if value is None:
            value = ""
        if column == "message_id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # boards number their messages
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
                {"unknown": ", ".join(unknown), "expected": ", ".join(ALL_DEMAND_COLUMNS)},
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
