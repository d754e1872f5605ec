from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.config import resources_dir
from outreach_app.core.model import Site
from outreach_app.core.site_import import (
    KNOWN_COLUMNS,
    SiteImportResult,
    decode_csv_bytes,
    parse_sites_csv,
)
from outreach_app.ui.context import UiContext
from outreach_app.ui.sites import presenter as sites_presenter
from outreach_app.ui.sites.dialogs import SiteImportDialog
from outreach_app.ui.sites.view import SitesView
from tests.ui.conftest import Repo, table_item, until

BAD_CSV = (
    "name,region,contacts\n"
    "红旗村,甘肃,张德明:13909321234\n"  # line 2 fine
    ",北京,\n"  # 3 no name
    "望京街道,北京,刘洋:not-a-phone\n"  # 4 bad phone
    "红旗村,甘肃,\n"  # 5 same as line 2
    "克拉2气田,新疆\n"  # 6 a field short
)
GOOD_CSV = (
    "name,region,address,contacts,connection_notes,tags\n"
    "红旗村村委会,甘肃省定西市,凤翔镇红旗村一组,张德明:13909321234,4G 路由器,乡村振兴\n"
    '望京街道,北京市朝阳区,阜通东大街 6 号,"刘洋:010-64701234; 王芳:13512345678",光纤,城市社区\n'
    "克拉2气田中控室,新疆阿克苏地区,,,卫星链路,能源保供、安全生产\n"
)


@pytest.fixture
def english(use_language: Callable[[str], QLocale]) -> None:
    """The English translation: it carries the plural forms ("3 sites", not "3 site(s)")."""
    use_language("en")


def open_dialog(context: UiContext, qtbot: QtBot) -> SiteImportDialog:
    dialog = SiteImportDialog(context.store, context.bus, context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog: SiteImportDialog, index: int) -> list[str]:
    return [table_item(dialog.table, r, index).text() for r in range(dialog.table.rowCount())]


async def load(dialog: SiteImportDialog, path: Path) -> None:
    dialog.load_file(path)
    await until(lambda: not dialog.presenter.is_busy)


async def test_bad_rows_are_all_listed_and_nothing_can_be_imported(
    context: UiContext, qtbot: QtBot, repo: Repo, tmp_path: Path, english: None
) -> None:
    path = tmp_path / "sites.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert column(dialog, 0) == ["3", "4", "5", "6"]
    problems = column(dialog, 1)
    assert "no name" in problems[0]
    assert "“not-a-phone” of 刘洋 is not valid" in problems[1]
    assert "also on line 2" in problems[2]
    assert "has 2 fields, the header has 3" in problems[3]
    assert "4 lines must be fixed" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: not dialog.presenter.is_busy)
    assert repo(lambda r: r.sites.list_sites()) == []


async def test_a_good_file_is_previewed_then_imported_whole(
    context: UiContext, qtbot: QtBot, repo: Repo, tmp_path: Path, english: None
) -> None:
    path = tmp_path / "sites.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    view = SitesView(context)
    qtbot.addWidget(view)
    view.show()
    dialog = view.open_import()
    await load(dialog, path)
    assert column(dialog, 0) == ["红旗村村委会", "望京街道", "克拉2气田中控室"]
    assert column(dialog, 3)[1] == "刘洋 010-64701234; 王芳 13512345678"
    assert "3 sites ready to import" in dialog.summary.text()
    assert dialog.import_button.isEnabled()

    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: view.model.rowCount() == 3)
    stored = {s.name: s for s in repo(lambda r: r.sites.list_sites())}
    assert set(stored) == {"红旗村村委会", "望京街道", "克拉2气田中控室"}
    assert stored["克拉2气田中控室"].tags == ["能源保供", "安全生产"]
    assert len(stored["望京街道"].contacts) == 2
    assert "3 sites imported" in view.messages.label.text()
    await until(lambda: not shiboken6.isValid(dialog))  # closed and freed


async def test_gb18030_file_with_chinese_headers_imports(
    context: UiContext, qtbot: QtBot, repo: Repo, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "名称,地区,联系人,标签\n"
        "红旗村,甘肃,张德明:13909321234,乡村振兴\n"
        "望京街道,北京,,城市社区\n".encode("gb18030")
    )
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert column(dialog, 0) == ["红旗村", "望京街道"]
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(repo(lambda r: r.sites.list_sites())) == 2)
    assert sorted(s.region for s in repo(lambda r: r.sites.list_sites())) == ["北京", "甘肃"]


