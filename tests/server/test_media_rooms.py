"""The signaling server speaks to Janus for the participants, and keeps every session to its own
room: crafted messages from one session never reach another's media, nor a site's beyond the
official and the floor. A real Janus on 127.0.0.1 (tests/janus.py); participants are raw
signaling clients, publishing with aiortc where the test needs media to flow.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TypeVar

import pytest
import pytest_asyncio
from aiortc import RTCSessionDescription

from outreach_app.call.ice import host_addresses
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.peer_link import PeerLink
from outreach_app.call.websocket_signaling import WebSocketSignaling
from outreach_app.core.invitations import issue_host_token, issue_site_token
from outreach_app.core.signaling_protocol import (
    HOST,
    ChooseEngine,
    ClientMessage,
    Control,
    End,
    EngineState,
    Error,
    ErrorCode,
    Feed,
    Floor,
    Joined,
    Publish,
    Published,
    ServerMessage,
    Subscribe,
    SubscriptionAnswer,
    SubscriptionEnded,
    SubscriptionOffer,
    Unsubscribe,
)
from outreach_app.janus.api import JanusConnection, JanusError
from outreach_app.server.embedded import EmbeddedServer
from outreach_app.server.media_rooms import MediaRooms
from tests.janus import JanusProcess
from tests.netns import NetworkNamespace

SECRET = b"m" * 32
SESSION_A = 41
SESSION_B = 42
SESSION_HUB = 43
SMALL = VideoQuality(96, 72, 10)
M = TypeVar("M", bound=ServerMessage)


@dataclass
class Participant:
    """A raw signaling client that keeps every message it was sent."""

    signaling: WebSocketSignaling
    joined: Joined
    heard: list[ServerMessage] = field(default_factory=list)
    links: list[PeerLink] = field(default_factory=list)

    async def send(self, message: ClientMessage) -> None:
        await self.signaling.send(message)

    async def expect(self, kind: type[M], timeout: float = 5.0, **fields: object) -> M:
        """The next message of `kind` whose fields have these values (others are kept)."""
        async with asyncio.timeout(timeout):
            while True:
                message = await self.signaling.receive()
                self.heard.append(message)
                if isinstance(message, kind) and all(
                    getattr(message, name) == value for name, value in fields.items()
                ):
                    return message

    async def refused(self, message: ClientMessage) -> str:
        """Send `message`; the code of the error it is answered with."""
        await self.send(message)
        error = await self.expect(Error, in_reply_to=message.TYPE)
        return error.code

    async def publish(self, label: str) -> PeerLink:
        """Publish a test pattern and a tone; the connection once Janus has answered."""
        link = PeerLink(())
        link.add_track(ToneAudioTrack())
        link.add_track(SyntheticVideoTrack(label, SMALL))
        await link.pc.setLocalDescription(await link.pc.createOffer())
        await self.send(Publish(link.pc.localDescription.sdp))
        answer = await self.expect(Published)
        await link.pc.setRemoteDescription(RTCSessionDescription(answer.sdp, "answer"))
        self.links.append(link)
        return link

    async def close(self) -> None:
        for link in self.links:
            await link.close()
        await self.signaling.close()


@pytest_asyncio.fixture
async def server(
    janus: JanusProcess, network_namespace: NetworkNamespace
) -> AsyncIterator[EmbeddedServer]:
    embedded = EmbeddedServer(SECRET, janus=janus.access)
    await embedded.start()
    with host_addresses([network_namespace.root_address]):
        yield embedded
    await embedded.stop()


async def join(server: EmbeddedServer, token: str) -> Participant:
    signaling = WebSocketSignaling(server.url, token)
    joined = await signaling.connect()
    participant = Participant(signaling, joined)
    assert await signaling.receive() == joined
    return participant


def host(session_id: int) -> str:
    return issue_host_token(SECRET, session_id, int(time.time()) + 3600)


def site(session_id: int, site_id: int) -> str:
    return issue_site_token(SECRET, session_id, site_id, int(time.time()) + 3600)


def media_rooms(server: EmbeddedServer) -> MediaRooms:
    media = server.signaling.media
    assert media is not None
    return media


async def test_sessions_keep_to_their_own_rooms_whatever_their_sites_send(
    server: EmbeddedServer, janus: JanusProcess
) -> None:
    people: list[Participant] = []

    async def enter(token: str) -> Participant:
        people.append(await join(server, token))
        return people[-1]

    try:
        host_a = await enter(host(SESSION_A))
        host_b = await enter(host(SESSION_B))
        assert host_a.joined.media_server and host_a.joined.engine == "hub"
        for chooser in (host_a, host_b):
            await chooser.send(ChooseEngine("janus"))
            await chooser.expect(EngineState, engine="janus", ready=True)
        site_a1 = await enter(site(SESSION_A, 1))
        site_b1 = await enter(site(SESSION_B, 1))
        assert site_a1.joined.engine == "janus"
        await site_a1.expect(EngineState, engine="janus", ready=True)

        # Site 1 of session B publishes; its host learns it, session A's host does not.
        await site_b1.publish("B1")
        await host_b.expect(Feed, peer=1, published=True)
        await host_b.send(Subscribe("b", 1, "reduced", False))
        await host_b.expect(SubscriptionOffer, id="b")
        await host_a.send(Subscribe("a", 1, "reduced", False))
        ended = await host_a.expect(SubscriptionEnded, id="a")
        assert ended.reason == "not published"

        # A site receives only the host and the floor site, never itself or its own session's
        # other sites, and cannot act as the host.
        assert await site_a1.refused(Subscribe("x", 1, "full", True)) == ErrorCode.FORBIDDEN
        assert await site_a1.refused(Subscribe("x", 2, "full", True)) == ErrorCode.FORBIDDEN
        assert await site_a1.refused(ChooseEngine("hub")) == ErrorCode.FORBIDDEN
        assert await site_a1.refused(Control(2, "{}")) == ErrorCode.FORBIDDEN
        # The host of A has published nothing: its site cannot reach B's host that way.
        await host_b.publish("HOST B")
        await site_b1.expect(Feed, peer=HOST, published=True)
        await site_a1.send(Subscribe("official", HOST, "reduced", True))
        assert (await site_a1.expect(SubscriptionEnded, id="official")).reason == "not published"
        # Another participant's subscription cannot be answered or dropped.
        assert (
            await site_a1.refused(SubscriptionAnswer("b", "v=0\r\n")) == ErrorCode.PEER_UNAVAILABLE
        )
        await site_a1.send(Unsubscribe("b"))
        rooms = media_rooms(server)
        await asyncio.sleep(0.3)
        assert (HOST, "b") in rooms._rooms[SESSION_B].subscriptions

        # Passing the floor opens that site to the others, and only while it has the floor.
        site_a2 = await enter(site(SESSION_A, 2))
        await site_a2.expect(EngineState, ready=True)
        await site_a2.publish("A2")
        await host_a.expect(Feed, peer=2, published=True)
        await host_a.send(Floor(2))
        await site_a1.expect(Feed, peer=2, published=True)
        await site_a1.send(Subscribe("floor", 2, "reduced", True))
        await site_a1.expect(SubscriptionOffer, id="floor")
        await host_a.send(Floor(None))
        await site_a1.expect(SubscriptionEnded, id="floor", peer=2)
        assert await site_a1.refused(Subscribe("floor", 2, "reduced", True)) == (
            ErrorCode.FORBIDDEN
        )

        # Nothing a participant hears names the rooms, their pins or their secrets.
        secrets = [
            value
            for room in rooms._rooms.values()
            for value in (room.room_id, room.pin, room.secret)
        ]
        everything = " ".join(repr(message) for person in people for message in person.heard)
        assert not any(secret in everything for secret in secrets)
        assert janus.configuration.secret not in everything

        # Janus itself refuses the room to anyone without its pin and secret.
        room_a = rooms._rooms[SESSION_A]
        admin = await JanusConnection.open(janus.access.url, janus.access.secret)
        try:
            session = await admin.create_session()
            stranger = await session.attach()
            with pytest.raises(JanusError):
                await stranger.message(
                    {"request": "join", "ptype": "publisher", "room": room_a.room_id}
                )
            with pytest.raises(JanusError):
                await stranger.message({"request": "destroy", "room": room_a.room_id})
            listed = await stranger.message({"request": "list"})
            assert listed.data.get("list") == []  # private rooms stay unlisted
            exists = await stranger.message({"request": "exists", "room": room_a.room_id})
            assert exists.data.get("exists") is True

            # The session's end takes its room away; the other session's stays.
            await host_a.send(End())
            await asyncio.sleep(0.5)
            exists = await stranger.message({"request": "exists", "room": room_a.room_id})
            assert exists.data.get("exists") is False
            room_b = rooms._rooms[SESSION_B].room_id
            exists = await stranger.message({"request": "exists", "room": room_b})
            assert exists.data.get("exists") is True
        finally:
            await admin.close()
    finally:
        for person in people:
            await person.close()


async def test_a_session_on_the_hub_cannot_reach_the_media_server(server: EmbeddedServer) -> None:
    host_c = await join(server, host(SESSION_HUB))
    site_c = await join(server, site(SESSION_HUB, 1))
    try:
        assert await site_c.refused(Publish("v=0\r\n")) == ErrorCode.MEDIA_SERVER_UNAVAILABLE
        assert await site_c.refused(Subscribe("x", HOST, "full", True)) == (
            ErrorCode.MEDIA_SERVER_UNAVAILABLE
        )
        assert media_rooms(server)._rooms == {}
    finally:
        await host_c.close()
        await site_c.close()


async def test_a_server_without_janus_says_so(network_namespace: NetworkNamespace) -> None:
    embedded = EmbeddedServer(SECRET)
    await embedded.start()
    try:
        chooser = await join(embedded, host(SESSION_A))
        assert not chooser.joined.media_server
        assert await chooser.refused(ChooseEngine("janus")) == ErrorCode.MEDIA_SERVER_UNAVAILABLE
        await chooser.close()
    finally:
        await embedded.stop()


async def test_janus_listens_on_127_0_0_1_and_the_media_address_only(
    server: EmbeddedServer, janus: JanusProcess, network_namespace: NetworkNamespace
) -> None:
    chooser = await join(server, host(SESSION_A))
    try:
        await chooser.send(ChooseEngine("janus"))
        await chooser.expect(EngineState, ready=True)
        link = await chooser.publish("HOST")
        async with asyncio.timeout(5):
            while link.pc.connectionState != "connected":
                await asyncio.sleep(0.05)
        sockets = janus.listening_sockets()
        api = f"127.0.0.1:{janus.configuration.api_port}"
        assert api in sockets
        media = [s for s in sockets if s != api]
        assert media, "a published stream has a media socket"
        low, high = janus.configuration.rtp_ports
        for local in media:
            address, _, port = local.rpartition(":")
            assert address == network_namespace.root_address
            assert low <= int(port) <= high
    finally:
        await chooser.close()
