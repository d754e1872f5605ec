"""Full-text search over every note (questions, answers, agenda items, follow-ups), Chinese and
English, with the reviewers' filters."""

from __future__ import annotations

from typing import Any

from outreach_app.core.model import SearchFilters, SearchHit
from outreach_app.core.text_search import SearchPlan, matches_all_terms, plan_search
from outreach_app.storage.base import Aggregate, Row, parse_timestamp, read
from outreach_app.storage.errors import StoreError
from outreach_app.storage.filters import NO_FILTERS, Clause, filter_clauses, joined, period_clauses
from outreach_app.storage.sqlite_driver import OPERATIONAL_ERRORS

# Below this many notes left by the filters, a search reads them and matches in Python.
NARROW_FILTER_MAX_NOTES = 2000
_HIT_COLUMNS = (
    "SELECT d.id, d.kind, d.ref_id, d.session_id, coalesce(s.title, '') AS session_title,"
    " d.site_id, coalesce(st.name, '') AS site_name, d.category, d.at, d.body"
)
# The notes the filters leave, read from the notes' side (by site or category through their
# indexes) or, when a period is given, from the sessions of the period: CROSS JOIN keeps SQLite
# from walking a site's whole history instead, so the cost follows the period, not the corpus.
_NOTES_FIRST = (
    " FROM search_docs d LEFT JOIN sessions s ON s.id = d.session_id"
    " LEFT JOIN sites st ON st.id = d.site_id"
)
_SESSIONS_FIRST = (
    " FROM sessions s CROSS JOIN search_docs d ON d.session_id = s.id"
    " LEFT JOIN sites st ON st.id = d.site_id"
)


def _hit_from_row(r: Row) -> SearchHit:
    return SearchHit(
        doc_kind=r["kind"],
        ref_id=r["ref_id"],
        session_id=r["session_id"],
        session_title=r["session_title"],
        site_id=r["site_id"],
        site_name=r["site_name"],
        category=r["category"],
        at=parse_timestamp(r["at"]),
        body=r["body"],
    )


class SearchStore(Aggregate):
    aggregate = "search"

    @read
    def search(
        self, query: str, filters: SearchFilters = NO_FILTERS, *, limit: int = 100
    ) -> list[SearchHit]:
        """Newest matches first.

        Unfiltered, or when the filters leave many notes, the FTS index drives: ordering by rowid
        lets FTS5 stop after `limit` matches. When the filters leave few notes (one day, a rare
        category), walking a frequent term's whole match list would be slow, so those few notes
        are read and matched here instead.
        """
        plan = plan_search(query)
        if plan.is_empty:
            return []
        clauses = filter_clauses(filters, "s", "d.site_id", "d.category", now=self._now())
        try:
            if clauses:
                sessions_first = bool(period_clauses(filters, "s"))
                narrow = self._search_within_filters(query, clauses, sessions_first, limit)
                if narrow is not None:
                    return narrow
            rows = self._search_by_index(plan, clauses, self._period_id_range(filters), limit)
        except OPERATIONAL_ERRORS as exc:
            raise StoreError(
                "cannot search for “{query}”: {error}", query=query, error=exc
            ) from exc
        return [_hit_from_row(r) for r in rows]

    def _period_id_range(self, filters: SearchFilters) -> tuple[int, int] | None:
        """The lowest and highest note ids in the period. Notes are written in time order, so
        bounding the index scan by them skips the years outside the period."""
        clauses = period_clauses(filters, "s")
        if not clauses:
            return None
        conditions, params = joined(clauses)
        # Two index seeks per session rather than a walk over every note in the period.
        row = self._one(
            "SELECT min((SELECT min(d.id) FROM search_docs d WHERE d.session_id = s.id)) AS low,"
            " max((SELECT max(d.id) FROM search_docs d WHERE d.session_id = s.id)) AS high"
            f" FROM sessions s WHERE {conditions}",
            params,
        )
        if row is None or row["low"] is None:
            return (0, -1)  # nothing in the period: an empty range
        return int(row["low"]), int(row["high"])

    def _search_by_index(
        self,
        plan: SearchPlan,
        clauses: list[Clause],
        id_range: tuple[int, int] | None,
        limit: int,
    ) -> list[Row]:
        sources = [
            (table, match)
            for table, match in (
                ("search_trigram", plan.trigram_match),
                ("search_unigram", plan.unigram_match),
            )
            if match is not None
        ]
        driver_table, driver_match = sources[0]
        where = [f"{driver_table} MATCH ?"]
        params: list[Any] = [driver_match]
        for table, match in sources[1:]:
            where.append(f"d.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
            params.append(match)
        if id_range is not None:
            where.append("m.rowid BETWEEN ? AND ?")
            params.extend(id_range)
        for clause, clause_params in clauses:
            where.append(clause)
            params.extend(clause_params)
        return self._rows(
            f"{_HIT_COLUMNS} FROM {driver_table} m JOIN search_docs d ON d.id = m.rowid"
            " LEFT JOIN sessions s ON s.id = d.session_id"
            " LEFT JOIN sites st ON st.id = d.site_id"
            f" WHERE {' AND '.join(where)} ORDER BY m.rowid DESC LIMIT ?",
            [*params, limit],
        )

    def _search_within_filters(
        self, query: str, clauses: list[Clause], sessions_first: bool, limit: int
    ) -> list[SearchHit] | None:
        """Match the notes the filters leave, if they are few; None when they are too many."""
        where, params = joined(clauses)
        joins = _SESSIONS_FIRST if sessions_first else _NOTES_FIRST
        counted = self._one(
            f"SELECT count(*) AS n FROM (SELECT 1{joins} WHERE {where} LIMIT ?)",
            [*params, NARROW_FILTER_MAX_NOTES + 1],
        )
        if counted is None or counted["n"] > NARROW_FILTER_MAX_NOTES:
            return None
        hits: list[SearchHit] = []
        for row in self._rows(f"{_HIT_COLUMNS}{joins} WHERE {where} ORDER BY d.id DESC", params):
            if matches_all_terms(row["body"], query):
                hits.append(_hit_from_row(row))
                if len(hits) == limit:
                    break
        return hits
