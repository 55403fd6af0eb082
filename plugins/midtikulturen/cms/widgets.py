"""Decap CMS widgets for front-matter fields, read from the fields' JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel import Locale
from pydantic import TypeAdapter

from ..content.fields import Clock, CountryCode, IsoDate, Moment, Month, Url
from ..content.schema import Slug
from .labels import LABELS, NESTED_LABELS, SINGULAR

Node = dict[str, Any]
DATE_FORMAT = "YYYY-MM-DD"
MULTIPLE_HINT = "Vælg en eller flere."
IMAGE_HINT = "Skriv også en billedtekst i feltet Billedtekst: den kræves, når der er et billede."


class UnknownFieldType(ValueError):
    """A schema field that no widget fits: teach `widget` the new kind."""


@dataclass(frozen=True)
class Field:
    """One front-matter field as the CMS shows it, and how an empty value is saved."""

    widget: dict[str, Any]
    keep: str
    """`required`, `optional` (an empty value is left out) or `nullable` (written empty)."""
    fields: tuple[Field, ...] = ()

    @property
    def name(self) -> str:
        """The field's key in the front matter."""
        return str(self.widget["name"])

    def rule(self) -> dict[str, Any]:
        """What the admin script needs to save this field: its name, keep and subfields."""
        rule: dict[str, Any] = {"name": self.name, "keep": self.keep}
        if self.fields:
            rule["fields"] = [field.rule() for field in self.fields]
        return rule


@lru_cache(maxsize=1)
def _patterns() -> dict[str, str]:
    """The regular expression of each string kind, as the schemas' JSON Schema writes it."""
    kinds = {
        "date": IsoDate,
        "month": Month,
        "url": Url,
        "country": CountryCode,
        "clock": Clock,
        "moment": Moment,
        "slug": Slug,
    }
    return {
        kind: TypeAdapter(kind_type).json_schema()["pattern"] for kind, kind_type in kinds.items()
    }


_HINTS = {
    pattern: hint
    for pattern, hint in (
        (TypeAdapter(Clock).json_schema()["pattern"], "Skriv TT:MM:SS eller MM:SS, fx 00:32:10"),
        (
            TypeAdapter(Moment).json_schema()["pattern"],
            "Skriv ÅÅÅÅ-MM-DD TT:MM, fx 2021-06-03 10:00, eller kun datoen for en hel dag",
        ),
        (
            TypeAdapter(Slug).json_schema()["pattern"],
            "Skriv kulturhusets filnavn uden .md, fx station-k",
        ),
    )
}


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """Two-letter country codes with their Danish names, by name."""
    names = {
        code: name
        for code, name in Locale("da").territories.items()
        if code.isalpha() and len(code) == 2
    }
    return tuple(sorted(names.items(), key=lambda item: (item[1].casefold(), item[0])))


def schema_fields(schema: Node, nested: bool = False, parent: str = "") -> tuple[Field, ...]:
    """The CMS fields of an object's JSON Schema (a field called parent's), in its order."""
    defs = schema.get("$defs", {})
    required = set(schema.get("required", ()))
    return tuple(
        field(name, node, name in required, defs, nested, parent)
        for name, node in schema["properties"].items()
    )


def field(
    name: str,
    node: Node,
    required: bool,
    defs: dict[str, Node],
    nested: bool = False,
    parent: str = "",
) -> Field:
    """The CMS field for one property of a JSON Schema (inside parent's object or items)."""
    label = (
        (NESTED_LABELS.get(f"{parent}.{name}") or NESTED_LABELS[name]) if nested else (LABELS[name])
    )
    inner, nullable = _unwrap(node, defs)
    hints = [node.get("description") or inner.get("description") or ""]
    keep = "required" if required and not nullable else "nullable" if required else "optional"
    widget: dict[str, Any] = {"name": name, "label": label, "required": keep == "required"}
    subfields: tuple[Field, ...] = ()
    options = _options(inner, defs)
    if options is not None:
        values, multiple = options
        widget |= {"widget": "select", "options": values, "multiple": multiple}
        if multiple:
            hints.append(MULTIPLE_HINT)
    elif inner.get("type") == "array" and _resolve(inner["items"], defs).get("type") != "object":
        one = {
            "name": SINGULAR[name],
            "label": LABELS[name],
            "required": True,
            **_scalar(name, _resolve(inner["items"], defs), nested=True),
        }
        widget |= {
            "widget": "list",
            "field": one,
            "collapsed": False,
            "label_singular": SINGULAR[name],
        }
    elif inner.get("type") == "array":
        subfields = schema_fields(
            _resolve(inner["items"], defs) | {"$defs": defs}, nested=True, parent=name
        )
        first = subfields[0].name
        widget |= {
            "widget": "list",
            "fields": [f.widget for f in subfields],
            "summary": f"{{{{fields.{first}}}}}",
            "collapsed": False,
            "label_singular": SINGULAR[name],
        }
    elif inner.get("type") == "object":
        subfields = schema_fields(inner | {"$defs": defs}, nested=True, parent=name)
        # Decap checks an optional object's required fields even when it is left empty.
        widget |= {
            "widget": "object",
            "collapsed": False,
            "fields": [
                f.widget if keep == "required" else f.widget | {"required": False}
                for f in subfields
            ],
        }
    else:
        widget |= _scalar(name, inner, nested)
        if widget["widget"] == "image":
            hints.append(IMAGE_HINT)
    widget["hint"] = sentences(hints)
    return Field(widget, keep, subfields)


