"""Each page of the exported site: its Markdown rendered and wrapped by the same renderers, in
the same order, as the MkDocs plugins call them.

Story (Markdown, sanitised) → the feeds take it → pictures as `<picture>` → the item's page →
listing blocks and listings → the statement's blocks → "Læs også" on a case.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from ..content.catalog import Catalog
from ..content.directives import replace_listings
from ..content.frontmatter import read_front_matter
from ..content.model import Case, Guide
from ..content.problems import ContentError, Problem
from ..feed.feeds import Enclosure, FeedWriter
from ..feed.items import story_item
from ..feed.plan import FeedSpec, own_feed
from ..images.pictures import BuildPictures
from ..plan.item_pages import Build, Item, item_html, with_related_cases
from ..plan.page_html import SLOT, ListingPages, PageLinks
from ..plan.routes import linker, relative, root_href, url_of
from ..site.blocks import fill_slots, mark_blocks
from ..site.pages import BlockProblem, block_html
from ..site.public import ConfigProblem, read_public_info
from .markdown import PageRenderer
from .settings import ExportSettings

HEADING = re.compile(r"^#\s", re.MULTILINE)  # as the listing plugin tells a page's own heading
FeedFiles = list[tuple[str, str, str]]


@dataclass(frozen=True)
class PlannedPage:
    """A page of the site: its source URI, title and description as plain text, and its body."""

    uri: str
    title: str
    description: str | None
    html: str


@dataclass
class PageMaker:
    """Makes each page as the MkDocs plugins would, and collects the stories for the feeds.

    exists says whether the site holds the page or file made from a source URI; feeds are the
    site's feeds by folder, with the (name, path, MIME type) of their files.
    """

    settings: ExportSettings
    catalog: Catalog
    renderer: PageRenderer
    build: Build
    listings: ListingPages
    pictures: BuildPictures
    exists: Callable[[str], bool]
    directory_urls: bool
    feeds: dict[str, FeedSpec]
    feed_files: dict[str, FeedFiles]

    def __post_init__(self) -> None:
        self.writer = FeedWriter()
        self.ids: dict[str, str] = {}
        self.blocks = self.settings.site is not None

    def page(self, uri: str, source: str | None, item: Item | None) -> PlannedPage:
        """The page made from uri: an item's, or one with a Markdown source (front matter and
        all)."""
        meta: dict[str, Any] = {}
        if item is not None:
            markdown = item.body
        else:
            front = read_front_matter(uri, source or "")
            if isinstance(front, Problem):
                markdown = source or ""
            else:
                meta = front.doc.data if isinstance(front.doc.data, dict) else {}
                markdown = front.body
        title = meta.get("title") if isinstance(meta.get("title"), str) else None
        listing = self.listings.pages.get(uri)
        if listing and title is None and not HEADING.search(markdown):
            title = listing.page_title
        if uri in self.catalog.listings:
            markdown = replace_listings(markdown, SLOT)
        names: list[str] = []
        if self.blocks:
            markdown, names = mark_blocks(markdown)
        rendered = self.renderer.render(markdown, uri)
        html = rendered.html
        page_url = url_of(uri, self.directory_urls)
        find = linker(uri, self.exists, self.directory_urls)
        links = PageLinks(
            _certain(find, uri), find, root_href(page_url), self._feeds(uri, page_url)
        )
        if isinstance(item, (Case, Guide)):
            self._add_story(item, html)
        html = self.pictures.in_page(html, page_url)
        if item is not None:
            html = item_html(
                item,
                html,
                links.href,
                find,
                self.build,
                lambda case: self.pictures.case_picture(case, page_url),
            )
        if not listing:
            html = self.listings.html(html, uri, links)
        if names:
            html = self._blocks(html, uri)
        if listing:
            html = self.listings.html(html, uri, links)
        html = with_related_cases(self.build, item, html, links.href)
        if item is not None:
            return PlannedPage(uri, item.meta.title, item.meta.description, html)
        description = meta.get("description")
        return PlannedPage(
            uri,
            title
            or rendered.heading
            or _nav_title(self.settings.config.get("nav"), uri)
            or _named(uri),
            description if isinstance(description, str) else None,
            html,
        )

    def _feeds(self, uri: str, page_url: str) -> Callable[[], FeedFiles]:
        spec = own_feed(self.feeds, uri)
        found = self.feed_files[spec.folder] if spec else []
        return lambda: [(name, relative(path, page_url), kind) for name, path, kind in found]

    def _add_story(self, item: Case | Guide, story: str) -> None:
        url = urljoin(self.settings.site_url, url_of(item.src_uri, self.directory_urls))
        enclosure = None
        if isinstance(item, Case) and (
            found := self.pictures.enclosure(item, self.settings.site_url)
        ):
            enclosure = Enclosure(*found)
        feed_item = story_item(item, url, story, self.settings.publisher, enclosure)
        self.writer.add(feed_item)
        self.ids[item.src_uri] = feed_item.id

    def _blocks(self, html: str, uri: str) -> str:
        """html with the accessibility statement's blocks filled from mkdocs.yml's `extra`."""
        try:
            info = read_public_info(self.settings.config.get("extra") or {})
            return fill_slots(html, lambda name: block_html(name, info))
        except (BlockProblem, ConfigProblem) as problem:
            raise ContentError([Problem(f"docs/{uri}", 1, str(problem))]) from None

    def close(self) -> None:
        """Delete the feeds' spool."""
        self.writer.close()

    def feed_documents(self) -> dict[str, bytes]:
        """Every RSS and Atom feed, once every page's story has been added."""
        documents: dict[str, bytes] = {}
        for spec in self.feeds.values():
            ids = [self.ids[item.src_uri] for item in spec.items]
            (_, rss_path, _), (_, atom_path, _) = self.feed_files[spec.folder]
            channel = spec.channel(
                self.settings.site_url, rss_path, atom_path, self.settings.publisher
            )
            documents[rss_path] = self.writer.document(channel, ids, rss=True)
            documents[atom_path] = self.writer.document(channel, ids, rss=False)
        return documents


def _certain(find: Callable[[str], str | None], uri: str) -> Callable[[str], str]:
    """find, for links that must resolve: a missing target is a fault of ours, not the editor's."""

    def href(target: str) -> str:
        found = find(target)
        if found is None:
            raise RuntimeError(f"{uri} links to {target}, which the export does not hold")
        return found

    return href


def _nav_title(nav: Any, uri: str) -> str | None:
    """The title mkdocs.yml's `nav` gives the page made from uri, if it names it."""
    if isinstance(nav, list):
        for entry in nav:
            found = _nav_title(entry, uri)
            if found:
                return found
    elif isinstance(nav, dict):
        for title, target in nav.items():
            if target == uri:
                return str(title)
            found = _nav_title(target, uri)
            if found:
                return found
    return None


def _named(uri: str) -> str:
    """A title from the file's name, as MkDocs makes one: `om-sitet.md` → `Om sitet`."""
    stem = posixpath.splitext(posixpath.basename(uri))[0]
    if stem in ("index", "README") and posixpath.dirname(uri):
        stem = posixpath.basename(posixpath.dirname(uri))
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
