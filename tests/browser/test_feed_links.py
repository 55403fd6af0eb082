"""Feed links in the head: announced to feed readers, never taken by Material for alternate
sites, whose `sitemap.xml` it would fetch beside each feed (a 404 beside a section's feed, the
root sitemap again beside each site feed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.repository import page_id

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page

pytestmark = pytest.mark.browser

FEED_TYPES = ("application/rss+xml", "application/atom+xml")


@pytest.mark.parametrize("path", ["", "cases/", "kommuner/viborg/"], ids=page_id)
def test_feed_links_fetch_no_sitemap_and_log_no_error(page: Page, site_url: str, path: str) -> None:
    errors: list[str] = []
    sitemaps: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda request: (
            sitemaps.append(request.url)
            if request.url.split("?")[0].endswith("sitemap.xml")
            else None
        ),
    )
    page.goto(site_url + path, wait_until="networkidle")

    feeds = page.eval_on_selector_all(
        "head link",
        "links => links.filter(l => l.relList.contains('alternate')).map(l => [l.type, l.href])",
    )
    assert {kind for kind, _ in feeds} == set(FEED_TYPES), feeds
    assert len(feeds) == (2 if path == "" else 4), "the site's feeds, and the section's own"
    assert sitemaps == [site_url + "sitemap.xml"], "only instant navigation's own sitemap"
    assert errors == []
