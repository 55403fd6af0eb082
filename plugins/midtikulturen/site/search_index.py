"""Material's search index, made faster and written with less memory; the same bytes.

Material's search plugin splits every indexed page into sections with a pure-Python
`HTMLParser`; that is a fifth of a plain build. `sections` gives the same sections with
libxml2 doing the tokenising and the handlers below doing Material's bookkeeping on plain tag
names: Material's `Element` compares and hashes by tag, so its skip set and context checks
are sets of tags. Mis-nested HTML is the one difference: libxml2 closes a `<p>` at a `<div>`
inside it, as browsers do, where Material's parser keeps it open; the same words are indexed,
with their `<p>` markup elsewhere. Material then writes the index as one JSON string and its UTF-8 copy, twice
the index's size at the build's peak; `FastSearchIndex.write` streams it in slices instead.
A test compares the whole index with Material's own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import partial
from html import escape
from typing import Any

from lxml import etree
from material.plugins.search.plugin import Element, SearchIndex, SearchPlugin, Section, void

MATERIAL_SEARCH = "material/search"
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_KEEP = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup"))
_ALWAYS_SKIPPED = ("object", "script", "style")
_WRAPPER = 3  # html, body and our own element around the fragment, which no tag in it closes


class _Sections:
    """An lxml parser target that does what Material's search `Parser` does per event."""

    def __init__(self) -> None:
        self.context: list[str] = []
        self.open: dict[str, int] = {}  # tag -> how many are open
        self.headerlinks = 0  # open <a class="headerlink">, whose text is not a title
        self.headerlink_stack: list[bool] = []
        self.skip: set[str] = set(_ALWAYS_SKIPPED)
        self.section: Section | None = None
        self.found: list[Section] = []
        self.depth = 0
        self.text: list[str] = []

    def _target(self) -> list[str]:
        section = self.section
        assert section is not None
        return section.title if section.el.tag in self.open else section.text

    def _flush(self) -> None:
        """Material's `handle_data` for the text since the last tag (libxml2 may split it)."""
        data = self.text[0] if len(self.text) == 1 else "".join(self.text)
        self.text = []
        if not self.skip.isdisjoint(self.open):
            return
        if "pre" not in self.open:
            data = " " if data.isspace() else data.replace("\n", " ")
        if self.section is None:
            self.section = Section(Element("hx"))
            self.found.append(self.section)
        section = self.section
        if section.el.tag in self.open:
            if not self.headerlinks:
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or "pre" in self.open:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        if self.depth <= _WRAPPER:
            return
        if self.text:
            self._flush()
        if tag in void:
            return
        self.context.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        is_headerlink = tag == "a" and attrib.get("class") == "headerlink"
        self.headerlink_stack.append(is_headerlink)
        self.headerlinks += is_headerlink
        if tag in _HEADINGS and "id" in attrib:
            depth = len(self.context)
            if tag != "h1" and not self.found:
                self.found.append(Section(Element("hx"), depth))
            self.section = Section(Element(tag, dict(attrib)), depth)
            if self.found:
                self.section.id = attrib["id"]
            self.found.append(self.section)
        if self.section is None:
            self.section = Section(Element("hx"))
            self.found.append(self.section)
        if attrib and ("data-search-exclude" in attrib or attrib.get("class") == "linenodiv"):
            self.skip.add(tag)
            return
        if tag in _KEEP and self.skip.isdisjoint(self.open):
            self._target().append(f"<{tag}>")

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.depth < _WRAPPER:
            return
        if self.text:
            self._flush()
        if not self.context or self.context[-1] != tag:
            return
        section = self.section
        assert section is not None
        if section.depth > len(self.context):
            for earlier in reversed(self.found):
                if earlier.depth <= len(self.context):
                    section.depth = float("inf")
                    self.section = earlier
                    break
        self.context.pop()
        self.open[tag] -= 1
        if not self.open[tag]:
            del self.open[tag]
        self.headerlinks -= self.headerlink_stack.pop()
        if tag in self.skip:
            if tag not in _ALWAYS_SKIPPED:
                self.skip.remove(tag)
            return
        if tag in _KEEP and self.skip.isdisjoint(self.open):
            data = self._target()
            index = data.index(f"<{tag}>")
            if all(piece.isspace() for piece in data[index + 1:]):
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def data(self, text: str) -> None:
        self.text.append(text)

    def comment(self, text: str) -> None:
        if self.text:
            self._flush()

    def pi(self, target: str, data: str | None = None) -> None:
        if self.text:
            self._flush()

    def close(self) -> list[Section]:
        if self.text:
            self._flush()
        return self.found


def sections(html: str) -> list[Section]:
    """The search sections of a page's HTML, as Material's search `Parser` finds them."""
    target = _Sections()
    parser = etree.HTMLParser(target=target)
    parser.feed(f"<html><body><mik-search>{html}</mik-search></body></html>")
    return parser.close()


class FastSearchIndex(SearchIndex):
    """Material's search index with `sections` in place of its `html.parser` pass."""

    entries: list[dict[str, Any]]
    config: dict[str, Any]

    def add_entry_from_context(self, page: Any) -> None:
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        for section in sections(page.content):
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)

    def write(self, prev: Any, path: str) -> None:
        """Write the index (merged with prev under dirty reload) as Material would, in slices."""
        if prev and self.entries:  # Material: replace the rebuilt page's entries
            location = self.entries[0]["location"]
            self.entries = [entry for entry in prev.entries
                            if not entry["location"].startswith(location)] + self.entries
        if prev and not self.entries:
            self.entries = prev.entries
        config = {key: self.config[key] for key in ["lang", "separator", "pipeline", "fields"]}
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(f'{{"config":{_json(config)},"docs":['.encode())
            for start in range(0, len(self.entries), _SLICE):
                text = _json(self.entries[start:start + _SLICE])[1:-1]
                out.write(("," if start else "").encode() + text.encode())
            out.write(b"]}")


_SLICE = 500


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), default=str)


def use_fast_search_index(plugins: Any) -> None:
    """Let Material's search plugin, if it is on, index and write with `FastSearchIndex`.

    Material's `on_post_build` writes the index in one piece; its registered handler is
    replaced by `_write_index`, which keeps its place and priority among the handlers.
    """
    search = plugins.get(MATERIAL_SEARCH)
    index = getattr(search, "search_index", None)
    if type(index) is not SearchIndex:  # off, or a project's own subclass
        return
    index.__class__ = FastSearchIndex
    handlers: list[Callable[..., Any]] = plugins.events["post_build"]
    for position, handler in enumerate(handlers):
        if (getattr(handler, "__self__", None) is search
                and getattr(handler, "__func__", None) is SearchPlugin.on_post_build):
            handlers[position] = partial(_write_index, search)


def _write_index(search: Any, *, config: Any) -> None:
    """Material's `SearchPlugin.on_post_build`, writing through `FastSearchIndex.write`."""
    if not search.config.enabled:
        return
    path = os.path.join(config.site_dir, "search", "search_index.json")
    index = search.search_index
    if isinstance(index, FastSearchIndex):
        index.write(search.search_index_prev, path)
    else:
        SearchPlugin.on_post_build(search, config=config)
        return
    if search.is_dirty:
        search.search_index_prev = index
