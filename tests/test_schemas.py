"""JSON Schemas for editors' tools: published by the build, true to the content, and the same
as the copies `midtikulturen check` keeps in the git-ignored schemas/ folder.

These tests read the project they belong to (REPO), so a copy of the repository runs them on
its own content (tests/test_vocabulary_loop.py does).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from mkdocs.commands.build import build
from mkdocs.config import load_config

from midtikulturen.cli import main
from midtikulturen.content.frontmatter import normalise_text, read_front_matter
from midtikulturen.content.jsonschema import SCHEMAS, schema_file_names
from midtikulturen.content.yamldoc import parse_yaml
from tests.sitebuilder import REPO

FOLDERS = {"case": "cases", "guide": "docs/guides", "kulturhus": "docs/kulturhuse/huse"}
COPY_IGNORES = shutil.ignore_patterns(
    "site", ".git", "*.egg-info", "__pycache__", ".cache", ".pytest_cache", "schemas"
)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The schemas folder of the project's site, built strictly from a copy of the project."""
    tmp = tmp_path_factory.mktemp("published")
    project = tmp / "project"
    shutil.copytree(REPO, project, ignore=COPY_IGNORES)
    build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(tmp / "out")))
    return tmp / "out" / "schemas"


def schema(folder: Path, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (folder / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


def validator(folder: Path, kind: str) -> Draft202012Validator:
    described = schema(folder, kind)
    Draft202012Validator.check_schema(described)
    return Draft202012Validator(described)


def front_matter(path: Path) -> dict[str, object]:
    front = read_front_matter(str(path), normalise_text(path.read_bytes()))
    assert not isinstance(front, Exception) and hasattr(front, "doc"), front
    data: dict[str, object] = front.doc.data
    return data


def test_the_build_publishes_every_schema(published: Path) -> None:
    assert sorted(p.name for p in published.iterdir()) == sorted(schema_file_names())
    assert set(schema_file_names()) >= {f"{kind}.schema.json" for kind in SCHEMAS}


def test_published_schemas_are_what_midtikulturen_schema_writes(
    published: Path, tmp_path: Path
) -> None:
    out = io.StringIO()
    assert (
        main(["--config", str(REPO / "mkdocs.yml"), "schema", "--out", str(tmp_path)], out) == 0
    ), out.getvalue()
    for name in schema_file_names():
        assert (tmp_path / name).read_text(encoding="utf-8") == (published / name).read_text(
            encoding="utf-8"
        ), name


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_every_content_file_fits_its_schema(published: Path, kind: str) -> None:
    files = [p for p in sorted((REPO / FOLDERS[kind]).glob("*.md")) if p.name != "index.md"]
    assert files
    check = validator(published, kind)
    for path in files:
        errors = [e.message for e in check.iter_errors(front_matter(path))]
        assert errors == [], f"{path.name}: {errors}"


def test_schema_rejects_a_typo_an_unknown_term_and_a_bad_date(published: Path) -> None:
    check = validator(published, "case")
    data = front_matter(REPO / "cases" / "global-roots.md")
    assert not list(check.iter_errors(data))
    for change in (
        {"municipallity": "Viborg"},
        {"municipality": "Vibrog"},
        {"date": "1. marts 2021"},
        {"themes": ["Børn & unge"]},
    ):
        assert list(check.iter_errors({**data, **change})), change
    assert schema(published, "case")["properties"]["municipality"]["description"] == (
        "Kommune(r) fra vocabularies.yml"
    )


def test_vocabulary_schema_fits_the_vocabulary_and_catches_what_check_catches(
    published: Path,
) -> None:
    """VS Code's YAML extension reads draft 7: the schema must say so and need nothing newer."""
    described = schema(published, "vocabularies")
    assert described["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(described)
    Draft7Validator.check_schema(described)
    check = Draft7Validator(described)
    data = parse_yaml((REPO / "vocabularies.yml").read_text(encoding="utf-8")).data
    assert [e.message for e in check.iter_errors(data)] == []
    morsoe = {"name": "Morsø", "code": "0773"}
    assert not list(check.iter_errors({**data, "municipalities": [morsoe]}))
    for broken in (
        {**data, "temaer": ["Musik"]},  # a misspelt list
        {**data, "municipalities": [{"name": "Morsø", "code": 773}]},  # unquoted code
        {**data, "municipalities": [{"name": "Morsø"}]},
        {**data, "municipalities": ["Morsø"]},
        {**data, "themes": [""]},
    ):
        assert list(check.iter_errors(broken)), broken
    properties = described["properties"]
    assert all(field["description"] for field in properties.values()), properties
    municipality = properties["municipalities"]["items"]["properties"]
    assert all(field["description"] for field in municipality.values()), municipality
