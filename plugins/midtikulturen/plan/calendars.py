"""The calendars the site publishes: guides' deadlines, and events by all, each and municipality."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from urllib.parse import urljoin, urlsplit

from ..content.model import Event, Guide
from ..content.reserved import CALENDAR_NAME, event_calendar_uri
from ..content.taxonomy import term_folder
from ..render.calendar import deadlines_calendar
from ..render.events_calendar import EVENTS_CALENDAR, events_calendar

LOCAL_SITE = "http://127.0.0.1:8000/"  # where a site without `site_url` is served
UrlOf = Callable[[str], str]  # a source URI to its URL from the site's root


def deadlines_file(
    guides: Sequence[Guide], url_of: UrlOf, site_url: str, site_name: str, guides_dir: str
) -> tuple[str, bytes]:
    """The source URI and bytes of the calendar of every deadline of the published guides."""
    base = site_url or LOCAL_SITE
    calendar = deadlines_calendar(
        tuple(guides),
        lambda guide: urljoin(base, url_of(guide.src_uri)),
        urlsplit(base).hostname or "localhost",
        f"{site_name}: ansøgningsfrister",
    )
    return posixpath.join(guides_dir, CALENDAR_NAME), calendar


def event_calendar_files(
    events: Sequence[Event], url_of: UrlOf, site_url: str, site_name: str, events_dir: str
) -> dict[str, tuple[str, bytes]]:
    """The calendars of events: all of them, each one's own, and each municipality's.

    Each is (source URI, bytes), by what it covers: "" for all, an event's slug, or a
    municipality term's folder.
    """
    base = site_url or LOCAL_SITE
    domain = urlsplit(base).hostname or "localhost"
    calendars = {
        "": (
            posixpath.join(events_dir, EVENTS_CALENDAR),
            tuple(events),
            f"{site_name}: arrangementer",
        )
    }
    for event in events:
        calendars[event.slug] = (
            event_calendar_uri(events_dir, event.slug),
            (event,),
            event.meta.title,
        )
    for term in sorted({e.meta.municipality for e in events if e.meta.municipality}):
        folder = term_folder(term)
        calendars[folder] = (
            posixpath.join(folder, EVENTS_CALENDAR),
            tuple(e for e in events if e.meta.municipality == term),
            f"{site_name}: arrangementer i {term.name}",
        )
    return {
        key: (
            uri,
            events_calendar(
                chosen, lambda event: urljoin(base, url_of(event.src_uri)), domain, title
            ),
        )
        for key, (uri, chosen, title) in calendars.items()
    }
