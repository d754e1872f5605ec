"""A poor link is called poor after two bad readings and good again after five good ones."""

from __future__ import annotations

from outreach_app.call.link_quality import PoorLinkJudge, reading_is_poor
from outreach_app.call.official_engine import LinkStatistics


def reading(loss: float | None = 0.0, round_trip: float | None = 200.0) -> LinkStatistics:
    return LinkStatistics(
        fps=25.0,
        width=640,
        height=480,
        kilobits_per_second=300.0,
        round_trip_ms=round_trip,
        loss_percent=loss,
    )


def test_loss_or_a_long_round_trip_make_a_reading_poor() -> None:
    assert not reading_is_poor(reading(2.0, 250.0))
    assert reading_is_poor(reading(15.0, 250.0))
    assert reading_is_poor(reading(0.0, 1500.0))
    assert not reading_is_poor(reading(None, None))


def test_one_bad_reading_is_a_hiccup_and_the_verdict_does_not_flicker() -> None:
    judge = PoorLinkJudge()
    assert judge.add(reading(20.0)) is False  # one bad reading: a hiccup
    assert judge.add(reading(1.0)) is False
    assert judge.add(reading(20.0)) is False
    assert judge.add(reading(20.0)) is True  # two in a row: poor
    # A lost connection says nothing about quality either way.
    assert judge.add(None) is True
    for _ in range(4):
        assert judge.add(reading(1.0)) is True
    assert judge.add(reading(20.0)) is True  # the good streak starts again
    for _ in range(4):
        assert judge.add(reading(1.0)) is True
    assert judge.add(reading(1.0)) is False  # five good readings in a row
