"""Six sites in other processes (the headless test site) against the hub of a live call.

What the issue asks of the engine with several sites: all connect; passing the floor changes
what each site sends and receives; a site whose process is killed shows as lost within 5 s and
connects again by itself when its process comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from outreach_app.call.hub_engine import HubEngine
from outreach_app.call.link_state import LinkTimings, PeerState
from outreach_app.call.live import CallService, LiveCall
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.call.official_engine import QualityPolicy
from outreach_app.call.simulated import SimulatedSites, one_core_for_sites
from outreach_app.cli.site import describe_standing, parse_arguments
from outreach_app.core.control_protocol import Standing
from outreach_app.core.invitations import issue_site_token, join_url
from tests.call.conftest import wait_until
from tests.call.site_processes import REPORT, SiteProcess
from tests.local_calls import local_call_service

SITES = [11, 12, 13, 14, 15, 16]
# Small sizes: six encoders each way share two cores with the rest of the test run.
FLOOR = VideoQuality(320, 240, 15)
WAITING = VideoQuality(160, 120, 5)


def thread_core_masks(pid: int) -> list[frozenset[int]]:
    """The cores each thread of process `pid` may run on."""
    masks = []
    for thread in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(ProcessLookupError):  # a thread that has just ended
            masks.append(frozenset(os.sched_getaffinity(int(thread))))
    return masks


def receives_official(sites: SiteProcess, site_id: int, from_line: int) -> bool:
    """Whether a report of `site_id` after line `from_line` shows it on air, seeing the official."""
    for line in reversed(sites.lines[from_line:]):
        match = REPORT.search(line)
        if match and int(match["site"]) == site_id:
            return match["state"] == "connected" and match["official"] != "nothing"
    return False


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[tuple[CallService, LiveCall]]:
    service = local_call_service("http://127.0.0.1:0", tmp_path / "secret")
    official = SyntheticVideoTrack("OFFICIAL", FLOOR)
    call = await service.start_call(
        90,
        SITES,
        ends_at=time.time() + 3600,
        official_video=official,
        quality=QualityPolicy(floor=FLOOR, waiting=WAITING),
        timings=LinkTimings(first_retry_delay=0.3, max_retry_delay=1.0, attempt_timeout=5.0),
    )
    yield service, call
    await call.close()
    await service.close()
    official.stop()


async def test_six_sites_in_other_processes_floor_and_a_killed_site(
    live: tuple[CallService, LiveCall],
) -> None:
    _, call = live
    hub = call.hub
    assert isinstance(hub, HubEngine)
    five = SiteProcess([call.invitation_links[site] for site in SITES[:5]])
    lone = SiteProcess([call.invitation_links[SITES[5]]])
    await five.start()
    await lone.start()
    try:
        await wait_until(
            lambda: all(hub.state(site) is PeerState.CONNECTED for site in SITES),
            30,
            "all six sites connected",
        )

        def frames_at_hub(site: int) -> int:
            statistics = hub.video_statistics(site)
            return 0 if statistics is None else statistics.frames_received

        def size_at_hub(site: int) -> tuple[int | None, int | None]:
            statistics = hub.video_statistics(site)
            return (None, None) if statistics is None else (statistics.width, statistics.height)

        def full_size_only_for(floor_site: int) -> bool:
            return all(
                size_at_hub(site) == ((320, 240) if site == floor_site else (160, 120))
                for site in SITES
            )

        for floor_site in (SITES[0], SITES[1]):
            await hub.give_floor(floor_site)
            await wait_until(
                functools.partial(full_size_only_for, floor_site),
                10,
                f"site {floor_site} sending full size, the others reduced",
            )
        # What the sites receive, from their own reports: the floor site gets the official
        # at full size and no copy of itself; a waiting site gets both, reduced.
        await wait_until(
            lambda: (
                (five.last_report(SITES[1]) or {}).get("official", "").startswith("320x240")
                # Frames forwarded while another site had the floor leave its 2 s window first.
                and (five.last_report(SITES[1]) or {}).get("floor") == "nothing"
                and (five.last_report(SITES[2]) or {}).get("floor", "").startswith("160x120")
                and (five.last_report(SITES[2]) or {}).get("official", "").startswith("160x120")
            ),
            10,
            "sites report what they receive",
            lambda: (
                f"reports: {five.last_report(SITES[1])}, {five.last_report(SITES[2])};"
                f" official frames published by the hub: {hub.official_video.sequence};"
                f" waiting streams: {hub.waiting_stream_subscribers()}"
            ),
        )
        floor_report = five.last_report(SITES[1])
        assert floor_report is not None and floor_report["sending"] == FLOOR.describe()

        others = SITES[:5]
        frames_before = {site: frames_at_hub(site) for site in others}
        killed_at = time.monotonic()
        assert await lone.stop(signal.SIGKILL) == -signal.SIGKILL
        await wait_until(
            lambda: hub.state(SITES[5]) is PeerState.RECONNECTING, 5, "the killed site shown lost"
        )
        lost_after = time.monotonic() - killed_at
        assert all(hub.state(site) is PeerState.CONNECTED for site in others)
        # The others go on: their pictures keep reaching the hub on the same links (the
        # counts only grow), and the hub's keep reaching them, by their own reports made
        # after the kill (rates over the last 2 s).
        await asyncio.sleep(2.0)
        reports_from = len(five.lines)
        await wait_until(
            lambda: all(frames_at_hub(site) >= frames_before[site] + 5 for site in others),
            5,
            "pictures from the other sites still arriving",
        )
        await wait_until(
            lambda: all(receives_official(five, site, reports_from) for site in others),
            5,
            "the other sites still receiving the official",
        )
        assert all(hub.state(site) is PeerState.CONNECTED for site in others)
        frames_before = {site: frames_at_hub(site) for site in others}

        back = SiteProcess([call.invitation_links[SITES[5]]])
        await back.start()
        try:
            back_after = await wait_until(
                lambda: hub.state(SITES[5]) is PeerState.CONNECTED, 15, "the site back by itself"
            )
            # Nor does its return hold the others up.
            await wait_until(
                lambda: all(frames_at_hub(site) >= frames_before[site] + 5 for site in others),
                5,
                "pictures from the other sites arriving while the killed one came back",
            )
            assert all(hub.state(site) is PeerState.CONNECTED for site in others)
        finally:
            assert await back.stop() == 0
        print(f"\nlost shown after {lost_after:.1f} s; back {back_after:.1f} s after restart")
    finally:
        status = await five.stop()
        if lone.process is not None and lone.process.returncode is None:
            await lone.stop(signal.SIGKILL)
    assert status == 0, "\n".join(five.lines[-20:])
    await wait_until(
        lambda: all(hub.state(site) is PeerState.LEFT for site in SITES[:5]),
        5,
        "sites that left said goodbye",
    )
    assert any("has the floor" in line for line in five.lines)


async def test_the_test_site_says_why_an_invitation_is_refused(
    live: tuple[CallService, LiveCall],
) -> None:
    service, call = live
    link = call.invitation_links[SITES[0]]
    forged = link[:-4] + ("AAAA" if not link.endswith("AAAA") else "BBBB")
    site = SiteProcess([forged])
    await site.start()
    assert await site.ended_by_itself() == 3
    assert any("not valid" in line for line in site.lines), site.lines

    embedded = service.embedded_server
    assert embedded is not None
    embedded.end_session(call.session_id)
    ended = SiteProcess([link])
    await ended.start()
    assert await ended.ended_by_itself() == 3
    assert any("the session has ended" in line for line in ended.lines), ended.lines


async def test_the_demo_s_simulated_sites_join_and_leave_with_the_call(
    live: tuple[CallService, LiveCall],
) -> None:
    _, call = live
    simulated = SimulatedSites(
        [call.invitation_links[site] for site in SITES[:2]], host_addresses=["127.0.0.1"]
    )
    await simulated.start()
    try:
        await wait_until(
            lambda: all(call.hub.state(site) is PeerState.CONNECTED for site in SITES[:2]),
            20,
            "simulated sites on air",
        )
        assert simulated.running
        # Kept to one core, every thread of it (decoders and encoders run by now), so that
        # the official's window has the other cores to itself.
        (process,) = simulated.processes
        expected = one_core_for_sites() or frozenset(os.sched_getaffinity(0))
        masks = thread_core_masks(process.pid)
        assert len(masks) > 1
        assert set(masks) == {expected}
    finally:
        await simulated.stop()
    assert (simulated.running, simulated.processes) == (False, ())
    await wait_until(
        lambda: all(call.hub.state(site) is PeerState.LEFT for site in SITES[:2]),
        5,
        "simulated sites said goodbye",
    )


async def test_simulated_sites_leave_when_the_app_that_started_them_is_gone(
    live: tuple[CallService, LiveCall],
) -> None:
    _, call = live
    simulated = SimulatedSites([call.invitation_links[SITES[0]]], host_addresses=["127.0.0.1"])
    await simulated.start()
    await wait_until(
        lambda: call.hub.state(SITES[0]) is PeerState.CONNECTED, 20, "simulated site on air"
    )
    (process,) = simulated.processes
    assert process.stdin is not None
    # What the kernel does to the pipe when the app dies, even by SIGKILL.
    process.stdin.close()
    assert await asyncio.wait_for(process.wait(), 10) == 0
    await wait_until(lambda: call.hub.state(SITES[0]) is PeerState.LEFT, 5, "it said goodbye")
    await simulated.stop()


def test_the_test_site_checks_its_pause_between_attempts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    link = join_url("http://127.0.0.1:8765", issue_site_token(b"k" * 32, 90, 11, 2_000_000_000))
    assert parse_arguments([link, "--synthetic"]).max_retry_delay == 8.0
    assert parse_arguments([link, "--synthetic", "--max-retry-delay", "1"]).max_retry_delay == 1.0
    with pytest.raises(SystemExit) as refused:
        parse_arguments([link, "--synthetic", "--max-retry-delay", "0"])
    assert refused.value.code == 2
    assert "--max-retry-delay must be positive" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "-1", "0"])
@pytest.mark.parametrize("option", ["--seconds", "--report-every", "--max-retry-delay"])
def test_the_test_site_refuses_numbers_that_are_no_seconds(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    link = join_url("http://127.0.0.1:8765", issue_site_token(b"k" * 32, 90, 11, 2_000_000_000))
    with pytest.raises(SystemExit) as refused:
        parse_arguments([link, "--synthetic", f"{option}={value}"])
    assert refused.value.code == 2
    assert f"{option} must be positive" in capsys.readouterr().err


def test_the_test_site_prints_where_it_stands_on_one_line() -> None:
    waiting = Standing("S", "Riverside", 2, 3, "Gas field", False, True, 170, True, ("Riverside",))
    assert describe_standing(waiting) == (
        "place 2 of 3; floor: Gas field; next in about 170 s; hand raised; hands: Riverside"
    )
    speaking = Standing("S", "Riverside", 2, 3, "Riverside", True, False, None)
    assert describe_standing(speaking) == "place 2 of 3; floor: Riverside; has the floor"
    later = Standing("S", "Old Town", 3, 3, None, False, False, 600)
    assert describe_standing(later) == "place 3 of 3; floor: nobody; turn in about 600 s"
