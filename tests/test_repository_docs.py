"""The repository stands alone: its documents name what is there and describe what the code does."""

from __future__ import annotations

import re
import subprocess

import pytest

from midtikulturen.content.jsonschema import SCHEMAS
from midtikulturen.content.vocabulary import _VocabularyFile
from tests.sitebuilder import REPO
from tests.test_architecture import PACKAGE

SECTIONS = {
    "case": "### Case (`cases/*.md`)",
    "guide": "### Funding guide (`docs/guides/*.md`)",
    "kulturhus": "### Culture house (`docs/kulturhuse/huse/*.md`)",
    "episode": "### Podcast episode (`docs/podcast/*.md`)",
    "arrangement": "### Event (`docs/arrangementer/*.md`)",
}


def tracked() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def between(text: str, start: str, end: str = "\n#") -> str:
    begin = text.index(start) + len(start)
    stop = text.find(end, begin)
    return text[begin : stop if stop > 0 else None]


def test_no_file_points_outside_the_repository() -> None:
    """The project's first documents lived in a folder beside the repository; none may be needed."""
    beside = "../" + "shared"  # spelt apart, so that this file does not name it either
    outside = [
        path
        for path in tracked()
        if (REPO / path).is_file()
        and beside in (REPO / path).read_text(encoding="utf-8", errors="ignore")
    ]
    assert outside == []


def test_readme_layout_names_every_top_level_entry_and_module() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    layout = between(readme, "## Layout\n\n```\n", "```")
    named = {line.split()[0].rstrip("/") for line in layout.splitlines() if line.strip()}
    top = {path.split("/")[0] for path in tracked()} - {
        ".gitignore",
        "pyproject.toml",
        "README.md",
        ".pre-commit-config.yaml",
    }
    nested = {
        "/".join(path.split("/")[:2])
        for path in tracked()
        if path.startswith((".github/", "tools/"))
    }
    assert {t for t in top if t not in named and not any(n.startswith(t) for n in named)} == set()
    assert {n for n in nested if not any(name.startswith(n) for name in named)} == set()
    modules = {
        p.name
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
        or (p.is_dir() and (p / "__init__.py").exists())
        or p.name in ("templates", "assets")
    }
    assert {m for m in modules if m not in named} == set()


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_content_model_lists_every_field_of_the_code(kind: str) -> None:
    model, _ = SCHEMAS[kind]
    text = (REPO / "CONTENT-MODEL.md").read_text(encoding="utf-8")
    table = between(text, SECTIONS[kind])
    documented = re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)
    assert documented == list(model.model_fields)
    required = {name for name, field in model.model_fields.items() if field.is_required()}
    marked = set(re.findall(r"^\| `(\w+)` \| (?:yes|key yes)", table, re.MULTILINE))
    assert marked == required


def test_content_model_lists_every_vocabulary() -> None:
    text = (REPO / "CONTENT-MODEL.md").read_text(encoding="utf-8")
    table = between(text, "## Vocabularies (`vocabularies.yml`)", "\n## ")
    for key in _VocabularyFile.model_fields:
        assert f"`{key}`" in table, key
