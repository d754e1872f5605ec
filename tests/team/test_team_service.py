"""The team service over real sockets, as strangers, the wrong roles and forgers would use it:
refusal tested as carefully as success."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import aiohttp
import pytest

from outreach_app.core import tokens
from outreach_app.core.message_codec import to_json
from outreach_app.core.model import Role, Session, SessionKind, SessionSite, Site
from outreach_app.core.sync_model import JSON, Outcome, PushedOperation
from outreach_app.core.team_protocol import (
    PROTOCOL_VERSION,
    TEAM_SERVER_MESSAGES,
    Accounts,
    AccountsResult,
    Hello,
    Invitations,
    Invite,
    Live,
    Push,
    Pushed,
    TeamError,
    TeamServerMessage,
    Welcome,
)
from outreach_app.storage.repository import Repository
from outreach_app.storage.schema import schema_fingerprint
from outreach_app.team.service import SESSION_TOKEN_KIND
from tests.team.live_server import PASSWORD, LiveTeamServer, team_server


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[LiveTeamServer]:
    async with team_server(tmp_path / "record") as live:
        for name, role in (
            ("anna", Role.STAFF),
            ("wang", Role.OFFICIAL),
            ("li", Role.REVIEWER),
            ("root", Role.ADMIN),
        ):
            live.add_account(name, role)
        yield live


async def post_sign_in(
    server: LiveTeamServer, name: str, password: str
) -> tuple[int, dict[str, object]]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            server.address.base + "/team/sign-in",
            json={"name": name, "password": password, "device": "test"},
        ) as response,
    ):
        body = await response.json(content_type=None)
        return response.status, body


async def token_for(server: LiveTeamServer, name: str) -> str:
    status, body = await post_sign_in(server, name, PASSWORD)
    assert status == 200, body
    return str(body["token"])


class Socket:
    def __init__(self, session: aiohttp.ClientSession, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.session, self.ws = session, ws

    async def send(self, message: object) -> None:
        await self.ws.send_str(to_json(message))  # type: ignore[arg-type]

    async def receive(self, timeout: float = 5.0) -> TeamServerMessage | None:
        frame = await self.ws.receive(timeout=timeout)
        if frame.type != aiohttp.WSMsgType.TEXT:
            return None
        return TEAM_SERVER_MESSAGES.from_json(str(frame.data))

    async def expect(self, kind: type[object], timeout: float = 5.0) -> object:
        while True:
            message = await self.receive(timeout)
            assert message is not None, f"closed while waiting for {kind.__name__}"
            if isinstance(message, kind):
                return message

    async def close(self) -> None:
        await self.ws.close()
        await self.session.close()


async def connect(server: LiveTeamServer, token: str | None = None) -> Socket:
    session = aiohttp.ClientSession()
    ws = await session.ws_connect(server.address.sync_url)
    socket = Socket(session, ws)
    if token is not None:
        await socket.send(Hello(token, "test", 0, PROTOCOL_VERSION, schema_fingerprint()))
    return socket


async def refused_with(socket: Socket) -> str:
    message = await socket.receive()
    assert isinstance(message, TeamError), message
    closing = await socket.receive()
    assert closing is None
    assert socket.ws.close_code == 4001
    await socket.close()
    return message.code


async def test_a_wrong_password_and_an_unknown_name_look_the_same(server: LiveTeamServer) -> None:
    wrong = await post_sign_in(server, "anna", PASSWORD + "x")
    unknown = await post_sign_in(server, "nobody", PASSWORD)
    assert wrong == unknown == (401, {"error": "wrong name or password"})


async def test_repeated_failures_are_throttled_then_even_the_right_password_waits(
    server: LiveTeamServer,
) -> None:
    for _ in range(5):
        assert (await post_sign_in(server, "anna", "wrong password!"))[0] == 401
    status, body = await post_sign_in(server, "anna", "wrong password!")
    assert status == 401
    status, body = await post_sign_in(server, "anna", PASSWORD)
    assert status == 429 and int(str(body["retry_after"])) >= 1
    # Another account from the same address is not yet blocked by one account's failures.
    assert (await post_sign_in(server, "wang", PASSWORD))[0] == 200


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[]",
        json.dumps({"name": 1, "password": "x", "device": ""}).encode(),
        json.dumps({"name": "anna", "password": "x" * 5000, "device": ""}).encode(),
    ],
)
async def test_malformed_sign_ins_are_refused_plainly(server: LiveTeamServer, body: bytes) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.post(server.address.base + "/team/sign-in", data=body) as response,
    ):
        assert response.status in (400, 413)


async def test_a_forged_token_is_refused(server: LiveTeamServer) -> None:
    assert server.service is not None
    record = server.service.identity.record_id
    forged = tokens.sign(
        b"k" * 32, {"acc": 1}, SESSION_TOKEN_KIND, expires_at=int(time.time()) + 600, record=record
    )
    socket = await connect(server, forged)
    assert await refused_with(socket) == "token_invalid"


async def test_a_token_of_another_record_or_kind_is_refused(server: LiveTeamServer) -> None:
    assert server.service is not None
    secret = server.service.secret
    other_record = tokens.sign(
        secret, {"acc": 1}, SESSION_TOKEN_KIND, expires_at=int(time.time()) + 600, record="other"
    )
    socket = await connect(server, other_record)
    assert await refused_with(socket) == "token_invalid"
    invitation = tokens.sign(
        secret,
        {"ses": 1, "site": 1},
        "site",
        expires_at=int(time.time()) + 600,
        record=server.service.identity.record_id,
    )
    socket = await connect(server, invitation)
    assert await refused_with(socket) == "token_invalid"


async def test_an_expired_sign_in_is_refused(tmp_path: Path) -> None:
    async with team_server(tmp_path / "record", sign_in_lifetime=1.0) as live:
        live.add_account("anna", Role.STAFF)
        token = await token_for(live, "anna")
        await asyncio.sleep(1.5)
        socket = await connect(live, token)
        assert await refused_with(socket) in ("token_expired", "revoked")


async def test_signing_out_cuts_the_live_connection_at_once(server: LiveTeamServer) -> None:
    token = await token_for(server, "anna")
    socket = await connect(server, token)
    await socket.expect(Welcome)
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            server.address.base + "/team/sign-out", headers={"Authorization": f"Bearer {token}"}
        ) as response,
    ):
        assert response.status == 204
    started = time.monotonic()
    while (message := await socket.receive()) is not None:
        if isinstance(message, TeamError):
            assert message.code == "revoked"
    assert time.monotonic() - started < 2.0
    await socket.close()
    again = await connect(server, token)
    assert await refused_with(again) == "revoked"


async def test_disabling_an_account_cuts_it_within_seconds_also_from_the_command_line(
    server: LiveTeamServer,
) -> None:
    token = await token_for(server, "anna")
    socket = await connect(server, token)
    await socket.expect(Welcome)
    from outreach_app.team.admin import set_disabled

    await asyncio.to_thread(set_disabled, server.folder.path, "anna", True)
    started = time.monotonic()
    while await socket.receive(timeout=5) is not None:
        pass
    assert time.monotonic() - started < 3.0
    await socket.close()


async def test_a_connection_that_never_says_hello_is_closed(server: LiveTeamServer) -> None:
    socket = await connect(server)
    started = time.monotonic()
    message = await socket.receive(timeout=15)
    assert isinstance(message, TeamError) and message.code == "not_signed_in"
    assert time.monotonic() - started < 12
    await socket.close()


async def test_only_administrators_keep_accounts(server: LiveTeamServer) -> None:
    for name in ("anna", "wang", "li"):
        socket = await connect(server, await token_for(server, name))
        await socket.expect(Welcome)
        await socket.send(Accounts("add", "mallory", "admin", PASSWORD))
        refused = await socket.expect(TeamError)
        assert isinstance(refused, TeamError) and refused.code == "forbidden"
        await socket.close()
    admin = await connect(server, await token_for(server, "root"))
    await admin.expect(Welcome)
    await admin.send(Accounts("add", "zhao", "note_taker", PASSWORD, "赵记录员"))
    result = await admin.expect(AccountsResult)
    assert isinstance(result, AccountsResult) and result.ok
    assert "zhao" in [account.name for account in result.accounts]
    await admin.send(Accounts("add", "weak", "staff", "short"))
    weak = await admin.expect(AccountsResult)
    assert isinstance(weak, AccountsResult) and not weak.ok
    await admin.close()


def _a_session(repo: Repository) -> tuple[int, str]:
    """A session of one site in the record: its id there and its uid."""
    site = repo.sites.save_site(Site(name="Village"))
    session = repo.sessions.save_session(
        Session(
            "S",
            SessionKind.INVESTIGATION,
            "王",
            datetime(2026, 12, 7, 9),
            60,
            sites=[SessionSite(site, 0, 20)],
        )
    )
    uid = repo.db.execute("SELECT uid FROM sessions WHERE id = ?", (session,)).fetchone()[0]
    return session, str(uid)


async def test_invitations_and_live_calls_by_role(server: LiveTeamServer) -> None:
    assert server.service is not None
    service = server.service
    _, session_uid = service.worker.call(_a_session)
    for name, allowed, host in (("anna", True, False), ("wang", True, True), ("li", False, False)):
        socket = await connect(server, await token_for(server, name))
        await socket.expect(Welcome)
        await socket.send(Invite(session_uid))
        if allowed:
            answer = await socket.expect(Invitations)
            assert isinstance(answer, Invitations) and len(answer.links) == 1
            assert bool(answer.host) is host
            assert "/join/" in answer.links[0].join
        else:
            refused = await socket.expect(TeamError)
            assert isinstance(refused, TeamError) and refused.code == "forbidden"
        await socket.send(Live(session_uid))
        if name != "wang":
            refused = await socket.expect(TeamError)
            assert isinstance(refused, TeamError) and refused.code == "forbidden"
        await socket.close()
    assert list(service.live) == [session_uid]


async def test_crafted_operations_are_refused_one_by_one(server: LiveTeamServer) -> None:
    socket = await connect(server, await token_for(server, "li"))
    await socket.expect(Welcome)
    crafted = (
        PushedOperation("a" * 32, "sites.save_site", {"site": {"name": "x"}}, datetime.now()),
        PushedOperation("b" * 32, "meta.set_meta", {"key": "k", "value": "v"}, datetime.now()),
        PushedOperation("c" * 32, "sites.drop_everything", {}, datetime.now()),
        PushedOperation(
            "d" * 32,
            "review.set_review",
            {"session_id": "0" * 32, "state": "approved"},
            datetime.now(),
        ),
        PushedOperation(
            "e" * 32, "review.set_review", {"session_id": 1, "state": "approved"}, datetime.now()
        ),
    )
    await socket.send(Push(crafted))
    answer = await socket.expect(Pushed)
    assert isinstance(answer, Pushed)
    assert [o.outcome for o in answer.outcomes] == [
        Outcome.REFUSED,
        Outcome.INVALID,
        Outcome.INVALID,
        Outcome.CONFLICT,
        Outcome.INVALID,
    ]
    # The same operation id sent again gets the same answer, and nothing more happens.
    await socket.send(Push(crafted[:1]))
    again = await socket.expect(Pushed)
    assert isinstance(again, Pushed) and again.outcomes[0].outcome is Outcome.REFUSED
    await socket.close()


async def test_a_notice_names_the_person_signed_in_never_a_name_the_app_sends(
    server: LiveTeamServer,
) -> None:
    assert server.service is not None
    service = server.service
    server.add_account("chen", Role.NOTE_TAKER)
    session_id, session_uid = service.worker.call(_a_session)
    socket = await connect(server, await token_for(server, "chen"))
    await socket.expect(Welcome)
    notice: dict[str, JSON] = {
        "session_id": session_uid,
        "site_id": None,
        "text": "Five minutes each, please",
    }
    await socket.send(
        Push(
            (
                PushedOperation(
                    "a" * 32, "calls.record_notice", {**notice, "sent_by": "wang"}, datetime.now()
                ),
                PushedOperation("b" * 32, "calls.record_notice", notice, datetime.now()),
            )
        )
    )
    answer = await socket.expect(Pushed)
    assert isinstance(answer, Pushed)
    assert [o.outcome for o in answer.outcomes] == [Outcome.INVALID, Outcome.APPLIED]
    assert "sent_by" in answer.outcomes[0].params["reason"]
    kept = service.worker.call(lambda r: r.calls.notices(session_id))
    assert [(n.text, n.sent_by) for n in kept] == [("Five minutes each, please", "chen")]
    await socket.close()


def _mutations(rng: random.Random) -> list[str]:
    """Frames that look like the team protocol and are wrong in every way a fuzzer finds."""
    valid: list[dict[str, object]] = [
        {"type": "pull", "cursor": 0, "limit": 10},
        {"type": "fetch", "rows": [["sites", "0" * 32]]},
        {
            "type": "push",
            "operations": [
                {
                    "op": "f" * 32,
                    "name": "sites.save_site",
                    "arguments": {"site": {"name": "x"}},
                    "at": "2026-12-07T10:00:00",
                    "expect": [],
                    "seed": "",
                }
            ],
        },
        {"type": "invite", "session": "0" * 32},
        {"type": "accounts", "action": "list"},
        {"type": "ping", "id": 1},
    ]
    odd_values: list[object] = [
        None,
        True,
        -1,
        2**63,
        1.5e308,
        "",
        "x" * 5000,
        [],
        {},
        [[]],
        {"a": {"b": {"c": []}}},
        "\ud800",
        "0" * 32,
        "../../etc",
    ]
    frames = [
        "",
        "{",
        "null",
        "[]",
        "1",
        '"text"',
        '{"type": 7}',
        '{"type": "nope"}',
        '{"type": "pull", "cursor": NaN}',
        "\x00" * 10,
    ]
    for _ in range(400):
        message = dict(rng.choice(valid))
        key = rng.choice(list(message))
        action = rng.random()
        if action < 0.4:
            message[key] = rng.choice(odd_values)
        elif action < 0.6:
            del message[key]
        elif action < 0.8 and isinstance(message.get("operations"), list):
            operation = dict(message["operations"][0])  # type: ignore[index]
            operation[rng.choice(list(operation))] = rng.choice(odd_values)
            message["operations"] = [operation]
        else:
            message[rng.choice(["extra", "type"])] = rng.choice(odd_values)
        frames.append(json.dumps(message))
    return frames


async def test_fuzzed_messages_get_answers_and_never_break_the_server(
    server: LiveTeamServer,
) -> None:
    rng = random.Random(12)
    token = await token_for(server, "anna")
    frames = _mutations(rng)
    sent = 0
    while sent < len(frames):
        socket = await connect(server, token)
        await socket.expect(Welcome)
        for frame in frames[sent : sent + 40]:  # under the rate limit
            await socket.ws.send_str(frame)
            sent += 1
            answer = await socket.receive(timeout=10)
            assert answer is not None, f"connection lost after {frame[:80]!r}"
        await socket.close()
    # The server still serves everybody.
    healthy = await connect(server, await token_for(server, "wang"))
    assert isinstance(await healthy.expect(Welcome), Welcome)
    await healthy.close()


async def test_passwords_are_never_logged(
    server: LiveTeamServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    await post_sign_in(server, "anna", PASSWORD)
    await post_sign_in(server, "anna", "a wrong password for the log")
    admin = await connect(server, await token_for(server, "root"))
    await admin.expect(Welcome)
    await admin.send(Accounts("reset", "anna", "", "a brand new password"))
    await admin.expect(AccountsResult)
    await admin.close()
    logged = caplog.text
    for secret in (PASSWORD, "a wrong password for the log", "a brand new password"):
        assert secret not in logged


async def test_an_app_of_another_version_is_told_to_update(server: LiveTeamServer) -> None:
    socket = await connect(server)
    await socket.send(Hello(await token_for(server, "anna"), "test", 0, PROTOCOL_VERSION, "0" * 16))
    refused = await socket.receive()
    assert isinstance(refused, TeamError) and refused.code == "protocol"
    assert "version" in refused.message
    await socket.close()


async def test_a_call_stops_showing_live_once_its_official_is_gone_for_a_while(
    server: LiveTeamServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach_app.core.team_protocol import LiveNow
    from outreach_app.team import routes

    monkeypatch.setattr(routes, "LIVE_GRACE_SECONDS", 0.5)
    reviewer = await connect(server, await token_for(server, "li"))
    await reviewer.expect(Welcome)
    official = await connect(server, await token_for(server, "wang"))
    await official.expect(Welcome)
    await official.send(Live("a" * 32, "b" * 32))

    async def live_seen(expected: int) -> None:
        while True:
            message = await reviewer.expect(LiveNow)
            assert isinstance(message, LiveNow)
            if len(message.sessions) == expected:
                return

    await live_seen(1)
    await official.close()
    await asyncio.wait_for(live_seen(0), 5)
    await reviewer.close()


async def test_a_link_for_a_session_weeks_ahead_lasts_until_that_day(
    server: LiveTeamServer,
) -> None:
    from datetime import timedelta

    from outreach_app.core.invitations import token_from_join_url, verify

    assert server.service is not None
    service = server.service
    day = datetime.now().replace(microsecond=0) + timedelta(days=60)

    def seed(repo: Repository) -> str:
        site = repo.sites.save_site(Site(name="Far village"))
        session = repo.sessions.save_session(
            Session(
                "Later", SessionKind.ON_SITE_WORK, "王", day, 60, sites=[SessionSite(site, 0, 20)]
            )
        )
        return str(
            repo.db.execute("SELECT uid FROM sessions WHERE id = ?", (session,)).fetchone()[0]
        )

    session_uid = service.worker.call(seed)
    staff = await connect(server, await token_for(server, "anna"))
    await staff.expect(Welcome)
    await staff.send(Invite(session_uid))
    answer = await staff.expect(Invitations)
    assert isinstance(answer, Invitations)
    token = token_from_join_url(answer.links[0].join)
    on_the_day = verify(service.secret, token, day.timestamp(), record=service.identity.record_id)
    assert on_the_day.expires_at > day.timestamp() + 3600
    await staff.close()
