"""Pictures in a page's text: each `<img>` of a published picture becomes a `<picture>`."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from markupsafe import Markup

_IMG = re.compile(r"<img\s[^<>]*>", re.IGNORECASE)

Replace = Callable[[str, str], Markup | None]


def with_pictures(html: str, replace: Replace) -> str:
    """html with each `<img>` replaced by replace(src, alt), where that gives markup."""
    if "<img" not in html:
        return html

    def swap(match: re.Match[str]) -> str:
        attributes = attributes_of(match[0])
        src = attributes.get("src")
        found = replace(src, attributes.get("alt") or "") if src else None
        return str(found) if found is not None else match[0]

    return _IMG.sub(swap, html)


def attributes_of(tag: str) -> dict[str, str]:
    """The attributes of one start tag, entities decoded (by the parser)."""
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return parser.found


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag
