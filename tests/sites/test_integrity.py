"""The repository's site as a whole: no broken internal link, and byte-identical rebuilds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.sitebuilder import REPO

IGNORE = shutil.ignore_patterns(
    "site", ".git", "*.egg-info", "__pycache__", ".pytest_cache", "benchmarks", "tests", ".github"
)


def build_repository(tmp: Path, name: str, **overrides: object) -> Path:
    """Build a copy of the repository's site into tmp/name and return the output folder."""
    project = tmp / f"{name}-project"
    shutil.copytree(REPO, project, ignore=IGNORE)
    out = tmp / name
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(out), **overrides))
    return out


def target_of(page: Path, ref: str, root: Path, base: str) -> tuple[Path, str] | None:
    """The file a local reference points to, and its fragment; None for other hosts.

    base is the path of the site's root on its host, such as `/midtikulturen/`.
    """
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("mailto:", "tel:", "data:")):
        return None
    path = unquote(parts.path)
    target = page if not path else (page.parent / path)
    if path.startswith("/"):
        if not path.startswith(base):
            return root / "outside-the-site", ""
        target = root / path.removeprefix(base)
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target.resolve(), parts.fragment


def broken_links(root: Path, base: str) -> list[str]:
    """Every internal link, image, stylesheet or script whose target or anchor is missing."""
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in sorted(root.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        refs = [
            (t.name, t.get("href") or t.get("src"))
            for t in soup.select("a[href], img[src], link[href], script[src]")
        ]
        for tag, ref in refs:
            if tag == "link" and ref and ref.startswith("http"):
                continue
            found = target_of(page, ref or "", root, base)
            if found is None:
                continue
            target, fragment = found
            where = f"{page.relative_to(root)}: {tag} {ref}"
            if not target.is_file():
                broken.append(f"{where} → missing {target}")
            elif fragment and target.suffix == ".html":
                if target not in ids:
                    text = BeautifulSoup(target.read_text(encoding="utf-8"), "lxml")
                    ids[target] = {t["id"] for t in text.select("[id]")}
                if fragment not in ids[target]:
                    broken.append(f"{where} → no #{fragment}")
    return broken


@pytest.mark.parametrize(
    "site_url, directory_urls",
    [
        ("https://www.midtikulturen.dk/", True),
        ("https://www.midtikulturen.dk/", False),
        ("https://example.github.io/midtikulturen/", True),
    ],
)
def test_no_internal_link_is_broken(tmp_path: Path, site_url: str, directory_urls: bool) -> None:
    out = build_repository(tmp_path, "out", site_url=site_url, use_directory_urls=directory_urls)
    pages = list(out.rglob("*.html"))
    assert len(pages) > 50
    assert broken_links(out, urlsplit(site_url).path) == []


def test_the_same_commit_builds_byte_identical_sites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")
    first = build_repository(tmp_path, "first")
    second = build_repository(tmp_path, "second")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    differing = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert differing == []
    # The sitemap dates pages by their content (cases, guides), not by the build's date.
    assert "2025-11-26" not in (first / "sitemap.xml").read_text(encoding="utf-8")
    assert os.environ["SOURCE_DATE_EPOCH"] == "1764115200"


def test_the_crawler_reports_missing_pages_anchors_and_images(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="her">Her</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#her">ok</a><a href="a/#der">anker</a><a href="b/">side</a>'
        '<img src="billede.png" alt=""><a href="https://example.org/x">ude</a>'
        '<a href="/midtikulturen/a/">rod</a>',
        encoding="utf-8",
    )
    assert [
        line.split(" → ")[1].split("/")[-1] for line in broken_links(tmp_path, "/midtikulturen/")
    ] == ["no #der", "index.html", "billede.png"]
