"""The note on a page that readers cannot see yet, shown only under `mkdocs serve`."""

from __future__ import annotations

from datetime import date

from ..content.model import Case, Episode, Event, Guide, House
from .danish import long_date
from .templates import render


def preview_note(item: Case | Guide | House | Episode | Event, today: date) -> str | None:
    """Why readers cannot see item on today, in Danish, or None if they can."""
    if item.meta.draft:
        return "Kladde – vises ikke på sitet"
    if isinstance(item, (Case, Episode)) and item.meta.date > today:
        return f"Planlagt til {long_date(item.meta.date)} – vises ikke på sitet før"
    return None


def preview_banner(note: str) -> str:
    """The HTML of the note, to stand first on the page."""
    return render("preview.html", note=note)
