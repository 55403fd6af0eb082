"""Today's date where the readers are, which decides what is published."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def today() -> date:
    """Today's date in Denmark, so a case dated today appears from Danish midnight."""
    return datetime.now(DANISH_TIME).date()
