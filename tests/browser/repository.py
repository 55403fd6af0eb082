"""The repository's own site as the browser tests see it: how to build it, which pages to visit."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.sitebuilder import REPO

PAGES = ["", "cases/", "cases/global-roots/", "om/", "kommuner/", "kommuner/viborg/",
         "temaer/boern-og-unge/", "guides/", "guides/creative-europe-samarbejdsprojekter/",
         "kulturhuse/", "kulturhuse/station-k/", "tilgaengelighed/", "redaktoer/",
         "arrangementer/", "arrangementer/kulturforum-2021/", "podcast/"]


def build_site(out: Path) -> None:
    """Build the repository's mkdocs.yml into out, as `mkdocs build -d out` does."""
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(out)))


def page_id(path: str) -> str:
    """A test id for a page path: its URL path."""
    return f"/{path}"
