"""A headless site: joins a session from its invitation link and sends a synthetic source.

    python -m outreach_app.cli.site JOIN_URL [JOIN_URL ...] --synthetic

Staff use it to try a session end to end before the day; the demo and the tests use it as the
sites' side. Each link joins as its own site (several links: several sites in one process).
It prints every change of state and, every few seconds, what it sends and receives. It ends
when the session ends, after --seconds, or on Ctrl+C / SIGTERM (saying goodbye to the hub).

Exit status: 0 ended normally, 2 wrong arguments, 3 an invitation was refused, 4 the server
could not be reached.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import math
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, TextIO

import aiohttp

from outreach_app.call.events import (
    EngineEvent,
    NoticeReceived,
    PeerStateChanged,
    QualityApplied,
    StandingReceived,
)
from outreach_app.call.ice import use_host_addresses
from outreach_app.call.link_state import PeerState
from outreach_app.call.media import SyntheticVideoTrack, ToneAudioTrack, VideoQuality
from outreach_app.call.peer_link import FLOOR_VIDEO, OFFICIAL_VIDEO, TrackStatistics
from outreach_app.call.site_engine import SiteEngine
from outreach_app.call.websocket_signaling import SignalingRefused, WebSocketSignaling
from outreach_app.core.control_protocol import Standing
from outreach_app.core.invitations import token_from_join_url
from outreach_app.core.settings_rules import SettingError, parse_ice_servers
from outreach_app.core.signaling_protocol import HOST, ErrorCode

EXIT_REFUSED: Final = 3
EXIT_UNREACHABLE: Final = 4
START_QUALITY: Final = VideoQuality(320, 240, 15)

REFUSAL_TEXT: Final[dict[str, str]] = {
    ErrorCode.TOKEN_INVALID: "this invitation link is not valid (check that all of it was copied)",
    ErrorCode.TOKEN_EXPIRED: "this invitation link has expired; ask the organiser for a new one",
    ErrorCode.WRONG_SESSION: "this invitation is for another session",
    ErrorCode.SESSION_ENDED: "the session has ended",
    ErrorCode.REPLACED: "this site joined again from somewhere else; this copy stops",
}


@dataclass
class JoinedSite:
    site_id: int
    engine: SiteEngine
    video: SyntheticVideoTrack
    audio: ToneAudioTrack


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m outreach_app.cli.site",
        description="Join a session as a site from its invitation link, without a camera.",
    )
    parser.add_argument("links", nargs="+", metavar="JOIN_URL", help="invitation link(s)")
    parser.add_argument(
        "--synthetic",
        action="store_true",
        required=True,
        help="send a moving test pattern with the site's name and a clock, and a tone",
    )
    parser.add_argument(
        "--host-address",
        action="append",
        metavar="IP",
        help="gather ICE candidates only on this address (repeatable), e.g. 127.0.0.1",
    )
    parser.add_argument(
        "--ice-servers", default="", help="STUN/TURN servers, as in the app's settings"
    )
    parser.add_argument("--seconds", type=float, default=None, help="leave after this many seconds")
    parser.add_argument(
        "--max-retry-delay",
        type=float,
        default=8.0,
        metavar="S",
        help="longest pause between attempts to reach the server again after losing it",
    )
    parser.add_argument(
        "--report-every", type=float, default=5.0, metavar="S", help="seconds between reports"
    )
    parser.add_argument(
        "--label",
        action="append",
        metavar="TEXT",
        help="text drawn in the test pattern, one per link in order (default: SITE <id>)",
    )
    parser.add_argument(
        "--leave-on-eof",
        action="store_true",
        help="leave when standard input closes (run by another program that may die)",
    )
    arguments = parser.parse_args(argv)
    for link in arguments.links:
        try:
            token_from_join_url(link)
        except ValueError:
            parser.error(f"not an invitation link: {link}")
    if arguments.host_address:
        try:
            use_host_addresses(arguments.host_address)
        except ValueError as error:
            parser.error(f"--host-address: {error}")
    try:
        arguments.parsed_ice_servers = parse_ice_servers(arguments.ice_servers)
    except SettingError as error:
        parser.error(f"--ice-servers: {error}")
    for option, value in (
        ("--seconds", arguments.seconds),
        ("--report-every", arguments.report_every),
        ("--max-retry-delay", arguments.max_retry_delay),
    ):
        # float() reads "nan" and "inf" too: neither is a number of seconds.
        if value is not None and not (math.isfinite(value) and value > 0):
            parser.error(f"{option} must be positive (a number of seconds)")
    if arguments.label and len(arguments.label) != len(arguments.links):
        parser.error("give one --label per link, or none")
    return arguments


def describe(statistics: TrackStatistics | None) -> str:
    if statistics is None or statistics.fps == 0:
        return "nothing"
    if statistics.width is None:
        return f"{statistics.fps:.0f}/s"
    return f"{statistics.width}x{statistics.height} {statistics.fps:.1f} fps"


class HeadlessSites:
    def __init__(self, arguments: argparse.Namespace, out: TextIO) -> None:
        self._arguments = arguments
        self._out = out
        self.sites: list[JoinedSite] = []
        self.finished = asyncio.Event()
        self.exit_status = 0

    def say(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=self._out, flush=True)

    async def join_all(self) -> None:
        labels = self._arguments.label or [None] * len(self._arguments.links)
        for link, label in zip(self._arguments.links, labels, strict=True):
            signaling = WebSocketSignaling(
                link,
                token_from_join_url(link),
                max_retry_delay=self._arguments.max_retry_delay,
            )
            try:
                joined = await signaling.connect()
            except SignalingRefused as refused:
                reason = REFUSAL_TEXT.get(refused.code, str(refused))
                await self._give_up(signaling, f"refused: {reason}", EXIT_REFUSED)
                return
            except (aiohttp.ClientError, OSError, TimeoutError) as error:
                reason = f"cannot reach the server of {link}: {error}"
                await self._give_up(signaling, reason, EXIT_UNREACHABLE)
                return
            site_id = joined.site_id
            if site_id is None:
                # The official's own credential: it admits the hub, not a site.
                reason = REFUSAL_TEXT[ErrorCode.TOKEN_INVALID]
                await self._give_up(signaling, f"refused: {reason}", EXIT_REFUSED)
                return
            video = SyntheticVideoTrack(label or f"SITE {site_id}", START_QUALITY)
            audio = ToneAudioTrack(frequency=330.0 + 55.0 * (len(self.sites) % 8))
            engine = SiteEngine(
                signaling,
                site_id,
                video=video,
                audio=audio,
                ice_servers=self._arguments.parsed_ice_servers or joined.ice_servers,
            )
            engine.add_listener(functools.partial(self._on_event, site_id))
            self.sites.append(JoinedSite(site_id, engine, video, audio))
            await engine.start()
            waiting = "" if HOST in joined.peers else " (waiting for the official)"
            self.say(f"site {site_id}: joined the session{waiting}")

    async def _give_up(self, signaling: WebSocketSignaling, reason: str, status: int) -> None:
        await signaling.close()
        self.say(reason)
        self.exit_status = status
        self.finished.set()

    def _on_event(self, site_id: int, event: EngineEvent) -> None:
        if isinstance(event, PeerStateChanged):
            self.say(f"site {site_id}: {event.state.value} ({event.reason})")
            if event.state is PeerState.LEFT and all(
                site.engine.state is PeerState.LEFT for site in self.sites
            ):
                self.finished.set()
        elif isinstance(event, QualityApplied):
            role = "has the floor" if event.has_floor else "waiting"
            self.say(f"site {site_id}: {role}, sending {event.quality.describe()}")
        elif isinstance(event, StandingReceived):
            self.say(f"site {site_id}: {describe_standing(event.standing)}")
        elif isinstance(event, NoticeReceived):
            self.say(f"site {site_id}: notice from the official: {event.notice.text}")

    async def report(self) -> None:
        while True:
            await asyncio.sleep(self._arguments.report_every)
            for site in self.sites:
                engine = site.engine
                official = describe(engine.received_video_statistics(OFFICIAL_VIDEO))
                floor = describe(engine.received_video_statistics(FLOOR_VIDEO))
                sound = describe(engine.received_audio_statistics())
                self.say(
                    f"site {site.site_id}: {engine.state.value};"
                    f" sending {site.video.quality.describe()};"
                    f" receiving official {official}, floor {floor}, sound {sound}"
                )

    async def leave(self) -> None:
        for site in self.sites:
            await site.engine.close()
            site.video.stop()
            site.audio.stop()


def describe_standing(standing: Standing) -> str:
    """Where a site stands, on one line: its place, the floor, its turn, the raised hands."""
    parts = [f"place {standing.place} of {standing.sites}"]
    parts.append(f"floor: {standing.floor}" if standing.floor is not None else "floor: nobody")
    if standing.has_floor:
        parts.append("has the floor")
    elif standing.wait is not None:
        parts.append(("next" if standing.next else "turn") + f" in about {standing.wait} s")
    if standing.hand_raised:
        parts.append("hand raised")
    if standing.hands:
        parts.append("hands: " + ", ".join(standing.hands))
    return "; ".join(parts)


async def run(arguments: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    sites = HeadlessSites(arguments, out)
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal_number, sites.finished.set)
    reporting = asyncio.create_task(sites.report())
    watching = (
        asyncio.create_task(_leave_on_eof(sites.finished)) if arguments.leave_on_eof else None
    )
    try:
        await sites.join_all()
        if arguments.seconds is None:
            await sites.finished.wait()
        else:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(sites.finished.wait(), arguments.seconds)
    finally:
        reporting.cancel()
        if watching is not None:
            watching.cancel()
        await sites.leave()
    sites.say("left")
    return sites.exit_status


async def _leave_on_eof(finished: asyncio.Event) -> None:
    # The parent holds our standard input open; when it dies, even by SIGKILL, the pipe closes.
    await asyncio.to_thread(sys.stdin.buffer.read)
    finished.set()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    return asyncio.run(run(arguments))


if __name__ == "__main__":
    sys.exit(main())
