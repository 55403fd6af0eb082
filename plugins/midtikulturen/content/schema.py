"""Front-matter schemas: one declaration per content type."""

from __future__ import annotations

import datetime as dt

from .fields import (CountryCode, IsoDate, Month, Strict, Teaser, Text, Url, terms_of,
                     tuple_of)
from .terms import Taxonomy, Term


class Period(Strict):
    """When a project ran, by month."""

    start: Month
    end: Month | None = None


class Contributor(Strict):
    """A person shown under "Medvirkende"."""

    name: Text
    role: Text | None = None


class Source(Strict):
    """A source shown under "Kilder"; a source without a web address has only a title."""

    title: Text
    url: Url | None = None


class CaseMeta(Strict):
    """The front matter of a case story in `cases/`."""

    title: Text
    description: Teaser
    date: IsoDate
    updated: IsoDate | None = None
    organisation: Text
    municipality: terms_of(Taxonomy.MUNICIPALITIES, one_allowed=True)  # type: ignore[valid-type]
    themes: terms_of(Taxonomy.THEMES) = ()  # type: ignore[valid-type]
    programmes: terms_of(Taxonomy.PROGRAMMES) = ()  # type: ignore[valid-type]
    support: terms_of(Taxonomy.SUPPORT) = ()  # type: ignore[valid-type]
    period: Period | None = None
    partner_countries: tuple_of(CountryCode) = ()  # type: ignore[valid-type]
    contributors: tuple_of(Contributor) = ()  # type: ignore[valid-type]
    image: Text | None = None
    image_alt: Text | None = None
    sources: tuple_of(Source) = ()  # type: ignore[valid-type]
    draft: bool = False

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every taxonomy term of the case, municipalities first."""
        return (*self.municipality, *self.programmes, *self.support, *self.themes)

    @property
    def last_change(self) -> dt.date:
        """The date of the last substantial change: `updated`, or else `date`."""
        return self.updated or self.date


def case_rules(meta: CaseMeta) -> list[tuple[tuple[str, ...], str]]:
    """Rules across fields, as (field path, message) pairs."""
    problems: list[tuple[tuple[str, ...], str]] = []
    if meta.image and not meta.image_alt:
        problems.append((("image",), "et billede skal have en billedtekst til skærmlæsere — "
                                     "tilføj `image_alt:` med en kort beskrivelse af billedet"))
    if meta.image_alt and not meta.image:
        problems.append((("image_alt",), "`image_alt` uden `image` — tilføj billedet eller "
                                         "slet `image_alt`"))
    if meta.updated and meta.updated < meta.date:
        problems.append((("updated",), f"`updated` ({meta.updated}) ligger før `date` "
                                       f"({meta.date}) — ret en af de to datoer"))
    if meta.period and meta.period.end and meta.period.end < meta.period.start:
        problems.append((("period", "end"), "projektet slutter, før det starter — ret "
                                            "`start` eller `end`"))
    if len(set(meta.municipality)) < len(meta.municipality):
        problems.append((("municipality",), "samme kommune står flere gange — slet den ene"))
    return problems
