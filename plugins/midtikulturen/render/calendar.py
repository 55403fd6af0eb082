"""The deadlines of every guide as an iCalendar file (RFC 5545) that calendars subscribe to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from ..content.model import Guide

PRODUCT_ID = "-//Midt i Kulturen//Ansøgningsfrister//DA"


def deadlines_calendar(
    guides: tuple[Guide, ...], url_of: Callable[[Guide], str], domain: str, name: str
) -> bytes:
    """One all-day event per deadline, linking its guide; UIDs and stamps never change.

    A UID is built from the guide's slug and the deadline's date, so it stays the same when
    the site is rebuilt; DTSTAMP is when the guide was last checked, not the build time.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for guide in sorted(guides, key=lambda g: g.slug):
        seen: dict[str, int] = {}
        for deadline in sorted(guide.meta.deadlines, key=lambda d: (d.date, d.label)):
            key = f"{guide.slug}-{deadline.date:%Y%m%d}"
            seen[key] = seen.get(key, 0) + 1
            event = Event()
            event.add("uid", f"{key}-{seen[key]}@{domain}")
            event.add("dtstamp", datetime.combine(guide.meta.updated, time(), UTC))
            event.add("dtstart", deadline.date)
            event.add("dtend", deadline.date + timedelta(days=1))
            event.add("summary", f"{deadline.label} – {guide.meta.title}")
            event.add("description", f"{guide.meta.title}: {url_of(guide)}")
            event.add("url", url_of(guide))
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return calendar.to_ical()
