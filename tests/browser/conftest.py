"""Browser fixtures: the built site served locally, Debian's Chromium driven by Playwright.

The browser tests need Chromium at /usr/bin/chromium (`apt-get install -y chromium`) and
Playwright with axe-core (`python3 -m pip install -e ".[test]"`). Without them they fail with
those instructions. On a machine that cannot run a browser, set `MIK_SKIP_BROWSER=1` to skip
them; `-m "not browser"` deselects them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.checks import RequestLog
from tests.browser.repository import build_site
from tests.browser.server import serve_directory

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives Debian's Chromium through Playwright (MIK_SKIP_BROWSER=1 skips)"
    )


def missing_browser_tools() -> list[str]:
    """What the browser tests lack on this machine, each with the command that installs it."""
    missing = []
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        missing.append(f'{error.name} is not installed: run `python3 -m pip install -e ".[test]"`')
    if not CHROMIUM.is_file():
        missing.append(f"{CHROMIUM} is missing: run `apt-get install -y chromium`")
    return missing


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, launched once per test process."""
    if os.environ.get("MIK_SKIP_BROWSER") == "1":
        pytest.skip("browser tests skipped: MIK_SKIP_BROWSER=1")
    if missing := missing_browser_tools():
        pytest.fail(
            "browser tests cannot run (set MIK_SKIP_BROWSER=1 to skip them):\n"
            + "\n".join(missing),
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the repository's own site, built from mkdocs.yml and served locally."""
    out = tmp_path_factory.mktemp("repository-site")
    build_site(out)
    with serve_directory(out) as base_url:
        yield base_url


@pytest.fixture
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve a built site's folder (such as `SiteProject.build().root`) until the test ends."""
    with ExitStack() as servers:
        yield lambda root: servers.enter_context(serve_directory(root))


@pytest.fixture
def context_options() -> dict[str, Any]:
    """Keyword arguments for `browser.new_context`; override in a module to change them."""
    return {}


@pytest.fixture
def request_log() -> RequestLog:
    """Every request made by the test's browser context."""
    return RequestLog()


@pytest.fixture
def context(
    browser: Browser, context_options: dict[str, Any], request_log: RequestLog
) -> Iterator[BrowserContext]:
    """A fresh browser context per test, with its requests recorded."""
    fresh = browser.new_context(**context_options)
    fresh.set_default_timeout(TIMEOUT_MS)
    fresh.on("request", request_log.record)
    yield fresh
    fresh.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page in the test's own browser context."""
    return context.new_page()
