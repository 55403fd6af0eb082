"""RSS 2.0 and Atom documents from plain values: the only module that uses feedgen."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
NO_ITEMS_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
GENERATOR_URI = "https://lkiesow.github.io/python-feedgen"


@dataclass(frozen=True)
class Channel:
    """What a feed is about and where it lives; every URL is absolute."""

    title: str
    description: str
    link: str
    rss_url: str
    atom_url: str
    language: str = "da"


@dataclass(frozen=True)
class Enclosure:
    """A file attached to an item, such as the case image; the URL is absolute."""

    url: str
    length: int
    type: str


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed; dates are timezone-aware, URLs absolute, content is HTML."""

    title: str
    link: str
    id: str
    summary: str
    published: datetime
    updated: datetime | None = None
    content: str | None = None
    categories: tuple[str, ...] = ()
    author: str | None = None
    enclosure: Enclosure | None = None

    @property
    def last_change(self) -> datetime:
        """When the item last changed: updated, or else published."""
        return self.updated or self.published


def render_feeds(channel: Channel, items: Sequence[FeedItem]) -> tuple[bytes, bytes]:
    """The RSS and the Atom document of items, which come newest first."""
    return FeedWriter().render(channel, items)


class FeedWriter:
    """Writes many feeds that share items, turning each item into XML only once.

    A site has a feed per term, so one case appears in several feeds; feedgen builds the
    channel and each item once, and every feed gets copies of the items' elements. Documents
    depend on their arguments only (not on the clock), so a rebuild of the same content gives
    the same bytes: a feed's date is the last change of its newest item.
    """

    def __init__(self, items: Sequence[FeedItem] = ()) -> None:
        """Prepare the XML of items, which the feeds to come will hold, in one pass."""
        self._entries: dict[tuple[str, bool], Any] = {}
        self._prepare(items)

    def _prepare(self, items: Sequence[FeedItem]) -> None:
        unique = list({item.id: item for item in items}.values())
        for rss in (True, False):
            root = _parse(_generator(_ENTRY_CHANNEL, unique, rss=rss), rss)
            elements = root.findall("channel/item") if rss else root.findall(f"{{{ATOM}}}entry")
            self._entries.update(((item.id, rss), element)
                                 for item, element in zip(unique, elements))

    def render(self, channel: Channel, items: Sequence[FeedItem]) -> tuple[bytes, bytes]:
        """The RSS and the Atom document of items, which come newest first."""
        return self._document(channel, items, rss=True), self._document(channel, items, rss=False)

    def _document(self, channel: Channel, items: Sequence[FeedItem], *, rss: bool) -> bytes:
        root = _parse(_generator(channel, items, rss=rss, with_entries=False), rss)
        parent = root.find("channel") if rss else root
        for item in items:
            parent.append(copy.deepcopy(self._entry(item, rss)))
        etree.cleanup_namespaces(root)
        xml: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True,
                                    encoding="UTF-8")
        return xml

    def _entry(self, item: FeedItem, rss: bool) -> Any:
        key = (item.id, rss)  # ids are unique: an item's permanent URL
        if key not in self._entries:
            self._prepare([item])
        return self._entries[key]


ATOM = "http://www.w3.org/2005/Atom"
_ENTRY_CHANNEL = Channel("-", "-", "https://example.org/", "https://example.org/rss.xml",
                         "https://example.org/atom.xml")
_PARSER = etree.XMLParser(remove_blank_text=True)


def _parse(generator: Any, rss: bool) -> Any:
    return etree.fromstring(generator.rss_str() if rss else generator.atom_str(), _PARSER)


def _generator(channel: Channel, items: Sequence[FeedItem], *, rss: bool,
               with_entries: bool = True) -> Any:
    described: Callable[[str], str] = _as_html if rss else str
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(channel.atom_url)
    fg.title(channel.title)
    fg.subtitle(described(channel.description))
    fg.language(channel.language)
    fg.link(href=channel.rss_url if rss else channel.atom_url, rel="self",
            type=RSS_TYPE if rss else ATOM_TYPE)
    fg.link(href=channel.link, rel="alternate", type="text/html")
    fg.generator("python-feedgen", uri=GENERATOR_URI)
    fg.updated(max((item.last_change for item in items), default=NO_ITEMS_DATE))
    for item in items if with_entries else ():
        entry = fg.add_entry(_Entry(), order="append")
        entry.title(item.title)
        entry.guid(item.id, permalink=item.id == item.link)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.published(item.published)
        entry.updated(item.last_change)
        entry.summary(described(item.summary))
        if item.content:
            entry.content(item.content, type="html")
        if item.categories:
            entry.category([{"term": name} for name in item.categories])
        if item.author:
            entry.author(name=item.author)
            entry.dc.dc_creator(item.author)
        if item.enclosure:
            entry.enclosure(item.enclosure.url, str(item.enclosure.length), item.enclosure.type)
    return fg


def _as_html(text: str) -> str:
    """Plain text as HTML, the way feed readers take an RSS `<description>`."""
    return escape(text, quote=False)


class _Entry(FeedEntry):
    """A feedgen entry whose Atom `<link>` keeps `rel` and `type`.

    feedgen 1.0.0 writes only `href` on an entry's links (lkiesow/python-feedgen#135).
    """

    def atom_entry(self, extensions: bool = True) -> Any:
        entry = super().atom_entry(extensions)
        for element, link in zip(entry.findall("link"), self.link() or []):
            element.attrib.update({key: value for key, value in link.items() if key != "href"})
        return entry
