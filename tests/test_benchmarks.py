"""The benchmarks still run against the code as it is: their corpus passes `check` and builds,
and `benchmarks/run.py` measures every configuration at a tiny size."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.sitebuilder import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import make_corpus, write_full_site  # noqa: E402
from midtikulturen.content.slugs import is_slug  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def test_the_corpus_passes_check_with_the_projects_own_slugs(tmp_path: Path) -> None:
    corpus = make_corpus(30, seed=3, today=dt.date(2026, 11, 1))
    assert len(corpus.cases) == 30 and len(corpus.guides) == 5 and len(corpus.houses) == 5
    slugs = [item.slug for item in corpus.cases + corpus.guides + corpus.houses]
    assert len(set(slugs)) == len(slugs) and all(is_slug(slug) for slug in slugs)
    config = write_full_site(corpus, tmp_path / "full")
    result = subprocess.run(
        [sys.executable, "-m", "midtikulturen", "--config", str(config), "check"],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_run_measures_every_configuration(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks/run.py"), "--sizes", "10", "--repeats", "1"]
        + ["--json", str(figures)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    measured = json.loads(figures.read_text(encoding="utf-8"))["10"]
    assert {"full", "baseline", "check"} <= set(measured)
    assert measured["full"]["html_pages"] > measured["baseline"]["html_pages"] > 10
    assert measured["full"]["index_bytes"] > 0 and measured["baseline"]["index_bytes"] > 0
    assert all(run["seconds"] > 0 for m in measured.values() for run in m["runs"])
    assert "full/baseline time" in result.stdout and "under 1 s at N=4000" in result.stdout
