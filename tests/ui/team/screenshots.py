"""Render team mode's screens to PNG files, to look at them: the first-run choices, each sign-in
problem, the status bar's states, the conflicts dialog, signing out, the first copy, and a call
seen live from a reviewer's desk. A real team server runs on 127.0.0.1 with the demo record.

    xvfb-run -a -s "-screen 0 1400x900x24" python -m tests.ui.team.screenshots OUT \
        [--language zh_CN]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import os
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from outreach_app.app import create_application
from outreach_app.core.model import Role, Site
from outreach_app.storage.demo import ensure_demo_database
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_rows import uid_of
from outreach_app.sync.client import Link
from outreach_app.sync.connection import sign_out
from outreach_app.team.admin import add_account, import_computer_database, initialise
from outreach_app.ui.first_run import FirstRunDialog
from outreach_app.ui.team.dialogs import FirstCopyDialog, SignOutDialog
from tests.server.certificates import write_self_signed_certificate
from tests.team.live_server import CHEAP, PASSWORD, free_port
from tests.ui.screenshots import grab
from tests.ui.team.desks import Desk, team_desk
from tests.ui.team.threaded_server import OtherDesk, ThreadedTeamServer, threaded_team_server

SETTLE_S = 1.0


async def wait_for(condition: Callable[[], object], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"not within {seconds} s: {what}")
        await asyncio.sleep(0.05)


def shot(widget: QWidget, path: Path) -> None:
    """Dialogs rendered by Qt itself (a window manager may not have drawn them yet)."""
    widget.grab().save(str(path))
    print(path, flush=True)


class NotAServer(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


async def first_run(out: Path, tls_url: str, certificate: Path, server_url: str) -> None:
    dialog = FirstRunDialog()
    dialog.name_edit.setText("王芳")
    dialog.show()
    await asyncio.sleep(0.3)
    shot(dialog, out / "first_run_alone.png")
    dialog.choose_team(True)
    form = dialog.form
    form.server_edit.setText(server_url)
    form.account_edit.setText("anna")
    form.password_edit.setText("secret password")
    await asyncio.sleep(0.3)
    shot(dialog, out / "first_run_team.png")

    async def attempt(name: str, server: str, password: str, cert: str = "") -> None:
        form.server_edit.setText(server)
        form.password_edit.setText(password)
        form.certificate_edit.setText(cert)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        await wait_for(lambda: not dialog.presenter.is_busy, 30, name)
        await asyncio.sleep(0.2)
        shot(dialog, out / f"sign_in_{name}.png")

    # A server that takes the connection and never answers: signing in waits, and Cancel stops.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        form.server_edit.setText(f"http://127.0.0.1:{silent.getsockname()[1]}")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        await asyncio.sleep(0.5)
        shot(dialog, out / "sign_in_busy.png")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        await wait_for(lambda: not dialog.presenter.is_busy, 5, "cancelled")

    await attempt("wrong_password", server_url, "not the password")
    await attempt("unreachable", f"http://127.0.0.1:{free_port()}", PASSWORD)
    await attempt("certificate", tls_url, PASSWORD)
    await attempt("bad_address", "http://team.example.org", PASSWORD)
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotAServer)
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    await attempt("not_a_server", f"http://127.0.0.1:{plain.server_address[1]}", PASSWORD)
    plain.shutdown()
    form.account_edit.setText("li")
    for _ in range(7):
        await attempt("throttled", server_url, "guess")
    dialog.close()


async def staff_desk(out: Path, server: ThreadedTeamServer, folder: Path) -> None:
    other = OtherDesk(server, folder / "li.db", "li", Role.STAFF)
    try:
        async with team_desk(server, folder, "anna") as desk:
            window = desk.window
            window.resize(1280, 800)
            await wait_for(lambda: desk.presenter.status.link is Link.ONLINE, 60, "online")
            await asyncio.sleep(2 * SETTLE_S)
            grab(window, out / "status_synced.png")
            await offline(out, server, desk)
            await conflict(out, desk, other)
            await signing_out(out, desk)
            await signed_out(out, server, desk)
            copy = FirstCopyDialog(window)
            copy.show_progress(4000, 11873)
            copy.show()
            await asyncio.sleep(0.3)
            shot(copy, out / "first_copy.png")
            copy.close()
    finally:
        other.close()


def _save_site(repo: Repository, *, name: str) -> int:
    return repo.sites.save_site(Site(name=name))


async def offline(out: Path, server: ThreadedTeamServer, desk: Desk) -> None:
    server.stop()
    await wait_for(lambda: desk.presenter.status.link is Link.OFFLINE, 30, "offline")
    for name in ("城关镇便民服务中心", "长庆油田第三采气厂"):
        await desk.context.store.run(functools.partial(_save_site, name=name))
    await wait_for(lambda: desk.presenter.status.waiting == 2, 30, "two waiting")
    desk.window.show_page("sites")
    await asyncio.sleep(2 * SETTLE_S)
    grab(desk.window, out / "status_offline.png")
    server.start()
    await wait_for(lambda: desk.presenter.status.link is Link.ONLINE, 30, "online again")
    await wait_for(lambda: desk.presenter.status.waiting == 0, 30, "sent")


def _set_region(region: str, name: str) -> Callable[[Repository], None]:
    def change(repo: Repository) -> None:
        site = next(s for s in repo.sites.list_sites() if s.name == name)
        site.region = region
        site.connection_notes = f"{region}：视频专线，备用4G路由器"
        repo.sites.save_site(site)

    return change


async def conflict(out: Path, desk: Desk, other: OtherDesk) -> None:
    name = desk.context.store.call(lambda r: r.sites.list_sites()[0].name)
    await desk.presenter.stop()
    other.write(_set_region("甘肃省庆阳市", name))
    await wait_for(other.settled, 30, "the other desk sent its change")
    await desk.context.store.run(_set_region("陕西省榆林市", name))
    desk.presenter.start()
    await wait_for(lambda: desk.presenter.status.problems == 1, 30, "a conflict")
    await asyncio.sleep(SETTLE_S)
    grab(desk.window, out / "status_conflict.png")
    dialog = desk.desk.open_problems()
    await wait_for(lambda: dialog.list.count() == 1, 30, "the conflict listed")
    await asyncio.sleep(SETTLE_S)
    shot(dialog, out / "conflict_dialog.png")
    dialog.keep_mine_button.click()
    await wait_for(lambda: desk.presenter.status.problems == 0, 30, "resolved")
    dialog.close()


async def signing_out(out: Path, desk: Desk) -> None:
    dialog = SignOutDialog("县委办公室", desk.presenter.address.base, 2, desk.window)
    dialog.show()
    await asyncio.sleep(0.3)
    shot(dialog, out / "sign_out.png")
    dialog.remove_box.setChecked(True)
    await asyncio.sleep(0.3)
    shot(dialog, out / "sign_out_remove.png")
    dialog.close()


async def signed_out(out: Path, server: ThreadedTeamServer, desk: Desk) -> None:
    await sign_out(server.address, desk.presenter.session.credentials.token)
    await wait_for(lambda: desk.presenter.status.link is Link.SIGNED_OUT, 30, "signed out")
    await wait_for(lambda: desk.desk.sign_in_dialog is not None, 5, "asked to sign in")
    dialog = desk.desk.sign_in_dialog
    assert dialog is not None
    dialog.hide()
    await asyncio.sleep(SETTLE_S)
    grab(desk.window, out / "status_signed_out.png")
    dialog.show()
    await asyncio.sleep(0.3)
    shot(dialog, out / "sign_in_again.png")
    dialog.form.password_edit.setText(PASSWORD)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    await wait_for(lambda: desk.presenter.status.link is Link.ONLINE, 30, "signed in again")


async def reviewer_desk(out: Path, server: ThreadedTeamServer, folder: Path) -> None:
    official = OtherDesk(server, folder / "zhang.db", "zhang", Role.OFFICIAL)
    try:
        async with team_desk(server, folder, "wang") as desk:
            window = desk.window
            window.resize(1280, 800)
            await wait_for(lambda: desk.presenter.status.link is Link.ONLINE, 60, "online")
            await wait_for(official.settled, 60, "the official's copy")
            await asyncio.sleep(SETTLE_S)
            window.show_page("sites")
            await asyncio.sleep(2 * SETTLE_S)
            grab(window, out / "reviewer_sites.png")
            # Refused: a reviewer's change to a site, made anyway.
            await desk.context.store.run(_set_region("某地", official.write(_first_site)))
            await wait_for(lambda: desk.presenter.status.problems == 1, 30, "refused")
            dialog = desk.desk.open_problems()
            await wait_for(lambda: dialog.list.count() == 1, 30, "listed")
            await asyncio.sleep(SETTLE_S)
            shot(dialog, out / "refused_dialog.png")
            dialog.discard_button.click()
            await wait_for(lambda: desk.presenter.status.problems == 0, 30, "discarded")
            dialog.close()

            today = official.write(_todays_session)
            if today is None:
                return
            session_id, session_uid, floor_uid = today
            server.run(official.client.report_live(session_uid, floor_uid, True))
            window.show_page("schedule")
            schedule = window.pages["schedule"].widget
            await wait_for(lambda: desk.presenter.live, 30, "live")
            ids = schedule.upcoming_session_ids()  # type: ignore[attr-defined]
            local = next(iter(desk.presenter.live))
            if local in ids:
                schedule.open_session(local)  # type: ignore[attr-defined]
            await asyncio.sleep(2 * SETTLE_S)
            grab(window, out / "reviewer_sessions_live.png")
            window.show_page("notes")
            notes = window.pages["notes"].widget
            notes.select_session(local)  # type: ignore[attr-defined]
            official.write(_take_note(session_id))
            await asyncio.sleep(3 * SETTLE_S)
            grab(window, out / "reviewer_notes_live.png")
            server.run(official.client.report_live(session_uid, None, False))
    finally:
        official.close()


def _first_site(repo: Repository) -> str:
    return str(repo.sites.list_sites()[0].name)


def _todays_session(repo: Repository) -> tuple[int, str, str | None] | None:
    from datetime import datetime

    now = datetime.now()
    sessions = [s for s in repo.sessions.upcoming_sessions(now=now) if s.start.date() == now.date()]
    if not sessions or sessions[0].id is None:
        return None
    session = sessions[0]
    session_id = session.id
    assert session_id is not None
    floor = session.sites[1].site_id if len(session.sites) > 1 else None
    uid = uid_of(repo.db, "sessions", session_id)
    assert uid is not None
    return session_id, uid, uid_of(repo.db, "sites", floor)


def _take_note(session_id: int) -> Callable[[Repository], None]:
    def take(repo: Repository) -> None:
        session = repo.sessions.get_session(session_id)
        site = session.sites[1].site_id if len(session.sites) > 1 else session.sites[0].site_id
        question = repo.notes.add_question(session_id, site, "节日期间天然气供应能保证吗？")
        repo.notes.save_answer(
            question.id or 0, "三台压缩机全部在线，备用气源已落实，能保证。", "站长 马建军"
        )

    return take


async def capture(out: Path, scratch: Path) -> None:
    record = scratch / "record"
    initialise(record, "县委办公室")
    demo = scratch / "demo.db"
    ensure_demo_database(demo)
    import_computer_database(record, demo)
    for name, role, display in (
        ("anna", Role.STAFF, "王芳"),
        ("li", Role.STAFF, "李静"),
        ("zhang", Role.OFFICIAL, "王建国"),
        ("wang", Role.REVIEWER, "张敏"),
    ):
        add_account(record, name, role, PASSWORD, display, cost=CHEAP)
    certificate, key = write_self_signed_certificate(scratch)
    # Failed sign-ins are throttled by address too: they go to servers of their own.
    with (
        threaded_team_server(scratch / "tls", tls=(certificate, key)) as tls,
        threaded_team_server(scratch / "errors", ("anna", Role.STAFF)) as errors,
    ):
        await first_run(out, tls.url, certificate, errors.url)
        server = ThreadedTeamServer(record)
        server.start()
        try:
            await staff_desk(out, server, scratch / "desks")
            await reviewer_desk(out, server, scratch / "desks")
        finally:
            server.close()


def main(out: Path, language: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["OUTREACH_CONFIG_DIR"] = str(Path(scratch) / "config")
        os.environ["OUTREACH_DATA_DIR"] = str(Path(scratch) / "data")
        app = create_application(sys.argv[:1], language=language)
        app.setQuitOnLastWindowClosed(False)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(capture(out, Path(scratch)))
        QApplication.processEvents()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tests.ui.team.screenshots")
    parser.add_argument("out", type=Path, nargs="?", default=Path("screenshots"))
    parser.add_argument("--language", choices=["en", "zh_CN"], default="en")
    options = parser.parse_args()
    main(options.out, options.language)
