"""`outreach-server --data DIR`: the real team server process, as an office deploys it."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

import aiohttp

from outreach_app.core import invitations
from outreach_app.core.model import Role, Session, SessionKind, SessionSite, Site, User
from outreach_app.storage.repository import Repository
from outreach_app.sync.client import Link
from outreach_app.sync.connection import TeamAddress, sign_in
from outreach_app.sync.replica_store import open_synced_replica
from outreach_app.team.record import open_folder, read_secret
from tests.sync.test_sync_client import eventually
from tests.team.live_server import PASSWORD
from tests.team.server_process import ServerProcess, init_record


async def test_a_team_server_from_init_to_an_official_s_call_links(tmp_path: Path) -> None:
    data = tmp_path / "record"
    init_record(data, {"anna": Role.STAFF, "wang": Role.OFFICIAL})
    server = ServerProcess(data)
    server.start()
    try:
        with urllib.request.urlopen(f"{server.url}/health", timeout=5) as health:
            assert json.load(health) == {"status": "ok"}
        address = TeamAddress(server.url)
        staff = await sign_in(address, "anna", PASSWORD, "test")
        store, client = open_synced_replica(
            tmp_path / "anna.db",
            User(staff.account, staff.role),
            address,
            staff.token,
            "test",
            asyncio.get_running_loop(),
        )
        task = asyncio.ensure_future(client.run())

        async def copied() -> bool:
            return client.status.link is Link.ONLINE

        # As in the app, where the first copy's dialog holds the window until the copy is in
        # place: the rows below are written to the copy, not to the empty database it replaces.
        await eventually(copied)

        def seed(repo: Repository) -> int:
            site = repo.sites.save_site(Site(name="红旗村村委会"))
            return repo.sessions.save_session(
                Session(
                    "节前连线",
                    SessionKind.INVESTIGATION,
                    "王建国",
                    datetime.now() + timedelta(hours=1),
                    60,
                    sites=[SessionSite(site, 0, 20)],
                )
            )

        session_id = await store.run(seed)

        async def sent() -> bool:
            waiting = await store.run(
                lambda r: r.db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
            )
            return client.status.link is Link.ONLINE and waiting == 0

        await eventually(sent)
        links = await client.invitations(
            await store.run(
                lambda r: str(
                    r.db.execute("SELECT uid FROM sessions WHERE id = ?", (session_id,)).fetchone()[
                        0
                    ]
                )
            )
        )
        assert links.host == ""  # staff hand out links; only officials run calls
        [site_link] = links.links
        token = invitations.token_from_join_url(site_link.join)
        # The invitation is bound to this office's record: it opens its page here ...
        with urllib.request.urlopen(site_link.join, timeout=5) as page:
            assert page.status == 200
        # ... and a token for the same session signed with the same secret but for no record
        # (as a single computer's app makes them) does not.
        secret = read_secret(open_folder(data))
        unbound = invitations.issue_site_token(
            secret, links.number, site_link.number, int(time.time()) + 600
        )
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"{server.url}/join/{unbound}") as refused,
        ):
            assert refused.status in (403, 404)
        assert token != unbound
        client.stop()
        await asyncio.gather(task, return_exceptions=True)
        store.close()
    finally:
        assert server.stop() == 0
