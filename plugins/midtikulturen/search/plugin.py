"""MkDocs glue: Pagefind's index of the site, and the search dialog that reads it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from ..glue import catalog, collection_plugin
from .config import SearchConfig
from .documents import EXCLUDED, document
from .material import MissingMaterialSearch, take_over_material_search
from .selection import Selection, listing_uris
from .service import IndexingService, PagefindError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)
HERE = Path(__file__).parent
THEME = str(HERE / "theme")
SCRIPT = "assets/midtikulturen/search.js"
STYLESHEET = "assets/midtikulturen/search.css"
INDEX_CONFIG = {"force_language": "da", "exclude_selectors": list(EXCLUDED)}
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
          "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-highlight.js", "wasm.unknown.pagefind")
"""Files Pagefind writes that this site's search never loads: its own UIs, other languages."""


class SearchPlugin(BasePlugin[SearchConfig]):
    """Feeds each page to Pagefind as it is rendered and writes the index after the build."""

    selection: Selection | None = None
    _service: IndexingService | None = None
    _dirty = False
    _documents: dict[str, str]  # under `serve --dirty`: every page's document, by URL

    def __init__(self) -> None:
        super().__init__()
        self._documents = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._dirty = dirty

    @event_priority(-100)  # after Material's search plugin has read its own options
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            take_over_material_search(config.plugins)
        except MissingMaterialSearch as problem:
            raise PluginError(str(problem)) from None
        dirs, custom = config.theme.dirs, config.theme.custom_dir
        if THEME not in dirs:
            dirs.insert(dirs.index(custom) + 1 if custom in dirs else 0, THEME)
        config.extra_css.append(STYLESHEET)
        config.extra_javascript.append(SCRIPT)
        return config

    @event_priority(-30)  # after the collection plugin has placed guides and houses
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        collection = collection_plugin(config)
        options = collection.config
        self.selection = Selection(catalog(config), collection.guides, collection.houses,
                                   listing_uris(options.cases_dir, options.guides_dir,
                                                options.houses_dir))
        for uri, name in ((SCRIPT, "search.js"), (STYLESHEET, "search.css")):
            files.append(File.generated(config, uri, abs_src_path=str(HERE / "assets" / name)))
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.close()

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Index the page's content before "Læs også" and listings are added to it."""
        entry = self.selection.entry(page.file.src_uri, page.title or "", page.meta) \
            if self.selection else None
        if entry is not None:
            html = document(entry, page.content or "")
            if self._dirty:
                self._documents[page.url] = html
            else:
                self._index().add_page(f"/{page.url}", html)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        service = self._index()
        for url, html in self._documents.items():
            service.add_page(f"/{url}", html)
        self._service = None
        folder = Path(config.site_dir) / self.config.folder
        try:
            service.write(folder)
        except PagefindError as error:
            raise PluginError(str(error)) from None
        for name in UNUSED:
            (folder / name).unlink(missing_ok=True)
        log.debug("Pagefind indexed %d pages", service.pages)

    def on_build_error(self, *, error: Exception) -> None:
        self.close()

    def close(self) -> None:
        """Stop an unfinished index's service."""
        if self._service is not None:
            self._service.close()
            self._service = None

    def _index(self) -> IndexingService:
        if self._service is None:
            try:
                self._service = IndexingService(INDEX_CONFIG)
            except (PagefindError, OSError) as error:
                raise PluginError(f"Pagefind could not start: {error}") from None
        return self._service
