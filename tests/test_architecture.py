"""The content core and the renderers stay free of MkDocs, so they outlive MkDocs 1.x."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "midtikulturen"
CORE = (
    sorted((PACKAGE / "content").glob("*.py"))
    + sorted((PACKAGE / "render").glob("*.py"))
    + sorted((PACKAGE / "plan").glob("*.py"))
    + sorted((PACKAGE / "houses").glob("*.py"))
    + sorted((PACKAGE / "export").glob("*.py"))
    + [
        *(
            PACKAGE / "feed" / name
            for name in (
                "plan.py",
                "feeds.py",
                "items.py",
                "markup.py",
                "podcast.py",
                "podcasts.py",
            )
        ),
        *(PACKAGE / "site" / name for name in ("blocks.py", "head.py", "pages.py", "public.py")),
        *(PACKAGE / "search" / name for name in ("documents.py", "indexer.py", "selection.py")),
        *(
            PACKAGE / "cms" / name
            for name in (
                "bundle.py",
                "decap.py",
                "labels.py",
                "page.py",
                "preview.py",
                "widgets.py",
            )
        ),
        *(
            PACKAGE / "images" / name
            for name in (
                "settings.py",
                "renditions.py",
                "cache.py",
                "pipeline.py",
                "publish.py",
                "pictures.py",
                "html.py",
                "body.py",
                "social.py",
                "lettering.py",
                "artwork.py",
            )
        ),
        PACKAGE / "site" / "dates.py",
        PACKAGE / "site" / "material_fixes.py",
        PACKAGE / "cli.py",
        PACKAGE / "scaffold.py",
        PACKAGE / "editor_schemas.py",
    ]
)
# project.py reads mkdocs.yml with MkDocs' own YAML loader (`!ENV`, `INHERIT`), as builds do.


PLUGIN_PACKAGES = sorted(p.parent.name for p in PACKAGE.glob("*/plugin.py"))
MKDOCS_LAYER = ("hrefs", "state", "order")  # top-level modules that serve the plugins
PURE_PACKAGES = ("content", "render", "plan", "houses")


def module_name(path: Path) -> str:
    """The dotted name of a module of the package: `midtikulturen.content.loader`."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, runtime_only: bool = False) -> set[str]:
    """What path imports, relative imports made absolute; runtime_only: not the imports under
    `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped.update(id(child) for child in ast.walk(node))
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
                names.update(f"{base}.{alias.name}" for alias in node.names)
            names.add(base)
    return names


def ours(names: set[str]) -> set[str]:
    """The modules of our package among names that exist as files."""
    found = set()
    for name in names:
        if name.startswith("midtikulturen"):
            path = PACKAGE.parent.joinpath(*name.split("."))
            if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
                found.add(name)
    return found


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_does_not_import_mkdocs_or_the_plugin_layer(path: Path) -> None:
    bad = {
        name
        for name in imported_modules(path)
        if name.split(".")[0] in ("mkdocs", "material")
        or any(name.startswith(f"midtikulturen.{m}") for m in MKDOCS_LAYER)
        or name.endswith(".plugin")
    }
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_the_core_imports_no_plugin_package(package: str) -> None:
    for path in sorted((PACKAGE / package).glob("*.py")):
        plugins = {
            name for name in ours(imported_modules(path)) if name.split(".")[1] in PLUGIN_PACKAGES
        }
        assert not plugins, f"{package}/{path.name} imports {plugins}"


def test_no_module_imports_itself_round_a_cycle() -> None:
    graph = {
        module_name(path): ours(imported_modules(path, runtime_only=True))
        for path in PACKAGE.rglob("*.py")
    }
    cycles = [sorted(component) for component in _components(graph) if len(component) > 1]
    assert cycles == []


def test_event_order_is_named_in_one_module() -> None:
    numbered = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if re.search(r"event_priority\(\s*-?\d", path.read_text(encoding="utf-8"))
    ]
    assert numbered == [], "use a constant of midtikulturen/order.py"


@pytest.mark.parametrize("package", PLUGIN_PACKAGES)
def test_every_plugin_is_a_switchboard(package: str) -> None:
    lines = (PACKAGE / package / "plugin.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 160, f"{package}/plugin.py has {lines} lines: move logic to a module"


def _components(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of graph (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                found.append(component)
    return found