def sentences(parts: list[str]) -> str:
    """Hint texts joined as sentences: each ends with a full stop unless it has one."""
    return " ".join(
        part if part.endswith((".", "?", "!")) else f"{part}."
        for part in (p.strip() for p in parts)
        if part
    )


def _scalar(name: str, node: Node, nested: bool) -> dict[str, Any]:
    """The widget options of a string, number or true/false field."""
    kind = node.get("type")
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        limits = {
            key: node[source]
            for key, source in (("min", "minimum"), ("max", "maximum"))
            if source in node
        }
        return {"widget": "number", "value_type": "int" if kind == "integer" else "float", **limits}
    if kind != "string":
        raise UnknownFieldType(f"no CMS widget for `{name}`: {node}")
    pattern = node.get("pattern")
    patterns = _patterns()
    if pattern == patterns["date"]:
        return {
            "widget": "datetime",
            "date_format": DATE_FORMAT,
            "time_format": False,
            "picker_utc": False,
        }
    if pattern == patterns["month"]:
        return {"widget": "string", "pattern": [pattern, "Skriv måneden som ÅÅÅÅ-MM, fx 2020-10"]}
    if pattern == patterns["url"]:
        return {
            "widget": "string",
            "pattern": [pattern, "Skriv hele adressen med https://, fx https://slks.dk/"],
        }
    if pattern in _HINTS:
        return {"widget": "string", "pattern": [pattern, _HINTS[pattern]]}
    if pattern is not None:
        raise UnknownFieldType(f"no CMS widget for `{name}` with the pattern {pattern}")
    if name == "image" and not nested:
        return {"widget": "image", "choose_url": False}
    if "maxLength" in node:
        limit = node["maxLength"]
        return {"widget": "text", "pattern": [f"^[\\s\\S]{{1,{limit}}}$", f"Højst {limit} tegn"]}
    return {"widget": "string"}


def _options(node: Node, defs: dict[str, Node]) -> tuple[list[Any], bool] | None:
    """A select's options and whether several may be chosen, if the field is a select."""
    if "enum" in node:
        return list(node["enum"]), False
    if "anyOf" in node:  # one name or a list of names: the CMS always writes a list
        for choice in node["anyOf"]:
            if choice.get("type") == "array":
                return _options(choice, defs)
    if node.get("type") == "array":
        items = _resolve(node["items"], defs)
        if "enum" in items:
            return list(items["enum"]), True
        if items.get("pattern") == _patterns()["country"]:
            return [
                {"label": f"{name} ({code})", "value": code} for code, name in countries()
            ], True
    return None


def _unwrap(node: Node, defs: dict[str, Node]) -> tuple[Node, bool]:
    """The node without `| None`, resolved, and whether None was allowed."""
    choices = node.get("anyOf")
    if choices and {"type": "null"} in choices:
        rest = [choice for choice in choices if choice != {"type": "null"}]
        if len(rest) == 1:
            return _resolve(rest[0], defs), True
        return {"anyOf": rest}, True
    return _resolve(node, defs), False


def _resolve(node: Node, defs: dict[str, Node]) -> Node:
    """node, or the definition its `$ref` names."""
    ref = node.get("$ref")
    return defs[ref.rsplit("/", 1)[1]] if ref else node
