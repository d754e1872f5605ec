from __future__ import annotations

import pytest

from outreach_app.core.segments import (
    SegmentClock,
    format_countdown,
    next_in_order,
    previous_in_order,
)


@pytest.mark.parametrize(
    ("remaining", "shown"),
    [
        (600.0, "10:00"),
        (599.2, "10:00"),
        (0.4, "00:01"),
        (0.0, "+00:00"),
        (-65.9, "+01:05"),
        (3723.0, "1:02:03"),
        (-3723.0, "+1:02:03"),
    ],
)
def test_countdown_reads_as_time_left_then_as_overrun(remaining: float, shown: str) -> None:
    assert format_countdown(remaining) == shown


def test_a_site_that_gets_the_floor_back_continues_its_time_box() -> None:
    now = [100.0]
    clock = SegmentClock({1: 600, 2: 300}, clock=lambda: now[0])
    assert clock.current is None and clock.remaining(1) == 600
    clock.floor_moved(1)
    now[0] += 200
    assert clock.remaining(1) == 400 and clock.remaining(2) == 300
    clock.floor_moved(2)
    now[0] += 360
    assert clock.remaining(2) == -60
    assert clock.remaining(1) == 400
    clock.floor_moved(1)
    now[0] += 50
    assert (clock.spoken(1), clock.spoken(2)) == (250, 360)
    clock.floor_moved(None)
    now[0] += 1000
    assert (clock.remaining(1), clock.remaining(2)) == (350, -60)
    assert clock.has_spoken(2) and clock.current is None


def test_order_moves_forward_and_back_and_stops_at_the_ends() -> None:
    order = [7, 3, 9]
    assert next_in_order(order, None) == 7
    assert next_in_order(order, 7) == 3
    assert next_in_order(order, 9) is None
    assert previous_in_order(order, 3) == 7
    assert previous_in_order(order, 7) is None
    assert previous_in_order(order, None) is None
    assert next_in_order([], None) is None
