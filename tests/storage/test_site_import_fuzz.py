"""Fuzzing the site import from file bytes to the database: random CSV files in the
encodings offices use, with real and alias headers, quoting, line breaks, contacts and tags.

Whatever the file: decoding gives text or a clear error, parsing gives sites or row errors and
never raises, a file the parser accepts imports completely and reads back the same, and an
import the store refuses leaves the database exactly as it was (nothing half-written).
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from outreach_app.core.model import Site
from outreach_app.core.site_import import (
    HEADER_ALIASES,
    KNOWN_COLUMNS,
    decode_csv_bytes,
    parse_sites_csv,
)
from outreach_app.storage.repository import Repository, StoreError

EXISTING = ("已有站点", "Gas Field")

# Spellings of each column a file may use: its own name, an office alias, odd case and spaces.
_spellings: dict[str, list[str]] = {column: [column, column.upper()] for column in KNOWN_COLUMNS}
for alias, column in HEADER_ALIASES.items():
    _spellings[column].append(alias)
_spellings["connection_notes"].append(" Connection Notes ")

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Co")), max_size=12)
# Values that tend to break parsers, for any column.
awkward = st.sampled_from(
    [
        "",
        "  ",
        "a,b",
        '"quoted"',
        "two\nlines",
        "马秀兰：0932-1234567; 李四:12",
        ":13900000000",
        "gas field",
        "已有站点",
        "\u3000全角空格\u3000",
        "K",
        "k",
        "x" * 2100,
    ]
)
# Mostly plausible values per column, so that many files import and the round trip is tested.
plausible: dict[str, st.SearchStrategy[str]] = {
    "name": st.one_of(texts.filter(str.strip), st.sampled_from(["红旗村", "望京", "Gas  Field"])),
    "contacts": st.lists(
        st.tuples(
            st.sampled_from(["张德明", "马秀兰", "Li Wei", "王"]),
            st.sampled_from(["13909321234", "0932-1234567", "+86 10 6470 1234", ""]),
        ),
        max_size=3,
    ).map(lambda pairs: "; ".join(f"{name}:{phone}" if phone else name for name, phone in pairs)),
    "tags": st.lists(st.sampled_from(["乡村振兴", "马铃薯", "扶贫", "water"]), max_size=3).map(
        lambda tags: "、".join(tags)
    ),
}


def cell(column: str) -> st.SearchStrategy[str]:
    return st.one_of(plausible.get(column, texts), plausible.get(column, texts), texts, awkward)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    columns = draw(st.lists(st.sampled_from(KNOWN_COLUMNS), min_size=1, max_size=6, unique=True))
    if "name" not in columns and draw(st.integers(0, 9)):
        columns.insert(draw(st.integers(0, len(columns))), "name")
    header = [draw(st.sampled_from(_spellings[column])) for column in columns]
    if draw(st.integers(0, 9)) == 0:
        header.append(draw(st.sampled_from(["phone", "名称", "", "Name"])))  # unknown or twice
        columns.append("region")
    rows: list[list[str]] = []
    for _ in range(draw(st.integers(0, 8))):
        row = [draw(cell(column)) for column in columns]
        if draw(st.integers(0, 19)) == 0:
            row = row[:-1] if draw(st.booleans()) else [*row, "extra"]
        rows.append(row)
    buffer = io.StringIO()
    if draw(st.integers(0, 3)):
        writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
        writer.writerow(header)
        writer.writerows(rows)
    else:
        # Written by hand, as a careless export would: quotes and commas are not escaped.
        buffer.write("\n".join(",".join(row) for row in [header, *rows]))
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 19)) == 0 and data:
        # A damaged file: a few bytes overwritten.
        position = draw(st.integers(0, len(data) - 1))
        data = data[:position] + draw(st.binary(min_size=1, max_size=3)) + data[position + 1 :]
    return data


def snapshot(repo: Repository) -> list[tuple[object, ...]]:
    return [
        (site.id, site.name, site.region, site.address, repr(site.contacts), site.tags)
        for site in repo.sites.list_sites(include_archived=True)
    ]


def same_site(stored: Site, parsed: Site) -> bool:
    return (
        stored.name,
        stored.region,
        stored.address,
        stored.contacts,
        stored.connection_notes,
        stored.tags,
    ) == (
        parsed.name,
        parsed.region,
        parsed.address,
        parsed.contacts,
        parsed.connection_notes,
        parsed.tags,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files())
def test_any_file_imports_completely_or_not_at_all(data: bytes) -> None:
    try:
        text = decode_csv_bytes(data)
    except ValueError as undecodable:
        event("not decodable")
        assert "UTF-8" in str(undecodable)
        return
    result = parse_sites_csv(text, EXISTING)
    assert result.ok == (not result.errors)
    for error in result.errors:
        assert error.line >= 1 and error.reason
    event("parsed, importable" if result.ok else result.errors[0].template)

    with tempfile.TemporaryDirectory() as folder:
        repo = Repository.open(Path(folder) / "outreach.db")
        try:
            for name in EXISTING:
                repo.sites.save_site(Site(name))
            before = snapshot(repo)
            if result.ok:
                event(f"imported {min(len(result.sites), 3)}+ sites")
                ids = repo.sites.import_sites(result.sites)
                assert len(ids) == len(result.sites)
                for site_id, parsed in zip(ids, result.sites, strict=True):
                    assert same_site(repo.sites.get_site(site_id), parsed)
                assert len(snapshot(repo)) == len(before) + len(result.sites)
            elif result.sites:
                # The rows that parsed, imported anyway (the UI never does): the store takes
                # them all or, refusing one, none.
                try:
                    repo.sites.import_sites(result.sites)
                except StoreError:
                    event("the store refused a partial import")
                    assert snapshot(repo) == before
                else:
                    assert len(snapshot(repo)) == len(before) + len(result.sites)
        finally:
            repo.close()
