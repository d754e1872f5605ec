"""The follow-up board: from a commitment in the minutes to solved, through the real widgets."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.core.follow_ups import FollowUpAction
from outreach_app.core.model import (
    FollowUpStatus,
    Role,
    Satisfaction,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    User,
)
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.follow_ups.board import ROLE_CARD, Card
from outreach_app.ui.follow_ups.dialogs import DueDatesDialog, StepDialog
from outreach_app.ui.follow_ups.page import build_page
from outreach_app.ui.follow_ups.view import FollowUpBoardView
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.review.minutes_html import minutes_html
from outreach_app.ui.review.view import ReviewView
from outreach_app.ui.schedule.presenter import AgendaBundle, SchedulePresenter
from tests.follow_up_data import FollowUps, seed_follow_ups
from tests.ui.conftest import Repo, current_tree_item, table_item, tree_item, type_text, until
from tests.ui.test_accessibility import unnamed_controls

TODAY = date.today()
NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=10)


@pytest.fixture
def user() -> User:
    return User("陈静", Role.REVIEWER)


@pytest.fixture
def seeded(repo: Repo) -> FollowUps:
    """pump: its claim was due 5 days ago; lockers: claimed by 孙浩, on time; heating: no dates."""

    def seed(r: Repository) -> FollowUps:
        made = NOW - timedelta(days=20)
        seeded = seed_follow_ups(
            r,
            visits_at=made,
            survey_at=NOW - timedelta(days=3),
            pump_due=TODAY + timedelta(30),
            lockers_due=TODAY + timedelta(10),
            status=SessionStatus.ENDED,
            slot_minutes=30,
        )
        real_clock = r.clock
        r.clock = lambda: made
        r.follow_ups.set_follow_up_due_dates(
            seeded.pump,
            claim_due=TODAY - timedelta(days=5),
            respond_due=None,
            due=TODAY + timedelta(30),
        )
        r.follow_ups.claim_follow_up(seeded.lockers, "孙浩")
        r.clock = real_clock
        return seeded

    return repo(seed)


async def open_board(context: UiContext, qtbot: QtBot) -> FollowUpBoardView:
    context.clock = lambda: NOW
    view = FollowUpBoardView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    await until(lambda: view.presenter.loaded and not view.presenter.is_busy)
    return view


def shown(view: FollowUpBoardView) -> list[int]:
    return [int(item.data(0, Qt.ItemDataRole.UserRole)) for item in view.tree.follow_up_items()]


def card_of(view: FollowUpBoardView, follow_up_id: int) -> Card:
    for item in view.tree.follow_up_items():
        if item.data(0, Qt.ItemDataRole.UserRole) == follow_up_id:
            found = item.data(0, ROLE_CARD)
            assert isinstance(found, Card)
            return found
    raise AssertionError(f"follow-up {follow_up_id} is not on the board")


def card(view: FollowUpBoardView, follow_up_id: int) -> str:
    """The words of a follow-up's card, line by line."""
    return card_of(view, follow_up_id).text()


def groups(view: FollowUpBoardView) -> list[str]:
    return [tree_item(view.tree, i).text(0) for i in range(view.tree.topLevelItemCount())]


def status_shown(view: FollowUpBoardView) -> FollowUpStatus | None:
    """The status of the follow-up whose details the board shows."""
    detail = view.presenter.detail
    return None if detail is None else detail.follow_up.status


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def history(view: FollowUpBoardView) -> list[list[str]]:
    table = view.detail.history
    return [
        [table_item(table, row, column).text() for column in range(1, 4)]
        for row in range(table.rowCount())
    ]


async def choose(view: FollowUpBoardView, follow_up_id: int) -> None:
    for item in view.tree.follow_up_items():
        if item.data(0, Qt.ItemDataRole.UserRole) == follow_up_id:
            view.tree.setCurrentItem(item)
    await until(
        lambda: (
            view.presenter.detail is not None and view.presenter.detail.follow_up_id == follow_up_id
        )
    )


