"""Handing out one site's invitation days before the session, from the Sessions page: its link,
a ready-made message, its QR code, checked against the server that admits the sites."""

from __future__ import annotations

import time as clock
from collections.abc import AsyncIterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import aiohttp
import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.core.ics import check_link
from outreach_app.core.invitations import token_from_join_url, verify
from outreach_app.core.model import Session, SessionKind, SessionSite, SessionStatus, Site
from outreach_app.storage.repository import Repository
from outreach_app.ui.call.windows import CallWindows
from outreach_app.ui.context import UiContext
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.schedule.invitation_qr import BORDER, InvitationQrDialog
from outreach_app.ui.schedule.view import ScheduleView
from tests.ui.conftest import Repo, tree_item, until
from tests.ui.local_call_windows import local_call_windows

# Tokens expire by the real clock: the session lies days ahead, as when invitations go out.
DAY = date.today() + timedelta(days=5)
START = datetime.combine(DAY, time(9, 30))
TITLE = "冬季保供视频调度会"
SITES = ("克拉2气田中控室", "红旗村村委会", "余杭区良渚街道便民服务中心")


@pytest.fixture
async def calls(context: UiContext, tmp_path: Path) -> AsyncIterator[CallWindows]:
    """The app's call service working alone: its embedded server on a free loopback port."""
    windows = local_call_windows(context, tmp_path / "config" / "secret")
    yield windows
    await windows.close()


@pytest.fixture
def session_id(repo: Repo) -> int:
    def seed(r: Repository) -> int:
        ids = [r.sites.save_site(Site(name)) for name in SITES]
        return r.sessions.save_session(
            Session(
                TITLE,
                SessionKind.POLICY_BRIEFING,
                "王建国",
                START,
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(site, n, 20) for n, site in enumerate(ids)],
            )
        )

    return int(repo(seed))


def site_ids(context: UiContext) -> dict[str, int]:
    sites = context.store.call(lambda r: r.sites.list_sites())
    return {site.name: site.id for site in sites if site.id is not None}


async def open_session(
    context: UiContext, qtbot: QtBot, session_id: int
) -> tuple[MainWindow, ScheduleView]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.show_page("schedule")
    view = window.pages["schedule"].widget
    assert isinstance(view, ScheduleView)
    await until(lambda: not view.presenter.is_busy)
    view.open_session(session_id)
    await until(lambda: view.editor.session is not None and view.editor.session.id == session_id)
    return window, view


async def clipboard_changes(before: str) -> str:
    clipboard = QGuiApplication.clipboard()
    await until(lambda: clipboard.text() != before, timeout=30)
    return clipboard.text()


