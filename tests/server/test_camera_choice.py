"""Which camera the join page's "Switch camera" goes to: camera_choice.js and the gathering
of each camera's facing in devices.js, loaded as the page loads them, as modules in headless
Chromium, and called with camera lists as phones and computers give them.

Chromium's fake cameras say nothing about their facing (getCapabilities().facingMode is empty,
getSettings() has none), so front and back are described here; the switch with real tracks is
tested in test_join_page.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page

from outreach_app.core.invitations import generate_secret
from outreach_app.server.embedded import EmbeddedServer
from tests.netns import NetworkNamespace

pytestmark = pytest.mark.asyncio(loop_scope="session")

Camera = dict[str, str | None]

FRONT: Camera = {"deviceId": "front", "facing": "user"}
BACK_WIDE: Camera = {"deviceId": "back-wide", "facing": "environment"}
BACK_ULTRA_WIDE: Camera = {"deviceId": "back-ultra-wide", "facing": "environment"}
BACK_TELE: Camera = {"deviceId": "back-tele", "facing": "environment"}
# As Android's Chrome lists them: the main back camera first, the front one among the others.
PHONE = [BACK_WIDE, FRONT, BACK_ULTRA_WIDE, BACK_TELE]
UNKNOWN: list[Camera] = [
    {"deviceId": name, "facing": None} for name in ("first", "second", "third")
]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def page(browser: Browser, network_namespace: NetworkNamespace) -> AsyncIterator[Page]:
    """A page of the server that serves the join page, to import its modules from."""
    server = EmbeddedServer(generate_secret(), host=network_namespace.root_address, port=0)
    await server.start()
    context = await browser.new_context()
    try:
        opened = await context.new_page()
        await opened.goto(f"{server.url}/health")
        yield opened
    finally:
        await context.close()
        await server.stop()


async def camera_after(page: Page, cameras: list[Camera], current: str | None) -> str | None:
    chosen: str | None = await page.evaluate(
        """async ([cameras, current]) => {
          const { cameraAfter } = await import("/static/camera_choice.js");
          return cameraAfter(cameras, current);
        }""",
        [cameras, current],
    )
    return chosen


@pytest.mark.parametrize(
    ("current", "chosen"),
    [
        ("front", "back-wide"),
        ("back-wide", "front"),
        # From any back lens to the front, never to another back lens.
        ("back-ultra-wide", "front"),
        ("back-tele", "front"),
    ],
)
async def test_a_phone_goes_between_its_front_and_its_first_back_camera(
    page: Page, current: str, chosen: str
) -> None:
    assert await camera_after(page, PHONE, current) == chosen


async def test_the_front_camera_listed_first_goes_to_the_first_back_one(page: Page) -> None:
    cameras = [FRONT, BACK_TELE, BACK_WIDE]
    assert await camera_after(page, cameras, "front") == "back-tele"
    assert await camera_after(page, cameras, "back-wide") == "front"


@pytest.mark.parametrize(
    ("current", "chosen"), [("first", "second"), ("second", "third"), ("third", "first")]
)
async def test_cameras_of_unknown_facing_go_in_the_browsers_order(
    page: Page, current: str, chosen: str
) -> None:
    assert await camera_after(page, UNKNOWN, current) == chosen


async def test_without_a_camera_facing_the_other_way_the_next_one_in_the_list(
    page: Page,
) -> None:
    # Only the camera sending now says where it faces (its track's settings).
    cameras: list[Camera] = [
        FRONT,
        {"deviceId": "other", "facing": None},
        {"deviceId": "third", "facing": None},
    ]
    assert await camera_after(page, cameras, "front") == "other"
    # Two front cameras and no back one.
    two_fronts: list[Camera] = [FRONT, {"deviceId": "front-wide", "facing": "user"}]
    assert await camera_after(page, two_fronts, "front") == "front-wide"


async def test_a_current_camera_not_known_goes_to_the_first_one(page: Page) -> None:
    assert await camera_after(page, PHONE, None) == "back-wide"
    assert await camera_after(page, UNKNOWN, "gone") == "first"


async def test_one_camera_or_none_has_nothing_to_switch_to(page: Page) -> None:
    assert await camera_after(page, [FRONT], "front") is None
    assert await camera_after(page, [UNKNOWN[0]], "first") is None
    assert await camera_after(page, [], "front") is None
    assert await camera_after(page, [], None) is None


async def test_a_facing_counts_only_when_the_browser_names_one_way(page: Page) -> None:
    known = await page.evaluate(
        """async () => {
          const { knownFacing } = await import("/static/camera_choice.js");
          return [
            "user", "environment", ["environment"], [], undefined, null, "left", "",
            ["user", "environment"],
          ].map(knownFacing);
        }"""
    )
    assert known == ["user", "environment", "environment", None, None, None, None, None, None]


async def test_each_cameras_facing_comes_from_its_capabilities_or_an_open_track(
    page: Page,
) -> None:
    described = await page.evaluate(
        """async () => {
          const { describeCameras } = await import("/static/devices.js");
          // As enumerateDevices gives them: a camera that tells its facing, one that does not
          // (or a browser without getCapabilities), one with an empty list, one without an id.
          const listed = [
            { deviceId: "front", getCapabilities: () => ({ facingMode: ["user"] }) },
            { deviceId: "back" },
            { deviceId: "tele", getCapabilities: () => ({ facingMode: [] }) },
            { deviceId: "" },
          ];
          const seen = new Map();
          const track = (deviceId, facingMode) =>
            ({ getSettings: () => ({ deviceId, facingMode }) });
          return [
            describeCameras(listed, null, seen),
            // The back camera's track says where it faces; remembered after it is let go.
            describeCameras(listed, track("back", "environment"), seen),
            describeCameras(listed, track("tele", undefined), seen),
          ];
        }"""
    )
    nothing_said = [
        {"deviceId": "front", "facing": "user"},
        {"deviceId": "back", "facing": None},
        {"deviceId": "tele", "facing": None},
    ]
    back_said = [nothing_said[0], {"deviceId": "back", "facing": "environment"}, nothing_said[2]]
    assert described == [nothing_said, back_said, back_said]
