"""Material's nav and tabs, rendered once per place in the site, give every page the same bytes
as rendering them on every page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jinja2 import pass_context
from markupsafe import Markup

from midtikulturen.site import plugin as site_plugin
from midtikulturen.site import shared_nav
from tests.sites.test_integrity import build_repository


def unshared() -> Callable[..., Markup]:
    """A stand-in for the Jinja global that renders the partial on every page, as Material does."""

    @pass_context
    def render(context: Any, partial: str, caller: Callable[[], str]) -> Markup:
        return Markup(caller())

    return render


def pages(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.html"))}


@pytest.mark.parametrize(
    "site_url, directory_urls",
    [
        ("https://www.midtikulturen.dk/", True),
        ("https://example.github.io/midtikulturen/", False),
    ],
)
def test_shared_nav_and_tabs_equal_rendering_them_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site_url: str, directory_urls: bool
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")
    asked: list[str] = []
    rendered: list[str] = []

    def counted() -> Callable[..., Markup]:
        real = shared_nav.shared_nav()

        @pass_context
        def shared(context: Any, partial: str, caller: Callable[[], str]) -> Markup:
            asked.append(partial)
            return real(context, partial, lambda: rendered.append(partial) or caller())

        return shared

    monkeypatch.setattr(site_plugin, "shared_nav", counted)
    options = {"site_url": site_url, "use_directory_urls": directory_urls}
    shared = pages(build_repository(tmp_path, "shared", **options))
    monkeypatch.setattr(site_plugin, "shared_nav", unshared)
    each = pages(build_repository(tmp_path, "each", **options))

    assert shared.keys() == each.keys()
    assert [name for name in shared if shared[name] != each[name]] == []
    assert asked.count("partials/nav.html") == asked.count("partials/tabs.html") > 50
    assert len(rendered) < len(asked) / 3  # most pages reused a nav and tabs made before
