"""Which layer may import which, and no import loop inside ui/, read from the source with `ast`.

Layers (a module's layer is its package under outreach_app/):
- core: the standard library, except modules whose job is I/O, and the pure third-party
  libraries listed in THIRD_PARTY["core"] (none yet). Nothing else of the app.
- storage, call, server, exports, janus: core, `config` (where the app keeps its files) and
  their own third-party libraries, listed below. Never Qt. server also builds on janus (the
  media server's configuration and API, which speak Janus's own JSON, not our protocols).
- sync (team mode on the app's side): also storage. team (the team server's record): also
  storage and server. Never Qt.
- ui, and app.py which assembles the app: everything but the entry points.
- cli (and __main__.py): everything; ui, app.py and Qt only inside the functions that need a
  window or Qt, never when a command module is imported, so that a command that needs no
  window (a bad command line, `report --help`) starts without Qt.
- Nothing imports an entry point (cli/, __main__.py, app.py)
  except the entry points themselves.

Every import counts: at module level, under TYPE_CHECKING and inside functions. For loops
inside ui/, module-level and TYPE_CHECKING imports count; an import inside a function is
allowed to close a loop only where it is there for a fast start (the module it loads is heavy,
or loads the call stack) and a comment above it in that function says so with the words
"fast start".
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "outreach_app"

QT = frozenset({"PySide6", "shiboken6", "qasync"})
# Standard library modules that do I/O or run things: not for core.
IO_STDLIB = frozenset(
    {
        "asyncio",
        "ftplib",
        "http",
        "multiprocessing",
        "os",
        "shutil",
        "smtplib",
        "socket",
        "sqlite3",
        "ssl",
        "subprocess",
        "tempfile",
        "threading",
        "urllib.request",
    }
)
# The third-party libraries each layer may use (top-level import names).
THIRD_PARTY: dict[str, frozenset[str]] = {
    # Pure libraries without I/O: iCalendar text and signed tokens.
    "core": frozenset({"icalendar", "jwt"}),
    "storage": frozenset({"sqlite_utils", "sqlcipher3", "keyring"}),
    "call": frozenset({"aiortc", "aioice", "av", "numpy", "aiohttp", "pywebrtc_audio"}),
    "server": frozenset({"aiohttp"}),
    "janus": frozenset({"aiohttp"}),
    "exports": frozenset({"docx", "openpyxl"}),
    "sync": frozenset({"aiohttp", "sqlite_utils"}),
    "team": frozenset({"aiohttp", "sqlite_utils"}),
}
FOUNDATION = ("storage", "call", "server", "exports", "sync", "team", "janus")
# What each of those may import of the app, beyond itself, core and config.
BUILDS_ON: dict[str, frozenset[str]] = {
    "sync": frozenset({"storage"}),
    "team": frozenset({"storage", "server"}),
    "server": frozenset({"janus"}),
}
# The entry points, and app.py, which only they start.
ENTRY_POINTS = (
    "outreach_app.cli",
    "outreach_app.__main__",
    "outreach_app.app",
)
# Violations in parts being reworked elsewhere, allowed until that work is merged; each names
# the importing module and what it imports. Delete an entry once its import is gone.
TEMPORARY_ALLOWANCES: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # what it imports, resolved to a module where the name is one
    line: int
    where: str  # "module", "type_checking" or "function"
    explained: bool  # a function-local import with a "fast start" comment above it


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return (ROOT / relative).with_suffix(".py").is_file() or (
        ROOT / relative / "__init__.py"
    ).is_file()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []

    def explained(function: ast.AST, line: int) -> bool:
        start = getattr(function, "lineno", line)
        above = lines[start - 1 : line]
        return any("#" in text and "fast start" in text.split("#", 1)[1] for text in above)

    def targets(node: ast.Import | ast.ImportFrom) -> Iterator[str]:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
            return
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            if node.level > 1:
                anchor = anchor[: -(node.level - 1)]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            yield candidate if _is_module(candidate) else base

    def visit(node: ast.AST, where: str, function: ast.AST | None) -> None:
        for child in ast.iter_child_nodes(node):
            child_where, child_function = where, function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                child_where, child_function = "function", child
            elif isinstance(child, ast.If) and _is_type_checking(child) and where == "module":
                child_where = "type_checking"
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in targets(child):
                    found.append(
                        Import(
                            module,
                            target,
                            child.lineno,
                            child_where,
                            child_function is not None and explained(child_function, child.lineno),
                        )
                    )
            visit(child, child_where, child_function)

    visit(tree, "module", None)
    return found


def all_imports() -> list[Import]:
    return [found for path in sorted(PACKAGE.rglob("*.py")) for found in imports_of(path)]


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _top(name: str) -> str:
    return name.split(".")[0]


def _in(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _stdlib(name: str) -> bool:
    return _top(name) in sys.stdlib_module_names


def layer_problem(found: Import) -> str | None:
    """Why this import breaks the layering, or None."""
    source, target = found.module, found.target
    layer = layer_of(source)
    app_target = _in(target, "outreach_app")
    if app_target and (source, target) in TEMPORARY_ALLOWANCES:
        return None
    entry_target = app_target and any(_in(target, entry) for entry in ENTRY_POINTS)
    if entry_target and not any(_in(source, entry) for entry in ENTRY_POINTS):
        return "imports an entry point"
    if layer == "core":
        if app_target:
            return None if layer_of(target) == "core" else "core imports the app beyond core"
        if _stdlib(target):
            io = any(_in(target, name) for name in IO_STDLIB)
            return "core does I/O through the standard library" if io else None
        return None if _top(target) in THIRD_PARTY["core"] else "core imports a library not listed"
    if layer in FOUNDATION:
        if app_target:
            allowed = {layer, "core", "config", "", *BUILDS_ON.get(layer, ())}
            return None if layer_of(target) in allowed else f"{layer} imports {layer_of(target)}"
        if _stdlib(target):
            return None
        if _top(target) in QT:
            return f"{layer} imports Qt"
        return (
            None if _top(target) in THIRD_PARTY[layer] else f"{layer} imports an unlisted library"
        )
    if layer in ("cli", "__main__"):
        needs_window = (app_target and layer_of(target) in ("ui", "app")) or _top(target) in QT
        if needs_window and found.where != "function":
            return "a command module imports ui, app.py or Qt when it is imported"
    return None


def test_every_import_keeps_to_its_layer() -> None:
    problems = [
        f"{found.module}:{found.line} imports {found.target}: {problem}"
        for found in all_imports()
        if (problem := layer_problem(found)) is not None
    ]
    assert problems == []


def test_every_temporary_allowance_is_still_needed() -> None:
    present = {(found.module, found.target) for found in all_imports()}
    assert sorted(TEMPORARY_ALLOWANCES - present) == []


def ui_graph(imports: list[Import]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for found in imports:
        if not (_in(found.module, "outreach_app.ui") and _in(found.target, "outreach_app.ui")):
            continue
        if found.where == "function" and found.explained:
            continue
        graph.setdefault(found.module, set()).add(found.target)
    return graph


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_ui_has_no_import_loop() -> None:
    assert loops(ui_graph(all_imports())) == []


def test_function_local_imports_inside_ui_say_why() -> None:
    unexplained = [
        f"{found.module}:{found.line} imports {found.target}"
        for found in all_imports()
        if found.where == "function"
        and _in(found.module, "outreach_app.ui")
        and _in(found.target, "outreach_app.ui")
        and not found.explained
    ]
    assert unexplained == []


FEATURES = frozenset(
    {
        "schedule",
        "sites",
        "notes",
        "review",
        "follow_ups",
        "statistics",
        "demands",
        "call",
        "site_call",
        "team",
    }
)
# Where a feature of ui/ uses another, or a shared module of ui/ uses a feature: nowhere else.
KNOWN_DOORS: dict[tuple[str, str], str] = {
    ("outreach_app.ui.call.window", "outreach_app.ui.notes.view"): "notes beside the video",
    ("outreach_app.ui.notes.view", "outreach_app.ui.call.launcher"): "starts the session's call",
    ("outreach_app.ui.schedule.view", "outreach_app.ui.call.launcher"): "starts a call",
    ("outreach_app.ui.statistics.view", "outreach_app.ui.demands.dialogs"): "imports demands",
    ("outreach_app.ui.context", "outreach_app.ui.call.windows"): "the app's call windows",
    ("outreach_app.ui.main_window", "outreach_app.ui.site_call.window"): "joins as a site",
    ("outreach_app.ui.context", "outreach_app.ui.team.presenter"): "the team session, if any",
    ("outreach_app.ui.first_run", "outreach_app.ui.team.sign_in"): "connects to an office",
}


def feature_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) > 3 and parts[1] == "ui" and parts[2] in FEATURES:
        return parts[2]
    return None


def test_features_use_each_other_only_through_known_doors() -> None:
    crossings = {
        (found.module, found.target)
        for found in all_imports()
        if _in(found.module, "outreach_app.ui")
        and feature_of(found.target) is not None
        and feature_of(found.module) != feature_of(found.target)
    }
    assert sorted(crossings - set(KNOWN_DOORS)) == []
    assert sorted(set(KNOWN_DOORS) - crossings) == []


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    """A loop closed under TYPE_CHECKING, an unexplained local import and a layer violation
    in made-up modules are all found."""
    assert loops({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert layer_problem(Import("outreach_app.core.x", "PySide6.QtCore", 1, "module", False))
    assert layer_problem(Import("outreach_app.core.x", "socket", 1, "module", False))
    assert layer_problem(Import("outreach_app.storage.x", "outreach_app.ui.y", 1, "function", True))
    assert layer_problem(Import("outreach_app.exports.x", "PySide6.QtGui", 1, "function", True))
    assert layer_problem(Import("outreach_app.cli.report", "outreach_app.ui.x", 1, "module", False))
    assert not layer_problem(
        Import("outreach_app.cli.report", "outreach_app.ui.x", 1, "function", False)
    )
    assert layer_problem(Import("outreach_app.ui.x", "outreach_app.cli.usage", 1, "module", False))
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from outreach_app.ui.context import UiContext\n"
        "def later():\n"
        "    from outreach_app.ui.main_window import MainWindow\n"
        "def soon():\n"
        "    # Imported when first used, for a fast start.\n"
        "    from outreach_app.ui.pages import Page\n"
    )
    made_up = PACKAGE / "ui" / "_made_up_for_the_architecture_test.py"
    made_up.write_text(source, encoding="utf-8")
    try:
        found = imports_of(made_up)
    finally:
        made_up.unlink()
    assert [(f.target, f.where, f.explained) for f in found] == [
        ("typing", "module", False),
        ("outreach_app.ui.context", "type_checking", False),
        ("outreach_app.ui.main_window", "function", False),
        ("outreach_app.ui.pages", "function", True),
    ]


@pytest.mark.parametrize(
    "module", ["outreach_app.cli", "outreach_app.cli.report", "outreach_app.cli.safety"]
)
def test_importing_a_command_loads_no_qt(module: str) -> None:
    script = (
        f"import sys, {module}\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('PySide6', 'shiboken6', 'qasync') or m.startswith('outreach_app.ui'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
