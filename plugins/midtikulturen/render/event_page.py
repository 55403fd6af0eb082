"""The HTML of events: an event's page, and lists of coming and past events."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from itertools import groupby

from markupsafe import Markup

from ..content.model import Event
from ..content.terms import Term
from .danish import span
from .events_calendar import place_of
from .templates import render


def is_past(event: Event, today: date) -> bool:
    """Whether the event ended before today."""
    return (event.meta.end or event.meta.start).day < today


def render_event(
    event: Event,
    body_html: str,
    *,
    today: date,
    term_href: Callable[[Term], str | None],
    calendar_href: str,
    recording: tuple[str, str] | None,
) -> str:
    """The event page's content: when and where in Danish, registration or recording."""
    return render(
        "event.html",
        event=event,
        body=Markup(body_html),
        when=span(event.meta.start, event.meta.end),
        place=place_of(event),
        past=is_past(event, today),
        term_href=term_href,
        calendar_href=calendar_href,
        recording={"label": recording[0], "href": recording[1]} if recording else None,
    )


def render_events(
    events: Sequence[Event],
    href_of: Callable[[Event], str],
    today: date,
    calendar_href: str | None = None,
    heading: str = "h2",
) -> str:
    """Coming events, soonest first, then past events by year, newest first."""

    def item(event: Event) -> dict[str, str]:
        return {
            "href": href_of(event),
            "title": event.meta.title,
            "when": span(event.meta.start, event.meta.end),
            "place": place_of(event),
        }

    ordered = sorted(events, key=lambda e: (e.meta.start, e.slug))
    coming = [item(e) for e in ordered if not is_past(e, today)]
    past = sorted(
        (e for e in ordered if is_past(e, today)), key=lambda e: e.meta.start, reverse=True
    )
    by_year = [
        (year, [item(e) for e in group])
        for year, group in groupby(past, key=lambda e: e.meta.start.day.year)
    ]
    return render(
        "events.html", coming=coming, past=by_year, calendar_href=calendar_href, heading=heading
    )
