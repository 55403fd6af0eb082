"""Links between the pages of a MkDocs build: a source URI to its URL relative to a page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .plan.page_html import PageLinks
from .render.listings import FeedFiles

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page


def _file(files: Files, src_uri: str) -> File | None:
    """The file at src_uri: found directly when it is written as MkDocs writes its own (as
    ours are), without making a path of it for every link of every page."""
    return files.src_uris.get(src_uri) or files.get_file_from_path(src_uri)


def linker(files: Files, page: Page) -> Callable[[str], str]:
    """A function from a source URI to its URL relative to page."""

    def href(src_uri: str) -> str:
        target = _file(files, src_uri)
        if target is None:
            raise PluginError(
                f"intern fejl: {page.file.src_uri} linker til {src_uri}, som ikke "
                "findes — meld fejlen til udviklerne"
            )
        return get_relative_url(target.url, page.url)

    return href


def optional_linker(files: Files, page: Page) -> Callable[[str], str | None]:
    """A function from a source URI to its URL relative to page, or None if no such page."""

    def href(src_uri: str) -> str | None:
        target = _file(files, src_uri)
        return get_relative_url(target.url, page.url) if target else None

    return href


def page_links(files: Files, page: Page, feeds: Callable[[], FeedFiles] = lambda: ()) -> PageLinks:
    """How page links to the rest of the build, and the feeds that follow it."""
    return PageLinks(
        linker(files, page),
        optional_linker(files, page),
        get_relative_url(".", page.url) + "/",
        feeds,
    )
