from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_app.core.settings_rules import (
    IceServer,
    SettingError,
    parse_ice_servers,
    parse_reminder_minutes,
    parse_server_address,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("127.0.0.1:8765", "http://127.0.0.1:8765"),
        (" wss://gov.example.cn:443 ", "wss://gov.example.cn:443"),
        ("https://[::1]:9000/", "https://[::1]:9000"),
    ],
)
def test_server_addresses_are_normalised(text: str, expected: str) -> None:
    assert parse_server_address(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "give the server address"),
        ("example.cn", "add the port"),
        ("ftp://example.cn:21", "must start with http"),
        ("bad_host:80", "not a valid host"),
        ("example.cn:70000", "port of the server address is not valid"),
        ("example.cn:80/join", "has no path"),
    ],
)
def test_bad_server_addresses_say_why(text: str, reason: str) -> None:
    with pytest.raises(SettingError, match=reason):
        parse_server_address(text)


def test_ice_servers_one_a_line_with_comments_and_credentials() -> None:
    text = "# office\nstun:stun.example.cn:3478\n\nturn:10.0.0.5:3478?transport=udp alice s3cret\n"
    assert parse_ice_servers(text) == [
        IceServer("stun:stun.example.cn:3478"),
        IceServer("turn:10.0.0.5:3478?transport=udp", "alice", "s3cret"),
    ]
    assert parse_ice_servers("") == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("http://example.cn", "line 1: .* must start with stun:"),
        ("stun:ok.cn\nstun:bad_host:3478", "line 2: .* not a valid host"),
        ("turn:turn.example.cn:3478", "needs a user name and a password"),
        ("stun:stun.example.cn u p", "takes no user name"),
        ("stun:stun.example.cn:0", "port 0 must be a number"),
    ],
)
def test_bad_ice_lines_are_named_by_number(text: str, reason: str) -> None:
    with pytest.raises(SettingError, match=reason):
        parse_ice_servers(text)


def test_reminder_range() -> None:
    assert parse_reminder_minutes(0) == 0
    assert parse_reminder_minutes(1440) == 1440
    with pytest.raises(SettingError):
        parse_reminder_minutes(1441)


@given(st.text(max_size=200))
def test_any_text_is_accepted_or_refused_with_a_setting_error(text: str) -> None:
    for parse in (parse_server_address, parse_ice_servers):
        with contextlib.suppress(SettingError):
            parse(text)
