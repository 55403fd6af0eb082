"""A page's Markdown as HTML, the way a MkDocs build renders it, without MkDocs.

The same extensions (MkDocs' built-ins `toc`, `tables` and `fenced_code` first, then
mkdocs.yml's, then the sanitiser), relative links to other sources turned into the URL of
their page or file as seen from this page, and the first heading kept as a possible title.
"""

from __future__ import annotations

import copy
import importlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from ..plan.routes import relative, url_of
from ..project import PythonName
from ..render.sanitize import SanitizeExtension

BUILTINS = ("toc", "tables", "fenced_code")
OURS = "midtikulturen."


@dataclass(frozen=True)
class Rendered:
    """A page's HTML, and the text of the heading it starts with, if it starts with one."""

    html: str
    heading: str | None


def markdown_extensions(value: Any) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """mkdocs.yml's `markdown_extensions` as MkDocs reads them: the names, built-ins first and
    each once, and their options as written; ValueError (in Danish) for a list MkDocs would
    refuse."""
    names: list[str] = list(BUILTINS)
    configs: dict[str, dict[str, Any]] = {}
    if value is None:
        return names, configs
    if not isinstance(value, list):
        raise ValueError("`markdown_extensions` skal være en liste — skriv én udvidelse pr. linje")
    for entry in value:
        if isinstance(entry, dict) and len(entry) == 1:
            [(name, options)] = entry.items()
            if options is not None and not isinstance(options, dict):
                raise ValueError(f"indstillingerne til `{name}` skal være felter som `navn: værdi`")
            if options:
                configs[str(name)] = options
        elif isinstance(entry, str):
            name = entry
        else:
            raise ValueError("hver udvidelse under `markdown_extensions` skal være et navn")
        if name not in names:
            names.append(str(name))
    return names, configs


def resolved(value: Any) -> Any:
    """value with each PythonName replaced by what it names, which must be part of this
    package; ValueError (in Danish) for any other."""
    if isinstance(value, dict):
        return {key: resolved(item) for key, item in value.items()}
    if isinstance(value, list):
        return [resolved(item) for item in value]
    if isinstance(value, PythonName):
        module, _, attribute = value.name.rpartition(".")
        if not value.name.startswith(OURS) or not module:
            raise ValueError(
                f"`!!python/name:{value.name}` kan eksporten ikke bruge — kun navne fra "
                f"{OURS[:-1]} hentes; fjern indstillingen eller brug en af vores"
            )
        return getattr(importlib.import_module(module), attribute)
    return value


class PageRenderer:
    """Renders pages of one site: exists says whether the site has a page or file made from a
    source URI, directory_urls how pages are addressed."""

    def __init__(
        self,
        extensions: list[str],
        configs: dict[str, dict[str, Any]],
        exists: Callable[[str], bool],
        directory_urls: bool,
    ) -> None:
        self.extensions = extensions
        self.configs = configs
        self.exists = exists
        self.directory_urls = directory_urls

    def render(self, markdown: str, uri: str) -> Rendered:
        """The HTML of the page made from uri, whose Markdown (front matter removed) is given."""
        md = Markdown(
            extensions=[*self.extensions, SanitizeExtension()], extension_configs=self.configs
        )
        links = _Links(md, uri, self.exists, self.directory_urls)
        md.treeprocessors.register(links, "relpath", 0)
        heading = _FirstHeading(md)
        md.treeprocessors.register(heading, "mkdocs_extract_title", 1)
        return Rendered(md.convert(markdown), heading.text)


class _Links(Treeprocessor):
    """Links and images to other sources, relative to this page's source, become URLs relative
    to this page's URL, as MkDocs writes them; anything else is left as written."""

    def __init__(
        self, md: Markdown, uri: str, exists: Callable[[str], bool], directory_urls: bool
    ) -> None:
        super().__init__(md)
        self.uri = uri
        self.exists = exists
        self.directory_urls = directory_urls

    def run(self, root: Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key and (url := element.get(key)) is not None:
                element.set(key, self.url(url))

    def url(self, url: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or url.startswith(("/", "\\")) or AMP_SUBSTITUTE in url or not path:
            return url
        target = posixpath.normpath(
            posixpath.join(posixpath.dirname(self.uri), unquote(path)).lstrip("/")
        )
        if not self.exists(target):
            return url
        here = url_of(self.uri, self.directory_urls)
        found = relative(url_of(target, self.directory_urls), here)
        return urlunsplit(("", "", found, query, anchor))


class _FirstHeading(Treeprocessor):
    """The text of the `<h1>` a page starts with (without its permalink), as MkDocs takes a
    page's title from it."""

    text: str | None = None

    def run(self, root: Element) -> None:
        for element in root:
            if element.tag == "h1":
                heading = copy.deepcopy(element)
                for parent in heading.iter():
                    for child in list(parent):
                        if child.tag == "a" and "headerlink" in (child.get("class") or ""):
                            parent.remove(child)
                text = "".join(heading.itertext()).strip()
                unescape = getattr(self.md.treeprocessors["unescape"], "unescape", None)
                self.text = unescape(text) if unescape else text
            break
