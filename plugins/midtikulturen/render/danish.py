"""Danish formatting of dates, months and country names."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date

from ..content.fields import YearMonth

_DANISH = Locale("da")


def long_date(day: date) -> str:
    """A date as Danish running text writes it: `3. juni 2021`."""
    return format_date(day, "d. MMMM y", locale=_DANISH)


def month(value: YearMonth) -> str:
    """A month of a year in Danish: `oktober 2020`."""
    return format_date(date(value.year, value.month, 1), "MMMM y", locale=_DANISH)


def country_name(code: str) -> str:
    """The Danish name of a country code: `HU` → `Ungarn`."""
    return str(_DANISH.territories.get(code, code))
