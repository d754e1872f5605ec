from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDateTime, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QStyle
from pytestqt.qtbot import QtBot

from outreach_app.core.call_engines import EngineChoice
from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.core.topics import Topic
from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages import Page
from outreach_app.ui.schedule.page import build_page
from outreach_app.ui.schedule.view import ScheduleView
from outreach_app.ui.schedule.week_view import fitted_text
from tests.ui.conftest import Repo, current_tree_item, tree_item, type_text, until

NOW = datetime(2026, 11, 23, 8, 10)


@pytest.fixture
def clocked(context: UiContext) -> UiContext:
    context.clock = lambda: NOW
    return context


@pytest.fixture
def sites(repo: Repo) -> list[int]:
    return repo(
        lambda r: [r.sites.save_site(Site(name)) for name in ("红旗村", "望京街道", "克拉2气田")]
    )


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
            lambda r: r.sessions.save_session(
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
    QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    await until(lambda: editor.session is not None and editor.session.id is not None)

    assert editor.session is not None and editor.session.id is not None
    saved_id = editor.session.id
    stored = repo(lambda r: r.sessions.get_session(saved_id))
    assert stored.title == "节前视频连线"
    assert stored.kind is SessionKind.INVESTIGATION
    assert [(s.site_name, s.time_box_minutes) for s in stored.sites] == [
        ("望京街道", 10),
        ("红旗村", 10),
    ]
    await until(lambda: any(s.id == stored.id for s in view.week.sessions))
    await until(
        lambda: (
            view.upcoming.topLevelItemCount() == 1
            and tree_item(view.upcoming, 0).text(2) == "节前视频连线"
        )
    )
    assert view.upcoming_session_ids() == [stored.id]
    row = tree_item(view.upcoming, 0)
    assert [row.text(c) for c in (0, 1, 3, 4)] == [
        "2026-11-23 Mon",
        "08:30–09:30",
        "Scheduled",
        "2",
    ]
    assert view.tabs.isTabEnabled(1)
    assert not editor.is_modified()
    assert not editor.unsaved_label.isVisible()


async def test_empty_title_is_refused_with_a_message(
    clocked: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    view = await open_view(clocked, qtbot)
    assert view.upcoming_session_ids() == []
    assert tree_item(view.upcoming, 0).text(0).startswith("Nothing scheduled")
    assert view.save() is False
    assert "title" in view.messages.label.text()
    assert repo(lambda r: r.sessions.upcoming_sessions(now=NOW)) == []


async def test_conflicts_are_warned_while_editing(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    existing(repo, sites)
    view = await open_view(clocked, qtbot)
    editor = view.editor
    type_text(editor.title_edit, "另一场")
    type_text(editor.official_edit, "王建国")
    editor.start_edit.setDateTime(QDateTime(2026, 11, 24, 9, 30, 0))
    editor.duration_spin.setValue(20)
    editor.add_site(sites[0])
    editor.add_site(sites[1])
    editor.add_site(sites[2])
    await until(lambda: editor.warnings_label.isVisible() and len(editor.warnings()) == 3)
    assert editor.warnings() == [
        "The time boxes exceed the duration by 10 min.",
        "王建国 is also in “冬季保供调度” at 09:00.",
        "红旗村 is booked in “冬季保供调度” at 09:00.",
    ]
    assert "30 of 20 min" in editor.boxes_label.text()

    # Moving it to the afternoon leaves only the time-box warning; it still saves.
    editor.start_edit.setDateTime(QDateTime(2026, 11, 24, 14, 0, 0))
    await until(lambda: len(editor.warnings()) == 1)
    editor.duration_spin.setValue(30)
    await until(lambda: not editor.warnings_label.isVisible())
    editor.duration_spin.setValue(20)
    await until(lambda: len(editor.warnings()) == 1)
    view.save()
    await until(lambda: len(repo(lambda r: r.sessions.upcoming_sessions(now=NOW))) == 2)


async def test_reordering_sites_persists_positions_and_segment_starts(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = int(
        repo(
            lambda r: r.sessions.save_session(
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
    assert [tree_item(order, r).text(2) for r in range(2)] == ["10:00", "10:20"]
    order.setCurrentItem(tree_item(order, 1))
    QTest.mouseClick(view.editor.up_button, Qt.MouseButton.LeftButton)
    assert [tree_item(order, r).text(0) for r in range(2)] == ["望京街道", "红旗村"]
    assert [tree_item(order, r).text(2) for r in range(2)] == ["10:00", "10:15"]
    # The moved rows keep a working time-box spin box each.
    spins = [order.time_box_editor(r) for r in range(2)]
    assert [spin.value() if spin else None for spin in spins] == [15, 20]
    assert view.editor.is_modified() and view.editor.unsaved_label.isVisible()
    view.save()
    await until(
        lambda: (
            [
                (s.site_name, s.position)
                for s in repo(lambda r: r.sessions.get_session(session_id)).sites
            ]
            == [("望京街道", 0), ("红旗村", 1)]
        )
    )


async def test_time_box_spin_boxes_update_totals_and_starts_live(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    view = await open_view(clocked, qtbot)
    editor = view.editor
    type_text(editor.title_edit, "连线")
    editor.duration_spin.setValue(30)
    editor.add_site(sites[0])
    editor.add_site(sites[1])
    assert editor.boxes_label.text() == "Time boxes: 20 of 30 min"
    spin = editor.order.time_box_editor(0)
    assert spin is not None and spin.isVisible()
    spin.setValue(25)
    assert editor.boxes_label.text() == "Time boxes: 35 of 30 min"
    assert tree_item(editor.order, 1).text(2) == "08:55"
    await until(lambda: editor.warnings() == ["The time boxes exceed the duration by 5 min."])
    view.save()
    await until(lambda: editor.session is not None and editor.session.id is not None)
    assert editor.session is not None and editor.session.id is not None
    saved_id = editor.session.id
    stored = repo(lambda r: r.sessions.get_session(saved_id))
    assert [s.time_box_minutes for s in stored.sites] == [25, 10]


async def test_a_click_on_a_week_block_shows_that_session_in_the_editor(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    await until(lambda: len(view.week.sessions) == 1)
    assert view.week_label.text() == "2026-11-23 – 2026-11-29"
    view.week.repaint()
    block = view.week._blocks[0]
    centre = block.rect.center().toPoint()
    QTest.mouseClick(view.week, Qt.MouseButton.LeftButton, pos=centre)
    assert view.week.selected_id == session_id
    assert current_tree_item(view.upcoming).text(2) == "冬季保供调度"
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    assert view.editor_title.text() == "冬季保供调度"

    QTest.mouseDClick(view.week, Qt.MouseButton.LeftButton, pos=centre)
    assert view.editor.session is not None and view.editor.session.id == session_id

    QTest.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    await until(lambda: view.week.monday == date(2026, 11, 30))
    assert view.week.sessions == []
    assert view.week.session_at(QPointF(block.rect.center())) is None
    QTest.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    await until(lambda: view.week.monday == date(2026, 11, 23) and len(view.week.sessions) == 1)


async def test_week_view_and_upcoming_list_work_from_the_keyboard(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    first = existing(repo, sites)
    second = existing(repo, sites, start=datetime(2026, 11, 26, 15, 0))
    view = await open_view(clocked, qtbot)
    await until(lambda: len(view.week.sessions) == 2)
    view.week.setFocus()
    QTest.keyClick(view.week, Qt.Key.Key_Right)
    assert view.week.selected_id == first
    QTest.keyClick(view.week, Qt.Key.Key_Right)
    assert view.week.selected_id == second
    QTest.keyClick(view.week, Qt.Key.Key_Return)
    await until(lambda: view.editor.session is not None and view.editor.session.id == second)

    view.upcoming.setFocus()
    view.upcoming.setCurrentItem(tree_item(view.upcoming, 0))
    assert view.week.selected_id == first
    QTest.keyClick(view.upcoming, Qt.Key.Key_Return)
    await until(lambda: view.editor.session is not None and view.editor.session.id == first)


async def test_unsaved_changes_are_not_lost_when_opening_another_session(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    type_text(view.editor.title_edit, "草稿连线")
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton) -> None:
        def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
            asked.append(title)
            return choice

        monkeypatch.setattr(QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.Cancel)
    view.open_session(session_id)
    assert asked == ["Unsaved changes"]
    assert view.editor.title_edit.text() == "草稿连线"

    answer(QMessageBox.StandardButton.Cancel)
    view.upcoming.setCurrentItem(tree_item(view.upcoming, 0))
    assert asked == ["Unsaved changes"] * 2
    assert view.editor.title_edit.text() == "草稿连线"
    assert view.week.selected_id is None and view.upcoming.selectedItems() == []

    answer(QMessageBox.StandardButton.Save)
    view.open_session(session_id)
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    assert [s.title for s in repo(lambda r: r.sessions.upcoming_sessions(now=NOW))] == [
        "草稿连线",
        "冬季保供调度",
    ]


async def test_revert_puts_back_the_stored_session(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    assert not view.editor.revert_button.isEnabled()
    view.editor.title_edit.setText("改名")
    view.editor.add_site(sites[2])
    assert view.editor.revert_button.isEnabled()
    QTest.mouseClick(view.editor.revert_button, Qt.MouseButton.LeftButton)
    await until(lambda: view.editor.title_edit.text() == "冬季保供调度")
    assert [s.site_id for s in view.editor.current_session().sites] == [sites[0]]
    assert not view.editor.is_modified()


async def test_cancelling_keeps_the_session_on_record(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    await until(lambda: view.editor.cancel_session_button.isEnabled())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    QTest.mouseClick(view.editor.cancel_session_button, Qt.MouseButton.LeftButton)
    await until(lambda: not view.presenter.is_busy)
    assert repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.SCHEDULED

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.mouseClick(view.editor.cancel_session_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.CANCELLED
    )
    await until(lambda: not view.editor.cancel_session_button.isEnabled())
    assert view.editor.status_combo.currentData() == "cancelled"
    await until(lambda: view.week.sessions and view.week.sessions[0].status.value == "cancelled")


async def test_new_session_action_shows_the_page_and_starts_a_new_session(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = existing(repo, sites)
    page = build_page(clocked)
    other = Page("other", "Other", QStyle.StandardPixmap.SP_FileIcon, lambda: QLabel("other"))
    window = MainWindow(clocked, [page, other])
    qtbot.addWidget(window)
    view = page.widget
    assert isinstance(view, ScheduleView)
    await until(lambda: not view.presenter.is_busy)
    assert page.key == "schedule" and page.title == "Sessions"
    assert page.actions[0].shortcut().toString() == "Ctrl+N"
    view.open_session(session_id)
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    window.show_page("other")

    page.actions[0].trigger()
    assert window.current_page_key() == "schedule"
    assert view.editor.session is not None and view.editor.session.id is None
    assert view.editor_title.text() == "New session"
    assert not view.tabs.isTabEnabled(1)


async def test_the_editor_keeps_what_carries_the_call(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = existing(repo, sites)
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    editor = view.editor
    await until(lambda: editor.session is not None and editor.session.id == session_id)
    assert editor.engine_combo.currentData() == EngineChoice.AUTO.value
    assert "6 sites" in editor.engine_combo.currentText()
    editor.engine_combo.setCurrentIndex(editor.engine_combo.findData(EngineChoice.JANUS.value))
    assert editor.is_modified()
    QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: repo(lambda r: r.sessions.get_session(session_id)).call_engine is EngineChoice.JANUS
    )
    await until(lambda: not editor.is_modified())


async def test_a_live_sessions_sites_and_time_boxes_are_shown_not_changed(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    session_id = existing(repo, sites, start=datetime(2026, 11, 23, 8, 0))
    repo(lambda r: r.sessions.set_session_status(session_id, SessionStatus.LIVE))
    view = await open_view(clocked, qtbot)
    view.open_session(session_id)
    editor = view.editor
    await until(lambda: editor.session is not None and editor.session.id == session_id)
    spin = editor.order.time_box_editor(0)
    assert spin is not None
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == 30 and not spin.isEnabled()
    for button in (editor.add_site_button, editor.remove_site_button, editor.up_button):
        assert not button.isEnabled()
    editor.order.setCurrentItem(tree_item(editor.order, 0))
    QTest.mouseClick(editor.remove_site_button, Qt.MouseButton.LeftButton)
    assert editor.order.topLevelItemCount() == 1 and not editor.is_modified()
    # The reason is on screen.
    assert editor.live_lock_label.isVisible()
    assert "The session is live" in editor.live_lock_label.text()

    # Once it has ended they can be changed again (for the record).
    repo(lambda r: r.sessions.set_session_status(session_id, SessionStatus.ENDED))
    clocked.bus.announce(Topic.SESSIONS)
    await until(lambda: not editor.live_lock_label.isVisible())
    spin = editor.order.time_box_editor(0)
    assert spin is not None and spin.isEnabled() and editor.add_site_button.isEnabled()


async def test_a_new_session_starts_after_the_sessions_already_on_that_day(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int]
) -> None:
    live = existing(repo, sites, start=datetime(2026, 11, 23, 8, 0))
    repo(lambda r: r.sessions.set_session_status(live, SessionStatus.LIVE))
    existing(repo, sites, official="李红", start=datetime(2026, 11, 23, 9, 0))
    view = await open_view(clocked, qtbot)
    await until(lambda: len(view.week.sessions) == 2)
    start = view.editor.start_edit.dateTime().toPython()
    assert start == datetime(2026, 11, 23, 10, 0)
    assert not view.editor.is_modified()

    view.open_session(live)
    await until(lambda: view.editor.session is not None and view.editor.session.id == live)
    QTest.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.editor.session is not None and view.editor.session.id is None
    assert view.editor.start_edit.dateTime().toPython() == datetime(2026, 11, 23, 10, 0)


@pytest.mark.parametrize("size", [(1300, 820), (900, 700)])
async def test_a_week_block_shows_as_much_title_as_fits_and_the_rest_in_its_tooltip(
    clocked: UiContext, qtbot: QtBot, repo: Repo, sites: list[int], size: tuple[int, int]
) -> None:
    title = "节前视频连线慰问基层一线 and a long English tail that cannot fit"
    repo(
        lambda r: r.sessions.save_session(
            Session(title, SessionKind.ON_SITE_WORK, "王建国", datetime(2026, 11, 24, 9), 45)
        )
    )
    view = await open_view(clocked, qtbot)
    view.resize(*size)
    await until(lambda: len(view.week.sessions) == 1)
    view.week.repaint()
    block = view.week._blocks[0]
    font = QFont(view.week.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7))
    metrics = QFontMetrics(font)
    box = block.rect.adjusted(4, 2, -3, -2).toAlignedRect()
    flags, shown = fitted_text(metrics, box, f"9:00 {title}")
    drawn = metrics.boundingRect(box, flags, shown)
    assert shown.endswith("…") and len(shown) > 3
    assert drawn.height() <= box.height() and drawn.width() <= box.width()

    QTest.mouseMove(view.week, block.rect.center().toPoint())
    assert title in view.week.toolTip()
