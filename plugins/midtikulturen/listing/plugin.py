"""MkDocs glue: the paginated listing of published cases at `/cases/`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from ..glue import collection_plugin, linker, site_feeds
from ..render.head import page_meta
from .config import ListingConfig
from .pages import ListingPage, paginate, render_listing

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class ListingPlugin(BasePlugin[ListingConfig]):
    """Adds `/cases/`, `/cases/page/2/`, … after the collection plugin has read the cases."""

    _pages: dict[str, ListingPage] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.per_page < 1:
            raise PluginError("per_page must be at least 1 in the listing plugin's options")
        self._pages = {}
        return config

    @event_priority(-10)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        collection = collection_plugin(config)
        folder = collection.config.cases_dir
        pages = paginate(folder, collection.published.cases, self.config.per_page)
        self._pages = {page.src_uri: page for page in pages}
        intro = collection.content.intro if collection.content else None
        for page in pages:
            text = intro if page.number == 1 and intro else ""
            files.append(File.generated(
                config, page.src_uri, content=text,
                inclusion=InclusionLevel.UNDEFINED if page.number == 1
                else InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if listing := self._pages.get(page.file.src_uri):
            title = self.config.title
            if listing.number > 1:
                title = f"{title} – side {listing.number}"
            if listing.number > 1 or not markdown.strip():
                page.meta.update(page_meta(title))
            page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if listing := self._pages.get(page.file.src_uri):
            return html + render_listing(listing, linker(files, page), site_feeds(config, page))
        return html
