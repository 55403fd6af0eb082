"""The search dialog in Chromium: Pagefind loads only once it opens, ranks the tagged case
first, is keyboard and screen-reader usable, and works after instant navigation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import RequestLog, assert_accessible, wait_for_animations
from tests.browser.server import free_port, serve_directory
from tests.sitebuilder import SiteProject, case_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

TOP = 3
RESULTS = ".mik-search-hit__link"
MATERIAL_CLOSES_AFTER_MS = 300  # Material closes search 125 ms after each navigation


def search(page: Page, query: str) -> Locator:
    """Type query into the search dialog and return the result links once they are shown."""
    from playwright.sync_api import expect

    field = page.locator("input.md-search__input")
    field.click()
    expect(page.locator("#__search")).to_be_checked()
    field.fill(query)
    status = page.locator("#mik-search-status")
    expect(status).to_contain_text(f"»{query}«")
    results = page.locator(RESULTS)
    expect(results.first, f"no result for {query!r}: {status.inner_text()}").to_be_visible()
    return results


def hrefs(results: Locator) -> list[str]:
    """The absolute addresses the result links lead to, in order."""
    return [str(url) for url in results.evaluate_all("links => links.map(a => a.href)")]


def index_requests(log: RequestLog) -> list[str]:
    return [
        url
        for url in log.urls
        if "/pagefind/" in url or "search_index" in url or "/workers/" in url or "/lunr/" in url
    ]


def test_search_loads_nothing_until_opened_then_finds_a_case(
    page: Page, site_url: str, request_log: RequestLog
) -> None:
    page.goto(site_url, wait_until="networkidle")
    page.goto(site_url + "cases/", wait_until="networkidle")
    assert index_requests(request_log) == [], "search data loaded before search was opened"
    results = search(page, "Global Roots")
    assert site_url + "cases/global-roots/" in hrefs(results)[:TOP]
    assert index_requests(request_log), "Pagefind was not loaded"
    request_log.assert_local(site_url)


def test_search_dialog_with_results_passes_axe_core(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "Erasmus+")
    assert_accessible(page)


def test_the_header_opens_search_with_a_real_button_on_a_phone(page: Page, site_url: str) -> None:
    """Material's <label role=button> fails axe's aria-allowed-role (Lighthouse counts it)."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url)
    button = page.get_by_role("button", name="Søg på sitet")
    expect(button).to_be_visible()
    assert button.evaluate("node => node.tagName") == "BUTTON"
    options = {"runOnly": {"type": "rule", "values": ["aria-allowed-role"]}}
    assert Axe().run(page, options=options).response["violations"] == []
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#__search")).to_be_checked()
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(button).to_be_hidden()  # wide screens show the search field in the header


@pytest.fixture
def tagged_site(site: SiteProject) -> Iterator[str]:
    """A case tagged with an organisation, a municipality and Erasmus+, among cases that only
    mention them (often) in their stories; built for the local address, so instant
    navigation is on."""
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.config["theme"]["features"] = ["navigation.instant"]
    site.config["nav"] = [{"Forside": "index.md"}, {"Cases": "cases/index.md"}]
    mentions = (
        "Kulturprinsen i Viborg søgte Erasmus+. Kulturprinsen og Viborg og Erasmus+ "
        "nævnes her igen: Kulturprinsen, Viborg, Erasmus+."
    )
    site.write(
        {
            "cases/tagged.md": case_text(
                title="Partnere over grænsen",
                description="Erfaringer fra et europæisk projekt.",
                body="Et samarbejde med skoler i fem lande.",
                organisation="Kulturprinsen",
                municipality="Viborg",
                programmes=["Erasmus+"],
                date="2020-05-01",
            ),
            **{
                f"cases/mention-{n}.md": case_text(
                    title=f"Et andet projekt {n}",
                    description="Om noget andet.",
                    body=f"{mentions}\n\n## Baggrund\n\n{mentions}",
                    organisation="Team Odder",
                    municipality="Odder",
                    date=f"202{n}-03-01",
                )
                for n in range(1, 6)
            },
            "docs/kommuner/viborg/index.md": "# Viborg\n\nCases fra Viborg Kommune.\n",
        }
    )
    with serve_directory(site.build().root, port) as url:
        yield url


@pytest.mark.parametrize("query", ["Kulturprinsen", "Viborg", "Erasmus+", "erasmus"])
def test_the_tagged_case_ranks_first(page: Page, tagged_site: str, query: str) -> None:
    page.goto(tagged_site)
    results = search(page, query)
    assert hrefs(results)[0] == tagged_site + "cases/tagged/", hrefs(results)


def test_a_topic_is_offered_above_the_results(page: Page, tagged_site: str) -> None:
    from playwright.sync_api import expect

    page.goto(tagged_site)
    search(page, "Viborg")
    topic = page.locator(".mik-search__topics a")
    expect(topic).to_have_count(1)
    assert hrefs(topic) == [tagged_site + "kommuner/viborg/"]
    expect(page.locator(".mik-search__topics")).to_contain_text("kommune")


def test_keyboard_opens_moves_and_closes_with_focus_managed(page: Page, tagged_site: str) -> None:
    from playwright.sync_api import expect

    page.goto(tagged_site + "cases/")
    page.locator("body").press("/")
    field = page.locator("input.md-search__input")
    expect(field).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    field.press_sequentially("Viborg")
    expect(page.locator(RESULTS).first).to_be_visible()
    status = page.locator("#mik-search-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("resultat")
    field.press("ArrowDown")
    first = page.locator(".mik-search__topics a, " + RESULTS).first
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULTS).first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(field).not_to_be_focused()

    field.click()
    field.fill("Partnere")
    expect(page.locator(RESULTS).first).to_be_visible()
    field.press("Enter")
    page.wait_for_url(tagged_site + "cases/tagged/")


def test_search_works_after_instant_navigation(page: Page, tagged_site: str) -> None:
    from playwright.sync_api import expect

    page.goto(tagged_site, wait_until="networkidle")
    page.evaluate("window.mikMarker = 'same document'")
    page.click("nav.md-nav--primary >> text=Cases")
    page.wait_for_url("**/cases/")
    assert page.evaluate("window.mikMarker") == "same document", "instant navigation is off"
    page.wait_for_timeout(MATERIAL_CLOSES_AFTER_MS)
    results = search(page, "Partnere")
    results.first.click()
    page.wait_for_url(tagged_site + "cases/tagged/")
    assert page.evaluate("window.mikMarker") == "same document"
    expect(page.locator("#__search")).not_to_be_checked()  # Material closes it on navigating
    page.wait_for_timeout(MATERIAL_CLOSES_AFTER_MS)
    wait_for_animations(page)
    assert hrefs(search(page, "Viborg"))[0] == tagged_site + "cases/tagged/"


def test_hostile_text_is_shown_as_text(
    page: Page, site: SiteProject, serve: Callable[[Path], str]
) -> None:
    hostile = 'Kunst & <b>fed</b> "citat" </script><img src=x onerror=alert(1)>'
    site.write({"cases/a.md": case_text(title=hostile, body=f"`{hostile}` i kode.")})
    url = serve(site.build().root)
    page.goto(url)
    results = search(page, "Kunst")
    assert page.locator(".md-search b, .md-search img").count() == 0
    assert hostile in results.first.inner_text()
