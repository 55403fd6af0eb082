"""Danish search in Chromium: inflected words (Pagefind's Danish stemmer), and cases found by
their metadata alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from tests.browser.test_search import hrefs, search
from tests.sitebuilder import SiteProject, case_text

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

TOP = 3


@pytest.fixture
def base_url(site: SiteProject, serve: Callable[[Path], str]) -> str:
    """Cases whose text never repeats their organisation, municipality, programme or theme."""
    site.write(
        {
            "cases/huset.md": case_text(
                title="Et hus for alle",
                description="Om et lokalt mødested.",
                body="Et kulturhus i byen samler borgere om musik og mad.",
                municipality="Lemvig",
            ),
            "cases/partnerskab.md": case_text(
                title="Partnere over grænsen",
                description="Erfaringer fra et europæisk projekt.",
                body="Et samarbejdsprojekt med fem lande.",
                organisation="Kulturprinsen",
                municipality="Viborg",
                programmes=["Erasmus+"],
                themes=["Bæredygtighed"],
            ),
            "cases/andet.md": case_text(
                title="Noget helt andet",
                description="Teater.",
                body="Forestillinger for skoler.",
                municipality="Odder",
            ),
        }
    )
    return serve(site.build().root)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kulturhusene", "cases/huset/"),
        ("samarbejdsprojekter", "cases/partnerskab/"),
        ("Kulturprinsen", "cases/partnerskab/"),
        ("Viborg", "cases/partnerskab/"),
        ("Erasmus", "cases/partnerskab/"),
        ("bæredygtighed", "cases/partnerskab/"),
        ("Lemvig", "cases/huset/"),
        ("kulturhuset", "cases/huset/"),
        ("Bæredygtig", "cases/partnerskab/"),
    ],
)
def test_search_finds_cases_by_inflected_words_and_metadata(
    page: Page, base_url: str, query: str, expected: str
) -> None:
    page.goto(base_url)
    results = search(page, query)
    top = hrefs(results)[:TOP]
    assert base_url + expected in top, top
