"""HTML of the site plugin's own output: the `/was` redirect and the statement's blocks."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin, urlsplit

from ..render.templates import render
from .public import PublicInfo, publishing_gaps

REDIRECT_URI = "was/index.html"


class BlockProblem(Exception):
    """A block needs facts that mkdocs.yml does not hold; the message says which, in Danish."""


def is_address(statement: str) -> bool:
    """Whether the statement option is an absolute address (the WAS-Tool's) rather than a page."""
    return bool(urlsplit(statement).scheme)


def redirect_page(target_url: str, site_url: str | None) -> str:
    """The page at REDIRECT_URI that sends readers to target_url (site-relative or absolute)."""
    canonical: str | None = target_url
    if is_address(target_url):
        href = target_url
    else:
        href = posixpath.relpath(target_url or ".", posixpath.dirname(REDIRECT_URI))
        href += "/" if target_url.endswith("/") or not target_url else ""
        canonical = urljoin(site_url, target_url) if site_url else None
    return render("redirect.html", href=href, canonical=canonical)


def block_html(name: str, info: PublicInfo) -> str:
    """The HTML of the block called name, from the facts in mkdocs.yml's `extra`."""
    if name == "kontakt":
        if info.contact is None:
            raise BlockProblem(
                "blokken `kontakt` kræver `extra.contact` i mkdocs.yml — tilføj "
                "`name`, `email` og `phone`"
            )
        return render("contact.html", contact=info.contact, gaps=publishing_gaps(info))
    if info.accessibility is None:
        raise BlockProblem(
            "blokken `opdateret` kræver `extra.accessibility.updated` i "
            "mkdocs.yml — skriv datoen for seneste gennemgang, fx 2026-11-26"
        )
    return render("updated.html", updated=info.accessibility.updated)
