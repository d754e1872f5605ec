from __future__ import annotations

import asyncio

import aioice.ice
import pytest
from aiortc import RTCIceTransportPolicy, RTCPeerConnection

from outreach_app.call.ice import (
    chosen_host_addresses,
    host_addresses,
    is_relay_only,
    relay_only,
    rtc_configuration,
    use_host_addresses,
)
from outreach_app.core.settings_rules import IceServer


def test_chosen_addresses_replace_aioice_discovery_and_filter_by_family() -> None:
    with host_addresses(["127.0.0.1", "::1"]):
        assert aioice.ice.get_host_addresses(True, False) == ["127.0.0.1"]
        assert aioice.ice.get_host_addresses(True, True) == ["127.0.0.1", "::1"]


def test_the_context_manager_restores_the_previous_setting() -> None:
    before = chosen_host_addresses()  # the autouse fixture chose 127.0.0.1
    with host_addresses(["10.1.2.3"]):
        assert chosen_host_addresses() == ("10.1.2.3",)
    assert chosen_host_addresses() == before == ("127.0.0.1",)


def test_none_hands_discovery_back_to_aioice() -> None:
    with host_addresses(None):
        # aioice's own discovery never offers loopback.
        assert "127.0.0.1" not in aioice.ice.get_host_addresses(True, False)


def test_anything_but_ip_addresses_is_refused_without_changing_the_setting() -> None:
    with pytest.raises(ValueError):
        use_host_addresses(["localhost"])
    with pytest.raises(TypeError):
        use_host_addresses("127.0.0.1")
    assert chosen_host_addresses() == ("127.0.0.1",)


def test_the_configuration_always_names_its_ice_servers() -> None:
    assert rtc_configuration().iceServers == []
    turn = rtc_configuration([IceServer("turn:127.0.0.1:3478", "user", "secret")])
    assert turn.iceServers is not None
    (server,) = turn.iceServers
    assert (server.urls, server.username, server.credential) == (
        ["turn:127.0.0.1:3478"],
        "user",
        "secret",
    )


async def test_two_peer_connections_connect_over_loopback() -> None:
    offerer = RTCPeerConnection(rtc_configuration())
    answerer = RTCPeerConnection(rtc_configuration())
    try:
        channel = offerer.createDataChannel("control")
        opened = asyncio.Event()
        channel.on("open", opened.set)
        await offerer.setLocalDescription(await offerer.createOffer())
        assert " 127.0.0.1 " in offerer.localDescription.sdp
        await answerer.setRemoteDescription(offerer.localDescription)
        await answerer.setLocalDescription(await answerer.createAnswer())
        await offerer.setRemoteDescription(answerer.localDescription)
        await asyncio.wait_for(opened.wait(), 5)
        assert offerer.connectionState == "connected"
    finally:
        await offerer.close()
        await answerer.close()


def test_consent_tolerates_a_busy_machine_and_the_heartbeat_finds_dead_links() -> None:
    # Imported for its effect on aioice, as the engine does.
    from outreach_app.call import ice

    assert aioice.ice.CONSENT_FAILURES >= ice.TOLERATED_CONSENT_FAILURES
    assert aioice.ice.CONSENT_FAILURES * aioice.ice.CONSENT_INTERVAL >= 100


async def test_relay_only_offers_no_host_candidate_and_ends_with_its_block() -> None:
    assert not is_relay_only()
    with relay_only():
        configuration = rtc_configuration()
        assert configuration.iceTransportPolicy is RTCIceTransportPolicy.RELAY
        peer = RTCPeerConnection(configuration)
        try:
            peer.createDataChannel("control")
            await peer.setLocalDescription(await peer.createOffer())
            # No TURN server here: relay-only gathers nothing at all, not even 127.0.0.1.
            assert "a=candidate:" not in peer.localDescription.sdp
        finally:
            await peer.close()
    assert not is_relay_only()
    assert rtc_configuration().iceTransportPolicy is RTCIceTransportPolicy.ALL
