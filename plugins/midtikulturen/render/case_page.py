"""The HTML of a case page: its metadata around the rendered story."""

from __future__ import annotations

from typing import Callable, Sequence

from markupsafe import Markup

from ..content.model import Case
from ..content.terms import Term
from .templates import render


def render_case(case: Case, body_html: str, *, image_url: str | None = None,
                related: Sequence[tuple[str, Case]] = (),
                term_href: Callable[[Term], str | None] = lambda term: None) -> str:
    """The case page's content: header, facts with term links, story, sources, "Læs også".

    related holds (href, case) pairs; term_href gives the link to a term's page, if it has one.
    """
    return render("case.html", case=case, body=Markup(body_html), image_url=image_url,
                  related=related, term_href=term_href)
