"""Joining as a site from the desktop app, against a real hub over the embedded server."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from outreach_app.call.events import HandRequested
from outreach_app.call.ice import host_addresses
from outreach_app.call.link_state import PeerState
from outreach_app.call.live import CallService, LiveCall
from outreach_app.call.media import SyntheticVideoTrack, VideoQuality
from outreach_app.core.control_protocol import Notice, Standing
from outreach_app.ui.context import UiContext
from outreach_app.ui.site_call.window import SiteWindow
from tests.local_calls import local_call_service
from tests.ui.conftest import until

SITE = 4
SMALL = VideoQuality(320, 240, 15)


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with host_addresses(["127.0.0.1"]):
        yield


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[tuple[CallService, LiveCall]]:
    service = local_call_service("http://127.0.0.1:0", tmp_path / "secret")
    official = SyntheticVideoTrack("OFFICIAL", SMALL)
    call = await service.start_call(55, [SITE], ends_at=time.time() + 3600, official_video=official)
    yield service, call
    await call.close()
    await service.close()
    official.stop()


async def open_window(context: UiContext, qtbot: QtBot, link: str) -> SiteWindow:
    window = SiteWindow(link, context.settings)
    qtbot.addWidget(window)
    window.show()
    await window.join()
    return window


async def test_a_site_joins_gets_the_floor_mutes_and_leaves(
    context: UiContext, qtbot: QtBot, live: tuple[CallService, LiveCall]
) -> None:
    _, call = live
    hub = call.hub
    window = await open_window(context, qtbot, call.invitation_links[SITE])
    await until(lambda: hub.state(SITE) is PeerState.CONNECTED, 10)
    await until(lambda: window.official_view.frames_shown > 0, 5)
    await until(lambda: window.own_view.frames_shown > 0, 5)
    assert "waiting for your turn" in window.banner.text()

    await hub.give_floor(SITE)
    await until(lambda: window.banner.text() == "You have the floor", 5)
    await until(lambda: (hub.video_statistics(SITE) or None) is not None, 5)

    window.mute_button.click()
    assert window.presenter.microphone.muted and window.mute_button.text() == "Unmute"
    window.camera_button.click()
    assert not window.presenter.camera.enabled

    def dark_at_hub() -> bool:
        frame = hub.latest_video_frame(SITE)
        return frame is not None and int(frame.to_ndarray(format="gray").max()) < 40

    await until(dark_at_hub, 5)

    window.close()
    await until(lambda: hub.state(SITE) is PeerState.LEFT, 5)
    await until(lambda: not window.isVisible(), 5)


async def test_an_invitation_the_server_refuses_is_explained(
    context: UiContext, qtbot: QtBot, live: tuple[CallService, LiveCall]
) -> None:
    service, call = live
    embedded = service.embedded_server
    assert embedded is not None
    embedded.end_session(call.session_id)
    window = await open_window(context, qtbot, call.invitation_links[SITE])
    assert window.banner.text() == "This session has ended."
    assert not window.mute_button.isEnabled()
    window.close()
    await until(lambda: not window.isVisible())


async def test_the_window_says_where_the_site_stands_and_when_its_turn_comes(
    context: UiContext, qtbot: QtBot, live: tuple[CallService, LiveCall]
) -> None:
    _, call = live
    hub = call.hub
    window = await open_window(context, qtbot, call.invitation_links[SITE])
    await until(lambda: hub.state(SITE) is PeerState.CONNECTED, 10)
    assert not window.standing_label.isVisible()

    hub.tell_standing(SITE, Standing("Heating", "Riverside", 2, 3, "Gas field", False, True, 170))
    await until(lambda: window.standing_label.isVisible(), 5)
    assert window.standing_label.text().splitlines() == [
        "Heating · You are Riverside",
        "Speaking order: 2 of 3 · Speaking now: Gas field",
        "You are next — in about 3 minutes",
    ]
    hub.tell_standing(SITE, Standing("Heating", "Riverside", 2, 3, None, False, False, 600))
    await until(lambda: "Your turn comes in about 10 minutes" in window.standing_label.text(), 5)
    assert "Nobody has the floor yet" in window.standing_label.text()
    hub.tell_standing(SITE, Standing("Heating", "Riverside", 2, 3, "Riverside", True, False, None))
    await until(lambda: window.standing_label.text().endswith("You have the floor"), 5)

    # The site asks for the floor (Ctrl+H or the button); the official's standing shows it up.
    hands: list[HandRequested] = []
    hub.add_listener(lambda e: hands.append(e) if isinstance(e, HandRequested) else None)
    hub.tell_standing(SITE, Standing("Heating", "Riverside", 2, 3, "Gas field", False, True, 170))
    await until(lambda: window.hand_button.isEnabled(), 5)
    assert window.hand_button.text() == "Raise hand"
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: hands == [HandRequested(SITE, True)], 5)
    raised = Standing(
        "Heating", "Riverside", 2, 3, "Gas field", False, True, 170, True, ("Old Town", "Riverside")
    )
    hub.tell_standing(SITE, raised)
    await until(lambda: window.hand_button.text() == "Lower hand", 5)
    assert window.standing_label.text().splitlines()[-1] == "Hands raised: Old Town, you"
    window.hand_button.click()
    await until(lambda: hands[-1:] == [HandRequested(SITE, False)], 5)

    # A notice from the official shows until dismissed; the next one waits its turn.
    hub.send_notice(SITE, Notice(1, "Please prepare the figures on heating", to_all=True))
    hub.send_notice(SITE, Notice(2, "Two more minutes"))
    await until(lambda: len(window.notices) == 2, 5)
    assert window.notice_bar.isVisible()
    assert window.notice_label.text() == (
        "Notice from the official: Please prepare the figures on heating (1 more)"
    )
    window.dismiss_button.click()
    assert window.notice_label.text() == "Notice from the official: Two more minutes"
    window.dismiss_button.click()
    assert not window.notice_bar.isVisible()

    # The wait counts down between updates; a short one reads "any moment now".
    next_soon = Standing("Heating", "Riverside", 2, 3, "Gas field", False, True, 20)
    assert window.standing_lines(next_soon, 20)[2] == "You are next — any moment now"
    assert window.standing_lines(next_soon, 65)[2] == "You are next — in about 1 minute"
    later = Standing("Heating", "Riverside", 3, 3, "Gas field", False, False, 100)
    assert window.standing_lines(later, 10)[2] == "Your turn comes in about 1 minute"
    spoken = Standing("Heating", "", 1, 3, "Gas field", False, False, None)
    assert window.standing_lines(spoken, None) == [
        "Heating",
        "Speaking order: 1 of 3 · Speaking now: Gas field",
        "You have spoken — thank you",
    ]
    window.close()
    await until(lambda: not window.isVisible(), 5)


def test_something_that_is_not_a_link_is_refused_before_a_window_opens(
    context: UiContext,
) -> None:
    with pytest.raises(ValueError):
        SiteWindow("see you at 9", context.settings)
