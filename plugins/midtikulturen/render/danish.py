"""Danish formatting of dates, months and country names."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from ..content.fields import YearMonth

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