async def test_a_site_added_meanwhile_makes_the_store_refuse_the_whole_import(
    context: UiContext, qtbot: QtBot, repo: Repo, tmp_path: Path
) -> None:
    path = tmp_path / "sites.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    repo(lambda r: r.sites.save_site(Site("克拉2气田中控室")))  # someone else was quicker
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: not dialog.presenter.is_busy)
    assert "already exists" in dialog.summary.text()
    assert [s.name for s in repo(lambda r: r.sites.list_sites())] == ["克拉2气田中控室"]
    assert dialog.isVisible()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "not a text file"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "not a text file"),  # .xlsx
        (b"\xff\xfe\xfd\xfc\x81\x30", "neither UTF-8 nor GB18030"),
        (b"", "the file is empty"),
        (b"name,region\n", "header but no sites"),
        ("会议纪要\n今天讨论了供暖问题\n".encode(), "unknown column(s): 会议纪要"),
    ],
    ids=["image", "spreadsheet", "not-text", "empty", "header-only", "not-csv"],
)
async def test_files_that_are_not_a_csv_of_sites_get_a_clear_message(
    context: UiContext, qtbot: QtBot, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    shown = dialog.summary.text() + " ".join(
        column(dialog, 1) if dialog.table.columnCount() == 2 else []
    )
    assert message in shown
    assert not dialog.import_button.isEnabled()


async def test_a_file_over_5_mb_is_refused_without_parsing(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("name\n" + "站点\n" * (5 * 1024 * 1024 // 7 + 10), encoding="utf-8")
    assert path.stat().st_size > 5 * 1024 * 1024
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert "huge.csv is larger than 5 MB" in dialog.summary.text()
    assert dialog.table.rowCount() == 0


async def test_a_missing_file_is_reported(context: UiContext, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(context, qtbot)
    await load(dialog, tmp_path / "gone.csv")
    assert "cannot open gone.csv" in dialog.summary.text()


async def test_check_again_reads_the_fixed_file(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "sites.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    dialog = open_dialog(context, qtbot)
    await load(dialog, path)
    assert not dialog.import_button.isEnabled()
    path.write_text(GOOD_CSV, encoding="utf-8")
    QTest.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    await until(lambda: dialog.import_button.isEnabled())
    assert dialog.table.rowCount() == 3


async def test_only_the_last_file_chosen_is_shown(
    context: UiContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow, quick = tmp_path / "slow.csv", tmp_path / "quick.csv"
    slow.write_text(BAD_CSV, encoding="utf-8")
    quick.write_text(GOOD_CSV, encoding="utf-8")
    read = sites_presenter.read_import_file

    def read_slowly(path: Path, names: list[str]) -> SiteImportResult:
        if path == slow:
            time.sleep(0.3)  # runs in a worker thread: the GUI goes on meanwhile
        return read(path, names)

    monkeypatch.setattr(sites_presenter, "read_import_file", read_slowly)
    dialog = open_dialog(context, qtbot)
    dialog.load_file(slow)
    dialog.load_file(quick)
    await until(lambda: not dialog.presenter.is_busy)
    assert dialog.table.rowCount() == 3 and dialog.import_button.isEnabled()


async def test_the_template_has_the_header_and_an_example_that_imports(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog(context, qtbot)
    template = tmp_path / "template.csv"
    dialog.save_template(template)
    assert "Template saved" in dialog.summary.text()
    lines = decode_csv_bytes(template.read_bytes()).splitlines()
    assert lines[0] == ",".join(KNOWN_COLUMNS) and len(lines) == 2
    await load(dialog, template)
    assert dialog.import_button.isEnabled()
    assert table_item(dialog.table, 0, 0).text() == "红旗村村委会"


async def test_the_template_is_saved_in_the_export_folder_and_the_file_chosen_from_there(
    context: UiContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last_export = tmp_path / "exports"
    last_export.mkdir()
    context.settings.set_export_folder(str(last_export))
    chosen_folder = tmp_path / "forms"
    chosen_folder.mkdir()
    offered: list[str] = []

    def save_file_name(
        parent: QWidget, caption: str, directory: str, filters: str, selected: str
    ) -> tuple[str, str]:
        offered.append(directory)
        return str(chosen_folder / "sites.csv"), filters

    def open_file_name(
        parent: QWidget, caption: str, directory: str, filters: str
    ) -> tuple[str, str]:
        offered.append(directory)
        return str(chosen_folder / "sites.csv"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file_name))
    dialog = open_dialog(context, qtbot)
    dialog.template_button.click()
    assert Path(offered[0]) == last_export / "sites.csv"
    assert (chosen_folder / "sites.csv").is_file()
    assert context.settings.export_folder() == str(chosen_folder)
    # The template filled in is picked up where it was saved.
    dialog.choose_button.click()
    assert Path(offered[1]) == chosen_folder
    await until(lambda: not dialog.presenter.is_busy)
    assert dialog.import_button.isEnabled()


async def test_a_template_that_cannot_be_written_is_reported(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog(context, qtbot)
    dialog.save_template(tmp_path / "no-such-folder" / "template.csv")
    assert "Cannot write the template" in dialog.summary.text()


def test_the_shipped_example_has_four_sites_and_every_column() -> None:
    example = resources_dir() / "demo" / "sites-example.csv"
    text = decode_csv_bytes(example.read_bytes())
    assert text.splitlines()[0] == ",".join(KNOWN_COLUMNS)
    result = parse_sites_csv(text)
    assert result.ok and len(result.sites) == 4
    assert all(s.region and s.contacts and s.tags for s in result.sites)
