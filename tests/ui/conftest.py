"""GUI tests run as coroutines on a qasync loop, so presenters' store calls really complete."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from outreach_app.core.model import Role, User
from outreach_app.storage.repository import Repository
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.i18n import install_translations
from outreach_app.ui.presenter import ChangeBus, Presenter
from outreach_app.ui.settings import AppSettings

T = TypeVar("T")

_loop_errors: list[dict[str, Any]] = []


class Repo(Protocol):
    """The `repo` fixture: runs a store operation from a test and gives its result."""

    def __call__(self, operation: Callable[[Repository], T], /) -> T: ...


def _qasync_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication([])
    # A test closing its window must not quit the application and stop the loop under it.
    QApplication.setQuitOnLastWindowClosed(False)
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    # An exception inside a callback must fail the test, not vanish into a log line.
    loop.set_exception_handler(lambda _loop, ctx: _loop_errors.append(ctx))
    return loop


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    return {"qasync": _qasync_loop}


@pytest.fixture(autouse=True)
def collect_what_the_test_left() -> Iterator[None]:
    """Destroy a test's unreachable Qt objects when it ends, not whenever Python's collector
    happens to run later: collected in the middle of another test's event processing, they
    crashed it (a segmentation fault in pytest-qt's event processing, seen with presenters
    created without a parent)."""
    yield
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def fail_on_loop_errors() -> Iterator[None]:
    _loop_errors.clear()
    yield
    if _loop_errors:
        errors = list(_loop_errors)
        _loop_errors.clear()
        pytest.fail(f"exceptions on the event loop: {errors}")


@pytest.fixture
def user() -> User:
    return User("测试员", Role.STAFF)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "outreach.db"


@pytest.fixture
def store(db_path: Path, user: User) -> Iterator[StoreWorker]:
    worker = StoreWorker.open_path(db_path, user)
    yield worker
    worker.close()


@pytest.fixture
def repo(store: StoreWorker) -> Repo:
    """Run a store operation from a test and wait for it (seeding and checking data)."""
    return store.call


@pytest.fixture
def context(store: StoreWorker, user: User, qapp: QApplication) -> UiContext:
    return UiContext(store=store, bus=ChangeBus(), user=user, settings=AppSettings())


async def until(predicate: Callable[[], object], timeout: float = 5.0) -> None:
    """Let the loop run until `predicate()` is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout:.1f} s")
        await asyncio.sleep(0.01)


def is_loading(view: QWidget) -> bool:
    """Whether the presenter of `view`, where it has one, is busy."""
    presenter = getattr(view, "presenter", None)
    return isinstance(presenter, Presenter) and presenter.is_busy


async def until_loaded(view: QWidget) -> None:
    await until(lambda: not is_loading(view))


def table_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item in a cell of `table`; the test fails where the cell has none."""
    item = table.item(row, column)
    assert item is not None, f"no item at row {row}, column {column}"
    return item


def tree_item(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    """The top-level item at `index` of `tree`; the test fails where there is none."""
    item = tree.topLevelItem(index)
    assert item is not None, f"no item at row {index}"
    return item


def current_tree_item(tree: QTreeWidget) -> QTreeWidgetItem:
    item = tree.currentItem()
    assert item is not None, "no current item"
    return item


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` the way an input method delivers Chinese: one committed string per character.

    QTest.keyClicks only handles ASCII (it aborts on other characters).
    """
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def use_language(qapp: QApplication) -> Iterator[Callable[[str], QLocale]]:
    """Switch the app's language for one test; the translators and locale are put back after."""
    previous = QLocale()
    yield lambda language: install_translations(qapp, language)
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(previous)
