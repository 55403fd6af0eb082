"""The HTML of a listing block, from its query and the catalog."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..content.catalog import Catalog
from ..content.directives import ListingQuery
from ..content.guides import upcoming_deadlines
from ..content.jsonschema import field_rows
from ..content.taxonomy import SECTION_OF, SECTIONS, term_uri
from ..content.terms import Taxonomy
from .cards import Cards
from .event_page import is_past, render_events
from .guide_lists import render_deadlines, render_guide_cards, render_house_cards
from .listings import (
    Entry,
    Href,
    count_cases,
    render_cards,
    render_entries,
    term_entries,
)
from .templates import render


def render_block(
    query: ListingQuery,
    catalog: Catalog,
    href: Href,
    cases_uri: str,
    today: date,
    cards: Cards,
    more: Mapping[str, str] | None = None,
) -> str:
    """What the block shows: cases, guides, deadlines, houses, terms or the site's sections.

    cases_uri is the source URI of the page that lists all cases; more maps "guides" and
    "houses" to the source URIs of their overview pages.
    """
    more = more or {}
    limit = query.limit
    if query.show == "cases":
        return _cases(query, catalog, href, cases_uri, cards)
    if query.show == "guides":
        guides = sorted(catalog.guides, key=lambda g: (-g.meta.updated.toordinal(), g.slug))
        return render_guide_cards(guides[:limit], lambda g: href(g.src_uri), today)
    if query.show == "deadlines":
        return render_deadlines(
            upcoming_deadlines(catalog.guides, today)[:limit], lambda g: href(g.src_uri)
        )
    if query.show == "houses":
        return render_house_cards(catalog.houses[:limit], lambda h: href(h.page_uri))
    if query.show == "events":
        coming = [e for e in catalog.events if not is_past(e, today)]
        return render_events(coming[:limit], lambda e: href(e.src_uri), today)
    if query.show == "fields" and query.type:
        return render("fields.html", rows=field_rows(query.type))
    if query.show == "sections":
        return render_entries(
            section_entries(catalog, href, cases_uri, more), "mik-terms mik-sections"
        )
    section = SECTION_OF[Taxonomy(query.show)]
    counts = [(t, len(catalog.terms.cases_of(t))) for t in catalog.terms.terms(section.taxonomy)]
    return render_entries(term_entries(section, counts, lambda t: href(term_uri(t))))


def section_entries(
    catalog: Catalog, href: Href, cases_uri: str, more: Mapping[str, str]
) -> list[Entry]:
    """The site's entry points, each with how much it holds."""
    entries = [Entry(href(cases_uri), "Cases", count_cases(len(catalog.cases)))]
    if "guides" in more:
        n = len(catalog.guides)
        entries.append(
            Entry(href(more["guides"]), "Guides", f"{n} guide" if n == 1 else f"{n} guides")
        )
    if "houses" in more:
        n = len(catalog.houses)
        entries.append(
            Entry(
                href(more["houses"]),
                "Kulturhuse",
                f"{n} kulturhus" if n == 1 else f"{n} kulturhuse",
            )
        )
    if "events" in more:
        n = len([e for e in catalog.events if not is_past(e, catalog.today)])
        entries.append(
            Entry(
                href(more["events"]),
                "Arrangementer",
                f"{n} kommende" if n else "ingen kommende lige nu",
            )
        )
    if "podcast" in more:
        n = len(catalog.episodes)
        entries.append(
            Entry(
                href(more["podcast"]),
                "Podcast",
                f"{n} afsnit" if n else "ingen udgivne afsnit endnu",
            )
        )
    for section in SECTIONS:
        terms = catalog.terms.terms(section.taxonomy)
        used = sum(1 for t in terms if catalog.terms.cases_of(t))
        entries.append(
            Entry(
                href(section.src_uri),
                section.title,
                f"{used} af {len(terms)} {section.plural} har cases",
            )
        )
    return entries


def _cases(query: ListingQuery, catalog: Catalog, href: Href, cases_uri: str, cards: Cards) -> str:
    found = catalog.select(query)
    listed = render_cards(
        [(href(c.src_uri), c) for c in found], "Der er endnu ingen cases, der passer her.", cards
    )
    if len(query.terms) == 1:
        term = query.terms[0]
        more = (href(term_uri(term)), f"Alle cases {SECTION_OF[term.taxonomy].about(term)}")
    else:
        more = (href(cases_uri), "Alle cases")
    return listed + render("more.html", href=more[0], label=more[1])
