"""Facts about the database itself (what built it) and the configured categories of notes."""

from __future__ import annotations

from collections.abc import Sequence

from outreach_app.storage.base import Aggregate, read, write


class MetaStore(Aggregate):
    aggregate = "meta"

    @read
    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    @write
    def set_meta(self, key: str, value: str) -> None:
        self._execute(
            "INSERT INTO meta(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    @read
    def list_categories(self) -> list[str]:
        return [r["name"] for r in self._rows("SELECT name FROM categories ORDER BY position")]

    @write
    def set_categories(self, names: Sequence[str]) -> None:
        """Replace the categories by `names`, in that order, blanks and repeats left out."""
        self._execute("DELETE FROM categories")
        for position, name in enumerate(dict.fromkeys(n.strip() for n in names if n.strip())):
            self._execute("INSERT INTO categories(name, position) VALUES (?, ?)", (name, position))
