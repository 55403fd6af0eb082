"""The case filter on `/cases/`: its form options and the data the browser filters."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..content.catalog import Catalog
from ..content.model import Case
from ..content.taxonomy import SECTIONS
from ..content.terms import Taxonomy
from .danish import long_date
from .templates import render


@dataclass(frozen=True)
class Facet:
    """One filter: its URL parameter, Danish label and (value, label) options."""

    param: str
    label: str
    all_label: str
    options: tuple[tuple[str, str], ...]


FACETS = (
    ("kommune", "Kommune", "Alle kommuner", Taxonomy.MUNICIPALITIES),
    ("program", "Program", "Alle programmer", Taxonomy.PROGRAMMES),
    ("tema", "Tema", "Alle temaer", Taxonomy.THEMES),
)


def facets(catalog: Catalog) -> list[Facet]:
    """The filters with the values that published cases have, with their counts."""
    found = []
    for param, label, all_label, taxonomy in FACETS:
        options = tuple(
            (t.slug, f"{t.name} ({len(catalog.terms.cases_of(t))})")
            for t in catalog.terms.terms(taxonomy)
            if catalog.terms.cases_of(t)
        )
        found.append(Facet(param, label, all_label, options))
    years = Counter(c.meta.date.year for c in catalog.cases)
    found.append(
        Facet(
            "aar",
            "År",
            "Alle år",
            tuple((str(year), f"{year} ({n})") for year, n in sorted(years.items(), reverse=True)),
        )
    )
    return found


def render_filter(
    catalog: Catalog, data_href: str, root_href: str, href: Callable[[str], str]
) -> str:
    """The filter form, hidden until the script shows it, and links to the taxonomy pages.

    data_href points to the filter data, root_href to the site's root; href turns a source URI
    into a link, for the taxonomy pages that serve readers without JavaScript.
    """
    browse = [(href(s.src_uri), s.title.lower()) for s in SECTIONS]
    return render(
        "filter.html",
        facets=facets(catalog),
        data_href=data_href,
        root_href=root_href,
        browse=browse,
    )


def filter_data(
    cases: tuple[Case, ...],
    url_of: Callable[[Case], str],
    thumbnail: Callable[[Case], dict[str, Any] | None],
) -> str:
    """The published cases as JSON for the filter, newest first; url_of gives site-root URLs.

    A case with a picture has its thumbnail's size and site-root URLs by MIME type (thumbnail:
    `Cards.data`).
    """
    records = [
        {
            "title": c.meta.title,
            "description": c.meta.description,
            "url": url_of(c),
            "date": c.meta.date.isoformat(),
            "date_label": long_date(c.meta.date),
            "places": ", ".join(t.name for t in c.meta.municipality),
            # by the filter's URL parameter, which readers see: `/cases/?kommune=skive`
            "facets": {
                "kommune": [t.slug for t in c.meta.municipality],
                "program": [t.slug for t in c.meta.programmes],
                "tema": [t.slug for t in c.meta.themes],
                "aar": [str(c.meta.date.year)],
            },
            **({"picture": picture} if (picture := thumbnail(c)) else {}),
        }
        for c in cases
    ]
    return json.dumps({"cases": records}, ensure_ascii=False, separators=(",", ":"))
