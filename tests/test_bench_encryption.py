"""`python -m tests.bench --part encryption` works end to end on a small database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import __main__ as bench
from tests.bench import storage_bench


def test_encryption_benchmark_prints_plain_and_encrypted_side_by_side(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(storage_bench, "CACHE_DIR", tmp_path)
    assert bench.main(["--part", "encryption", "--notes", "500", "--repeats", "2"]) == 0
    table = capsys.readouterr().out
    rows = {line.split("|")[1].strip(): line for line in table.splitlines() if line.startswith("|")}
    for name in (
        "open the database (key derivation)",
        "read one note by id",
        "search: median ratio over the queries",
        "save a note with its answer (200 times)",
    ):
        assert name in rows, table
    for query in storage_bench.QUERIES:
        assert "×" in rows[f"search {query}"] and "yes" in rows[f"search {query}"]
    # The encrypted copy is cached beside the plain database, and it is encrypted.
    encrypted = tmp_path / f"notes-500-v{storage_bench.GENERATOR_VERSION}-encrypted.db"
    assert encrypted.exists()
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    # Saving the notes left the cached databases as they were generated.
    from outreach_app.storage.repository import Repository

    repo = Repository.open(tmp_path / f"notes-500-v{storage_bench.GENERATOR_VERSION}.db")
    assert len(repo.search.search("基准测试问题")) == 0
    repo.close()
