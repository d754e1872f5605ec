from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from outreach_app.core.model import (
    AgendaItemKind,
    FollowUpStatus,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
)
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.schedule.page import ScheduleView, build_page
from tests.ui.conftest import type_text, until

Repo = Callable[[Callable[[Repository], Any]], Any]
NOW = datetime(2026, 11, 23, 8, 10)


@pytest.fixture
def clocked(context: UiContext) -> UiContext:
    context.clock = lambda: NOW
    return context


@pytest.fixture
def sites(repo: Repo) -> list[int]:
    return [
        repo(lambda r, n=name: r.save_site(Site(n))) for name in ("红旗村", "望京街道", "克拉2气田")
    ]


async def open_view(context: UiContext, qtbot: QtBot) -> ScheduleView:
    view = ScheduleView(context)
    qtbot.addWidget(view)
    view.resize(1300, 820)
    view.show()
    await until(lambda: not view.presenter.is_busy and view.week_label.text() != "")
    return view


def existing(
    repo: Repo,
    sites: list[int],
    *,
    official: str = "王建国",
    start: datetime = datetime(2026, 11, 24, 9, 0),
) -> int:
    return int(
        repo(
            lambda r: r.save_session(
                Session(
                    "冬季保供调度",
                    SessionKind.ON_SITE_WORK,
                    official,
                    start,
                    60,
                    status=SessionStatus.SCHEDULED,
                    sites=[SessionSite(sites[0], 0, 30)],
                )
            )
        )
    )


async def test_creating_a_session_through_the_editor(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    view = await open_view(clocked, qtbot)
    editor = view.editor
    assert editor.start_edit.dateTime().toPython() == datetime(2026, 11, 23, 8, 30)
    type_text(editor.title_edit, "节前视频连线")
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("investigation"))
    type_text(editor.official_edit, "赵文华")
    editor.add_site(sites[1])
    editor.add_site(sites[0])
    assert [s.site_name for s in editor.current_session().sites] == ["望京街道", "红旗村"]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    await until(lambda: editor.session is not None and editor.session.id is not None)

    stored = repo(lambda r: r.get_session(editor.session.id))
    assert stored.title == "节前视频连线"
    assert stored.kind is SessionKind.INVESTIGATION
    assert [(s.site_name, s.time_box_minutes) for s in stored.sites] == [
        ("望京街道", 10),
        ("红旗村", 10),
    ]
    await until(lambda: any(s.id == stored.id for s in view.week.sessions))
    await until(
        lambda: view.upcoming.count() == 1 and "节前视频连线" in view.upcoming.item(0).text()
    )
    assert view.tabs.isTabEnabled(1)


