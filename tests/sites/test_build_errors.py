"""A build with bad content stops with every problem, as `path:line: message`, and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from midtikulturen.feed.feeds import FeedWriter
from tests.sitebuilder import SiteProject, case_text


@pytest.mark.expect_errors
def test_every_problem_in_every_file_is_reported_at_once(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(
        {
            "cases/a.md": case_text(municipality="Vibrog"),
            "cases/b.md": case_text(date="last spring").replace("title:", "titel:"),
            "cases/Kulturmødet Mors.md": case_text(),
            "cases/ok.md": case_text(),
        }
    )
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert (
        "cases/a.md:6: `municipality`: 'Vibrog' er ikke en kendt kommune — mente du 'Viborg'?"
        in report
    )
    assert "cases/b.md:2: ukendt felt `titel` — mente du `title`?" in report
    assert "cases/b.md:4: `date`: 'last spring' er ikke en dato" in report
    assert "cases/Kulturmødet Mors.md:1: filnavnet" in report
    assert "'kulturmoedet-mors.md'" in report
    assert "Traceback" not in report
    assert not (site.root / "site").exists(), "a half-built site was written"


@pytest.mark.expect_errors
def test_vocabulary_problems_name_the_vocabulary_file(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    text = (site.root / "vocabularies.yml").read_text(encoding="utf-8")
    site.write(
        {
            "vocabularies.yml": text.replace(
                "  - Børn og unge\n", "  - Børn og unge\n  - Børn & unge\n"
            )
        }
    )
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert "vocabularies.yml:" in report
    assert "'Børn & unge' og 'Børn og unge' får samme URL (/boern-og-unge/)" in report


def test_command_line_build_exits_non_zero_without_traceback(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(municipality="Vibrog")})
    site.write_config()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    assert result.returncode != 0
    assert "cases/a.md:6: `municipality`: 'Vibrog' er ikke en kendt" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.expect_errors
def test_a_file_not_saved_as_utf8_is_named_with_its_line(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(
        {
            "cases/a.md": case_text(title="Kulturmødet").encode("cp1252"),
            "cases/index.md": "# Cases\n\nSkrevet i Windows: æøå\n".encode("cp1252"),
        }
    )
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert "cases/a.md:2: filen er ikke gemt som UTF-8" in report
    assert "cases/index.md:3: filen er ikke gemt som UTF-8" in report
    assert "Traceback" not in report


@pytest.mark.expect_errors
def test_a_missing_vocabulary_file_is_named_without_traceback(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    (site.root / "vocabularies.yml").unlink()
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert "vocabularies.yml:1: filen med de tilladte værdier findes ikke" in report
    assert "Traceback" not in report


@pytest.mark.expect_errors
def test_a_failure_after_pages_are_written_leaves_no_half_site(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.write({"cases/a.md": case_text()})
    (site.root / "site").mkdir()
    (site.root / "site" / "old.html").write_text("<p>last week's site</p>", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("the disk is full")

    monkeypatch.setattr(FeedWriter, "write_file", broken)
    config = load_config(str(site.write_config()))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    with pytest.raises(ValueError):
        build(config)
    assert (site.root / "site").is_dir() and not any((site.root / "site").iterdir())
