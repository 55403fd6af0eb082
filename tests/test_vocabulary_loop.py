"""Issue #16: adding a value to vocabularies.yml never breaks publishing.

A copy of the whole repository gets a new theme and a case that uses it; then what an editor
and CI run there (`midtikulturen check`, `mkdocs build --strict`, the pre-commit hook's check and
the repository's own schema tests) must all pass, with no other step in between.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuilder import REPO, case_text

THEME = "Musik og lyd"
LOCAL = {"site", "schemas", ".git", ".cache", ".pytest_cache", ".mypy_cache"}  # at the top


def not_committed(folder: str, names: list[str]) -> set[str]:
    """What a fresh clone would not have: build output, caches and the local schemas."""
    top = Path(folder) == REPO
    return {
        n for n in names if (top and n in LOCAL) or n == "__pycache__" or n.endswith(".egg-info")
    }


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """command in project, importing the copy's own code, as a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(project / "plugins"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(
        [sys.executable, *command],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def enum_of_themes(schema_file: Path) -> list[str]:
    described = json.loads(schema_file.read_text(encoding="utf-8"))
    themes: list[str] = described["properties"]["themes"]["items"]["enum"]
    return themes


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository with a new theme in vocabularies.yml and a case that uses it."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO, copy, ignore=not_committed)
    vocabulary = copy / "vocabularies.yml"
    text = vocabulary.read_text(encoding="utf-8")
    assert "\nthemes:\n" in text
    vocabulary.write_text(
        text.replace("\nthemes:\n", f"\nthemes:\n  - {THEME}\n"), encoding="utf-8"
    )
    (copy / "cases" / "koncert-i-laden.md").write_text(
        case_text(
            title="Koncert i laden",
            themes=[THEME, "Land og by"],
            municipality="Skive",
            date="2026-11-02",
        ),
        encoding="utf-8",
    )
    return copy


def test_a_new_theme_passes_check_build_hook_and_schema_tests(project: Path) -> None:
    checked = run(project, "-m", "midtikulturen", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert THEME in enum_of_themes(project / "schemas" / "case.schema.json")

    built = run(project, "-m", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert THEME in enum_of_themes(project / "site" / "schemas" / "case.schema.json")
    assert (project / "site" / "cases" / "koncert-i-laden" / "index.html").is_file()

    hooked = run(project, "tools/precommit_check.py")  # what pre-commit runs
    assert hooked.returncode == 0, hooked.stdout + hooked.stderr

    tested = run(
        project,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:randomly",
        "tests/test_schemas.py",
    )
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert " passed" in tested.stdout and "failed" not in tested.stdout
