"""Sessions on the media server: the signaling server speaks to Janus VideoRoom for everyone.

Participants never reach Janus's API (it listens on 127.0.0.1 of the server host and wants a
secret); they send the signaling protocol's ``engine``, ``publish``, ``subscribe``,
``subscription-answer`` and ``unsubscribe`` messages, and this module turns them into VideoRoom
requests on handles it holds for them, within the room of their own session only:

- A session on Janus has one VideoRoom room, created when its host chooses the engine and
  destroyed when the session ends or its signaling room empties. Its id, `secret` and `pin` are
  random and never leave the server.
- A participant publishes under an id the server derives from its invitation (the host "h",
  site 7 "s7"), so nobody can publish as someone else or into another session's room; a new
  ``publish`` replaces the participant's earlier one.
- A subscription names a peer of the participant's own session; a site may receive only the
  host and the site that has the floor. Its streams are chosen here: the publisher's audio and
  one video (the best it sends, or its reduced copy: a second video stream from a sender that
  cannot simulcast, a lower simulcast layer from one that can). What the subscriber chooses
  later (video or none, full or reduced, sound or not) is configured at Janus on the same
  connection.
- Janus's events become ``feed`` (who can be received), ``publication-ended`` and
  ``subscription-ended``. When Janus goes away every room is reported not ready (``engine``);
  when it is back the rooms are made again and everyone publishes and subscribes anew.

Handles belong to a participant (its address in the session), not to one signaling connection:
media keeps flowing while a participant's signaling reconnects. A participant gone from
signaling for `LEAVE_GRACE_SECONDS` (or one that said bye) loses its handles.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from outreach_app.core.signaling_protocol import (
    HOST,
    JANUS,
    ChooseEngine,
    EngineName,
    EngineState,
    ErrorCode,
    Feed,
    MediaServerRequest,
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
)
from outreach_app.janus.api import (
    HandleEvent,
    JanusConnection,
    JanusError,
    JanusGone,
    JanusHandle,
    JanusSession,
    Jsep,
    JsonObject,
    text_of,
)
from outreach_app.server.frames import ProtocolError
from outreach_app.server.media_streams import (
    Publication,
    Subscription,
    feed_id,
    objects,
    read_streams,
    source_video,
    without_room,
)

log = logging.getLogger(__name__)

LEAVE_GRACE_SECONDS: Final = 20.0
MAX_SITE_SUBSCRIPTIONS: Final = 4
MAX_HOST_SUBSCRIPTIONS: Final = 400
_RECONNECT_FIRST_SECONDS: Final = 0.25
_RECONNECT_MAX_SECONDS: Final = 4.0
# Every frame rate of a simulcast layer.
_TOP_TEMPORAL_LAYER: Final = 2
# Seconds after a change of layer at which the publisher is asked for keyframes again.
_KEYFRAME_RETRIES: Final = (1.2, 2.0)
_NOT_READY: Final = "The media server is not available right now."


class Member(Protocol):
    """A participant's signaling connection, as far as this module needs it."""

    def send(self, message: ServerMessage) -> None: ...


class SignalingRoom(Protocol):
    """The signaling side of a session: who is there, who has the floor, its engine."""

    session_id: int
    floor_site_id: int | None
    engine: EngineName

    @property
    def members(self) -> Mapping[PeerAddress, Member]: ...


@dataclass(frozen=True)
class JanusAccess:
    """Where Janus's API is (ws://127.0.0.1:8188) and its secret: its api_secret, which is also
    VideoRoom's admin_key (see `outreach_app.janus.config`)."""

    url: str
    secret: str = field(repr=False)


@dataclass
class _MediaRoom:
    session_id: int
    room_id: str = field(default_factory=lambda: f"outreach-{secrets.token_hex(8)}")
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    pin: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    janus: JanusSession | None = None
    admin: JanusHandle | None = None
    publications: dict[PeerAddress, Publication] = field(default_factory=dict)
    subscriptions: dict[tuple[PeerAddress, str], Subscription] = field(default_factory=dict)
    departures: dict[PeerAddress, asyncio.TimerHandle] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def ready(self) -> bool:
        return self.admin is not None and not self.admin.detached


