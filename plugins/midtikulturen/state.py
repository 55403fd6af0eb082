"""What our plugins share in a build: the collection plugin's content and the project layout.

This is the one place a plugin finds another: the collection plugin reads the content first
(see order.py), and every other plugin reads it from there.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .content.layout import Layout
from .plan.listing_paths import ListingPaths
from .project import COLLECTION, FEED, SEARCH, SITE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from .collection.plugin import CollectionPlugin
    from .content.catalog import Catalog
    from .render.cards import Cards


def content_layout(config: MkDocsConfig, root: Path) -> Layout:
    """Where the project at root keeps its content, from the build's configuration."""
    options = collection_plugin(config).config
    feed = config.plugins.get(FEED)
    names = (
        Layout.feed_names
        if feed is None
        else tuple(
            posixpath.basename(path) for path in (feed.config.rss_path, feed.config.atom_path)
        )
    )
    docs = Path(config.docs_dir).resolve()
    return Layout(
        cases_dir=options.cases_dir,
        vocabulary_file=options.vocabulary,
        docs_dir=docs.relative_to(root).as_posix() if docs.is_relative_to(root) else None,
        guides_dir=options.guides_dir,
        houses_dir=options.houses_dir,
        podcast_dir=options.podcast_dir,
        events_dir=options.events_dir,
        directory_urls=config.use_directory_urls,
        feed_names=names,
        schemas_dir=site.config.schemas.strip("/") if (site := config.plugins.get(SITE)) else "",
        search_dir=found.config.folder.strip("/") if (found := config.plugins.get(SEARCH)) else "",
        exclude_docs=config.exclude_docs,
    )


def listing_feeds(config: MkDocsConfig, page: Page) -> list[tuple[str, str, str]]:
    """The feeds that follow a listing page as (name, href from page, MIME type), if any."""
    plugin = config.plugins.get(FEED)
    if plugin is None or (spec := plugin.own_feed(page)) is None:
        return []
    return [
        (name, get_relative_url(path, page.url), kind) for name, path, kind in plugin.files_of(spec)
    ]


def required_plugin(config: MkDocsConfig, name: str, where_and_why: str) -> Any:
    """The plugin called name in this build; without it, a Danish PluginError that ends with
    where_and_why (`, før …` or ` efter …`)."""
    plugin = config.plugins.get(name)
    if plugin is None:
        raise PluginError(f"mkdocs.yml: tilføj '{name}' under `plugins:`{where_and_why}")
    return plugin


def collection_plugin(config: MkDocsConfig) -> CollectionPlugin:
    """The collection plugin of this build, which holds the validated content."""
    found: CollectionPlugin = required_plugin(
        config, COLLECTION, ", før de andre midtikulturen-plugins: de bygger på indholdet"
    )
    return found


def listing_paths(config: MkDocsConfig) -> ListingPaths:
    """Where this build's listing pages and data files live, from the collection's folders."""
    options = collection_plugin(config).config
    return ListingPaths(
        options.cases_dir,
        options.guides_dir,
        options.houses_dir,
        options.podcast_dir,
        options.events_dir,
    )


def catalog_if_any(config: MkDocsConfig) -> Catalog | None:
    """The content of this build, None in a site without the collection plugin."""
    plugin = config.plugins.get(COLLECTION)
    return plugin.catalog if plugin is not None else None


def catalog(config: MkDocsConfig) -> Catalog:
    """The validated, published content of this build."""
    found = collection_plugin(config).catalog
    if found is None:
        raise PluginError(
            "midtikulturen/collection har ikke læst indholdet endnu — behold "
            "plugins' rækkefølge for hændelserne, som den er"
        )
    return found


def cards(config: MkDocsConfig) -> Cards:
    """The case cards of this build (the images plugin gives them their thumbnails)."""
    return collection_plugin(config).cards
