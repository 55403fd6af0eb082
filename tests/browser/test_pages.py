"""The repository's pages in a desktop browser: accessible, local-only and cookie-free."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import RequestLog, assert_accessible
from tests.browser.repository import PAGES, page_id

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_passes_axe_core(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert_accessible(page)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_asks_only_the_local_server_and_sets_no_cookie(
    page: Page, context: BrowserContext, request_log: RequestLog, site_url: str, path: str
) -> None:
    page.goto(site_url + path, wait_until="networkidle")
    request_log.assert_local(site_url)
    assert context.cookies() == []
