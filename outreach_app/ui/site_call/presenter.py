"""Joining a session as a site from the desktop app: the view-model behind the site window.

It opens the devices chosen in Settings (the test pattern when there is no camera), joins with
the invitation link, and turns the engine's events into signals. The pre-call check runs the
same three tests as the browser's check page and posts its result the same way.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from typing import Any, Final

import aiohttp
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from outreach_app.call.capture import CameraTrack, MicrophoneTrack
from outreach_app.call.events import (
    EngineEvent,
    NoticeReceived,
    PeerStateChanged,
    QualityApplied,
    StandingReceived,
    VideoSendingChanged,
)
from outreach_app.call.media import VideoQuality
from outreach_app.call.peer_link import FLOOR_VIDEO, OFFICIAL_VIDEO
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import SignalingRefused, WebSocketSignaling
from outreach_app.core.invitations import token_from_join_url
from outreach_app.core.model import CheckResult
from outreach_app.core.settings_rules import SettingError, parse_ice_servers
from outreach_app.core.signaling_protocol import HOST
from outreach_app.ui.media import SYNTHETIC, LocalMedia, MicrophoneFeeder
from outreach_app.ui.settings import AppSettings

log = logging.getLogger(__name__)

START_QUALITY: Final = VideoQuality(320, 240, 15)
CHECK_SECONDS: Final = 3.0
# RMS of 16-bit samples above which the microphone is taken to hear something.
_HEARD_LEVEL: Final = 60.0


class SitePresenter(QObject):
    stateChanged = Signal(str, str)  # PeerState value, reason
    floorChanged = Signal(bool)  # this site has the floor
    problem = Signal(str)  # something the user should know, in their language
    refused = Signal(str)  # the invitation cannot be used: the window says why and stops
    checkFinished = Signal(dict)  # camera, microphone, connection, round_trip_ms
    standingChanged = Signal(object)  # Standing: where this site stands in the session
    noticeReceived = Signal(object)  # Notice from the official, each one once

    def __init__(self, link: str, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.token = token_from_join_url(link)  # ValueError for anything that is not a link
        self._settings = settings
        self.site_id: int | None = None
        self.engine: SiteEngine | None = None
        # The pattern's font has Latin letters only: the label stays untranslated.
        self.media = LocalMedia(settings, "SITE", START_QUALITY, self)
        self.media.problem.connect(self.problem)
        self.has_floor = False

    # ------------------------------------------------------------------ sources shown
    def official_frame(self) -> Any:
        return self.engine.received_video[OFFICIAL_VIDEO].latest if self.engine else None

    def floor_frame(self) -> Any:
        return self.engine.received_video[FLOOR_VIDEO].latest if self.engine else None

    def own_frame(self) -> Any:
        return self.media.video.source.latest

    @property
    def camera(self) -> CameraTrack:
        return self.media.video

    @property
    def microphone(self) -> MicrophoneTrack:
        return self.media.audio

    # ------------------------------------------------------------------ joining and leaving
    async def join(self) -> bool:
        """Open the devices and join; False (after `refused` or `problem`) if it cannot."""
        self.media.open()
        signaling = WebSocketSignaling(self.link, self.token)
        try:
            joined = await signaling.connect()
        except SignalingRefused as refusal:
            await signaling.close()
            self.refused.emit(refusal_text(refusal.code))
            return False
        except (aiohttp.ClientError, OSError, TimeoutError):
            await signaling.close()
            self.refused.emit(
                self.tr("Cannot reach the session's server. Check the network and try again.")
            )
            return False
        try:
            ice_servers = parse_ice_servers(self._settings.ice_servers())
        except SettingError:
            ice_servers = []
        # The organiser's servers when this machine has none of its own.
        ice_servers = ice_servers or list(joined.ice_servers)
        self.site_id = int(str(joined.site_id))
        engine = SiteEngine(
            signaling,
            self.site_id,
            video=self.media.video,
            audio=self.media.audio,
            ice_servers=ice_servers,
        )
        engine.add_listener(self._on_event)
        self.engine = engine
        self.media.play(engine.heard())
        await engine.start()
        if HOST not in joined.peers:
            self.stateChanged.emit("waiting", "")
        return True

    async def leave(self) -> None:
        engine, self.engine = self.engine, None
        if engine is not None:
            await engine.close()
        self.media.close()

    def set_muted(self, muted: bool) -> None:
        self.media.set_muted(muted)

    def raise_hand(self, raised: bool) -> bool:
        """Ask the official for the floor, or take the request back; False while not linked."""
        return self.engine is not None and self.engine.raise_hand(raised)

    def set_camera_on(self, on: bool) -> None:
        self.media.set_camera_on(on)

    def _on_event(self, event: EngineEvent) -> None:
        if isinstance(event, PeerStateChanged):
            self.stateChanged.emit(event.state.value, event.reason)
        elif isinstance(event, QualityApplied):
            self.media.follow_quality(event.quality)
            if event.has_floor != self.has_floor:
                self.has_floor = event.has_floor
                self.floorChanged.emit(event.has_floor)
        elif isinstance(event, NoticeReceived):
            self.noticeReceived.emit(event.notice)
        elif isinstance(event, StandingReceived):
            self.standingChanged.emit(event.standing)
        elif isinstance(event, VideoSendingChanged):
            self.problem.emit(
                self.tr("Your link is too poor for video: the official switched to sound only.")
                if not event.sending
                else self.tr("The official turned video back on.")
            )

    # ------------------------------------------------------------------ pre-call check
    async def run_check(self) -> dict[str, object]:
        """Camera, microphone and server, as the browser's check page tests them; the result
        is posted for the organiser and emitted with `checkFinished`."""
        camera = await self._check_camera()
        microphone = await self._check_microphone()
        connection, round_trip = await self._check_connection()
        result: dict[str, object] = {
            "camera": camera.value,
            "microphone": microphone.value,
            "connection": connection.value,
            "round_trip_ms": round_trip,
            "source": "app",
            "detail": "Outreach desktop app",
        }
        result["posted"] = await self._post_check(result)
        self.checkFinished.emit(result)
        return result

    async def _check_camera(self) -> CheckResult:
        if self._settings.camera() == SYNTHETIC:
            return CheckResult.MISSING
        feeder = self.media.camera_feeder
        before = feeder.frames_pushed
        if not feeder.open(self._settings.camera()):
            return CheckResult.MISSING
        delivered = await _within(CHECK_SECONDS, lambda: feeder.frames_pushed > before)
        return CheckResult.OK if delivered else CheckResult.FAILED

    async def _check_microphone(self) -> CheckResult:
        microphone_id = self._settings.microphone()
        if microphone_id == SYNTHETIC:
            return CheckResult.MISSING
        listening = MicrophoneTrack(None)
        feeder = MicrophoneFeeder(listening, self)
        if not feeder.open(microphone_id):
            return CheckResult.MISSING
        loudest = 0.0

        def heard() -> bool:
            nonlocal loudest
            samples = listening.drain()
            if len(samples):
                loudest = max(loudest, float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))))
            return loudest > _HEARD_LEVEL

        try:
            return CheckResult.OK if await _within(CHECK_SECONDS, heard) else CheckResult.FAILED
        finally:
            feeder.close()
            listening.stop()

    async def _check_connection(self) -> tuple[CheckResult, float | None]:
        base = self.link.split("/join/", 1)[0]
        times: list[float] = []
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http:
                for _ in range(3):
                    started = time.perf_counter()
                    async with http.get(f"{base}/health") as response:
                        if response.status != 200:
                            return CheckResult.FAILED, None
                    times.append((time.perf_counter() - started) * 1000)
        except (aiohttp.ClientError, OSError, TimeoutError):
            return CheckResult.FAILED, None
        return CheckResult.OK, round(sorted(times)[1], 1)

    async def _post_check(self, result: dict[str, object]) -> bool:
        base = self.link.split("/join/", 1)[0]
        try:
            async with (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http,
                http.post(
                    f"{base}/check/{self.token}",
                    data=json.dumps(result),
                    headers={"Content-Type": "application/json"},
                ) as response,
            ):
                return response.status == 200
        except (aiohttp.ClientError, OSError, TimeoutError):
            return False


async def _within(seconds: float, condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.1)
    return condition()


def refusal_text(code: str) -> str:
    """Why an invitation cannot be used, in the user's language."""
    texts = {
        "token_invalid": QCoreApplication.translate(
            "SitePresenter", "This invitation link is not valid. Check that all of it was copied."
        ),
        "token_expired": QCoreApplication.translate(
            "SitePresenter", "This invitation has expired. Ask the organiser for a new one."
        ),
        "wrong_session": QCoreApplication.translate(
            "SitePresenter", "This invitation is for another session."
        ),
        "session_ended": QCoreApplication.translate("SitePresenter", "This session has ended."),
        "replaced": QCoreApplication.translate(
            "SitePresenter", "This site joined again from another place; this window stops."
        ),
    }
    return texts.get(
        code, QCoreApplication.translate("SitePresenter", "The server refused this invitation.")
    )
