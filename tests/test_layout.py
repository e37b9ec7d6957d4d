"""The package's layout: its modules grouped by the stage a note goes through.

Each stage imports only from itself and the stages before it, and no module
imports another that imports it back while the package loads. Read from the
source with `ast`: nothing here imports the package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "mkdocs_weeknotes"
NAME = PACKAGE.name

# The stages in the order a note goes through them. "basics" are the top-level
# modules every stage shares (settings, words, the model, problems...); "build" is
# the build's orchestration (plugin.py, site.py, dirty.py), which runs every stage
# but the command's. The command comes last: it checks notes and builds with the
# same code the plugin runs.
STAGES = ("basics", "reading", "planning", "rendering", "outputs", "build", "command")
BUILD = frozenset({"plugin", "site", "dirty"})

# Imports that go against the order, each with why it stays. The test fails when
# one of them is gone, so that the list never holds more than the code does.
EXCEPTIONS = {
    # The settings hand the reading stage its own types, made once and cached on
    # the config: `rollup_list` (sections.Rollup) and `selector` (selection.Selector).
    # Both modules import only basics, so this makes no cycle; moving them into the
    # basics would put the reading stage's heading and glob matching there.
    ("config", "reading.sections"),
    ("config", "reading.selection"),
    # A PageHtml is handed the build (site.SiteBuild) and reads its state; for the
    # annotation only, under TYPE_CHECKING.
    ("rendering.pagehtml", "site"),
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted, without the package's name
    target: str  # the module imported, likewise
    line: int
    when: str  # "load" (as the module loads), "call" (in a function), "types"


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name within it (`reading.notes`)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def stage(module: str) -> str:
    top, _, rest = module.partition(".")
    if rest or top in STAGES:
        return top
    if top in BUILD:
        return "build"
    if top == "__main__":
        return "command"  # `python -m mkdocs_weeknotes` runs the command
    return "basics"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(nodes: Iterable[ast.AST], when: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, when
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from _walk(ast.iter_child_nodes(node), "call")
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _walk(node.body, "types")
            yield from _walk(node.orelse, when)
        else:
            yield from _walk(ast.iter_child_nodes(node), when)


def imports(known: dict[str, Path]) -> list[Import]:
    """Every import of a module of the package by another."""
    found = []
    for module, path in known.items():
        is_package = path.name == "__init__.py"
        here = module.split(".") if is_package else module.split(".")[:-1]
        if module in ("", "__init__"):
            here = []
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node, when in _walk(tree.body, "load"):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [
                    alias.name.removeprefix(NAME + ".")
                    for alias in node.names
                    if alias.name.startswith(NAME + ".")
                ]
            else:
                if node.level:
                    base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                    base = [*base, *(node.module or "").split(".")] if node.module else base
                elif node.module and (node.module + ".").startswith(NAME + "."):
                    base = node.module.split(".")[1:]
                else:
                    continue
                for alias in node.names:
                    # `from . import embeds` imports a module; `from .x import y`, x.
                    inner = ".".join([*base, alias.name])
                    targets.append(inner if inner in known else ".".join(base))
            for target in targets:
                if target in known and target not in ("", "__init__"):
                    found.append(Import(module, target, node.lineno, when))
    return found


KNOWN = modules()
IMPORTS = imports(KNOWN)


def test_the_modules_are_found() -> None:
    # A guard on the parsing itself: these imports are known to be there.
    pairs = {(i.source, i.target, i.when) for i in IMPORTS}
    assert ("plugin", "site", "call") in pairs
    assert ("reading.notes", "reading.frontmatter", "load") in pairs
    assert ("command.cli", "outputs.export", "call") in pairs
    assert ("site", "reading.embeds", "load") in pairs  # `from .reading import embeds`
    assert ("rendering.pagehtml", "site", "types") in pairs


def test_every_subpackage_is_a_stage() -> None:
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert folders <= set(STAGES), folders - set(STAGES)


def test_no_import_cycle_as_the_package_loads() -> None:
    graph: dict[str, set[str]] = {m: set() for m in KNOWN}
    for i in IMPORTS:
        if i.when == "load":
            graph[i.source].add(i.target)
    # Depth-first, colouring each module: one met again while still open is a cycle.
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module)
            assert cycle is None, " -> ".join(cycle)


def _against_the_order(i: Import) -> bool:
    return STAGES.index(stage(i.target)) > STAGES.index(stage(i.source))


def test_each_stage_imports_only_itself_and_earlier_stages() -> None:
    # Every import counts here, in functions and for types too: each is a module
    # that needs another.
    wrong = sorted(
        f"{i.source} ({stage(i.source)}) imports {i.target} ({stage(i.target)}), line {i.line}"
        for i in IMPORTS
        if _against_the_order(i) and (i.source, i.target) not in EXCEPTIONS
    )
    assert not wrong, "\n".join(wrong)


def test_every_exception_is_still_needed() -> None:
    found = {(i.source, i.target) for i in IMPORTS if _against_the_order(i)}
    assert set(EXCEPTIONS) <= found, set(EXCEPTIONS) - found


@pytest.mark.parametrize("package", sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py")))
def test_a_stage_says_what_it_does_and_imports_nothing(package: str) -> None:
    # No re-exports: importing one module of a stage must not load the others (the
    # command imports what each sub-command needs only when it runs).
    tree = ast.parse((PACKAGE / package / "__init__.py").read_text("utf-8"))
    assert ast.get_docstring(tree)
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]


def test_no_module_shares_its_package_name() -> None:
    assert not [m for m in KNOWN if "." in m and m.split(".")[-1] == m.split(".")[-2]]
