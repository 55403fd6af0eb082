"""Danish messages for schema errors, each saying what is wrong and how to fix it."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails


def field_path(loc: tuple[str | int, ...]) -> str:
    """A field path as editors count: `contributors.1.name` for the first contributor."""
    return ".".join(str(p + 1) if isinstance(p, int) else p for p in loc)


def explain(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One Danish sentence for a pydantic error: what is wrong — how to fix it."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    loc = tuple(error["loc"])
    name = field_path(loc)
    if kind == "missing":
        return f"feltet `{name}` mangler — tilføj `{loc[-1]}:` med en værdi"
    if kind == "extra_forbidden":
        return f"ukendt felt `{name}` — {_closest_key(loc, model)}"
    if kind in ("string_type", "str_type"):
        return f"`{name}` skal være tekst, ikke {_kind_of(value)} — sæt værdien i anførselstegn"
    if kind == "string_too_short":
        return f"`{name}` er tom — skriv en tekst eller slet feltet"
    if kind == "string_too_long":
        return (
            f"`{name}` er {len(str(value))} tegn; højst {ctx.get('max_length')} er tilladt "
            "— forkort teksten"
        )
    if kind in ("bool_type", "bool_parsing"):
        return f"`{name}` skal være true eller false, ikke '{value}' — skriv `{loc[-1]}: true`"
    if kind in ("tuple_type", "list_type") and isinstance(value, str):
        return f"`{name}` skal være en liste — skriv `{loc[-1]}: [{value}]`"
    if kind in ("tuple_type", "list_type"):
        return f"`{name}` skal være en liste, fx `{loc[-1]}: [A, B]`, ikke {_kind_of(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        example = _EXAMPLES.get(str(loc[0]) if loc else "", "se eksemplerne i redaktørvejledningen")
        example = example.format(value=value) if "{value}" in example else example
        return (
            f"`{name}` skal være en gruppe af felter (`navn: værdi`), ikke "
            f"{_kind_of(value)} — {example}"
        )
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing"):
        return f"`{name}` skal være et tal, ikke '{value}' — skriv kun tallet, fx 2500"
    if kind == "literal_error":
        allowed = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"`{name}` kan ikke være '{value}' — skriv en af {allowed}"
    if kind == "greater_than_equal":
        return f"`{name}` skal være mindst {_number(ctx.get('ge'))}, ikke {value} — ret tallet"
    if kind == "less_than_equal":
        return f"`{name}` må højst være {_number(ctx.get('le'))}, ikke {value} — ret tallet"
    if kind == "finite_number":
        return f"`{name}` skal være et almindeligt tal, ikke {value} — skriv fx 2.5"
    prefix = f"`{name}`: " if name else ""
    message = error["msg"].removeprefix("Value error, ")
    return prefix + (message if " — " in message else f"{message} — ret værdien")


_EXAMPLES = {
    "period": "skriv fx `period: {start: 2020-10, end: 2021-06}`",
    "location": "skriv fx `location: {lat: 56.39, lon: 9.92}`",
    "funding": "skriv fx `funding: {max_amount: 200000, currency: EUR, rate: 80}`",
    "contributors": "skriv hver person som `- {name: Navn Navnesen, role: Projektleder}`",
    "sources": "skriv hver kilde som `- {title: Kildens titel, url: https://…}`",
    "deadlines": "skriv hver frist som `- {date: 2027-03-01, label: Ansøgningsfrist}`",
    "municipalities": "skriv kommunen med navn og kommunekode: `- {{name: {value}, code: "
    '"…"}}` (koden har fire cifre i anførselstegn, fx "0773" for Morsø)',
}


def _number(value: Any) -> str:
    """A bound as Danes write it: 1.000.000."""
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en gruppe af felter"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"tallet {value}"
    if value is None:
        return "en tom værdi"
    return f"'{value}'"


def _closest_key(loc: tuple[str | int, ...], model: type[BaseModel]) -> str:
    owner: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = owner.model_fields.get(part)
        owner = _model_in(field.annotation) if field else None
        if owner is None:
            break
    known = list(owner.model_fields) if owner else []
    close = difflib.get_close_matches(str(loc[-1]).lower(), known, n=1, cutoff=0.6)
    if close:
        return f"mente du `{close[0]}`?"
    return "tilladte felter er " + ", ".join(f"`{k}`" for k in known)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as `tuple[Source, ...] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) + getattr(annotation, "__metadata__", ()):
        found = _model_in(arg)
        if found:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _model_in(origin) if origin not in (None, annotation) else None
