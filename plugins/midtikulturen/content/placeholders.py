"""The example texts `midtikulturen new` writes, which must not be published as they are."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .messages import field_path
from .problems import Problem
from .yamldoc import Loc, YamlDocument

# Every text the scaffold (scaffold.py) writes for an editor to replace; a test keeps them in step.
FIELDS = frozenset(
    {
        "Skriv 1-2 sætninger om casen.",
        "Skriv organisationen",
        "Skriv 1-2 sætninger om, hvem guiden er til.",
        "Skriv 1-2 sætninger om huset.",
        "Skriv byen",
        "Kildens titel",
        "Navn Navnesen",
        "Beskriv billedet for skærmlæsere",
        "Skriv 1-2 sætninger om afsnittet.",
        "Skriv 1-2 sætninger om arrangementet.",
        "Skriv stedet",
        "Skriv arrangøren",
    }
)
BODIES = (
    "Skriv historien her.",
    "Skriv guiden her.",
    "Skriv om huset her",
    "Skriv om afsnittet her.",
    "Skriv udskriften af hele afsnittet her",
    "Skriv om arrangementet her",
)
_BODY_START = "Skriv "  # what every text of BODIES starts with


def placeholder_problems(path: str, doc: YamlDocument, body: str, body_line: int) -> list[Problem]:
    """A problem for each example text left in a file that is no longer a draft."""
    problems = [
        Problem(
            path,
            doc.line_of(loc),
            f"`{field_path(loc)}` er stadig eksempelteksten "
            f"'{value}' fra `midtikulturen new` — skriv den rigtige tekst, eller "
            "sæt `draft: true`, indtil teksten er klar",
        )
        for loc, value in _strings(doc.data, ())
        if value.strip() in FIELDS
    ]
    lines = body.split("\n") if _BODY_START in body else []
    for index, line in enumerate(lines):
        if line.strip().startswith(BODIES):
            problems.append(
                Problem(
                    path,
                    body_line + index,
                    "teksten er stadig eksemplet fra "
                    "`midtikulturen new` — skriv selve teksten, eller sæt "
                    "`draft: true`, indtil den er klar",
                )
            )
    return problems


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))
