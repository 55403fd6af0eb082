"""Events as an iCalendar file (RFC 5545) in Danish local time, with its VTIMEZONE."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from ..content.fields import When
from ..content.model import Event

PRODUCT_ID = "-//Midt i Kulturen//Arrangementer//DA"
EVENTS_CALENDAR = "arrangementer.ics"
DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def events_calendar(
    events: Sequence[Event], url_of: Callable[[Event], str], domain: str, name: str
) -> bytes:
    """One VEVENT per event, in the order given; nothing in it depends on the clock.

    Times carry the Europe/Copenhagen time zone (with its VTIMEZONE, so summer time is right in
    every client); an all-day event is a DATE from its first day to the day after its last.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    for event in events:
        calendar.add_component(_component(event, url_of(event), domain))
    if any(not event.meta.start.all_day for event in events):
        calendar.add_missing_timezones()
    return calendar.to_ical()


def _component(event: Event, url: str, domain: str) -> CalendarEvent:
    meta = event.meta
    component = CalendarEvent()
    component.add("uid", f"{event.slug}@{domain}")
    component.add("dtstamp", datetime.combine(meta.start.day, datetime.min.time(), UTC))
    component.add("dtstart", _moment(meta.start))
    if meta.start.all_day:
        last = meta.end.day if meta.end else meta.start.day
        component.add("dtend", last + timedelta(days=1))
    elif meta.end:
        component.add("dtend", _moment(meta.end))
    component.add("summary", meta.title)
    component.add("description", f"{meta.description}\n\nArrangør: {meta.organiser}\n{url}")
    component.add("url", url)
    if location := place_of(event):
        component.add("location", location)
    return component


def _moment(when: When) -> date | datetime:
    return when.day if when.time is None else datetime.combine(when.day, when.time, DANISH_TIME)


def place_of(event: Event) -> str:
    """Where an event is, in one line: `Maltfabrikken, Ebeltoft`, or `Online`."""
    meta = event.meta
    parts = [meta.place, meta.town or (meta.municipality.name if meta.municipality else None)]
    where = ", ".join(part for part in parts if part)
    return where or ("Online" if meta.online else "")
