"""The HTML of a case page: its metadata around the rendered story."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from ..content.model import Case
from ..content.terms import Term
from .cards import Cards
from .templates import render

RELATED_SLOT = "<!-- mik-laes-ogsaa -->"


def render_case(
    case: Case,
    body_html: str,
    *,
    image: Markup | None = None,
    has_related: bool = False,
    term_href: Callable[[Term], str | None] = lambda term: None,
) -> str:
    """The case page's content: header, facts with term links, story, sources.

    image is the case's picture as markup (a `<picture>`, see `images.html`). With
    has_related, `RELATED_SLOT` marks where "Læs også" goes (see `with_related`);
    term_href gives the link to a term's page, if it has one.
    """
    return render(
        "case.html",
        case=case,
        body=Markup(body_html),
        image=image,
        has_related=has_related,
        related_slot=Markup(RELATED_SLOT),
        term_href=term_href,
    )


def with_related(content: str, related: Sequence[tuple[str, Case]], cards: Cards) -> str:
    """A case page's content with "Læs også": cards of related, as (href, case) pairs.

    It goes in after the search index has read the page, so its cards never make a case a
    search hit for another case, and the index does not parse them. The slot is the last one
    in content: an editor's story that happens to hold the same comment stays as written.
    """
    head, slot, tail = content.rpartition(RELATED_SLOT)
    return (
        f"{head}{render('related.html', related=related, card=cards.card)}{tail}"
        if slot
        else content
    )
