"""MkDocs glue: load and validate content, add a page per published case."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from ..content.catalog import Catalog, build_catalog
from ..content.clock import today
from ..content.guides import is_stale
from ..content.loader import Content, ParseCache, load_content
from ..content.model import Case, Guide, House
from ..content.problems import ContentError
from ..content.taxonomy import term_uri
from ..glue import content_layout, linker, optional_linker
from ..images.hooks import case_picture
from ..render.case_page import render_case, with_related
from ..render.danish import long_date
from ..render.guide_page import render_guide
from ..render.head import escaped_meta, page_meta
from ..render.house_page import render_house
from ..render.sanitize import SanitizeExtension
from ..render.search_worker import WORKER_URI, use_danish_worker
from .config import CollectionConfig
from .placement import add_calendar, add_cases, place_guides, place_houses

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


class CollectionPlugin(BasePlugin[CollectionConfig]):
    """Holds the validated content of the current build for the other plugins."""

    content: Content | None = None
    catalog: Catalog | None = None
    guides: dict[str, Guide] = {}
    houses: dict[str, House] = {}
    calendar_uri = ""
    _files: Files | None = None
    _clean_on_error = False  # `mkdocs build`, which starts from an empty site_dir
    _site_dir = ""

    def __init__(self) -> None:
        super().__init__()
        self._cache = ParseCache()  # kept across `mkdocs serve` rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._clean_on_error = command == "build" and not dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._site_dir = config.site_dir
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content, self.catalog, self.guides, self.houses = None, None, {}, {}
        config.extra_css.append(STYLESHEET)
        config.markdown_extensions.append(SanitizeExtension())
        return config

    @event_priority(0)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            self.content = load_content(self.root, content_layout(config, self.root),
                                        today(), self._cache)
        except ContentError as error:
            raise PluginError(str(error)) from None
        day = today()
        self.catalog = build_catalog(self.content, day)
        add_cases(files, config, self.catalog, self.root)
        self._files = files
        self.guides = place_guides(files, self.content, day)
        self.houses = place_houses(files, config, self.content, day)
        self.calendar_uri = add_calendar(files, config, self.guides, self.config.guides_dir)
        for guide in self.guides.values():
            if is_stale(guide.meta.updated, day, self.config.guide_max_age_months):
                log.info(f"Påmindelse: docs/{guide.src_uri} blev sidst tjekket "
                         f"{long_date(guide.meta.updated)} — tjek oplysningerne og ret `updated`")
        files.append(File.generated(config, STYLESHEET,
                                    abs_src_path=str(ASSETS / "midtikulturen.css")))
        files.append(File.generated(config, WORKER_URI,
                                    abs_src_path=str(ASSETS / "search-worker.js")))
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A page as read and checked in on_files (a case's or guide's story without its front
        matter): a file is read once per build, so a page never mixes two versions of it."""
        uri = page.file.src_uri
        if guide := self.guides.get(uri):
            return guide.body
        if self.catalog and (case := self.catalog.by_uri.get(uri)):
            return case.body
        return self.content.pages.get(uri) if self.content else None

    @event_priority(100)  # first: other plugins read the metadata this makes safe
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        page.meta.update(escaped_meta(page.meta))
        uri = page.file.src_uri
        if item := self._item(uri):
            page.meta.clear()  # the raw front matter: ours is validated, and kept in the catalog
            page.meta.update(page_meta(item.meta.title, item.meta.description))
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        item = self._item(page.file.src_uri)
        if not self.catalog or not item:
            return html
        href, maybe_href = linker(files, page), optional_linker(files, page)
        term_href = lambda term: maybe_href(term_uri(term))  # noqa: E731
        if isinstance(item, Guide):
            return render_guide(item, html, today(), self.config.guide_max_age_months,
                                term_href, href(self.calendar_uri))
        if isinstance(item, House):
            return render_house(item, html, term_href(item.meta.municipality))
        return render_case(
            item, html, image=case_picture(config, item, page.url),
            has_related=bool(self.catalog.related[item.slug]), term_href=term_href)

    @event_priority(-50)  # after Material's search has indexed the page
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        case = self.catalog.by_uri.get(page.file.src_uri) if self.catalog else None
        if case and self.catalog and self._files and (related := self.catalog.related[case.slug]):
            href = linker(self._files, page)
            page.content = with_related(page.content or "",
                                        [(href(other.src_uri), other) for other in related])
        return context

    def _item(self, src_uri: str) -> Case | Guide | House | None:
        if not self.catalog:
            return None
        return (self.catalog.by_uri.get(src_uri) or self.guides.get(src_uri)
                or self.houses.get(src_uri))

    @event_priority(-100)  # last: every plugin is done with the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._item(page.file.src_uri):
            page.content, page.markdown = None, ""  # written; thousands need not stay in memory
        return use_danish_worker(output)

    def on_build_error(self, *, error: Exception) -> None:
        """Leave no half-built site: a failure after pages were written empties site_dir."""
        if self._clean_on_error and os.path.isdir(self._site_dir):
            clean_directory(self._site_dir)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: object) -> LiveReloadServer:
        server.watch(str(self.root / self.config.cases_dir))
        server.watch(str(self.root / self.config.vocabulary))
        return server

