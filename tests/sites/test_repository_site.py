"""The repository's own site: it builds strictly, and its example cases are sourced."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from midtikulturen.content.layout import Layout
from midtikulturen.content.loader import load_content
from tests.sitebuilder import REPO

EXAMPLES = {"global-roots", "culture-up", "herning-bibliotekerne-europa", "norddjurs-besoegsrunde"}


def test_example_cases_are_valid_and_cite_their_sources() -> None:
    content = load_content(REPO, Layout(), date(2026, 11, 26))
    cases = {case.slug: case for case in content.collection.cases}
    assert EXAMPLES <= set(cases)
    for case in cases.values():
        assert case.meta.sources, f"{case.src_uri} lists no sources"


def test_repository_site_builds_strictly(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(
        REPO,
        project,
        ignore=shutil.ignore_patterns("site", ".git", "*.egg-info", "__pycache__", ".pytest_cache"),
    )
    config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "out"))
    build(config)
    out = tmp_path / "out"
    listing = BeautifulSoup((out / "cases/index.html").read_text(encoding="utf-8"), "lxml")
    listed = {a["href"].strip("./").removesuffix("/") for a in listing.select(".mik-card__title a")}
    assert EXAMPLES <= listed
    assert listing.html["lang"] == "da"
    for slug in EXAMPLES:
        page = BeautifulSoup((out / f"cases/{slug}/index.html").read_text(encoding="utf-8"), "lxml")
        assert page.select_one(".mik-sources li"), slug
