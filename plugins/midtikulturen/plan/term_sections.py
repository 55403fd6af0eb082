"""What a term page shows after its cases: the term's guides and culture houses."""

from __future__ import annotations

from datetime import date

from ..content.catalog import Catalog
from ..content.terms import Term
from ..render.event_page import render_events
from ..render.guide_lists import render_guide_cards, render_house_cards
from ..render.listings import Href
from ..render.templates import render


def term_sections(
    term: Term, catalog: Catalog, href: Href, today: date, calendar_href: str | None = None
) -> str:
    """The term's events, guides and houses as sections, where it has any."""
    parts = []
    if events := [e for e in catalog.events if term in e.meta.terms]:
        parts.append(
            (
                "Arrangementer",
                render_events(
                    events, lambda e: href(e.src_uri), today, calendar_href, heading="h3"
                ),
            )
        )
    if guides := catalog.terms.guides_of(term):
        parts.append(("Guides", render_guide_cards(guides, lambda g: href(g.src_uri), today)))
    if houses := catalog.terms.houses_of(term):
        parts.append(("Kulturhuse", render_house_cards(houses, lambda h: href(h.page_uri))))
    return render("extras.html", parts=parts) if parts else ""
