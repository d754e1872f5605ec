from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from outreach_app.core.model import (
    AgendaItemKind,
    Session,
    SessionKind,
    SessionSite,
    Site,
)
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.schedule.agenda_editor import OVERDUE_COLOUR, AgendaEditor
from outreach_app.ui.schedule.page import build_page
from outreach_app.ui.schedule.presenter import SchedulePresenter
from outreach_app.ui.schedule.view import ScheduleView
from tests.ui.conftest import Repo, tree_item, type_text, until

NOW = datetime(2026, 11, 23, 8, 10)


@pytest.fixture
def sites(repo: Repo) -> list[int]:
    return repo(lambda r: [r.sites.save_site(Site(name)) for name in ("红旗村", "克拉2气田")])


@pytest.fixture
def session_id(repo: Repo, sites: list[int]) -> int:
    return int(
        repo(
            lambda r: r.sessions.save_session(
                Session(
                    "节前视频连线",
                    SessionKind.POLICY_BRIEFING,
                    "王建国",
                    datetime(2026, 11, 24, 9, 0),
                    60,
                    sites=[SessionSite(sites[0], 0, 30), SessionSite(sites[1], 1, 30)],
                )
            )
        )
    )


async def open_agenda(
    context: UiContext, qtbot: QtBot, repo: Repo, session_id: int
) -> AgendaEditor:
    presenter = SchedulePresenter(context.store, context.bus)
    editor = AgendaEditor(presenter, lambda: NOW)
    presenter.setParent(editor)
    qtbot.addWidget(editor)
    editor.resize(600, 700)
    editor.show()
    editor.set_session(repo(lambda r: r.sessions.get_session(session_id)))
    await until(lambda: editor.bundle is not None)
    return editor


def stored_texts(repo: Repo, session_id: int, site_id: int) -> list[str]:
    return [i.text for i in repo(lambda r: r.sessions.list_agenda(session_id, site_id))]


def shown_texts(editor: AgendaEditor) -> list[str]:
    return [editor.list.item(r).text() for r in range(editor.list.count())]


async def add(editor: AgendaEditor, text: str, *, topic: bool = False) -> None:
    type_text(editor.new_text, text)
    if topic:
        QTest.mouseClick(editor.add_topic_button, Qt.MouseButton.LeftButton)
    else:
        QTest.keyClick(editor.new_text, Qt.Key.Key_Return)
    await until(lambda: text in shown_texts(editor))


async def test_adding_topics_and_questions_persists_them_with_their_kind(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], session_id: int
) -> None:
    editor = await open_agenda(context, qtbot, repo, session_id)
    assert editor.list.count() == 0
    await add(editor, "安全生产", topic=True)
    await add(editor, "节日期间能轮流休息吗？")
    type_text(editor.new_text, "天然气保供")
    QTest.keyClick(editor.new_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: "天然气保供" in shown_texts(editor))

    stored = repo(lambda r: r.sessions.list_agenda(session_id, sites[0]))
    assert [(i.kind, i.text) for i in stored] == [
        (AgendaItemKind.TOPIC, "安全生产"),
        (AgendaItemKind.QUESTION, "节日期间能轮流休息吗？"),
        (AgendaItemKind.TOPIC, "天然气保供"),
    ]
    assert editor.new_text.text() == ""
    # Topics and questions look different: icon, tooltip and weight.
    topic, question = editor.list.item(0), editor.list.item(1)
    assert (topic.toolTip(), question.toolTip()) == ("Topic", "Planned question")
    assert topic.font().bold() and not question.font().bold()
    assert topic.icon().cacheKey() != question.icon().cacheKey()
    # The other site's agenda is untouched.
    assert stored_texts(repo, session_id, sites[1]) == []


