"""JSON Schemas of the front matter, generated from the same declarations that validate it."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .fields import VOCABULARY_KEY
from .schema import CaseMeta, GuideMeta, HouseMeta
from .terms import Taxonomy
from .vocabulary import Vocabulary

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "case": (CaseMeta, "Case (cases/*.md)"),
    "guide": (GuideMeta, "Guide (docs/guides/*.md)"),
    "kulturhus": (HouseMeta, "Kulturhus (docs/kulturhuse/huse/*.md)"),
}


def front_matter_schema(model: type[BaseModel], title: str,
                        vocabulary: Vocabulary) -> dict[str, Any]:
    """The JSON Schema of model's front matter, vocabulary fields listing their allowed names."""
    schema = model.model_json_schema(mode="validation")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition.pop("description", None)  # the models' docstrings, written for developers
    for name, field in model.model_fields.items():
        schema["properties"][name].setdefault("description", field.description)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Midt i Kulturen: {title}"
    return _fill(schema, vocabulary)


def schema_text(kind: str, vocabulary: Vocabulary) -> str:
    """The schema of kind as the file editors' tools read, ending with a newline."""
    model, title = SCHEMAS[kind]
    return json.dumps(front_matter_schema(model, title, vocabulary), ensure_ascii=False,
                      indent=2, sort_keys=True) + "\n"


def _fill(node: Any, vocabulary: Vocabulary) -> Any:
    if isinstance(node, dict):
        if VOCABULARY_KEY in node:
            taxonomy = Taxonomy(node.pop(VOCABULARY_KEY))
            node["enum"] = [t.name for t in vocabulary.terms[taxonomy]]
        return {key: _fill(value, vocabulary) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(item, vocabulary) for item in node]
    return node


def field_rows(kind: str) -> list[tuple[str, bool, str]]:
    """The fields of kind as (name, required, Danish description), in declaration order."""
    model, _ = SCHEMAS[kind]
    return [(name, field.is_required(), field.description or "")
            for name, field in model.model_fields.items()]
