"""HTML for and about feeds: item content that stands alone, and `<head>` links to the feeds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import lxml.html

PERMALINK_CLASS = "headerlink"


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
    only makes sense on the page.
    """
    if not fragment.strip():
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for permalink in root.find_class(PERMALINK_CLASS):
        permalink.drop_tree()
    root.make_links_absolute(base_url, resolve_base_href=False, handle_failures="ignore")
    html: str = lxml.html.tostring(root, encoding="unicode")
    return html.removeprefix("<div>").removesuffix("</div>")


def with_feed_links(page_html: str, links: Sequence[FeedLink]) -> str:
    """page_html with a `<link rel="alternate">` per feed at the end of its `<head>`."""
    tags = "".join(f'<link rel="alternate" type="{escape(link.type)}" '
                   f'title="{escape(link.title)}" href="{escape(link.href)}">' for link in links)
    return page_html.replace("</head>", f"{tags}</head>", 1)
