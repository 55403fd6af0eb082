"""`check` shares the cases among processes and finds exactly what the build's loading finds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from midtikulturen.content import loader
from midtikulturen.content.cache_file import load_verdicts, save_verdicts
from midtikulturen.content.check import Verdicts, check_content
from midtikulturen.content.forks import processes_for
from midtikulturen.content.layout import Layout
from midtikulturen.content.loader import load_content
from midtikulturen.content.problems import ContentError, Problem
from tests.sitebuilder import SiteProject, case_text

DAY = date(2026, 11, 26)
ALONE, SHARED = 10**9, 1  # cases per process: never share, share whatever there is
GOOD = {f"cases/god-{n}.md": case_text(title=f"God {n}") for n in range(6)}
BAD: dict[str, str | bytes] = {
    "cases/kommune.md": case_text(municipality="Vibrog"),
    "cases/titel.md": case_text(title=None),
    "cases/billede.md": case_text(image="images/mangler.jpg"),
    "cases/latin1.md": case_text(title="Århus").encode("latin-1"),
    "cases/Forkert Navn.md": case_text(),
    "docs/guides/g.md": "---\ntitle: G\ndescription: D\nupdated: 2020-13-01\n---\nx\n",
}
HOUSE = (
    "---\ntitle: Hus\ndescription: D\nmunicipality: Skive\ntown: Skive\nhouse_type:\n"
    "ownership:\n---\n"
)


def forks() -> bool:
    """Whether check shares the work here (not beside a test server's threads, say)."""
    return processes_for(len(GOOD) + len(BAD), SHARED) > 1


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths this process parses from now on (not those a forked child parses)."""
    parsed: list[str] = []
    original = loader.read_front_matter
    monkeypatch.setattr(
        loader, "read_front_matter", lambda path, text: parsed.append(path) or original(path, text)
    )
    return parsed


def problems_of(root: Path, per_process: int, cache: Verdicts | None = None) -> tuple[Problem, ...]:
    with pytest.raises(ContentError) as raised:
        check_content(root, Layout(), DAY, cache, per_process)
    return raised.value.problems


def test_shared_check_reports_what_loading_alone_reports(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.write({**GOOD, **BAD})
    with pytest.raises(ContentError) as loading:
        load_content(site.root, Layout(), DAY)
    assert {problem.path for problem in loading.value.problems} == set(BAD)
    assert problems_of(site.root, ALONE) == loading.value.problems
    parsed = count_parses(monkeypatch)
    assert problems_of(site.root, SHARED) == loading.value.problems
    cases = len(GOOD) + len(BAD) - 2  # one case is not UTF-8, and there is a guide
    assert len(parsed) < cases if forks() else len(parsed) == cases + 1


def test_shared_check_counts_what_loading_loads(site: SiteProject) -> None:
    site.write({**GOOD, "docs/kulturhuse/huse/hus.md": HOUSE})
    content = load_content(site.root, Layout(), DAY)
    for per_process in (ALONE, SHARED):
        checked = check_content(site.root, Layout(), DAY, None, per_process)
        assert checked.cases == len(content.collection.cases) == len(GOOD)
        assert checked.guides == tuple(
            (f"docs/{g.src_uri}", g.meta.updated) for g in content.guides
        )
        assert checked.houses == len(content.houses)


def test_what_forked_processes_parsed_is_cached_for_the_next_check(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.write({**GOOD, **BAD})
    cache_file = site.root / "verdicts.json"
    cache = Verdicts()
    first = problems_of(site.root, SHARED, cache)
    assert len(cache.used) == len(GOOD) + len(BAD) - 1, "every file read but the latin-1 one"
    save_verdicts(cache, cache_file, site.root)
    parsed = count_parses(monkeypatch)
    warm, notice = load_verdicts(cache_file, site.root)
    assert notice is None
    assert problems_of(site.root, SHARED, warm) == first
    assert parsed == []
    site.write({"cases/titel.md": case_text(title="Nu med titel")})
    assert len(problems_of(site.root, SHARED, warm)) == len(first) - 1
    assert parsed == ["cases/titel.md"], "a warm cache: one process, only the changed file"
