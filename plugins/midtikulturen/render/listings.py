"""The HTML of listings: paginated case lists, taxonomy indexes and listing blocks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..content.model import Case
from ..content.taxonomy import TaxonomySection
from ..content.terms import Term
from ..plan.listings import ListingPage
from .cards import Cards
from .templates import render

Href = Callable[[str], str]
FeedFiles = Sequence[tuple[str, str, str]]


@dataclass(frozen=True)
class Entry:
    """A link in a list of terms or sections, with what it holds: `Viborg`, `3 cases`."""

    href: str
    label: str
    detail: str


def count_cases(n: int) -> str:
    """`1 case`, `3 cases`, `ingen cases endnu`."""
    if n == 0:
        return "ingen cases endnu"
    return f"{n} case" if n == 1 else f"{n} cases"


def render_listing(
    page: ListingPage,
    href: Href,
    cards: Cards,
    feeds: FeedFiles = (),
    up: tuple[str, str] | None = None,
    filter_html: str = "",
) -> str:
    """One page of a paginated case list; href turns a source URI into a link from this page.

    feeds are (name, href, MIME type) triples of the feeds that follow this listing; up is
    the (href, label) of the page above, such as `/kommuner/` above `/kommuner/skive/`;
    filter_html is the case filter's form, shown above the list.
    """
    return render(
        "listing.html",
        page=page,
        href=href,
        feeds=feeds,
        up=up,
        filter=Markup(filter_html),
        card=cards.card,
    )


def render_entries(entries: Sequence[Entry], css: str = "mik-terms") -> str:
    """A list of links to terms or sections, each with what it holds."""
    return render("entries.html", entries=entries, css=css)


def term_entries(
    section: TaxonomySection, counts: Sequence[tuple[Term, int]], href: Callable[[Term], str]
) -> list[Entry]:
    """Entries for every term of a taxonomy, with its number of cases."""
    return [Entry(href(term), term.name, count_cases(n)) for term, n in counts]


def render_cards(cases: Sequence[tuple[str, Case]], empty: str, cards: Cards) -> str:
    """A short list of case cards, as a listing block shows them."""
    return render("cards.html", cases=cases, empty=empty, card=cards.card)
