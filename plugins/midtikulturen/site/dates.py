"""When each page last changed, for `<lastmod>` in sitemap.xml: its content's own dates.

A case changed on its `updated` (or `date`), a guide on its `updated`; a listing (all cases,
all guides, a term) when the newest of its items changed; the front page when anything
published did. Other pages have no date the content can vouch for, and get none.
"""

from __future__ import annotations

from datetime import date

from ..content.catalog import Catalog
from ..content.taxonomy import SECTIONS, term_folder
from ..feed.plan import folder_of_listing


def last_changes(catalog: Catalog, cases_dir: str, guides_dir: str) -> dict[str, date]:
    """Dates by page source (`cases/a.md`) and by listing folder (`kommuner/skive`)."""
    found: dict[str, date] = {c.src_uri: c.meta.last_change for c in catalog.cases}
    found.update((g.src_uri, g.meta.updated) for g in catalog.guides)
    found[cases_dir] = max((c.meta.last_change for c in catalog.cases), default=date.min)
    found[guides_dir] = max((g.meta.updated for g in catalog.guides), default=date.min)
    for term in (t for section in SECTIONS for t in catalog.terms.terms(section.taxonomy)):
        items = [
            *(c.meta.last_change for c in catalog.terms.cases_of(term)),
            *(g.meta.updated for g in catalog.terms.guides_of(term)),
        ]
        if items:
            found[term_folder(term)] = max(items)
    newest = max(found.values(), default=date.min)
    found = {key: day for key, day in found.items() if day != date.min}
    if newest != date.min:
        found["index.md"] = newest
    return found


def page_date(dates: dict[str, date], src_uri: str) -> date | None:
    """The last change of the page made from src_uri, if its content has one."""
    if src_uri in dates:
        return dates[src_uri]
    folder = folder_of_listing(src_uri)
    return dates.get(folder) if folder else None
