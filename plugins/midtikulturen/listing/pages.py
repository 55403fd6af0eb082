"""What listing pages exist, and their HTML: pure functions over the collection."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from ..content.model import Case
from ..render.templates import render

Href = Callable[[str], str]


@dataclass(frozen=True)
class ListingPage:
    """One page of a paginated listing."""

    folder: str
    number: int
    count: int
    items: tuple[Case, ...]
    total: int

    @property
    def src_uri(self) -> str:
        """Where the page sits among the site's sources."""
        return self.uri_of(self.number)

    def uri_of(self, number: int) -> str:
        """The source URI of page number of the same listing: `cases/page/2.md`."""
        return f"{self.folder}/index.md" if number == 1 else f"{self.folder}/page/{number}.md"


def paginate(folder: str, items: tuple[Case, ...], per_page: int) -> list[ListingPage]:
    """The pages of a listing of items, per_page at a time; an empty listing has one page."""
    count = max(1, math.ceil(len(items) / per_page))
    return [
        ListingPage(folder, number, count, items[(number - 1) * per_page: number * per_page],
                    len(items))
        for number in range(1, count + 1)
    ]


def render_listing(page: ListingPage, href: Href,
                   feeds: Sequence[tuple[str, str, str]] = ()) -> str:
    """The listing's HTML for one page; href turns a source URI into a link from this page.

    feeds are (name, href, MIME type) triples of the feeds that follow this listing, shown as links.
    """
    return render("listing.html", page=page, href=href, feeds=feeds)