async def test_a_copied_link_opens_that_sites_session_days_before_it(
    context: UiContext, qtbot: QtBot, calls: CallWindows, session_id: int
) -> None:
    window, view = await open_session(context, qtbot, session_id)
    bar = view.invitation_bar
    assert not bar.isHidden()
    assert [bar.site_combo.itemText(i) for i in range(bar.site_combo.count())] == list(SITES)
    # Choosing a row of the speaking order chooses its site here.
    view.editor.order.setCurrentItem(tree_item(view.editor.order, 1))
    assert bar.site_combo.currentText() == SITES[1]
    assert bar.copy_link_action.isEnabled()

    QGuiApplication.clipboard().setText("")
    window.activateWindow()
    await until(window.isActiveWindow)
    view.editor.order.setFocus()
    QTest.keyClick(
        view.editor.order,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    link = await clipboard_changes("")
    assert window.statusBar().currentMessage() == f"Copied the invitation link for {SITES[1]}."

    claims = verify(calls.service().secret, token_from_join_url(link), clock.time())
    assert (claims.session_id, claims.site_id) == (session_id, site_ids(context)[SITES[1]])
    server = calls.service().embedded_server
    assert server is not None
    async with aiohttp.ClientSession() as http:
        for page in (link, check_link(link)):
            async with http.get(page) as response:
                assert response.status == 200, page
        # Once the session has ended, its invitations admit nobody.
        server.end_session(session_id)
        async with http.get(link) as response:
            assert response.status == 403
            assert "This session has ended." in await response.text()


async def test_the_copied_message_has_the_session_its_time_and_both_links(
    context: UiContext, qtbot: QtBot, calls: CallWindows, session_id: int
) -> None:
    _window, view = await open_session(context, qtbot, session_id)
    bar = view.invitation_bar
    bar.site_combo.setCurrentIndex(2)
    # The speaking order follows the site chosen here.
    current = view.editor.order.currentItem()
    assert current is not None and current.text(0) == SITES[2]
    QGuiApplication.clipboard().setText("")
    button = bar.findChild(QToolButton, "copyInviteTextButton")
    assert button is not None and button.isEnabled()
    button.click()
    message = await clipboard_changes("")

    lines = message.splitlines()
    assert lines[0] == f"{TITLE} — {SITES[2]}"
    assert "Your turn: 10:10–10:30 (20 min), 3 of 3 in the speaking order." in lines
    assert f"Session: {TITLE}, {DAY.isoformat()} 09:30–10:30, with 王建国." in lines
    [link] = [line.removeprefix("Join link: ") for line in lines if line.startswith("Join link: ")]
    assert f"Test your camera and microphone beforehand: {check_link(link)}" in lines
    claims = verify(calls.service().secret, token_from_join_url(link), clock.time())
    assert (claims.session_id, claims.site_id) == (session_id, site_ids(context)[SITES[2]])


async def test_nothing_is_handed_out_while_edits_are_unsaved_and_the_bar_says_why(
    context: UiContext, qtbot: QtBot, calls: CallWindows, session_id: int
) -> None:
    _window, view = await open_session(context, qtbot, session_id)
    bar = view.invitation_bar
    view.editor.duration_spin.setValue(90)
    assert not bar.copy_link_action.isEnabled()
    assert bar.copy_message_action.toolTip().startswith("Save the changes first")
    view.editor.revert_button.click()
    await until(lambda: bar.copy_message_action.isEnabled())

    view.new_session()
    assert bar.site_combo.count() == 0
    assert not bar.qr_action.isEnabled()


async def test_the_qr_code_saved_as_png_encodes_exactly_the_link(
    context: UiContext,
    qtbot: QtBot,
    calls: CallWindows,
    session_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _window, view = await open_session(context, qtbot, session_id)
    # From the site's row in the speaking order, as its context menu offers it.
    menu = view.invitation_bar.site_menu(site_ids(context)[SITES[0]], view)
    assert menu is not None
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == [f"Invitation for {SITES[0]}", "Copy &link", "Copy &message", "&QR code…"]
    menu.actions()[-1].trigger()
    await until(lambda: view.invitation_bar.qr_dialog is not None, timeout=30)
    dialog = view.invitation_bar.qr_dialog
    assert isinstance(dialog, InvitationQrDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    link = dialog.link_edit.text()
    claims = verify(calls.service().secret, token_from_join_url(link), clock.time())
    assert (claims.session_id, claims.site_id) == (session_id, site_ids(context)[SITES[0]])
    assert dialog.image.width() >= 400
    # Pasted into a chat group as a picture.
    dialog.copy_image_button.click()
    pasted = QGuiApplication.clipboard().image()
    assert pasted.size() == dialog.image.size()
    expected = segno.make_qr(link, error="m").matrix
    assert modules_of(pasted, len(expected)) == [list(row) for row in expected]

    target = tmp_path / "qr" / "gas field"
    target.parent.mkdir()
    asked: list[str] = []

    def save_file_name(
        parent: QWidget, caption: str, directory: str, filter: str, selected: str
    ) -> tuple[str, str]:
        asked.append(Path(directory).name)
        return str(target), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    dialog.save_button.click()
    saved = target.with_name("gas field.png")
    assert saved.is_file()
    assert asked == [f"{DAY.isoformat()} {TITLE} {SITES[0]}.png"]
    assert "Saved as" in dialog.status_label.text()

    assert modules_of(QImage(str(saved)), len(expected)) == [list(row) for row in expected]


def modules_of(image: QImage, size: int) -> list[list[int]]:
    """The dark (1) and light (0) modules of a QR code in `image`, inside its quiet zone."""
    assert not image.isNull()
    assert image.width() == image.height()
    scale = image.width() // (size + 2 * BORDER)
    assert scale * (size + 2 * BORDER) == image.width()

    def dark(x: int, y: int) -> int:
        return int(image.pixelColor(x, y).lightness() < 128)

    quiet = [dark(x, y) for x in range(image.width()) for y in range(BORDER * scale)]
    assert not any(quiet)
    return [
        [
            dark((c + BORDER) * scale + scale // 2, (r + BORDER) * scale + scale // 2)
            for c in range(size)
        ]
        for r in range(size)
    ]
