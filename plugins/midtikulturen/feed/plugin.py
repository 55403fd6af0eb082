"""The MkDocs plugin: RSS and Atom feeds of the site, the cases and each term, linked from pages."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from .. import order
from ..content.model import Case
from ..images.hooks import case_enclosure
from ..state import catalog, collection_plugin
from .config import FeedConfig, settings_problem
from .feeds import FeedItem, FeedWriter
from .items import story_item
from .markup import FeedLink, with_feed_links
from .plan import FeedSpec, own_feed, plan_feeds
from .podcast_files import add_podcast_feeds

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class FeedPlugin(BasePlugin[FeedConfig]):
    """Writes RSS and Atom feeds of the content the collection plugin published."""

    _cases: dict[str, Case] = {}
    _writer: FeedWriter | None = None
    _ids: dict[str, str] = {}  # src_uri -> id of its item in the writer
    _dirty = False
    feeds: dict[str, FeedSpec] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if problem := settings_problem(self.config, config.site_url):
            raise PluginError(problem)
        # Under `serve --dirty` items stay from the last build, which rendered the pages that
        # did not change; feeds list only what the catalog publishes, so a stale item never
        # appears.
        if self._writer is None or not self._dirty:
            self._close()
            self._writer, self._ids = FeedWriter(), {}
        self._cases, self.feeds = {}, {}
        return config

    @event_priority(order.ADD_GENERATED)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_podcast_feeds(files, config, catalog(config), collection_plugin(config))
        self._cases = dict(catalog(config).by_uri)
        self.feeds = plan_feeds(
            catalog(config),
            config.site_name,
            config.site_description or config.site_name,
            collection_plugin(config).config.cases_dir,
            collection_plugin(config).config.guides_dir,
            self.config.max_entries,
            self.config.max_entries_per_term,
        )
        return files

    @event_priority(order.CAPTURE_STORY)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not (url := page.canonical_url):
            return html
        if case := self._cases.get(page.file.src_uri):
            item = story_item(case, url, html, publisher(config), case_enclosure(config, case))
            self._add(case.src_uri, item)
        elif guide := collection_plugin(config).guides.get(page.file.src_uri):
            self._add(guide.src_uri, story_item(guide, url, html, publisher(config)))
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        specs = [self.feeds[""], *([own] if (own := self.own_feed(page)) else [])]
        return with_feed_links(
            output, self._links(specs, lambda path: get_relative_url(path, page.url))
        )

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name != "404.html":
            return output_content
        root = urlsplit(config.site_url or "/").path or "/"
        links = self._links([self.feeds[""]], lambda path: posixpath.join(root, path))
        return with_feed_links(output_content, links)

    @event_priority(order.BEFORE_MATERIAL_SEARCH)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self._writer is not None
        partial = 0
        for spec in self.feeds.values():
            ids = [self._ids[i.src_uri] for i in spec.items if i.src_uri in self._ids]
            if len(ids) < len(spec.items):  # `build --dirty` rendered only some pages
                partial += 1
                continue
            (_, rss_path, _), (_, atom_path, _) = self.files_of(spec)
            channel = spec.channel(config.site_url or "", rss_path, atom_path, publisher(config))
            self._writer.write_file(Path(config.site_dir, rss_path), channel, ids, rss=True)
            self._writer.write_file(Path(config.site_dir, atom_path), channel, ids, rss=False)
        if partial:
            log.info(
                f"{partial} feeds er ikke skrevet om, da denne bygning ikke lavede alle deres "
                "sider (--dirty); en fuld bygning skriver dem."
            )
        if not self._dirty:
            self._close()

    def on_shutdown(self) -> None:
        self._close()

    def _add(self, src_uri: str, item: FeedItem) -> None:
        assert self._writer is not None
        self._writer.add(item)
        self._ids[src_uri] = item.id

    def _links(self, specs: list[FeedSpec], href: Callable[[str], str]) -> list[FeedLink]:
        """The <link> of each file of the feeds, href made from its path from the site root."""
        return [
            FeedLink(kind, f"{spec.title} – {name}", href(path))
            for spec in specs
            for name, path, kind in self.files_of(spec)
        ]

    def _close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def own_feed(self, page: Page) -> FeedSpec | None:
        """The feed that follows the listing page, such as a term's own feed."""
        return own_feed(self.feeds, page.file.src_uri)

    def files_of(self, spec: FeedSpec) -> list[tuple[str, str, str]]:
        """The feed's files as (name, path from the site root, MIME type)."""
        return spec.files(self.config.rss_path, self.config.atom_path)


def publisher(config: MkDocsConfig) -> str:
    """Who publishes the site: `site_author` in mkdocs.yml, or else the site's name."""
    return config.site_author or config.site_name