async def take_step(
    view: FollowUpBoardView,
    action: FollowUpAction,
    fill: Callable[[StepDialog], None],
) -> StepDialog:
    QTest.mouseClick(view.detail.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = view.detail.step_dialog
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    fill(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    return dialog


async def test_from_a_sessions_commitment_to_solved(
    context: UiContext, qtbot: QtBot, repo: Repo, seeded: FollowUps
) -> None:
    context.clock = lambda: NOW
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1360, 840)
    window.show()
    review = window.pages["review"].widget
    board = window.pages["follow_ups"].widget
    assert isinstance(review, ReviewView) and isinstance(board, FollowUpBoardView)
    # Reviewers and staff find the board in the navigation.
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert "Follow-ups" in titles

    # The minutes of the session show the commitment with a link to the board.
    await until(lambda: review.presenter.record is not None)
    review.finder.results.setCurrentRow(
        [s.session.id for s in review.presenter.summaries].index(seeded.visits)
    )
    await until(
        lambda: (
            review.presenter.record is not None
            and review.presenter.record.session_id == seeded.visits
        )
    )
    browser = review.minutes.minutes_browser

    async def follow_link(number: int, follow_up_id: int) -> None:
        """Click the commitment link `number` (0: the first) in the minutes."""
        found = browser.document().find("open on the follow-up board")
        for _ in range(number):
            found = browser.document().find("open on the follow-up board", found)
        assert not found.isNull()
        cursor = QTextCursor(browser.document())
        cursor.setPosition(found.selectionStart() + 3)
        browser.setTextCursor(cursor)
        browser.ensureCursorVisible()
        QTest.mouseClick(
            browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(cursor).center()
        )
        await until(
            lambda: (
                window.current_page_key() == "follow_ups"
                and board.presenter.detail is not None
                and board.presenter.detail.follow_up_id == follow_up_id
            )
        )

    # The second commitment (望京, already claimed), then back to the first (红旗村).
    await follow_link(1, seeded.lockers)
    assert "孙浩" in board.detail.facts.toPlainText()
    window.show_page("review")
    await follow_link(0, seeded.pump)
    await until(lambda: board.tree.currentItem() is not None)
    assert current_tree_item(board.tree).data(0, Qt.ItemDataRole.UserRole) == seeded.pump
    assert board.detail.title_label.text() == "更换三组增压泵"
    assert "来信来访接待连线" in board.detail.facts.toPlainText()
    assert history(board) == [["Opened", "陈静", ""]]
    # Only the next step of an open item is offered.
    enabled = {a for a, b in board.detail.action_buttons.items() if b.isEnabled()}
    assert enabled == {FollowUpAction.CLAIM}

    await take_step(board, FollowUpAction.CLAIM, lambda d: type_text(d.person_edit, "赵志刚"))
    await until(lambda: status_shown(board) is FollowUpStatus.CLAIMED)
    assert history(board)[-1] == ["Claimed", "陈静", "Taken by 赵志刚"]
    assert "Follow-up marked “Claimed”." in board.messages.label.text()

    await take_step(
        board,
        FollowUpAction.RESPOND,
        lambda d: d.text_edit.setPlainText("新泵已采购，下周安装。"),
    )
    await until(lambda: status_shown(board) is FollowUpStatus.RESPONDED)

    def solve(dialog: StepDialog) -> None:
        dialog.text_edit.setPlainText("新泵已投用，水压恢复正常。")
        dialog.satisfaction_combo.setCurrentIndex(
            dialog.satisfaction_combo.findData(Satisfaction.SATISFIED.value)
        )

    await take_step(board, FollowUpAction.SOLVE, solve)
    await until(lambda: status_shown(board) is FollowUpStatus.SOLVED)
    assert [row[0] for row in history(board)] == ["Opened", "Claimed", "Responded", "Solved"]
    assert history(board)[2][2] == "新泵已采购，下周安装。"
    assert history(board)[3][2] == "新泵已投用，水压恢复正常。"
    facts = board.detail.facts.toPlainText()
    assert "Satisfied" in facts and "新泵已投用" in facts and "赵志刚" in facts
    assert {a for a, b in board.detail.action_buttons.items() if b.isEnabled()} == {
        FollowUpAction.REOPEN
    }
    # The board moved it to the solved group, and the store agrees.
    await until(lambda: "✓ Solved on" in card(board, seeded.pump))
    stored = repo(lambda r: r.follow_ups.get_follow_up(seeded.pump))
    assert (stored.status, stored.claimed_by, stored.satisfaction) == (
        FollowUpStatus.SOLVED,
        "赵志刚",
        Satisfaction.SATISFIED,
    )
    # Back in the minutes, the commitment reads as solved.
    await until(lambda: "Solved" in review.minutes.minutes_browser.toPlainText())


async def test_overdue_items_stand_out_in_colour_and_words(
    context: UiContext, qtbot: QtBot, seeded: FollowUps
) -> None:
    view = await open_board(context, qtbot)
    assert "Claim overdue by 5 days" in card(view, seeded.pump)
    assert card_of(view, seeded.pump).tone == "late"
    assert card_of(view, seeded.lockers).tone == ""
    assert "overdue" not in card(view, seeded.lockers)
    assert "Respond by" not in card(view, seeded.lockers) and "Solve by" in card(
        view, seeded.lockers
    )
    assert groups(view) == ["Open (2) — 1 overdue", "Claimed (1)", "Responded (0)", "Solved (0)"]
    assert view.result_label.text() == "3 follow-ups · 1 overdue"
    await choose(view, seeded.pump)
    assert "Claim overdue by 5 days" in view.detail.state_label.text()
    # The most overdue comes first in its group.
    assert shown(view)[0] == seeded.pump
    tooltip = view.tree.follow_up_items()[0].toolTip(0)
    assert "Claim overdue by 5 days" in tooltip


async def test_filters_and_grouping(context: UiContext, qtbot: QtBot, seeded: FollowUps) -> None:
    view = await open_board(context, qtbot)
    everything = {seeded.pump, seeded.lockers, seeded.heating}
    assert set(shown(view)) == everything

    async def shows(expected: set[int]) -> None:
        await until(lambda: set(shown(view)) == expected and not view.presenter.is_busy)

    view.filters.site_combo.setCurrentIndex(view.filters.site_combo.findData(seeded.centre))
    await shows({seeded.lockers})
    view.filters.site_combo.setCurrentIndex(0)
    view.filters.kind_combo.setCurrentIndex(
        view.filters.kind_combo.findData(SessionKind.INVESTIGATION.value)
    )
    await shows({seeded.heating})
    view.filters.kind_combo.setCurrentIndex(0)
    view.filters.category_combo.setCurrentIndex(view.filters.category_combo.findData("基础设施"))
    await shows({seeded.pump, seeded.lockers})
    view.filters.category_combo.setCurrentIndex(0)
    view.filters.status_combo.setCurrentIndex(
        view.filters.status_combo.findData(FollowUpStatus.CLAIMED.value)
    )
    await shows({seeded.lockers})
    view.filters.status_combo.setCurrentIndex(0)
    view.filters.owner_combo.setCurrentIndex(view.filters.owner_combo.findData("发展改革委"))
    await shows({seeded.heating})
    view.filters.owner_combo.setCurrentIndex(0)
    view.filters.period.combo.setCurrentIndex(view.filters.period.combo.findData("custom"))
    view.filters.period.from_edit.setDate(qdate(NOW.date() - timedelta(days=7)))
    view.filters.period.to_edit.setDate(qdate(NOW.date()))
    await shows({seeded.heating})
    view.filters.overdue_box.setChecked(True)
    await shows(set())
    assert "No follow-ups match these filters" in view.tree.empty_hint
    view.filters.period.reset()
    await shows({seeded.pump})
    view.filters.overdue_box.setChecked(False)
    type_text(view.filters.search_edit, "孙浩")
    await shows({seeded.lockers})
    assert view.filters.clear_filters_button.isEnabled()
    QTest.mouseClick(view.filters.clear_filters_button, Qt.MouseButton.LeftButton)
    await shows(everything)
    assert not view.filters.clear_filters_button.isEnabled()

    view.filters.group_combo.setCurrentIndex(view.filters.group_combo.findData("owner"))
    await until(lambda: groups(view)[0].startswith("发展改革委"))
    assert groups(view) == ["发展改革委 (1)", "安定区水务局 (1) — 1 overdue", "朝阳区城管委 (1)"]
    # A card does not repeat its group's name; it names its status instead.
    assert "朝阳区城管委" not in card(view, seeded.lockers) and "孙浩" in card(view, seeded.lockers)
    assert "Claimed" in card(view, seeded.lockers)
    view.filters.group_combo.setCurrentIndex(view.filters.group_combo.findData("site"))
    await until(lambda: groups(view)[0].startswith("望京"))
    assert groups(view) == ["望京街道社区服务中心 (1)", "红旗村村委会 (2) — 1 overdue"]


async def test_bad_input_is_refused_with_a_message(
    context: UiContext, qtbot: QtBot, repo: Repo, seeded: FollowUps
) -> None:
    view = await open_board(context, qtbot)
    await choose(view, seeded.pump)
    # Solving an item nobody has claimed is not offered, and says why.
    assert not view.detail.action_buttons[FollowUpAction.SOLVE].isEnabled()
    assert "Claim it first" in view.detail.action_buttons[FollowUpAction.SOLVE].toolTip()

    dialog = await take_step(view, FollowUpAction.CLAIM, lambda d: None)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Say who takes this follow-up: a named person in the unit"
    dialog.unit_edit.clear()
    type_text(dialog.person_edit, "赵志刚")
    QTest.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and dialog.error_label.text() == "Say which unit takes this follow-up"
    dialog.reject()
    await until(lambda: not view.presenter.is_busy)
    assert repo(lambda r: r.follow_ups.get_follow_up(seeded.pump)).status is FollowUpStatus.OPEN
    assert len(repo(lambda r: r.follow_ups.follow_up_steps(seeded.pump))) == 1

    QTest.mouseClick(view.detail.due_button, Qt.MouseButton.LeftButton)
    due_dialog = view.detail.due_dialog
    assert isinstance(due_dialog, DueDatesDialog)
    due_dialog.respond_due.check.setChecked(True)
    # After the solve-by date.
    due_dialog.respond_due.edit.setDate(qdate(TODAY + timedelta(days=40)))
    QTest.mouseClick(
        due_dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert due_dialog.isVisible()
    assert due_dialog.error_label.text() == (
        "The date to respond by must not be after the date to solve by"
    )
    due_dialog.respond_due.edit.setDate(qdate(TODAY + timedelta(days=20)))
    QTest.mouseClick(
        due_dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    await until(
        lambda: repo(lambda r: r.follow_ups.get_follow_up(seeded.pump)).respond_due is not None
    )
    assert repo(lambda r: r.follow_ups.get_follow_up(seeded.pump)).respond_due == TODAY + timedelta(
        days=20
    )
    await until(lambda: "Due dates saved." in view.messages.label.text())

    # Someone else claimed it meanwhile: the store refuses, and the page says so.
    repo(lambda r: r.follow_ups.claim_follow_up(seeded.pump, "另一人"))
    dialog = await take_step(
        view, FollowUpAction.CLAIM, lambda d: type_text(d.person_edit, "赵志刚")
    )
    await until(lambda: view.messages.isVisible() and "only an open" in view.messages.label.text())
    assert repo(lambda r: r.follow_ups.get_follow_up(seeded.pump)).claimed_by == "另一人"


async def test_keyboard_reaches_every_step(
    context: UiContext, qtbot: QtBot, seeded: FollowUps
) -> None:
    window = MainWindow(context, [build_page(context)])
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    view = window.pages["follow_ups"].widget
    assert isinstance(view, FollowUpBoardView)
    await until(lambda: view.presenter.detail is not None)
    await choose(view, seeded.lockers)
    (find,) = window.pages["follow_ups"].actions
    assert find.shortcut().toString() == "Ctrl+Shift+F"
    view.tree.setFocus()
    find.trigger()
    await until(view.filters.search_edit.hasFocus)
    assert (
        view.detail.action_buttons[FollowUpAction.RESPOND].shortcut().toString() == "Ctrl+Shift+R"
    )
    QTest.keyClick(
        view.tree,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    await until(lambda: view.detail.step_dialog is not None and view.detail.step_dialog.isVisible())
    assert view.detail.step_dialog is not None
    assert view.detail.step_dialog.action is FollowUpAction.RESPOND
    view.detail.step_dialog.reject()


async def test_the_board_follows_changes_made_elsewhere(
    context: UiContext, qtbot: QtBot, repo: Repo, seeded: FollowUps
) -> None:
    view = await open_board(context, qtbot)

    def commit(r: Repository) -> int:
        question = r.notes.add_question(seeded.survey, seeded.centre, "电梯？")
        return r.notes.set_commitment(question.id or 0, "加装电梯", "望京街道办事处", None).id or 0

    elevator = repo(commit)
    # Out of sight, the board does not reload as notes are typed...
    view.hide()
    context.bus.announce(Topic.NOTES)
    await asyncio.sleep(0.6)
    assert elevator not in shown(view) and not view.presenter.is_busy
    # ...and catches up when it is shown again.
    view.show()
    await until(lambda: elevator in shown(view))
    # In sight, it follows what other pages announce.
    repo(lambda r: r.follow_ups.claim_follow_up(elevator, "杨帆"))
    context.bus.announce(Topic.FOLLOW_UPS)
    await until(lambda: "杨帆" in card(view, elevator))
    assert "望京街道办事处" in [
        view.filters.owner_combo.itemText(i) for i in range(view.filters.owner_combo.count())
    ]


async def test_an_open_briefing_follows_the_board(
    context: UiContext, qtbot: QtBot, repo: Repo, seeded: FollowUps
) -> None:
    """Unsolved items of a site are listed in the briefing of its next session, as they are."""
    later = repo(
        lambda r: r.sessions.save_session(
            Session(
                "下次连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                NOW + timedelta(days=7),
                30,
                sites=[SessionSite(seeded.village, 0, 20)],
            )
        )
    )
    schedule = SchedulePresenter(context.store, context.bus, clock=lambda: NOW)
    loaded: list[AgendaBundle] = []
    schedule.agendaLoaded.connect(loaded.append)
    schedule.open_agenda(later, seeded.village)
    await until(lambda: len(loaded) == 1)
    assert [f.commitment for f in loaded[0].open_follow_ups] == [
        "更换三组增压泵",
        "研究取暖电费补贴",
    ]

    view = await open_board(context, qtbot)
    await choose(view, seeded.pump)
    await take_step(view, FollowUpAction.CLAIM, lambda d: type_text(d.person_edit, "赵志刚"))
    await until(lambda: len(loaded) == 2)
    assert next((f.commitment, f.claimed_by) for f in loaded[1].open_follow_ups) == (
        "更换三组增压泵",
        "赵志刚",
    )


async def test_an_empty_database_explains_the_board(context: UiContext, qtbot: QtBot) -> None:
    view = await open_board(context, qtbot)
    assert shown(view) == [] and view.tree.topLevelItemCount() == 0
    assert view.tree.empty_hint.startswith("No follow-ups yet.")
    assert view.result_label.text() == "0 follow-ups"
    assert view.presenter.detail is None
    assert not view.detail.buttons_row.isVisible() and not view.detail.history_panel.isVisible()
    assert "Each follow-up goes through these steps" in view.detail.facts.toPlainText()
    assert view.filters.owner_combo.count() == 2  # all units, no unit yet


async def test_every_control_of_the_board_and_its_dialogs_has_a_name(
    context: UiContext, qtbot: QtBot, seeded: FollowUps
) -> None:
    view = await open_board(context, qtbot)
    await choose(view, seeded.lockers)
    assert unnamed_controls(view) == []
    for action in (FollowUpAction.RESPOND, FollowUpAction.SOLVE, FollowUpAction.REOPEN):
        dialog = view.detail.ask_step(action)
        assert dialog is not None
        assert unnamed_controls(dialog) == []
        dialog.reject()
    due_dialog = view.detail.ask_due_dates()
    assert due_dialog is not None and unnamed_controls(due_dialog) == []
    due_dialog.reject()
    await choose(view, seeded.pump)
    claim = view.detail.ask_step(FollowUpAction.CLAIM)
    assert claim is not None and unnamed_controls(claim) == []
    claim.reject()


async def test_a_long_board_shows_the_newest_and_says_so(
    context: UiContext, qtbot: QtBot, seeded: FollowUps
) -> None:
    view = await open_board(context, qtbot)
    assert "more match" not in view.result_label.text()
    view.presenter.limit = 2
    view.presenter.refresh_list()
    await until(lambda: len(shown(view)) == 2 and not view.presenter.is_busy)
    assert view.presenter.truncated
    assert view.result_label.text() == (
        "2 follow-ups — more match: only the newest 2 are shown; narrow them with the filters"
    )
    # The newest first: the commitment made three days ago is among the two shown.
    assert seeded.heating in shown(view)


async def test_minutes_link_commitments_to_the_board_only_on_screen(
    repo: Repo, seeded: FollowUps, qapp: QApplication
) -> None:
    repo(
        lambda r: r.follow_ups.solve_follow_up(
            seeded.lockers, "增设 4 组快递柜。", Satisfaction.SATISFIED
        )
    )
    minutes = repo(lambda r: r.review.minutes(seeded.visits))
    on_screen = minutes_html(minutes, follow_up_links=True)
    assert f'href="followup:{seeded.lockers}"' in on_screen
    assert f'href="followup:{seeded.pump}"' in on_screen
    # Printed or exported minutes carry no links into the app.
    printed = minutes_html(minutes)
    assert "followup:" not in printed
    document = QTextDocument()
    document.setHtml(printed)
    text = document.toPlainText()
    assert "claimed by 孙浩" in text and "site's satisfaction: Satisfied" in text
