"""The web package imports one way: app puts the routers together and nothing imports app."""

from __future__ import annotations

import ast
from pathlib import Path

import talkwatch.web
from import_graph import cycle

WEB = Path(talkwatch.web.__file__).parent


def web_imports() -> dict[str, set[str]]:
    """Each module of talkwatch.web -> the modules of talkwatch.web it imports (anywhere)."""
    found: dict[str, set[str]] = {}
    for path in sorted(WEB.glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    names.add(node.module.split(".")[0])
                else:
                    names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "talkwatch.web."
            ):
                names.add((node.module or "").split(".")[2])
        found[path.stem] = names
    return found


def test_no_module_of_the_web_package_imports_app() -> None:
    graph = web_imports()
    assert {"api", "pages", "ingest", "context"} <= set(graph)
    importers = sorted(name for name, imported in graph.items() if "app" in imported)
    assert importers == [], f"{importers} import web.app; import web.context instead"
    assert {"api", "pages"} <= graph["app"]  # app puts the routers together


def test_the_web_package_has_no_import_cycle() -> None:
    assert cycle(web_imports()) is None


def test_the_cycle_finder_finds_one() -> None:
    assert cycle({"app": {"api"}, "api": {"context", "app"}, "context": set()}) == [
        "api",
        "app",
        "api",
    ]
    assert cycle({"app": {"api"}, "api": {"context"}, "context": set()}) is None
