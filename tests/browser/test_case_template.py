"""A case page with every front-matter field filled, built in a tmp folder: it passes axe-core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import RequestLog, assert_accessible
from tests.sitebuilder import SiteProject
from tests.sites.test_case_pages import FULL_CASE, PNG

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["cases/global-roots/", "cases/"])
def test_full_case_and_its_listing_pass_axe_core(
    site: SiteProject, serve: Callable[[Path], str], page: Page, request_log: RequestLog, path: str
) -> None:
    site.write({"cases/global-roots.md": FULL_CASE, "cases/images/roots.png": PNG})
    base_url = serve(site.build().root)
    page.goto(base_url + path)
    assert_accessible(page)
    request_log.assert_local(base_url)