async def test_reorder_edit_and_delete_persist(
    context: UiContext,
    qtbot: QtBot,
    repo: Repo,
    sites: list[int],
    session_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = await open_agenda(context, qtbot, repo, session_id)
    for text in ("水压问题", "路灯问题", "供暖问题"):
        await add(editor, text)

    # What an internal drag and drop leaves behind: the row moved, then `reordered`.
    editor.list.insertItem(0, editor.list.takeItem(2))
    editor.list.reordered.emit()
    await until(
        lambda: stored_texts(repo, session_id, sites[0]) == ["供暖问题", "水压问题", "路灯问题"]
    )

    editor.list.item(1).setText("小区水压不足的问题")
    await until(lambda: stored_texts(repo, session_id, sites[0])[1] == "小区水压不足的问题")
    editor.list.item(2).setText("   ")
    assert editor.list.item(2).text() == "路灯问题"
    await until(lambda: not editor.presenter.is_busy)
    assert stored_texts(repo, session_id, sites[0])[2] == "路灯问题"

    editor.list.setFocus()
    editor.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    QTest.keyClick(editor.list, Qt.Key.Key_Delete)
    await until(lambda: not editor.presenter.is_busy)
    assert len(stored_texts(repo, session_id, sites[0])) == 3

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.keyClick(editor.list, Qt.Key.Key_Delete)
    await until(
        lambda: stored_texts(repo, session_id, sites[0]) == ["小区水压不足的问题", "路灯问题"]
    )
    await until(lambda: shown_texts(editor) == ["小区水压不足的问题", "路灯问题"])


async def test_briefing_lists_the_sites_open_follow_ups_from_other_sessions(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], session_id: int
) -> None:
    def seed(r: Repository) -> None:
        earlier = r.sessions.save_session(
            Session(
                "上次连线",
                SessionKind.INVESTIGATION,
                "王建国",
                datetime(2026, 10, 1, 9),
                30,
                sites=[SessionSite(sites[0], 0, 15), SessionSite(sites[1], 1, 15)],
            )
        )
        overdue = r.notes.add_question(earlier, sites[0], "水压问题？")
        r.notes.set_commitment(overdue.id or 0, "更换增压泵", "水务局", date(2026, 11, 1))
        due_later = r.notes.add_question(earlier, sites[0], "供暖问题？")
        claimed = r.notes.set_commitment(
            due_later.id or 0, "检修锅炉", "热力公司", date(2026, 12, 5)
        )
        r.follow_ups.claim_follow_up(claimed.id or 0, "李师傅")
        solved_question = r.notes.add_question(earlier, sites[0], "路灯问题？")
        solved = r.notes.set_commitment(solved_question.id or 0, "修好路灯", "城管局", None)
        r.follow_ups.claim_follow_up(solved.id or 0, "王师傅")
        r.follow_ups.solve_follow_up(solved.id or 0, "已修好")
        other_site = r.notes.add_question(earlier, sites[1], "压缩机？")
        r.notes.set_commitment(other_site.id or 0, "增配备用压缩机", "油田公司", None)
        this_session = r.notes.add_question(session_id, sites[0], "本次问题？")
        r.notes.set_commitment(this_session.id or 0, "本次承诺", "乡政府", None)

    repo(seed)
    editor = await open_agenda(context, qtbot, repo, session_id)
    rows = [tree_item(editor.follow_ups, r) for r in range(editor.follow_ups.topLevelItemCount())]
    assert [[row.text(c) for c in range(4)] for row in rows] == [
        ["更换增压泵", "水务局", "2026-11-01", "Open"],
        ["检修锅炉", "热力公司 · 李师傅", "2026-12-05", "Claimed"],
    ]
    assert rows[0].foreground(2).color() == OVERDUE_COLOUR
    assert rows[0].toolTip(2) == "Solution overdue by 22 days (due 2026-11-01)"
    assert rows[1].foreground(2).color() != OVERDUE_COLOUR

    editor.site_combo.setCurrentIndex(1)
    await until(lambda: editor.bundle is not None and editor.bundle.site_id == sites[1])
    assert editor.follow_ups.topLevelItemCount() == 1
    assert tree_item(editor.follow_ups, 0).text(0) == "增配备用压缩机"


async def test_briefing_is_saved_while_typing_and_on_flush(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], session_id: int
) -> None:
    editor = await open_agenda(context, qtbot, repo, session_id)
    type_text(editor.briefing_edit, "红旗村 312 户")
    assert editor.briefing_state.text() == "Saving…"
    await until(
        lambda: repo(lambda r: r.sessions.get_briefing(session_id, sites[0])) == "红旗村 312 户"
    )
    await until(lambda: editor.briefing_state.text() == "Saved")

    # A reload that arrives while newer typing waits must not overwrite it.
    type_text(editor.briefing_edit, "，留守老人 40 人")
    editor.presenter.agendaLoaded.emit(editor.bundle)
    assert editor.briefing_edit.toPlainText() == "红旗村 312 户，留守老人 40 人"

    # Leaving the site saves at once, without waiting for the timer.
    editor.site_combo.setCurrentIndex(1)
    await until(lambda: editor.bundle is not None and editor.bundle.site_id == sites[1])
    assert (
        repo(lambda r: r.sessions.get_briefing(session_id, sites[0]))
        == "红旗村 312 户，留守老人 40 人"
    )
    assert editor.briefing_edit.toPlainText() == ""

    type_text(editor.briefing_edit, "中控室 24 小时值守")
    editor.presenter.flush()
    await editor.presenter.wait_idle()
    assert repo(lambda r: r.sessions.get_briefing(session_id, sites[1])) == "中控室 24 小时值守"


async def test_agenda_tab_waits_for_a_saved_session_and_its_sites(
    context: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], session_id: int
) -> None:
    page = build_page(context)
    view = page.widget
    assert isinstance(view, ScheduleView) and page.flush is not None
    qtbot.addWidget(view)
    await until(lambda: not view.presenter.is_busy)
    assert not view.tabs.isTabEnabled(1)
    assert not view.agenda.new_text.isEnabled()

    view.open_session(session_id)
    await until(lambda: view.agenda.bundle is not None)
    assert view.tabs.isTabEnabled(1)
    assert [view.agenda.site_combo.itemText(i) for i in range(2)] == ["1. 红旗村", "2. 克拉2气田"]
    type_text(view.agenda.briefing_edit, "要点")
    page.flush()
    await view.presenter.wait_idle()
    assert repo(lambda r: r.sessions.get_briefing(session_id, sites[0])) == "要点"
