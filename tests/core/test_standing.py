"""Where each site stands: place, floor, who is next and the estimated wait."""

from __future__ import annotations

from outreach_app.core.control_protocol import (
    CONTROL_MESSAGES,
    MAX_HANDS_TOLD,
    MAX_NAME_CHARS,
    Standing,
)
from outreach_app.core.message_codec import to_json
from outreach_app.core.signaling_protocol import MAX_CONTROL_CHARS
from outreach_app.core.standing import OrderedSite, standings

ORDER = [
    OrderedSite(1, "Riverside", 600),
    OrderedSite(2, "Hillview", 300),
    OrderedSite(3, "Lakeside", 180),
    OrderedSite(4, "Old Town", 240),
]


def test_before_anyone_speaks_the_first_site_is_next_and_the_others_wait_their_boxes() -> None:
    found = standings("Heating", ORDER, None, remaining=lambda _: 0.0, has_spoken=lambda _: False)
    assert found[1] == Standing("Heating", "Riverside", 1, 4, None, False, True, 0)
    assert [found[site].wait for site in (1, 2, 3, 4)] == [0, 600, 900, 1080]
    assert [found[site].next for site in (1, 2, 3, 4)] == [True, False, False, False]


def test_the_next_site_waits_for_what_is_left_of_the_floor_sites_box() -> None:
    left = {1: 170.0}
    found = standings(
        "Heating",
        ORDER,
        1,
        remaining=lambda site: left.get(site, 0.0),
        has_spoken=lambda site: site == 1,
    )
    assert found[1].has_floor and found[1].wait is None and not found[1].next
    assert (found[2].next, found[2].wait, found[2].floor) == (True, 170, "Riverside")
    assert (found[3].wait, found[4].wait) == (470, 650)
    assert found[3].place == 3 and found[3].sites == 4


def test_an_overrun_floor_site_leaves_the_next_one_about_to_speak() -> None:
    found = standings(
        "S", ORDER, 2, remaining=lambda site: -50.0, has_spoken=lambda site: site in (1, 2)
    )
    assert (found[3].next, found[3].wait) == (True, 0)
    # Riverside has spoken: it is waited for no more.
    assert (found[1].next, found[1].wait) == (False, None)


def test_a_site_passed_over_comes_after_the_rest() -> None:
    # The official went from Riverside straight to Lakeside; Hillview is still to come.
    found = standings(
        "S",
        ORDER,
        3,
        remaining=lambda site: 60.0 if site == 3 else 0.0,
        has_spoken=lambda site: site in (1, 3),
    )
    assert (found[4].next, found[4].wait) == (True, 60)
    assert (found[2].next, found[2].wait) == (False, 300)


def test_every_site_hears_the_raised_hands_in_the_order_they_were_raised() -> None:
    found = standings(
        "S", ORDER, 1, remaining=lambda _: 0.0, has_spoken=lambda _: False, hands=[4, 2]
    )
    assert all(standing.hands == ("Old Town", "Hillview") for standing in found.values())
    assert [found[site].hand_raised for site in (1, 2, 3, 4)] == [False, True, False, True]


def test_long_names_are_cut_so_that_the_message_always_travels() -> None:
    long_name = "站" * 500
    order = [OrderedSite(site, long_name + str(site), 60) for site in range(1, 31)]
    found = standings(
        long_name,
        order,
        1,
        remaining=lambda _: 10.0,
        has_spoken=lambda _: False,
        hands=list(range(30, 0, -1)),
    )
    assert len(found[2].hands) == MAX_HANDS_TOLD
    text = to_json(found[2])
    assert len(text) <= MAX_CONTROL_CHARS
    assert CONTROL_MESSAGES.from_json(text) == found[2]
    assert len(found[2].site) == MAX_NAME_CHARS
