"""RSS 2.0 and Atom documents from plain values: the only module that uses feedgen."""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any, BinaryIO

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
NO_ITEMS_DATE = datetime(2000, 1, 1, tzinfo=UTC)
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
    author: str | None = None  # the publisher: Atom requires an author on the feed or entries


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
    with FeedWriter() as writer:
        for item in items:
            writer.add(item)
        ids = [item.id for item in items]
        return writer.document(channel, ids, rss=True), writer.document(channel, ids, rss=False)


class FeedWriter:
    """Writes many feeds that share items, turning each item into XML only once.

    A site has a feed per term, so one case appears in several feeds. Items are turned into
    RSS and Atom XML in batches (one feedgen pass per batch and format) and spooled to a
    temporary file, so a build holds neither their HTML nor their XML; each feed is then its
    channel's header, the items' bytes copied from the spool, and the footer: the same bytes
    as feedgen writing the whole document. Documents depend on their arguments only (not on
    the clock), so a rebuild of the same content gives the same bytes: a feed's date is the
    last change of its newest item. An item added again (a page rebuilt) replaces the old one.
    """

    def __init__(self, batch: int = 100) -> None:
        self._spool = tempfile.TemporaryFile()
        self._end = 0
        self._batch = batch
        self._pending: dict[str, FeedItem] = {}
        self._spooled: dict[tuple[str, bool], _Spooled] = {}
        self._changed: dict[str, datetime] = {}

    def __enter__(self) -> FeedWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Delete the spool."""
        self._spool.close()

    def __contains__(self, item_id: str) -> bool:
        return item_id in self._changed

    def add(self, item: FeedItem) -> None:
        """Take item into the feeds to come (its XML is made with the next batch)."""
        self._pending[item.id] = item
        self._changed[item.id] = item.last_change
        if len(self._pending) >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Turn the items added so far into XML and spool it."""
        items, self._pending = list(self._pending.values()), {}
        for rss in (True, False) if items else ():
            xml = _serialise(_tree(_generator(_ENTRY_CHANNEL, items, rss=rss), rss))
            starts = [m.start() + 1 for m in re.finditer(_ITEM_START[rss], xml)]
            ends = [*starts[1:], xml.rindex(_ITEM_END[rss]) + 1]
            if len(starts) != len(items):
                raise ValueError("feedgen wrote an unexpected document")
            for item, start, end in zip(items, starts, ends, strict=False):
                chunk = xml[start:end]
                self._spool.seek(self._end)
                self._spool.write(chunk)
                prefixes = frozenset(_PREFIXED.findall(chunk))
                self._spooled[item.id, rss] = _Spooled(self._end, len(chunk), prefixes)
                self._end += len(chunk)

    def write(self, channel: Channel, ids: Sequence[str], out: BinaryIO, *, rss: bool) -> None:
        """Write the feed of the items with ids (added before, newest first) to out."""
        self.flush()
        spooled = [self._spooled[item_id, rss] for item_id in ids]
        updated = max((self._changed[item_id] for item_id in ids), default=NO_ITEMS_DATE)
        root = _tree(_generator(channel, [], rss=rss, updated=updated), rss)
        used = set().union(*(chunk.prefixes for chunk in spooled))
        etree.cleanup_namespaces(root, keep_ns_prefixes=sorted(p.decode() for p in used))
        header = _serialise(root)
        split = header.rindex(_ITEM_END[rss]) + 1
        out.write(header[:split])
        for chunk in spooled:
            self._spool.seek(chunk.offset)
            out.write(self._spool.read(chunk.length))
        out.write(header[split:])

    def write_file(self, path: Path, channel: Channel, ids: Sequence[str], *, rss: bool) -> None:
        """Write the feed of the items with ids to the file at path, making its folder."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            self.write(channel, ids, out, rss=rss)

    def document(self, channel: Channel, ids: Sequence[str], *, rss: bool) -> bytes:
        """The feed of the items with ids (added before, newest first)."""
        out = io.BytesIO()
        self.write(channel, ids, out, rss=rss)
        return out.getvalue()


@dataclass(frozen=True)
class _Spooled:
    """Where an item's XML is in the spool, and the namespace prefixes it uses."""

    offset: int
    length: int
    prefixes: frozenset[bytes]


ATOM = "http://www.w3.org/2005/Atom"
_ENTRY_CHANNEL = Channel(
    "-", "-", "https://example.org/", "https://example.org/rss.xml", "https://example.org/atom.xml"
)
# Pretty-printed, an RSS item starts its line at depth 2 (rss, channel) and an Atom entry at
# depth 1; content is escaped text, so these lines can only be the elements' own tags.
_ITEM_START = {True: re.compile(rb"\n    <item>"), False: re.compile(rb"\n  <entry>")}
_ITEM_END = {True: b"\n  </channel>", False: b"\n</feed>"}
_PREFIXED = re.compile(rb"<([A-Za-z_][\w.-]*):")


def _tree(generator: Any, rss: bool) -> Any:
    """feedgen's document as the element tree that its `rss_str()`/`atom_str()` would print.

    feedgen 1.0 makes the tree in `_create_rss`/`_create_atom`; taking it from there saves
    printing the document and parsing it again (a test compares with the printed one).
    """
    return (generator._create_rss() if rss else generator._create_atom())[0]


def _serialise(root: Any) -> bytes:
    xml: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return xml


def _generator(
    channel: Channel, items: Sequence[FeedItem], *, rss: bool, updated: datetime | None = None
) -> Any:
    described: Callable[[str], str] = _as_html if rss else str
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(channel.atom_url)
    fg.title(channel.title)
    fg.subtitle(described(channel.description))
    fg.language(channel.language)
    fg.link(
        href=channel.rss_url if rss else channel.atom_url,
        rel="self",
        type=RSS_TYPE if rss else ATOM_TYPE,
    )
    fg.link(href=channel.link, rel="alternate", type="text/html")
    fg.generator("python-feedgen", uri=GENERATOR_URI)
    if channel.author:
        fg.author(name=channel.author)
    fg.updated(updated or max((item.last_change for item in items), default=NO_ITEMS_DATE))
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
        for element, link in zip(entry.findall("link"), self.link() or [], strict=False):
            element.attrib.update({key: value for key, value in link.items() if key != "href"})
        return entry
