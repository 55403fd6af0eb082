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
from typing import Annotated, Literal, get_args

from pydantic import Field

from .fields import Strict, terms_of
from .frontmatter import FrontMatter
from .problems import Problem
from .schema import Found
from .terms import Taxonomy, Term
from .validate import validate_meta
from .vocabulary import Vocabulary
from .yamldoc import YamlSyntaxError, parse_yaml

OPENER = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")

Show = Literal[
    "cases",
    "guides",
    "deadlines",
    "houses",
    "events",
    "municipalities",
    "themes",
    "programmes",
    "support",
    "sections",
    "fields",
]


FieldsOf = Literal["case", "guide", "kulturhus", "episode", "arrangement"]
_TYPE_NAMES = ", ".join(f"`{name}`" for name in get_args(FieldsOf))


class ListingQuery(Strict):
    """What a listing block shows: cases matching every given term, or a list of terms."""

    show: Show
    municipality: terms_of(Taxonomy.MUNICIPALITIES, one_allowed=True) = ()  # type: ignore[valid-type]
    themes: terms_of(Taxonomy.THEMES, one_allowed=True) = ()  # type: ignore[valid-type]
    programmes: terms_of(Taxonomy.PROGRAMMES, one_allowed=True) = ()  # type: ignore[valid-type]
    support: terms_of(Taxonomy.SUPPORT, one_allowed=True) = ()  # type: ignore[valid-type]
    limit: Annotated[int, Field(ge=1, le=10_000)] | None = None
    type: FieldsOf | None = None

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term an item must carry to be listed."""
        return (*self.municipality, *self.programmes, *self.support, *self.themes)


def _rules(query: ListingQuery) -> Found:
    if query.show != "cases" and query.terms:
        return [
            (
                ("show",),
                f"`show: {query.show}` kan ikke filtreres på kommune, tema, "
                "program eller støtte — slet filtrene, eller skriv `show: cases`",
            )
        ]
    if (query.show == "fields") != (query.type is not None):
        return [
            (
                ("show",),
                "`show: fields` viser felterne for én type indhold — skriv både "
                f"`show: fields` og `type:` med én af {_TYPE_NAMES}",
            )
        ]
    if query.show not in LIMITED and query.limit:
        return [(("limit",), f"`show: {query.show}` viser altid alle værdier — slet `limit`")]
    return []


LIMITED = ("cases", "guides", "deadlines", "houses", "events")


@dataclass(frozen=True)
class Listing:
    """A checked listing block: where it starts in its file and what it shows."""

    line: int
    query: ListingQuery


@dataclass(frozen=True)
class Block:
    """A named block as written: its first and last line (0-based), indent and body."""

    first: int
    last: int
    indent: str
    body: str
    name: str = "listing"


def find_blocks(text: str, names: tuple[str, ...] = ("listing",)) -> list[Block]:
    """The blocks of text named in names (the fence's info string), skipping any inside other
    fenced code, such as an example of a block in the editors' guide."""
    if not any(name in text for name in names):
        return []
    lines = text.split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opener = OPENER.match(lines[index])
        if not opener:
            index += 1
            continue
        fence = opener["fence"]
        close = index + 1
        while close < len(lines) and not _closes(lines[close], fence):
            close += 1
        if opener["info"] in names and close < len(lines):
            body = "\n".join(
                line.removeprefix(opener["indent"]) for line in lines[index + 1 : close]
            )
            blocks.append(Block(index, close, opener["indent"], body + "\n", opener["info"]))
        index = close + 1
    return blocks


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and set(stripped) == {fence[0]}


def has_listings(text: str) -> bool:
    """Whether text may hold a listing block; a cheap test before the full scan."""
    return "listing" in text and bool(find_blocks(text))


def read_listings(
    path: str, text: str, vocabulary: Vocabulary
) -> tuple[tuple[Listing, ...], list[Problem]]:
    """The listing blocks of a page's text (front matter included), and their problems."""
    listings: list[Listing] = []
    problems: list[Problem] = []
    for block in find_blocks(text):
        line = block.first + 1
        try:
            doc = parse_yaml(block.body, first_line=line + 1)
        except YamlSyntaxError as error:
            problems.append(Problem(path, error.line, error.message))
            continue
        if not isinstance(doc.data, dict):
            problems.append(
                Problem(
                    path,
                    line,
                    "en `listing`-blok skal bestå af felter som "
                    "`show: cases` — se redaktørvejledningen",
                )
            )
            continue
        query, found = validate_meta(
            path, FrontMatter(doc, "", line), ListingQuery, vocabulary, _rules
        )
        problems += found
        if query is not None and not found:
            listings.append(Listing(line, query))
    return tuple(listings), problems


def replace_listings(markdown: str, placeholder: str) -> str:
    """markdown with each listing block replaced by placeholder.format(number)."""
    lines = markdown.split("\n")
    for number, block in reversed(list(enumerate(find_blocks(markdown)))):
        lines[block.first : block.last + 1] = [block.indent + placeholder.format(number)]
    return "\n".join(lines)
