"""A case as a card in lists: rendered once per case, then linked from each page."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from ..content.model import Case

_HREF = "\x00href\x00"


def card(href: str, case: Case, heading: str = "h2") -> Markup:
    """The case's card, its title a heading of level heading linking to href."""
    return Markup(_card(case, heading).replace(_HREF, str(escape(href))))


@lru_cache(maxsize=32768)
def _card(case: Case, heading: str) -> str:
    """A case appears in several lists (all cases, its terms, "Læs også"): render it once."""
    from .templates import render

    return render("card.html", case=case, href=_HREF, heading=heading)
