"""Signaling in this computer's site ids, over a server that numbers sites its own way.

On a team server the signaling room knows a site by the record's number for it, while the
official's app knows the same site by its replica's local id. This channel translates every
address in both directions, so the hub and the call window never see the server's numbers.
Messages about a site the session does not invite are dropped on the way in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from outreach_app.call.signaling import SignalingChannel
from outreach_app.core.signaling_protocol import (
    HOST,
    Answer,
    Bye,
    Candidate,
    ClientMessage,
    Control,
    Feed,
    Floor,
    Joined,
    Offer,
    PeerAddress,
    PeerJoined,
    PeerLeft,
    RelayedAnswer,
    RelayedBye,
    RelayedCandidate,
    RelayedControl,
    RelayedFloor,
    RelayedOffer,
    ServerMessage,
    Subscribe,
    SubscriptionEnded,
)


class RenumberedSignaling:
    def __init__(self, inner: SignalingChannel, server_numbers: Mapping[int, int]) -> None:
        """`server_numbers`: local site id -> the server's number for the site."""
        self._inner = inner
        self._to_server = dict(server_numbers)
        self._to_local = {number: local for local, number in server_numbers.items()}

    async def send(self, message: ClientMessage) -> None:
        match message:
            case Offer() | Answer() | Candidate() | Bye() | Control():
                message = dataclasses.replace(message, to=self._outgoing(message.to))
            case Subscribe(peer=peer):
                message = dataclasses.replace(message, peer=self._outgoing(peer))
            case Floor(site_id=site_id) if site_id is not None:
                message = Floor(self._to_server.get(site_id, site_id))
        await self._inner.send(message)

    async def receive(self) -> ServerMessage:
        while True:
            message = await self._inner.receive()
            translated = self._incoming(message)
            if translated is not None:
                return translated

    async def close(self) -> None:
        await self._inner.close()

    def link_suspect(self) -> None:
        self._inner.link_suspect()

    def _outgoing(self, address: PeerAddress) -> PeerAddress:
        return address if address == HOST else self._to_server.get(address, address)

    def _local(self, address: PeerAddress) -> PeerAddress | None:
        return HOST if address == HOST else self._to_local.get(address)

    def _incoming(self, message: ServerMessage) -> ServerMessage | None:
        match message:
            case Joined():
                peers = tuple(p for p in map(self._local, message.peers) if p is not None)
                floor = None if message.floor is None else self._to_local.get(message.floor)
                site = None if message.site_id is None else self._to_local.get(message.site_id)
                return dataclasses.replace(message, peers=peers, floor=floor, site_id=site)
            case PeerJoined() | PeerLeft() | Feed() | SubscriptionEnded():
                peer = self._local(message.peer)
                return None if peer is None else dataclasses.replace(message, peer=peer)
            case (
                RelayedOffer()
                | RelayedAnswer()
                | RelayedCandidate()
                | RelayedBye()
                | RelayedControl()
            ):
                sender = self._local(message.sender)
                return None if sender is None else dataclasses.replace(message, sender=sender)
            case RelayedFloor():
                site = None if message.site_id is None else self._to_local.get(message.site_id)
                return dataclasses.replace(message, site_id=site)
        return message
