"""The HTML of a guide page: the fact box, a stale-facts note, the guide and its sources."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from markupsafe import Markup

from ..content.guides import is_stale
from ..content.model import Guide
from ..content.terms import Term
from .templates import render


def render_guide(
    guide: Guide,
    body_html: str,
    today: date,
    max_age_months: int,
    term_href: Callable[[Term], str | None] = lambda term: None,
    calendar_href: str | None = None,
) -> str:
    """The guide page's content; a passed deadline is marked closed, stale facts noted."""
    return render(
        "guide.html",
        guide=guide,
        body=Markup(body_html),
        today=today,
        stale=is_stale(guide.meta.updated, today, max_age_months),
        max_age_months=max_age_months,
        term_href=term_href,
        calendar_href=calendar_href,
    )
