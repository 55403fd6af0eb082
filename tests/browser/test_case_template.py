"""A case page with every front-matter field filled, built in a tmp folder: it passes axe-core."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pytest

from tests.browser.checks import RequestLog, assert_accessible
from tests.sitebuilder import SiteProject, case_text

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

FULL_CASE = case_text(
    body="## Baggrund\n\nHistorien om [projektet](https://example.org/projekt).\n",
    title="Global Roots",
    updated="2022-11-01",
    municipality=["Viborg", "Aarhus"],
    themes=["Børn og unge"],
    programmes=["Erasmus+"],
    support=["Genvej til Europa"],
    period={"start": "2020-10", "end": "2022-10"},
    partner_countries=["SE", "HU", "NO"],
    contributors=[{"name": "Maria Bach-Boserup", "role": "Projektleder"}],
    image="images/roots.png",
    image_alt="Børn arbejder med ler",
    sources=[{"title": "Global Roots", "url": "https://kulturprinsen.dk/en/projekter/global-roots/"},
             {"title": "Præsentation (2021)"}],
)


@pytest.mark.parametrize("path", ["cases/global-roots/", "cases/"])
def test_full_case_and_its_listing_pass_axe_core(
        site: SiteProject, serve: Callable[[Path], str], page: Page, request_log: RequestLog,
        path: str) -> None:
    site.write({"cases/global-roots.md": FULL_CASE, "cases/images/roots.png": PNG})
    base_url = serve(site.build().root)
    page.goto(base_url + path)
    assert_accessible(page)
    request_log.assert_local(base_url)
