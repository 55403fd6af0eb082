"""JSON Schemas for editors' tools: generated from the schemas, current, and true to content."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from midtikulturen.cli import main
from midtikulturen.content.frontmatter import normalise_text, read_front_matter
from midtikulturen.content.jsonschema import SCHEMAS
from tests.sitebuilder import REPO

FOLDERS = {"case": "cases", "guide": "docs/guides", "kulturhus": "docs/kulturhuse/huse"}


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def front_matter(path: Path) -> dict[str, object]:
    front = read_front_matter(str(path), normalise_text(path.read_bytes()))
    assert not isinstance(front, Exception) and hasattr(front, "doc"), front
    data: dict[str, object] = front.doc.data
    return data


def test_committed_schemas_are_what_the_code_generates(tmp_path: Path) -> None:
    assert main(["--config", str(REPO / "mkdocs.yml"), "schema", "--out", str(tmp_path)],
                io.StringIO()) == 0
    for kind in SCHEMAS:
        fresh = (tmp_path / f"{kind}.schema.json").read_text(encoding="utf-8")
        committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert fresh == committed, f"run `midtikulturen schema`: schemas/{kind}.schema.json is stale"


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_every_example_file_fits_its_schema(kind: str) -> None:
    files = [p for p in sorted((REPO / FOLDERS[kind]).glob("*.md")) if p.name != "index.md"]
    assert files
    check = validator(kind)
    for path in files:
        errors = [e.message for e in check.iter_errors(front_matter(path))]
        assert errors == [], f"{path.name}: {errors}"


def test_schema_rejects_a_typo_an_unknown_term_and_a_bad_date() -> None:
    check = validator("case")
    data = front_matter(REPO / "cases" / "global-roots.md")
    assert not list(check.iter_errors(data))
    for change in ({"municipallity": "Viborg"}, {"municipality": "Vibrog"},
                   {"date": "1. marts 2021"}, {"themes": ["Børn & unge"]}):
        assert list(check.iter_errors({**data, **change})), change
    described = json.loads((REPO / "schemas/case.schema.json").read_text(encoding="utf-8"))
    assert described["properties"]["municipality"]["description"] == (
        "Kommune(r) fra vocabularies.yml")
