"""A call in team mode: the official's app is the hub, the office's team server signs the links
and carries the signaling. When the team server dies the call goes on (media never passes
through it), and the notes taken meanwhile reach the record once it is back."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from outreach_app.call.live import CallService, CallSettings
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.invitations import token_from_join_url
from outreach_app.core.model import Role, Session, SessionKind, SessionSite, Site
from outreach_app.storage.repository import Repository
from outreach_app.sync.client import Link
from outreach_app.sync.connection import TeamAddress, sign_in
from outreach_app.sync.team_session import TeamSession
from outreach_app.team.record import open_folder, open_record
from tests.call.conftest import wait_until
from tests.team.live_server import PASSWORD
from tests.team.server_process import ServerProcess, init_record

SMALL = VideoQuality(160, 120, 10)


def _no_secret() -> bytes:
    raise AssertionError("in team mode the app signs nothing itself")


async def test_the_call_goes_on_when_the_team_server_dies_and_its_notes_arrive_later(
    tmp_path: Path,
) -> None:
    data = tmp_path / "record"
    init_record(data, {"anna": Role.STAFF, "wang": Role.OFFICIAL})
    repo = open_record(open_folder(data))
    try:
        site_id = repo.sites.save_site(Site(name="红旗村村委会"))
        repo.sessions.save_session(
            Session(
                "节前视频连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                datetime.now() - timedelta(minutes=5),
                60,
                sites=[SessionSite(site_id, 0, 20)],
            )
        )
    finally:
        repo.close()
    server = ServerProcess(data)
    server.start()
    address = TeamAddress(server.url)
    credentials = await sign_in(address, "wang", PASSWORD, "official's laptop")
    team = TeamSession(
        tmp_path / "official", address, credentials, "laptop", asyncio.get_running_loop()
    )
    team.start()
    service = CallService(CallSettings(server.url), secret=_no_secret, team=team)
    site: SiteEngine | None = None
    call = None
    try:
        await wait_until(lambda: team.client.status.link is Link.ONLINE, 20, "online")

        def ids(r: Repository) -> tuple[int, int]:
            return (
                int(r.db.execute("SELECT id FROM sessions").fetchone()[0]),
                int(r.db.execute("SELECT id FROM sites").fetchone()[0]),
            )

        session, local_site = await team.store.run(ids)
        call = await service.start_call(
            session,
            [local_site],
            ends_at=(datetime.now() + timedelta(hours=1)).timestamp(),
            official_video=SyntheticVideoTrack("OFFICIAL", SMALL),
        )
        link = call.invitation_links[local_site]
        assert link.startswith(server.url + "/join/")
        signaling = WebSocketSignaling(link, token_from_join_url(link))
        await signaling.connect()
        site = SiteEngine(signaling, local_site, video=SyntheticVideoTrack("SITE", SMALL))
        await site.start()

        def official_frames() -> int:
            statistics = site.received_video_statistics() if site else None
            return statistics.frames_received if statistics else 0

        await wait_until(lambda: official_frames() > 10, 20, "the site sees the official")
        # Other desks learn that the call is live.
        await wait_until(lambda: bool(team.client.live), 10, "the record shows the call live")

        server.kill()
        await wait_until(lambda: team.client.status.link is Link.OFFLINE, 15, "offline")
        before = official_frames()
        await asyncio.sleep(3.0)
        assert official_frames() > before + 10, "the call stopped with the team server"

        def take_notes(r: Repository) -> None:
            for number in range(3):
                question = r.notes.add_question(session, local_site, f"停机期间的问题 {number}")
                r.notes.save_answer(question.id or 0, f"回答 {number}", "村主任")

        await team.store.run(take_notes)
        server.start()
        record_path = data / "record.db"

        def answers_on_record() -> int:
            import sqlite3

            with sqlite3.connect(record_path) as db:
                return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])

        await wait_until(lambda: answers_on_record() == 3, 30, "the notes reach the record")
    finally:
        if site is not None:
            await site.close()
        if call is not None:
            await service.end_call(call)
        await service.close()
        await team.stop()
        team.close()
        server.stop()
