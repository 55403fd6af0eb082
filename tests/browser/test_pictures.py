"""Pictures on a phone and a wide screen: the bytes a phone fetches, thumbnails, layout.

The site is the repository's, with a generated 3000 × 2000 picture on Global Roots
(`tests/browser/repository.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import assert_accessible

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
BUDGET = 150 * 1024  # what a phone may fetch for a case's main picture
CASE = "cases/global-roots/"


def picture_bytes(page: Page, url: str) -> dict[str, int]:
    """The picture files the page fetched, with their sizes in bytes."""
    fetched: dict[str, int] = {}

    def record(response) -> None:  # type: ignore[no-untyped-def]
        if response.request.resource_type == "image" and "/images/" in response.url:
            fetched[response.url] = len(response.body())

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", record)
    return fetched


def test_a_phone_fetches_one_fitting_rendition_of_the_main_picture(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    fetched = picture_bytes(page, site_url + CASE)
    context.close()
    assert len(fetched) == 1, fetched
    [(url, size)] = fetched.items()
    assert "-960w-" in url and url.endswith(".avif"), url  # 358 CSS px × 2 = 716 px wanted
    assert size <= BUDGET, f"{size} bytes"


def test_a_wide_screen_fetches_the_larger_rendition_and_nothing_twice(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, device_scale_factor=2)
    page = context.new_page()
    fetched = picture_bytes(page, site_url + CASE)
    context.close()
    assert [u for u in fetched if "-1600w-" in u] and len(fetched) == 1, fetched


def test_the_main_picture_fills_the_column_without_shifting_the_page(
    browser: Browser, site_url: str
) -> None:
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(site_url + CASE)
        box = page.evaluate("""() => {
            const img = document.querySelector('.mik-case__image img');
            const column = document.querySelector('.mik-case__body').getBoundingClientRect();
            const shown = img.getBoundingClientRect();
            return [shown.width, column.width, shown.height, img.complete];
        }""")
        shown_width, column_width, height, _ = box
        assert abs(shown_width - column_width) < 1 and height == pytest.approx(
            shown_width * 1067 / 1600, abs=1
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()


@pytest.mark.parametrize("width", [360, 1440])
def test_cards_with_and_without_a_thumbnail_are_tidy(
    browser: Browser, site_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "cases/")
    cards = page.evaluate("""() => [...document.querySelectorAll('.mik-card')].map(card => {
        const title = card.querySelector('.mik-card__title').getBoundingClientRect();
        const img = card.querySelector('.mik-card__picture img');
        const box = img && img.getBoundingClientRect();
        return {title: card.querySelector('a').textContent, right: title.right,
                card: card.getBoundingClientRect().right, width: box && box.width,
                left: box && box.left, lazy: img && img.loading};
    })""")
    pictured = [c for c in cards if c["width"]]
    assert [c["title"] for c in pictured] == ["Global Roots"]
    card = pictured[0]
    assert card["lazy"] == "lazy"
    assert card["width"] == pytest.approx(120 if width < 720 else 240, abs=2)
    assert card["right"] <= card["left"], "the title stays beside the thumbnail"
    plain = [c for c in cards if not c["width"]]
    assert plain and all(c["right"] > card["left"] for c in plain), "no hole where none is"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    context.close()


@pytest.mark.parametrize("width", [360, 1440])
def test_chart_labels_are_as_large_as_the_text_around_them(
    browser: Browser, site_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "kulturhuse/")
    sizes = page.evaluate("""() => [
        getComputedStyle(document.querySelector('.mik-survey p')).fontSize,
        ...[...document.querySelectorAll('.mik-chart text')].map(t => getComputedStyle(t).fontSize),
        document.querySelector('.mik-chart text').getBoundingClientRect().height]""")
    body, *labels, drawn = sizes
    assert labels and set(labels) == {body}
    assert drawn >= float(body.removesuffix("px")) * 0.9, "drawn at that size, not scaled down"
    context.close()
