"""The HTML listings add to a page: listing blocks, listing pages, guides, events, the survey.

One function per page for every builder: the MkDocs plugin and the export give it the page's
source URI and how the page links to the rest of the site (`PageLinks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..content.catalog import Catalog
from ..content.taxonomy import SECTION_OF, SECTIONS, term_folder, term_uri
from ..content.terms import Taxonomy
from ..houses.survey import survey_statistics
from ..houses.survey_page import render_survey
from ..render.blocks import render_block
from ..render.cards import Cards
from ..render.event_page import render_events
from ..render.filters import render_filter
from ..render.guide_lists import render_guides_page
from ..render.listings import FeedFiles, render_entries, render_listing, term_entries
from ..render.podcast_page import ShowListing, render_podcast_index
from .listing_paths import ListingPaths
from .listings import ListingPage, Page, TermsPage
from .routes import series_feed_uri
from .term_sections import term_sections

SLOT = "\n\n<!--mik-listing-{}-->\n\n"
SLOT_HTML = re.compile(r"(?:<p>)?<!--mik-listing-(\d+)-->(?:</p>)?")


@dataclass(frozen=True)
class PageLinks:
    """How one page links to the rest of the site.

    href turns a source URI into a URL relative to the page (the target must exist),
    maybe_href gives None where the site has no such page; root is the site's root seen from
    the page (`../../`); feeds gives the (name, href, MIME type) of the feeds that follow a
    listing page.
    """

    href: Callable[[str], str]
    maybe_href: Callable[[str], str | None]
    root: str
    feeds: Callable[[], FeedFiles] = field(default=lambda: ())


@dataclass(frozen=True)
class ListingPages:
    """Everything the listings of one build are made from."""

    catalog: Catalog
    layout: ListingPaths
    pages: dict[str, Page]
    today: date
    calendar_uri: str
    event_calendars: Mapping[str, str]  # by "" (all), an event's slug or a term's folder
    cards: Cards
    _filters: dict[tuple[str, ...], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def html(self, html: str, uri: str, links: PageLinks) -> str:
        """The HTML of the page made from uri with its listing blocks filled and its listing
        appended."""
        href, maybe_href = links.href, links.maybe_href
        if blocks := self.catalog.listings.get(uri):
            html = SLOT_HTML.sub(
                lambda m: (
                    render_block(
                        blocks[int(m[1])].query,
                        self.catalog,
                        href,
                        self.layout.cases,
                        self.today,
                        self.cards,
                        self.layout.overviews,
                    )
                    if int(m[1]) < len(blocks)
                    else ""
                ),
                html,
            )
        if uri == self.layout.guides:
            html += render_guides_page(
                self.catalog.guides,
                lambda g: href(g.src_uri),
                lambda t: maybe_href(term_uri(t)),
                self.today,
                href(self.calendar_uri),
            )
        if uri == self.layout.events:
            html += render_events(
                self.catalog.events,
                lambda e: href(e.src_uri),
                self.today,
                href(self.event_calendars[""]),
            )
        if uri == self.layout.podcast:
            html += render_podcast_index(
                [
                    ShowListing(
                        series.name,
                        maybe_href(series_feed_uri(self.layout.podcast_dir, series)),
                        tuple(
                            (href(e.src_uri), e)
                            for e in self.catalog.episodes
                            if e.meta.series == series
                        ),
                    )
                    for series in self.catalog.vocabulary.terms[Taxonomy.SERIES]
                ]
            )
        if uri == self.layout.survey:
            html += render_survey(
                survey_statistics(self.catalog.houses, self.catalog.vocabulary),
                [(href(h.page_uri), h) for h in self.catalog.houses],
                {kind: href(self.layout.open_data(kind)) for kind in ("xlsx", "csv", "json")},
            )
        listing = self.pages.get(uri)
        if isinstance(listing, ListingPage):
            html += self._listing(listing, links)
        elif isinstance(listing, TermsPage):
            html += render_entries(
                term_entries(listing.section, listing.entries, lambda term: href(term_uri(term)))
            )
        return html

    def _filter(self, links: PageLinks) -> str:
        """The `/cases/` filter form with this page's links: made once for all pages whose links
        are the same (at 1,000 cases, 49 of the 50 pages of `/cases/`)."""
        data = links.href(self.layout.filter_data)
        key = (data, links.root, *(links.href(s.src_uri) for s in SECTIONS))
        if key not in self._filters:
            self._filters[key] = render_filter(self.catalog, data, links.root, links.href)
        return self._filters[key]

    def _listing(self, listing: ListingPage, links: PageLinks) -> str:
        href = links.href
        up = None
        if listing.term:
            section = SECTION_OF[listing.term.taxonomy]
            up = (href(section.src_uri), f"Alle {section.plural}")
        filter_html = "" if listing.term or not listing.items else self._filter(links)
        html = render_listing(listing, href, self.cards, links.feeds(), up, filter_html)
        if listing.term and listing.number == 1:
            calendar = self.event_calendars.get(term_folder(listing.term))
            html += term_sections(
                listing.term, self.catalog, href, self.today, href(calendar) if calendar else None
            )
        return html
