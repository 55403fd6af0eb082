"""An episode's page in the browser: no audio before play, chapters that seek, accessible."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import RequestLog, assert_accessible
from tests.sites.test_podcast_and_events import podcast_site

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

    from tests.sitebuilder import SiteProject

pytestmark = pytest.mark.browser


def test_audio_loads_only_when_wanted_and_chapters_seek(
    site: SiteProject, page: Page, serve: Callable[[Path], str], request_log: RequestLog
) -> None:
    site_url = serve(podcast_site(site).root)
    page.goto(site_url + "podcast/foerste/", wait_until="networkidle")
    assert not [url for url in request_log.urls if url.endswith(".mp3")], request_log.urls
    player = page.locator("audio#mik-lyd")
    assert player.evaluate("audio => audio.currentTime") == 0
    page.get_by_role("link", name="0:02 Huset").click()
    page.wait_for_function("document.getElementById('mik-lyd').currentTime >= 2")
    assert [url for url in request_log.urls if url.endswith("/podcast/audio/a.mp3")]
    request_log.assert_local(site_url)


@pytest.mark.parametrize(
    "path",
    [
        "podcast/foerste/",
        "podcast/andet/",
        "podcast/",
        "arrangementer/",
        "arrangementer/vinter/",
        "arrangementer/fortid/",
        "kommuner/skive/",
    ],
)
def test_podcast_and_event_pages_pass_axe(
    site: SiteProject, page: Page, serve: Callable[[Path], str], path: str
) -> None:
    page.goto(serve(podcast_site(site).root) + path)
    assert_accessible(page)
