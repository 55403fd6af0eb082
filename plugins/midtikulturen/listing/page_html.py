"""The HTML the listing plugin adds to a page: listing blocks, listings, guides, the survey."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from ..content.catalog import Catalog
from ..content.survey import survey_statistics
from ..content.taxonomy import SECTION_OF, term_folder, term_uri
from ..content.terms import Taxonomy
from ..feed.podcast import series_feed_uri
from ..hrefs import linker, optional_linker
from ..plan.listings import ListingPage, Page, TermsPage
from ..render.blocks import render_block
from ..render.event_page import render_events
from ..render.filters import render_filter
from ..render.guide_lists import render_guides_page
from ..render.listings import render_entries, render_listing, term_entries
from ..render.podcast_page import ShowListing, render_podcast_index
from ..render.survey_page import render_survey
from .layout import ListingPaths
from .term_sections import term_sections

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page as MkDocsPage

SLOT = "\n\n<!--mik-listing-{}-->\n\n"
SLOT_HTML = re.compile(r"(?:<p>)?<!--mik-listing-(\d+)-->(?:</p>)?")
FeedsOfPage = Callable[["MkDocsPage"], Sequence[tuple[str, str, str]]]


@dataclass(frozen=True)
class ListingPages:
    """Everything the listings of one build are made from."""

    catalog: Catalog
    layout: ListingPaths
    pages: dict[str, Page]
    today: date
    feeds: FeedsOfPage
    calendar_uri: str
    event_calendars: Mapping[str, str]  # by "" (all), an event's slug or a term's folder

    def html(self, html: str, page: MkDocsPage, files: Files) -> str:
        """The page's HTML with its listing blocks filled and its listing appended."""
        uri = page.file.src_uri
        href = linker(files, page)
        if blocks := self.catalog.listings.get(uri):
            html = SLOT_HTML.sub(
                lambda m: (
                    render_block(
                        blocks[int(m[1])].query,
                        self.catalog,
                        href,
                        self.layout.cases,
                        self.today,
                        self.layout.overviews,
                    )
                    if int(m[1]) < len(blocks)
                    else ""
                ),
                html,
            )
        if uri == self.layout.guides:
            maybe_href = optional_linker(files, page)
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
            maybe_href = optional_linker(files, page)
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
            html += self._listing(listing, page, href)
        elif isinstance(listing, TermsPage):
            html += render_entries(
                term_entries(listing.section, listing.entries, lambda term: href(term_uri(term)))
            )
        return html

    def _listing(self, listing: ListingPage, page: MkDocsPage, href: Callable[[str], str]) -> str:
        up = None
        if listing.term:
            section = SECTION_OF[listing.term.taxonomy]
            up = (href(section.src_uri), f"Alle {section.plural}")
        filter_html = (
            ""
            if listing.term or not listing.items
            else render_filter(
                self.catalog,
                href(self.layout.filter_data),
                get_relative_url(".", page.url) + "/",
                href,
            )
        )
        html = render_listing(listing, href, self.feeds(page), up, filter_html)
        if listing.term and listing.number == 1:
            calendar = self.event_calendars.get(term_folder(listing.term))
            html += term_sections(
                listing.term, self.catalog, href, self.today, href(calendar) if calendar else None
            )
        return html
