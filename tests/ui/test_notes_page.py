from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from outreach_app.core.model import (
    AgendaItemKind,
    Contact,
    FollowUp,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
)
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.notes.presenter import SAVE_DELAY_MS, choose_default_session
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.widgets.notice_dialog import NoticeDialog
from tests.ui.conftest import Repo, type_text, until


@pytest.fixture
def session_id(repo: Repo) -> int:
    def seed(r: Repository) -> int:
        village = r.sites.save_site(
            Site("红旗村村委会", contacts=[Contact("张德明", "13909321234")])
        )
        gas = r.sites.save_site(Site("克拉2气田中控室"))
        start = datetime.now().replace(microsecond=0) + timedelta(minutes=20)
        sid = r.sessions.save_session(
            Session(
                "节前连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                start,
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(gas, 0, 30), SessionSite(village, 1, 30)],
            )
        )
        r.sessions.add_agenda_item(sid, gas, AgendaItemKind.QUESTION, "节日期间大家能轮流休息吗？")
        r.sessions.add_agenda_item(sid, gas, AgendaItemKind.TOPIC, "保供")
        return sid

    return int(repo(seed))


def note_count(view: NotesView) -> int:
    items = (view.notes_list.item(row) for row in range(view.notes_list.count()))
    return sum(1 for item in items if item.data(Qt.ItemDataRole.UserRole) is not None)


def opened_question_id(view: NotesView) -> int:
    """The id of the question open in the editor."""
    question_id = view.editor.question_id
    assert question_id is not None
    return question_id


async def open_view(context: UiContext, qtbot: QtBot) -> NotesView:
    view = NotesView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    await until(lambda: view.presenter.notes is not None and view.sites_list.count() > 0)
    return view


async def test_opens_the_coming_session_with_sites_in_order_and_planned_questions(
    context: UiContext, qtbot: QtBot, session_id: int
) -> None:
    view = await open_view(context, qtbot)
    assert view.session_combo.currentData(Qt.ItemDataRole.UserRole) == session_id
    assert "克拉2气田中控室" in view.sites_list.item(0).text()
    assert "红旗村村委会" in view.sites_list.item(1).text()
    # Topics are not questions to ask.
    assert view.planned_list.count() == 1
    assert "轮流休息" in view.planned_list.item(0).text()


