"""Which pages the search index holds: a table of source URIs and what they become."""

from __future__ import annotations

from typing import Any

import pytest

from midtikulturen.plan.listing_paths import ListingPaths
from midtikulturen.search.selection import is_pagination, listing_uris

LISTINGS = listing_uris(ListingPaths("cases", "guides", "kulturhuse/huse"))


@pytest.mark.parametrize(
    "src_uri, listing",
    [
        ("cases/index.md", True),
        ("guides/index.md", True),
        ("kulturhuse/index.md", True),
        ("kommuner/index.md", True),
        ("temaer/index.md", True),
        ("programmer/index.md", True),
        ("stoette/index.md", True),
        ("kommuner/skive/index.md", False),  # a topic: indexed as Emne
        ("om.md", False),
        ("index.md", False),
    ],
)
def test_overview_pages_are_listings(src_uri: str, listing: bool) -> None:
    assert (src_uri in LISTINGS) is listing


@pytest.mark.parametrize(
    "src_uri, expected",
    [
        ("cases/page/2.md", True),
        ("kommuner/skive/page/12.md", True),
        ("cases/page.md", False),
        ("docs/page/intro.md", False),
        ("page/2.md", True),
        ("cases/skive-2.md", False),
    ],
)
def test_pagination_pages_are_recognised(src_uri: str, expected: Any) -> None:
    assert is_pagination(src_uri) is expected
