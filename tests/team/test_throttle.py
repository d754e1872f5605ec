from __future__ import annotations

from outreach_app.team.throttle import (
    FREE_FAILURES,
    FREE_FAILURES_PER_ADDRESS,
    MAX_WAIT_SECONDS,
    SignInThrottle,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_few_mistakes_cost_nothing_then_waits_double() -> None:
    clock = Clock()
    throttle = SignInThrottle(clock)
    for _ in range(FREE_FAILURES):
        assert throttle.wait_seconds("anna", "10.0.0.1") == 0
        throttle.failed("anna", "10.0.0.1")
    assert throttle.wait_seconds("anna", "10.0.0.1") == 0
    throttle.failed("anna", "10.0.0.1")
    assert throttle.wait_seconds("anna", "10.0.0.1") == 1.0
    throttle.failed("anna", "10.0.0.1")
    assert throttle.wait_seconds("anna", "10.0.0.1") == 2.0


def test_an_account_is_throttled_from_any_address_and_an_address_for_any_account() -> None:
    clock = Clock()
    throttle = SignInThrottle(clock)
    for attempt in range(FREE_FAILURES + 3):
        throttle.failed("anna", f"10.0.0.{attempt}")
    assert throttle.wait_seconds("anna", "192.168.1.9") > 0
    assert throttle.wait_seconds("bob", "192.168.1.9") == 0
    for attempt in range(FREE_FAILURES_PER_ADDRESS + 1):
        throttle.failed(f"user{attempt}", "172.16.0.1")
    assert throttle.wait_seconds("carol", "172.16.0.1") > 0


def test_the_wait_has_a_ceiling_and_is_forgotten_after_an_hour() -> None:
    clock = Clock()
    throttle = SignInThrottle(clock)
    for _ in range(60):
        throttle.failed("anna", "10.0.0.1")
    assert throttle.wait_seconds("anna", "10.0.0.1") == MAX_WAIT_SECONDS
    clock.now += 2 * 3600
    assert throttle.wait_seconds("anna", "10.0.0.1") == 0


def test_success_clears_the_account_but_not_a_guessing_address() -> None:
    clock = Clock()
    throttle = SignInThrottle(clock)
    for _ in range(FREE_FAILURES_PER_ADDRESS + 2):
        throttle.failed("anna", "10.0.0.1")
    throttle.succeeded("anna")
    assert throttle.wait_seconds("anna", "10.0.0.2") == 0
    assert throttle.wait_seconds("bob", "10.0.0.1") > 0


def test_made_up_names_cannot_grow_the_table_without_bound() -> None:
    throttle = SignInThrottle(Clock(), max_keys=100)
    for number in range(10_000):
        throttle.failed(f"nobody{number}", f"10.1.{number // 256}.{number % 256}")
    assert throttle.tracked_keys <= 100
