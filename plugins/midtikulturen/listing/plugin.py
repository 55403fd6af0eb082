"""MkDocs glue: `/cases/`, the taxonomy pages and listing blocks in editors' pages."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from ..content.directives import replace_listings
from ..content.taxonomy import SECTION_OF, term_uri
from ..content.clock import today
from ..content.survey import survey_statistics
from ..glue import catalog, collection_plugin, linker, listing_feeds, optional_linker
from ..render.guide_lists import render_guides_page
from ..render.opendata import houses_csv, houses_json
from ..render.survey_page import render_survey
from .extras import term_extras
from ..render.head import page_meta
from ..render.blocks import render_block
from ..render.filters import filter_data, render_filter
from ..render.listings import render_entries, render_listing, term_entries
from .config import ListingConfig
from .pages import ListingPage, Page, TermsPage, plan_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page as MkDocsPage

ASSETS = Path(__file__).parent.parent / "assets"
SCRIPT = "assets/midtikulturen/filter.js"
SLOT = "\n\n<!--mik-listing-{}-->\n\n"
SLOT_HTML = re.compile(r"(?:<p>)?<!--mik-listing-(\d+)-->(?:</p>)?")
HEADING = re.compile(r"^#\s", re.MULTILINE)


class ListingPlugin(BasePlugin[ListingConfig]):
    """Adds the listing pages after the collection plugin has read the content."""

    _pages: dict[str, Page] = {}
    _special: dict[str, str] = {}
    _data: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.per_page < 1:
            raise PluginError("per_page must be at least 1 in the listing plugin's options")
        self._pages = {}
        config.extra_javascript.append(SCRIPT)
        return config

    @event_priority(-10)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        collection = collection_plugin(config)
        folder = collection.config.cases_dir
        pages = plan_pages(catalog(config), folder, self.config.per_page, self.config.title)
        self._pages = {page.src_uri: page for page in pages}
        intro = collection.content.intro if collection.content else None
        files.append(File.generated(config, SCRIPT, abs_src_path=str(ASSETS / "filter.js")))
        files.append(File.generated(config, self._data_uri(config), content=filter_data(
            catalog(config).cases, lambda case: _url(files, case.src_uri))))
        guides_uri = posixpath.join(collection.config.guides_dir, "index.md")
        survey_folder = posixpath.dirname(collection.config.houses_dir)
        self._special = {guides_uri: "guides", posixpath.join(survey_folder, "index.md"): "survey"}
        for uri, title in ((guides_uri, "Guides"),
                           (posixpath.join(survey_folder, "index.md"), "Kulturhuse")):
            if not files.get_file_from_path(uri):
                files.append(File.generated(config, uri, content=f"# {title}\n"))
        houses = catalog(config).houses
        self._data = {kind: posixpath.join(survey_folder, f"kulturhuse.{kind}")
                      for kind in ("csv", "json")}
        site_url = config.site_url or ""
        house_url = lambda h: urljoin(site_url, _url(files, h.page_uri))  # noqa: E731
        files.append(File.generated(config, self._data["csv"],
                                    content=houses_csv(houses, house_url)))
        files.append(File.generated(config, self._data["json"],
                                    content=houses_json(houses, house_url)))
        for page in pages:
            if files.get_file_from_path(page.src_uri):
                continue
            first = isinstance(page, TermsPage) or (page.number == 1 and page.folder == folder)
            files.append(File.generated(
                config, page.src_uri,
                content=intro if page.src_uri == f"{folder}/index.md" and intro else "",
                inclusion=InclusionLevel.UNDEFINED if first else InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig,
                         files: Files) -> str:
        if listing := self._pages.get(page.file.src_uri):
            if not HEADING.search(markdown) and "title" not in page.meta:
                page.meta.update(page_meta(listing.page_title))
            page.meta["search"] = {"exclude": True}
        if self._special.get(page.file.src_uri) == "guides":
            page.meta["search"] = {"exclude": True}
        if page.file.src_uri in catalog(config).listings:
            markdown = replace_listings(markdown, SLOT)
        return markdown

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str:
        href = linker(files, page)
        cases_uri = f"{collection_plugin(config).config.cases_dir}/index.md"
        if blocks := catalog(config).listings.get(page.file.src_uri):
            html = SLOT_HTML.sub(lambda m: render_block(
                blocks[int(m[1])].query, catalog(config), href, cases_uri, today(),
                {"houses" if k == "survey" else k: u for u, k in self._special.items()}), html)
        listing = self._pages.get(page.file.src_uri)
        special = self._special.get(page.file.src_uri)
        if special:
            html += self._special_html(special, config, files, page)
        if isinstance(listing, ListingPage):
            up = None
            if listing.term:
                section = SECTION_OF[listing.term.taxonomy]
                up = (href(section.src_uri), f"Alle {section.plural}")
            filter_html = "" if listing.term or not listing.items else render_filter(
                catalog(config), href(self._data_uri(config)),
                get_relative_url(".", page.url) + "/", href)
            html += render_listing(listing, href, listing_feeds(config, page), up, filter_html)
            if listing.term and listing.number == 1:
                html += term_extras(listing.term, catalog(config), href, today())
        elif isinstance(listing, TermsPage):
            html += render_entries(term_entries(listing.section, listing.entries,
                                                lambda term: href(term_uri(term))))
        return html

    def _special_html(self, kind: str, config: MkDocsConfig, files: Files,
                      page: MkDocsPage) -> str:
        href, maybe_href = linker(files, page), optional_linker(files, page)
        found = catalog(config)
        if kind == "guides":
            return render_guides_page(found.guides, lambda g: href(g.src_uri),
                                      lambda t: maybe_href(term_uri(t)), today(),
                                      href(collection_plugin(config).calendar_uri))
        return render_survey(survey_statistics(found.houses, found.vocabulary),
                             [(href(h.page_uri), h) for h in found.houses],
                             href(self._data["csv"]), href(self._data["json"]))

    def _data_uri(self, config: MkDocsConfig) -> str:
        return f"{collection_plugin(config).config.cases_dir}/index.json"


def _url(files: Files, src_uri: str) -> str:
    """The site-root URL of the page made from src_uri."""
    found = files.get_file_from_path(src_uri)
    if found is None:
        raise PluginError(f"internal error: no page for {src_uri}")
    return found.url
