"""Material's navigation and tabs rendered once for every page outside the nav that links alike.

Material renders its primary navigation and its tabs into every page: about a tenth of a
build of 1,000 cases, where nearly every page (cases, term pages and their pagination pages,
houses, guides) is outside the nav. For such a page no nav item is active, so the two
partials differ from one page to the next only in their relative links, which `_place` names:
the page's way back to the root and to each page of the nav, the home page and the logo. The
first page of each place renders them; the others reuse that HTML. Pages in the nav (their
own item active, their table of contents inside the nav on phones) and pages without a `page`
(the 404 page) render them as Material does, and so does every page of a project that
overrides one of the templates they are made of (`USES`), whose output may depend on more.

The sharing is a patch of Material's includes (`material_fixes.Patch`) around a Jinja global.
It is a speed-up, not a fix: where a Material version includes a partial otherwise, that
partial is rendered on every page as Material does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from .material_fixes import Patch

GLOBAL = "mik_shared_nav"
"""The Jinja global the patched includes call."""


def _shared(template: str, partial: str) -> Patch:
    include = f'{{% include "{partial}" %}}'
    return Patch(
        template,
        include,
        f'{{% call {GLOBAL}("{partial}") %}}{include}{{% endcall %}}',
        1,
        f"{partial} is rendered once per place in the site (site/shared_nav.py)",
        required=False,
    )


PATCHES = (
    _shared("base.html", "partials/nav.html"),
    _shared("base.html", "partials/tabs.html"),
    _shared("partials/header.html", "partials/tabs.html"),
)


USES = (
    "partials/nav.html",
    "partials/nav-item.html",
    "partials/tabs.html",
    "partials/tabs-item.html",
    "partials/logo.html",
    "partials/source.html",
)
"""The templates the shared partials are made of, all Material's own when they are shared."""


def shared_nav(enabled: bool = True) -> Callable[..., Markup]:
    """A Jinja global for one build: a partial's HTML, kept per place and reused (or, not
    enabled, rendered on every page)."""
    made: dict[tuple[object, ...], Markup] = {}
    last: list[Any] = [None, None]  # the page asked about last and its place: tabs, then nav

    @pass_context
    def shared(context: Context, partial: str, caller: Callable[[], Any]) -> Markup:
        if not enabled:
            return Markup(caller())
        if context.get("page") is not last[0]:
            last[:] = context.get("page"), _place(context)
        key = last[1]
        if key is None:
            return Markup(caller())
        key = (partial, *key)
        html = made.get(key)
        if html is None:
            html = made[key] = Markup(caller())
        return html

    return shared


def _place(context: Context) -> tuple[str, ...] | None:
    """Every relative link the nav and tabs of the context's page hold, or None if the page
    is in the nav or has a place in it (a plugin may give a page a parent section, which is
    then active), or there is no page."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or nav is None or page.parent is not None or page in nav.pages:
        return None
    config = context.get("config")
    targets = [p.url for p in nav.pages]
    if nav.homepage is not None:
        targets.append(nav.homepage.url)
    if config is not None:
        targets += [str(config.extra.get("homepage") or ""), str(config.theme.get("logo") or "")]
    return (str(context.get("base_url")), *(get_relative_url(t, page.url) for t in targets))
