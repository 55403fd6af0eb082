"""What readers need to know about guides on a given day: deadlines and stale facts."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from .model import Guide
from .schema import Deadline


@dataclass(frozen=True)
class UpcomingDeadline:
    """A deadline that has not passed, with the guide it belongs to."""

    deadline: Deadline
    guide: Guide


def add_months(day: date, months: int) -> date:
    """The same day months later, or the month's last day: 2025-01-31 + 1 → 2025-02-28."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def is_stale(updated: date, today: date, max_age_months: int) -> bool:
    """Whether facts last checked on updated were checked longer ago than max_age_months."""
    return add_months(updated, max_age_months) < today


def is_closed(deadline: Deadline, today: date) -> bool:
    """Whether the deadline has passed: a deadline on today is still open."""
    return deadline.date < today


def upcoming_deadlines(guides: tuple[Guide, ...], today: date) -> list[UpcomingDeadline]:
    """Every deadline from today on across guides, soonest first, ties by guide title."""
    found = [
        UpcomingDeadline(d, g) for g in guides for d in g.meta.deadlines if not is_closed(d, today)
    ]
    return sorted(found, key=lambda u: (u.deadline.date, u.guide.meta.title, u.deadline.label))
