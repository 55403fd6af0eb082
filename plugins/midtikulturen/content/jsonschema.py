"""JSON Schemas of the front matter and of vocabularies.yml, generated from the same
declarations that validate them."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .fields import VOCABULARY_KEY
from .schema import CaseMeta, EpisodeMeta, EventMeta, GuideMeta, HouseMeta
from .terms import Taxonomy
from .vocabulary import Vocabulary, _VocabularyFile

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
VOCABULARY_SCHEMA = "vocabularies"

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "case": (CaseMeta, "Case (cases/*.md)"),
    "guide": (GuideMeta, "Guide (docs/guides/*.md)"),
    "kulturhus": (HouseMeta, "Kulturhus (docs/kulturhuse/huse/*.md)"),
    "episode": (EpisodeMeta, "Podcastafsnit (docs/podcast/*.md)"),
    "arrangement": (EventMeta, "Arrangement (docs/arrangementer/*.md)"),
}


def front_matter_schema(
    model: type[BaseModel], title: str, vocabulary: Vocabulary
) -> dict[str, Any]:
    """The JSON Schema of model's front matter, vocabulary fields listing their allowed names."""
    schema = model.model_json_schema(mode="validation")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition.pop("description", None)  # the models' docstrings, written for developers
    for name, field in model.model_fields.items():
        schema["properties"][name].setdefault("description", field.description)
    schema["$schema"] = DRAFT_2020_12
    schema["title"] = f"Midt i Kulturen: {title}"
    return _fill(schema, vocabulary)


def schema_text(kind: str, vocabulary: Vocabulary) -> str:
    """The schema of kind as the file editors' tools read, ending with a newline."""
    model, title = SCHEMAS[kind]
    return _dumps(front_matter_schema(model, title, vocabulary))


def _fill(node: Any, vocabulary: Vocabulary) -> Any:
    if isinstance(node, dict):
        if VOCABULARY_KEY in node:
            taxonomy = Taxonomy(node.pop(VOCABULARY_KEY))
            node["enum"] = [t.name for t in vocabulary.terms[taxonomy]]
        return {key: _fill(value, vocabulary) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(item, vocabulary) for item in node]
    return node


def schema_files(vocabulary: Vocabulary) -> dict[str, str]:
    """Every schema as file name → text: one per content type and one for vocabularies.yml."""
    files = {f"{kind}.schema.json": schema_text(kind, vocabulary) for kind in SCHEMAS}
    files[f"{VOCABULARY_SCHEMA}.schema.json"] = _dumps(vocabulary_schema())
    return files


def schema_file_names() -> list[str]:
    """The names of the files schema_files makes, without making them."""
    return [f"{name}.schema.json" for name in (*SCHEMAS, VOCABULARY_SCHEMA)]


_VOCABULARY_FIELDS = {
    "municipalities": "Kommuner med deres firecifrede kommunekode i anførselstegn, "
    'fx `- {name: Morsø, code: "0773"}`',
    "themes": "Temaer (feltet themes i cases og guides)",
    "programmes": "EU- og nordiske programmer (programmes i cases, programme i guides)",
    "support": "Regionale tilbud, der har hjulpet et projekt (support)",
    "house_types": "Hustyper i kulturhusundersøgelsen (house_type)",
    "ownership": "Ejerformer i kulturhusundersøgelsen (ownership)",
    "facilities": "Faciliteter i kulturhusene (facilities)",
    "activities": "Aktiviteter i kulturhusene (activities)",
    "series": "Podcastserier (series i podcastafsnit)",
}
_MUNICIPALITY_FIELDS = {
    "name": "Kommunens navn, som læserne ser det",
    "code": 'Kommunekoden med fire cifre i anførselstegn, fx "0773"',
}


def vocabulary_schema() -> dict[str, Any]:
    """The JSON Schema of vocabularies.yml, in draft 7: what VS Code's YAML extension reads.

    Definitions are written in place, as that draft has no `$defs`.
    """
    schema: dict[str, Any] = _inline(_VocabularyFile.model_json_schema(mode="validation"))
    schema.pop("$defs", None)
    schema["$schema"] = DRAFT_07
    schema["title"] = "Midt i Kulturen: vocabularies.yml"
    schema["description"] = (
        "De tilladte værdier for sitets kommuner, temaer, programmer, støtteordninger og kulturhuse"
    )
    for name, field in schema["properties"].items():
        field.pop("title", None)
        field["description"] = _VOCABULARY_FIELDS.get(name, "")
    municipality = schema["properties"]["municipalities"]["items"]
    municipality["title"] = "Kommune"
    for name, field in municipality["properties"].items():
        field.pop("title", None)
        field["description"] = _MUNICIPALITY_FIELDS.get(name, "")
    municipality["defaultSnippets"] = [
        {"label": "Ny kommune", "body": {"name": "$1", "code": "$2"}}
    ]
    return schema


def _inline(node: Any, definitions: dict[str, Any] | None = None) -> Any:
    """node with every local `$ref` replaced by the definition it points to."""
    if definitions is None and isinstance(node, dict):
        definitions = node.get("$defs", {})
    if isinstance(node, dict):
        if set(node) == {"$ref"} and definitions is not None:
            return _inline(definitions[node["$ref"].removeprefix("#/$defs/")], definitions)
        return {key: _inline(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def _dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def field_rows(kind: str) -> list[tuple[str, bool, str]]:
    """The fields of kind as (name, required, Danish description), in declaration order."""
    model, _ = SCHEMAS[kind]
    return [
        (name, field.is_required(), field.description or "")
        for name, field in model.model_fields.items()
    ]
