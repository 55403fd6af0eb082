"""RSS 2.0 and Atom documents from plain values: the only module that uses feedgen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

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
    """The RSS and the Atom document of items, which come newest first.

    Both documents depend on their arguments only (not on the clock), so a rebuild of the same
    content gives the same bytes: the feed's date is the last change of its newest item.
    """
    return (_generator(channel, items, rss=True).rss_str(pretty=True),
            _generator(channel, items, rss=False).atom_str(pretty=True))


def _generator(channel: Channel, items: Sequence[FeedItem], *, rss: bool) -> Any:
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
    for item in items:
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
