"""Reloading content for `mkdocs serve` parses only what changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from midtikulturen.content import loader
from midtikulturen.content.layout import Layout
from midtikulturen.content.loader import ParseCache, load_content
from tests.sitebuilder import SiteProject, case_text

DAY = date(2026, 11, 26)


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    original = loader.read_front_matter

    def counting(path: str, text: str):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return original(path, text)

    monkeypatch.setattr(loader, "read_front_matter", counting)
    return parsed


def test_only_changed_files_are_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = SiteProject(tmp_path)
    site.write({"cases/a.md": case_text(title="A"), "cases/b.md": case_text(title="B")})
    parsed = count_parses(monkeypatch)
    cache = ParseCache()
    load_content(tmp_path, Layout(), DAY, cache)
    assert sorted(parsed) == ["cases/a.md", "cases/b.md"]

    parsed.clear()
    site.write({"cases/b.md": case_text(title="B, ny")})
    content = load_content(tmp_path, Layout(), DAY, cache)
    assert parsed == ["cases/b.md"]
    assert sorted(c.meta.title for c in content.collection.cases) == ["A", "B, ny"]

    parsed.clear()
    vocabulary = (tmp_path / "vocabularies.yml").read_text(encoding="utf-8")
    site.write({"vocabularies.yml": vocabulary.replace("  - Demokrati\n", "")})
    load_content(tmp_path, Layout(), DAY, cache)
    assert sorted(parsed) == ["cases/a.md", "cases/b.md"], "a new vocabulary checks all again"


def test_a_cached_problem_is_still_reported(tmp_path: Path) -> None:
    site = SiteProject(tmp_path)
    site.write({"cases/a.md": case_text(municipality="Vibrog")})
    cache = ParseCache()
    for _ in range(2):
        with pytest.raises(loader.ContentError, match="Vibrog"):
            load_content(tmp_path, Layout(), DAY, cache)
