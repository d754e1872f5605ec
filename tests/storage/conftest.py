"""The store as most storage tests use it: a fresh database file, with staff acting."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_app.core.model import Role, User
from outreach_app.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "outreach.db")
    repository.actor = User("李敏", Role.STAFF)
    return repository
