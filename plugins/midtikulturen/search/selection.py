"""Which pages the search index holds, and as what: items, topics and editors' pages.

Left out: listing pages (`/cases/`, `/guides/`, `/kulturhuse/`, each taxonomy's index) and
every pagination page (`/kommuner/skive/page/2/`), which would otherwise fill the top results;
pages whose front matter says `search: {exclude: true}` (Material's convention); and the 404
page, which MkDocs renders from the theme, never as a page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content.catalog import Catalog
from ..content.model import Episode, Event, Guide, House
from ..content.taxonomy import SECTIONS, term_uri
from ..content.terms import Term
from ..plan.listing_paths import ListingPaths
from .documents import (
    Entry,
    case_entry,
    episode_entry,
    event_entry,
    guide_entry,
    house_entry,
    page_entry,
    topic_entry,
)


@dataclass(frozen=True)
class Selection:
    """The build's content, keyed by the source URI of each page that shows it."""

    catalog: Catalog
    guides: Mapping[str, Guide]
    houses: Mapping[str, House]
    listings: frozenset[str]
    items: Mapping[str, Episode | Event] = field(default_factory=dict)
    topics: Mapping[str, Term] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "topics",
            {
                term_uri(term): term
                for section in SECTIONS
                for term in self.catalog.terms.terms(section.taxonomy)
            },
        )

    def entry(self, src_uri: str, title: str, meta: Mapping[str, Any]) -> Entry | None:
        """What the index holds of the page from src_uri, or None if it is left out."""
        if case := self.catalog.by_uri.get(src_uri):
            return case_entry(case)
        if guide := self.guides.get(src_uri):
            return guide_entry(guide)
        if house := self.houses.get(src_uri):
            return house_entry(house)
        if item := self.items.get(src_uri):
            return episode_entry(item) if isinstance(item, Episode) else event_entry(item)
        if term := self.topics.get(src_uri):
            return topic_entry(term, title)
        search = meta.get("search")
        if (
            src_uri in self.listings
            or is_pagination(src_uri)
            or (isinstance(search, Mapping) and search.get("exclude"))
        ):
            return None
        return page_entry(title)


def listing_uris(paths: ListingPaths) -> frozenset[str]:
    """The source URIs of the overview pages that only list other pages."""
    return frozenset(
        [
            paths.cases,
            *(uri for uri, _ in paths.sections),
            *(f"{section.folder}/index.md" for section in SECTIONS),
        ]
    )


def is_pagination(src_uri: str) -> bool:
    """Whether src_uri is a listing's second or later page: `kommuner/skive/page/2.md`."""
    folder, name = posixpath.split(src_uri)
    stem = name.removesuffix(".md")
    return posixpath.basename(folder) == "page" and stem.isdigit()
