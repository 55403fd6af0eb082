"""Helpers shared by the MkDocs plugins: links between pages and the collection plugin."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .content.layout import Layout

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .collection.plugin import CollectionPlugin
    from .content.catalog import Catalog

COLLECTION = "midtikulturen/collection"
FEED = "midtikulturen/feed"


def content_layout(config: MkDocsConfig, root: Path) -> Layout:
    """Where the project at root keeps its content, from the build's configuration."""
    options = collection_plugin(config).config
    feed = config.plugins.get(FEED)
    names = Layout.feed_names if feed is None else tuple(
        posixpath.basename(path) for path in (feed.config.rss_path, feed.config.atom_path))
    docs = Path(config.docs_dir).resolve()
    return Layout(cases_dir=options.cases_dir, vocabulary_file=options.vocabulary,
                  docs_dir=docs.relative_to(root).as_posix() if docs.is_relative_to(root) else None,
                  guides_dir=options.guides_dir, houses_dir=options.houses_dir,
                  podcast_dir=options.podcast_dir, events_dir=options.events_dir,
                  directory_urls=config.use_directory_urls, feed_names=names,
                  exclude_docs=config.exclude_docs)


def linker(files: Files, page: Page) -> Callable[[str], str]:
    """A function from a source URI to its URL relative to page."""
    def href(src_uri: str) -> str:
        target = files.get_file_from_path(src_uri)
        if target is None:
            raise PluginError(f"internal link to missing page {src_uri} from {page.file.src_uri}")
        return get_relative_url(target.url, page.url)
    return href


def optional_linker(files: Files, page: Page) -> Callable[[str], str | None]:
    """A function from a source URI to its URL relative to page, or None if no such page."""
    def href(src_uri: str) -> str | None:
        target = files.get_file_from_path(src_uri)
        return get_relative_url(target.url, page.url) if target else None
    return href


def listing_feeds(config: MkDocsConfig, page: Page) -> list[tuple[str, str, str]]:
    """The feeds that follow a listing page as (name, href from page, MIME type), if any."""
    plugin = config.plugins.get(FEED)
    if plugin is None or (spec := plugin.own_feed(page)) is None:
        return []
    return [(name, get_relative_url(path, page.url), kind)
            for name, path, kind in plugin.files_of(spec)]


def collection_plugin(config: MkDocsConfig) -> CollectionPlugin:
    """The collection plugin of this build, which holds the validated content."""
    plugin = config.plugins.get(COLLECTION)
    if plugin is None:
        raise PluginError(f"Add the plugin '{COLLECTION}' to `plugins:` in mkdocs.yml, before "
                          "the other midtikulturen plugins: they build on its content.")
    return plugin


def catalog(config: MkDocsConfig) -> Catalog:
    """The validated, published content of this build."""
    found = collection_plugin(config).catalog
    if found is None:
        raise PluginError("The collection plugin has not read the content yet: keep the "
                          "midtikulturen plugins' default event order.")
    return found
