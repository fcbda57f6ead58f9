"""Data flows one way: no module of talkwatch imports, directly or through others, a
module that imports it back (the web package's own layers: test_web_layers.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import talkwatch
from import_graph import cycle

SRC = Path(talkwatch.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each module of talkwatch -> the modules of talkwatch it imports, anywhere in it."""
    paths = {module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for candidate in [target, *(f"{target}.{a.name}" for a in node.names)]:
                if candidate in paths and candidate != name:
                    found.add(candidate)
        graph[name] = found
    return graph


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = imports()
    assert len(graph) > 60  # the whole package was read
    assert "talkwatch.cli.group" in graph["talkwatch.cli.query"]
    assert cycle(graph) is None


def test_the_check_finds_a_cycle_when_there_is_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycle(graph) == ["a", "b", "c", "a"]
