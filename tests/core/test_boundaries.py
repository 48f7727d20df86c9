"""core/ never imports Qt or gui, has no import cycle, and the scan path stays light (no Qt, no requests)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BLOCK_QT = """
import importlib, pkgutil, sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'gui'):
            raise ImportError('core must not import ' + name)
sys.meta_path.insert(0, NoQt())
import core
for module in pkgutil.walk_packages(core.__path__, 'core.'):
    if module.name != 'core.__main__':
        importlib.import_module(module.name)
print('ok')
"""

FACES = ("PySide6", "shiboken6", "gui")

SCAN_IMPORTS = """
import sys
from {entry} import main
main(['scan', '--json'])
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'requests', 'jsonschema', 'gui'))
print('HEAVY', [m for m in heavy if m not in ('gui', 'gui.launcher')], file=sys.stderr)
"""


def test_every_core_module_imports_without_qt() -> None:
    done = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_scan_path_imports_neither_qt_nor_requests() -> None:
    """`switchover scan` (which starts in gui.launcher) and core's own command line alike."""
    for entry in ("gui.launcher", "core.cli"):
        script = SCAN_IMPORTS.format(entry=entry)
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
        assert "HEAVY []" in done.stderr, done.stderr


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


CORE_MODULES = {_module_name(p): p for p in (REPO / "core").rglob("*.py")}
# `python -m core` is the program's entry, like the installed `switchover`: it starts gui.launcher,
# which decides between the window and the command line. No library module may do that.
ENTRY = "core.__main__"


def _imports(path: Path, *, module_level_only: bool) -> set[str]:
    """Every module `path` imports at run time (imports under `if TYPE_CHECKING:` never run)."""
    found: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if not (module_level_only and in_function):
                if isinstance(child, ast.Import):
                    found.update(alias.name for alias in child.names)
                elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                    found.add(child.module)
                    found.update(f"{child.module}.{alias.name}" for alias in child.names)
            visit(child, inside)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def _within_core(name: str) -> str | None:
    """The core module an imported name lands in
    (`core.removal.plan.Step` -> `core.removal.plan`), or None."""
    while name and name not in CORE_MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                connect(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            part = []
            while True:
                other = stack.pop()
                part.append(other)
                if other == module:
                    break
            if len(part) > 1:
                cycles.append(sorted(part))

    for module in graph:
        if module not in index:
            connect(module)
    return cycles


def test_no_core_module_imports_gui_or_qt_anywhere_not_even_inside_a_function() -> None:
    offenders = {
        name: sorted(i for i in _imports(path, module_level_only=False) if i.split(".")[0] in FACES)
        for name, path in CORE_MODULES.items()
        if name != ENTRY
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_core_has_no_import_cycle_not_even_through_imports_inside_functions() -> None:
    """An import inside a function may wait for start-up speed, never to hide a circle."""
    for module_level_only in (True, False):
        graph = {
            name: {
                m
                for i in _imports(path, module_level_only=module_level_only)
                if (m := _within_core(i)) and m != name
            }
            for name, path in CORE_MODULES.items()
        }
        assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# The groups of core/ in the data's order: a group may import only the groups before it (and the
# shared vocabulary at core's top), never one after it (docs/architecture.md).
GROUP_ORDER = ("detection", "advice", "removal", "assistant", "helpdesk", "cli")


def _group(module: str) -> str | None:
    """`core.removal.plan` -> "removal"; None for the shared vocabulary at core's top."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in GROUP_ORDER else None


def test_each_group_imports_only_the_groups_before_it_on_the_data_path() -> None:
    against = []
    for name, path in CORE_MODULES.items():
        if name == ENTRY:
            continue
        mine = _group(name)
        rank = GROUP_ORDER.index(mine) if mine else -1  # the shared top imports no group at all
        for imported in _imports(path, module_level_only=False):
            target = _within_core(imported)
            theirs = _group(target) if target else None
            if theirs is None or theirs == mine:
                continue
            if GROUP_ORDER.index(theirs) >= rank:
                against.append(f"{name} imports {target}")
    assert sorted(set(against)) == []
