"""The directory of sites."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from outreach_app.core.model import Contact, Session, Site
from outreach_app.core.rules import site_name
from outreach_app.storage.base import Aggregate, Row, StoreConnection, read, timestamp, write
from outreach_app.storage.errors import NotFoundError, SiteInUseError, StoreError
from outreach_app.storage.sessions import SessionStore
from outreach_app.storage.sqlite_driver import INTEGRITY_ERRORS


def _site_from_row(row: Row) -> Site:
    return Site(
        id=row["id"],
        name=row["name"],
        region=row["region"],
        address=row["address"],
        contacts=[Contact(**c) for c in json.loads(row["contacts"])],
        connection_notes=row["connection_notes"],
        tags=list(json.loads(row["tags"])),
        archived=bool(row["archived"]),
    )


class SiteStore(Aggregate):
    aggregate = "sites"

    def __init__(self, connection: StoreConnection, sessions: SessionStore) -> None:
        super().__init__(connection)
        self._sessions = sessions

    @read
    def list_sites(self, *, include_archived: bool = False) -> list[Site]:
        where = "" if include_archived else "WHERE archived = 0"
        rows = self._rows(f"SELECT * FROM sites {where} ORDER BY archived, region, name")
        return [_site_from_row(r) for r in rows]

    @read
    def get_site(self, site_id: int) -> Site:
        row = self._one("SELECT * FROM sites WHERE id = ?", (site_id,))
        if row is None:
            raise NotFoundError("site {id} does not exist", id=site_id)
        return _site_from_row(row)

    def _site_values(self, site: Site) -> dict[str, Any]:
        return {
            "name": site_name(site),
            "region": site.region.strip(),
            "address": site.address.strip(),
            "contacts": json.dumps(
                [{"name": c.name, "phone": c.phone, "position": c.position} for c in site.contacts],
                ensure_ascii=False,
            ),
            "connection_notes": site.connection_notes,
            "tags": json.dumps(site.tags, ensure_ascii=False),
            "archived": int(site.archived),
            "updated_at": timestamp(self._now()),
        }

    def _insert_site(self, site: Site) -> int:
        values = self._site_values(site)
        values["created_at"] = values["updated_at"]
        try:
            cursor = self._execute(
                f"INSERT INTO sites ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
        except INTEGRITY_ERRORS as exc:
            raise StoreError("a site named “{name}” already exists", name=values["name"]) from exc
        site_id = int(cursor.lastrowid or 0)
        self._audit("create", "site", site_id, detail=values["name"])
        return site_id

    @write
    def save_site(self, site: Site) -> int:
        if site.id is None:
            return self._insert_site(site)
        values = self._site_values(site)
        assignments = ", ".join(f"{k} = ?" for k in values)
        try:
            cursor = self._execute(
                f"UPDATE sites SET {assignments} WHERE id = ?", [*values.values(), site.id]
            )
        except INTEGRITY_ERRORS as exc:
            raise StoreError("a site named “{name}” already exists", name=values["name"]) from exc
        if cursor.rowcount == 0:
            raise NotFoundError("site {id} does not exist", id=site.id)
        self._audit("edit", "site", site.id, detail=values["name"])
        return site.id

    @write
    def import_sites(self, sites: Sequence[Site]) -> list[int]:
        """All or nothing: one bad site rolls the whole import back."""
        ids = [self._insert_site(s) for s in sites]
        self._audit("import", "site", None, detail=f"{len(ids)} sites")
        return ids

    @write
    def set_site_archived(self, site_id: int, archived: bool) -> None:
        cursor = self._execute(
            "UPDATE sites SET archived = ?, updated_at = ? WHERE id = ?",
            (int(archived), timestamp(self._now()), site_id),
        )
        if cursor.rowcount == 0:
            raise NotFoundError("site {id} does not exist", id=site_id)
        self._audit("archive" if archived else "restore", "site", site_id)

    @read
    def site_is_referenced(self, site_id: int) -> bool:
        row = self._one(
            "SELECT EXISTS(SELECT 1 FROM session_sites WHERE site_id = :id)"
            " OR EXISTS(SELECT 1 FROM questions WHERE site_id = :id)"
            " OR EXISTS(SELECT 1 FROM follow_ups WHERE site_id = :id) AS used",
            {"id": site_id},
        )
        return bool(row and row["used"])

    @write
    def delete_site(self, site_id: int) -> None:
        """Only a site nothing refers to may go; anything else is archived instead."""
        if self.site_is_referenced(site_id):
            raise SiteInUseError(
                "this site appears in sessions or notes; archive it instead of deleting it"
            )
        self._execute("DELETE FROM sites WHERE id = ?", (site_id,))
        self._audit("delete", "site", site_id)

    @read
    def site_history(self, site_id: int) -> list[Session]:
        ids = [
            r["session_id"]
            for r in self._rows(
                "SELECT ss.session_id FROM session_sites ss JOIN sessions s ON s.id = ss.session_id"
                " WHERE ss.site_id = ? ORDER BY s.start DESC",
                (site_id,),
            )
        ]
        return [self._sessions.get_session(i) for i in ids]
