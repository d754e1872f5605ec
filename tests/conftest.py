"""Settings shared by the whole suite: no test touches the user's real files or display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OUTREACH_CONFIG_DIR", str(tmp_path / "config"))
    yield
