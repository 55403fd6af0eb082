"""The MkDocs plugin: read and validate all content, place every item's page, wrap its story."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import clean_directory

from .. import order
from ..content.catalog import Catalog, build_catalog
from ..content.clock import today
from ..content.loader import Content, ParseCache, load_content
from ..content.model import Case, Episode, Event, Guide, House
from ..content.problems import ContentError, Problem
from ..hrefs import linker, optional_linker
from ..images.hooks import case_picture
from ..plan.item_pages import Build, Item, item_html, with_related_cases
from ..render.cards import Cards
from ..render.head import escaped_meta, page_meta
from ..render.sanitize import SanitizeExtension
from ..state import content_layout
from .config import CollectionConfig
from .item_files import add_assets, place_content, stale_reminders
from .serving import show_problems_while_serving

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent.parent / "assets"
STYLESHEET = "assets/midtikulturen/midtikulturen.css"
PODCAST_SCRIPT = "assets/midtikulturen/podcast.js"


class CollectionPlugin(BasePlugin[CollectionConfig]):
    """Holds the validated content of the current build for the other plugins."""

    content: Content | None = None
    catalog: Catalog | None = None
    guides: dict[str, Guide] = {}  # published, by page
    houses: dict[str, House] = {}
    problems: tuple[Problem, ...] = ()  # what stopped the last build
    _files: Files | None = None
    _clean_on_error = False  # `mkdocs build`, which starts from an empty site_dir
    _show_previews = False  # `mkdocs serve`: drafts and future items get a page with a note
    _site_dir = ""

    def __init__(self) -> None:
        super().__init__()
        self._cache = ParseCache()  # kept across `mkdocs serve` rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._clean_on_error = command == "build" and not dirty
        self._show_previews = command == "serve"
        if command == "serve":
            show_problems_while_serving(lambda: self.problems)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._site_dir = config.site_dir
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content, self.catalog, self.guides, self.houses = None, None, {}, {}
        self._build: Build | None = None
        self.cards = Cards()  # this build's; the images plugin gives them thumbnails
        self.problems = ()
        config.extra_css.append(STYLESHEET)
        config.extra_javascript.append(PODCAST_SCRIPT)
        config.markdown_extensions.append(SanitizeExtension())
        return config

    @event_priority(order.READ_CONTENT)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        day, layout = today(), content_layout(config, self.root)
        try:
            self.content = load_content(self.root, layout, day, self._cache)
        except ContentError as error:
            self.problems = error.problems
            raise PluginError(str(error)) from None
        self.catalog = build_catalog(self.content, day)
        self._files = files
        self.placed = place_content(
            files, config, self.content, self.catalog, self.root, layout, self._show_previews
        )
        self.guides, self.houses = self.placed.of_kind(Guide), self.placed.of_kind(House)
        months = self.config.guide_max_age_months
        self._build = Build(self.catalog, self.placed, layout, self.root, months, self.cards)
        for reminder in stale_reminders(self.guides.values(), day, months):
            log.info(reminder)
        add_assets(files, config, ASSETS, (STYLESHEET, PODCAST_SCRIPT))
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """The page's Markdown as read and checked in on_files, without front matter."""
        # A file is read once per build, so a page never mixes two versions of it.
        item = self._item(page.file.src_uri)
        if isinstance(item, (Case, Guide, Episode, Event)):
            return item.body
        return self.content.pages.get(page.file.src_uri) if self.content else None

    @event_priority(order.MAKE_META_SAFE)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        page.meta.update(escaped_meta(page.meta))
        uri = page.file.src_uri
        if item := self._item(uri):
            page.meta.clear()  # the raw front matter: ours is validated, and kept in the catalog
            page.meta.update(page_meta(item.meta.title, item.meta.description))
            if uri in self.placed.previews:  # unpublished: shown under `serve` only
                page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        item = self._item(page.file.src_uri)
        if not self._build or not item:
            return html
        picture = partial(case_picture, config, page_url=page.url)
        hrefs = linker(files, page), optional_linker(files, page)
        return item_html(item, html, *hrefs, self._build, picture)

    @event_priority(order.AFTER_SEARCH_READ)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self._build and self._files and (item := self._item(page.file.src_uri)):
            href = linker(self._files, page)
            page.content = with_related_cases(self._build, item, page.content or "", href)
        return context

    def _item(self, src_uri: str) -> Item | None:
        if not self._build:
            return None
        return self.placed.pages.get(src_uri) or self.placed.previews.get(src_uri)

    @event_priority(order.LAST)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._item(page.file.src_uri):
            page.content, page.markdown = None, ""  # written; thousands need not stay in memory
        return output

    def on_build_error(self, *, error: Exception) -> None:
        """Leave no half-built site: a failure after pages were written empties site_dir."""
        if self._clean_on_error and os.path.isdir(self._site_dir):
            clean_directory(self._site_dir)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        server.watch(str(self.root / self.config.cases_dir))
        server.watch(str(self.root / self.config.vocabulary))
        return server
