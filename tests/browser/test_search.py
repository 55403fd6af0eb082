"""Material's search dialog on the repository's site: it finds a case and stays accessible."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import RequestLog, assert_accessible

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

TOP = 3


def search(page: Page, query: str) -> Locator:
    """Type query into Material's search dialog and return the result links once shown."""
    from playwright.sync_api import expect

    field = page.locator("input.md-search__input")
    field.click()
    expect(page.locator("#__search")).to_be_checked()
    field.fill(query)
    field.press("End")
    results = page.locator(".md-search-result__item > a.md-search-result__link:first-child")
    expect(results.first, f"Material's search shows no result for {query!r}").to_be_visible()
    return results


def test_search_finds_a_case_by_its_title(page: Page, site_url: str,
                                          request_log: RequestLog) -> None:
    page.goto(site_url)
    results = search(page, "Global Roots")
    top = [link.get_attribute("href") for link in results.all()[:TOP]]
    assert site_url + "cases/global-roots/" in top, top
    request_log.assert_local(site_url)


def test_search_dialog_with_results_passes_axe_core(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "Global Roots")
    assert_accessible(page)
