"""The case filter on `/cases/` in Chromium: narrowing, the URL, instant navigation, no JS."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.server import free_port, serve_directory
from tests.sitebuilder import SiteProject, case_text

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

HOSTILE = 'Kunst & <b>fed</b> "citat" </script>'


@pytest.fixture
def base_url(site: SiteProject) -> Iterator[str]:
    """A site of seven cases over two pages, with instant navigation on.

    Material's instant navigation only takes over links listed in sitemap.xml at the served
    host and port, so the site is built for the local address it is served at.
    """
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.plugin_options("midtikulturen/listing", per_page=4)
    site.config["theme"]["features"] = ["navigation.instant"]
    site.config["nav"] = [{"Forside": "index.md"}, {"Cases": "cases/index.md"}]
    site.write(
        {
            "cases/skive-1.md": case_text(
                title="Skive et", date="2021-01-01", municipality="Skive", themes=["Demokrati"]
            ),
            "cases/skive-2.md": case_text(
                title=HOSTILE, date="2022-01-01", municipality="Skive", themes=["Børn og unge"]
            ),
            "cases/skive-3.md": case_text(
                title="Skive tre",
                date="2023-01-01",
                municipality=["Skive", "Viborg"],
                themes=["Demokrati"],
            ),
            **{
                f"cases/aarhus-{n}.md": case_text(
                    title=f"Aarhus {n}", date=f"202{n}-02-01", municipality="Aarhus"
                )
                for n in range(1, 5)
            },
        }
    )
    with serve_directory(site.build().root, port) as url:
        yield url


def titles(page: Page) -> list[str]:
    return page.locator(".mik-listing .mik-card__title a").all_inner_texts()


def expect_titles(page: Page, expected: list[str]) -> None:
    """Wait until the list shows exactly expected, in order."""
    from playwright.sync_api import expect

    expect(page.locator(".mik-listing .mik-card__title a")).to_have_text(expected)


def expect_count(page: Page, text: str) -> None:
    """Wait until the count above the list says text."""
    from playwright.sync_api import expect

    expect(page.locator(".mik-count")).to_have_text(text)


def test_filters_narrow_the_list_and_live_in_the_url(page: Page, base_url: str) -> None:
    page.goto(base_url + "cases/")
    assert len(titles(page)) == 4
    page.select_option("#mik-filter-kommune", "skive")
    page.wait_for_url("**/cases/?kommune=skive")
    expect_count(page, "3 af 7 cases matcher de valgte filtre.")
    expect_titles(page, ["Skive tre", HOSTILE, "Skive et"])
    assert not page.locator(".mik-pagination").is_visible()
    assert page.locator(".mik-card b").count() == 0

    page.select_option("#mik-filter-tema", "demokrati")
    page.wait_for_url("**/cases/?kommune=skive&tema=demokrati")
    expect_titles(page, ["Skive tre", "Skive et"])

    page.reload()
    expect_titles(page, ["Skive tre", "Skive et"])
    assert page.input_value("#mik-filter-tema") == "demokrati"
    assert_accessible(page)

    page.click("text=Nulstil")
    page.wait_for_url(base_url + "cases/")
    expect_titles(page, ["Aarhus 4", "Aarhus 3", "Skive tre", "Aarhus 2"])
    assert page.locator(".mik-pagination").is_visible()


def test_a_shared_link_with_no_match_says_so(page: Page, base_url: str) -> None:
    page.goto(base_url + "cases/?kommune=aarhus&aar=2021")
    expect_titles(page, ["Aarhus 1"])
    page.select_option("#mik-filter-tema", "demokrati")
    expect_count(page, "Ingen af de 7 cases matcher de valgte filtre.")
    expect_titles(page, [])


def test_filter_works_after_material_instant_navigation(page: Page, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    page.evaluate("window.mikMarker = 'same document'")
    page.click("nav.md-nav--primary >> text=Cases")
    page.wait_for_url("**/cases/")
    assert page.evaluate("window.mikMarker") == "same document", "instant navigation is off"
    page.select_option("#mik-filter-aar", "2023")
    page.wait_for_url("**/cases/?aar=2023")
    expect_titles(page, ["Aarhus 3", "Skive tre"])


def test_without_javascript_the_list_and_term_links_still_work(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "cases/")
    assert not page.locator("form.mik-filter").is_visible()
    assert len(titles(page)) == 4
    page.click(".mik-browse >> text=kommuner")
    page.click("ul.mik-terms >> text=Skive")
    assert titles(page) == ["Skive tre", HOSTILE, "Skive et"]
    context.close()
