"""Open Graph tags: how a page looks when it is shared, each value escaped exactly once."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True)
class Picture:
    """A shared picture: absolute address, size in pixels, MIME type and its text."""

    url: str
    width: int
    height: int
    type: str
    alt: str | None = None


@dataclass(frozen=True)
class OpenGraph:
    """A page as link previews show it; every value is plain text, not HTML."""

    title: str
    site_name: str
    locale: str
    type: str = "website"
    description: str | None = None
    url: str | None = None
    image: Picture | None = None


def plain_text(html: str) -> str:
    """The text of HTML as Material's `striptags` gives it: no tags, entities decoded.

    The project's page metadata reaches themes HTML-escaped (`render.head.page_meta`), so
    `Kunst &amp; kultur` is the title `Kunst & kultur`.
    """
    return Markup(html).striptags()


def page_title(meta_title: str | None, title: str | None, is_homepage: bool, site_name: str) -> str:
    """The page's title as Material's `<title>` shows it, without the site's name."""
    if meta_title:
        return plain_text(meta_title)
    if title and not is_homepage:
        return plain_text(title)
    return site_name


def open_graph_tags(graph: OpenGraph) -> str:
    """`<meta property="og:…">` for every value graph has, in the order the protocol lists
    them, and the card X (Twitter) shows: a large picture where there is one."""
    picture = graph.image
    pairs = [
        ("og:title", graph.title),
        ("og:type", graph.type),
        ("og:url", graph.url),
        *(
            (
                ("og:image", picture.url),
                ("og:image:type", picture.type),
                ("og:image:width", str(picture.width)),
                ("og:image:height", str(picture.height)),
                ("og:image:alt", picture.alt),
            )
            if picture
            else ()
        ),
        ("og:description", graph.description),
        ("og:site_name", graph.site_name),
        ("og:locale", graph.locale),
    ]
    card = "summary_large_image" if picture else "summary"
    tags = "".join(
        f'<meta property="{name}" content="{escape(value)}">' for name, value in pairs if value
    )
    return f'{tags}<meta name="twitter:card" content="{card}">'


def with_head_tags(page_html: str, tags: str) -> str:
    """page_html with tags added at the end of its `<head>`."""
    return page_html.replace("</head>", f"{tags}</head>", 1)
