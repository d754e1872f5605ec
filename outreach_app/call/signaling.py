"""How the call engine reaches its peers before there is a peer connection.

The engine sends the protocol's participant messages and receives the server's
(`outreach_app.core.signaling_protocol`) over any `SignalingChannel`. The WebSocket client of
the real server is one; `InMemorySignalingRoom` is another, for tests and the in-process demo:
it routes like the server does for one session, without tokens or limits.
"""

from __future__ import annotations

import asyncio
from typing import Protocol

from outreach_app.core.signaling_protocol import (
    HOST,
    Answer,
    Bye,
    Candidate,
    ClientMessage,
    Control,
    Error,
    ErrorCode,
    Floor,
    Joined,
    Offer,
    PeerAddress,
    PeerJoined,
    PeerLeft,
    ServerMessage,
    relayed,
    relayed_floor,
)


class SignalingClosed(ConnectionError):
    """The channel is closed: nothing more will be received and nothing can be sent."""


class SignalingChannel(Protocol):
    """One participant's connection to the session's signaling room."""

    async def send(self, message: ClientMessage) -> None:
        """Send one message; raises SignalingClosed once the channel is closed."""

    async def receive(self) -> ServerMessage:
        """The next message; raises SignalingClosed once the channel is closed."""

    async def close(self) -> None:
        """Leave the room. Idempotent."""

    def link_suspect(self) -> None:
        """The peer connection went silent: the network under this channel may have dropped
        too. A channel over the network reconnects now instead of waiting on its old socket."""


class InMemorySignalingChannel:
    """A participant's end of an `InMemorySignalingRoom`."""

    def __init__(self, room: InMemorySignalingRoom, address: PeerAddress) -> None:
        self.address = address
        self._room = room
        self._inbox: asyncio.Queue[ServerMessage | None] = asyncio.Queue()
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    async def send(self, message: ClientMessage) -> None:
        if self._closed:
            raise SignalingClosed(f"the channel of {self.address} is closed")
        self._room.route(self, message)

    def link_suspect(self) -> None:
        """Nothing to do: the room is in this process."""

    async def receive(self) -> ServerMessage:
        if self._closed and self._inbox.empty():
            raise SignalingClosed(f"the channel of {self.address} is closed")
        message = await self._inbox.get()
        if message is None:
            raise SignalingClosed(f"the channel of {self.address} is closed")
        return message

    async def close(self) -> None:
        self._room.disconnect(self)

    def deliver(self, message: ServerMessage) -> None:
        if not self._closed:
            self._inbox.put_nowait(message)

    def shut(self) -> None:
        if not self._closed:
            self._closed = True
            # Wakes a pending receive(); messages already queued are still read first.
            self._inbox.put_nowait(None)


class InMemorySignalingRoom:
    """One session's room: a host and sites, routed as the signaling server routes them.

    A site that connects again replaces its previous connection (the host hears
    ``peer-joined`` with ``rejoined: true``); a closed channel is announced with ``peer-left``,
    as the server does when a participant's socket closes (also when its process is killed).
    """

    def __init__(self) -> None:
        self._members: dict[PeerAddress, InMemorySignalingChannel] = {}
        self.floor_site_id: int | None = None

    def connect(self, address: PeerAddress) -> InMemorySignalingChannel:
        previous = self._members.get(address)
        if previous is not None:
            previous.shut()
        channel = InMemorySignalingChannel(self, address)
        self._members[address] = channel
        others = [member for member in self._members if member != address]
        visible = others if address == HOST else [member for member in others if member == HOST]
        channel.deliver(
            Joined(
                role="host" if address == HOST else "site",
                session_id=None,
                site_id=None if address == HOST else address,
                peers=tuple(visible),
                floor=self.floor_site_id,
            )
        )
        for watcher in self._watchers_of(address):
            watcher.deliver(PeerJoined(address, rejoined=previous is not None))
        return channel

    def disconnect(self, channel: InMemorySignalingChannel) -> None:
        channel.shut()
        if self._members.get(channel.address) is not channel:
            return
        del self._members[channel.address]
        for watcher in self._watchers_of(channel.address):
            watcher.deliver(PeerLeft(channel.address))

    def _watchers_of(self, address: PeerAddress) -> list[InMemorySignalingChannel]:
        # The host hears about every site; a site hears only about the host.
        if address == HOST:
            return [channel for member, channel in self._members.items() if member != HOST]
        host = self._members.get(HOST)
        return [host] if host is not None else []

    def route(self, sender: InMemorySignalingChannel, message: ClientMessage) -> None:
        match message:
            case Offer() | Answer() | Candidate() | Bye() | Control():
                target = self._members.get(message.to)
                if target is None or (sender.address != HOST and message.to != HOST):
                    sender.deliver(
                        Error(
                            ErrorCode.PEER_UNAVAILABLE,
                            f"{message.to!r} is not in the session",
                            message.TYPE,
                        )
                    )
                    return
                target.deliver(relayed(message, sender.address))
            case Floor() if sender.address == HOST:
                self.floor_site_id = message.site_id
                for member, channel in self._members.items():
                    if member != HOST:
                        channel.deliver(relayed_floor(message))
            case _:
                sender.deliver(Error(ErrorCode.UNKNOWN_TYPE, f"cannot route {message.TYPE!r}"))
