"""The MkDocs plugin: Pagefind's index of the site, and the search dialog that reads it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from .. import order
from ..content.model import Episode, Event
from ..state import catalog, collection_plugin, listing_paths
from .config import SearchConfig
from .documents import EXCLUDED, document
from .indexer import Indexer, PagefindError, Staging
from .material import MissingMaterialSearch, take_over_material_search
from .selection import Selection, listing_uris

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
HERE = Path(__file__).parent
THEME = str(HERE / "theme")
SCRIPT = "assets/midtikulturen/search.js"
STYLESHEET = "assets/midtikulturen/search.css"
INDEX_CONFIG = {"force_language": "da", "exclude_selectors": list(EXCLUDED)}
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)
"""Files Pagefind writes that this site's search never loads: its own UIs, other languages."""


class SearchPlugin(BasePlugin[SearchConfig]):
    """Writes each page's search document as the page is rendered; Pagefind indexes them in
    the background while MkDocs renders the templates, and the build waits for it at the end."""

    selection: Selection | None = None
    _staging: Staging | None = None
    _indexer: Indexer | None = None
    _dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._dirty = dirty

    @event_priority(order.AFTER_MATERIAL_SEARCH)
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

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._stop()
        if not self._dirty:  # under `serve --dirty` unchanged pages keep their documents
            self._remove_staging()
        if self._staging is None:
            self._staging = Staging()

    @event_priority(order.SELECT_SEARCH)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        collection = collection_plugin(config)
        self.selection = Selection(
            catalog(config),
            collection.guides,
            collection.houses,
            listing_uris(listing_paths(config)),
            {**collection.placed.of_kind(Episode), **collection.placed.of_kind(Event)},
        )
        for uri, name in ((SCRIPT, "search.js"), (STYLESHEET, "search.css")):
            files.append(File.generated(config, uri, abs_src_path=str(HERE / "assets" / name)))
        return files

    @event_priority(order.INDEX_FOR_SEARCH)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.selection is not None and self._staging is not None
        entry = self.selection.entry(page.file.src_uri, page.title or "", page.meta)
        if entry is None:
            self._staging.remove(page.file.dest_uri)
        else:
            self._staging.write(page.file.dest_uri, document(entry, html))
        return html

    @event_priority(order.INDEX_IN_BACKGROUND)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        assert self._staging is not None
        self._staging.keep_only({file.dest_uri for file in files.documentation_pages()})
        options = {**INDEX_CONFIG, "keep_index_url": not config.use_directory_urls}
        try:
            self._indexer = Indexer(
                self._staging, options, Path(config.site_dir) / self.config.folder
            )
        except (PagefindError, OSError) as error:
            raise PluginError(
                f"søgningens indeks kunne ikke laves, Pagefind startede ikke: {error}"
            ) from None
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        indexer, self._indexer = self._indexer, None
        try:
            if indexer is not None:
                indexer.finish()
        except PagefindError as error:
            raise PluginError(str(error)) from None
        finally:
            if not self._dirty:
                self._remove_staging()
        if indexer is not None:
            for name in UNUSED:
                (indexer.output / name).unlink(missing_ok=True)
            log.debug("Pagefind indexed %d pages", indexer.pages)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop()
        if not self._dirty:
            self._remove_staging()

    def on_shutdown(self) -> None:
        self._stop()
        self._remove_staging()

    def _stop(self) -> None:
        """Stop an unfinished index."""
        if self._indexer is not None:
            self._indexer.close()
            self._indexer = None

    def _remove_staging(self) -> None:
        if self._staging is not None:
            self._staging.close()
            self._staging = None
