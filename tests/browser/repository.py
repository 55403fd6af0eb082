"""The repository's own site as the browser tests see it: how to build it, which pages to visit.

It is built from a copy of the repository in which one case, Global Roots, shows a generated
picture (shapes and grain drawn by Pillow, not a photograph), so every kind of page, a case
page with a picture included, is checked.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.pictures import photo
from tests.sitebuilder import REPO

PAGES = [
    "",
    "cases/",
    "cases/global-roots/",
    "om/",
    "kommuner/",
    "kommuner/viborg/",
    "temaer/boern-og-unge/",
    "guides/",
    "guides/creative-europe-samarbejdsprojekter/",
    "kulturhuse/",
    "kulturhuse/station-k/",
    "tilgaengelighed/",
    "redaktoer/",
    "arrangementer/",
    "arrangementer/kulturforum-2021/",
    "podcast/",
]
PICTURED_CASE = "cases/global-roots.md"
PICTURE = "images/global-roots-testbillede.jpg"
PICTURE_ALT = "Testbillede: farvede former på en grå baggrund, tegnet af testene"
SOURCES = ("mkdocs.yml", "vocabularies.yml", "docs", "cases")


def showcase_project(dest: Path) -> Path:
    """A copy of the repository's site at dest with a generated picture on Global Roots;
    returns its mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    case = dest / PICTURED_CASE
    text = case.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    case.write_text(
        f'{head}\nimage: {PICTURE}\nimage_alt: "{PICTURE_ALT}"\n{rest}', encoding="utf-8"
    )
    (case.parent / PICTURE).parent.mkdir(exist_ok=True)
    (case.parent / PICTURE).write_bytes(photo(3000, 2000, seed=18, gps=True))
    return dest / "mkdocs.yml"


def build_site(out: Path, **overrides: object) -> None:
    """Build the showcase copy of the repository into out, as `mkdocs build -d out` does."""
    project = out.parent / f"{out.name}-project"
    config_file = showcase_project(project)
    build(load_config(str(config_file), site_dir=str(out), **overrides))


def page_id(path: str) -> str:
    """A test id for a page path: its URL path."""
    return f"/{path}"
