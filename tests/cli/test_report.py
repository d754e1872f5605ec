"""`outreach-app report` run as a process, its files read back with openpyxl and pdftotext."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.statistics_data import SITE_A, SITE_B, build_file

ROOT = Path(__file__).resolve().parents[2]


def run_report(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    # No display and no platform chosen: the command must manage on its own.
    environment.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", "report", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "outreach.db"
    build_file(path)
    return path


def test_json_on_standard_output_holds_every_figure(database: Path) -> None:
    result = run_report("--month", "2026-11", "--format", "json", "--db", str(database))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    kpis = {k["measure"]: k for k in data["kpis"]}
    assert (kpis["received"]["value"], kpis["received"]["change_previous"]) == (4, 100.0)
    assert kpis["received"]["change_year_on_year"] == 33.33
    assert (kpis["claim_rate"]["value"], kpis["claim_rate"]["change_year_on_year"]) == (
        75.0,
        41.67,
    )
    assert kpis["claim_rate"]["change_unit"] == "points"
    assert kpis["responded"]["change_previous"] is None
    sites = {g["label"]: g for g in data["breakdowns"]["site"]}
    assert set(sites) == {SITE_A, SITE_B}  # Chinese names come back whole
    assert sites[SITE_B]["state_at_end"] == {"open": 1, "claimed": 0, "responded": 0, "solved": 1}
    assert [t["month"] for t in data["trend"]][::12] == ["2025-11", "2026-11"]
    assert data["compared_with"]["year_earlier"]["label"] == "2025-11"


def test_the_month_not_over_is_reported_so_far(database: Path) -> None:
    today = date.today()
    month = f"{today.year}-{today.month:02d}"
    result = run_report("--month", month, "--format", "json", "--db", str(database))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counted_to"] == today.isoformat()
    assert all(k["change_previous"] is None for k in data["kpis"])
    assert all(k["change_year_on_year"] is None for k in data["kpis"])
    finished = run_report("--month", "2026-11", "--format", "json", "--db", str(database))
    assert json.loads(finished.stdout)["counted_to"] is None


def test_a_range_in_chinese(database: Path, tmp_path: Path) -> None:
    output = tmp_path / "range.json"
    result = run_report(
        "--month",
        "2026-10",
        "--to",
        "2026-11",
        "--format",
        "json",
        "--db",
        str(database),
        "--output",
        str(output),
        "--language",
        "zh_CN",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["period"]["months"] == 2
    assert data["kpis"][0]["value"] == 6
    assert data["compared_with"]["previous"]["label"] == "2026-08 – 2026-09"
    kinds = {g["key"]: g["label"] for g in data["breakdowns"]["session_kind"]}
    assert kinds["policy_briefing"] == "政策宣讲"


def test_xlsx_read_back_with_openpyxl(database: Path, tmp_path: Path) -> None:
    result = run_report(
        "--month", "2026-11", "--format", "xlsx", "--db", str(database), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / "outreach-statistics-2026-11.xlsx"
    assert str(path) in result.stdout
    workbook = openpyxl.load_workbook(path)
    assert len(workbook.sheetnames) == 7  # and the year to date
    key = workbook.worksheets[0]
    rows = {row[0].value: row for row in key.iter_rows(min_row=7, max_row=14)}
    assert rows["Received"][1].value == 4 and isinstance(rows["Received"][1].value, int)
    assert rows["Received"][3].value == 1.0  # +100.00%
    assert rows["Received"][3].number_format == "+0.00%;-0.00%;0.00%"
    assert rows["Solve rate"][1].value == 0.5 and rows["Solve rate"][1].number_format == "0.00%"
    assert rows["Claim rate"][5].value == 41.67  # percentage points
    assert "pp" in rows["Claim rate"][5].number_format
    sites = workbook.worksheets[3]
    names = [sites.cell(row=r, column=1).value for r in range(7, 10)]
    assert set(names) == {SITE_A, SITE_B, "Total"}
    trend = workbook.worksheets[5]
    assert [trend.cell(row=r, column=2).value for r in (7, 18, 19)] == [3, 2, 4]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_without_a_display_and_its_chinese_text(database: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.pdf"
    result = run_report(
        "--month",
        "2026-11",
        "--format",
        "pdf",
        "--db",
        str(database),
        "-o",
        str(output),
        "--language",
        "zh_CN",
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(output), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2026年11月" in text and "2025年11月" in text
    assert SITE_A in text and SITE_B in text and "民生保障" in text
    assert "41.67" in text and "66.67%" in text
    pages = subprocess.run(
        ["pdfinfo", str(output)], capture_output=True, text=True, check=True
    ).stdout
    assert "Pages:" in pages


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13", "--format", "json"], "is not a month"),
        (["--month", "2026-11", "--to", "2026-10", "--format", "json"], "is before --month"),
        (["--month", "2026-11", "--format", "docx"], "invalid choice: 'docx'"),
        (["--format", "json"], "--month"),
        (["--month", "2026-11", "--format", "pdf", "-o", "-"], "cannot go to standard output"),
        (["--month", "2000-01", "--to", "2026-11", "--format", "json"], "at most 120 months"),
    ],
)
def test_bad_arguments_are_refused_clearly(database: Path, args: list[str], message: str) -> None:
    result = run_report(*args, "--db", str(database))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_database_is_named_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    result = run_report("--month", "2026-11", "--format", "json", "--db", str(missing))
    assert result.returncode == 2
    assert f"there is no database at {missing}" in result.stderr
    assert not missing.exists()


def test_an_output_in_a_missing_folder_is_refused(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "report.xlsx"
    result = run_report(
        "--month", "2026-11", "--format", "xlsx", "--db", str(database), "-o", str(target)
    )
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_a_file_that_is_not_a_database_fails_with_a_message(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    result = run_report("--month", "2026-11", "--format", "json", "--db", str(bogus))
    assert result.returncode == 1
    assert f"{bogus} is not a plain Outreach database" in result.stderr
    assert "OUTREACH_DB_KEY" in result.stderr
    assert "Traceback" not in result.stderr
