"""MkDocs glue: RSS and Atom feeds of the published cases, linked from every page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url, write_file

from ..content.model import Case
from ..glue import catalog
from .config import FeedConfig
from .feeds import ATOM_TYPE, RSS_TYPE, Channel, FeedItem, render_feeds
from .items import case_item, local_enclosure
from .markup import FeedLink, standalone_html, with_feed_links

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class FeedPlugin(BasePlugin[FeedConfig]):
    """Writes RSS and Atom feeds of the cases the collection plugin published."""

    _cases: dict[str, Case] = {}
    _items: dict[str, FeedItem] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError("The feed plugin needs `site_url` in mkdocs.yml (for example "
                              "`site_url: https://www.midtikulturen.dk/`): feed readers need "
                              "absolute links.")
        if self.config.max_entries < 1:
            raise PluginError("max_entries must be at least 1 in the feed plugin's options")
        if self.config.rss_path == self.config.atom_path:
            raise PluginError("rss_path and atom_path must differ in the feed plugin's options")
        self._cases, self._items = {}, {}
        return config

    @event_priority(-10)  # after the collection plugin has read the cases
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._cases = dict(catalog(config).by_uri)
        return files

    @event_priority(50)  # before the collection plugin wraps the story in the case page
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if (case := self._cases.get(page.file.src_uri)) and page.canonical_url:
            content = standalone_html(html, page.canonical_url)
            image = files.get_file_from_path(case.image_uri) if case.image_uri else None
            enclosure = local_enclosure(Path(image.abs_src_path), urljoin(
                config.site_url or "", image.url)) if image and image.abs_src_path else None
            self._items[case.src_uri] = case_item(case, page.canonical_url, content, enclosure)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return with_feed_links(output, [
            FeedLink(RSS_TYPE, f"{config.site_name} – RSS",
                     get_relative_url(self.config.rss_path, page.url)),
            FeedLink(ATOM_TYPE, f"{config.site_name} – Atom",
                     get_relative_url(self.config.atom_path, page.url)),
        ])

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        cases = catalog(config).cases
        items = [self._items[case.src_uri] for case in cases if case.src_uri in self._items]
        rss, atom = render_feeds(self._channel(config), items[: self.config.max_entries])
        write_file(rss, str(Path(config.site_dir, self.config.rss_path)))
        write_file(atom, str(Path(config.site_dir, self.config.atom_path)))

    def _channel(self, config: MkDocsConfig) -> Channel:
        site_url = config.site_url or ""
        return Channel(title=config.site_name,
                       description=config.site_description or config.site_name,
                       link=site_url,
                       rss_url=urljoin(site_url, self.config.rss_path),
                       atom_url=urljoin(site_url, self.config.atom_path))
