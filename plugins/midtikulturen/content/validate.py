"""Validate front matter against a schema and report every problem with its line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .frontmatter import FrontMatter
from .messages import explain, field_path
from .problems import Problem
from .schema import Found
from .vocabulary import Vocabulary
from .yamldoc import YamlDocument

M = TypeVar("M", bound=BaseModel)
Rules = Callable[[M], Found]


def validate_meta(
    path: str,
    front: FrontMatter,
    schema: type[M],
    vocabulary: Vocabulary,
    rules: Rules[M] | None = None,
) -> tuple[M | None, list[Problem]]:
    """The metadata (None if it does not fit the schema) and every problem found in it."""
    doc = front.doc
    problems = [
        Problem(path, second, f"feltet `{key}` står to gange (også linje {first}) — slet det ene")
        for key, first, second in doc.duplicates
    ]
    try:
        meta = schema.model_validate(doc.data, context={"vocabulary": vocabulary})
    except ValidationError as error:
        errors = error.errors(include_url=False)
        for e in errors:
            e["loc"] = _as_written(tuple(e["loc"]), doc)
        return None, problems + [
            Problem(path, doc.line_of(e["loc"]), explain(e, schema)) for e in errors
        ]
    problems += [
        Problem(path, doc.line_of(loc), f"`{field_path(loc)}`: {message}")
        for loc, message in (rules(meta) if rules else [])
    ]
    return meta, problems


def _as_written(loc: tuple[str | int, ...], doc: YamlDocument) -> tuple[str | int, ...]:
    """loc without the list index pydantic adds where the editor wrote a single value."""
    if loc and isinstance(loc[-1], int) and loc not in doc.lines and loc[:-1] in doc.lines:
        return loc[:-1]
    return loc
