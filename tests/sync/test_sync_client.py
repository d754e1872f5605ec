"""Apps and a team server over real sockets on 127.0.0.1: a change on one appears on the other
by itself; work done while the server is down arrives once it is back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

import pytest

from outreach_app.core.model import Role, Session, SessionKind, SessionSite, Site
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.sync.client import Link, SignedOutError, SyncClient, SyncStatus
from tests.team.live_server import signed_in_replica, team_server


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError("did not happen in time")
        await asyncio.sleep(0.05)


async def test_a_change_on_one_computer_shows_on_another_by_itself(tmp_path: Path) -> None:
    async with team_server(tmp_path / "server") as server:
        server.add_account("anna", Role.STAFF)
        server.add_account("wang", Role.REVIEWER)
        staff_store, staff = await signed_in_replica(server, tmp_path / "a.db", "anna", Role.STAFF)
        reviewer_store, reviewer = await signed_in_replica(
            server, tmp_path / "b.db", "wang", Role.REVIEWER
        )
        tasks = [asyncio.ensure_future(c.run()) for c in (staff, reviewer)]
        try:
            await eventually(lambda: _online(staff, reviewer))
            await staff_store.run(lambda r: r.sites.save_site(Site(name="红旗村村委会")))
            started = time.monotonic()

            async def seen() -> bool:
                names = [s.name for s in await reviewer_store.run(lambda r: r.sites.list_sites())]
                return "红旗村村委会" in names

            await eventually(seen)
            assert time.monotonic() - started < 2.0
            await eventually(_settled(staff, staff_store))
        finally:
            for client in (staff, reviewer):
                client.stop()
            await asyncio.gather(*tasks, return_exceptions=True)
            staff_store.close()
            reviewer_store.close()


async def test_notes_taken_while_the_server_is_down_arrive_once_it_is_back(
    tmp_path: Path,
) -> None:
    async with team_server(tmp_path / "server") as server:
        server.add_account("anna", Role.STAFF)
        server.add_account("wang", Role.OFFICIAL)
        server.add_account("li", Role.REVIEWER)
        staff_store, staff = await signed_in_replica(server, tmp_path / "a.db", "anna", Role.STAFF)
        task = asyncio.ensure_future(staff.run())
        await eventually(lambda: _online(staff))
        site_id = await staff_store.run(lambda r: r.sites.save_site(Site(name="Gas field")))
        await staff_store.run(
            lambda r: r.sessions.save_session(
                Session(
                    title="节前连线",
                    kind=SessionKind.INVESTIGATION,
                    official="王建国",
                    start=datetime(2026, 12, 7, 9),
                    duration_minutes=60,
                    sites=[SessionSite(site_id, 0, 30)],
                )
            )
        )
        await eventually(_settled(staff, staff_store))
        staff.stop()
        await asyncio.gather(task, return_exceptions=True)
        staff_store.close()

        official_store, official = await signed_in_replica(
            server, tmp_path / "b.db", "wang", Role.OFFICIAL
        )
        official_task = asyncio.ensure_future(official.run())
        await eventually(lambda: _online(official))

        async def one_session() -> bool:
            count = await official_store.run(
                lambda r: r.db.execute("SELECT count(*) FROM sessions").fetchone()[0]
            )
            return bool(count == 1)

        await eventually(one_session)
        await server.stop()
        await eventually(lambda: _offline(official))

        async def take_notes() -> None:
            def write(r: object) -> None:
                from outreach_app.storage.repository import Repository

                assert isinstance(r, Repository)
                session = r.db.execute("SELECT id FROM sessions").fetchone()[0]
                site = r.db.execute("SELECT id FROM sites").fetchone()[0]
                for number in range(5):
                    question = r.notes.add_question(session, site, f"Question {number}")
                    r.notes.save_answer(question.id or 0, f"Answer {number}", "站长")

            await official_store.run(write)

        await take_notes()
        assert official.status.waiting == 0 or official.status.link is Link.OFFLINE
        await server.start()
        await eventually(_settled(official, official_store), seconds=20)
        reviewer_store, reviewer = await signed_in_replica(
            server, tmp_path / "c.db", "li", Role.REVIEWER
        )
        reviewer_task = asyncio.ensure_future(reviewer.run())
        try:

            async def all_notes() -> bool:
                count = await reviewer_store.run(
                    lambda r: r.db.execute("SELECT count(*) FROM answers").fetchone()[0]
                )
                return bool(count == 5)

            await eventually(all_notes)
        finally:
            for client in (official, reviewer):
                client.stop()
            await asyncio.gather(official_task, reviewer_task, return_exceptions=True)
            official_store.close()
            reviewer_store.close()


async def _online(*clients: SyncClient) -> bool:
    return all(c.status.link is Link.ONLINE for c in clients)


async def _offline(*clients: SyncClient) -> bool:
    return all(c.status.link is Link.OFFLINE for c in clients)


def _settled(client: SyncClient, store: StoreWorker) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        waiting = await store.run(
            lambda r: r.db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
        )
        return client.status.link is Link.ONLINE and waiting == 0

    return check


async def test_a_conflict_waits_for_the_person_and_either_choice_is_kept(
    tmp_path: Path,
) -> None:
    async with team_server(tmp_path / "server") as server:
        server.add_account("anna", Role.STAFF)
        server.add_account("li", Role.STAFF)
        first_store, first = await signed_in_replica(server, tmp_path / "a.db", "anna", Role.STAFF)
        second_store, second = await signed_in_replica(server, tmp_path / "b.db", "li", Role.STAFF)
        tasks = {c: asyncio.ensure_future(c.run()) for c in (first, second)}
        try:
            await eventually(lambda: _online(first, second))
            await first_store.run(lambda r: r.sites.save_site(Site(name="Gas field")))

            async def second_has_it() -> bool:
                return bool(await second_store.run(lambda r: r.sites.list_sites()))

            await eventually(second_has_it)

            async def both_change_apart(mine: str, theirs: str) -> str:
                """The second is offline while both change the region; its op id."""
                second.stop()
                await asyncio.gather(tasks[second], return_exceptions=True)
                await _set_region(first_store, theirs)
                await eventually(_settled(first, first_store))
                await _set_region(second_store, mine)
                tasks[second] = asyncio.ensure_future(second.run())

                async def conflicted() -> bool:
                    return second.status.problems == 1

                await eventually(conflicted)
                assert await _region(second_store) == mine  # what the person typed stays
                assert await _region(first_store) == theirs
                [problem] = await second_store.run(_problems)
                return problem

            await second.keep_mine(await both_change_apart("South", "North"))
            await eventually(_settled(second, second_store))

            async def first_sees(region: str) -> Callable[[], Awaitable[bool]]:
                async def check() -> bool:
                    return await _region(first_store) == region

                return check

            await eventually(await first_sees("South"))

            await second.keep_theirs(await both_change_apart("West", "East"))
            await eventually(_settled(second, second_store))
            assert await _region(second_store) == "East"
            assert await _region(first_store) == "East"
            assert second.status.problems == 0
        finally:
            for client in (first, second):
                client.stop()
            await asyncio.gather(*tasks.values(), return_exceptions=True)
            first_store.close()
            second_store.close()


async def _set_region(store: StoreWorker, region: str) -> None:
    def change(r: Repository) -> None:
        site = r.sites.list_sites()[0]
        site.region = region
        r.sites.save_site(site)

    await store.run(change)


async def _region(store: StoreWorker) -> str:
    return str((await store.run(lambda r: r.sites.list_sites()))[0].region)


def _problems(repo: Repository) -> list[str]:
    return [
        str(op_id)
        for (op_id,) in repo.db.execute(
            "SELECT op_id FROM sync_outbox WHERE state != 'pending'"
        ).fetchall()
    ]


async def test_a_sign_in_ended_as_the_app_comes_online_signs_it_out_at_once(
    tmp_path: Path,
) -> None:
    async with team_server(tmp_path / "server") as server:
        server.add_account("anna", Role.STAFF)
        store, client = await signed_in_replica(server, tmp_path / "a.db", "anna", Role.STAFF)
        hub = server.hub

        def sign_out_elsewhere(status: SyncStatus) -> None:
            # The refusal is on its way before the app asks its first question.
            if status.link is Link.ONLINE:
                hub.cut(hub.signed_in_tokens(), "signed out")

        client._on_status = sign_out_elsewhere
        started = time.monotonic()
        try:
            with pytest.raises(SignedOutError):
                # Not after the minute a question waits for its answer.
                await asyncio.wait_for(client.run(), 20)
            assert client.status.link is Link.SIGNED_OUT
            assert time.monotonic() - started < 10
        finally:
            client.stop()
            store.close()
