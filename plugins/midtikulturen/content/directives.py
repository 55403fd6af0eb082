"""The `listing` block editors put in any page to list cases or terms, with its checks.

````markdown
```listing
show: cases
themes: Børn og unge
limit: 3
```
````
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field

from .fields import Strict, terms_of
from .frontmatter import FrontMatter
from .problems import Problem
from .terms import Taxonomy, Term
from .validate import validate_meta
from .vocabulary import Vocabulary
from .yamldoc import YamlSyntaxError, parse_yaml

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*listing[ \t]*\n"
    r"(?P<body>(?:.*\n)*?)(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE)

Show = Literal["cases", "guides", "deadlines", "houses", "municipalities", "themes",
               "programmes", "support", "sections"]


class ListingQuery(Strict):
    """What a listing block shows: cases matching every given term, or a list of terms."""

    show: Show
    municipality: terms_of(Taxonomy.MUNICIPALITIES, one_allowed=True) = ()  # type: ignore[valid-type]
    themes: terms_of(Taxonomy.THEMES, one_allowed=True) = ()  # type: ignore[valid-type]
    programmes: terms_of(Taxonomy.PROGRAMMES, one_allowed=True) = ()  # type: ignore[valid-type]
    support: terms_of(Taxonomy.SUPPORT, one_allowed=True) = ()  # type: ignore[valid-type]
    limit: Annotated[int, Field(ge=1)] | None = None

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term an item must carry to be listed."""
        return (*self.municipality, *self.programmes, *self.support, *self.themes)


def _rules(query: ListingQuery) -> list[tuple[tuple[str, ...], str]]:
    if query.show != "cases" and query.terms:
        return [(("show",), f"`show: {query.show}` kan ikke filtreres på kommune, tema, "
                            "program eller støtte — slet filtrene, eller skriv `show: cases`")]
    if query.show not in LIMITED and query.limit:
        return [(("limit",), f"`show: {query.show}` viser altid alle værdier — slet `limit`")]
    return []


LIMITED = ("cases", "guides", "deadlines", "houses")


@dataclass(frozen=True)
class Listing:
    """A checked listing block: where it starts in its file and what it shows."""

    line: int
    query: ListingQuery


def has_listings(text: str) -> bool:
    """Whether text may hold a listing block; a cheap test before the full scan."""
    return "listing" in text and FENCE.search(text) is not None


def read_listings(path: str, text: str,
                  vocabulary: Vocabulary) -> tuple[tuple[Listing, ...], list[Problem]]:
    """The listing blocks of a page's text (front matter included), and their problems."""
    listings: list[Listing] = []
    problems: list[Problem] = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        try:
            doc = parse_yaml(match["body"], first_line=line + 1)
        except YamlSyntaxError as error:
            problems.append(Problem(path, error.line, error.message))
            continue
        if not isinstance(doc.data, dict):
            problems.append(Problem(path, line, "en `listing`-blok skal bestå af felter som "
                                                "`show: cases` — se redaktørvejledningen"))
            continue
        query, found = validate_meta(path, FrontMatter(doc, "", line), ListingQuery,
                                     vocabulary, _rules)
        problems += found
        if query is not None and not found:
            listings.append(Listing(line, query))
    return tuple(listings), problems


def replace_listings(markdown: str, placeholder: str) -> str:
    """markdown with each listing block replaced by placeholder.format(number)."""
    numbers = iter(range(1_000_000))
    return FENCE.sub(lambda m: m["indent"] + placeholder.format(next(numbers)), markdown)

