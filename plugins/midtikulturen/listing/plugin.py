"""MkDocs glue: `/cases/`, the taxonomy pages and listing blocks in editors' pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from ..content.directives import replace_listings
from ..content.taxonomy import SECTION_OF, term_uri
from ..glue import catalog, collection_plugin, linker, site_feeds
from ..render.head import page_meta
from ..render.blocks import render_block
from ..render.listings import render_entries, render_listing, term_entries
from .config import ListingConfig
from .pages import ListingPage, Page, TermsPage, plan_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page as MkDocsPage

SLOT = "\n\n<!--mik-listing-{}-->\n\n"
SLOT_HTML = re.compile(r"(?:<p>)?<!--mik-listing-(\d+)-->(?:</p>)?")
HEADING = re.compile(r"^#\s", re.MULTILINE)


class ListingPlugin(BasePlugin[ListingConfig]):
    """Adds the listing pages after the collection plugin has read the content."""

    _pages: dict[str, Page] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.per_page < 1:
            raise PluginError("per_page must be at least 1 in the listing plugin's options")
        self._pages = {}
        return config

    @event_priority(-10)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        collection = collection_plugin(config)
        folder = collection.config.cases_dir
        pages = plan_pages(catalog(config), folder, self.config.per_page, self.config.title)
        self._pages = {page.src_uri: page for page in pages}
        intro = collection.content.intro if collection.content else None
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
        if page.file.src_uri in catalog(config).listings:
            markdown = replace_listings(markdown, SLOT)
        return markdown

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str:
        href = linker(files, page)
        cases_uri = f"{collection_plugin(config).config.cases_dir}/index.md"
        if blocks := catalog(config).listings.get(page.file.src_uri):
            html = SLOT_HTML.sub(lambda m: render_block(
                blocks[int(m[1])].query, catalog(config), href, cases_uri), html)
        listing = self._pages.get(page.file.src_uri)
        if isinstance(listing, ListingPage):
            up = None
            if listing.term:
                section = SECTION_OF[listing.term.taxonomy]
                up = (href(section.src_uri), f"Alle {section.plural}")
            html += render_listing(listing, href, site_feeds(config, page), up)
        elif isinstance(listing, TermsPage):
            html += render_entries(term_entries(listing.section, listing.entries,
                                                lambda term: href(term_uri(term))))
        return html
