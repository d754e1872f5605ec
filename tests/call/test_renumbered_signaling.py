"""Signaling in this computer's site ids over a server that numbers sites its own way: the
messages of the media server are translated like the others."""

from __future__ import annotations

from outreach_app.call.renumbered_signaling import RenumberedSignaling
from outreach_app.core.signaling_protocol import (
    HOST,
    ClientMessage,
    Control,
    Feed,
    RelayedControl,
    ServerMessage,
    Subscribe,
    SubscriptionEnded,
)


class Recorded:
    """An inner channel that keeps what is sent and hands out what it is given."""

    def __init__(self, incoming: list[ServerMessage]) -> None:
        self.sent: list[ClientMessage] = []
        self._incoming = incoming

    async def send(self, message: ClientMessage) -> None:
        self.sent.append(message)

    async def receive(self) -> ServerMessage:
        return self._incoming.pop(0)

    async def close(self) -> None:
        pass

    def link_suspect(self) -> None:
        pass


async def test_media_server_messages_travel_in_the_servers_numbers() -> None:
    inner = Recorded(
        [
            RelayedControl(905, '{"type":"pong","seq":1,"sent":1.0}'),
            Feed(999, True),  # a site this session does not invite: dropped
            Feed(905, True, simulcast=True),
            SubscriptionEnded("site-5", 905, "the publisher left"),
        ]
    )
    channel = RenumberedSignaling(inner, {5: 905})
    await channel.send(Subscribe("site-5", 5, "reduced", False))
    await channel.send(Control(5, "{}"))
    await channel.send(Subscribe("official", HOST, "full", True))
    assert inner.sent == [
        Subscribe("site-5", 905, "reduced", False),
        Control(905, "{}"),
        Subscribe("official", HOST, "full", True),
    ]
    assert await channel.receive() == RelayedControl(5, '{"type":"pong","seq":1,"sent":1.0}')
    assert await channel.receive() == Feed(5, True, simulcast=True)
    assert await channel.receive() == SubscriptionEnded("site-5", 5, "the publisher left")