async def test_asking_a_planned_question_records_it_and_marks_it_asked(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    view.planned_list.setCurrentRow(0)
    QTest.mouseClick(view.ask_button, Qt.MouseButton.LeftButton)
    await until(lambda: note_count(view) == 1)

    stored = repo(lambda r: r.notes.list_questions(session_id))
    assert [q.text for q in stored] == ["节日期间大家能轮流休息吗？"]
    assert stored[0].agenda_item_id is not None
    assert stored[0].asked_by == "王建国"
    assert view.planned_list.item(0).text().startswith("✓")
    assert view.editor.question_id == stored[0].id


async def test_answer_is_saved_while_typing_without_any_other_action(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    QTest.keyClicks(view.new_question_edit, "How is the gas supply?")
    QTest.keyClick(view.new_question_edit, Qt.Key.Key_Return)
    await until(lambda: view.editor.question_id is not None)

    type_text(view.editor.answer_edit, "外输压力稳定 stable")
    view.editor.speaker_combo.setEditText("艾力")
    # The list entry follows the typing: answered, with the answer's start.
    entry = view.notes_list.currentItem().text()
    assert "外输压力稳定" in entry and not entry.startswith("…")
    # Saved within about a second of the last keystroke, with no click or focus change.
    await until(
        lambda: (
            (q := repo(lambda r: r.notes.list_questions(session_id)))
            and q[0].answer is not None
            and q[0].answer.text == "外输压力稳定 stable"
        ),
        timeout=SAVE_DELAY_MS / 1000 + 1.0,
    )
    answer = repo(lambda r: r.notes.list_questions(session_id))[0].answer
    assert answer is not None and answer.speaker == "艾力"
    await until(lambda: view.editor.save_label.text() == "All changes saved")


async def test_continuous_typing_is_saved_before_the_typist_pauses(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    view.presenter.ask_new(view._selected_site or 0, "连续输入")
    await until(lambda: view.editor.question_id is not None)
    question_id = opened_question_id(view)

    # One keystroke every 100 ms for 1.2 s: a pure debounce would not save until the end.
    for char in "一二三四五六七八九十甲乙":
        type_text(view.editor.answer_edit, char)
        await asyncio.sleep(0.1)
    stored = repo(lambda r: r.notes.get_question(question_id)).answer
    assert stored is not None and len(stored.text) >= 6


async def test_commitment_creates_a_follow_up_with_owner_and_due_date(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    view.presenter.ask_new(view._selected_site or 0, "供水管道什么时候修？")
    await until(lambda: view.editor.question_id is not None)
    editor = view.editor
    question_id = opened_question_id(view)

    def stored_follow_up() -> FollowUp | None:
        return repo(lambda r: r.notes.get_question(question_id)).follow_up

    type_text(editor.answer_edit, "两周内更换增压泵")
    editor.commitment_box.setChecked(True)
    assert editor.commitment_fields.isVisible()
    assert editor.commitment_edit.text() == "两周内更换增压泵"
    type_text(editor.owner_edit, "安定区水务局")
    await until(
        lambda: (follow_up := stored_follow_up()) is not None and follow_up.owner == "安定区水务局"
    )
    follow_up = stored_follow_up()
    assert follow_up is not None
    assert follow_up.commitment == "两周内更换增压泵"
    assert follow_up.due is not None and follow_up.due > date.today()

    editor.commitment_box.setChecked(False)
    await until(lambda: stored_follow_up() is None)


async def test_starting_the_session_stamps_later_notes_with_time_in_session(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    QTest.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: (
            view.presenter.notes is not None
            and view.presenter.notes.session.status is SessionStatus.LIVE
        )
    )
    assert view.end_button.isEnabled() and not view.start_button.isEnabled()
    assert view.clock_label.text().startswith("00:00:0")

    view.presenter.ask_new(view._selected_site or 0, "现场有什么困难？")
    await until(lambda: note_count(view) == 1)
    stored = repo(lambda r: r.notes.list_questions(session_id))[0]
    assert stored.offset_seconds is not None and 0 <= stored.offset_seconds < 5
    assert "[00:00:0" in view.notes_list.item(0).text()
    assert repo(lambda r: r.sessions.get_session(session_id)).status is SessionStatus.LIVE


async def test_flush_writes_pending_typing_at_once(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    view.presenter.ask_new(view._selected_site or 0, "问题")
    await until(lambda: view.editor.question_id is not None)
    type_text(view.editor.answer_edit, "马上保存")
    view.flush()
    await view.presenter.wait_idle()
    question_id = opened_question_id(view)
    answer = repo(lambda r: r.notes.get_question(question_id)).answer
    assert answer is not None and answer.text == "马上保存"


async def test_empty_question_is_refused_with_a_message(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    QTest.keyClick(view.new_question_edit, Qt.Key.Key_Return)
    await until(lambda: view.messages.isVisible())
    assert "Type the question" in view.messages.label.text()
    assert repo(lambda r: r.notes.list_questions(session_id)) == []


async def test_empty_database_says_what_to_do(context: UiContext, qtbot: QtBot) -> None:
    view = NotesView(context)
    qtbot.addWidget(view)
    await until(lambda: not view.session_combo.isEnabled())
    assert "No sessions yet" in view.session_combo.currentText()
    assert not view.add_button.isEnabled()


def test_default_session_prefers_live_then_next_then_latest() -> None:
    now = datetime(2026, 11, 23, 12, 0)

    def session(hours: int, status: SessionStatus, sid: int) -> Session:
        return Session(
            "s",
            SessionKind.INVESTIGATION,
            "",
            now + timedelta(hours=hours),
            60,
            status=status,
            id=sid,
        )

    past = session(-30, SessionStatus.ENDED, 1)
    soon = session(2, SessionStatus.SCHEDULED, 2)
    later = session(26, SessionStatus.SCHEDULED, 3)
    live = session(-1, SessionStatus.LIVE, 4)
    assert choose_default_session([past, soon, later, live], now) is live
    assert choose_default_session([past, later, soon], now) is soon
    assert choose_default_session([past], now) is past
    assert choose_default_session([], now) is None


async def test_a_reload_while_typing_keeps_the_text_and_the_cursor(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    view.presenter.ask_new(view._selected_site or 0, "问题")
    await until(lambda: view.editor.question_id is not None)
    type_text(view.editor.answer_edit, "正在输入")
    # Another page changes the session while the answer is being typed.
    context.bus.announce(Topic.SESSIONS)
    type_text(view.editor.answer_edit, "的回答")
    await until(lambda: not view.presenter.is_busy)
    await view.presenter.wait_idle()
    assert view.editor.answer_edit.toPlainText() == "正在输入的回答"
    assert view.editor.answer_edit.textCursor().position() == len("正在输入的回答")
    view.flush()
    await view.presenter.wait_idle()
    question_id = opened_question_id(view)
    stored = repo(lambda r: r.notes.get_question(question_id)).answer
    assert stored is not None and stored.text == "正在输入的回答"


async def test_a_new_question_opens_in_the_editor_after_earlier_ones(
    context: UiContext, qtbot: QtBot, session_id: int
) -> None:
    """The answer typed next goes to the question just asked, never to the one before it
    (re-filling the list used to move the editor to a neighbouring question)."""
    view = await open_view(context, qtbot)
    site = view.selected_site_id
    assert site is not None
    added: list[int | None] = []
    view.presenter.questionAdded.connect(lambda question: added.append(question.id))
    asked: list[str] = []
    for number in range(1, 5):
        asked.append(f"第{number}个问题？")
        assert view.presenter.ask_new(site, asked[-1])
        await until(lambda: len(added) == len(asked))
        await asyncio.sleep(0.05)
        assert view.editor.question_id == added[-1], f"question {number}"


async def test_a_due_date_typed_over_the_field_is_kept_as_typed(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    view.presenter.ask_new(view._selected_site or 0, "供暖什么时候恢复？")
    await until(lambda: view.editor.question_id is not None)
    editor = view.editor
    question_id = opened_question_id(view)
    type_text(editor.answer_edit, "年底前")
    QTest.mouseClick(editor.commitment_box, Qt.MouseButton.LeftButton)
    await until(lambda: repo(lambda r: r.notes.get_question(question_id)).follow_up is not None)

    def stored_due() -> date | None:
        follow_up = repo(lambda r: r.notes.get_question(question_id)).follow_up
        return follow_up.due if follow_up else None

    due = editor.due_edit
    # The default lies in another year than the date typed, as it did in December.
    due.setDate(QDate(2027, 1, 6))
    field = due.lineEdit()
    # A click at the start of the year, then the whole date typed, a key at a time.
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(3, field.height() // 2))
    for key in "2026-12-31":
        QTest.keyClicks(due, key)
        await asyncio.sleep(0.02)
    assert due.text() == "2026-12-31"
    await until(lambda: stored_due() == date(2026, 12, 31))

    # Everything selected, the date typed over it.
    QTest.keyClick(due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(due, "2027-02-05")
    assert due.text() == "2027-02-05"
    await until(lambda: stored_due() == date(2027, 2, 5))


async def test_a_notice_to_sites_is_written_only_while_the_session_is_live(
    context: UiContext, qtbot: QtBot, session_id: int, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    view.write_notice()
    assert not view.findChildren(NoticeDialog)
    assert "only while the session's call is live" in view.messages.label.text()

    repo(lambda r: r.sessions.set_session_status(session_id, SessionStatus.LIVE))
    context.bus.announce(Topic.SESSIONS)
    await until(
        lambda: (
            view.presenter.notes is not None
            and view.presenter.notes.session.status is SessionStatus.LIVE
        )
    )
    gas = view.sites_list.item(0).data(Qt.ItemDataRole.UserRole)
    view.write_notice()
    dialog = view.notice_dialog
    assert dialog is not None and dialog.target() == gas
    QTest.keyClicks(dialog.text_edit, "Please prepare the figures on heating")
    QTest.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(repo(lambda r: r.calls.notices(session_id))) == 1)
    notice = repo(lambda r: r.calls.notices(session_id))[0]
    assert (notice.site_id, notice.text) == (gas, "Please prepare the figures on heating")
