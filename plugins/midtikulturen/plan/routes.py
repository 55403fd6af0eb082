"""Where each source URI is published and how pages link to each other, as MkDocs does it."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import quote

from ..content.reserved import page_dest
from ..content.terms import Term


def url_of(uri: str, directory_urls: bool) -> str:
    """The URL (from the site root) of the page or file made from uri, as MkDocs' File.url."""
    dest = page_dest(uri, directory_urls) if uri.endswith(".md") else uri
    folder, name = posixpath.split(dest)
    if directory_urls and name == "index.html":
        dest = (folder or ".") + "/"
    return quote(dest)


def relative(url: str, other: str) -> str:
    """url as seen from the page at other (both from the site root), as MkDocs links them."""
    if other != ".":
        folder, last = posixpath.split(other)
        other = folder if "." in last else other
    found = posixpath.relpath("/" + url, "/" + other)
    return found + "/" if url.endswith("/") else found


def linker(
    page_uri: str, exists: Callable[[str], bool], directory_urls: bool
) -> Callable[[str], str | None]:
    """A function from a source URI to its URL relative to the page made from page_uri, or
    None where the site holds no such page or file."""
    here = url_of(page_uri, directory_urls)

    def href(uri: str) -> str | None:
        return relative(url_of(uri, directory_urls), here) if exists(uri) else None

    return href


def root_href(page_url: str) -> str:
    """The site's root as the page at page_url links to it: `../../` (`./` on the front page)."""
    return relative(".", page_url) + "/"


def series_feed_uri(podcast_dir: str, series: Term) -> str:
    """Where a series' podcast feed is published: `podcast/kulturhusene-i-lokalsamfundet.xml`."""
    return f"{podcast_dir}/{series.slug}.xml"


def series_artwork_uri(podcast_dir: str, series: Term) -> str:
    """Where a series' artwork is published: `podcast/kulturhusene-i-lokalsamfundet.png`."""
    return f"{podcast_dir}/{series.slug}.png"
