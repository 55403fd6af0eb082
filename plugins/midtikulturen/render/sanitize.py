"""Every page body reduced to the HTML that Markdown and our extensions write, nothing that runs."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import nh3
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"datetime"},
    "ins": {"datetime"},
}
PRIORITY = -100  # after every other postprocessor: the HTML as it will be published


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """Drop ids that reuse the theme's own (`__config` would steer its scripts)."""
    return None if name == "id" and value.startswith("_") else value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=False,
        filter_style_properties={"text-align"},
    )


def sanitize(html: str) -> str:
    """html without script, event handlers, script URLs, frames, forms or styles."""
    return _cleaner().clean(html)


class _Sanitize(Postprocessor):
    def run(self, text: str) -> str:
        return sanitize(text)


class SanitizeExtension(Extension):
    """A Markdown extension that sanitises every document it renders, raw HTML included."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.postprocessors.register(_Sanitize(md), "midtikulturen-sanitize", PRIORITY)


def makeExtension(**kwargs: Any) -> SanitizeExtension:  # noqa: N802 (Markdown's API)
    """The extension, by its module name: `midtikulturen.render.sanitize` in mkdocs.yml."""
    return SanitizeExtension(**kwargs)
