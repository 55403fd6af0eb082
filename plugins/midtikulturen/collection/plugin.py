"""MkDocs glue: load and validate content, add a page per published case."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from ..content.catalog import Catalog, build_catalog
from ..content.clock import today
from ..content.frontmatter import body_of, normalise_text
from ..content.guides import is_stale
from ..content.loader import Content, Layout, ParseCache, load_content
from ..content.model import Case, Guide, House
from ..content.problems import ContentError
from ..content.taxonomy import term_uri
from ..glue import linker, optional_linker
from ..render.case_page import render_case, with_related
from ..render.danish import long_date
from ..render.guide_page import render_guide
from ..render.head import escaped_meta, page_meta
from ..render.house_page import render_house
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

    def __init__(self) -> None:
        super().__init__()
        self._cache = ParseCache()  # kept across `mkdocs serve` rebuilds

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content, self.catalog, self.guides, self.houses = None, None, {}, {}
        config.extra_css.append(STYLESHEET)
        return config

    @event_priority(0)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir).resolve()
        try:
            self.content = load_content(self.root, Layout(
                self.config.cases_dir, self.config.vocabulary, _relative(docs_dir, self.root),
                self.config.guides_dir, self.config.houses_dir), today(), self._cache)
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
            if is_stale(guide, day, self.config.guide_max_age_months):
                log.info(f"Påmindelse: docs/{guide.src_uri} blev sidst tjekket "
                         f"{long_date(guide.meta.updated)} — tjek oplysningerne og ret `updated`")
        files.append(File.generated(config, STYLESHEET,
                                    abs_src_path=str(ASSETS / "midtikulturen.css")))
        files.append(File.generated(config, WORKER_URI,
                                    abs_src_path=str(ASSETS / "search-worker.js")))
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A case's or guide's story without its front matter: it was read and validated in
        on_files, and MkDocs would parse it again with pure-Python YAML."""
        uri = page.file.src_uri
        if guide := self.guides.get(uri):
            return guide.body
        if self.catalog and uri in self.catalog.by_uri and page.file.abs_src_path:
            return body_of(normalise_text(Path(page.file.abs_src_path).read_bytes()))
        return None

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
            item, html, image_url=href(item.image_uri) if item.image_uri else None,
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

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: object) -> LiveReloadServer:
        server.watch(str(self.root / self.config.cases_dir))
        server.watch(str(self.root / self.config.vocabulary))
        return server


def _relative(path: Path, root: Path) -> str | None:
    """path relative to root, or None when it lies outside the project."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None
