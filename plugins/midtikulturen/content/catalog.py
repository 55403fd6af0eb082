"""What readers may see on a given day, indexed once for every page that lists it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from .directives import Listing, ListingQuery
from .loader import Content
from .model import Case, Episode, Event, Guide, House
from .related import related_cases
from .taxonomy import TermIndex, index_terms
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class Catalog:
    """The published content with its term index, related cases and listing blocks."""

    vocabulary: Vocabulary
    cases: tuple[Case, ...]
    terms: TermIndex
    related: Mapping[str, tuple[Case, ...]]
    listings: Mapping[str, tuple[Listing, ...]]
    by_uri: Mapping[str, Case]
    today: date  # the day the catalog shows: what is published, what is upcoming
    guides: tuple[Guide, ...] = ()
    houses: tuple[House, ...] = ()
    episodes: tuple[Episode, ...] = ()  # newest first
    events: tuple[Event, ...] = ()  # soonest first

    def select(self, query: ListingQuery) -> tuple[Case, ...]:
        """The published cases carrying every term of query, newest first, up to its limit."""
        if query.terms:
            postings = sorted((self.terms.cases_of(t) for t in query.terms), key=len)
            wanted = set(query.terms)
            found = tuple(c for c in postings[0] if wanted.issubset(c.meta.terms))
        else:
            found = self.cases
        return found[: query.limit] if query.limit else found


def build_catalog(content: Content, today: date) -> Catalog:
    """The catalog of content as readers see it on today, in one pass over the collection."""
    cases = content.collection.published(today).cases
    guides = tuple(g for g in content.guides if g.is_published(today))
    houses = tuple(h for h in content.houses if h.is_published(today))
    terms = index_terms(content.vocabulary, cases, guides, houses)
    return Catalog(
        vocabulary=content.vocabulary,
        cases=cases,
        terms=terms,
        related=related_cases(terms, cases),
        listings=MappingProxyType(dict(content.listings)),
        by_uri=MappingProxyType({c.src_uri: c for c in cases}),
        guides=guides,
        houses=houses,
        episodes=tuple(e for e in content.episodes if e.is_published(today)),
        events=tuple(e for e in content.events if e.is_published(today)),
        today=today,
    )
