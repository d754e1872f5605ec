from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.core.model import (
    Contact,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
)
from outreach_app.core.topics import Topic
from outreach_app.ui.context import UiContext
from outreach_app.ui.sites.models import Column
from outreach_app.ui.sites.page import build_page
from outreach_app.ui.sites.view import SitesView
from tests.ui.conftest import Repo, table_item, tree_item, type_text, until


class Dialogs:
    """Stands in for QMessageBox: answers with `answer` and remembers what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answer = QMessageBox.StandardButton.Yes
        self.asked: list[str] = []
        self.told: list[str] = []
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QMessageBox, "information", self._information)

    def _question(self, _parent: object, _title: str, text: str, *_: object) -> object:
        self.asked.append(text)
        return self.answer

    def _information(self, _parent: object, _title: str, text: str, *_: object) -> object:
        self.told.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


async def open_view(context: UiContext, qtbot: QtBot, rows: int) -> SitesView:
    view = SitesView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    await until(lambda: view.model.rowCount() == rows and not view.presenter.is_busy)
    return view


def site_id_of(view: SitesView, name: str) -> int:
    for site in view.model.sites:
        if site.name == name:
            assert site.id is not None
            return site.id
    raise AssertionError(f"{name} is not in the table")


async def open_site(view: SitesView, name: str) -> None:
    view.select_site(site_id_of(view, name))
    await until(
        lambda: (
            view.editor.site is not None
            and view.editor.site.name == name
            and not view.presenter.is_busy
        )
    )


def click(button: QWidget) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def cell(view: SitesView, row: int, column: Column) -> str:
    return str(view.proxy.index(row, column).data())


def seed_session(repo: Repo, site_id: int, title: str = "节前安全生产调度") -> None:
    repo(
        lambda r: r.sessions.save_session(
            Session(
                title,
                SessionKind.ON_SITE_WORK,
                "王建国",
                datetime(2026, 1, 26, 9),
                30,
                status=SessionStatus.ENDED,
                sites=[SessionSite(site_id, 0, 30)],
            )
        )
    )


async def test_empty_directory_says_what_to_do(context: UiContext, qtbot: QtBot) -> None:
    view = await open_view(context, qtbot, 0)
    assert view.empty_label.isVisible() and not view.table.isVisible()
    assert "import a CSV" in view.empty_label.text()


async def test_creating_a_site_with_contacts_stores_it(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    view = await open_view(context, qtbot, 0)
    click(view.new_button)
    editor = view.editor
    assert not editor.save_button.isEnabled()  # nothing typed yet
    type_text(editor.name_edit, "红旗村村委会")
    type_text(editor.region_edit, "甘肃省定西市")
    type_text(editor.address_edit, "凤翔镇红旗村一组")
    click(editor.add_contact_button)
    for column, value in enumerate(("张德明", "村支书", "13909321234")):
        table_item(editor.contacts, 0, column).setText(value)
    type_text(editor.notes_edit, "村委会二楼，4G 路由器")
    type_text(editor.tags_edit, "乡村振兴、马铃薯,扶贫")
    assert editor.modified_label.isVisible()
    click(editor.save_button)
    await until(lambda: view.model.rowCount() == 1 and editor.title.text() == "红旗村村委会")

    stored = repo(lambda r: r.sites.list_sites())
    assert [(s.name, s.region, s.address, s.connection_notes, s.tags) for s in stored] == [
        (
            "红旗村村委会",
            "甘肃省定西市",
            "凤翔镇红旗村一组",
            "村委会二楼，4G 路由器",
            ["乡村振兴", "马铃薯", "扶贫"],
        )
    ]
    assert stored[0].contacts == [Contact("张德明", "13909321234", "村支书")]
    assert cell(view, 0, Column.CONTACT) == "张德明 13909321234"
    assert cell(view, 0, Column.ADDRESS) == "凤翔镇红旗村一组"
    assert not editor.modified_label.isVisible()
    assert editor.history_empty.isVisible()  # a new site has no sessions yet


async def test_editing_a_site_and_saving_with_ctrl_s_persists(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    repo(
        lambda r: r.sites.save_site(
            Site("望京街道", region="北京市", contacts=[Contact("刘洋", "010-64701234")])
        )
    )
    view = await open_view(context, qtbot, 1)
    await open_site(view, "望京街道")
    view.editor.region_edit.clear()
    type_text(view.editor.region_edit, "北京市朝阳区")
    table_item(view.editor.contacts, 0, 1).setText("主任")
    QTest.keyClick(view.editor.region_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: repo(lambda r: r.sites.list_sites())[0].region == "北京市朝阳区")
    assert repo(lambda r: r.sites.list_sites())[0].contacts == [
        Contact("刘洋", "010-64701234", "主任")
    ]
    await until(lambda: cell(view, 0, Column.REGION) == "北京市朝阳区")


async def test_a_bad_phone_number_is_flagged_inline_and_refused(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    view = await open_view(context, qtbot, 0)
    editor = view.editor
    type_text(editor.name_edit, "测试站点")
    editor.contacts.add_contact(Contact("李四"))
    assert not editor.contacts_problem.isVisible()
    table_item(editor.contacts, 0, 2).setText("call me")
    assert editor.contacts_problem.isVisible()
    assert "“call me” of 李四 is not valid" in editor.contacts_problem.text()
    click(editor.save_button)
    assert "is not valid" in view.messages.label.text()
    await until(lambda: not view.presenter.is_busy)
    assert repo(lambda r: r.sites.list_sites()) == []

    table_item(editor.contacts, 0, 2).setText("0991-1234567")
    assert not editor.contacts_problem.isVisible()
    table_item(editor.contacts, 0, 0).setText("")
    assert "has no name" in editor.contacts_problem.text()


async def test_a_phone_with_a_separator_inside_is_not_a_phone(
    context: UiContext, qtbot: QtBot
) -> None:
    view = await open_view(context, qtbot, 0)
    view.editor.contacts.add_contact(Contact("李四", "13800000000;5"))
    assert "is not valid" in view.editor.contacts_problem.text()


async def test_duplicate_name_shows_the_stores_message(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    repo(lambda r: r.sites.save_site(Site("望京街道")))
    view = await open_view(context, qtbot, 1)
    view.new_site()
    type_text(view.editor.name_edit, "望京街道")
    view.save()
    await until(lambda: view.messages.isVisible())
    assert "a site named “望京街道” already exists" in view.messages.label.text()
    assert len(repo(lambda r: r.sites.list_sites())) == 1


async def test_filter_matches_name_region_address_contact_and_tag(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    repo(lambda r: r.sites.save_site(Site("红旗村", region="甘肃", tags=["乡村振兴"])))
    repo(
        lambda r: r.sites.save_site(
            Site(
                "望京街道", region="北京", address="阜通东大街", contacts=[Contact("刘洋", "010-1")]
            )
        )
    )
    view = await open_view(context, qtbot, 2)

    type_text(view.filter_edit, "刘洋")
    assert view.visible_site_names() == ["望京街道"]
    view.filter_edit.setText("振兴")
    assert view.visible_site_names() == ["红旗村"]
    view.filter_edit.setText("阜通")
    assert view.visible_site_names() == ["望京街道"]
    view.filter_edit.setText("上海")
    assert view.visible_site_names() == []
    assert view.empty_label.isVisible() and "No site matches “上海”" in view.empty_label.text()
    view.filter_edit.clear()
    assert len(view.visible_site_names()) == 2
    assert not view.empty_label.isVisible()


async def test_sites_sort_by_pinyin_and_archived_sites_last(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    named = (("望京街道", "北京"), ("阿克苏站", "新疆"), ("红旗村", "甘肃"))
    repo(lambda r: [r.sites.save_site(Site(name, region=region)) for name, region in named])
    archived = repo(lambda r: r.sites.save_site(Site("白庙村", region="安徽")))
    repo(lambda r: r.sites.set_site_archived(archived, True))
    view = await open_view(context, qtbot, 4)
    # By pinyin: a(kesu), h(ongqi), w(angjing); code point order would put 望 before 红 before 阿.
    assert view.visible_site_names() == ["阿克苏站", "红旗村", "望京街道"]
    view.table.sortByColumn(Column.REGION, Qt.SortOrder.AscendingOrder)
    assert view.visible_site_names() == ["望京街道", "红旗村", "阿克苏站"]  # 北京 甘肃 新疆

    view.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    view.archived_box.setChecked(True)
    # 白 (bai) sorts before the others by pinyin, but an archived site comes last.
    assert view.visible_site_names() == ["阿克苏站", "红旗村", "望京街道", "白庙村"]
    assert cell(view, 3, Column.NAME) == "Archived · 白庙村"


async def test_archive_and_restore_through_the_editor(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    site_id = repo(lambda r: r.sites.save_site(Site("新阳路卫生服务站")))
    view = await open_view(context, qtbot, 1)
    await open_site(view, "新阳路卫生服务站")
    assert view.editor.archive_button.text() == "Archive"
    click(view.editor.archive_button)
    await until(lambda: repo(lambda r: r.sites.get_site(site_id)).archived)
    await until(lambda: view.visible_site_names() == [] and view.editor.archived_label.isVisible())
    assert "Every site is archived" in view.empty_label.text()
    assert view.editor.archive_button.text() == "Restore"

    view.archived_box.setChecked(True)
    assert view.visible_site_names() == ["新阳路卫生服务站"]
    assert cell(view, 0, Column.NAME) == "Archived · 新阳路卫生服务站"
    assert view.table.selectionModel().selectedRows()[0].row() == 0  # still the one edited
    click(view.editor.archive_button)
    await until(lambda: not repo(lambda r: r.sites.get_site(site_id)).archived)
    await until(lambda: cell(view, 0, Column.NAME) == "新阳路卫生服务站")
    assert not view.editor.archived_label.isVisible()


async def test_history_lists_the_sessions_and_follows_new_ones(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    site_id = repo(lambda r: r.sites.save_site(Site("克拉2气田中控室")))
    seed_session(repo, site_id)
    view = await open_view(context, qtbot, 1)
    await open_site(view, "克拉2气田中控室")
    await until(lambda: view.editor.history.topLevelItemCount() == 1)
    item = tree_item(view.editor.history, 0)
    assert [item.text(1), item.text(2)] == ["节前安全生产调度", "Ended"]
    assert "26" in item.text(0)

    # Another page schedules the site again and announces it; the user's typing stays.
    type_text(view.editor.address_edit, "塔里木油田")
    seed_session(repo, site_id, "春节保供连线")
    context.bus.announce(Topic.SESSIONS)
    await until(lambda: view.editor.history.topLevelItemCount() == 2)
    assert view.editor.address_edit.text() == "塔里木油田"


async def test_a_referenced_site_is_not_deleted_but_archive_is_offered(
    context: UiContext, qtbot: QtBot, repo: Repo, dialogs: Dialogs
) -> None:
    site_id = repo(lambda r: r.sites.save_site(Site("克拉2气田中控室")))
    seed_session(repo, site_id)
    view = await open_view(context, qtbot, 1)
    await open_site(view, "克拉2气田中控室")
    assert view.editor.referenced
    assert "archive it instead" in view.editor.delete_button.toolTip()

    dialogs.answer = QMessageBox.StandardButton.No
    click(view.editor.delete_button)
    assert "cannot be deleted. Archive it instead?" in dialogs.asked[-1]
    await until(lambda: not view.presenter.is_busy)
    assert not repo(lambda r: r.sites.get_site(site_id)).archived

    dialogs.answer = QMessageBox.StandardButton.Yes
    click(view.editor.delete_button)
    await until(lambda: repo(lambda r: r.sites.get_site(site_id)).archived)
    await until(lambda: view.editor.archived_label.isVisible())
    assert repo(lambda r: r.sites.list_sites(include_archived=True))[0].name == "克拉2气田中控室"

    # Archived already: nothing more to offer, only the reason.
    click(view.editor.delete_button)
    assert "archived already" in dialogs.told[-1]
    assert len(repo(lambda r: r.sites.list_sites(include_archived=True))) == 1


async def test_an_unreferenced_site_is_deleted_only_after_confirmation(
    context: UiContext, qtbot: QtBot, repo: Repo, dialogs: Dialogs
) -> None:
    repo(lambda r: r.sites.save_site(Site("临时站点")))
    view = await open_view(context, qtbot, 1)
    await open_site(view, "临时站点")
    dialogs.answer = QMessageBox.StandardButton.No
    click(view.editor.delete_button)
    assert "Delete “临时站点”? This cannot be undone." in dialogs.asked[-1]
    await until(lambda: not view.presenter.is_busy)
    assert len(repo(lambda r: r.sites.list_sites())) == 1

    dialogs.answer = QMessageBox.StandardButton.Yes
    click(view.editor.delete_button)
    await until(lambda: repo(lambda r: r.sites.list_sites(include_archived=True)) == [])
    await until(lambda: view.model.rowCount() == 0)
    assert view.editor.title.text() == "New site"


async def test_unsaved_edits_ask_before_another_site_is_shown(
    context: UiContext, qtbot: QtBot, repo: Repo, dialogs: Dialogs
) -> None:
    repo(lambda r: r.sites.save_site(Site("甲站点")))
    repo(lambda r: r.sites.save_site(Site("乙站点")))
    view = await open_view(context, qtbot, 2)
    await open_site(view, "甲站点")
    type_text(view.editor.address_edit, "新地址")

    dialogs.answer = QMessageBox.StandardButton.Cancel
    view.select_site(site_id_of(view, "乙站点"))
    await until(lambda: not view.presenter.is_busy)
    assert view.editor.name_edit.text() == "甲站点"
    assert view.editor.address_edit.text() == "新地址"
    assert view.table.selectionModel().selectedRows()[0].data() == "甲站点"

    dialogs.answer = QMessageBox.StandardButton.Save
    view.select_site(site_id_of(view, "乙站点"))
    await until(lambda: view.editor.name_edit.text() == "乙站点")
    stored = {s.name: s for s in repo(lambda r: r.sites.list_sites())}
    assert stored["甲站点"].address == "新地址"
    assert view.table.selectionModel().selectedRows()[0].data() == "乙站点"

    type_text(view.editor.address_edit, "不要的地址")
    dialogs.answer = QMessageBox.StandardButton.Discard
    view.new_site()
    assert view.editor.name_edit.text() == ""
    await until(lambda: not view.presenter.is_busy)
    assert {s.name: s for s in repo(lambda r: r.sites.list_sites())}["乙站点"].address == ""


async def test_a_refused_save_on_the_way_out_keeps_the_edits(
    context: UiContext, qtbot: QtBot, repo: Repo, dialogs: Dialogs
) -> None:
    repo(lambda r: r.sites.save_site(Site("甲站点")))
    repo(lambda r: r.sites.save_site(Site("乙站点")))
    view = await open_view(context, qtbot, 2)
    await open_site(view, "甲站点")
    view.editor.name_edit.setText("乙站点")  # taken: the store refuses the save
    type_text(view.editor.address_edit, "新地址")
    dialogs.answer = QMessageBox.StandardButton.Save
    view.new_site()
    await until(lambda: view.messages.isVisible() and not view.presenter.is_busy)
    assert "already exists" in view.messages.label.text()
    assert view.editor.name_edit.text() == "乙站点"
    assert view.editor.address_edit.text() == "新地址"
    assert view.editor.is_modified()


async def test_closing_saves_valid_edits(context: UiContext, qtbot: QtBot, repo: Repo) -> None:
    repo(lambda r: r.sites.save_site(Site("甲站点")))
    view = await open_view(context, qtbot, 1)
    await open_site(view, "甲站点")
    type_text(view.editor.tags_edit, "城市社区")
    view.flush()
    # No turn of the event loop: on close the save must already be queued in the store.
    assert repo(lambda r: r.sites.list_sites())[0].tags == ["城市社区"]


async def test_page_actions_have_shortcuts(context: UiContext, qtbot: QtBot) -> None:
    page = build_page(context)
    qtbot.addWidget(page.widget)
    assert page.key == "sites" and page.flush is not None
    assert [a.shortcut().toString() for a in page.actions] == ["Ctrl+Shift+N", "Ctrl+I"]
    await until(lambda: not page.widget.presenter.is_busy)
