"""Front-matter schemas: one declaration per content type."""

from __future__ import annotations

import datetime as dt

from typing import Annotated, Literal

from pydantic import Field

from .fields import (CountryCode, IsoDate, Month, Strict, Teaser, Text, Url, term_of, terms_of,
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


class Funding(Strict):
    """What a programme grants: the largest amount and the funder's share."""

    max_amount: Annotated[int, Field(ge=1)]
    currency: Literal["EUR", "DKK"]
    rate: Annotated[int, Field(ge=1, le=100)] | None = None


class Deadline(Strict):
    """An application deadline shown on a guide and in "Kommende frister"."""

    date: IsoDate
    label: Text


class GuideMeta(Strict):
    """The front matter of a funding guide in `docs/guides/`."""

    title: Text
    description: Teaser
    updated: IsoDate
    programme: term_of(Taxonomy.PROGRAMMES) | None = None  # type: ignore[valid-type]
    support: term_of(Taxonomy.SUPPORT) | None = None  # type: ignore[valid-type]
    funding: Funding | None = None
    deadlines: tuple_of(Deadline) = ()  # type: ignore[valid-type]
    themes: terms_of(Taxonomy.THEMES) = ()  # type: ignore[valid-type]
    sources: tuple_of(Source) = ()  # type: ignore[valid-type]
    draft: bool = False

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every taxonomy term of the guide."""
        return tuple(t for t in (self.programme, self.support) if t) + self.themes


class Location(Strict):
    """A point in WGS84 degrees."""

    lat: float
    lon: float


NonNegative = Annotated[int, Field(ge=0)]


class HouseMeta(Strict):
    """The front matter of a culture house in `docs/kulturhuse/huse/`.

    `house_type` and `ownership` must be written but may be left empty: "ikke oplyst".
    """

    title: Text
    description: Teaser
    municipality: term_of(Taxonomy.MUNICIPALITIES)  # type: ignore[valid-type]
    town: Text
    house_type: term_of(Taxonomy.HOUSE_TYPES) | None  # type: ignore[valid-type]
    ownership: term_of(Taxonomy.OWNERSHIP) | None  # type: ignore[valid-type]
    opened: Annotated[int, Field(ge=1000)] | None = None
    staff_fte: Annotated[float, Field(ge=0)] | None = None
    volunteers: NonNegative | None = None
    visitors_per_year: NonNegative | None = None
    facilities: terms_of(Taxonomy.FACILITIES) = ()  # type: ignore[valid-type]
    activities: terms_of(Taxonomy.ACTIVITIES) = ()  # type: ignore[valid-type]
    location: Location | None = None
    sources: tuple_of(Source) = ()  # type: ignore[valid-type]
    draft: bool = False

    @property
    def terms(self) -> tuple[Term, ...]:
        """The house's municipality, the only taxonomy with pages that houses share."""
        return (self.municipality,)


def house_rules(meta: HouseMeta, today: dt.date) -> list[tuple[tuple[str, ...], str]]:
    """Rules across fields and against today's date, as (field path, message) pairs."""
    problems: list[tuple[tuple[str, ...], str]] = []
    if meta.opened and meta.opened > today.year:
        problems.append((("opened",), f"{meta.opened} ligger i fremtiden — skriv det år, huset "
                                      "åbnede, eller slet feltet"))
    if meta.location and not (54.5 <= meta.location.lat <= 57.8
                              and 8.0 <= meta.location.lon <= 15.2):
        problems.append((("location",), f"({meta.location.lat}, {meta.location.lon}) ligger ikke "
                                        "i Danmark — skriv bredde- og længdegrad i grader, fx "
                                        "`{lat: 56.39, lon: 9.92}`"))
    return problems
