from __future__ import annotations

import pytest

from outreach_app.call.link_state import InvalidTransition, LinkTimings, PeerState, PeerStateMachine


def test_a_link_goes_through_its_life() -> None:
    machine = PeerStateMachine()
    for state in (
        PeerState.CONNECTING,
        PeerState.CONNECTED,
        PeerState.RECONNECTING,
        PeerState.CONNECTED,
        PeerState.LEFT,
        PeerState.CONNECTING,
        PeerState.FAILED,
    ):
        machine.move_to(state)
    assert machine.state is PeerState.FAILED


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ((), PeerState.CONNECTED),  # invited, never connecting
        ((), PeerState.RECONNECTING),
        ((PeerState.CONNECTING, PeerState.CONNECTED), PeerState.FAILED),  # only after retrying
        ((PeerState.CONNECTING, PeerState.CONNECTED), PeerState.CONNECTED),
        ((PeerState.LEFT,), PeerState.CONNECTED),
        ((PeerState.CONNECTING, PeerState.FAILED), PeerState.RECONNECTING),
    ],
)
def test_invalid_transitions_are_refused(path: tuple[PeerState, ...], refused: PeerState) -> None:
    machine = PeerStateMachine()
    for state in path:
        machine.move_to(state)
    before = machine.state
    assert not machine.can_move_to(refused)
    with pytest.raises(InvalidTransition):
        machine.move_to(refused)
    assert machine.state is before


def test_retries_back_off_exponentially_up_to_a_ceiling() -> None:
    timings = LinkTimings(first_retry_delay=0.5, max_retry_delay=4.0)
    assert [timings.retry_delay(n) for n in range(6)] == [0.0, 0.5, 1.0, 2.0, 4.0, 4.0]