class MediaRooms:
    """The rooms of sessions that run on Janus, and the one connection to Janus's API."""

    def __init__(
        self,
        url: str,
        secret: str,
        rooms: Callable[[int], SignalingRoom | None],
    ) -> None:
        """`url` and `secret`: Janus's API (ws://127.0.0.1:8188) and its api_secret, which is
        also VideoRoom's admin_key. `rooms` finds the signaling room of a session."""
        self._url = url
        self._secret = secret
        self._signaling_room = rooms
        self._rooms: dict[int, _MediaRoom] = {}
        self._connection: JanusConnection | None = None
        self._connected = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._keeper: asyncio.Task[None] | None = None
        self._stopped = False

    @property
    def available(self) -> bool:
        """Whether Janus's API is reachable now."""
        return self._connection is not None and self._connection.is_open

    def start(self) -> None:
        """Connect to Janus, and again whenever the connection is lost."""
        if self._keeper is None:
            self._keeper = asyncio.get_running_loop().create_task(self._keep_connected())

    async def stop(self) -> None:
        self._stopped = True
        for session_id in list(self._rooms):
            await self._destroy(session_id)
        tasks = [task for task in (self._keeper, *self._tasks) if task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._connection is not None:
            await self._connection.close()
            self._connection = None

    async def wait_available(self, timeout: float) -> bool:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._connected.wait()
        return self.available

    # ------------------------------------------------------------------ from signaling
    def handle(
        self, room: SignalingRoom, address: PeerAddress, message: MediaServerRequest
    ) -> None:
        """Act on one participant's request, in the order received; refusals that need no
        Janus are raised here as ProtocolError, the others are sent to the participant."""
        if isinstance(message, ChooseEngine):
            if address != HOST:
                raise ProtocolError(
                    ErrorCode.FORBIDDEN, "Only the host chooses the engine.", message.TYPE
                )
            self._spawn(self._choose_engine(room.session_id, message.engine))
            return
        if room.engine != JANUS:
            raise ProtocolError(
                ErrorCode.MEDIA_SERVER_UNAVAILABLE,
                "This session does not run on the media server.",
                message.TYPE,
            )
        if isinstance(message, Subscribe):
            self._check_subscription(room, address, message)
        self._spawn(self._request(room.session_id, address, message))

    def member_joined(self, room: SignalingRoom, address: PeerAddress) -> None:
        """A participant (re)joined signaling: its handles stay, and it learns who publishes."""
        media = self._rooms.get(room.session_id)
        if media is None:
            return
        departure = media.departures.pop(address, None)
        if departure is not None:
            departure.cancel()
        member = room.members.get(address)
        if member is None:
            return
        member.send(EngineState(JANUS, media.ready, "" if media.ready else _NOT_READY))
        for publisher, publication in media.publications.items():
            if publication.live and self._may_receive(room, address, publisher):
                member.send(Feed(publisher, True, publication.simulcast))

    def member_left(self, room: SignalingRoom, address: PeerAddress, *, for_good: bool) -> None:
        """A participant's signaling is gone; its media goes too after a grace period (at
        once if it said bye)."""
        media = self._rooms.get(room.session_id)
        if media is None:
            return
        previous = media.departures.pop(address, None)
        if previous is not None:
            previous.cancel()
        if for_good:
            self._spawn(self._drop_participant(room.session_id, address, "the participant left"))
            return
        media.departures[address] = asyncio.get_running_loop().call_later(
            LEAVE_GRACE_SECONDS,
            lambda: self._spawn(
                self._drop_participant(room.session_id, address, "the participant is gone")
            ),
        )

    def floor_changed(self, room: SignalingRoom, previous: int | None) -> None:
        """Sites may no longer receive the site that had the floor; they learn whether the
        new one can be received."""
        if room.session_id in self._rooms:
            self._spawn(self._move_floor(room.session_id, previous))

    def session_ended(self, session_id: int) -> None:
        """The session is over (or nobody is left in it): its room goes."""
        if session_id in self._rooms:
            self._spawn(self._destroy(session_id))

    # ------------------------------------------------------------------ the connection
    async def _keep_connected(self) -> None:
        delay = _RECONNECT_FIRST_SECONDS
        while not self._stopped:
            try:
                connection = await JanusConnection.open(self._url, self._secret)
            except (OSError, TimeoutError, Exception) as error:
                log.info("Janus is not reachable at %s (%s); trying again", self._url, error)
                await asyncio.sleep(delay)
                delay = min(_RECONNECT_MAX_SECONDS, delay * 2)
                continue
            delay = _RECONNECT_FIRST_SECONDS
            self._connection = connection
            self._connected.set()
            log.info("connected to Janus at %s", self._url)
            for session_id in list(self._rooms):
                self._spawn(self._open_room(session_id))
            await connection.closed.wait()
            self._connected.clear()
            log.warning("lost the connection to Janus; every session on it waits for it")
            await self._janus_gone()
            with contextlib.suppress(Exception):
                await connection.close()

    async def _janus_gone(self) -> None:
        for session_id, media in self._rooms.items():
            async with media.lock:
                media.janus = media.admin = None
                media.publications.clear()
                media.subscriptions.clear()
            self._broadcast(
                session_id,
                EngineState(JANUS, False, "The media server restarted; reconnecting."),
            )

    # ------------------------------------------------------------------ rooms
    async def _choose_engine(self, session_id: int, engine: EngineName) -> None:
        room = self._signaling_room(session_id)
        if room is None:
            return
        if engine != JANUS:
            await self._destroy(session_id)
            room.engine = engine
            self._broadcast(session_id, EngineState(engine, True, ""))
            return
        room.engine = JANUS
        media = self._rooms.get(session_id)
        if media is None:
            media = self._rooms[session_id] = _MediaRoom(session_id)
        if media.ready:
            self._broadcast(session_id, EngineState(JANUS, True, ""))
            return
        if not self.available:
            self._broadcast(
                session_id,
                EngineState(JANUS, False, "The media server cannot be reached; trying again."),
            )
            return
        await self._open_room(session_id)

    async def _open_room(self, session_id: int) -> None:
        media = self._rooms.get(session_id)
        connection = self._connection
        if media is None or connection is None:
            return
        async with media.lock:
            if media.ready:
                return
            try:
                janus = await connection.create_session()
                admin = await janus.attach()
                await admin.message(
                    {
                        "request": "create",
                        "room": media.room_id,
                        "admin_key": self._secret,
                        "secret": media.secret,
                        "pin": media.pin,
                        "is_private": True,
                        "permanent": False,
                        "publishers": MAX_HOST_SUBSCRIPTIONS,
                        "audiocodec": "opus",
                        "videocodec": "vp8",
                        "notify_joining": False,
                        "require_pvtid": False,
                    }
                )
            except (JanusError, JanusGone, TimeoutError) as error:
                log.warning("session %s: could not make its room on Janus: %s", session_id, error)
                return
            media.janus, media.admin = janus, admin
        log.info("session %s: room %s on Janus", session_id, media.room_id)
        self._broadcast(session_id, EngineState(JANUS, True, ""))

    async def _destroy(self, session_id: int) -> None:
        media = self._rooms.pop(session_id, None)
        if media is None:
            return
        for departure in media.departures.values():
            departure.cancel()
        async with media.lock:
            janus, admin = media.janus, media.admin
            media.janus = media.admin = None
            media.publications.clear()
            media.subscriptions.clear()
            if admin is not None:
                with contextlib.suppress(JanusError, JanusGone, TimeoutError):
                    await admin.message(
                        {"request": "destroy", "room": media.room_id, "secret": media.secret}
                    )
            if janus is not None:
                await janus.destroy()
        log.info("session %s: its room on Janus is gone", session_id)

    # ------------------------------------------------------------------ requests
    def _check_subscription(
        self, room: SignalingRoom, address: PeerAddress, message: Subscribe
    ) -> None:
        if not self._may_receive(room, address, message.peer):
            raise ProtocolError(
                ErrorCode.FORBIDDEN,
                "A site receives only the host and the site that has the floor.",
                message.TYPE,
            )

    @staticmethod
    def _may_receive(room: SignalingRoom, receiver: PeerAddress, publisher: PeerAddress) -> bool:
        if receiver == publisher:
            return False
        if receiver == HOST:
            return True
        return publisher == HOST or publisher == room.floor_site_id

    async def _request(
        self, session_id: int, address: PeerAddress, message: MediaServerRequest
    ) -> None:
        media = self._rooms.get(session_id)
        room = self._signaling_room(session_id)
        if media is None or room is None:
            return
        async with media.lock:
            try:
                if not media.ready:
                    raise ProtocolError(
                        ErrorCode.MEDIA_SERVER_UNAVAILABLE, _NOT_READY, message.TYPE
                    )
                match message:
                    case Publish(sdp=sdp):
                        await self._publish(media, room, address, sdp)
                    case Subscribe():
                        # Checked again: the floor may have moved since it arrived.
                        self._check_subscription(room, address, message)
                        await self._subscribe(media, room, address, message)
                    case SubscriptionAnswer(id=subscription_id, sdp=sdp):
                        await self._start(media, room, address, subscription_id, sdp)
                    case Unsubscribe(id=subscription_id):
                        subscription = media.subscriptions.pop((address, subscription_id), None)
                        if subscription is not None:
                            await subscription.handle.detach()
            except ProtocolError as refusal:
                self._tell(session_id, address, refusal.reply())
            except (JanusError, JanusGone, TimeoutError) as error:
                log.info(
                    "session %s: Janus refused %s of %s: %s",
                    session_id,
                    message.TYPE,
                    address,
                    error,
                )
                self._tell(
                    session_id,
                    address,
                    ProtocolError(
                        ErrorCode.MEDIA_SERVER_UNAVAILABLE,
                        "The media server could not do that.",
                        message.TYPE,
                    ).reply(),
                )

    async def _publish(
        self, media: _MediaRoom, room: SignalingRoom, address: PeerAddress, sdp: str
    ) -> None:
        previous = media.publications.pop(address, None)
        if previous is not None:
            await self._end_publication(media, room, address, previous, notify_owner=False)
        assert media.janus is not None
        handle = await media.janus.attach()
        publication = Publication(handle)
        handle.listener = lambda event: self._publisher_event(media, address, publication, event)
        media.publications[address] = publication
        try:
            await handle.message(
                {
                    "request": "join",
                    "ptype": "publisher",
                    "room": media.room_id,
                    "pin": media.pin,
                    "id": feed_id(address),
                    "display": str(address),
                }
            )
            reply = await handle.message({"request": "publish"}, Jsep("offer", sdp))
        except BaseException:
            media.publications.pop(address, None)
            await handle.detach()
            raise
        if reply.jsep is None:
            raise JanusError(0, "no answer to the offer")
        read_streams(publication, reply.data, sdp)
        self._tell(room.session_id, address, Published(without_room(reply.jsep.sdp)))

    async def _subscribe(
        self, media: _MediaRoom, room: SignalingRoom, address: PeerAddress, message: Subscribe
    ) -> None:
        key = (address, message.id)
        current = media.subscriptions.get(key)
        publication = media.publications.get(message.peer)
        if publication is None or not publication.live:
            if current is not None:
                media.subscriptions.pop(key)
                await current.handle.detach()
            self._tell(
                room.session_id,
                address,
                SubscriptionEnded(message.id, message.peer, "not published"),
            )
            return
        source = source_video(publication, message.video, message.peer, room.floor_site_id)
        if current is not None and current.peer == message.peer:
            current.video, current.audio = message.video, message.audio
            if source != current.source_video_mid and current.video_mid is not None and source:
                await current.handle.message(
                    {
                        "request": "switch",
                        "streams": [
                            {
                                "feed": feed_id(message.peer),
                                "mid": source,
                                "sub_mid": current.video_mid,
                            }
                        ],
                    }
                )
                current.source_video_mid = source
            await self._configure(current, publication)
            return
        if current is not None:
            media.subscriptions.pop(key)
            await current.handle.detach()
        count = sum(1 for owner, _ in media.subscriptions if owner == address)
        limit = MAX_HOST_SUBSCRIPTIONS if address == HOST else MAX_SITE_SUBSCRIPTIONS
        if count >= limit:
            raise ProtocolError(ErrorCode.FORBIDDEN, "Too many subscriptions.", message.TYPE)
        streams: list[JsonObject] = []
        if publication.audio_mid is not None:
            streams.append({"feed": feed_id(message.peer), "mid": publication.audio_mid})
        if source is not None:
            streams.append({"feed": feed_id(message.peer), "mid": source})
        if not streams:
            raise ProtocolError(ErrorCode.PEER_UNAVAILABLE, "Nothing to receive.", message.TYPE)
        assert media.janus is not None
        handle = await media.janus.attach()
        subscription = Subscription(
            message.id, message.peer, message.video, message.audio, handle, source
        )
        handle.listener = lambda event: self._subscriber_event(media, address, subscription, event)
        media.subscriptions[key] = subscription
        try:
            reply = await handle.message(
                {
                    "request": "join",
                    "ptype": "subscriber",
                    "room": media.room_id,
                    "pin": media.pin,
                    "streams": streams,
                }
            )
        except BaseException:
            media.subscriptions.pop(key, None)
            await handle.detach()
            raise
        if reply.jsep is None:
            media.subscriptions.pop(key, None)
            await handle.detach()
            raise JanusError(0, "no offer for the subscription")
        for fields in objects(reply.data.get("streams")):
            mid = text_of(fields.get("mid")) or None
            if text_of(fields.get("type")) == "audio":
                subscription.audio_mid = mid
            elif text_of(fields.get("type")) == "video":
                subscription.video_mid = mid
        self._tell(
            room.session_id, address, SubscriptionOffer(message.id, without_room(reply.jsep.sdp))
        )

    async def _start(
        self,
        media: _MediaRoom,
        room: SignalingRoom,
        address: PeerAddress,
        subscription_id: str,
        sdp: str,
    ) -> None:
        subscription = media.subscriptions.get((address, subscription_id))
        if subscription is None:
            raise ProtocolError(
                ErrorCode.PEER_UNAVAILABLE,
                "No such subscription.",
                SubscriptionAnswer.TYPE,
            )
        await subscription.handle.message({"request": "start"}, Jsep("answer", sdp))
        publication = media.publications.get(subscription.peer)
        if publication is not None:
            await self._configure(subscription, publication)

    async def _configure(self, subscription: Subscription, publication: Publication) -> None:
        streams: list[JsonObject] = []
        if subscription.audio_mid is not None:
            streams.append({"mid": subscription.audio_mid, "send": subscription.audio})
        layer: int | None = None
        if subscription.video_mid is not None:
            video: JsonObject = {
                "mid": subscription.video_mid,
                "send": subscription.video != "none",
            }
            layers = publication.layers
            if layers is not None and subscription.source_video_mid == publication.video_mid:
                # Janus switches only to a layer that arrives: name one that exists.
                full = subscription.video == "full"
                layer = layers.largest if full else layers.smallest
                video["substream"] = layer
                video["temporal"] = _TOP_TEMPORAL_LAYER
            streams.append(video)
        if streams:
            await subscription.handle.message({"request": "configure", "streams": streams})
        if layer is not None and layer != subscription.layer:
            subscription.layer = layer
            self._spawn(self._keyframes_for(publication))

    async def _keyframes_for(self, publication: Publication) -> None:
        """Ask a simulcasting publisher for keyframes a little later, more than once.

        Janus moves a subscriber to another layer only on a keyframe of that layer. It asks
        the publisher for one at once, but drops the request when it has just sent another
        (a floor change reconfigures several subscriptions at the same moment), and a
        subscriber would then wait for the publisher's next keyframe, which may never come."""
        for delay in _KEYFRAME_RETRIES:
            await asyncio.sleep(delay)
            if publication.handle.detached:
                return
            with contextlib.suppress(JanusError, JanusGone, TimeoutError):
                await publication.handle.message({"request": "configure", "keyframe": True})

    async def _end_publication(
        self,
        media: _MediaRoom,
        room: SignalingRoom | None,
        address: PeerAddress,
        publication: Publication,
        *,
        notify_owner: bool,
        reason: str = "",
    ) -> None:
        await publication.handle.detach()
        for key, subscription in list(media.subscriptions.items()):
            if subscription.peer != address:
                continue
            media.subscriptions.pop(key)
            await subscription.handle.detach()
            self._tell(
                media.session_id,
                key[0],
                SubscriptionEnded(subscription.id, address, "the publisher left"),
            )
        if room is not None and publication.live:
            self._announce(room, address, Feed(address, False, publication.simulcast))
        if notify_owner:
            self._tell(media.session_id, address, PublicationEnded(reason))

    async def _drop_participant(self, session_id: int, address: PeerAddress, reason: str) -> None:
        media = self._rooms.get(session_id)
        if media is None:
            return
        media.departures.pop(address, None)
        room = self._signaling_room(session_id)
        async with media.lock:
            publication = media.publications.pop(address, None)
            if publication is not None:
                await self._end_publication(media, room, address, publication, notify_owner=False)
            for key in [key for key in media.subscriptions if key[0] == address]:
                await media.subscriptions.pop(key).handle.detach()
        log.info("session %s: %s dropped from the media server (%s)", session_id, address, reason)

    async def _move_floor(self, session_id: int, previous: int | None) -> None:
        media = self._rooms.get(session_id)
        room = self._signaling_room(session_id)
        if media is None or room is None:
            return
        async with media.lock:
            for key, subscription in list(media.subscriptions.items()):
                owner = key[0]
                if owner != HOST and not self._may_receive(room, owner, subscription.peer):
                    media.subscriptions.pop(key)
                    await subscription.handle.detach()
                    self._tell(
                        session_id,
                        owner,
                        SubscriptionEnded(subscription.id, subscription.peer, "the floor moved"),
                    )
            floor = room.floor_site_id
            if floor is None:
                return
            publication = media.publications.get(floor)
            notice = Feed(
                floor,
                publication is not None and publication.live,
                publication is not None and publication.simulcast,
            )
            for address, member in room.members.items():
                if address not in (HOST, floor):
                    member.send(notice)

    # ------------------------------------------------------------------ Janus's events
    def _publisher_event(
        self,
        media: _MediaRoom,
        address: PeerAddress,
        publication: Publication,
        event: HandleEvent,
    ) -> None:
        if media.publications.get(address) is not publication:
            return
        room = self._signaling_room(media.session_id)
        if event.kind == "webrtcup":
            publication.live = True
            if room is not None:
                self._announce(room, address, Feed(address, True, publication.simulcast))
        elif event.kind in ("hangup", "detached"):
            reason = text_of(event.data.get("reason"), "the media connection ended")
            self._spawn(self._lost_publication(media, address, publication, reason))

    async def _lost_publication(
        self, media: _MediaRoom, address: PeerAddress, publication: Publication, reason: str
    ) -> None:
        async with media.lock:
            if media.publications.get(address) is not publication:
                return
            media.publications.pop(address)
            await self._end_publication(
                media,
                self._signaling_room(media.session_id),
                address,
                publication,
                notify_owner=True,
                reason=reason,
            )

    def _subscriber_event(
        self,
        media: _MediaRoom,
        address: PeerAddress,
        subscription: Subscription,
        event: HandleEvent,
    ) -> None:
        key = (address, subscription.id)
        if media.subscriptions.get(key) is not subscription:
            return
        if event.kind in ("hangup", "detached"):
            media.subscriptions.pop(key)
            self._spawn(subscription.handle.detach())
            reason = text_of(event.data.get("reason"), "the media connection ended")
            self._tell(
                media.session_id,
                address,
                SubscriptionEnded(subscription.id, subscription.peer, reason),
            )

    # ------------------------------------------------------------------ telling people
    def _announce(self, room: SignalingRoom, publisher: PeerAddress, notice: Feed) -> None:
        for address, member in room.members.items():
            if self._may_receive(room, address, publisher):
                member.send(notice)

    def _tell(self, session_id: int, address: PeerAddress, message: ServerMessage) -> None:
        room = self._signaling_room(session_id)
        member = None if room is None else room.members.get(address)
        if member is not None:
            member.send(message)

    def _broadcast(self, session_id: int, message: ServerMessage) -> None:
        room = self._signaling_room(session_id)
        if room is not None:
            for member in room.members.values():
                member.send(message)

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("a media server task failed", exc_info=task.exception())
