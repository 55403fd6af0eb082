"""Danish formatting of dates, months and country names."""

from __future__ import annotations

from datetime import date, time
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from ..content.fields import When, YearMonth

_DANISH = Locale("da")


@lru_cache(maxsize=8192)
def long_date(day: date) -> str:
    """A date as Danish running text writes it: `3. juni 2021`."""
    return format_date(day, "d. MMMM y", locale=_DANISH)


def month(value: YearMonth) -> str:
    """A month of a year in Danish: `oktober 2020`."""
    return format_date(date(value.year, value.month, 1), "MMMM y", locale=_DANISH)


def country_name(code: str) -> str:
    """The Danish name of a country code: `HU` → `Ungarn`."""
    return str(_DANISH.territories.get(code, code))


def number(value: float) -> str:
    """A number as Danish text writes it: `200.000`, `2,5`."""
    return str(format_decimal(value, locale=_DANISH))


def amount(value: int, currency: str) -> str:
    """An amount of money in Danish: `200.000 €`, `30.000 kr.`."""
    return f"{number(value)} €" if currency == "EUR" else f"{number(value)} kr."


def percent(value: float) -> str:
    """A percentage in Danish, with a space before the sign: `80 %`."""
    return f"{number(value)} %"


def weekday_date(day: date) -> str:
    """A date with its weekday, as Danish running text writes it: `torsdag 3. juni 2021`."""
    return format_date(day, "EEEE d. MMMM y", locale=_DANISH)


def clock(moment: time) -> str:
    """A time of day as Danes write it: `10`, `10.30`."""
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"


def span(start: When, end: When | None) -> str:
    """When an event is, in Danish: `torsdag 3. juni 2021 kl. 10–16`, `3.–4. juni 2021`."""
    if end is None or end == start:
        return weekday_date(start.day) + (f" kl. {clock(start.time)}" if start.time else "")
    if start.day == end.day:
        times = f" kl. {clock(start.time)}–{clock(end.time)}" if start.time and end.time else ""
        return weekday_date(start.day) + times
    if start.time and end.time:
        return (
            f"{weekday_date(start.day)} kl. {clock(start.time)} – "
            f"{weekday_date(end.day)} kl. {clock(end.time)}"
        )
    if (start.day.year, start.day.month) == (end.day.year, end.day.month):
        return f"{start.day.day}.–{long_date(end.day)}"
    return f"{long_date(start.day)} – {long_date(end.day)}"


def duration(seconds: int) -> str:
    """A length of audio in Danish: `32 min.`, `1 t. 5 min.`."""
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours} t. {minutes} min." if hours else f"{max(minutes, 1)} min."


def timestamp(seconds: int) -> str:
    """A place in audio: `4:30`, `1:02:05`."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
