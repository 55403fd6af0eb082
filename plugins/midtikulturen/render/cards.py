"""A case as a card in lists: rendered once per case, then linked from each page."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from markupsafe import Markup, escape

from ..content.model import Case
from .templates import render

_HREF = "\x00href\x00"


@dataclass(frozen=True)
class Thumbnails:
    """The pictures of a build's cards, made by the images plugin.

    html gives a case's thumbnail with every URL relative to the case's own page and
    prefixed with BASE; data gives the same picture for the filter's JSON (URLs from the
    site's root).
    """

    html: Callable[[Case], Markup | None]
    data: Callable[[Case], dict[str, Any] | None]
    BASE: ClassVar[str] = "\x00base\x00"


_BASED = re.compile(re.escape(Thumbnails.BASE) + r'([^\s",]+)')


class Cards:
    """The case cards of one build: each case's card rendered once (a case appears in several
    lists: all cases, its terms, "Læs også"), with its thumbnail once the build's pictures are
    known (`show`)."""

    def __init__(self, thumbnails: Thumbnails | None = None) -> None:
        self._thumbnails = thumbnails
        self._made: dict[tuple[Case, str], str] = {}

    def show(self, thumbnails: Thumbnails | None) -> None:
        """Show these thumbnails on cards from now on (None: cards without pictures)."""
        self._thumbnails = thumbnails
        self._made.clear()

    def data(self, case: Case) -> dict[str, Any] | None:
        """The case's thumbnail for the filter's JSON, if it has one."""
        return self._thumbnails.data(case) if self._thumbnails else None

    def card(self, href: str, case: Case, heading: str = "h2") -> Markup:
        """The case's card, its title a heading of level heading linking to href."""
        html = self._made.get((case, heading))
        if html is None:
            thumb = self._thumbnails.html(case) if self._thumbnails else None
            html = render("card.html", case=case, href=_HREF, heading=heading, thumbnail=thumb)
            self._made[case, heading] = html
        html = html.replace(_HREF, str(escape(href)))
        if Thumbnails.BASE in html:
            folder = href if href.endswith("/") else posixpath.dirname(href)
            html = _BASED.sub(lambda m: _joined(folder, m[1]), html)
        return Markup(html)


def _joined(folder: str, path: str) -> str:
    """path (relative to a case's page) as seen from the page whose link to it is folder."""
    return posixpath.normpath(posixpath.join(folder, path)) if folder else path
