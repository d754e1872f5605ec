"""Parse a CSV of sites. All-or-nothing: the caller imports only when no row is bad."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
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


def _normalise_header(header: str) -> str:
    key = header.strip().lower().replace(" ", "_")
    return HEADER_ALIASES.get(header.strip(), key)


def parse_sites_csv(text: str, existing_names: Iterable[str] = ()) -> SiteImportResult:
    result = SiteImportResult()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        result.errors.append(RowError(1, "the file is empty"))
        return result
    except csv.Error as exc:
        result.errors.append(RowError(1, "not a readable CSV file: {error}", {"error": exc}))
        return result
    columns = [_normalise_header(h) for h in header]
    unknown = [h for h, c in zip(header, columns, strict=True) if c not in KNOWN_COLUMNS]
    if unknown:
        result.errors.append(
            RowError(
                1,
                "unknown column(s): {unknown}; expected {expected}",
                {"unknown": ", ".join(unknown), "expected": ", ".join(KNOWN_COLUMNS)},
            )
        )
    for required in REQUIRED_COLUMNS:
        if required not in columns:
            result.errors.append(
                RowError(1, "missing required column “{required}”", {"required": required})
            )
    if len(set(columns)) != len(columns):
        result.errors.append(RowError(1, "a column appears twice"))
    if result.errors:
        return result

    taken = {n.strip().casefold() for n in existing_names}
    seen_in_file: dict[str, int] = {}
    row_count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append(
                RowError(reader.line_num, "not a readable CSV row: {error}", {"error": exc})
            )
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        row_count += 1
        if row_count > MAX_ROWS:
            result.errors.append(
                RowError(line, "more than {limit} rows; split the file", {"limit": MAX_ROWS})
            )
            break
        if len(row) != len(columns):
            result.errors.append(
                RowError(
                    line,
                    "has {got} fields, the header has {expected}",
                    {"got": len(row), "expected": len(columns)},
                )
            )
            continue
        values = {c: v.strip() for c, v in zip(columns, row, strict=True)}
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
    if row_count == 0 and not result.errors:
        result.errors.append(RowError(2, "the file has a header but no sites"))
    return result
