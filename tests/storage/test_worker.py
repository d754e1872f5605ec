"""The thread that owns the database."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from outreach_app.core.model import Role, Site, User
from outreach_app.storage.repository import (
    DatabaseRefusedError,
    NotFoundError,
    Repository,
    StoreError,
)
from outreach_app.storage.worker import Operation, StoreWorker, WorkerClosedError


def test_worker_runs_operations_in_order_on_its_own_thread(tmp_path: Path) -> None:
    worker = StoreWorker.open_path(tmp_path / "w.db", User("李敏", Role.STAFF))
    threads: list[str] = []

    def record(repo: Repository) -> int:
        threads.append(threading.current_thread().name)
        return repo.sites.save_site(Site(f"站点{len(threads)}"))

    futures = [worker.submit(record) for _ in range(20)]
    assert [f.result(5) for f in futures] == list(range(1, 21))
    assert set(threads) == {"outreach-store"}
    with pytest.raises(NotFoundError):
        worker.call(lambda r: r.sites.get_site(999))
    worker.close()
    with pytest.raises(WorkerClosedError):
        worker.submit(lambda r: r.sites.list_sites())


def save_site(name: str) -> Operation[int]:
    return lambda r: r.sites.save_site(Site(name))


def test_worker_close_drains_queued_writes(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    worker = StoreWorker.open_path(path)
    for index in range(50):
        worker.submit(save_site(f"站点{index}"))
    worker.close()
    assert len(Repository.open(path).sites.list_sites()) == 50


def test_worker_reports_an_unopenable_database_at_once(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(StoreError):
        StoreWorker.open_path(bogus)


def test_the_apps_store_refuses_a_file_that_is_not_ours_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "accounts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseRefusedError, match="another program's database"):
        StoreWorker.open_path(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts.sqlite"]
