"""The controlled vocabularies that editors extend in one YAML file."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
)

from .characters import printable
from .messages import explain
from .problems import ContentError, Problem
from .terms import Taxonomy, Term
from .yamldoc import YamlSyntaxError, parse_yaml

Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(printable)
]


class _Municipality(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Name
    code: Annotated[str, StringConstraints(pattern=r"^\d{4}$")]


class _VocabularyFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    municipalities: tuple[_Municipality, ...]
    themes: tuple[Name, ...] = ()
    programmes: tuple[Name, ...] = ()
    support: tuple[Name, ...] = ()
    house_types: tuple[Name, ...] = ()
    ownership: tuple[Name, ...] = ()
    facilities: tuple[Name, ...] = ()
    activities: tuple[Name, ...] = ()
    series: tuple[Name, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """Every allowed term, by taxonomy, in the order of the vocabulary file."""

    terms: dict[Taxonomy, tuple[Term, ...]]

    def lookup(self, taxonomy: Taxonomy, name: str) -> Term | None:
        """The term called exactly name, if the vocabulary has it."""
        return next((t for t in self.terms[taxonomy] if t.name == name), None)

    def closest(self, taxonomy: Taxonomy, name: str, limit: int = 3) -> list[str]:
        """Allowed names that look like name, best first, for 'did you mean' messages."""
        names = [t.name for t in self.terms[taxonomy]]
        folded = {n.casefold().replace("&", "og"): n for n in names}
        exact = folded.get(name.casefold().replace("&", "og"))
        close = difflib.get_close_matches(name.casefold(), list(folded), n=limit, cutoff=0.6)
        found = ([exact] if exact else []) + [folded[c] for c in close]
        return list(dict.fromkeys(found))[:limit]


def parse_vocabulary(path: str, text: str) -> Vocabulary:
    """The vocabulary in text; raise ContentError listing every problem in it."""
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as error:
        raise ContentError([Problem(path, error.line, error.message)]) from None
    try:
        parsed = _VocabularyFile.model_validate(doc.data)
    except ValidationError as error:
        raise ContentError(
            Problem(path, doc.line_of(tuple(e["loc"])), explain(e, _VocabularyFile))
            for e in error.errors(include_url=False)
        ) from None
    terms: dict[Taxonomy, tuple[Term, ...]] = {
        Taxonomy.MUNICIPALITIES: tuple(
            Term(Taxonomy.MUNICIPALITIES, m.name, m.code) for m in parsed.municipalities
        )
    }
    for taxonomy in Taxonomy:
        if taxonomy is not Taxonomy.MUNICIPALITIES:
            terms[taxonomy] = tuple(Term(taxonomy, n) for n in getattr(parsed, taxonomy.value))
    problems = [
        Problem(path, doc.line_of((taxonomy.value, index)), message)
        for taxonomy, values in terms.items()
        for index, message in _slug_problems(values)
    ]
    if problems:
        raise ContentError(problems)
    return Vocabulary(terms)


def load_vocabulary(path: Path, display_path: str) -> Vocabulary:
    """The vocabulary file at path; problems are reported under display_path."""
    if not path.is_file():
        raise ContentError(
            [
                Problem(
                    display_path,
                    1,
                    "filen med de tilladte værdier findes "
                    "ikke — læg vocabularies.yml i projektets rod, eller ret "
                    "stien under `vocabulary:` i mkdocs.yml",
                )
            ]
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ContentError(
            [
                Problem(
                    display_path,
                    raw[: error.start].count(b"\n") + 1,
                    "filen er ikke gemt som UTF-8 — gem den igen med tegnsættet UTF-8 i din editor",
                )
            ]
        ) from None
    return parse_vocabulary(display_path, text)


def _slug_problems(values: tuple[Term, ...]) -> list[tuple[int, str]]:
    seen: dict[str, Term] = {}
    clashes = []
    for index, term in enumerate(values):
        if not term.slug:
            clashes.append(
                (
                    index,
                    f"'{term.name}' giver en tom webadresse — navnet skal "
                    "indeholde bogstaver (a-z, æ, ø, å) eller tal",
                )
            )
            continue
        other = seen.setdefault(term.slug, term)
        if other is not term:
            clashes.append(
                (
                    index,
                    f"'{term.name}' og '{other.name}' får samme URL "
                    f"(/{term.slug}/) — fjern den ene eller omdøb den",
                )
            )
    return clashes
