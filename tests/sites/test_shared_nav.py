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
from midtikulturen.site.material_fixes import Patch, PatchError, patched
from tests.sitebuilder import SiteProject, case_text
from tests.sites.test_integrity import build_repository
from tests.sites.test_public_pages import public_site


def unshared(enabled: bool = True) -> Callable[..., Markup]:
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

    def counted(enabled: bool = True) -> Callable[..., Markup]:
        assert enabled  # the repository overrides none of Material's nav templates
        real = shared_nav.shared_nav(enabled)

        @pass_context
        def shared(context: Any, partial: str, caller: Callable[[], str]) -> Markup:
            def render() -> str:
                rendered.append(partial)
                return caller()

            asked.append(partial)
            return real(context, partial, render)

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


def test_the_installed_material_takes_every_patch_of_the_shared_nav() -> None:
    for patch in shared_nav.PATCHES:
        source = (site_plugin.MATERIAL_TEMPLATES / patch.template).read_text(encoding="utf-8")
        assert source.count(patch.old) == patch.count, patch
        assert shared_nav.GLOBAL in patched(patch.template, source, (patch,))


def test_a_missing_speed_up_is_skipped_and_a_missing_fix_stops_the_build() -> None:
    source = '<input id="__drawer">{% include "partials/other.html" %}'
    speed_up = Patch("base.html", '{% include "partials/nav.html" %}', "x", 1, "", required=False)
    fix = Patch("base.html", ' autocomplete="off"', "", 1, "checker")
    assert patched("base.html", source, (speed_up,)) == source
    with pytest.raises(PatchError, match="autocomplete"):
        patched("base.html", source, (speed_up, fix))


def test_a_project_that_overrides_a_nav_template_gets_it_rendered_on_every_page(
    site: SiteProject,
) -> None:
    logo = "<span class=own-logo>{{ page.url if page else '' }}</span>"
    public_site(site).write(
        {
            "overrides/partials/logo.html": logo,
            "cases/alpha.md": case_text(title="Alpha"),
            "cases/beta.md": case_text(title="Beta"),
        }
    )
    site.config["theme"]["custom_dir"] = "overrides"
    built = site.build()
    for slug in ("alpha", "beta"):
        nav = built.soup(f"cases/{slug}/index.html").select_one("nav.md-nav--primary")
        assert nav is not None
        assert nav.select_one(".own-logo").get_text() == f"cases/{slug}/"


def test_a_page_with_a_parent_section_is_not_shared_though_outside_the_nav() -> None:
    class Item:
        def __init__(self, url: str, parent: object = None) -> None:
            self.url, self.parent = url, parent

    section, home = object(), Item("")
    nav = type("Nav", (), {"pages": [home], "homepage": home})()
    config = type("Config", (), {"extra": {}, "theme": {}})()
    context = {"nav": nav, "config": config, "base_url": "../.."}
    assert shared_nav._place({**context, "page": Item("blog/a/")}) is not None
    assert shared_nav._place({**context, "page": Item("blog/a/", section)}) is None
    assert shared_nav._place({**context, "page": home}) is None
