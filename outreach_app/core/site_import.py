"""Parse a CSV of sites. All-or-nothing: the caller imports only when no row is bad."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from outreach_app.core.model import Contact, Site

REQUIRED_COLUMNS = ("name",)
KNOWN_COLUMNS = ("name", "region", "address", "contacts", "connection_notes", "tags")
# Chinese headers as office spreadsheets write them.
HEADER_ALIASES = {
    "名称": "name",
    "站点": "name",
    "站点名称": "name",
    "地区": "region",
    "区域": "region",
    "地址": "address",
    "联系人": "contacts",
    "连接说明": "connection_notes",
    "备注": "connection_notes",
    "标签": "tags",
}
MAX_FIELD_CHARS = 2000
MAX_ROWS = 10_000
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{4,19}$")
_LIST_SPLIT_RE = re.compile(r"[;；,，、]")


@dataclass(frozen=True)
class RowError:
    """A bad row. `template` is an untranslated message; the UI translates it, then formats."""

    line: int
    template: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)


@dataclass
class SiteImportResult:
    sites: list[Site] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def decode_csv_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; GB18030 is what Excel writes on a Chinese Windows."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("the file is neither UTF-8 nor GB18030 text")


class ContactError(ValueError):
    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


def parse_contacts(value: str) -> list[Contact]:
    """`张主任:13800000000; 李会计:0991-1234567` -> contacts. Raises ContactError on a bad one."""
    contacts: list[Contact] = []
    for chunk in re.split(r"[;；]", value):
        chunk = chunk.strip()
        if not chunk:
            continue
        name, _, phone = chunk.replace("：", ":").partition(":")
        name, phone = name.strip(), phone.strip()
        if not name:
            raise ContactError("contact “{contact}” has no name", contact=chunk)
        if phone and not _PHONE_RE.match(phone):
            raise ContactError(
                "phone number “{phone}” of {name} is not valid", phone=phone, name=name
            )
        contacts.append(Contact(name=name, phone=phone))
    return contacts


def normalise_header(header: str, aliases: dict[str, str]) -> str:
    """A column name as written (`Region`, `地区`) -> the name the parser knows (`region`)."""
    key = header.strip().lower().replace(" ", "_")
    return aliases.get(header.strip(), aliases.get(key, key))


@dataclass
class CsvRecords:
    """The rows of a CSV file whose header and field counts are right, each with its line."""

    columns: list[str] = field(default_factory=list)
    # Each column as the file's header writes it, for messages.
    headers: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Rows that are not blank, well formed or not.
    row_count: int = 0


def read_csv_records(
    text: str,
    *,
    known: Sequence[str],
    required: Sequence[str],
    aliases: dict[str, str],
    max_rows: int = MAX_ROWS,
) -> CsvRecords:
    """Check the header, then collect the rows with the right number of fields (values stripped).

    Shared by every CSV import; the caller checks the values of each row. Errors are in line order.
    """
    records = CsvRecords()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        records.errors.append(RowError(1, "the file is empty"))
        return records
    except csv.Error as exc:
        records.errors.append(RowError(1, "not a readable CSV file: {error}", {"error": exc}))
        return records
    columns = [normalise_header(h, aliases) for h in header]
    unknown = [h for h, c in zip(header, columns, strict=True) if c not in known]
    if unknown:
        records.errors.append(
            RowError(
                1,
                "unknown column(s): {unknown}; expected {expected}",
                {"unknown": ", ".join(unknown), "expected": ", ".join(known)},
            )
        )
    for name in required:
        if name not in columns:
            records.errors.append(
                RowError(1, "missing required column “{required}”", {"required": name})
            )
    if len(set(columns)) != len(columns):
        records.errors.append(RowError(1, "a column appears twice"))
    if records.errors:
        return records
    records.columns = columns
    records.headers = {c: h.strip() for c, h in zip(columns, header, strict=True)}
    while True:
        # A record may span lines (a quoted field with line breaks): it is named by its first.
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            records.errors.append(
                RowError(reader.line_num, "not a readable CSV row: {error}", {"error": exc})
            )
            break
        if not any(cell.strip() for cell in row):
            continue
        records.row_count += 1
        if records.row_count > max_rows:
            records.errors.append(
                RowError(line, "more than {limit} rows; split the file", {"limit": max_rows})
            )
            break
        if len(row) != len(columns):
            records.errors.append(
                RowError(
                    line,
                    "has {got} fields, the header has {expected}",
                    {"got": len(row), "expected": len(columns)},
                )
            )
            continue
        records.rows.append(
            (line, {c: _one_line_break(v).strip() for c, v in zip(columns, row, strict=True)})
        )
    return records


def _one_line_break(value: str) -> str:
    """A line break inside a quoted field as "\n", whether the file wrote it \r\n (Excel on
    Windows) or \r (old Macs): the reader keeps the file's own."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def parse_sites_csv(text: str, existing_names: Iterable[str] = ()) -> SiteImportResult:
    result = SiteImportResult()
    records = read_csv_records(
        text, known=KNOWN_COLUMNS, required=REQUIRED_COLUMNS, aliases=HEADER_ALIASES
    )
    result.errors.extend(records.errors)
    if not records.columns:
        return result

    taken = {n.strip().casefold() for n in existing_names}
    seen_in_file: dict[str, int] = {}
    for line, values in records.rows:
        too_long = [c for c, v in values.items() if len(v) > MAX_FIELD_CHARS]
        if too_long:
            result.errors.append(
                RowError(
                    line,
                    "field {field} is longer than {limit} characters",
                    {"field": too_long[0], "limit": MAX_FIELD_CHARS},
                )
            )
            continue
        name = values.get("name", "")
        if not name:
            result.errors.append(RowError(line, "the site has no name"))
            continue
        key = name.casefold()
        if key in taken:
            result.errors.append(
                RowError(line, "a site named “{name}” already exists", {"name": name})
            )
            continue
        if key in seen_in_file:
            result.errors.append(
                RowError(
                    line,
                    "“{name}” is also on line {other_line}",
                    {"name": name, "other_line": seen_in_file[key]},
                )
            )
            continue
        seen_in_file[key] = line
        try:
            contacts = parse_contacts(values.get("contacts", ""))
        except ContactError as exc:
            result.errors.append(RowError(line, exc.template, exc.params))
            continue
        tags = [t.strip() for t in _LIST_SPLIT_RE.split(values.get("tags", "")) if t.strip()]
        result.sites.append(
            Site(
                name=name,
                region=values.get("region", ""),
                address=values.get("address", ""),
                contacts=contacts,
                connection_notes=values.get("connection_notes", ""),
                tags=tags,
            )
        )
    # Field-count and CSV errors were found first; the user reads the list in line order.
    result.errors.sort(key=lambda e: e.line)
    if records.row_count == 0 and not result.errors:
        result.errors.append(RowError(2, "the file has a header but no sites"))
    return result
