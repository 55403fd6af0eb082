"""The content core and the renderers stay free of MkDocs, so they outlive MkDocs 1.x."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "midtikulturen"
CORE = sorted((PACKAGE / "content").glob("*.py")) + sorted((PACKAGE / "render").glob("*.py")) + [
    PACKAGE / "listing" / "pages.py", PACKAGE / "listing" / "layout.py",
    PACKAGE / "feed" / "plan.py", PACKAGE / "feed" / "feeds.py", PACKAGE / "feed" / "items.py",
    *(PACKAGE / "site" / name for name in ("blocks.py", "head.py", "pages.py", "public.py")),
    *(PACKAGE / "cms" / name for name in ("bundle.py", "decap.py", "labels.py", "page.py",
                                          "preview.py", "widgets.py")),
    *(PACKAGE / "images" / name for name in ("settings.py",
                                              "renditions.py", "cache.py", "pipeline.py",
                                              "html.py", "body.py", "social.py")),
    PACKAGE / "site" / "dates.py", PACKAGE / "site" / "material_fixes.py",
    PACKAGE / "cli.py", PACKAGE / "scaffold.py", PACKAGE / "editor_schemas.py"]
# project.py reads mkdocs.yml with MkDocs' own YAML loader (`!ENV`, `INHERIT`), as builds do.


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_does_not_import_mkdocs_or_the_glue(path: Path) -> None:
    bad = {name for name in imported_modules(path)
           if name.split(".")[0] in ("mkdocs", "material")
           or name.lstrip(".").split(".")[0] in ("glue", "collection")
           or name.endswith(".plugin")}
    assert not bad, f"{path.name} imports {bad}"
