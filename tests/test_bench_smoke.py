"""The benchmark command works end to end on a small database (timings are not asserted here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import __main__ as bench
from tests.bench import storage_bench


def test_benchmark_prints_every_measurement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(storage_bench, "CACHE_DIR", tmp_path)
    bench.main(["--part", "storage", "--notes", "500", "--repeats", "2", "--skip-memory"])
    table = capsys.readouterr().out
    for query in storage_bench.QUERIES:
        assert f"search {query}" in table
    for name in storage_bench.FILTERED_QUERIES:
        assert f"search filtered: {name}" in table
    assert "open review list (10 sessions)" in table
    assert "database size" in table
    # Every unfiltered query kind finds something in the generated notes.
    hits = [line for line in table.splitlines() if "hits / ratio" in line]
    assert len(hits) == len(storage_bench.QUERIES) + len(storage_bench.FILTERED_QUERIES)
    assert all(
        not line.split("|")[2].strip().startswith("0 /")
        for line in hits[: len(storage_bench.QUERIES)]
    )


def test_call_benchmark_prints_every_measurement(capsys: pytest.CaptureFixture[str]) -> None:
    bench.main(["--part", "calls", "--quick", "--hub-sites", "1", "--hub-seconds", "2"])
    table = capsys.readouterr().out
    for row in (
        "start call to first remote frame",
        "reference: frame latency, bare aiortc",
        "frame latency through the engine",
        "hub, 1 sites: floor fps / waiting fps",
        "cores: hub / sites process",
        "frames painted in the floor view",
        "hub memory / longest GUI stall",
    ):
        assert row in table, row
    assert "failed" not in table


def test_startup_benchmark_prints_its_rows(capsys: pytest.CaptureFixture[str]) -> None:
    bench.main(["--part", "startup", "--startup-runs", "1"])
    table = capsys.readouterr().out
    assert "reference: bare PySide6 window shown" in table
    assert "start to a usable main window" in table


@pytest.mark.slow
def test_large_session_benchmark_prints_janus_against_the_hub(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench.main(["--part", "sfu", "--quick", "--sfu-sites", "2,3", "--sfu-hub-sites", "2"])
    table = capsys.readouterr().out
    rows = {
        line.split("|")[1].strip(): line for line in table.splitlines() if line.startswith("| ")
    }
    assert {"2", "3"} <= rows.keys()
    # Both engines measured at 2 sites; the hub not asked for 3.
    assert rows["2"].count(" / ") >= 5 and "failed" not in rows["2"]
    assert " / —" in rows["3"]
    assert "Official's CPU on Janus, 3 sites against 2" in table
