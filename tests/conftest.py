"""Settings shared by the whole suite: no test touches the user's real files or display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

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
