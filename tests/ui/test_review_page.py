from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from outreach_app.core.model import (
    Answer,
    FollowUp,
    Question,
    Review,
    ReviewState,
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Minutes, Repository, StoreError
from outreach_app.storage.search import SearchStore
from outreach_app.ui.context import UiContext
from outreach_app.ui.review.minutes_html import minutes_html, question_anchor
from outreach_app.ui.review.page import build_page
from outreach_app.ui.review.result_list import ROLE_HTML, ROLE_KEY
from outreach_app.ui.review.view import ReviewView
from outreach_app.ui.roles import restrict_view
from tests.ui.conftest import Repo, table_item, type_text, until

NOW = datetime(2026, 8, 15, 10, 0)


@pytest.fixture
def user() -> User:
    return User("陈静", Role.REVIEWER)


@dataclass
class Seeded:
    gas: int
    village: int
    winter: int
    summer: int
    coming: int
    heating_question: int


@pytest.fixture
def seeded(repo: Repo) -> Seeded:
    def seed(r: Repository) -> Seeded:
        # The store keeps the page's time: what is held and what is to come agree.
        r.clock = lambda: NOW
        gas = r.sites.save_site(Site("克拉2气田中控室"))
        village = r.sites.save_site(Site("红旗村村委会"))
        old = r.sites.save_site(Site("旧址村"))
        r.sites.set_site_archived(old, True)

        def session(title: str, kind: SessionKind, start: datetime, status: SessionStatus) -> int:
            return r.sessions.save_session(
                Session(
                    title,
                    kind,
                    "王建国",
                    start,
                    60,
                    status=status,
                    sites=[SessionSite(gas, 0, 30), SessionSite(village, 1, 30)],
                )
            )

        winter = session(
            "冬季保供连线",
            SessionKind.POLICY_BRIEFING,
            datetime(2026, 1, 20, 9),
            SessionStatus.ENDED,
        )
        summer = session(
            "防汛调研连线", SessionKind.INVESTIGATION, datetime(2026, 7, 26, 9), SessionStatus.ENDED
        )
        coming = session(
            "乡村振兴调研", SessionKind.INVESTIGATION, datetime(2026, 8, 22, 9), SessionStatus.DRAFT
        )
        # Enough notes that the minutes scroll, so opening a hit must move to it.
        for number in range(1, 13):
            q = r.notes.add_question(
                winter, gas, f"第{number}个问题：值班安排如何？", category="安全生产"
            )
            assert q.id is not None
            r.notes.save_answer(q.id, f"第{number}个回答：一切正常。", "周强")
        q = r.notes.add_question(
            winter, village, "如何保障天然气平稳供应？", category="民生保障", asked_by="王建国"
        )
        assert q.id is not None
        r.notes.save_answer(q.id, "Heating demand is up; 燃气 reserves cover ten days.", "马秀兰")
        r.notes.set_commitment(q.id, "节前检修调压站", "区燃气公司", date(2026, 2, 1))
        water = r.notes.add_question(
            summer, village, "三组的水压问题解决了吗？", category="基础设施"
        )
        assert water.id is not None
        r.notes.save_answer(water.id, "已经更换加压泵。", "马秀兰")
        r.review.set_review(summer, ReviewState.APPROVED)
        return Seeded(gas, village, winter, summer, coming, q.id)

    return repo(seed)


async def open_view(context: UiContext, qtbot: QtBot) -> ReviewView:
    context.clock = lambda: NOW
    view = ReviewView(context)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    await until(lambda: view.finder.results.count() > 0 and view.presenter.record is not None)
    return view


def listed_sessions(view: ReviewView) -> list[int]:
    keys = [
        view.finder.results.item(row).data(ROLE_KEY) for row in range(view.finder.results.count())
    ]
    return [key[1] for key in keys if key and key[0] == "session"]


def item_html(view: ReviewView) -> list[str]:
    return [
        str(view.finder.results.item(row).data(ROLE_HTML))
        for row in range(view.finder.results.count())
    ]


def select_session(view: ReviewView, session_id: int) -> None:
    view.finder.results.setCurrentRow(listed_sessions(view).index(session_id))


async def search(view: ReviewView, text: str) -> list[str]:
    answered: list[str] = []
    view.presenter.hitsLoaded.connect(lambda query, _hits: answered.append(query))
    view.finder.search_edit.clear()
    if text.isascii():
        QTest.keyClicks(view.finder.search_edit, text)
    else:
        type_text(view.finder.search_edit, text)
    await until(lambda: text in answered)
    return item_html(view)


def marked_fragments(document: QTextDocument) -> list[str]:
    """Text the minutes show on the highlight colour."""
    found: list[str] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().background().color() == QColor("#ffe066"):
                found.append(fragment.text())
            fragments += 1
        block = block.next()
    return found


async def test_list_shows_sessions_newest_first_and_opens_the_latest_held_one(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    assert listed_sessions(view) == [seeded.coming, seeded.summer, seeded.winter]
    winter_html = item_html(view)[2]
    assert "冬季保供连线" in winter_html and "13 notes" in winter_html
    assert "1 open follow-up" in winter_html and "Awaiting review" in winter_html
    assert "Approved" in item_html(view)[1]
    assert view.finder.result_label.text() == "3 sessions"
    # The session still to come has no minutes: the latest held one opens instead.
    assert view.presenter.record is not None
    assert view.presenter.record.session_id == seeded.summer
    assert "防汛调研连线" in view.minutes.minutes_browser.toPlainText()
    assert not view.minutes.approve_button.isEnabled()  # already approved
    assert view.minutes.send_back_button.isEnabled()

    select_session(view, seeded.coming)
    await until(lambda: view.presenter.record and view.presenter.record.session_id == seeded.coming)
    assert (
        not view.minutes.approve_button.isEnabled()
        and not view.minutes.send_back_button.isEnabled()
    )
    assert "not taken place" in view.minutes.approve_button.toolTip()


async def test_filters_narrow_the_list_by_site_kind_category_status_and_period(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    sites = [view.finder.site_combo.itemText(i) for i in range(view.finder.site_combo.count())]
    assert sites[0] == "All sites" and "旧址村 (archived)" in sites

    async def shows(expected: list[int]) -> None:
        await until(lambda: listed_sessions(view) == expected and not view.presenter.is_busy)

    view.finder.site_combo.setCurrentIndex(view.finder.site_combo.findData(seeded.gas))
    await shows([seeded.winter])
    view.finder.site_combo.setCurrentIndex(view.finder.site_combo.findData(seeded.village))
    await shows([seeded.summer, seeded.winter])
    view.finder.site_combo.setCurrentIndex(0)

    view.finder.kind_combo.setCurrentIndex(
        view.finder.kind_combo.findData(SessionKind.INVESTIGATION.value)
    )
    await shows([seeded.coming, seeded.summer])
    view.finder.kind_combo.setCurrentIndex(0)

    view.finder.category_combo.setCurrentIndex(view.finder.category_combo.findData("基础设施"))
    await shows([seeded.summer])
    view.finder.category_combo.setCurrentIndex(0)

    view.finder.status_combo.setCurrentIndex(view.finder.status_combo.findData("minutes_approved"))
    await shows([seeded.summer])
    view.finder.status_combo.setCurrentIndex(view.finder.status_combo.findData("follow_up_open"))
    await shows([seeded.winter])
    # Only minutes of sessions held await review: not the one still to come.
    view.finder.status_combo.setCurrentIndex(view.finder.status_combo.findData("minutes_pending"))
    await shows([seeded.winter])
    view.finder.status_combo.setCurrentIndex(0)

    view.finder.period.combo.setCurrentIndex(view.finder.period.combo.findData("last_month"))
    await shows([seeded.summer])
    assert view.finder.period.from_edit.date() == QDate(2026, 7, 1)
    view.finder.period.combo.setCurrentIndex(view.finder.period.combo.findData("this_month"))
    await shows([seeded.coming])
    view.finder.period.from_edit.setDate(QDate(2026, 1, 1))
    view.finder.period.to_edit.setDate(QDate(2026, 1, 31))
    assert view.finder.period.key() == "custom"
    await shows([seeded.winter])

    QTest.mouseClick(view.finder.clear_filters_button, Qt.MouseButton.LeftButton)
    await shows([seeded.coming, seeded.summer, seeded.winter])
    assert not view.finder.clear_filters_button.isEnabled()


async def test_a_period_that_ends_before_it_starts_is_refused_with_a_message(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    view.finder.period.from_edit.setDate(QDate(2026, 5, 1))
    view.finder.period.to_edit.setDate(QDate(2026, 4, 1))
    assert view.messages.isVisible()
    assert "starts after it ends" in view.messages.label.text()
    assert listed_sessions(view) == [seeded.coming, seeded.summer, seeded.winter]
    await view.presenter.wait_idle()


async def test_search_finds_chinese_and_english_terms_and_marks_them(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    one = await search(view, "水")
    assert len(one) == 1 and "三组的<mark>水</mark>压问题" in one[0]
    assert "红旗村村委会" in one[0] and "防汛调研连线" in one[0] and "Question" in one[0]

    two = await search(view, "燃气")
    assert len(two) == 1 and "<mark>燃气</mark> reserves" in two[0] and "Answer" in two[0]

    commitment = await search(view, "调压站")
    assert len(commitment) == 1 and "Follow-up" in commitment[0]

    three = await search(view, "天然气")
    assert len(three) == 1 and "保障<mark>天然气</mark>平稳" in three[0]

    english = await search(view, "heating")
    assert len(english) == 1 and "<mark>Heating</mark> demand" in english[0]
    assert view.finder.result_label.text() == "1 match"


async def test_search_waits_for_a_pause_in_typing(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    type_text(view.finder.search_edit, "天然气")
    assert view.presenter.query_text == ""  # nothing sent per keystroke
    await until(lambda: view.presenter.query_text == "天然气", timeout=1.0)
    await view.presenter.wait_idle()


async def test_no_matches_is_said_plainly_and_esc_brings_the_sessions_back(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    type_text(view.finder.search_edit, "不存在的词")
    await until(lambda: view.finder.result_label.text() == "No matches")
    assert view.finder.results.count() == 1
    assert "No matches for “不存在的词”" in view.finder.results.item(0).text()

    QTest.keyClick(view.finder.search_edit, Qt.Key.Key_Escape)
    assert view.finder.search_edit.text() == ""
    await until(lambda: listed_sessions(view) == [seeded.coming, seeded.summer, seeded.winter])


async def test_fts_syntax_in_the_search_box_does_not_break_the_page(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    for query in ['"', "NEAR(水", "AND OR", "*"]:
        view.finder.search_edit.setText(query)
        view.finder.search_now()
        await view.presenter.wait_idle()
        assert not view.messages.isVisible()


async def test_a_failing_search_becomes_a_message(
    context: UiContext, qtbot: QtBot, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: SearchStore, query: str, *args: object, **kwargs: object) -> None:
        raise StoreError(f"cannot search for “{query}”: fts5: syntax error")

    monkeypatch.setattr(SearchStore, "search", broken)
    view = await open_view(context, qtbot)
    view.finder.search_edit.setText("水压")
    view.finder.search_now()
    await until(lambda: view.finder.result_label.text() == "Search failed")
    assert view.messages.isVisible() and "syntax error" in view.messages.label.text()
    assert "could not run" in view.finder.results.item(0).text()


async def test_opening_a_hit_shows_its_minutes_marked_and_scrolled_to_the_note(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    await search(view, "heating")
    view.finder.results.setCurrentRow(0)
    await until(
        lambda: (
            view.presenter.record is not None
            and view.presenter.record.session_id == seeded.winter
            and "冬季保供连线" in view.minutes.minutes_browser.toPlainText()
        )
    )
    document = view.minutes.minutes_browser.document()
    assert marked_fragments(document) == ["Heating"]
    target = document.find("Heating demand")
    top = document.documentLayout().blockBoundingRect(target.block()).top()
    scroll = view.minutes.minutes_browser.verticalScrollBar().value()
    assert scroll > 0
    assert scroll <= top <= scroll + view.minutes.minutes_browser.viewport().height()


async def test_approving_stores_the_decision_and_shows_it_everywhere(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    select_session(view, seeded.winter)
    await until(lambda: view.presenter.record and view.presenter.record.session_id == seeded.winter)
    assert view.minutes.approve_button.isEnabled()

    QTest.mouseClick(view.minutes.approve_button, Qt.MouseButton.LeftButton)
    await until(lambda: "Approved" in view.minutes.state_label.text())

    minutes = repo(lambda r: r.review.minutes(seeded.winter))
    assert minutes.review_state is ReviewState.APPROVED
    assert minutes.reviews[-1].reviewer == "陈静"
    row = listed_sessions(view).index(seeded.winter)
    await until(lambda: "Approved" in item_html(view)[row])
    assert not view.minutes.approve_button.isEnabled()
    text = view.minutes.minutes_browser.toPlainText()
    assert "Not reviewed yet" not in text and "陈静" in text
    assert table_item(view.minutes.audit_table, 0, 1).text() == "陈静 (Reviewer)"
    assert table_item(view.minutes.audit_table, 0, 2).text() == "Reviewed"
    assert table_item(view.minutes.audit_table, 0, 3).text() == "Approved"
    assert view.minutes.tabs.tabText(1).startswith("Audit trail (")
    await view.presenter.wait_idle()


@pytest.mark.parametrize(
    ("language", "action", "to_one", "to_all"),
    [
        ("en", "Sent a notice", "To 红旗村村委会: 请准备好供暖数据", "To every site: 每站五分钟"),
        ("zh_CN", "发送通知", "发给红旗村村委会：请准备好供暖数据", "发给所有站点：每站五分钟"),
    ],
)
async def test_the_audit_trail_keeps_each_notice_and_to_whom_it_went(
    context: UiContext,
    qtbot: QtBot,
    seeded: Seeded,
    repo: Repo,
    use_language: Callable[[str], QLocale],
    language: str,
    action: str,
    to_one: str,
    to_all: str,
) -> None:
    use_language(language)

    def send(r: Repository) -> None:
        r.clock = lambda: NOW
        r.calls.record_notice(seeded.winter, seeded.village, "请准备好供暖数据")
        r.calls.record_notice(seeded.winter, None, "每站五分钟")

    repo(send)
    view = await open_view(context, qtbot)
    select_session(view, seeded.winter)
    await until(lambda: view.presenter.record and view.presenter.record.session_id == seeded.winter)
    table = view.minutes.audit_table
    rows = [[table_item(table, r, c).text() for c in (2, 3)] for r in range(table.rowCount())]
    assert [action, to_one] in rows and [action, to_all] in rows


async def test_sending_back_needs_a_comment_then_stores_and_shows_it(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    select_session(view, seeded.winter)
    await until(lambda: view.presenter.record and view.presenter.record.session_id == seeded.winter)

    QTest.mouseClick(view.minutes.send_back_button, Qt.MouseButton.LeftButton)
    dialog = view.send_back_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.accept()  # nothing written yet
    assert dialog.isVisible() and dialog.error_label.isVisible()
    await view.presenter.wait_idle()
    assert repo(lambda r: r.review.minutes(seeded.winter)).review_state is ReviewState.PENDING

    type_text(dialog.comment_edit, "请补充发言人职务")
    dialog.accept()
    assert not dialog.isVisible()
    await until(lambda: "Sent back" in view.minutes.state_label.text())

    latest = repo(lambda r: r.review.minutes(seeded.winter)).reviews[-1]
    assert latest.state is ReviewState.RETURNED and latest.comment == "请补充发言人职务"
    assert "请补充发言人职务" in view.minutes.minutes_browser.toPlainText()
    row = listed_sessions(view).index(seeded.winter)
    assert "Sent back" in item_html(view)[row]
    # Sent back, the minutes wait for a correction, and the page says so in plain sight.
    assert not view.minutes.send_back_button.isEnabled()
    assert not view.minutes.approve_button.isEnabled()
    assert view.minutes.decision_note.isVisible()
    assert "once their notes have been corrected" in view.minutes.decision_note.text()
    assert table_item(view.minutes.audit_table, 0, 3).text() == "Sent back: 请补充发言人职务"
    await view.presenter.wait_idle()


async def test_minutes_sent_back_can_be_approved_once_a_note_changed(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    def send_back(r: Repository) -> None:
        r.clock = lambda: NOW.replace(minute=5)
        r.review.set_review(seeded.winter, ReviewState.RETURNED, "请补充发言人职务")

    repo(send_back)
    view = await open_view(context, qtbot)
    select_session(view, seeded.winter)
    await until(lambda: view.presenter.record and view.presenter.record.session_id == seeded.winter)
    assert not view.minutes.approve_button.isEnabled()
    assert "corrected" in view.minutes.approve_button.toolTip()
    assert view.minutes.decision_note.isVisible()

    def correct(r: Repository) -> None:
        r.clock = lambda: NOW.replace(minute=20)
        r.actor = User("王建国", Role.OFFICIAL)
        r.notes.save_answer(seeded.heating_question, "燃气储备可用十天。", "马秀兰（村主任）")

    repo(correct)
    context.bus.announce(Topic.NOTES)
    await until(lambda: view.minutes.approve_button.isEnabled())
    assert not view.minutes.decision_note.isVisible()
    await view.presenter.wait_idle()


async def test_a_live_session_is_not_said_to_await_review(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    repo(lambda r: r.sessions.set_session_status(seeded.coming, SessionStatus.LIVE))
    view = await open_view(context, qtbot)
    row = item_html(view)[listed_sessions(view).index(seeded.coming)]
    assert "Live" in row and "Awaiting review" not in row
    view.finder.status_combo.setCurrentIndex(view.finder.status_combo.findData("minutes_pending"))
    await until(lambda: listed_sessions(view) == [seeded.winter] and not view.presenter.is_busy)


async def test_a_role_that_does_not_review_is_not_told_why_it_cannot_approve(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    repo(lambda r: r.review.set_review(seeded.winter, ReviewState.RETURNED, "请补充发言人职务"))
    context.user = User("王建国", Role.OFFICIAL)
    view = await open_view(context, qtbot)
    restrict_view("review", view, Role.OFFICIAL)
    select_session(view, seeded.winter)
    await until(lambda: view.presenter.record and view.presenter.record.session_id == seeded.winter)
    await view.presenter.wait_idle()
    assert view.minutes.approve_button.isHidden() and view.minutes.decision_note.isHidden()


async def test_a_decision_keeps_its_session_open_so_a_second_click_does_nothing(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    def end_another(r: Repository) -> None:
        r.sessions.set_session_status(seeded.coming, SessionStatus.ENDED)

    repo(end_another)
    view = await open_view(context, qtbot)
    view.finder.status_combo.setCurrentIndex(view.finder.status_combo.findData("minutes_pending"))
    await until(
        lambda: (
            listed_sessions(view) == [seeded.coming, seeded.winter]
            and view.presenter.record is not None
            and view.presenter.record.session_id == seeded.coming
            and not view.presenter.is_busy
        )
    )
    button = view.minutes.approve_button
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    await until(lambda: listed_sessions(view) == [seeded.winter] and not view.presenter.is_busy)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    await view.presenter.wait_idle()
    assert view.presenter.record is not None
    assert view.presenter.record.session_id == seeded.coming
    assert "Approved" in view.minutes.state_label.text()
    assert not button.isEnabled()
    winter = repo(lambda r: r.review.minutes(seeded.winter))
    assert winter.review_state is ReviewState.PENDING
    coming = repo(lambda r: r.review.review_history(seeded.coming))
    assert [r.state for r in coming] == [ReviewState.APPROVED]


async def test_presenter_refuses_a_send_back_without_comment(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    assert view.presenter.send_back("   ") is False
    assert view.messages.isVisible() and "Say what must change" in view.messages.label.text()
    await view.presenter.wait_idle()
    reviews = repo(lambda r: r.review.review_history(seeded.summer))
    assert [r.state for r in reviews] == [ReviewState.APPROVED]


async def test_empty_list_disables_review_actions_and_says_what_to_do(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    view = await open_view(context, qtbot)
    view.finder.kind_combo.setCurrentIndex(
        view.finder.kind_combo.findData(SessionKind.ON_SITE_WORK.value)
    )
    await until(lambda: view.presenter.record is None and listed_sessions(view) == [])
    assert "clear the filters" in view.finder.results.item(0).text()
    assert (
        not view.minutes.approve_button.isEnabled()
        and not view.minutes.send_back_button.isEnabled()
    )
    assert "Choose a session" in view.minutes.minutes_browser.toPlainText()


async def test_changes_elsewhere_refresh_the_list_minutes_and_audit_trail(
    context: UiContext, qtbot: QtBot, seeded: Seeded, repo: Repo
) -> None:
    view = await open_view(context, qtbot)
    rows_before = view.minutes.audit_table.rowCount()

    def note_taken_elsewhere(r: Repository) -> None:
        previous = r.actor
        r.actor = User("王建国", Role.OFFICIAL)
        r.notes.add_question(seeded.summer, seeded.gas, "汛期值守人员够吗？")
        r.actor = previous

    repo(note_taken_elsewhere)
    context.bus.announce(Topic.NOTES)
    await until(lambda: view.minutes.audit_table.rowCount() == rows_before + 1)
    assert table_item(view.minutes.audit_table, 0, 1).text() == "王建国 (Official)"
    assert "汛期值守人员够吗" in view.minutes.minutes_browser.toPlainText()
    assert "2 notes" in item_html(view)[listed_sessions(view).index(seeded.summer)]


async def test_page_spec_and_ctrl_f_focuses_the_search_box(
    context: UiContext, qtbot: QtBot, seeded: Seeded
) -> None:
    context.clock = lambda: NOW
    page = build_page(context)
    view = page.widget
    assert isinstance(view, ReviewView)
    qtbot.addWidget(view)
    assert page.key == "review" and page.title == "Review"
    search_action = page.actions[0]
    assert search_action.shortcut().toString() == "Ctrl+F"
    view.show()
    view.activateWindow()
    view.finder.results.setFocus()
    search_action.trigger()
    await until(view.finder.search_edit.hasFocus)
    await view.presenter.wait_idle()


def _record_with_everything() -> Minutes:
    session = Session(
        "<b>连线</b>",
        SessionKind.POLICY_BRIEFING,
        "王建国",
        datetime(2026, 1, 20, 9),
        60,
        status=SessionStatus.ENDED,
        sites=[SessionSite(2, 0, 20, "乙村"), SessionSite(1, 1, 20, "甲村")],
        id=7,
    )
    question = Question(
        7,
        1,
        "<script>alert(1)</script> 供水？",
        asked_by="王建国",
        category="民生保障",
        offset_seconds=125,
        answer=Answer(5, "两周内修好", "张德明"),
        follow_up=FollowUp("更换水泵", "区水务局", date(2026, 2, 1), 1),
        id=5,
    )
    reviews = [Review(7, ReviewState.RETURNED, "陈静", "补充 <职务>", datetime(2026, 1, 22, 10))]
    return Minutes(session, [question], reviews)


def test_minutes_html_escapes_user_text_and_reads_like_a_record() -> None:
    page = minutes_html(_record_with_everything(), highlight="供水")

    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>连线</b>" not in page and "&lt;b&gt;连线&lt;/b&gt;" in page
    assert "补充 &lt;职务&gt;" in page
    assert f'name="{question_anchor(5)}"' in page
    assert "<mark>供水</mark>" in page
    assert page.index("乙村") < page.index("甲村")  # speaking order, not id order
    for expected in ("Asked by 王建国", "民生保障", "00:02:05", "张德明", "区水务局", "2026-02-01"):
        assert expected in page
    assert "Sent back" in page and "陈静" in page
    assert "(60 min)" in page and "(20 min)" in page


def test_chinese_minutes_on_screen_say_everything_in_chinese(
    use_language: Callable[[str], QLocale],
) -> None:
    use_language("zh_CN")
    page = QTextDocument()
    page.setHtml(minutes_html(_record_with_everything()))
    text = page.toPlainText()
    for english in ("Minutes of the session", " min)", "Commitment:", "Current state:", "Q1.", ";"):
        assert english not in text, english
    for chinese in ("连线纪要", "（60 分钟）", "承诺事项：", "当前状态：", "责任单位"):
        assert chinese in text, chinese
