from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QSplitter, QToolButton
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.core.model import (
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.notes.view import NotesView
from outreach_app.ui.review.view import ReviewView
from outreach_app.ui.schedule.view import ScheduleView
from outreach_app.ui.window_shortcuts import window_actions
from tests.ui.conftest import Repo, is_loading, type_text, until


async def open_window(context: UiContext, qtbot: QtBot) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    await until(lambda: not any(is_loading(p.widget) for p in window.pages.values()))
    return window


@pytest.mark.parametrize(
    ("role", "page"),
    [(Role.STAFF, "schedule"), (Role.OFFICIAL, "notes"), (Role.REVIEWER, "review")],
)
async def test_each_role_starts_on_the_page_it_needs(
    context: UiContext, qtbot: QtBot, role: Role, page: str
) -> None:
    context.user = User("王芳", role)
    window = await open_window(context, qtbot)
    assert window.current_page_key() == page
    user_label = window.findChild(QLabel, "userLabel")
    assert isinstance(user_label, QLabel) and "王芳" in user_label.text()


async def test_menus_offer_every_frequent_action_with_its_shortcut(
    context: UiContext, qtbot: QtBot
) -> None:
    window = await open_window(context, qtbot)
    shortcuts = {
        action.text().replace("&", ""): action.shortcut().toString()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if not action.isSeparator()
    }
    assert shortcuts["New session"] == "Ctrl+N"
    assert shortcuts["New site"] == "Ctrl+Shift+N"
    assert shortcuts["Import sites from CSV…"] == "Ctrl+I"
    assert shortcuts["New question"] == "Ctrl+Shift+Q"
    assert shortcuts["Search notes"] == "Ctrl+F"
    assert shortcuts["Quit"] == "Ctrl+Q"
    assert shortcuts["Settings…"] == "Ctrl+,"
    assert [shortcuts[title] for title in ("Sessions", "Sites", "Notes", "Review")] == [
        "Ctrl+1",
        "Ctrl+2",
        "Ctrl+3",
        "Ctrl+4",
    ]


async def test_no_two_shortcuts_of_the_window_are_the_same(
    context: UiContext, qtbot: QtBot
) -> None:
    window = await open_window(context, qtbot)
    owners: dict[str, list[str]] = {}
    page_actions = [action for page in window.pages.values() for action in page.actions]
    # Every page's actions are in the File menu; an action listed twice is one action.
    actions = {id(a): a for a in [*window_actions(window), *page_actions] if not a.isSeparator()}
    for action in actions.values():
        for shortcut in action.shortcuts():
            owners.setdefault(shortcut.toString(), []).append(action.text())
    # A page's buttons and the actions its widgets hold answer their keys while the page
    # shows, beside the window's actions.
    for page in window.pages.values():
        page_owners = {key: list(names) for key, names in owners.items()}
        for button in page.widget.findChildren(QAbstractButton):
            key = button.shortcut().toString()
            shows_an_action = isinstance(button, QToolButton) and button.defaultAction() is not None
            if key and not shows_an_action:
                page_owners.setdefault(key, []).append(button.text() or button.toolTip())
        held = {id(a): a for a in page.widget.findChildren(QAction) if id(a) not in actions}
        for action in held.values():
            for shortcut in action.shortcuts():
                page_owners.setdefault(shortcut.toString(), []).append(action.text())
        shared = {key: names for key, names in page_owners.items() if len(names) > 1}
        assert shared == {}, page.key


async def test_ctrl_e_exports_the_minutes_from_the_review_search_box(
    context: UiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    context.user = User("李审核", Role.REVIEWER)
    window = await open_window(context, qtbot)
    window.activateWindow()
    review = window.pages["review"].widget
    assert isinstance(review, ReviewView)
    exports: list[bool] = []
    monkeypatch.setattr(review, "export_minutes", lambda: exports.append(True))
    window.show_page("review")
    search = review.finder.search_edit
    if QGuiApplication.platformName() == "xcb":
        # What made the box swallow the key: X11's Emacs keys for text fields.
        end_of_line = QKeySequence.keyBindings(QKeySequence.StandardKey.MoveToEndOfLine)
        assert QKeySequence("Ctrl+E") in end_of_line
    search.setFocus()
    await until(lambda: search.hasFocus())
    QTest.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exports == [True]
    # The box's own editing keys stay its own.
    type_text(search, "供暖")
    QTest.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert search.selectedText() == "供暖"


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb")
def test_ctrl_e_exports_the_minutes_from_the_review_search_box_under_x11() -> None:
    """The test above on X11, whose text fields claim Ctrl+E; offscreen's do not."""
    if QGuiApplication.platformName() == "xcb":
        pytest.skip("this run is on X11 already")
    test = f"{__file__}::test_ctrl_e_exports_the_minutes_from_the_review_search_box"
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "pytest", test, "-q", "-p", "no:cacheprovider"],
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


async def test_page_shortcuts_switch_pages(context: UiContext, qtbot: QtBot) -> None:
    window = await open_window(context, qtbot)
    view_menu = window.menuBar().actions()[1].menu()
    assert isinstance(view_menu, QMenu)
    actions = {a.shortcut().toString(): a for a in view_menu.actions()}
    actions[QKeySequence("Ctrl+4").toString()].trigger()
    assert window.current_page_key() == "review"
    actions[QKeySequence("Ctrl+2").toString()].trigger()
    assert window.current_page_key() == "sites"


async def test_closing_the_window_saves_typing_that_was_not_saved_yet(
    context: UiContext, qtbot: QtBot, repo: Repo
) -> None:
    def seed(r: Repository) -> int:
        site = r.sites.save_site(Site("红旗村"))
        return r.sessions.save_session(
            Session(
                "连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                datetime.now().replace(microsecond=0) + timedelta(hours=1),
                30,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(site, 0, 30)],
            )
        )

    session_id = repo(seed)
    context.user = User("王建国", Role.OFFICIAL)
    window = await open_window(context, qtbot)
    notes = window.pages["notes"].widget
    assert isinstance(notes, NotesView)
    await until(lambda: notes.presenter.notes is not None)
    notes.presenter.ask_new(notes._selected_site or 0, "问题")
    await until(lambda: notes.editor.question_id is not None)
    type_text(notes.editor.answer_edit, "关窗前的最后几个字")
    window.close()  # well before the autosave timer fires
    await notes.presenter.wait_idle()
    saved = repo(lambda r: r.notes.list_questions(session_id))[0].answer
    assert saved is not None and saved.text == "关窗前的最后几个字"


