"""The pages of content items in a site, and the calendars and chapters made for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from ..content.model import Case, Episode, Event, Guide, House

Item = Case | Guide | House | Episode | Event
Kind = TypeVar("Kind", Case, Guide, House, Episode, Event)


@dataclass(frozen=True)
class Placed:
    """The pages of content items in this build, and the calendars and chapters made for them.

    pages holds every published item by its page's source URI; previews the unpublished ones
    that have a page anyway (under `mkdocs serve`).
    """

    pages: dict[str, Item]
    previews: dict[str, Item]
    deadlines_calendar: str
    event_calendars: dict[str, str]
    chapters: dict[str, str]

    def of_kind(self, kind: type[Kind]) -> dict[str, Kind]:
        """The published pages of one kind of item."""
        return {uri: item for uri, item in self.pages.items() if isinstance(item, kind)}
