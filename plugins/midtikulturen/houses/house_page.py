"""The HTML of one culture house's page."""

from __future__ import annotations

from markupsafe import Markup

from ..content.model import House
from ..render.templates import render


def render_house(house: House, body_html: str, municipality_href: str | None) -> str:
    """The page content: title, lead, facts ("ikke oplyst" where unknown), text, sources."""
    return render(
        "house.html", house=house, body=Markup(body_html), municipality_href=municipality_href
    )
