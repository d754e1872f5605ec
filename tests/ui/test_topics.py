"""Every topic a view follows is announced somewhere, read from the source.

A topic is announced where `Topic.X` is an argument of an `announce(...)` call (a presenter's,
a ChangeFollower's or the bus's own); any other mention of `Topic.X` (a follower's topic set, a
comparison in a handler) follows it. Read with `ast`, so that no code has to run for a topic to
count, and a mention anywhere but an announcement counts as following (never the other way).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from outreach_app.core.topics import Topic

PACKAGE = Path(__file__).resolve().parents[2] / "outreach_app"


@dataclass
class TopicUses:
    announced: dict[str, list[str]] = field(default_factory=dict)
    followed: dict[str, list[str]] = field(default_factory=dict)

    def followed_never_announced(self) -> dict[str, list[str]]:
        return {t: w for t, w in sorted(self.followed.items()) if t not in self.announced}


def _topics(tree: ast.AST) -> Iterator[ast.Attribute]:
    """Every `Topic.X` in `tree`."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == Topic.__name__
        ):
            yield node


def topic_uses(sources: Iterable[tuple[str, str]]) -> TopicUses:
    """`sources`: (where, Python source) pairs."""
    uses = TopicUses()
    for where, source in sources:
        tree = ast.parse(source, where)
        in_announcements: set[int] = set()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "announce"
            ):
                for argument in node.args:
                    for topic in _topics(argument):
                        in_announcements.add(id(topic))
                        uses.announced.setdefault(topic.attr, []).append(f"{where}:{topic.lineno}")
        for topic in _topics(tree):
            if id(topic) not in in_announcements:
                uses.followed.setdefault(topic.attr, []).append(f"{where}:{topic.lineno}")
    return uses


def package_sources() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(PACKAGE.parent)), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_every_followed_topic_is_announced() -> None:
    uses = topic_uses(package_sources())
    assert uses.followed, "no follower found: the search is broken"
    assert uses.followed_never_announced() == {}


def test_every_topic_is_announced_and_named_rightly() -> None:
    uses = topic_uses(package_sources())
    members = {topic.name for topic in Topic}
    assert set(uses.announced) | set(uses.followed) <= members
    assert sorted(members - set(uses.announced)) == []


def test_a_topic_followed_but_never_announced_is_found() -> None:
    presenter = """
class Counting(Presenter):
    def __init__(self, store, bus):
        super().__init__(store, bus)
        self._changes = ChangeFollower(self, frozenset({Topic.SITES, Topic.REVIEWS}), f, 10)

    def save(self):
        self._changes.announce(Topic.SITES)

    def _on_bus_changed(self, topic):
        if topic is Topic.AGENDA:
            self.load()
"""
    other = "bus.announce(Topic.NOTES if notes else Topic.REVIEWS)\n"
    uses = topic_uses([("counting.py", presenter)])
    assert uses.followed_never_announced() == {
        "AGENDA": ["counting.py:11"],
        "REVIEWS": ["counting.py:5"],
    }
    assert topic_uses([("counting.py", presenter), ("other.py", other)]).followed_never_announced()
    assert set(topic_uses([("other.py", other)]).announced) == {"NOTES", "REVIEWS"}
