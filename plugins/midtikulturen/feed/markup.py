"""HTML for and about feeds: item content that stands alone, and `<head>` links to the feeds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urljoin


@dataclass(frozen=True)
class FeedLink:
    """A feed as a page announces it: MIME type, title and href relative to the page."""

    type: str
    title: str
    href: str


def standalone_html(fragment: str, base_url: str) -> str:
    """A page's HTML fragment for reading elsewhere: links absolute, heading permalinks gone.

    Feed readers show content away from its page, so `../images/a.png` and `#baggrund` must
    become absolute against base_url, the page's own address; the `¶` after each heading
    only makes sense on the page. The fragment is Markdown's output, whose attributes are
    quoted, so rewriting attributes in the text is exact and far cheaper than parsing it.
    """
    without_permalinks = _PERMALINK.sub("", fragment)
    return _URL_ATTRIBUTE.sub(lambda m: _absolute(m, base_url), without_permalinks)


_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_URL_ATTRIBUTE = re.compile(
    r"""(?P<name><[a-zA-Z][^<>]*?\s(?:href|src))=(?P<quote>["'])(?P<url>[^<>]*?)(?P=quote)"""
)


def _absolute(match: re.Match[str], base_url: str) -> str:
    url = unescape(match["url"])
    absolute = escape(urljoin(base_url, url), quote=True) if url else match["url"]
    return f"{match['name']}={match['quote']}{absolute}{match['quote']}"


FEED_REL = "alternate "
"""The `rel` of a feed link: the token set {alternate}, as HTML and token-reading feed finders
see it, spelled so that Material's exact `link[rel=alternate]` (meant for language versions)
does not take it for an alternate site and fetch `sitemap.xml` beside each feed: a 404 for
`/cases/feed_rss.xml` and the whole root sitemap again for each site feed."""


def with_feed_links(page_html: str, links: Sequence[FeedLink]) -> str:
    """page_html with a `<link rel="alternate ">` per feed at the end of its `<head>`."""
    tags = "".join(
        f'<link rel="{FEED_REL}" type="{escape(link.type)}" '
        f'title="{escape(link.title)}" href="{escape(link.href)}">'
        for link in links
    )
    return page_html.replace("</head>", f"{tags}</head>", 1)
