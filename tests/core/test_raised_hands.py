"""Raised hands: in the order of raising, each site only its own, floods ignored."""

from __future__ import annotations

from outreach_app.core.raised_hands import CHANGE_WINDOW_SECONDS, MAX_CHANGES, RaisedHands


def test_hands_keep_the_order_they_were_raised_in() -> None:
    hands = RaisedHands()
    assert hands.asked_by_site(3, True, 0.0)
    assert hands.asked_by_site(1, True, 0.5)
    assert hands.asked_by_site(2, True, 1.0)
    assert hands.order() == [3, 1, 2]
    assert hands.asked_by_site(1, False, 2.0)
    assert hands.lower(3) and not hands.lower(3)
    assert hands.order() == [2]
    # Raised again, a site goes to the end of the line.
    assert hands.asked_by_site(1, True, 3.0)
    assert hands.order() == [2, 1]


def test_raising_a_raised_hand_changes_nothing() -> None:
    hands = RaisedHands()
    assert hands.asked_by_site(1, True, 0.0)
    assert not hands.asked_by_site(1, True, 0.1)
    assert not hands.asked_by_site(2, False, 0.1)
    assert hands.order() == [1]


def test_a_site_that_changes_its_hand_too_often_is_ignored_for_a_while() -> None:
    hands = RaisedHands()
    accepted = [hands.asked_by_site(5, index % 2 == 0, index * 0.01) for index in range(50)]
    assert accepted.count(True) == MAX_CHANGES
    assert hands.order() == []
    # Other sites are not held back by it; the flooding site is heard again later.
    assert hands.asked_by_site(6, True, 1.0)
    assert hands.asked_by_site(5, True, CHANGE_WINDOW_SECONDS + 0.1)
    assert hands.order() == [6, 5]


def test_every_hand_goes_down_at_once() -> None:
    hands = RaisedHands()
    assert not hands.lower_all()
    hands.asked_by_site(3, True, 0.0)
    hands.asked_by_site(1, True, 0.5)
    assert hands.lower_all()
    assert hands.order() == [] and not hands.is_raised(3)
