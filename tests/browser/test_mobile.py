"""The repository's pages on a 360 px wide phone: no sideways scrolling, a working drawer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.repository import PAGES, page_id

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DRAWER_LINKS = ["Forside", "Cases", "Om sitet"]


@pytest.fixture
def context_options() -> dict[str, Any]:
    """A phone-sized window."""
    return {"viewport": PHONE}


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_does_not_scroll_sideways(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    content_width, window_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert content_width <= window_width, f"/{path} is {content_width} px wide in {window_width} px"


def test_drawer_opens_and_leads_to_the_cases(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "om/")
    drawer = page.locator(".md-sidebar--primary .md-nav--primary")
    cases = drawer.get_by_role("link", name="Cases", exact=True)
    expect(cases).to_be_attached()
    expect(cases).not_to_be_in_viewport()

    page.locator('label.md-header__button[for="__drawer"]').click()
    for name in DRAWER_LINKS:  # the current page is a label that opens its contents
        expect(drawer.get_by_text(name, exact=True).first).to_be_in_viewport()
    cases.click()
    expect(page).to_have_url(site_url + "cases/")
