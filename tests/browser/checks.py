"""Checks on a page in the browser: where its requests went, and axe-core's WCAG audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Page, Request

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OFFLINE_SCHEMES = {"data", "blob"}


def origin(url: str) -> tuple[str, str]:
    """The scheme and host:port of a URL."""
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


@dataclass
class RequestLog:
    """Every URL the pages of one browser context asked for, in order."""

    urls: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        """Remember a request's URL."""
        self.urls.append(request.url)

    def foreign(self, base_url: str) -> list[str]:
        """The recorded URLs that leave the host and port of base_url."""
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in OFFLINE_SCHEMES and origin(url) != origin(base_url)
        ]

    def assert_local(self, base_url: str) -> None:
        """Fail unless every request went to the server at base_url."""
        assert self.urls, "no request was recorded at all"
        foreign = self.foreign(base_url)
        assert not foreign, f"requests to hosts other than {base_url}:\n" + "\n".join(foreign)


FINITE_ANIMATIONS_DONE = """() => document.getAnimations().every(
    a => a.playState !== "running" || a.effect.getComputedTiming().endTime === Infinity)"""


def wait_for_animations(page: Page) -> None:
    """Wait until no finite CSS animation or transition is running (contrast mid-fade is wrong)."""
    page.wait_for_function(FINITE_ANIMATIONS_DONE)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.1 A and AA on the page once its animations have ended."""
    from axe_playwright_python.sync_playwright import Axe

    wait_for_animations(page)

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return list(Axe().run(page, options=options).response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """One paragraph per violation: rule id, impact, help and the failing nodes' targets."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"  {' >>> '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with axe-core's findings if the page violates WCAG 2.1 A or AA."""
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n{describe(violations)}"