async def test_empty_title_is_refused_with_a_message(
    clocked: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    view = await open_view(clocked, qtbot)
    assert view.save() is False
    assert "title" in view.messages.label.text()
    assert repo(lambda r: r.upcoming_sessions()) == []


async def test_conflicts_are_warned_while_editing(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    existing(repo, sites)
    view = await open_view(clocked, qtbot)
    editor = view.editor
    type_text(editor.title_edit, "另一场")
    type_text(editor.official_edit, "王建国")
    editor.start_edit.setDateTime(datetime(2026, 11, 24, 9, 30))
    editor.duration_spin.setValue(20)
    editor.add_site(sites[0])
    editor.add_site(sites[1])
    editor.add_site(sites[2])
    await until(
        lambda: editor.warnings_label.isVisible() and editor.warnings_label.text().count("⚠") == 3
    )
    text = editor.warnings_label.text()
    assert "王建国 is also in “冬季保供调度”" in text
    assert "红旗村 is also booked in “冬季保供调度”" in text
    assert "exceed the duration by 10 min" in text
    assert "30 of 20 min" in editor.boxes_label.text()

    # Moving it to the afternoon leaves only the time-box warning; it still saves.
    editor.start_edit.setDateTime(datetime(2026, 11, 24, 14, 0))
    await until(lambda: editor.warnings_label.text().count("⚠") == 1)
    view.save()
    await until(lambda: len(repo(lambda r: r.upcoming_sessions())) == 2)


async def test_reordering_sites_persists_positions_and_segment_starts(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = int(
        repo(
            lambda r: r.save_session(
                Session(
                    "连线",
                    SessionKind.POLICY_BRIEFING,
                    "",
                    datetime(2026, 11, 25, 10, 0),
                    60,
                    sites=[SessionSite(sites[0], 0, 20), SessionSite(sites[1], 1, 15)],
                )
            )
        )
    )
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    order = view.editor.order
    assert [order.topLevelItem(r).text(2) for r in range(2)] == ["10:00", "10:20"]
    order.setCurrentItem(order.topLevelItem(1))
    qtbot.mouseClick(view.editor.up_button, Qt.MouseButton.LeftButton)
    assert [order.topLevelItem(r).text(2) for r in range(2)] == ["10:00", "10:15"]
    view.save()
    await until(
        lambda: (
            [s.site_name for s in repo(lambda r: r.get_session(session_id)).sites]
            == ["望京街道", "红旗村"]
        )
    )


async def test_week_view_shows_the_week_and_opens_a_session_on_click(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    await until(lambda: len(view.week.sessions) == 1)
    assert view.week_label.text() == "2026-11-23 – 2026-11-29"
    view.week.repaint()
    block = view.week._blocks[0]
    qtbot.mouseClick(view.week, Qt.MouseButton.LeftButton, pos=block.rect.center().toPoint())
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    assert view.editor_title.text() == "冬季保供调度"

    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    await until(lambda: view.week.monday == date(2026, 11, 30))
    assert view.week.sessions == []
    assert view.week.session_at(QPointF(block.rect.center())) is None


async def test_cancelling_keeps_the_session_on_record(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    await until(lambda: view.editor.cancel_session_button.isEnabled())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.editor.cancel_session_button, Qt.MouseButton.LeftButton)
    await until(lambda: repo(lambda r: r.get_session(session_id)).status is SessionStatus.CANCELLED)
    assert not view.editor.cancel_session_button.isEnabled()


async def test_agenda_add_reorder_edit_delete_persist(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    await until(lambda: view.agenda.session is not None)
    agenda = view.agenda
    for kind, text in (
        ("question", "节日期间能轮流休息吗？"),
        ("topic", "保供"),
        ("question", "设备防冻怎么做？"),
    ):
        agenda.new_kind.setCurrentIndex(agenda.new_kind.findData(kind))
        type_text(agenda.new_text, text)
        qtbot.keyClick(agenda.new_text, Qt.Key.Key_Return)
        await until(lambda t=text: any(i.text == t for i in agenda._items.values()))
    assert agenda.list.count() == 3

    ids = agenda.list.ordered_ids()
    agenda.list.insertItem(0, agenda.list.takeItem(2))
    agenda._reordered()
    await until(
        lambda: (
            [i.id for i in repo(lambda r: r.list_agenda(session_id))] == [ids[2], ids[0], ids[1]]
        )
    )

    agenda.list.item(1).setText("节日期间大家能轮流休息吗？")
    await until(
        lambda: repo(lambda r: r.list_agenda(session_id))[1].text == "节日期间大家能轮流休息吗？"
    )

    agenda.list.setCurrentRow(2)
    agenda.list.item(2).setSelected(True)
    qtbot.keyClick(agenda.list, Qt.Key.Key_Delete)
    await until(
        lambda: (
            [i.text for i in repo(lambda r: r.list_agenda(session_id))]
            == ["设备防冻怎么做？", "节日期间大家能轮流休息吗？"]
        )
    )
    kinds = [i.kind for i in repo(lambda r: r.list_agenda(session_id))]
    assert kinds == [AgendaItemKind.QUESTION, AgendaItemKind.QUESTION]


async def test_briefing_saves_as_typed_and_shows_open_follow_ups(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    def seed(r: Repository) -> None:
        earlier = r.save_session(
            Session(
                "上次连线",
                SessionKind.INVESTIGATION,
                "王建国",
                datetime(2026, 10, 1, 9),
                30,
                sites=[SessionSite(sites[0], 0, 30)],
            )
        )
        q1 = r.add_question(earlier, sites[0], "水压问题？")
        q2 = r.add_question(earlier, sites[0], "路灯问题？")
        r.set_commitment(q1.id or 0, "更换增压泵", "水务局", date(2026, 11, 1))
        solved = r.set_commitment(q2.id or 0, "修好路灯", "城管局", date(2026, 12, 1))
        r.set_follow_up_status(solved.id or 0, FollowUpStatus.SOLVED, "已修好")

    repo(seed)
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    await until(lambda: view.agenda.bundle is not None)
    texts = [view.agenda.follow_ups.item(r).text() for r in range(view.agenda.follow_ups.count())]
    assert len(texts) == 1 and "更换增压泵" in texts[0] and "水务局" in texts[0]
    assert view.agenda.follow_ups.item(0).toolTip() == "Overdue"

    type_text(view.agenda.briefing_edit, "红旗村 312 户")
    await until(
        lambda: repo(lambda r: r.get_briefing(session_id, sites[0])) == "红旗村 312 户", timeout=2
    )


async def test_new_session_action_has_the_standard_shortcut(
    clocked: UiContext, qtbot: QtBot
) -> None:
    page = build_page(clocked)
    qtbot.addWidget(page.widget)
    assert page.actions[0].shortcut().toString() == "Ctrl+N"
    assert page.flush is not None
    await until(lambda: not page.widget.presenter.is_busy)  # type: ignore[attr-defined]
