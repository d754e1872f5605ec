from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from outreach_app.core.model import Contact, Session, SessionKind, SessionSite, Site
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.sites.import_dialog import write_template
from outreach_app.ui.sites.page import SitesView, build_page
from tests.ui.conftest import type_text, until

Repo = Callable[[Callable[[Repository], Any]], Any]


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: button)


async def open_view(context: UiContext, qtbot: QtBot, rows: int) -> SitesView:
    view = SitesView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    await until(lambda: view.table.rowCount() == rows and not view.presenter.is_busy)
    return view


def select_site(view: SitesView, name: str) -> None:
    for row in range(view.table.rowCount()):
        item = view.table.item(row, 0)
        if item is not None and item.text().startswith(name):
            view.table.selectRow(row)
            return
    raise AssertionError(f"{name} is not in the table")


async def test_empty_directory_says_what_to_do(context: UiContext, qtbot: QtBot) -> None:
    view = await open_view(context, qtbot, 0)
    assert view.empty_label.isVisible()
    assert "import a CSV" in view.empty_label.text()


async def test_creating_a_site_with_contacts_stores_it(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    view = await open_view(context, qtbot, 0)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    type_text(editor.name_edit, "红旗村村委会")
    type_text(editor.region_edit, "甘肃省定西市")
    editor.contacts.add_contact(Contact("张德明", "13909321234", "书记"))
    type_text(editor.tags_edit, "乡村振兴、马铃薯")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    await until(lambda: view.table.rowCount() == 1)

    stored = repo(lambda r: r.list_sites())
    assert [(s.name, s.region, s.tags) for s in stored] == [
        ("红旗村村委会", "甘肃省定西市", ["乡村振兴", "马铃薯"])
    ]
    assert stored[0].contacts == [Contact("张德明", "13909321234", "书记")]
    assert "张德明 13909321234" in view.table.item(0, 2).text()


async def test_a_bad_phone_number_is_refused_with_a_message(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    view = await open_view(context, qtbot, 0)
    type_text(view.editor.name_edit, "测试站点")
    view.editor.contacts.add_contact(Contact("李四", "call me"))
    assert view.save() is False
    assert "is not valid" in view.messages.label.text()
    assert repo(lambda r: r.list_sites()) == []


async def test_duplicate_name_shows_the_stores_message(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    repo(lambda r: r.save_site(Site("望京街道")))
    view = await open_view(context, qtbot, 1)
    view.new_site()
    type_text(view.editor.name_edit, "望京街道")
    view.save()
    await until(lambda: view.messages.isVisible())
    assert "already exists" in view.messages.label.text()


async def test_filter_matches_name_region_contact_and_tag(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    repo(lambda r: r.save_site(Site("红旗村", region="甘肃", tags=["乡村振兴"])))
    repo(
        lambda r: r.save_site(Site("望京街道", region="北京", contacts=[Contact("刘洋", "010-1")]))
    )
    view = await open_view(context, qtbot, 2)

    def visible() -> list[str]:
        return [
            view.table.item(r, 0).text()
            for r in range(view.table.rowCount())
            if not view.table.isRowHidden(r)
        ]

    type_text(view.filter_edit, "刘洋")
    assert visible() == ["望京街道"]
    view.filter_edit.setText("振兴")
    assert visible() == ["红旗村"]
    view.filter_edit.clear()
    assert len(visible()) == 2


async def test_referenced_site_is_archived_not_deleted(
    context: UiContext, qtbot: QtBot, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def seed(r: Repository) -> int:
        site_id = r.save_site(Site("克拉2气田中控室"))
        r.save_session(
            Session(
                "调度",
                SessionKind.ON_SITE_WORK,
                "王建国",
                datetime(2026, 11, 20, 9),
                30,
                sites=[SessionSite(site_id, 0, 30)],
            )
        )
        return site_id

    site_id = repo(seed)
    view = await open_view(context, qtbot, 1)
    select_site(view, "克拉2气田中控室")
    await until(
        lambda: (
            view.editor.site is not None
            and view.editor.site.id == site_id
            and view.editor.history.count() == 1
        )
    )
    assert "调度" in view.editor.history.item(0).text()

    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.editor.delete_button, Qt.MouseButton.LeftButton)
    await until(lambda: repo(lambda r: r.get_site(site_id)).archived)
    assert repo(lambda r: r.list_sites()) == []
    # Hidden from the directory until "Show archived" is ticked.
    await until(lambda: view.table.rowCount() == 0)
    view.archived_box.setChecked(True)
    await until(lambda: view.table.rowCount() == 1)
    assert "(archived)" in view.table.item(0, 0).text()


async def test_unreferenced_site_is_deleted_after_confirmation(
    context: UiContext, qtbot: QtBot, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo(lambda r: r.save_site(Site("临时站点")))
    view = await open_view(context, qtbot, 1)
    select_site(view, "临时站点")
    await until(
        lambda: (
            view.editor.site is not None
            and view.editor.site.id is not None
            and view.editor.delete_button.isEnabled()
        )
    )
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.editor.delete_button, Qt.MouseButton.LeftButton)
    await until(lambda: repo(lambda r: r.list_sites(include_archived=True)) == [])


async def test_unsaved_edits_are_kept_when_the_user_cancels_leaving(
    context: UiContext, qtbot: QtBot, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo(lambda r: r.save_site(Site("甲站点")))
    repo(lambda r: r.save_site(Site("乙站点")))
    view = await open_view(context, qtbot, 2)
    select_site(view, "甲站点")
    await until(lambda: view.editor.name_edit.text() == "甲站点")
    type_text(view.editor.address_edit, "新地址")
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Cancel)
    select_site(view, "乙站点")
    await until(lambda: not view.presenter.is_busy)
    assert view.editor.name_edit.text() == "甲站点"
    assert view.editor.address_edit.text() == "新地址"

    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Save)
    select_site(view, "乙站点")
    await until(lambda: view.editor.name_edit.text() == "乙站点")
    stored = {s.name: s for s in repo(lambda r: r.list_sites())}
    assert stored["甲站点"].address == "新地址"


async def test_import_with_bad_rows_lists_every_line_and_imports_nothing(
    context: UiContext, qtbot: QtBot, repo: Repo, tmp_path: Path
) -> None:
    csv_path = tmp_path / "sites.csv"
    csv_path.write_text(
        "name,region,contacts\n"
        "红旗村,甘肃,张德明:13909321234\n"
        ",北京,\n"
        "望京街道,北京,刘洋:not-a-phone\n"
        "红旗村,甘肃,\n",
        encoding="utf-8",
    )
    view = await open_view(context, qtbot, 0)
    dialog = view.open_import()
    dialog.load_file(csv_path)
    await until(lambda: dialog.parsed is not None)
    lines = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert lines == ["3", "4", "5"]
    assert "no name" in dialog.table.item(0, 1).text()
    assert "not valid" in dialog.table.item(1, 1).text()
    assert "line 2" in dialog.table.item(2, 1).text()
    assert not dialog.import_button.isEnabled()
    assert repo(lambda r: r.list_sites()) == []


async def test_good_gb18030_import_adds_every_site(
    context: UiContext, qtbot: QtBot, repo: Repo, tmp_path: Path
) -> None:
    csv_path = tmp_path / "excel.csv"
    csv_path.write_bytes(
        "名称,地区,联系人,标签\n红旗村,甘肃,张德明:13909321234,乡村振兴\n望京街道,北京,,城市社区\n".encode(
            "gb18030"
        )
    )
    view = await open_view(context, qtbot, 0)
    dialog = view.open_import()
    dialog.load_file(csv_path)
    await until(lambda: dialog.import_button.isEnabled())
    assert dialog.table.rowCount() == 2
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    await until(lambda: view.table.rowCount() == 2)
    assert sorted(s.name for s in repo(lambda r: r.list_sites())) == ["望京街道", "红旗村"]
    assert "2 site(s) imported" in view.messages.label.text()


async def test_import_refuses_a_binary_file_and_reads_the_template(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\x00\x00\x00" * 100)
    view = await open_view(context, qtbot, 0)
    dialog = view.open_import()
    dialog.load_file(binary)
    await until(lambda: "not a text file" in dialog.summary.text())
    assert not dialog.import_button.isEnabled()

    template = tmp_path / "template.csv"
    write_template(template)
    dialog.load_file(template)
    await until(lambda: dialog.import_button.isEnabled())
    assert dialog.table.item(0, 0).text() == "红旗村村委会"


def test_shipped_example_csv_parses_cleanly() -> None:
    from outreach_app.config import resources_dir
    from outreach_app.core.site_import import decode_csv_bytes, parse_sites_csv

    example = resources_dir() / "demo" / "sites-example.csv"
    result = parse_sites_csv(decode_csv_bytes(example.read_bytes()))
    assert result.ok and len(result.sites) >= 4


async def test_page_actions_have_shortcuts(context: UiContext, qtbot: QtBot) -> None:
    page = build_page(context)
    qtbot.addWidget(page.widget)
    assert [a.shortcut().toString() for a in page.actions] == ["Ctrl+Shift+N", "Ctrl+I"]
    await until(lambda: not page.widget.presenter.is_busy)  # type: ignore[attr-defined]
