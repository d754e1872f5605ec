"""A participant's connections to the media server (Janus), through the signaling server.

Every participant of a session on Janus, the official and each site alike, publishes its own
media on one peer connection (it makes the offer; the server brings Janus's answer) and receives
others on one peer connection per subscription (Janus makes the offer; we answer). The engine
says what it wants to receive (`want`: a subscription id, a peer, video full/reduced/none,
sound or not) and `MediaServerLink` keeps it so: it publishes when the media server is ready,
subscribes to a peer once the server says the peer publishes (``feed``), changes a
subscription in place when only the choice changes, and starts afresh with growing pauses when
a connection fails, the server ends it, or nothing arrives on it for the heartbeat timeout.

aiortc gathers every candidate before its offer or answer is made, and Janus puts its own in
its SDP (half trickle): no candidate is ever sent separately.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from aiortc import RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack

from outreach_app.call.link_state import LinkTimings
from outreach_app.call.peer_link import PeerLink
from outreach_app.core.settings_rules import IceServer
from outreach_app.core.signaling_protocol import (
    JANUS,
    ClientMessage,
    EngineState,
    Feed,
    PeerAddress,
    PublicationEnded,
    Publish,
    Published,
    ServerMessage,
    Subscribe,
    SubscriptionAnswer,
    SubscriptionEnded,
    SubscriptionOffer,
    Unsubscribe,
    VideoChoice,
)

log = logging.getLogger(__name__)

# How often the link looks at what it has against what is wanted, besides every event.
_TICK_SECONDS = 0.25

# Hands one received track of subscription `id` (on its current connection) to the engine.
TrackConsumer = Callable[[str, PeerLink, MediaStreamTrack], None]
Sender = Callable[[ClientMessage], Awaitable[bool]]


@dataclass(frozen=True)
class Wanted:
    """What one subscription should receive."""

    peer: PeerAddress
    video: VideoChoice
    audio: bool

    @property
    def carries_media(self) -> bool:
        return self.video != "none" or self.audio


@dataclass(frozen=True)
class FeedState:
    published: bool
    simulcast: bool


@dataclass
class _Subscription:
    id: str
    wanted: Wanted
    # What the server was last asked for, and the connection that carries it.
    requested: Wanted | None = None
    link: PeerLink | None = None
    asked_at: float = 0.0
    failures: int = 0
    retry_at: float = 0.0
    # Media arrived on the current connection (it is not counted as failed while it waits).
    connected_at: float | None = None


@dataclass
class _Publication:
    link: PeerLink
    offered_at: float
    answered: bool = False


class MediaServerLink:
    """Publishes this participant's media and keeps its subscriptions, on the media server."""

    def __init__(
        self,
        send: Sender,
        *,
        add_tracks: Callable[[PeerLink], None],
        consume: TrackConsumer,
        ice_servers: tuple[IceServer, ...],
        timings: LinkTimings,
        on_change: Callable[[], None] = lambda: None,
    ) -> None:
        """`add_tracks` puts our media on a new publishing connection (audio first, then the
        main video, then any reduced copy); `consume` reads what a subscription receives;
        `on_change` hears that readiness, publication or a subscription changed."""
        self._send = send
        self._add_tracks = add_tracks
        self._consume = consume
        self._ice_servers = ice_servers
        self._timings = timings
        self._on_change = on_change
        self.ready = False
        self.ready_reason = ""
        self.feeds: dict[PeerAddress, FeedState] = {}
        self._publication: _Publication | None = None
        self._publish_failures = 0
        self._publish_at = 0.0
        self._subscriptions: dict[str, _Subscription] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self._chores: set[asyncio.Task[Any]] = set()

    # ------------------------------------------------------------------ what the engine says
    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._keep())

    def want(
        self, subscription_id: str, peer: PeerAddress, video: VideoChoice, audio: bool
    ) -> None:
        wanted = Wanted(peer, video, audio)
        current = self._subscriptions.get(subscription_id)
        if current is None:
            self._subscriptions[subscription_id] = _Subscription(subscription_id, wanted)
        elif current.wanted != wanted:
            if current.wanted.peer != peer:
                current.failures = 0
                current.retry_at = 0.0
            current.wanted = wanted
        else:
            return
        self._wake.set()

    def drop(self, subscription_id: str) -> None:
        subscription = self._subscriptions.pop(subscription_id, None)
        if subscription is None:
            return
        if subscription.requested is not None:
            self._spawn_send(Unsubscribe(subscription_id))
        self._close_link(subscription)

    def restart(self, reason: str) -> None:
        """Start every connection afresh (our own network probably dropped)."""
        log.info("media server connections start afresh: %s", reason)
        self._discard_publication()
        for subscription in self._subscriptions.values():
            self._reset(subscription, count_failure=False)
        self._wake.set()

    # ------------------------------------------------------------------ what is there
    @property
    def publication(self) -> PeerLink | None:
        return None if self._publication is None else self._publication.link

    @property
    def publishing(self) -> bool:
        """Our media reaches the media server's connection (ICE and DTLS are up)."""
        publication = self._publication
        return (
            publication is not None
            and publication.answered
            and publication.link.pc.connectionState == "connected"
        )

    def subscription(self, subscription_id: str) -> PeerLink | None:
        subscription = self._subscriptions.get(subscription_id)
        return None if subscription is None else subscription.link

    def wanted(self, subscription_id: str) -> Wanted | None:
        subscription = self._subscriptions.get(subscription_id)
        return None if subscription is None else subscription.wanted

    def last_media_at(self, subscription_id: str) -> float | None:
        """When a frame last arrived on the subscription's current connection."""
        link = self.subscription(subscription_id)
        if link is None:
            return None
        times = [c.last_frame_at for c in link.counters.values() if c.last_frame_at is not None]
        return max(times, default=None)

    def is_published(self, peer: PeerAddress) -> bool:
        feed = self.feeds.get(peer)
        return feed is not None and feed.published

    # ------------------------------------------------------------------ what the server says
    async def handle(self, message: ServerMessage) -> bool:
        """Take a message meant for this link; False for any other message."""
        match message:
            case EngineState(engine=engine, ready=ready, reason=reason):
                self._set_ready(engine == JANUS and ready, reason)
            case Published(sdp=sdp):
                await self._apply_answer(sdp)
            case PublicationEnded(reason=reason):
                log.info("the media server ended our publication: %s", reason)
                self._publish_failures += 1
                self._publish_at = time.monotonic() + self._timings.retry_delay(
                    self._publish_failures
                )
                self._discard_publication()
            case SubscriptionOffer(id=subscription_id, sdp=sdp):
                await self._answer(subscription_id, sdp)
            case SubscriptionEnded(id=subscription_id, peer=peer, reason=reason):
                subscription = self._subscriptions.get(subscription_id)
                if subscription is not None and self._requested_from(subscription, peer):
                    log.info("subscription %s to %s ended: %s", subscription_id, peer, reason)
                    self._reset(subscription, count_failure=True)
            case Feed(peer=peer, published=published, simulcast=simulcast):
                self.feeds[peer] = FeedState(published, simulcast)
                if not published:
                    for subscription in self._subscriptions.values():
                        if self._requested_from(subscription, peer):
                            self._reset(subscription, count_failure=False)
            case _:
                return False
        self._wake.set()
        self._on_change()
        return True

    @staticmethod
    def _requested_from(subscription: _Subscription, peer: PeerAddress) -> bool:
        return subscription.requested is not None and subscription.requested.peer == peer

    def _set_ready(self, ready: bool, reason: str) -> None:
        self.ready_reason = reason
        if ready == self.ready:
            return
        self.ready = ready
        if not ready:
            # Every connection to the media server is gone with it; so are its feeds.
            self.feeds.clear()
            self._discard_publication()
            for subscription in self._subscriptions.values():
                self._reset(subscription, count_failure=False)
        self._publish_failures = 0
        self._publish_at = 0.0

    # ------------------------------------------------------------------ keeping it so
    async def _keep(self) -> None:
        while not self._closed:
            try:
                await self._reconcile()
            except Exception:
                log.exception("the media server link could not catch up")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), _TICK_SECONDS)

    async def _reconcile(self) -> None:
        if not self.ready:
            return
        now = time.monotonic()
        await self._keep_publication(now)
        for subscription in list(self._subscriptions.values()):
            await self._keep_subscription(subscription, now)

    async def _keep_publication(self, now: float) -> None:
        publication = self._publication
        timings = self._timings
        if publication is not None:
            state = publication.link.pc.connectionState
            stuck = state != "connected" and now - publication.offered_at > timings.attempt_timeout
            if state in ("failed", "closed") or stuck:
                log.info("our publication is %s; publishing again", "stuck" if stuck else state)
                self._publish_failures += 1
                self._publish_at = now + timings.retry_delay(self._publish_failures)
                self._discard_publication()
            elif state == "connected":
                self._publish_failures = 0
            return
        if now < self._publish_at:
            return
        link = PeerLink(self._ice_servers)
        self._add_tracks(link)
        offer = await link.pc.createOffer()
        await link.pc.setLocalDescription(offer)
        self._publication = _Publication(link, time.monotonic())
        if not await self._send(Publish(link.pc.localDescription.sdp)):
            self._discard_publication()

    async def _keep_subscription(self, subscription: _Subscription, now: float) -> None:
        wanted = subscription.wanted
        if not self.is_published(wanted.peer):
            return
        requested = subscription.requested
        if requested is not None and requested.peer == wanted.peer:
            if requested != wanted:
                subscription.requested = wanted
                await self._send(
                    Subscribe(subscription.id, wanted.peer, wanted.video, wanted.audio)
                )
            if self._broken(subscription, now):
                self._spawn_send(Unsubscribe(subscription.id))
                self._reset(subscription, count_failure=True)
            return
        if now < subscription.retry_at:
            return
        self._close_link(subscription)
        subscription.requested = wanted
        subscription.asked_at = now
        subscription.connected_at = None
        await self._send(Subscribe(subscription.id, wanted.peer, wanted.video, wanted.audio))

    def _broken(self, subscription: _Subscription, now: float) -> bool:
        timings = self._timings
        link = subscription.link
        if link is None:
            return now - subscription.asked_at > timings.attempt_timeout
        if link.pc.connectionState in ("failed", "closed"):
            return True
        heard = self.last_media_at(subscription.id)
        if heard is not None:
            subscription.connected_at = subscription.connected_at or heard
            subscription.failures = 0
            expecting = subscription.wanted.carries_media
            return expecting and now - heard > timings.heartbeat_timeout
        return now - subscription.asked_at > timings.attempt_timeout

    def _reset(self, subscription: _Subscription, *, count_failure: bool) -> None:
        self._close_link(subscription)
        subscription.requested = None
        if count_failure:
            subscription.failures += 1
            subscription.retry_at = time.monotonic() + self._timings.retry_delay(
                subscription.failures
            )

    # ------------------------------------------------------------------ connections
    async def _apply_answer(self, sdp: str) -> None:
        publication = self._publication
        if publication is None or publication.answered:
            return
        if publication.link.pc.signalingState != "have-local-offer":
            return
        publication.answered = True
        await publication.link.pc.setRemoteDescription(
            RTCSessionDescription(sdp=sdp, type="answer")
        )

    async def _answer(self, subscription_id: str, sdp: str) -> None:
        subscription = self._subscriptions.get(subscription_id)
        if subscription is None or subscription.requested is None:
            return
        self._close_link(subscription)
        link = subscription.link = PeerLink(self._ice_servers)
        link.pc.on("track", lambda track: self._consume(subscription_id, link, track))
        await link.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await link.pc.setLocalDescription(await link.pc.createAnswer())
        if subscription.link is link:
            await self._send(SubscriptionAnswer(subscription_id, link.pc.localDescription.sdp))

    def _discard_publication(self) -> None:
        publication, self._publication = self._publication, None
        if publication is not None:
            self._spawn_close(publication.link)

    def _close_link(self, subscription: _Subscription) -> None:
        link, subscription.link = subscription.link, None
        if link is not None:
            self._spawn_close(link)

    def _spawn_close(self, link: PeerLink) -> None:
        self._chore(link.close())

    def _spawn_send(self, message: ClientMessage) -> None:
        async def send() -> None:
            await self._send(message)

        self._chore(send())

    def _chore(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._chores.add(task)
        task.add_done_callback(self._chores.discard)

    async def close(self) -> None:
        """Close every connection; nothing is sent to the server (the engine says bye)."""
        self._closed = True
        self._wake.set()
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        links = [s.link for s in self._subscriptions.values() if s.link is not None]
        if self._publication is not None:
            links.append(self._publication.link)
        self._publication = None
        for subscription in self._subscriptions.values():
            subscription.link = None
        await asyncio.gather(*(link.close() for link in links), return_exceptions=True)
        await asyncio.gather(*self._chores, return_exceptions=True)
