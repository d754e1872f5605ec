from __future__ import annotations

import asyncio
import threading

import pytest
import shiboken6

from outreach_app.core.model import Site
from outreach_app.core.topics import Topic
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.presenter import ChangeBus, ChangeFollower, Presenter
from tests.ui.conftest import until


async def test_store_errors_become_error_signal_and_results_reach_callback(
    store: StoreWorker,
) -> None:
    presenter = Presenter(store, ChangeBus())
    errors: list[str] = []
    results: list[int] = []
    presenter.error.connect(errors.append)

    presenter.spawn(
        presenter.query(lambda r: r.sites.save_site(Site("北坡村"))), on_done=results.append
    )
    presenter.spawn(presenter.query(lambda r: r.sites.save_site(Site("北坡村"))))
    await until(lambda: results and errors)

    assert results == [1]
    assert "already exists" in errors[0]
    assert not presenter.is_busy


async def test_unexpected_exception_is_reported_not_raised(store: StoreWorker) -> None:
    presenter = Presenter(store, ChangeBus())
    errors: list[str] = []
    presenter.error.connect(errors.append)

    def explode(_repo: object) -> None:
        raise ValueError("disk on fire")

    presenter.spawn(presenter.query(explode))
    await presenter.wait_idle()
    assert errors and "disk on fire" in errors[0]


async def test_a_presenter_deleted_mid_operation_is_left_alone(store: StoreWorker) -> None:
    presenter = Presenter(store, ChangeBus())
    released = threading.Event()
    results: list[object] = []

    def slow(_repo: object) -> int:
        released.wait(5)
        return 1

    task = presenter.spawn(presenter.query(slow), on_done=results.append)
    shiboken6.delete(presenter)
    released.set()
    await asyncio.wait_for(asyncio.shield(task), 5)
    await asyncio.sleep(0.05)
    assert results == []


async def test_a_change_follower_refreshes_once_per_burst_and_not_for_its_own_news(
    store: StoreWorker,
) -> None:
    bus = ChangeBus()
    presenter = Presenter(store, bus)
    refreshed: list[set[Topic]] = []
    follower = ChangeFollower(
        presenter, frozenset({Topic.NOTES, Topic.SITES}), refreshed.append, 20
    )

    for topic in (Topic.NOTES, Topic.NOTES, Topic.SITES, Topic.REVIEWS):
        bus.announce(topic)
    await until(lambda: refreshed)
    await asyncio.sleep(0.1)
    assert refreshed == [{Topic.NOTES, Topic.SITES}]

    heard: list[Topic] = []
    bus.changed.connect(heard.append)
    follower.announce(Topic.NOTES)
    assert heard == [Topic.NOTES]  # the other presenters hear it
    follower.set_active(False)
    bus.announce(Topic.SITES)
    await asyncio.sleep(0.1)
    # Its own news, and news while out of sight: none.
    assert refreshed == [{Topic.NOTES, Topic.SITES}]
    follower.set_active(True)
    await until(lambda: len(refreshed) == 2)
    assert refreshed[1] == {Topic.SITES}
    # Deleted while this test's loop still runs: left to Python's collector, the presenter
    # and its follower went in some later test's event processing and crashed it.
    bus.changed.disconnect()
    presenter.deleteLater()
    await until(lambda: not shiboken6.isValid(presenter))


async def test_the_bus_and_followers_take_only_topics(store: StoreWorker) -> None:
    bus = ChangeBus()
    presenter = Presenter(store, bus)
    with pytest.raises(TypeError):
        bus.announce("notes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ChangeFollower(presenter, frozenset({"notes"}), lambda _topics: None, 20)  # type: ignore[arg-type]
    presenter.deleteLater()
    await until(lambda: not shiboken6.isValid(presenter))
