"""Rows of the shared record as they travel between databases: named by uid, never by local id.

Each database numbers its rows itself; a row leaves as a dict of its columns without its local
integer id, every reference to another row given as that row's uid, and arrives by the same
rules in reverse. The tables are listed here, parents before children, so that a batch applied
in this order never meets a child before its parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from sqlite_utils import Database

WireValue = str | int | float | None
WireRow = dict[str, WireValue]


@dataclass(frozen=True)
class SharedTable:
    name: str
    # The INTEGER PRIMARY KEY that stays local to each database, if the table has one.
    local_id: str | None = "id"
    # Column -> table whose local id it holds.
    references: Mapping[str, str] = field(default_factory=dict)
    # Whether a row arriving from the record replaces a local row with the same natural key
    # (leaf rows: nothing refers to them). Elsewhere such a clash is an error for the caller.
    replaces_by_key: bool = False


SHARED_TABLES: Final[tuple[SharedTable, ...]] = (
    SharedTable("categories", local_id=None, replaces_by_key=True),
    SharedTable("sites"),
    SharedTable("sessions"),
    SharedTable(
        "session_sites",
        local_id=None,
        references={"session_id": "sessions", "site_id": "sites"},
        replaces_by_key=True,
    ),
    SharedTable("agenda_items", references={"session_id": "sessions", "site_id": "sites"}),
    SharedTable(
        "briefings",
        local_id=None,
        references={"session_id": "sessions", "site_id": "sites"},
        replaces_by_key=True,
    ),
    SharedTable(
        "questions",
        references={"session_id": "sessions", "site_id": "sites", "agenda_item_id": "agenda_items"},
    ),
    SharedTable("answers", references={"question_id": "questions"}, replaces_by_key=True),
    SharedTable(
        "follow_ups",
        references={"question_id": "questions", "session_id": "sessions", "site_id": "sites"},
    ),
    SharedTable("follow_up_steps", references={"follow_up_id": "follow_ups"}),
    SharedTable("demands", references={"follow_up_id": "follow_ups"}),
    SharedTable("reviews", references={"session_id": "sessions"}),
    SharedTable(
        "site_checks",
        local_id=None,
        references={"session_id": "sessions", "site_id": "sites"},
        replaces_by_key=True,
    ),
    SharedTable("site_notices", references={"session_id": "sessions", "site_id": "sites"}),
    SharedTable("audit_log", references={"session_id": "sessions"}),
    SharedTable("closed_months"),
)
TABLES_BY_NAME: Final = {table.name: table for table in SHARED_TABLES}
# Tables each database keeps to itself: derived indexes, recordings on this computer's disk,
# settings, and the bookkeeping of migrations, sync and the team server.
LOCAL_TABLES: Final = frozenset({"meta", "recordings", "search_docs"})
LOCAL_TABLE_PREFIXES: Final = ("search_", "sync_", "team_", "_")

# The audit trail names the row it is about by `entity` and `entity_id`.
AUDIT_ENTITY_TABLES: Final = {
    "site": "sites",
    "agenda": "sites",
    "briefing": "sites",
    "session": "sessions",
    "agenda_item": "agenda_items",
    "question": "questions",
    "answer": "answers",
    "follow_up": "follow_ups",
}


class MissingRowError(LookupError):
    """A row refers to a row this database does not have (yet)."""

    def __init__(self, table: str, uid: str) -> None:
        super().__init__(f"no row {uid} in {table}")
        self.table = table
        self.uid = uid


def is_local_table(name: str) -> bool:
    return name in LOCAL_TABLES or name.startswith(LOCAL_TABLE_PREFIXES)


def uid_of(db: Database, table: str, local_id: int | None) -> str | None:
    if local_id is None:
        return None
    row = db.execute(f"SELECT uid FROM {table} WHERE rowid = ?", (local_id,)).fetchone()
    return None if row is None else str(row[0])


def local_id_of(db: Database, table: str, uid: str | None) -> int | None:
    """The local id of `uid` in `table`; None for None. MissingRowError when there is none."""
    if uid is None:
        return None
    row = db.execute(f"SELECT rowid FROM {table} WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise MissingRowError(table, uid)
    return int(row[0])


def _columns(db: Database, table: str) -> list[str]:
    return [str(row[1]) for row in db.execute(f"PRAGMA table_info({table})").fetchall()]


def read_row(db: Database, table: str, uid: str) -> WireRow | None:
    """The row `uid` of `table` as it travels; None if this database has no such row."""
    spec = TABLES_BY_NAME[table]
    cursor = db.execute(f"SELECT * FROM {table} WHERE uid = ?", (uid,))
    values = cursor.fetchone()
    if values is None:
        return None
    names = [d[0] for d in cursor.description]
    row: WireRow = dict(zip(names, values, strict=True))
    return _outgoing(db, spec, row)


def _outgoing(db: Database, spec: SharedTable, row: WireRow) -> WireRow:
    if spec.local_id is not None:
        row.pop(spec.local_id, None)
    for column, parent in spec.references.items():
        row[column] = uid_of(db, parent, _as_int(row.get(column)))
    if spec.name == "audit_log":
        entity_table = AUDIT_ENTITY_TABLES.get(str(row.get("entity")))
        row["entity_id"] = (
            None if entity_table is None else uid_of(db, entity_table, _as_int(row["entity_id"]))
        )
    return row


def _incoming(db: Database, spec: SharedTable, row: Mapping[str, WireValue]) -> WireRow:
    local: WireRow = dict(row)
    for column, parent in spec.references.items():
        local[column] = local_id_of(db, parent, _as_str(local.get(column)))
    if spec.name == "audit_log":
        entity_table = AUDIT_ENTITY_TABLES.get(str(local.get("entity")))
        try:
            local["entity_id"] = (
                None
                if entity_table is None
                else local_id_of(db, entity_table, _as_str(local.get("entity_id")))
            )
        except MissingRowError:
            # The entry outlives what it is about (a deleted question): its text still tells.
            local["entity_id"] = None
    return local


def apply_row(db: Database, table: str, row: Mapping[str, WireValue]) -> None:
    """Make this database's row `row["uid"]` equal to `row`, inserting it if it is new.

    A different row holding the same natural key (two computers each made the briefing of one
    site, say) gives way: the record's row is the one that counts.
    """
    spec = TABLES_BY_NAME[table]
    local = _incoming(db, spec, row)
    known = set(_columns(db, table))
    unknown = set(local) - known
    if unknown:
        raise ValueError(f"{table} has no column {', '.join(sorted(unknown))}")
    uid = _as_str(local.get("uid"))
    if uid is None:
        raise ValueError(f"a row of {table} without uid")
    names = [name for name in local if name != "uid"]
    existing = db.execute(f"SELECT rowid FROM {table} WHERE uid = ?", (uid,)).fetchone()
    if existing is not None:
        if names:
            assignments = ", ".join(f"{name} = ?" for name in names)
            db.execute(
                f"UPDATE {table} SET {assignments} WHERE rowid = ?",
                [*(local[name] for name in names), existing[0]],
            )
        return
    if spec.replaces_by_key:
        _remove_holders_of_natural_keys(db, table, local)
    columns = ", ".join(["uid", *names])
    marks = ", ".join("?" for _ in range(len(names) + 1))
    db.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", [uid, *(local[n] for n in names)]
    )


def delete_row(db: Database, table: str, uid: str) -> None:
    db.execute(f"DELETE FROM {table} WHERE uid = ?", (uid,))


def _remove_holders_of_natural_keys(
    db: Database, table: str, local: Mapping[str, WireValue]
) -> None:
    for key in _unique_keys(db, table):
        if all(column in local for column in key):
            where = " AND ".join(f"{column} IS ?" for column in key)
            db.execute(f"DELETE FROM {table} WHERE {where}", [local[c] for c in key])


def _unique_keys(db: Database, table: str) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    for index in db.execute(f"PRAGMA index_list({table})").fetchall():
        name, unique = str(index[1]), bool(index[2])
        if not unique:
            continue
        columns = tuple(
            str(info[2]) for info in db.execute(f"PRAGMA index_info('{name}')").fetchall()
        )
        if columns and columns != ("uid",) and None not in columns:
            keys.append(columns)
    return keys


def read_rows(
    db: Database, keys: Iterable[tuple[str, str]]
) -> list[tuple[str, str, WireRow | None]]:
    return [(table, uid, read_row(db, table, uid)) for table, uid in keys]


def ordered(keys: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """`keys` (table, uid) with parents' tables first, keeping the order within a table."""
    rank = {table.name: position for position, table in enumerate(SHARED_TABLES)}
    return sorted(keys, key=lambda key: rank[key[0]])


def _as_int(value: WireValue) -> int | None:
    return value if isinstance(value, int) else None


def _as_str(value: WireValue) -> str | None:
    return value if isinstance(value, str) else None
