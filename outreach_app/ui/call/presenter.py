"""The call window's view-model: one live session, its hub, the floor and the store writes.

Engine events arrive on the event loop's thread, which is the GUI thread under qasync; they are
turned into Qt signals here. The presenter also keeps the session's record: live when the call
starts, ended when it ends, and per site when its link first came up and when it went away.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QObject, Signal

from outreach_app.call.events import (
    EngineEvent,
    FloorChanged,
    HandRequested,
    MediaServerChanged,
    PeerStateChanged,
)
from outreach_app.call.link_quality import PoorLinkJudge
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.live import CallService, LiveCall
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.official_engine import FULL_QUALITY, LinkStatistics, QualityPolicy
from outreach_app.call.recording import SessionRecorder
from outreach_app.core.call_engines import EngineDecision, EngineReason
from outreach_app.core.control_protocol import Notice
from outreach_app.core.model import Session, SessionStatus, notice_text
from outreach_app.core.raised_hands import RaisedHands
from outreach_app.core.segments import SegmentClock, next_in_order, previous_in_order
from outreach_app.core.standing import OrderedSite, standings
from outreach_app.core.topics import Topic
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.media import LocalMedia
from outreach_app.ui.presenter import ChangeBus, Presenter

_log = logging.getLogger(__name__)

STATISTICS_INTERVAL_S: Final = 1.0
# How often each site hears again when its turn comes, as the floor site's time runs.
STANDING_INTERVAL_S: Final = 15.0
# Links in these states carry media; a frame kept from an earlier link is not shown as live.
ON_AIR: Final = frozenset({PeerState.CONNECTED, PeerState.RECONNECTING})

# The official's camera and microphone: (video track, audio track), either may be None.
OfficialMedia = Callable[[], tuple[Any, Any]]


def synthetic_official_media(
    label: str = "OFFICIAL", quality: VideoQuality | None = None
) -> OfficialMedia:
    """A test pattern and a quiet tone, until a camera and microphone source is chosen."""

    def open_tracks() -> tuple[Any, Any]:
        return SyntheticVideoTrack(label, quality or VideoQuality(640, 480, 30)), ToneAudioTrack(
            level=0.05
        )

    return open_tracks


class CallPhase(enum.Enum):
    STARTING = "starting"
    LIVE = "live"
    ENDING = "ending"
    ENDED = "ended"
    FAILED = "failed"


class CallPresenter(Presenter):
    sessionLoaded = Signal(object)  # Session, again whenever it changes (started_at, status)
    phaseChanged = Signal(object)  # CallPhase
    siteStateChanged = Signal(int, object)  # site id, PeerState
    floorChanged = Signal(object)  # site id or None
    statisticsChanged = Signal(int, object)  # site id, LinkStatistics or None
    recordingChanged = Signal(bool)  # recording now
    linkPoorChanged = Signal(int, bool)  # site id, whether its link is poor now
    audioOnlyChanged = Signal(int, bool)  # site id, whether it gets and sends sound only
    handsChanged = Signal(list)  # site ids with raised hands, the first raised first
    noticeSent = Signal(object)  # SiteNotice, once on record and on its way
    # What carries the call, why, and whether something is wrong with it now (the media
    # server went away): (text, explanation, trouble).
    engineChanged = Signal(str, str, bool)

    def __init__(
        self,
        store: StoreWorker,
        bus: ChangeBus,
        session_id: int,
        service: CallService,
        *,
        media: OfficialMedia | None = None,
        local: LocalMedia | None = None,
        quality: QualityPolicy | None = None,
        timings: LinkTimings | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, bus, parent)
        self.session_id = session_id
        self._service = service
        # The official's own devices; without them (tests, benchmarks) a synthetic source.
        self.local = local
        if local is not None:
            self._media = local.open_tracks
        else:
            self._media = media or synthetic_official_media()
        self._recorder: SessionRecorder | None = None
        self._recording_id: int | None = None
        self._quality = quality
        self._timings = timings
        self._monotonic = monotonic
        self.session: Session | None = None
        self.call: LiveCall | None = None
        self.phase = CallPhase.STARTING
        self.segments = SegmentClock({}, clock=monotonic)
        self._states: dict[int, PeerState] = {}
        self._statistics: dict[int, LinkStatistics | None] = {}
        self._judges: dict[int, PoorLinkJudge] = {}
        self._audio_only: set[int] = set()
        self.hands = RaisedHands()
        # Ids of the session's notices handed on to the sites (None: not live yet); those
        # from before the call started stay where they are.
        self._forwarded_notices: set[int] | None = None
        bus.changed.connect(self._on_change)
        self._tracks: tuple[Any, Any] = (None, None)
        # Sites whose joining is on record and whose leaving is not yet.
        self._present: set[int] = set()
        self._statistics_task: asyncio.Task[None] | None = None
        self._remove_listener: Callable[[], None] | None = None
        self._went_live = False
        self.engine: EngineDecision | None = None
        # While the media server is away: since when; once it is back: how long it was away.
        self._media_server_away_since: float | None = None
        self._media_server_was_away: float | None = None

    # ------------------------------------------------------------------------- reading
    @property
    def order(self) -> list[int]:
        """Site ids in speaking order."""
        if self.session is None:
            return []
        return [slot.site_id for slot in sorted(self.session.sites, key=lambda s: s.position)]

    def site_name(self, site_id: int) -> str:
        slots = self.session.sites if self.session else []
        return next((slot.site_name for slot in slots if slot.site_id == site_id), "")

    def state(self, site_id: int) -> PeerState:
        return self._states.get(site_id, PeerState.INVITED)

    def statistics(self, site_id: int) -> LinkStatistics | None:
        return self._statistics.get(site_id)

    @property
    def floor_site_id(self) -> int | None:
        return self.segments.current

    @property
    def is_live(self) -> bool:
        return self.phase is CallPhase.LIVE

    def invitation_link(self, site_id: int) -> str | None:
        return None if self.call is None else self.call.invitation_links.get(site_id)

    def latest_frame(self, site_id: int) -> Any:
        """The newest decoded frame of a site that is on air, or None."""
        if self.call is None or self.state(site_id) not in ON_AIR:
            return None
        return self.call.hub.latest_video_frame(site_id)

    def self_view_frame(self) -> Any:
        """The newest frame of the official's own camera."""
        return None if self.call is None else self.call.hub.official_video.latest

    def seconds_in_session(self, now: float | None = None) -> int | None:
        """Time since the session went live (from the record, so it survives a restart)."""
        if self.session is None or self.session.started_at is None:
            return None
        started = self.session.started_at.timestamp()
        return max(0, int((time.time() if now is None else now) - started))

    # ------------------------------------------------------------------------ starting
    def start(self) -> None:
        async def start_or_explain() -> None:
            try:
                await self._start()
            except _NotStartable as refusal:
                self.error.emit(str(refusal))

        self.spawn(start_or_explain())

    async def _start(self) -> None:
        session = await self.query(lambda r: r.sessions.get_session(self.session_id))
        self._set_session(session)
        if self.phase is not CallPhase.STARTING:
            return
        if session.status in (SessionStatus.ENDED, SessionStatus.CANCELLED):
            self._set_phase(CallPhase.FAILED)
            raise _NotStartable(
                self.tr("This session is over; its call cannot be started again.")
                if session.status is SessionStatus.ENDED
                else self.tr("This session was cancelled.")
            )
        self.segments = SegmentClock(
            {slot.site_id: slot.time_box_minutes * 60 for slot in session.sites},
            clock=self._monotonic,
        )
        self._states = {site_id: PeerState.INVITED for site_id in self.order}
        self._tracks = self._media()
        video, audio = self._tracks
        try:
            call = await self._service.start_call(
                self.session_id,
                self.order,
                ends_at=session.end.timestamp(),
                official_video=video,
                official_audio=audio,
                quality=self._quality,
                timings=self._timings,
                engine=session.call_engine,
            )
        except Exception as exc:
            # The server cannot listen or cannot be reached, or refuses the host.
            self._stop_tracks()
            self._set_phase(CallPhase.FAILED)
            raise _NotStartable(
                self.tr("The call could not start: %1").replace(
                    "%1", str(exc) or type(exc).__name__
                )
            ) from exc
        if not self._in_phase(CallPhase.STARTING):
            # The window was closed while the call was being set up.
            await self._service.end_call(call)
            self._stop_tracks()
            return
        self.call = call
        self.engine = call.engine
        self._show_engine()
        self._remove_listener = call.hub.add_listener(self._on_event)
        if self.local is not None:
            self.local.play(call.hub.official_hears())
        for site_id, state in call.hub.states().items():
            self._set_state(site_id, state)
        # From here on the record must end up ended, whatever happens to the call.
        self._went_live = True
        if session.status is not SessionStatus.LIVE:
            await self.query(
                lambda r: r.sessions.set_session_status(self.session_id, SessionStatus.LIVE)
            )
            self._set_session(await self.query(lambda r: r.sessions.get_session(self.session_id)))
            self.announce(Topic.SESSIONS)
        earlier = await self.query(lambda r: r.calls.notices(self.session_id))
        if not self._in_phase(CallPhase.STARTING):
            return  # ended while the record was being written; end() has the call
        self._forwarded_notices = {notice.id for notice in earlier}
        self._set_phase(CallPhase.LIVE)
        self.tell_standings()
        self._statistics_task = asyncio.ensure_future(self._poll_statistics())

    def _set_session(self, session: Session) -> None:
        self.session = session
        self.sessionLoaded.emit(session)

    def _in_phase(self, phase: CallPhase) -> bool:
        # A method, not a comparison inline: the phase changes across every await.
        return self.phase is phase

    def _set_phase(self, phase: CallPhase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.phaseChanged.emit(phase)

    # -------------------------------------------------------------------------- events
    def _on_event(self, event: EngineEvent) -> None:
        if isinstance(event, PeerStateChanged):
            self._set_state(event.site_id, event.state)
        elif isinstance(event, FloorChanged):
            self.segments.floor_moved(event.site_id)
            self.floorChanged.emit(event.site_id)
            # The site got what it asked for: its hand goes down.
            if event.site_id is not None and self.hands.lower(event.site_id):
                self.handsChanged.emit(self.hands.order())
            self.tell_standings()
        elif isinstance(event, HandRequested):
            if self.hands.asked_by_site(event.site_id, event.raised, self._monotonic()):
                self._hands_changed()
        elif isinstance(event, MediaServerChanged):
            now = self._monotonic()
            if not event.ready and self._media_server_away_since is None:
                self._media_server_away_since = now
            elif event.ready and self._media_server_away_since is not None:
                self._media_server_was_away = now - self._media_server_away_since
                self._media_server_away_since = None
            self._show_engine()

    # ----------------------------------------------------------------------- engine
    def engine_text(self) -> tuple[str, str, bool]:
        """What carries the call (short), why (for people), and whether it is in trouble."""
        decision = self.engine
        if decision is None:
            return "", "", False
        sites, capacity = str(decision.sites), str(decision.capacity)
        if not decision.on_media_server:
            text = self.tr("On this computer")
            why = {
                EngineReason.CHOSEN: self.tr("The session's settings put its call here."),
                EngineReason.FITS_THE_HUB: self.tr("%1 sites: this computer carries up to %2."),
                EngineReason.NO_MEDIA_SERVER: self.tr(
                    "The session wants the media server, but the server has none."
                ),
            }.get(decision.reason, "")
            trouble = decision.sites > decision.capacity
            if trouble:
                why += " " + self.tr(
                    "%1 sites are more than this computer carries well (%2): pictures may stutter."
                )
            return text, why.replace("%1", sites).replace("%2", capacity), trouble
        if self._media_server_away_since is not None:
            return (
                self.tr("Media server away: reconnecting…"),
                self.tr(
                    "The media server restarted or cannot be reached; every site comes back "
                    "by itself when it is there again."
                ),
                True,
            )
        text = self.tr("On the media server")
        why = (
            self.tr("%1 sites are more than this computer carries (%2): Janus carries the call.")
            if decision.reason is EngineReason.TOO_MANY_FOR_THE_HUB
            else self.tr("The session's settings put its call on the server's media server.")
        )
        if self._media_server_was_away is not None:
            text = self.tr("Back on the media server after %1 s").replace(
                "%1", f"{self._media_server_was_away:.1f}"
            )
        return text, why.replace("%1", sites).replace("%2", capacity), False

    def _show_engine(self) -> None:
        self.engineChanged.emit(*self.engine_text())

    def _set_state(self, site_id: int, state: PeerState) -> None:
        self._states[site_id] = state
        if state not in ON_AIR:
            self._statistics[site_id] = None
        self._record_presence(site_id, state)
        self.siteStateChanged.emit(site_id, state)

    def _record_presence(self, site_id: int, state: PeerState) -> None:
        session_id = self.session_id
        if state is PeerState.CONNECTED and site_id not in self._present:
            self._present.add(site_id)
            self.spawn(self.query(lambda r: r.sessions.record_site_joined(session_id, site_id)))
        elif state in (PeerState.LEFT, PeerState.FAILED) and site_id in self._present:
            self._present.discard(site_id)
            self.spawn(self.query(lambda r: r.sessions.record_site_left(session_id, site_id)))

    def send_notice(self, site_id: int | None, text: str) -> None:
        """A one-line notice to `site_id` (None: every site), kept with the session's record;
        it reaches the sites as every notice of the record does (`_forward_notices`)."""
        line = notice_text(text)
        if self.call is None or not self.is_live or not line:
            return
        session_id = self.session_id

        async def record() -> None:
            await self.query(lambda r: r.calls.record_notice(session_id, site_id, line))
            self.announce(Topic.SESSIONS)

        self.spawn(record())

    def _on_change(self, topic: Topic) -> None:
        # A notice written here, or by a note-taker at another desk (team mode), arrives in
        # the record; whoever wrote it, this app holds the call and hands it on.
        if topic is Topic.SESSIONS and self.is_live and self._forwarded_notices is not None:
            self.spawn(self._forward_notices())

    async def _forward_notices(self) -> None:
        session_id = self.session_id
        notices = await self.query(lambda r: r.calls.notices(session_id))
        forwarded = self._forwarded_notices
        if self.call is None or forwarded is None:
            return
        for notice in notices:
            if notice.id in forwarded:
                continue
            forwarded.add(notice.id)
            message = Notice(notice.id, notice.text, to_all=notice.site_id is None)
            for target in self.order if notice.site_id is None else [notice.site_id]:
                if target in self.order:
                    self.call.hub.send_notice(target, message)
            self.noticeSent.emit(notice)

    def lower_hand(self, site_id: int) -> None:
        """The official lowers a site's hand without giving it the floor."""
        if self.hands.lower(site_id):
            self._hands_changed()

    def _hands_changed(self) -> None:
        self.handsChanged.emit(self.hands.order())
        self.tell_standings()

    def tell_standings(self) -> None:
        """Tell every site where it stands: its place, who has the floor, when its turn comes."""
        if self.call is None or self.session is None:
            return
        slots = sorted(self.session.sites, key=lambda slot: slot.position)
        order = [
            OrderedSite(slot.site_id, slot.site_name, self.segments.time_box(slot.site_id))
            for slot in slots
        ]
        found = standings(
            self.session.title,
            order,
            self.floor_site_id,
            remaining=self.segments.remaining,
            has_spoken=self.segments.has_spoken,
            hands=self.hands.order(),
        )
        for site_id, standing in found.items():
            self.call.hub.tell_standing(site_id, standing)

    async def _poll_statistics(self) -> None:
        standings_told_at = self._monotonic()
        while self.call is not None and self.phase is CallPhase.LIVE:
            if self._monotonic() - standings_told_at >= STANDING_INTERVAL_S:
                standings_told_at = self._monotonic()
                self.tell_standings()
            hub = self.call.hub
            for site_id in self.order:
                if self.state(site_id) not in ON_AIR:
                    continue
                try:
                    statistics = await hub.link_statistics(site_id)
                except Exception:
                    # A link torn down while its report was read: the next round reads again.
                    _log.debug("no statistics for site %s", site_id, exc_info=True)
                    continue
                if not self._in_phase(CallPhase.LIVE):
                    return
                self._statistics[site_id] = statistics
                self.statisticsChanged.emit(site_id, statistics)
                judge = self._judges.setdefault(site_id, PoorLinkJudge())
                was_poor = judge.poor
                if judge.add(statistics) != was_poor:
                    self.linkPoorChanged.emit(site_id, judge.poor)
            await asyncio.sleep(STATISTICS_INTERVAL_S)

    def link_poor(self, site_id: int) -> bool:
        judge = self._judges.get(site_id)
        return judge is not None and judge.poor

    def audio_only(self, site_id: int) -> bool:
        return site_id in self._audio_only

    def set_audio_only(self, site_id: int, audio_only: bool) -> None:
        """Sound only for a site whose link cannot carry video (or video again)."""
        if self.call is None or not self.is_live or audio_only == self.audio_only(site_id):
            return
        self.call.hub.set_audio_only(site_id, audio_only)
        if audio_only:
            self._audio_only.add(site_id)
        else:
            self._audio_only.discard(site_id)
        self.audioOnlyChanged.emit(site_id, audio_only)

    # ---------------------------------------------------------------------------- floor
    def give_floor(self, site_id: int | None) -> None:
        if self.call is None or not self.is_live or site_id == self.floor_site_id:
            return
        self.spawn(self.call.hub.give_floor(site_id))

    def next_site(self) -> int | None:
        """Pass the floor to the next site in speaking order; returns that site."""
        target = next_in_order(self.order, self.floor_site_id)
        if target is not None:
            self.give_floor(target)
        return target

    def previous_site(self) -> int | None:
        target = previous_in_order(self.order, self.floor_site_id)
        if target is not None:
            self.give_floor(target)
        return target

    def can_go_next(self) -> bool:
        return self.is_live and next_in_order(self.order, self.floor_site_id) is not None

    def can_go_previous(self) -> bool:
        return self.is_live and previous_in_order(self.order, self.floor_site_id) is not None

    # --------------------------------------------------------------------------- ending
    async def end(self) -> None:
        """End the session: every site is told, the record says ended and when each site left.

        Await it from outside the presenter (the window's close), or start it with `end_call`.
        """
        if self.phase in (CallPhase.ENDING, CallPhase.ENDED):
            return
        self._set_phase(CallPhase.ENDING)
        await self.stop_recording()
        call, self.call = self.call, None
        if self._statistics_task is not None:
            self._statistics_task.cancel()
        if call is not None:
            if self.segments.current is not None:
                self.segments.floor_moved(None)
            try:
                await self._service.end_call(call)
            finally:
                if self._remove_listener is not None:
                    self._remove_listener()
                self._stop_tracks()
        present, self._present = sorted(self._present), set()
        session_id = self.session_id
        went_live = self._went_live

        def close_the_record(repo: Repository) -> Session:
            for site_id in present:
                repo.sessions.record_site_left(session_id, site_id)
            if went_live:
                repo.sessions.set_session_status(session_id, SessionStatus.ENDED)
            return repo.sessions.get_session(session_id)

        if self.hands.lower_all():
            self._hands_changed()
        self._set_session(await self.query(close_the_record))
        self.announce(Topic.SESSIONS)
        self._set_phase(CallPhase.ENDED)

    def end_call(self) -> None:
        self.spawn(self.end())

    def _stop_tracks(self) -> None:
        if self.local is not None:
            self.local.close()
        for track in self._tracks:
            if track is not None:
                track.stop()
        self._tracks = (None, None)

    # ------------------------------------------------------------------------ own media
    def set_muted(self, muted: bool) -> None:
        if self.local is not None:
            self.local.set_muted(muted)

    def set_camera_on(self, on: bool) -> None:
        if self.local is not None:
            self.local.set_camera_on(on)

    # ------------------------------------------------------------------------ recording
    @property
    def recording(self) -> bool:
        return self._recorder is not None

    async def start_recording(self, folder: Path) -> None:
        """Record the floor's video and the official mixed with the floor site to `folder`."""
        if self.call is None or self._recorder is not None or self.session is None:
            return
        stamp = datetime.now().strftime("%Y-%m-%d %H.%M.%S")
        path = folder / f"{_safe_file_name(self.session.title)} {stamp}.mp4"
        audio, video = self.call.hub.recording_tracks()
        recorder = SessionRecorder(path, audio, video, FULL_QUALITY)
        try:
            await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
            recorder.start()
        except OSError as exc:
            audio.stop()
            video.stop()
            self.error.emit(
                self.tr("Cannot record to %1: %2")
                .replace("%1", str(folder))
                .replace("%2", exc.strerror or str(exc))
            )
            return
        self._recorder = recorder
        session_id = self.session_id
        recording = await self.query(lambda r: r.calls.start_recording(session_id, str(path)))
        self._recording_id = recording.id
        self.recordingChanged.emit(True)
        self.announce(Topic.SESSIONS)

    async def stop_recording(self) -> None:
        recorder, self._recorder = self._recorder, None
        recording_id, self._recording_id = self._recording_id, None
        if recorder is None:
            return
        await recorder.stop()
        if recording_id is not None:
            await self.query(lambda r: r.calls.finish_recording(recording_id))
        if recorder.error:
            self.error.emit(self.tr("The recording stopped: %1").replace("%1", recorder.error))
        self.recordingChanged.emit(False)


def _safe_file_name(title: str) -> str:
    """`title` without the characters file systems refuse, never empty."""
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in title).strip(" .")
    return cleaned[:80] or "session"


class _NotStartable(Exception):
    """Shown to the user as it is (already translated)."""
