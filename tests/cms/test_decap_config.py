"""The CMS configuration covers every schema field and every vocabulary value."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from midtikulturen.cms.decap import Backend, content_types, decap_config, save_rules
from midtikulturen.cms.widgets import countries
from midtikulturen.content.fields import VOCABULARY_KEY
from midtikulturen.content.jsonschema import SCHEMAS
from midtikulturen.content.layout import Layout
from midtikulturen.content.schema import CaseMeta
from midtikulturen.content.terms import Taxonomy
from midtikulturen.content.vocabulary import (
    Vocabulary,
    load_vocabulary,
    parse_vocabulary,
)
from tests.sitebuilder import REPO

NAMES = {
    "case": "cases",
    "guide": "guides",
    "kulturhus": "kulturhuse",
    "episode": "podcast",
    "arrangement": "arrangementer",
}


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary(REPO / "vocabularies.yml", "vocabularies.yml")


def config_for(vocabulary: Vocabulary) -> dict[str, Any]:
    return decap_config(content_types(vocabulary, Layout()), Backend(repo="owner/site"))


def collection(config: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == NAMES[kind])


def by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside a field's type (`Period | None`, `tuple[Source, ...]`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        if (found := model_of(argument)) is not None:
            return found
    return None


def schema_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field of model and of the models inside it, as dotted paths."""
    for name, field in model.model_fields.items():
        yield prefix + name
        if (inner := model_of(field.annotation)) is not None:
            yield from schema_paths(inner, f"{prefix}{name}.")


def config_paths(fields: list[dict[str, Any]], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for field in fields:
        yield prefix + field["name"], field
        yield from config_paths(field.get("fields", []), f"{prefix}{field['name']}.")


@pytest.mark.parametrize("kind", SCHEMAS)
def test_every_schema_field_has_a_widget_with_danish_label_and_hint(
    vocabulary: Vocabulary, kind: str
) -> None:
    fields = dict(config_paths(collection(config_for(vocabulary), kind)["fields"]))
    model = SCHEMAS[kind][0]
    missing = [path for path in schema_paths(model) if path not in fields]
    assert not missing, f"schema fields without a CMS widget: {missing}"
    assert set(fields) - set(schema_paths(model)) == {"body"}
    for path, field in fields.items():
        assert field.get("widget") and field["label"].strip() and field["hint"].strip(), path
        assert field["label"] != field["name"], f"{path} has no Danish label"
    assert model.model_fields["title"].description in fields["title"]["hint"]


def vocabulary_fields(model: type[BaseModel]) -> dict[str, tuple[Taxonomy, bool]]:
    """Each field of model that takes vocabulary terms: its taxonomy and whether it is a list."""
    found = {}
    for name, node in model.model_json_schema()["properties"].items():
        text = repr(node)
        if VOCABULARY_KEY in text:
            taxonomy = Taxonomy(re.search(rf"'{VOCABULARY_KEY}': '(\w+)'", text)[1])
            found[name] = (taxonomy, "'array'" in text)
    return found


@pytest.mark.parametrize("kind", SCHEMAS)
def test_vocabulary_fields_are_selects_of_exactly_the_vocabulary(
    vocabulary: Vocabulary, kind: str
) -> None:
    fields = by_name(collection(config_for(vocabulary), kind)["fields"])
    expected = vocabulary_fields(SCHEMAS[kind][0])
    assert expected, "every content type has vocabulary fields"
    for name, (taxonomy, is_list) in expected.items():
        field = fields[name]
        assert field["widget"] == "select", name
        assert field["options"] == [term.name for term in vocabulary.terms[taxonomy]], name
        assert field["multiple"] is is_list, name


def test_a_new_vocabulary_value_appears_in_the_cms() -> None:
    text = (REPO / "vocabularies.yml").read_text(encoding="utf-8")
    added = text.replace("  - Demokrati\n", "  - Demokrati\n  - Klima og grøn omstilling\n")
    assert added != text
    config = config_for(parse_vocabulary("vocabularies.yml", added))
    for kind in ("case", "guide"):
        assert (
            "Klima og grøn omstilling"
            in by_name(collection(config, kind)["fields"])["themes"]["options"]
        )


def test_dates_months_and_toggles_are_written_as_the_loader_reads_them(
    vocabulary: Vocabulary,
) -> None:
    config = config_for(vocabulary)
    case = dict(config_paths(collection(config, "case")["fields"]))
    for path in ("date", "updated"):
        assert (
            case[path].items()
            >= {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False}.items()
        ), path
        assert "format" not in case[path], "a `format` makes Decap's picker ask for a time"
    assert case["date"]["default"] == "{{now}}" and "default" not in case["updated"]
    for path in ("period.start", "period.end"):
        pattern = re.compile(case[path]["pattern"][0])
        assert pattern.fullmatch("2020-10") and not pattern.fullmatch("2020-13"), path
    assert case["draft"]["widget"] == "boolean" and case["draft"]["default"] is True
    deadline = dict(config_paths(collection(config, "guide")["fields"]))["deadlines.date"]
    assert deadline["widget"] == "datetime" and deadline["date_format"] == "YYYY-MM-DD"
    body = case["body"]
    assert body["widget"] == "markdown" and body["modes"][0] == "raw"


def test_lists_of_objects_are_list_widgets_and_the_image_goes_beside_the_cases(
    vocabulary: Vocabulary,
) -> None:
    config = config_for(vocabulary)
    for kind, name in (
        ("case", "sources"),
        ("case", "contributors"),
        ("guide", "deadlines"),
        ("kulturhus", "sources"),
    ):
        field = by_name(collection(config, kind)["fields"])[name]
        assert field["widget"] == "list" and field["fields"], (kind, name)
    cases = collection(config, "case")
    fields = by_name(cases["fields"])
    assert fields["image"]["widget"] == "image"
    assert "Billedtekst" in fields["image"]["hint"]
    assert (cases["folder"], cases["media_folder"], cases["public_folder"]) == (
        "cases",
        "images",
        "images",
    )
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"].items() >= {"name": "github", "repo": "owner/site"}.items()


def test_country_options_are_exactly_the_codes_the_schema_accepts() -> None:
    codes = [code for code, _ in countries()]
    CaseMeta.model_validate(
        {
            "title": "T",
            "description": "D",
            "date": "2021-01-01",
            "organisation": "O",
            "municipality": [],
            "partner_countries": codes,
        },
        context={"vocabulary": load_vocabulary(REPO / "vocabularies.yml", "vocabularies.yml")},
    )
    assert {"DK", "SE", "HU"} <= set(codes)


def test_house_type_and_ownership_are_written_even_when_empty(vocabulary: Vocabulary) -> None:
    rules = save_rules(content_types(vocabulary, Layout()))
    keep = {rule["name"]: rule["keep"] for rule in rules["kulturhuse"]["fields"]}
    assert keep["house_type"] == keep["ownership"] == "nullable"
    assert keep["title"] == "required" and keep["opened"] == "optional"
    assert rules["guides"]["folder"] == "docs/guides"
    assert rules["kulturhuse"]["folder"] == "docs/kulturhuse/huse"
