"""The HTML of guide and house lists: `/guides/` by programme, deadlines, term pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from markupsafe import Markup

from ..content.guides import UpcomingDeadline, is_closed
from ..content.model import Guide, House
from ..content.schema import Deadline
from ..content.terms import Term
from .templates import render

Href = Callable[[str], str]


def next_deadline(guide: Guide, today: date) -> Deadline | None:
    """The guide's soonest deadline that has not passed."""
    open_ = [d for d in guide.meta.deadlines if not is_closed(d, today)]
    return min(open_, key=lambda d: d.date) if open_ else None


def render_guide_cards(
    guides: Sequence[Guide],
    href_of: Callable[[Guide], str],
    today: date,
    heading: str = "h3",
    empty: str = "Der er endnu ingen guides.",
) -> str:
    """A list of guide cards, each with its next deadline."""
    return render(
        "guide_cards.html",
        heading=heading,
        empty=empty,
        guides=[(href_of(g), g, next_deadline(g, today)) for g in guides],
    )


def render_guides_page(
    guides: Sequence[Guide],
    href_of: Callable[[Guide], str],
    term_href: Callable[[Term], str | None],
    today: date,
    calendar_href: str | None,
) -> str:
    """`/guides/`: guides grouped by programme, then regional offers, then the rest."""
    groups: dict[tuple[int, str], tuple[str, str | None, list[Guide]]] = {}
    for guide in guides:
        term = guide.meta.programme or guide.meta.support
        key = (
            0 if guide.meta.programme else 1 if guide.meta.support else 2,
            term.name if guide.meta.programme and term else "",
        )
        title = (
            term.name
            if guide.meta.programme and term
            else "Regionale tilbud"
            if guide.meta.support
            else "Andre guides"
        )
        href = term_href(term) if guide.meta.programme and term else None
        groups.setdefault(key, (title, href, []))[2].append(guide)
    rendered = [
        (
            title,
            href,
            Markup(render_guide_cards(sorted(items, key=lambda g: g.meta.title), href_of, today)),
        )
        for _, (title, href, items) in sorted(groups.items())
    ]
    return render("guides.html", groups=rendered, calendar_href=calendar_href)


def render_deadlines(deadlines: Sequence[UpcomingDeadline], href_of: Callable[[Guide], str]) -> str:
    """ "Kommende frister": each deadline with a link to its guide."""
    return render("deadlines.html", deadlines=[(href_of(u.guide), u) for u in deadlines])


def render_house_cards(
    houses: Sequence[House],
    href_of: Callable[[House], str],
    empty: str = "Der er endnu ingen kulturhuse.",
) -> str:
    """A list of culture houses with town and municipality."""
    return render("house_cards.html", houses=[(href_of(h), h) for h in houses], empty=empty)
