"""Two years of a message board: several thousand demands in two exports (the second bringing
the first's messages further), imported with `outreach-app import-demands`, then the report's
figures checked against figures this test counts from the export file itself, with the csv
module and the definitions in the README, not with the app's code."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from outreach_app.core.model import Site
from outreach_app.storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 4200
SITES = {
    "红旗村村委会": "甘肃省定西市安定区",
    "东风村村委会": "甘肃省定西市安定区",
    "望京街道社区服务中心": "北京市朝阳区",
    "酒仙桥社区": "北京市朝阳区",
    "克拉2气田中控室": "新疆阿克苏地区拜城县",
    "油田调度室": "",
}
CHANNELS = ("百姓呼声", "问政", "消费维权")
CATEGORIES = ("基础设施", "民生保障", "生态环境", "交通出行", "")
LEADERS = ("张书记", "李市长", "王区长", "赵局长", "刘主任", "陈书记", "杨县长", "黄局长")
HEADER = (
    "留言编号",
    "留言日期",
    "地区",
    "栏目",
    "留言内容",
    "类别",
    "办理状态",
    "认领时间",
    "认领人",
    "回复时间",
    "回复内容",
    "办结时间",
)
STATUS_WORD = {0: "待认领", 1: "已认领", 2: "已回复", 3: "已办结"}
FIRST_EXPORT_CUTOFF = datetime(2024, 6, 30, 23, 59)


@dataclass(frozen=True)
class Message:
    message_id: str
    received: date
    site: str
    channel: str
    category: str
    text: str
    claimed_at: datetime | None
    claimant: str
    responded_at: datetime | None
    solved_at: datetime | None


def _board(seed: int = 20240901) -> list[Message]:
    rng = random.Random(seed)
    first_day = date(2023, 1, 1)

    def later(start: datetime, days: int) -> datetime:
        return start + timedelta(days=rng.randint(0, days), minutes=rng.randint(1, 600))

    messages = []
    for n in range(MESSAGES):
        received = first_day + timedelta(days=rng.randint(0, 730))
        start = datetime.combine(received, datetime.min.time()) + timedelta(hours=8)
        outcome = rng.random()
        claimed = responded = solved = None
        if outcome >= 0.15:
            if outcome < 0.35 or rng.random() < 0.88:
                claimed = later(start, 4)
            if outcome >= 0.35 and (outcome < 0.6 or rng.random() < 0.7):
                responded = later(claimed or start, 15)
            if outcome >= 0.6:
                solved = later(responded or claimed or start, 30)
        messages.append(
            Message(
                message_id=f"LY-{n:05d}",
                received=received,
                site=rng.choice(list(SITES)),
                channel=rng.choice(CHANNELS),
                category=rng.choice(CATEGORIES),
                text=f"第{n}号留言：{rng.choice(['路灯', '供水', '供暖', '道路', '噪音'])}问题",
                claimed_at=claimed,
                claimant=rng.choice(LEADERS) if claimed else "",
                responded_at=responded,
                solved_at=solved,
            )
        )
    return messages


def _as_of(message: Message, cutoff: datetime) -> Message | None:
    """The message as the board showed it at `cutoff`; None if not posted yet."""
    if datetime.combine(message.received, datetime.min.time()) > cutoff:
        return None

    def seen(moment: datetime | None) -> datetime | None:
        return moment if moment is not None and moment <= cutoff else None

    claimed = seen(message.claimed_at)
    return Message(
        message.message_id,
        message.received,
        message.site,
        message.channel,
        message.category,
        message.text,
        claimed,
        message.claimant if claimed else "",
        seen(message.responded_at),
        seen(message.solved_at),
    )


def _stamp(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _export(messages: Iterable[Message], rng: random.Random) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for m in messages:
        times = (m.claimed_at, m.responded_at, m.solved_at)
        reached = max((i + 1 for i, t in enumerate(times) if t is not None), default=0)
        # Some boards leave the status out when the times say it.
        status = "" if reached and rng.random() < 0.1 else STATUS_WORD[reached]
        writer.writerow(
            (
                m.message_id,
                m.received.isoformat(),
                m.site,
                m.channel,
                m.text,
                m.category,
                status,
                _stamp(m.claimed_at),
                m.claimant,
                _stamp(m.responded_at),
                "已转相关部门办理" if m.responded_at else "",
                _stamp(m.solved_at),
            )
        )
    return buffer.getvalue()


# ---------------------------------------------------------------- counted from the file itself
@dataclass(frozen=True)
class Row:
    received: date
    site: str
    channel: str
    claimed: datetime | None
    claimant: str
    responded: datetime | None
    solved: datetime | None

    @property
    def first_progress(self) -> datetime | None:
        """When it left open: a claim, or an answer or solution with no claim before it."""
        times = [t for t in (self.claimed, self.responded, self.solved) if t is not None]
        return min(times, default=None)


def _read_file(text: str) -> list[Row]:
    def moment(value: str) -> datetime | None:
        return datetime.strptime(value, "%Y-%m-%d %H:%M") if value else None

    return [
        Row(
            received=date.fromisoformat(r["留言日期"]),
            site=r["地区"],
            channel=r["栏目"],
            claimed=moment(r["认领时间"]),
            claimant=r["认领人"],
            responded=moment(r["回复时间"]),
            solved=moment(r["办结时间"]),
        )
        for r in csv.DictReader(io.StringIO(text))
    ]


def _within(moment: datetime | date | None, start: date, end: date) -> bool:
    if moment is None:
        return False
    day = moment.date() if isinstance(moment, datetime) else moment
    return start <= day < end


def _percent(part: int, whole: int) -> float | None:
    if not whole:
        return None
    exact = Decimal(part * 100) / Decimal(whole)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _change(now: int, before: int) -> float | None:
    return _percent(now - before, before)


def _counts(rows: list[Row], start: date, end: date) -> dict[str, Any]:
    received = [r for r in rows if _within(r.received, start, end)]
    moved = [r for r in rows if _within(r.first_progress, start, end)]
    after = datetime.combine(end, datetime.min.time())

    def before_end(moment: datetime | None) -> bool:
        return moment is not None and moment < after

    solved = sum(_within(r.solved, start, end) for r in rows)
    units = {SITES[name] or name for name in SITES}
    claiming_units = {SITES[r.site] or r.site for r in moved}
    return {
        "received": len(received),
        "claimed": len(moved),
        "responded": sum(_within(r.responded, start, end) for r in rows),
        "solved": solved,
        "responded_or_solved": sum(
            _within(r.responded, start, end) or _within(r.solved, start, end) for r in rows
        ),
        "claim_rate": _percent(sum(before_end(r.first_progress) for r in received), len(received)),
        "solve_rate": _percent(sum(before_end(r.solved) for r in received), len(received)),
        "on_time_rate": 100.0 if solved else None,  # the board gives no due dates
        "claimants": len({r.claimant for r in rows if _within(r.claimed, start, end)}),
        "units": len(units),
        "units_claiming": len(claiming_units),
        "by_channel": {
            channel: (
                sum(r.channel == channel for r in received),
                sum(
                    r.channel == channel
                    and (_within(r.responded, start, end) or _within(r.solved, start, end))
                    for r in rows
                ),
            )
            for channel in CHANNELS
        },
    }


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_two_years_of_a_board_imported_and_counted_as_the_file_says(tmp_path: Path) -> None:
    database = tmp_path / "outreach.db"
    repo = Repository.open(database)
    for name, region in SITES.items():
        repo.sites.save_site(Site(name, region=region))
    repo.close()
    board = _board()
    rng = random.Random(7)
    first_text = _export(
        (m for m in (_as_of(m, FIRST_EXPORT_CUTOFF) for m in board) if m is not None), rng
    )
    final_text = _export(board, rng)
    first, final = tmp_path / "board-2024-06.csv", tmp_path / "board-2024-12.csv"
    first.write_text(first_text, encoding="utf-8")
    final.write_text(final_text, encoding="utf-8")

    result = _run("import-demands", str(first), "--db", str(database))
    assert result.returncode == 0, result.stderr
    posted_first = sum(1 for m in board if m.received <= FIRST_EXPORT_CUTOFF.date())
    assert f"imported {posted_first} new, 0 updated" in result.stdout
    result = _run("import-demands", str(final), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert f"imported {MESSAGES - posted_first} new" in result.stdout
    assert "disagreement" not in result.stdout  # nobody worked on them here

    report = _run("report", "--month", "2024-08", "--format", "json", "--db", str(database))
    assert report.returncode == 0, report.stderr
    data = json.loads(report.stdout)
    rows = _read_file(final_text)
    assert len(rows) == MESSAGES

    august = _counts(rows, date(2024, 8, 1), date(2024, 9, 1))
    kpis = {k["measure"]: k for k in data["kpis"]}
    for measure in (
        "received",
        "claimed",
        "responded",
        "solved",
        "responded_or_solved",
        "claim_rate",
        "solve_rate",
        "on_time_rate",
    ):
        assert kpis[measure]["value"] == august[measure], measure
    year_before = _counts(rows, date(2023, 8, 1), date(2023, 9, 1))
    assert kpis["received"]["year_earlier"] == year_before["received"]
    assert kpis["received"]["change_year_on_year"] == _change(
        august["received"], year_before["received"]
    )
    july = _counts(rows, date(2024, 7, 1), date(2024, 8, 1))
    assert kpis["responded_or_solved"]["previous"] == july["responded_or_solved"]
    claims = data["claims"]
    assert (claims["claimants"], claims["units"], claims["units_claiming"]) == (
        august["claimants"],
        august["units"],
        august["units_claiming"],
    )
    assert claims["unit_share"] == _percent(august["units_claiming"], august["units"])
    by_channel = {
        g["key"]: (g["received"], g["responded_or_solved"]) for g in data["breakdowns"]["channel"]
    }
    assert by_channel == august["by_channel"]

    # January to August, each demand once, against January to August a year earlier.
    to_date = _counts(rows, date(2024, 1, 1), date(2024, 9, 1))
    year_to_date = _counts(rows, date(2023, 1, 1), date(2023, 9, 1))
    cumulative = {k["measure"]: k for k in data["cumulative"]["kpis"]}
    for measure in ("received", "claimed", "responded_or_solved", "solved"):
        assert cumulative[measure]["value"] == to_date[measure], measure
        assert cumulative[measure]["year_earlier"] == year_to_date[measure], measure
        assert cumulative[measure]["change_year_on_year"] == _change(
            to_date[measure], year_to_date[measure]
        )
    assert data["cumulative"]["claims"]["claimants"] == to_date["claimants"]
    # The trend: what was received each month from August 2023 to August 2024.
    trend = {t["month"]: t["received"] for t in data["trend"]}
    for month, received in trend.items():
        year, number = (int(part) for part in month.split("-"))
        end = date(year + number // 12, number % 12 + 1, 1)
        assert received == sum(_within(r.received, date(year, number, 1), end) for r in rows)
