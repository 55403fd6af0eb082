"""A case as a card in lists: rendered once per case, then linked from each page."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from markupsafe import Markup, escape

from ..content.model import Case
from .templates import render

_HREF = "\x00href\x00"


@dataclass(frozen=True)
class Thumbnails:
    """The pictures of the current build's cards, registered by the images plugin.

    html gives a case's thumbnail with every URL relative to the case's own page and
    prefixed with BASE; data gives the same picture for the filter's JSON (URLs from the
    site's root).
    """

    html: Callable[[Case], Markup | None]
    data: Callable[[Case], dict[str, Any] | None]
    BASE: ClassVar[str] = "\x00base\x00"


_thumbnails: Thumbnails | None = None
_BASED = re.compile(re.escape(Thumbnails.BASE) + r'([^\s",]+)')


def use_thumbnails(thumbnails: Thumbnails | None) -> None:
    """Show these thumbnails on cards from now on (None: cards without pictures)."""
    global _thumbnails
    _thumbnails = thumbnails
    _card.cache_clear()


def thumbnail_data(case: Case) -> dict[str, Any] | None:
    """The case's thumbnail for the filter's JSON, if it has one."""
    return _thumbnails.data(case) if _thumbnails else None


def card(href: str, case: Case, heading: str = "h2") -> Markup:
    """The case's card, its title a heading of level heading linking to href."""
    html = _card(case, heading).replace(_HREF, str(escape(href)))
    if Thumbnails.BASE in html:
        folder = href if href.endswith("/") else posixpath.dirname(href)
        html = _BASED.sub(lambda m: _joined(folder, m[1]), html)
    return Markup(html)


def _joined(folder: str, path: str) -> str:
    """path (relative to a case's page) as seen from the page whose link to it is folder."""
    return posixpath.normpath(posixpath.join(folder, path)) if folder else path


@lru_cache(maxsize=32768)
def _card(case: Case, heading: str) -> str:
    """A case appears in several lists (all cases, its terms, "Læs også"): render it once."""
    thumb = _thumbnails.html(case) if _thumbnails else None
    return render("card.html", case=case, href=_HREF, heading=heading, thumbnail=thumb)
