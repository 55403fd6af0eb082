"""The plan's routes give every page and file the URL MkDocs gives it, and the same links."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from midtikulturen.plan.routes import relative, url_of

SOURCES = [
    "index.md",
    "README.md",
    "cases/index.md",
    "cases/a.md",
    "a/README.md",
    "kommuner/skive/index.md",
    "kommuner/skive/page/2.md",
    "cases/images/x.jpg",
    "feed_rss.xml",
    "guides/frister.ics",
    "was/index.html",
    "index.html",
    "a b.md",
    "æble/ø.md",
]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("uri", SOURCES)
def test_a_url_is_the_one_mkdocs_gives(uri: str, directory_urls: bool) -> None:
    assert url_of(uri, directory_urls) == File(uri, "docs", "site", directory_urls).url


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_between_pages_are_mkdocs_relative_links(directory_urls: bool) -> None:
    for target in SOURCES:
        for page in SOURCES:
            to, at = (File(u, "docs", "site", directory_urls).url for u in (target, page))
            assert relative(url_of(target, directory_urls), url_of(page, directory_urls)) == (
                get_relative_url(to, at)
            ), (target, page)