async def test_every_named_splitter_is_remembered(context: UiContext, qtbot: QtBot) -> None:
    window = await open_window(context, qtbot)
    notes_splitter = window.findChild(QSplitter, "notesSplitter")
    assert isinstance(notes_splitter, QSplitter)
    notes_splitter.setSizes([150, 300, 600])
    chosen = notes_splitter.sizes()
    window.close()

    again = await open_window(context, qtbot)
    restored = again.findChild(QSplitter, "notesSplitter")
    assert isinstance(restored, QSplitter)
    assert restored.sizes() == chosen


async def test_every_page_name_shows_whole(context: UiContext, qtbot: QtBot) -> None:
    window = await open_window(context, qtbot)
    navigation = window.navigation
    metrics = navigation.fontMetrics()
    for row in range(navigation.count()):
        item = navigation.item(row)
        shown = min(navigation.viewport().width(), navigation.visualItemRect(item).width())
        text_room = shown - navigation.iconSize().width()
        assert metrics.horizontalAdvance(item.text()) < text_room, item.text()


async def test_the_page_list_keeps_its_width_on_every_page(
    context: UiContext, qtbot: QtBot
) -> None:
    window = await open_window(context, qtbot)
    window.resize(1280, 800)
    widths: set[int] = set()
    for key, page in window.pages.items():
        window.show_page(key)
        view = page.widget
        await until(lambda: not is_loading(view))  # noqa: B023 - awaited before the next turn
        QTest.qWait(20)
        widths.add(window.navigation.width())
    assert len(widths) == 1, widths


@pytest.mark.parametrize("language", ["en", "zh_CN"])
async def test_every_page_fits_a_1280_by_800_screen(
    context: UiContext, qtbot: QtBot, use_language: Callable[[str], QLocale], language: str
) -> None:
    use_language(language)
    window = await open_window(context, qtbot)
    window.resize(1280, 800)
    too_big: dict[str, QSize] = {}
    for key, page in window.pages.items():
        window.show_page(key)
        view = page.widget
        await until(lambda: not is_loading(view))  # noqa: B023 - awaited before the next turn
        if isinstance(view, ScheduleView):
            # The session editor's agenda, the tallest of its tabs.
            view.tabs.setCurrentIndex(1)
        QTest.qWait(20)
        smallest = window.minimumSizeHint()
        # Room left for the window's frame and a desktop's panel.
        if smallest.width() > 1280 - 16 or smallest.height() > 800 - 64:
            too_big[key] = smallest
    assert too_big == {}


async def test_a_message_does_not_move_the_page_under_it(context: UiContext, qtbot: QtBot) -> None:
    window = await open_window(context, qtbot)
    window.show_page("schedule")
    view = window.stack.currentWidget()
    assert isinstance(view, ScheduleView)
    await until(lambda: not view.presenter.is_busy)
    QTest.qWait(20)
    before = view.week.mapTo(window, view.week.rect().topLeft())
    view.messages.show_error("The invitations need the call server, which could not start.")
    QTest.qWait(20)
    assert view.messages.isVisible()
    assert view.week.mapTo(window, view.week.rect().topLeft()) == before
    # It floats over the foot of the page, whole, across the page's width.
    bar = view.messages.geometry()
    assert view.rect().contains(bar) and bar.bottom() > view.height() - 40
    assert bar.width() > view.width() - 40
    long_text = "The invitations need the call server, which could not start. " * 6
    view.messages.show_error(long_text)
    QTest.qWait(20)
    label = view.messages.label
    assert view.rect().contains(view.messages.geometry())
    assert label.height() >= label.heightForWidth(label.width()) > label.fontMetrics().height()
