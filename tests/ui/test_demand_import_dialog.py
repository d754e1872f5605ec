"""Importing a message board export: every bad line listed, or a preview, then all of it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from outreach_app.core.demand_import import parse_demands
from outreach_app.core.model import Session, SessionKind, SessionSite, Site
from outreach_app.core.topics import Topic
from outreach_app.ui.context import UiContext
from outreach_app.ui.demands.dialogs import DemandImportDialog
from outreach_app.ui.formatting import format_date
from outreach_app.ui.schedule.agenda_editor import AgendaEditor
from outreach_app.ui.schedule.presenter import SchedulePresenter
from tests.ui.conftest import Repo, table_item, tree_item, until

NOW = datetime(2026, 11, 23, 10, 0)

GOOD_CSV = (
    "日期,地区,栏目,诉求,类别\n"
    "2026-11-03,红旗村村委会,问政,三组水压不足，早晚用水困难,基础设施\n"
    "2026/11/05,朝阳区,百姓呼声,夜间停车位不够,\n"
    "2026-11-05,朝阳区,百姓呼声,夜间停车位不够,\n"
)
BAD_CSV = (
    "date,site,channel,text\n"
    "2026-11-03,红旗村村委会,Ask Politics,fine\n"  # 2 fine
    "2026-11-31,红旗村村委会,Ask Politics,x\n"  # 3 no such day
    "2026-11-04,上海,Ask Politics,x\n"  # 4 no such site
    "2026-11-04,红旗村村委会,Ask Politics,\n"  # 5 no text
)


@pytest.fixture
def english(use_language: Callable[[str], QLocale]) -> None:
    use_language("en")


@pytest.fixture
def sites(repo: Repo) -> None:
    repo(lambda r: r.sites.save_site(Site("红旗村村委会", region="甘肃省定西市安定区")))
    repo(lambda r: r.sites.save_site(Site("望京街道社区服务中心", region="北京市朝阳区")))


def open_dialog(context: UiContext, qtbot: QtBot) -> DemandImportDialog:
    dialog = DemandImportDialog(context.store, context.bus, lambda: NOW, context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog: DemandImportDialog, index: int) -> list[str]:
    return [table_item(dialog.table, r, index).text() for r in range(dialog.table.rowCount())]


async def load(dialog: DemandImportDialog, path: Path) -> None:
    dialog.load_file(path)
    await until(lambda: not dialog.presenter.is_busy and dialog.summary.text() != "Reading…")


def english_plurals(text: str) -> str:
    """ "2 demand(s)" as the English translation's plural forms write it ("2 demands"), whether
    or not the compiled translation has this string yet."""
    return re.sub(
        r"\b(\d+) (\w+)\(s\)", lambda m: f"{m[1]} {m[2]}{'' if m[1] == '1' else 's'}", text
    )


def summary(dialog: DemandImportDialog) -> str:
    return english_plurals(dialog.summary.text())


def count(repo: Repo, table: str) -> int:
    row = repo(lambda r: r.connection.one(f"SELECT count(*) AS n FROM {table}"))
    assert row is not None
    return int(row["n"])


async def test_every_bad_line_is_listed_and_nothing_can_be_imported(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: None, tmp_path: Path, english: None
) -> None:
    path = tmp_path / "board.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert column(dialog, 0) == ["3", "4", "5"]
    problems = column(dialog, 1)
    assert "“2026-11-31” is not a valid date" in problems[0]
    assert "no site is called “上海”" in problems[1]
    assert "no text" in problems[2]
    assert "3 lines must be fixed" in summary(dialog)
    assert not dialog.import_button.isEnabled()
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: not dialog.presenter.is_busy)
    assert count(repo, "demands") == 0


async def test_a_good_file_is_previewed_imported_and_not_imported_twice(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: None, tmp_path: Path, english: None
) -> None:
    path = tmp_path / "board.csv"
    path.write_bytes(GOOD_CSV.encode("gb18030"))
    announced: list[Topic] = []
    context.bus.changed.connect(announced.append)
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert column(dialog, 0) == ["2", "3", "4"]
    assert column(dialog, 2) == ["红旗村村委会"] + ["望京街道社区服务中心 (朝阳区)"] * 2
    assert column(dialog, 6) == ["new", "new", "skip: same as line 3"]
    assert "2 demands ready to import" in summary(dialog)
    assert "1 demand already imported or repeated" in summary(dialog)
    assert dialog.import_button.isEnabled()

    imported: list[str] = []
    dialog.imported.connect(imported.append)
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: bool(imported))
    assert [english_plurals(text) for text in imported] == [
        "2 demands imported. 1 skipped: imported before or repeated in the file."
    ]
    assert Topic.FOLLOW_UPS in announced
    assert count(repo, "demands") == 2
    channels = repo(
        lambda r: r.connection.rows("SELECT channel, source FROM demands ORDER BY line")
    )
    assert channels == [
        {"channel": "问政", "source": "board.csv"},
        {"channel": "百姓呼声", "source": "board.csv"},
    ]

    again = open_dialog(context, qtbot)
    await load(again, path)
    assert column(again, 6) == ["skip: imported before"] * 2 + ["skip: same as line 3"]
    assert again.summary.text() == "Every demand in this file has been imported already."
    assert not again.import_button.isEnabled()


async def test_json_export_is_read_like_csv(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: None, tmp_path: Path, english: None
) -> None:
    path = tmp_path / "board.json"
    path.write_text(
        json.dumps(
            [{"date": "2026-11-10", "area": "安定区", "channel": "消费维权", "text": "预付卡退费"}],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert column(dialog, 3) == ["消费维权"]
    assert dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04\x00\x00\x00zip", "board.csv is not a text file; save it as CSV or JSON"),
        (b"date,site\n\xff\xfe\xfa\x80\x81", "neither UTF-8 nor GB18030"),
        (None, "cannot open board.csv"),
    ],
)
async def test_unreadable_files_are_explained(
    context: UiContext,
    qtbot: QtBot,
    sites: None,
    tmp_path: Path,
    english: None,
    content: bytes | None,
    expected: str,
) -> None:
    path = tmp_path / "board.csv"
    if content is not None:
        path.write_bytes(content)
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert expected in dialog.summary.text()
    assert dialog.table.rowCount() == 0
    assert not dialog.import_button.isEnabled()


async def test_the_template_is_a_file_the_import_accepts(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: None, tmp_path: Path, english: None
) -> None:
    template = tmp_path / "demands.csv"
    dialog = open_dialog(context, qtbot)
    dialog.save_template(template)
    assert "Template saved" in dialog.summary.text()
    site_list = repo(lambda r: r.sites.list_sites())
    result = parse_demands(
        template.read_bytes(), file_name="demands.csv", sites=site_list, today=NOW.date()
    )
    assert result.ok and len(result.demands) == 2


async def test_imported_demands_show_in_the_sites_briefing(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: None, tmp_path: Path, english: None
) -> None:
    path = tmp_path / "board.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: count(repo, "demands") == 2)

    village = next(s.id for s in repo(lambda r: r.sites.list_sites()) if s.name == "红旗村村委会")
    assert village is not None
    session_id = repo(
        lambda r: r.sessions.save_session(
            Session(
                "节前视频连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                datetime(2026, 11, 24, 9, 0),
                60,
                sites=[SessionSite(village, 0, 30)],
            )
        )
    )
    presenter = SchedulePresenter(context.store, context.bus)
    editor = AgendaEditor(presenter, lambda: NOW)
    presenter.setParent(editor)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_session(repo(lambda r: r.sessions.get_session(session_id)))
    await until(lambda: editor.bundle is not None)
    listed = editor.follow_ups
    assert listed.topLevelItemCount() == 1
    row = tree_item(listed, 0)
    assert row.text(0) == "[问政] 三组水压不足，早晚用水困难"
    received = format_date(date(2026, 11, 3))
    assert row.toolTip(0) == (
        f"A resident's demand, received on {received} through 问政 (红旗村村委会)\n"
        "三组水压不足，早晚用水困难"
    )
    assert row.text(3) == "Open"


BOARD_HEADER = (
    "留言编号,留言日期,地区,栏目,留言内容,办理状态,认领时间,认领人,回复时间,回复内容,办结时间\n"
)


async def test_a_later_board_export_updates_by_id_and_lists_what_disagrees(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: None, tmp_path: Path, english: None
) -> None:
    first = tmp_path / "october.csv"
    first.write_text(
        BOARD_HEADER
        + "A-1,2026-10-03,红旗村村委会,问政,三组水压不足,已认领,2026-10-04 09:30,张书记,,,\n"
        + "A-2,2026-10-05,红旗村村委会,百姓呼声,路灯坏了,待认领,,,,,\n",
        encoding="utf-8",
    )
    dialog = open_dialog(context, qtbot)
    await load(dialog, first)
    assert column(dialog, 6) == ["new: Claimed", "new"]
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: count(repo, "demands") == 2)
    row = repo(lambda r: r.connection.one("SELECT follow_up_id FROM demands WHERE board_id='A-2'"))
    assert row is not None
    a2 = int(row["follow_up_id"])
    repo(lambda r: r.follow_ups.claim_follow_up(a2, "王站长", owner="村委会"))

    later = tmp_path / "november.csv"
    later.write_text(
        BOARD_HEADER
        + "A-1,2026-10-03,红旗村村委会,问政,三组水压不足,已办结,2026-10-04 09:30,张书记,"
        + "2026-11-05 11:00,已换泵,2026-11-20 15:00\n"
        + "A-2,2026-10-05,红旗村村委会,百姓呼声,路灯坏了,已认领,2026-11-21 08:00,刘书记,,,\n",
        encoding="utf-8",
    )
    again = open_dialog(context, qtbot)
    await load(again, later)
    assert column(again, 6) == ["update: Responded, Solved, response", "skip: imported before"]
    assert column(again, 7) == ["", "claimed by: the board says “刘书记”, here “王站长”"]
    assert "1 demand to update with the board's progress" in summary(again)
    assert "1 disagreement between the board and the work done here" in summary(again)
    QTest.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: "updated" in again.summary.text())
    # The list stays open to be read; nothing more can be imported from it.
    assert again.isVisible() and not again.import_button.isEnabled()
    assert "1 disagreement" in summary(again) and "nothing done here was overwritten" in summary(
        again
    )
    steps = repo(lambda r: [s.status.value for s in r.follow_ups.follow_up_steps(a2)])
    assert steps == ["open", "claimed"]
