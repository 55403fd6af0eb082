"""The MkDocs plugin: `/cases/`, the taxonomy pages, `/guides/`, the survey and listing blocks."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import order
from ..content.directives import replace_listings
from ..hrefs import page_links
from ..plan.listings import plan_pages
from ..plan.page_html import SLOT, ListingPages
from ..render.head import page_meta
from ..state import catalog, collection_plugin, listing_feeds, listing_paths
from .config import ListingConfig
from .files import SCRIPT, add_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

HEADING = re.compile(r"^#\s", re.MULTILINE)


class ListingPlugin(BasePlugin[ListingConfig]):
    """Adds the listing pages after the collection plugin has read the content."""

    listings: ListingPages | None = None
    _files: Files | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.per_page < 1:
            raise PluginError(
                "mkdocs.yml: `per_page` under midtikulturen/listing skal være mindst 1 — ret tallet"
            )
        self.listings = None
        config.extra_javascript.append(SCRIPT)
        return config

    @event_priority(order.ADD_GENERATED)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        collection, found = collection_plugin(config), catalog(config)
        options, layout = collection.config, listing_paths(config)
        pages = plan_pages(found, options.cases_dir, self.config.per_page, self.config.title)
        intro = collection.content.intro if collection.content else None
        add_files(files, config, found, layout, pages, intro)
        self._files = files
        self.listings = ListingPages(
            found,
            layout,
            {p.src_uri: p for p in pages},
            found.today,
            collection.placed.deadlines_calendar,
            collection.placed.event_calendars,
            collection.cards,
        )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if not self.listings:
            return markdown
        uri = page.file.src_uri
        if listing := self.listings.pages.get(uri):
            if not HEADING.search(markdown) and "title" not in page.meta:
                page.meta.update(page_meta(listing.page_title))
        if uri in self.listings.catalog.listings:
            markdown = replace_listings(markdown, SLOT)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.listings or page.file.src_uri in self.listings.pages:
            return html  # a listing page is assembled just before its template, in on_page_context
        return self.listings.html(html, page.file.src_uri, page_links(files, page))

    @event_priority(order.AFTER_SEARCH_READ)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Assemble a listing page only now, so a thousand of them are not held at once."""
        if self.listings and self._files and page.file.src_uri in self.listings.pages:
            links = page_links(self._files, page, partial(listing_feeds, config, page))
            page.content = self.listings.html(page.content or "", page.file.src_uri, links)
        return context

    @event_priority(order.LAST)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.listings and page.file.src_uri in self.listings.pages:
            page.content, page.markdown = None, ""  # written; need not stay in memory
        return output
