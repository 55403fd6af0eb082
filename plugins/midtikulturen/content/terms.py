"""Taxonomy terms as small value objects with a slug."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .slugs import slugify


class Taxonomy(str, Enum):  # noqa: UP042 (str() of a member names it, as messages expect)
    """A controlled vocabulary; the value is its key in the vocabulary file."""

    MUNICIPALITIES = "municipalities"
    THEMES = "themes"
    PROGRAMMES = "programmes"
    SUPPORT = "support"
    HOUSE_TYPES = "house_types"
    OWNERSHIP = "ownership"
    FACILITIES = "facilities"
    ACTIVITIES = "activities"
    SERIES = "series"

    @property
    def noun(self) -> str:
        """The Danish word for one value of this vocabulary, for messages."""
        return _NOUNS[self][1]

    @property
    def article(self) -> str:
        """The noun's indefinite article: `en` kommune, `et` tema."""
        return _NOUNS[self][0]


_NOUNS = {
    Taxonomy.MUNICIPALITIES: ("en", "kommune"),
    Taxonomy.THEMES: ("et", "tema"),
    Taxonomy.PROGRAMMES: ("et", "program"),
    Taxonomy.SUPPORT: ("en", "regional støtteordning"),
    Taxonomy.HOUSE_TYPES: ("en", "hustype"),
    Taxonomy.OWNERSHIP: ("en", "ejerform"),
    Taxonomy.FACILITIES: ("en", "facilitet"),
    Taxonomy.ACTIVITIES: ("en", "aktivitet"),
    Taxonomy.SERIES: ("en", "podcastserie"),
}


@dataclass(frozen=True, order=True)
class Term:
    """One value of a vocabulary, such as the municipality Ringkøbing-Skjern."""

    taxonomy: Taxonomy
    name: str
    code: str | None = None

    @property
    def slug(self) -> str:
        """The term's URL slug: `Ringkøbing-Skjern` → `ringkoebing-skjern`."""
        return slugify(self.name)

    def __str__(self) -> str:
        return self.name
