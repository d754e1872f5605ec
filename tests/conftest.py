"""Settings shared by the whole suite: no test touches the user's real files or display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.janus import JanusProcess
from tests.netns import NamespaceUnavailable, NetworkNamespace
from tests.netns import network_namespace as create_network_namespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OUTREACH_CONFIG_DIR", str(tmp_path / "config"))
    yield


@pytest.fixture(scope="session")
def network_namespace() -> Iterator[NetworkNamespace]:
    """A namespace with a veth link to this one (see tests/netns.py), shared by the session.

    Where namespaces cannot be made, a test that needs one fails in CI (it would otherwise
    pass without testing anything) and is skipped elsewhere, with the reason.
    """
    with ExitStack() as stack:
        try:
            namespace = stack.enter_context(create_network_namespace())
        except NamespaceUnavailable as error:
            message = f"cannot create a network namespace (needs root and iproute2): {error}"
            if os.environ.get("CI", "").lower() in ("true", "1"):
                pytest.fail(message)
            pytest.skip(message)
        yield namespace


@pytest.fixture
def janus(network_namespace: NetworkNamespace, tmp_path: Path) -> Iterator[JanusProcess]:
    """A real Janus with Outreach's configuration (tests/janus.py): its API on 127.0.0.1, media
    on the namespace's root-side address; stopped after the test."""
    try:
        # A range of media ports of its own, so that parallel runs do not meet.
        low = 20000 + (os.getpid() % 45) * 200
        process = JanusProcess(
            tmp_path / "janus", network_namespace.root_address, rtp_ports=(low, low + 199)
        )
    except FileNotFoundError as error:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(str(error))
        pytest.skip(str(error))
    process.start()
    yield process
    process.stop()
